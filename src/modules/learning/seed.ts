import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import { addDays, isWorkday } from '../../kernel/calendar.js';
import { rows as sqlRows, type Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { type Rng, rng } from '../../kernel/demo/random.js';
import { personName } from '../../kernel/demo/seed.js';
import { at, type DemoOptions, daysFrom } from '../../kernel/demo/window.js';
import { idCardCheckChar } from '../../kernel/validate.js';
import type { SessionKind } from './model.js';
import { learningExamEntries, learningReports } from './schema.js';
import {
  createExam,
  type EntryRow,
  entryValues,
  recordSessions,
  recordTrainings,
  type SessionRow,
  type TrainingRow,
} from './service.js';

const SYSTEM: Actor = { id: null, name: '演示数据' };

const THEMES = [
  '习近平法治思想',
  '中央全面依法治国工作会议精神',
  '习近平总书记关于法治政府建设的重要指示精神',
  '法治政府建设实施纲要(2021—2025年)',
  '党政主要负责人履行推进法治建设第一责任人职责规定',
];
const LAWS = [
  '《中华人民共和国宪法》',
  '《中华人民共和国民法典》',
  '《中华人民共和国行政处罚法》',
  '《中华人民共和国行政复议法》',
  '《中华人民共和国行政诉讼法》',
  '《中华人民共和国公职人员政务处分法》',
  '《信访工作条例》',
  '《中华人民共和国土地管理法》',
  '《中华人民共和国未成年人保护法》',
  '《中华人民共和国反有组织犯罪法》',
  '《中华人民共和国治安管理处罚法》',
  '《中华人民共和国安全生产法》',
  '《中华人民共和国政府信息公开条例》',
];
const LECTURES = [
  '民法典与基层治理',
  '行政执法程序规范',
  '新修订行政复议法解读',
  '领导干部从严治党与廉洁从政',
  '农村土地承包与宅基地管理',
  '安全生产法律责任',
  '防范电信网络诈骗',
];
const COURSES = [
  '行政处罚法及执法程序专题培训',
  '行政执法文书制作规范培训',
  '综合行政执法业务培训(城乡建设领域)',
  '行政执法全过程记录实务',
  '“互联网+执法”平台操作培训',
  '安全生产执法案例教学',
  '自然资源执法专题培训',
];

/** A workday near day `d` of `month` (YYYY-MM), not after the demo's today. */
function workdayIn(month: string, d: number): string {
  let day = `${month}-${String(Math.min(d, 28)).padStart(2, '0')}`;
  while (!isWorkday(day)) day = addDays(day, 1);
  return day;
}

/** A township's leaders and government as its name has them: 镇/乡 or 街道. */
function postsOf(name: string) {
  const street = name.endsWith('街道');
  const head = street ? '街道办事处主任' : name.endsWith('乡') ? '乡长' : '镇长';
  return {
    secretary: street ? '党工委书记' : '党委书记',
    head,
    deputy: street ? '分管法治工作副主任' : `分管法治工作副${head}`,
    government: street ? `${name}办事处` : `${name}人民政府`,
  };
}

const monthsUpTo = (year: number, end: string) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter(
    (m) => `${m}-01` <= end,
  );

function lawsOf(r: Rng): string {
  const n = r.int(1, 3);
  const picked = new Set<string>();
  while (picked.size < n) picked.add(r.pick(LAWS));
  return [...picked].join('');
}

function idCard(r: Rng): string {
  const birth = `19${r.int(65, 99)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
  const first = `510626${birth}${String(r.int(1, 999)).padStart(3, '0')}`;
  return first + idCardCheckChar(first);
}

/**
 * 学法用法 in the demo county: each township's 中心组学法 (about monthly, 13 in a good year), 政府常务会议
 * 会前学法 (30 odd), 专题讲座, a yearly 学法考试 with its roster (a few absent or failed on purpose), the
 * county's 执法资格考试, officers' training (some under 60 学时) and leaders' 述法. Bulk inserts.
 */
export async function seedLearning(tx: Tx, opts: DemoOptions): Promise<void> {
  const w = opts.window;
  const END = w.today;
  const YEARS = [w.year, w.year + 1] as const;
  const months = (year: number) => monthsUpTo(year, END);
  const r = rng(opts.seed + 71);
  const county = opts.countyCode;
  const townships = await tx
    .select({ code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(sql`${orgs.level} = 'township' AND ${orgs.parentCode} = ${county}`)
    .orderBy(orgs.code);
  const [countyOrg] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.code, county));
  const sessions: SessionRow[] = [];
  const session = (
    orgCode: string,
    kind: SessionKind,
    heldOn: string,
    topic: string,
    extra: Partial<SessionRow>,
  ) => {
    if (heldOn <= END) sessions.push({ orgCode, kind, heldOn, topic, source: 'demo', ...extra });
  };

  // County government: 常务会议会前学法 about twice a month.
  for (const y of YEARS)
    for (const m of months(y))
      for (const d of [8, 22])
        session(county, '政府常务会议会前学法', workdayIn(m, d), `会前学法：${r.pick(LAWS)}`, {
          laws: r.pick(LAWS),
          lecturer: '县司法局',
          attendees: r.int(25, 40),
          hours: 0.5,
        });

  for (const [idx, t] of townships.entries()) {
    // A few townships slack: fewer 中心组 sessions, fewer 会前学法.
    const slack = idx % 6 === 5;
    const posts = postsOf(t.name);
    for (const y of YEARS) {
      for (const [i, m] of months(y).entries()) {
        if (!(slack && i % 3 === 2))
          session(t.code, '党委理论学习中心组学法', workdayIn(m, r.int(3, 12)), `学习${r.pick(THEMES)}`, {
            laws: lawsOf(r),
            lecturer: posts.secretary,
            attendees: r.int(18, 35),
            hours: r.pick([1, 1.5, 2]),
          });
        // One extra 扩大 session in a good year: 13 a year.
        if (!slack && m.endsWith('-06'))
          session(
            t.code,
            '党委理论学习中心组学法',
            workdayIn(m, 24),
            '党委中心组(扩大)专题学法：习近平法治思想',
            {
              laws: lawsOf(r),
              lecturer: posts.secretary,
              attendees: r.int(30, 50),
              hours: 2,
            },
          );
        const meetings = slack ? r.int(1, 2) : r.int(2, 3);
        for (let k = 0; k < meetings; k++)
          session(
            t.code,
            '政府常务会议会前学法',
            workdayIn(m, 4 + k * 9 + r.int(0, 3)),
            `会前学法：${r.pick(LAWS)}`,
            {
              laws: r.pick(LAWS),
              lecturer: r.pick([posts.head, '司法所所长', '法律顾问']),
              attendees: r.int(10, 20),
              hours: 0.5,
            },
          );
        if (r.chance(0.45))
          session(t.code, '专题法治讲座', workdayIn(m, r.int(14, 26)), `${r.pick(LECTURES)}专题讲座`, {
            lecturer: r.pick(['县司法局', '法律顾问', '县法院法官', '县检察院检察官']),
            attendees: r.int(40, 120),
            hours: r.pick([1.5, 2]),
          });
        if (r.chance(0.12))
          session(t.code, '专题培训', workdayIn(m, r.int(10, 20)), '镇村干部依法行政能力培训', {
            laws: lawsOf(r),
            lecturer: '县司法局',
            attendees: r.int(60, 150),
            hours: 3,
          });
      }
    }
  }
  await recordSessions(tx, sessions, SYSTEM);

  // --- 年度学法考试: one per township a year, the 在编干部 roster.
  const entries: ReturnType<typeof entryValues>[] = [];
  for (const [idx, t] of townships.entries()) {
    for (const y of YEARS) {
      const exam = await createExam(
        tx,
        {
          orgCode: t.code,
          year: y,
          kind: '年度学法考试',
          name: `${y}年度国家工作人员学法考试`,
          heldOn: y === w.year ? at(w, '2024-11-29') : at(w, '2025-09-30'),
          passScore: 60,
          goodScore: 80,
          excellentScore: 90,
        },
        SYSTEM,
      );
      const size = r.int(70, 115);
      const list: EntryRow[] = [];
      for (let i = 0; i < size; i++) {
        const role = i < 6 ? '领导干部' : r.chance(0.15) ? '执法人员' : '公务员';
        // Most sit; a few townships leave someone out, one or two are 缺考.
        const status =
          idx % 4 === 3 && r.chance(0.04)
            ? '未参考'
            : r.chance(0.01)
              ? '缺考'
              : r.chance(0.005)
                ? '免考'
                : '已参考';
        const sat = status === '已参考';
        const score = sat
          ? r.chance(0.9)
            ? r.int(90, 100)
            : r.chance(0.7)
              ? r.int(70, 89)
              : r.int(40, 69)
          : null;
        list.push({
          orgCode: t.code,
          personName: personName(r),
          idCard: idCard(r),
          unitName: role === '执法人员' ? `${t.name}综合行政执法大队` : postsOf(t.name).government,
          role,
          status,
          score,
          attempts: sat ? r.int(1, 3) : null,
          makeupScore: score !== null && score < 60 && r.chance(0.6) ? r.int(60, 85) : null,
          // A few never opened the platform (参学率 below 100%).
          studyHours: status === '已参考' || r.chance(0.3) ? r.int(20, 60) : 0,
          sittedOn: sat
            ? addDays(y === w.year ? at(w, '2024-11-29') : at(w, '2025-09-30'), -r.int(0, 20))
            : null,
          source: 'demo',
        });
      }
      for (const row of list) entries.push(entryValues(exam.id, exam, row));
    }
  }

  // --- 执法资格考试 organised by the county, with the townships' new officers (entries in their township).
  for (const y of YEARS) {
    const exam = await createExam(
      tx,
      {
        orgCode: county,
        year: y,
        kind: '执法资格考试',
        name: `${countyOrg?.name ?? ''}${y}年行政执法资格考试`,
        heldOn: `${y}-05-${y === w.year ? '18' : '17'}`,
        passScore: 60,
        goodScore: 80,
        excellentScore: 90,
      },
      SYSTEM,
    );
    const list: EntryRow[] = [];
    for (const t of townships)
      for (let i = r.int(2, 5); i > 0; i--) {
        const status = r.chance(0.05) ? '缺考' : '已参考';
        const score = status === '已参考' ? (r.chance(0.85) ? r.int(62, 96) : r.int(40, 59)) : null;
        list.push({
          orgCode: t.code,
          personName: personName(r),
          idCard: idCard(r),
          unitName: `${t.name}综合行政执法大队`,
          role: '执法人员',
          status,
          score,
          attempts: score === null ? null : 1,
          sittedOn: score === null ? null : exam.heldOn,
          source: 'demo',
        });
      }
    for (const row of list) entries.push(entryValues(exam.id, exam, row));
  }
  for (let i = 0; i < entries.length; i += 1000)
    await tx.insert(learningExamEntries).values(entries.slice(i, i + 1000));

  // --- 执法人员培训: against the enforcement module's officers when it has seeded them; else by name.
  const officers = await sqlRows<{ id: number; orgCode: string; name: string }>(
    tx,
    sql`SELECT id, org_code AS "orgCode", name FROM enforcement_officer
        WHERE org_code LIKE ${`${county.slice(0, 6)}%`} AND active ORDER BY id`,
  );
  const people: { id: number | null; orgCode: string; name: string }[] = officers.length
    ? officers
    : townships.flatMap((t) =>
        Array.from({ length: 5 }, () => ({ id: null, orgCode: t.code, name: personName(r) })),
      );
  const trainings: TrainingRow[] = [];
  for (const [i, p] of people.entries()) {
    for (const y of YEARS) {
      // Most reach 60 学时 in the first year; about one in six falls short; the second is still under way.
      const target = i % 6 === 5 ? r.int(24, 48) : y === w.year ? r.int(60, 84) : r.int(30, 70);
      let total = 0;
      let month = 2;
      while (total < target && month <= 12) {
        const hours = Math.min(r.pick([8, 12, 16]), target - total + 4);
        const heldOn = workdayIn(`${y}-${String(month).padStart(2, '0')}`, r.int(5, 25));
        if (heldOn > END) break;
        trainings.push({
          orgCode: p.orgCode,
          officerId: p.id,
          personName: p.name,
          heldOn,
          course: r.pick(COURSES),
          hours,
          organiser: r.pick(['县司法局', '县综合行政执法局', '市司法局', '综合行政执法大队']),
          source: 'demo',
        });
        total += hours;
        month += r.int(1, 2);
      }
    }
  }
  await recordTrainings(tx, trainings, SYSTEM);

  // --- 述法: 党委书记 and 镇长 at the year-end 述职述法 (January of the next year), some 专题述法.
  const reports: (typeof learningReports.$inferInsert)[] = [];
  for (const [idx, t] of townships.entries()) {
    for (const year of [w.year - 1, w.year]) {
      const posts = postsOf(t.name);
      for (const post of [posts.secretary, posts.head]) {
        if (idx % 7 === 6 && post === posts.head && year === w.year) continue; // one missing on purpose
        reports.push({
          orgCode: t.code,
          year,
          leaderName: personName(r),
          post,
          reportedOn: workdayIn(`${year + 1}-01`, r.int(10, 25)),
          occasion: '年终述职述法',
          summary: `${post}${year}年度履行推进法治建设第一责任人职责情况`,
          evaluation: r.weighted(['好', '较好', '一般'], [70, 25, 5]),
        });
      }
    }
    if (r.chance(0.5))
      reports.push({
        orgCode: t.code,
        year: w.year + 1,
        leaderName: personName(r),
        post: postsOf(t.name).deputy,
        reportedOn: workdayIn(`${w.year + 1}-07`, r.int(5, 25)),
        occasion: '专题述法',
        summary: '上半年法治政府建设工作情况',
        evaluation: '较好',
      });
  }
  if (reports.length) await tx.insert(learningReports).values(reports);
}
