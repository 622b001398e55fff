import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import { addDays, addWorkdays } from '../../kernel/calendar.js';
import { answerComment, consultationOf, submitComment } from '../../kernel/consultation.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs, users } from '../../kernel/db/schema.js';
import { type Rng, rng } from '../../kernel/demo/random.js';
import { personName } from '../../kernel/demo/seed.js';
import { at, type DemoOptions, daysFrom } from '../../kernel/demo/window.js';
import { CATEGORIES, SANZHONG, type StepName } from './model.js';
import { addCatalogueItem, catalogueStep, createCatalogue, createDecision, runStep } from './service.js';

const SYSTEM: Actor = { id: null, name: '演示数据' };

const MATTERS: [string, (typeof CATEGORIES)[number]][] = [
  ['集镇生活污水处理设施建设项目', CATEGORIES[3]],
  ['农村人居环境整治三年行动方案', CATEGORIES[1]],
  ['集镇农贸市场改造提升方案', CATEGORIES[3]],
  ['城乡居民临时救助标准调整', CATEGORIES[0]],
  ['河道采砂区域规划', CATEGORIES[2]],
  ['集镇停车收费管理办法', CATEGORIES[4]],
  ['村级公益事业建设奖补方案', CATEGORIES[0]],
];
const COMMENTS = [
  '建议在实施前对受影响的农户逐户走访,充分听取意见。',
  '第二条中的标准偏低,建议参照周边乡镇适当提高。',
  '建议明确资金来源和使用监督方式,定期公开。',
  '施工期间请合理安排时间,减少对群众出行的影响。',
];

async function actorOf(tx: Tx, username: string): Promise<Actor> {
  const [u] = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.username, username));
  return u ? { id: u.id, name: u.name } : SYSTEM;
}

/**
 * Each township's 年度决策事项目录 (both years of the demo window), one or two major decisions a year through all five
 * procedures with public comments answered, and a handful of 三重一大 matters.
 */
