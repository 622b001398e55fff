import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import { addDays, addWorkdays } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs, users } from '../../kernel/db/schema.js';
import { type Rng, rng } from '../../kernel/demo/random.js';
import { at, type DemoOptions, daysFrom } from '../../kernel/demo/window.js';
import type { StepName } from './model.js';
import { createDocument, reviewFiling, runStep } from './service.js';

const SYSTEM: Actor = { id: null, name: '演示数据' };

const TITLES = [
  '关于进一步加强农村建房管理的实施办法',
  '城乡环境综合治理“门前三包”责任制管理办法',
  '农村集体资产管理办法(试行)',
  '关于规范村级小微权力运行的若干规定',
  '困难群众临时救助实施细则',
  '森林防火野外用火管理办法',
  '集镇市场摊位管理暂行办法',
  '村(社区)公益性岗位管理办法',
  '农村人居环境整治奖补办法',
  '防汛抗旱应急物资管理办法',
  '农村宅基地审批管理实施细则',
  '养犬管理暂行规定',
];

async function actorOf(tx: Tx, username: string): Promise<Actor> {
  const [u] = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.username, username));
  return u ? { id: u.id, name: u.name } : SYSTEM;
}

/**
 * A few 规范性文件 per township a year, each through 审核 → 审议 → 统一登记编号 → 公布 → 备案; most filed
 * within the window and passed by the county, a few late or corrected, the newest still in draft.
 */
export async function seedNormdocs(tx: Tx, opts: DemoOptions): Promise<void> {
  const w = opts.window;
  const r = rng(opts.seed + 53);
  const first = at(w, '2024-01-08');
  const span = daysFrom(first, at(w, '2025-09-19'));
  const county = await actorOf(tx, 'xian.jiandu');
  const townships = await tx
    .select({ code: orgs.code })
    .from(orgs)
    .where(sql`${orgs.level} = 'township' AND ${orgs.parentCode} = ${opts.countyCode}`)
    .orderBy(orgs.code);
  for (const [idx, t] of townships.entries()) {
    const n = String(idx + 1).padStart(2, '0');
    const clerk = await actorOf(tx, `zhen${n}.jingban`);
    const admin = await actorOf(tx, `zhen${n}.admin`);
    const adviser = await actorOf(tx, `zhen${n}.guwen`);
    const count = r.int(2, 4);
    const titles = [...TITLES].sort(() => r.next() - 0.5).slice(0, count);
    for (const title of titles) {
      const draftedOn = addDays(first, r.int(0, span));
      const d = await createDocument(
        tx,
        {
          orgCode: t.code,
          title: title.startsWith('关于') ? title : `${title}`,
          docType: '政府规范性文件',
          draftUnit: r.pick(['党政办', '综治中心', '综合行政执法队', '司法所']),
          summary: '为规范相关行政管理活动,根据有关法律法规,结合本镇(街道)实际制定。',
          draftedOn,
        },
        clerk,
        w.today,
      );
      await walk(tx, r, d.id, draftedOn, { clerk, admin, adviser, county }, w.today);
    }
  }
}

async function walk(
  tx: Tx,
  r: Rng,
  id: number,
  draftedOn: string,
  who: { clerk: Actor; admin: Actor; adviser: Actor; county: Actor },
  end: string,
): Promise<void> {
  const step = (name: StepName, input: Record<string, unknown>, actor: Actor) =>
    runStep(tx, id, name, input as never, actor, end);
  let d = addDays(draftedOn, r.int(3, 20));
  if (d > end) return;
  await step('submitReview', { on: d }, who.clerk);
  d = addWorkdays(d, r.int(2, 5)).due;
  if (d > end) return;
  await step(
    'legalReview',
    {
      on: d,
      result: r.chance(0.85) ? '合法' : '修改后合法',
      opinion: '制定主体适格,内容不违反上位法,程序符合规定。',
    },
    who.adviser,
  );
  d = addDays(d, r.int(3, 15));
  if (d > end) return;
  await step('deliberate', { on: d, meeting: '镇(街道)党政联席会议', result: '通过' }, who.admin);
  d = addDays(d, r.int(1, 5));
  if (d > end) return;
  await step('register', { on: d }, who.admin);
  d = addDays(d, r.int(0, 3));
  if (d > end) return;
  await step('publish', { on: d, medium: r.pick(['政府网站', '公告栏']) }, who.admin);
  // Most are filed within the 30 days; a few late, a few not yet.
  const filedOn = r.chance(0.85) ? addDays(d, r.int(3, 25)) : addDays(d, r.int(35, 60));
  if (filedOn > end || r.chance(0.05)) return;
  await step('file', { on: filedOn }, who.clerk);
  const reviewedOn = addDays(filedOn, r.int(5, 28));
  if (reviewedOn > end) return;
  const ok = r.chance(0.9);
  await reviewFiling(
    tx,
    id,
    {
      on: reviewedOn,
      result: ok ? '合格' : '纠正',
      reason: ok ? null : '个别条款与上位法表述不一致,请修改后重新报备',
    },
    who.county,
    () => true,
    end,
  );
}
