import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import { addDays, isWorkday } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs, users } from '../../kernel/db/schema.js';
import { rng } from '../../kernel/demo/random.js';
import { personName, phoneNumber } from '../../kernel/demo/seed.js';
import { at, type DemoOptions, daysFrom } from '../../kernel/demo/window.js';
import { type ActivityRow, checkActivities, createContract, recordActivities } from './service.js';

const SYSTEM: Actor = { id: null, name: '演示数据' };
const FIRMS = ['四川安和律师事务所', '四川德正律师事务所', '四川明理律师事务所', '德阳金信律师事务所'];
const TOPICS = [
  '土地承包纠纷',
  '婚姻家庭',
  '劳动报酬',
  '邻里纠纷',
  '借贷合同',
  '交通事故赔偿',
  '宅基地',
  '遗产继承',
];

/** A workday in `month` (YYYY-MM) near day `d`, for the duty roster. */
function workdayIn(month: string, d: number): string {
  let day = `${month}-${String(d).padStart(2, '0')}`;
  while (!isWorkday(day)) day = addDays(day, 1);
  return day;
}

function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); ) {
    out.push(m);
    const [y, mm] = m.split('-').map(Number) as [number, number];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  return out;
}

/**
 * 一村(社区)一法律顾问 in the demo county: a government adviser per township (the 法律顾问 account) and
 * lawyers covering almost every village, each with a monthly duty roster, consultations and lectures;
 * a few villages uncovered and one adviser idle for a quarter, so the figures are honest.
 */
export async function seedAdvisers(tx: Tx, opts: DemoOptions): Promise<void> {
  const w = opts.window;
  const END = w.today;
  const r = rng(opts.seed + 61);
  const townships = await tx
    .select({ code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(sql`${orgs.level} = 'township' AND ${orgs.parentCode} = ${opts.countyCode}`)
    .orderBy(orgs.code);
  const rows: ActivityRow[] = [];
  for (const [idx, t] of townships.entries()) {
    const n = String(idx + 1).padStart(2, '0');
    const [guwen] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, `zhen${n}.guwen`));
    const firm = r.pick(FIRMS);
    const gov = await createContract(
      tx,
      {
        orgCode: t.code,
        contractNo: `FLGW-${w.year}-${n}`,
        adviserName: personName(r),
        licenseNo: `1510620${String(r.int(10_000_000, 99_999_999))}`,
        firm,
        firmKind: '律师事务所',
        phone: phoneNumber(r),
        userId: guwen?.id ?? null,
        startsOn: at(w, '2024-01-01'),
        endsOn: at(w, '2026-12-31'),
        fee: 30_000,
        dutySchedule: '每月第一个工作日在镇政府坐班',
        covers: [t.code],
      },
      SYSTEM,
    );
    for (const m of months(at(w, '2024-01-01'), END)) {
      rows.push({
        contractId: gov.id,
        orgCode: t.code,
        kind: '坐班',
        on: workdayIn(m, 1),
        hours: 4,
        source: 'demo',
      });
    }
    const villages = await tx
      .select({ code: orgs.code })
      .from(orgs)
      .where(sql`${orgs.level} = 'village' AND ${orgs.parentCode} = ${t.code}`)
      .orderBy(orgs.code);
    // Two or three lawyers share the villages; in a few townships the last village has none yet.
    const uncovered = r.chance(0.2) ? 1 : 0;
    const served = villages.slice(0, villages.length - uncovered).map((v) => v.code);
    const lawyers = r.int(2, 3);
    for (let k = 0; k < lawyers; k++) {
      const mine = served.filter((_, i) => i % lawyers === k);
      if (mine.length === 0) continue;
      const startsOn = at(w, r.chance(0.8) ? '2024-01-01' : '2024-07-01');
      const c = await createContract(
        tx,
        {
          orgCode: t.code,
          contractNo: `CJGW-${w.year}-${n}-${k + 1}`,
          adviserName: personName(r),
          licenseNo: `1510620${String(r.int(10_000_000, 99_999_999))}`,
          firm: k === 2 ? `${t.name}法律服务所` : r.pick(FIRMS),
          firmKind: k === 2 ? '基层法律服务所' : '律师事务所',
          phone: phoneNumber(r),
          startsOn,
          endsOn: at(w, '2026-12-31'),
          fee: 2_000 * mine.length,
          dutySchedule: '每月到村(社区)坐班不少于2天',
          covers: mine,
        },
        SYSTEM,
      );
      // One lawyer in the county does nothing in the second year's Q2: the 聘而不用 list shows it.
      const idleQuarter = idx === 2 && k === 0;
      for (const m of months(startsOn, END)) {
        if (idleQuarter && m >= `${w.year + 1}-04` && m <= `${w.year + 1}-06`) continue;
        for (const v of mine) {
          const day = workdayIn(m, r.int(2, 12));
          rows.push({
            contractId: c.id,
            orgCode: v,
            kind: '坐班',
            on: day,
            hours: r.pick([2, 3, 4]),
            source: 'demo',
          });
          if (r.chance(0.85)) {
            rows.push({
              contractId: c.id,
              orgCode: v,
              kind: '咨询',
              on: day,
              people: r.int(1, 6),
              way: r.weighted(['坐班', '电话', '微信', '上门'], [60, 20, 15, 5]),
              topic: r.pick(TOPICS),
              source: 'demo',
            });
          }
          if (r.chance(0.08)) {
            rows.push({
              contractId: c.id,
              orgCode: v,
              kind: '讲座',
              on: day,
              people: r.int(20, 80),
              topic: '民法典进村(社区)',
              source: 'demo',
            });
          }
          if (r.chance(0.05)) {
            rows.push({
              contractId: c.id,
              orgCode: v,
              kind: '调解',
              on: day,
              topic: r.pick(TOPICS),
              source: 'demo',
            });
          }
        }
      }
    }
  }
  const problems = await checkActivities(tx, rows, END);
  if (problems.length) throw new Error(`demo advisers: ${JSON.stringify(problems.slice(0, 3))}`);
  await recordActivities(tx, rows, SYSTEM);
}