export async function seedDecisions(tx: Tx, opts: DemoOptions): Promise<void> {
  const w = opts.window;
  const r = rng(opts.seed + 71);
  const townships = await tx
    .select({ code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(sql`${orgs.level} = 'township' AND ${orgs.parentCode} = ${opts.countyCode}`)
    .orderBy(orgs.code);
  for (const [idx, t] of townships.entries()) {
    const n = String(idx + 1).padStart(2, '0');
    const clerk = await actorOf(tx, `zhen${n}.jingban`);
    const adviser = await actorOf(tx, `zhen${n}.guwen`);
    const leader = await actorOf(tx, `zhen${n}.lingdao`);
    for (const year of [w.year, w.year + 1]) {
      const cat = await createCatalogue(
        tx,
        { orgCode: t.code, year, title: `${t.name}${year}年度重大行政决策事项目录` },
        clerk,
      );
      const picks = [...MATTERS].sort(() => r.next() - 0.5).slice(0, r.int(1, 2));
      const itemIds: number[] = [];
      for (const [title, category] of picks) {
        const item = await addCatalogueItem(
          tx,
          cat.id,
          {
            title: `${t.name}${title}`,
            category,
            sponsorUnit: r.pick(['党政办', '经济发展办', '社会事务办']),
          },
          clerk,
          w.today,
        );
        itemIds.push(item.id);
      }
      await catalogueStep(tx, cat.id, 'approve', `${year}-02-2${r.int(0, 8)}`, leader, w.today);
      await catalogueStep(tx, cat.id, 'publish', `${year}-03-0${r.int(1, 9)}`, clerk, w.today);
      for (const [k, [title, category]] of picks.entries()) {
        const launchedOn = `${year}-03-${String(r.int(10, 28)).padStart(2, '0')}`;
        const d = await createDecision(
          tx,
          {
            orgCode: t.code,
            kind: '重大行政决策',
            title: `${t.name}${title}`,
            category,
            catalogueItemId: itemIds[k]!,
            sponsorUnit: '党政办',
            draft: `第一条 为推进${title},结合本镇实际,制定本方案。\n\n第二条 实施范围和标准。\n\n第三条 资金保障和监督。\n\n第四条 本方案自公布之日起施行。`,
            launchedOn,
            professional: true,
            stabilityRisk: r.chance(0.6),
          },
          clerk,
          w.today,
        );
        await walk(tx, r, d.id, launchedOn, { clerk, adviser, leader }, w.today);
      }
      // 三重一大: matters decided collectively by the Party and government meeting.
      for (let i = 0, m = r.int(2, 4); i < m; i++) {
        const on = addDays(`${year}-01-15`, r.int(0, 300));
        if (on > w.today) continue;
        const matter = r.pick(SANZHONG);
        const subject: Record<(typeof SANZHONG)[number], string[]> = {
          重大事项决策: ['集镇环境综合整治实施方案', '村级集体经济发展扶持方案'],
          重要干部任免: ['镇属站所负责人调整', '村(社区)后备干部推荐'],
          重大项目安排: ['道路硬化项目安排', '农田水利设施维修项目安排'],
          大额资金使用: ['防汛物资采购', '村级活动阵地修缮资金安排'],
        };
        const d = await createDecision(
          tx,
          {
            orgCode: t.code,
            kind: '三重一大',
            matter,
            title: `${matter}:${r.pick(subject[matter])}`,
            sponsorUnit: '党政办',
            draft: '经研究提出方案,提请会议集体讨论决定。',
            launchedOn: on,
          },
          clerk,
          w.today,
        );
        await runStep(
          tx,
          d.id,
          'collective',
          {
            meetingType: '党政联席会议',
            on,
            attendees: '党委书记、镇长、党委委员、副镇长',
            minutes: '与会人员充分讨论,一致同意。',
            outcome: '通过',
            decisionText: '同意按方案执行。',
          } as never,
          leader,
          w.today,
        );
      }
    }
  }
}

async function walk(
  tx: Tx,
  r: Rng,
  id: number,
  launchedOn: string,
  who: { clerk: Actor; adviser: Actor; leader: Actor },
  end: string,
): Promise<void> {
  const step = (name: StepName, input: Record<string, unknown>, actor: Actor, today = end) =>
    runStep(tx, id, name, input as never, actor, today);
  const opensOn = addDays(launchedOn, r.int(10, 30));
  const closesOn = addDays(opensOn, 29); // 30 days counting both ends
  if (closesOn >= end) return;
  await step('consult', { opensOn, closesOn }, who.clerk, opensOn);
  const c = await consultationOf(tx, 'decisions', 'decision', String(id));
  const ids: number[] = [];
  for (let i = 0, m = r.int(0, 3); i < m; i++) {
    const cm = await submitComment(
      tx,
      c!.id,
      { paragraphNo: r.chance(0.5) ? r.int(1, 4) : null, text: r.pick(COMMENTS), authorName: personName(r) },
      addDays(opensOn, r.int(0, 28)),
    );
    ids.push(cm.id);
  }
  const answerOn = addDays(closesOn, r.int(1, 5));
  for (const cid of ids) {
    const decision = r.weighted(['采纳', '部分采纳', '不采纳'] as const, [50, 30, 20]);
    await answerComment(
      tx,
      cid,
      { decision, reason: decision === '采纳' ? null : '该意见涉及事项已在其他方案中统筹考虑' },
      who.clerk,
      answerOn,
    );
  }
  let d = addDays(answerOn, r.int(1, 5));
  await step(
    'expert',
    {
      on: d,
      unit: '县发展和改革局',
      experts: [
        { name: personName(r), title: '高级工程师' },
        { name: personName(r), title: '律师' },
      ],
      opinions: '方案总体可行,建议细化实施步骤。',
      conflictChecked: true,
      disclosed: true,
    },
    who.clerk,
  );
  await step(
    'risk',
    {
      on: d,
      assessor: '镇综治中心',
      report: '风险点:群众对补偿标准有疑虑。防范措施:逐户宣传。处置预案:设立咨询点。',
      level: '低',
      controllable: true,
    },
    who.clerk,
  );
  await step('legalSubmit', { on: d, workdays: 7 }, who.clerk);
  d = addWorkdays(d, r.int(3, 7)).due;
  await step('legalReview', { on: d, result: '合法', opinion: '决策权限、程序、内容合法。' }, who.adviser);
  d = addDays(d, r.int(2, 10));
  if (d > end) return;
  await step(
    'collective',
    {
      meetingType: '常务会议',
      on: d,
      attendees: '镇长、副镇长、党政办主任',
      minutes: '会议听取了起草说明、公众意见采纳情况、专家论证、风险评估和合法性审查意见,同意该决策。',
      headOpinion: '同意',
      outcome: '通过',
      decisionText: '同意该方案,由承办单位组织实施。',
      partyReportedOn: addDays(d, -1),
    },
    who.leader,
  );
  d = addDays(d, r.int(1, 7));
  if (d > end) return;
  await step(
    'publish',
    {
      on: d,
      channel: '镇人民政府网站',
      publicText: '经镇人民政府常务会议研究决定,现予公布并作如下解读。',
      adoptionNote: '共收到公众意见若干条,已逐条研究答复,采纳情况一并公布。',
    },
    who.clerk,
  );
}
