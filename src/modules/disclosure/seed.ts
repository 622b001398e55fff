import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import { addDays, addWorkdays, isWorkday } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { type OpenDeadline, recordDeadlines } from '../../kernel/deadlines.js';
import { type Rng, rng } from '../../kernel/demo/random.js';
import { personName, phoneNumber } from '../../kernel/demo/seed.js';
import { at, type DemoOptions, daysFrom } from '../../kernel/demo/window.js';
import { ABANDONED_REASON, ANSWER_REASONS, type AnswerType, MODULE } from './model.js';
import {
  PUBLISH_BASIS,
  PUBLISH_RULE,
  pausedFor,
  publishDue,
  REPLY_BASIS,
  REPLY_WORKDAYS,
  replyDue,
} from './rules.js';
import { disclosureItems, disclosureRequests } from './schema.js';
import { indexNumbers, requestNumbers, trackingCode } from './service.js';

const SYSTEM: Actor = { id: null, name: '演示数据' };

const TITLES: Record<string, string[]> = {
  机构职能: ['{t}人民政府机构职能', '{t}领导班子分工调整'],
  政策文件: ['{t}关于进一步加强人居环境整治的通知', '{t}森林防灭火工作方案'],
  规划计划: ['{t}{y}年度工作要点', '{t}国土空间规划（村庄规划）公示'],
  财政预决算: ['{t}{y}年部门预算', '{t}{y}年“三公”经费预算', '{t}{p}年部门决算'],
  行政执法: ['{t}行政执法事项清单', '{t}行政处罚结果公示（第{n}期）'],
  农业农村政策: ['{t}{y}年耕地地力保护补贴发放公示', '{t}{y}年农机购置补贴政策'],
  农田水利: ['{t}高标准农田建设项目公示', '{t}{y}年小型水利工程维修项目'],
  土地承包经营权流转: ['{t}土地承包经营权流转情况公示（第{n}批）'],
  宅基地使用: ['{t}农村宅基地审批结果公示（第{n}批）'],
  社会救助: ['{t}{y}年第{n}季度低保对象公示', '{t}临时救助对象公示（第{n}批）', '{t}特困供养人员名单'],
  重大建设项目: ['{t}农村道路提升改造项目批准结果', '{t}集镇污水管网建设项目进展'],
  公共资源配置: ['{t}村级工程项目招标结果公示', '{t}集体资产出租结果公示'],
  人事信息: ['{t}公益性岗位招聘公告', '{t}干部任前公示'],
  其他: ['{t}政府信息公开指南', '{t}防汛工作提示'],
};
const WEIGHTS: Record<string, number> = {
  机构职能: 1,
  政策文件: 3,
  规划计划: 2,
  财政预决算: 2,
  行政执法: 3,
  农业农村政策: 4,
  农田水利: 2,
  土地承包经营权流转: 2,
  宅基地使用: 3,
  社会救助: 6,
  重大建设项目: 2,
  公共资源配置: 3,
  人事信息: 1,
  其他: 1,
};
const CONTENTS = [
  '本村{y}年高标准农田建设项目的资金使用明细',
  '本人房屋征收补偿标准及依据文件',
  '本村土地承包经营权流转合同备案情况',
  '{y}年度低保对象评审会议记录',
  '本组道路硬化工程招投标结果及验收报告',
  '本人宅基地审批档案',
  '集镇规划中涉及本人承包地的规划图',
  '退耕还林补助资金发放名册',
];

function workdayNear(d: string): string {
  let day = d;
  while (!isWorkday(day)) day = addDays(day, 1);
  return day;
}

function dayIn(r: Rng, from: string, to: string): string {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return new Date(a + Math.floor(r.next() * ((b - a) / 86_400_000 + 1)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

const fill = (s: string, t: string, y: string, r: Rng) =>
  s
    .replace('{t}', t)
    .replace('{y}', y)
    .replace('{p}', String(Number(y) - 1))
    .replace('{n}', String(r.int(1, 6)));

async function insertChunks<T>(
  tx: Tx,
  table: typeof disclosureItems | typeof disclosureRequests,
  values: T[],
) {
  const out: { id: number }[] = [];
  for (let i = 0; i < values.length; i += 1000)
    out.push(
      ...(await tx
        .insert(table)
        .values(values.slice(i, i + 1000) as never)
        .returning({ id: table.id })),
    );
  return out;
}

/**
 * 政务公开 in the demo county: 25–45 主动公开 items a year per township (a few published late, a few
 * still unpublished past due) and a handful of 依申请 requests each, with 补正, 第三方, one extension and a
 * few late answers, so the rates are honest.
 */
export async function seedDisclosure(tx: Tx, opts: DemoOptions): Promise<void> {
  const w = opts.window;
  const END = w.today;
  const r = rng(opts.seed + 77);
  const townships = await tx
    .select({ code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(sql`${orgs.level} = 'township' AND ${orgs.parentCode} = ${opts.countyCode}`)
    .orderBy(orgs.code);
  const cats = Object.keys(WEIGHTS);
  const weights = cats.map((c) => WEIGHTS[c]!);
  const items: (typeof disclosureItems.$inferInsert)[] = [];
  const requests: (typeof disclosureRequests.$inferInsert)[] = [];
  for (const t of townships) {
    for (const [year, to] of [
      [String(w.year), `${w.year}-12-31`],
      [String(w.year + 1), END],
    ] as const) {
      const n = year === String(w.year) ? r.int(25, 45) : r.int(20, 38);
      const formed = Array.from({ length: n }, () => workdayNear(dayIn(r, `${year}-01-02`, to)))
        .filter((d) => d <= END)
        .sort();
      const nos = await indexNumbers(tx, t.code, year, formed.length);
      formed.forEach((formedOn, i) => {
        const category = r.weighted(cats, weights);
        const dueOn = publishDue(formedOn);
        const late = r.chance(0.06);
        let publishedOn: string | null = late
          ? addWorkdays(dueOn, r.int(1, 10)).due
          : addWorkdays(formedOn, r.weighted([1, 3, 8, 15, 19], [30, 30, 20, 15, 5])).due;
        if (publishedOn > END) publishedOn = r.chance(0.5) ? null : END;
        if (r.chance(0.01)) publishedOn = null; // forgotten
        items.push({
          orgCode: t.code,
          indexNo: nos[i]!,
          title: fill(r.pick(TITLES[category]!), t.name, year, r),
          category,
          formedOn,
          dueOn,
          publishedOn,
          channel: publishedOn ? r.weighted(['政府网站', '政务公开栏', '政务新媒体'], [60, 25, 15]) : null,
          summary: null,
          url: null,
          source: 'demo',
        });
      });

      const m = r.int(1, 4);
      const received = Array.from({ length: m }, () => workdayNear(dayIn(r, `${year}-01-05`, to)))
        .filter((d) => d <= END)
        .sort();
      const rnos = await requestNumbers(tx, t.code, year, received.length);
      received.forEach((receivedOn, i) => {
        const person = r.chance(0.85);
        const channel = r.weighted(['当面', '邮寄', '网络'], [40, 30, 30]) as '当面' | '邮寄' | '网络';
        const submittedOn = channel === '当面' ? receivedOn : addDays(receivedOn, -r.int(1, 3));
        const correction = r.chance(0.15);
        const correctionRequestedOn = correction ? addWorkdays(receivedOn, r.int(2, 6)).due : null;
        const abandon = correction && r.chance(0.3);
        const correctionReceivedOn =
          correction && !abandon ? addWorkdays(correctionRequestedOn!, r.int(2, 8)).due : null;
        const consult = !abandon && r.chance(0.1);
        const start = correctionReceivedOn ?? receivedOn;
        const thirdPartySentOn = consult ? addWorkdays(start, 3).due : null;
        const thirdPartyRepliedOn = consult ? addWorkdays(thirdPartySentOn!, r.int(5, 15)).due : null;
        const pausedWorkdays = consult ? pausedFor(thirdPartySentOn!, thirdPartyRepliedOn!) : 0;
        const extendedDays = !abandon && r.chance(0.08) ? r.pick([10, 15, 20]) : null;
        const dueInput = {
          receivedOn,
          correctionRequestedOn,
          correctionReceivedOn,
          extendedDays,
          pausedWorkdays,
          thirdPartySentOn,
          thirdPartyRepliedOn,
        };
        let dueOn = replyDue(dueInput);
        let answeredOn: string | null;
        let answerType: AnswerType | null;
        let answerReason: string | null = null;
        if (abandon) {
          answeredOn = addWorkdays(correctionRequestedOn!, 16).due;
          answerType = '其他处理';
          answerReason = ABANDONED_REASON;
          dueOn = null;
        } else {
          const lateAnswer = r.chance(0.08);
          answeredOn = lateAnswer
            ? addWorkdays(dueOn!, r.int(1, 5)).due
            : addWorkdays(start, (extendedDays ? 20 + r.int(1, extendedDays) : r.int(5, 18)) + pausedWorkdays)
                .due;
          answerType = r.weighted(
            ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理'] as AnswerType[],
            [50, 12, 10, 22, 6],
          );
          const reasons: readonly string[] = ANSWER_REASONS[answerType];
          answerReason = reasons.length
            ? r.pick(reasons.slice(0, answerType === '其他处理' ? 1 : reasons.length))
            : null;
        }
        const open = answeredOn > END;
        const seen = (d: string | null) => (d && d <= END ? d : null);
        const waitingCorrection = open && Boolean(seen(correctionRequestedOn)) && !seen(correctionReceivedOn);
        const consulting = open && Boolean(seen(thirdPartySentOn)) && !seen(thirdPartyRepliedOn);
        requests.push({
          orgCode: t.code,
          requestNo: rnos[i]!,
          trackingCode: trackingCode(),
          applicantKind: person ? '自然人' : '法人或其他组织',
          applicantSubKind: person
            ? null
            : r.weighted(['商业企业', '社会公益组织', '法律服务机构', '其他'], [60, 10, 20, 10]),
          applicantName: person
            ? personName(r)
            : `四川${r.pick(['安和', '德润', '鑫源', '天府'])}${r.pick(['农业开发有限公司', '律师事务所', '建筑工程有限公司'])}`,
          phone: phoneNumber(r),
          channel,
          mailKind: channel === '邮寄' ? '挂号或快递' : null,
          submittedOn,
          signedOn: channel === '邮寄' ? receivedOn : null,
          confirmedOn: channel === '网络' ? receivedOn : null,
          receivedOn,
          content: fill(r.pick(CONTENTS), t.name, year, r),
          status: !open
            ? 'closed'
            : waitingCorrection
              ? 'correcting'
              : consulting
                ? 'consulting'
                : 'received',
          correctionRequestedOn:
            correctionRequestedOn && correctionRequestedOn <= END ? correctionRequestedOn : null,
          correctionItems: correction ? '请明确所需信息的名称、文号或时间范围' : null,
          correctionReceivedOn: waitingCorrection ? null : correctionReceivedOn,
          thirdParty: consult ? '相关权利人' : null,
          thirdPartySentOn: consult && thirdPartySentOn! <= END ? thirdPartySentOn : null,
          thirdPartyRepliedOn: consult && thirdPartyRepliedOn! <= END ? thirdPartyRepliedOn : null,
          thirdPartyOpinion: consult && thirdPartyRepliedOn! <= END ? '同意公开' : null,
          pausedWorkdays: consult && thirdPartyRepliedOn! <= END ? pausedWorkdays : 0,
          extendedDays: extendedDays && seen(addWorkdays(start, 15).due) ? extendedDays : null,
          extensionReason: extendedDays ? '申请内容涉及多个年度档案，需调档查阅' : null,
          extensionApprover: extendedDays ? '镇长' : null,
          extensionApprovedOn: extendedDays ? addWorkdays(start, 15).due : null,
          extensionNotifiedOn: extendedDays ? addWorkdays(start, 16).due : null,
          dueOn: waitingCorrection ? null : dueOn,
          answerType: open ? null : answerType,
          answerReason: open ? null : answerReason,
          answeredOn: open ? null : answeredOn,
          source: 'demo',
        });
      });
    }
  }
  // Open requests' state is what END shows: recompute their due from the truncated row.
  for (const q of requests) {
    if (q.status !== 'closed') q.dueOn = replyDue({ ...q, receivedOn: q.receivedOn ?? null });
  }
  const itemIds = await insertChunks(tx, disclosureItems, items);
  const reqIds = await insertChunks(tx, disclosureRequests, requests);
  const limits: (OpenDeadline & { doneOn?: string | null })[] = items.map((it, i) => ({
    module: MODULE,
    entity: 'item',
    entityId: itemIds[i]!.id,
    step: 'publish',
    orgCode: it.orgCode,
    title: `主动公开 ${it.title}`,
    rule: PUBLISH_RULE,
    startsOn: it.formedOn,
    dueOn: it.dueOn,
    legalBasis: PUBLISH_BASIS,
    doneOn: it.publishedOn ?? null,
  }));
  requests.forEach((q, i) => {
    if (!q.dueOn) return;
    limits.push({
      module: MODULE,
      entity: 'request',
      entityId: reqIds[i]!.id,
      step: 'reply',
      orgCode: q.orgCode,
      title: `依申请公开答复 ${q.requestNo}`,
      rule: { kind: 'WORK_DAYS', n: REPLY_WORKDAYS + (q.extendedDays ?? 0) + (q.pausedWorkdays ?? 0) },
      startsOn: q.correctionReceivedOn ?? q.receivedOn!,
      dueOn: q.dueOn,
      legalBasis: REPLY_BASIS,
      doneOn: q.answeredOn ?? null,
    });
  });
  await recordDeadlines(tx, limits, SYSTEM);
}
