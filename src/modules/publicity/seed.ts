import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import { addDays } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { type Rng, rng } from '../../kernel/demo/random.js';
import { at, type DemoOptions, daysFrom } from '../../kernel/demo/window.js';
import { DEMO_VILLAGE, type Form, type VenueType } from './model.js';
import { publicityDuties, publicitySites } from './schema.js';
import { type ActivityRow, recordActivities } from './service.js';

const SYSTEM: Actor = { id: null, name: '演示数据' };

/** The demo offices (K01…K05) and the laws each must publicise under 谁执法谁普法. */
const UNITS: { k: string; name: string; duties: string; themes: string[] }[] = [
  { k: 'K01', name: '党政办', duties: '宪法、国家安全法、保守国家秘密法', themes: ['宪法宣传', '国家安全'] },
  { k: 'K02', name: '司法所', duties: '民法典、人民调解法、法律援助法', themes: ['民法典', '妇女权益保障'] },
  {
    k: 'K03',
    name: '综治中心',
    duties: '反电信网络诈骗法、禁毒法、反有组织犯罪法',
    themes: ['反电信网络诈骗', '禁毒', '扫黑除恶'],
  },
  {
    k: 'K04',
    name: '综合行政执法队',
    duties: '安全生产法、消防法、城乡规划法、土地管理法',
    themes: ['安全生产', '乡村振兴促进法'],
  },
  { k: 'K05', name: '信访办', duties: '信访工作条例、未成年人保护法', themes: ['未成年人保护', '其他'] },
];

/** Key dates of the 普法 calendar: the theme and the days around it. */
const KEY_DATES: { md: string; theme: string; spread: number }[] = [
  { md: '12-01', theme: '宪法宣传', spread: 6 }, // 宪法宣传周 12·1–12·7 (12·4 国家宪法日)
  { md: '06-22', theme: '禁毒', spread: 6 }, // 6·26 国际禁毒日
  { md: '04-13', theme: '国家安全', spread: 4 }, // 4·15 全民国家安全教育日
  { md: '03-12', theme: '民法典', spread: 5 }, // 3·15, 民法典宣传月 (5月) too
  { md: '05-06', theme: '民法典', spread: 20 },
  { md: '06-10', theme: '安全生产', spread: 20 }, // 安全生产月
];

const TITLES: Record<string, string[]> = {
  宪法宣传: ['“12·4”国家宪法日宪法宣传', '宪法宣传周法治讲座', '弘扬宪法精神主题宣传'],
  民法典: ['民法典进村(社区)宣讲', '“美好生活·民法典相伴”主题宣传', '民法典婚姻家庭编专题讲座'],
  禁毒: ['“6·26”国际禁毒日宣传', '禁毒第一课', '全民禁毒宣传'],
  反电信网络诈骗: ['反电信网络诈骗宣传', '“防诈骗 守好钱袋子”主题宣传', '反诈宣传进万家'],
  国家安全: ['“4·15”全民国家安全教育日宣传', '国家安全知识讲座'],
  扫黑除恶: ['常态化扫黑除恶斗争宣传', '扫黑除恶政策宣讲'],
  安全生产: ['“安全生产月”集中宣传', '安全生产法律知识讲座', '消防安全进企业'],
  未成年人保护: ['未成年人保护法进校园', '“法治护航成长”主题班会', '预防校园欺凌法治课'],
  妇女权益保障: ['妇女权益保障法宣传', '反家庭暴力法宣讲'],
  防范非法集资: ['防范非法集资宣传月活动', '守住“钱袋子”防范非法集资'],
  乡村振兴促进法: ['乡村振兴促进法宣讲', '“乡村振兴 法治同行”主题活动'],
  其他: ['农民工工资支付条例宣传', '“法律明白人”培训', '信访工作条例宣传'],
};

const FORMS_W: [Form, number][] = [
  ['集中宣传', 30],
  ['法治讲座', 25],
  ['以案释法', 10],
  ['广播', 8],
  ['新媒体', 10],
  ['文艺演出', 5],
  ['法律咨询', 10],
  ['其他', 2],
];
const VENUES_W: [VenueType, number][] = [
  ['进乡村', 34],
  ['进学校', 18],
  ['进社区', 14],
  ['进机关', 8],
  ['进企业', 10],
  ['进单位', 5],
  ['进家庭', 5],
  ['进网络', 5],
  ['进宗教活动场所', 1],
];

const pickW = <T>(r: Rng, list: [T, number][]): T =>
  r.weighted(
    list.map((x) => x[0]),
    list.map((x) => x[1]),
  );

/** Audience and handouts by form: a market-day stall reaches hundreds, a lecture dozens. */
function sizes(r: Rng, form: Form, venue: VenueType): { reach: number; materials: number } {
  switch (form) {
    case '集中宣传':
      return { reach: r.int(10, 40) * 10, materials: r.int(15, 50) * 10 };
    case '法治讲座':
      return {
        reach: venue === '进学校' ? r.int(20, 80) * 10 : r.int(30, 120),
        materials: r.int(0, 10) * 10,
      };
    case '以案释法':
      return { reach: r.int(30, 150), materials: r.int(0, 6) * 10 };
    case '广播':
      return { reach: r.int(3, 10) * 100, materials: 0 };
    case '新媒体':
      return { reach: r.int(2, 12) * 100, materials: 0 };
    case '文艺演出':
      return { reach: r.int(20, 60) * 10, materials: r.int(5, 20) * 10 };
    case '法律咨询':
      return { reach: r.int(20, 90), materials: r.int(5, 20) * 10 };
    default:
      return { reach: r.int(20, 100), materials: r.int(0, 10) * 10 };
  }
}

/**
 * 普法宣传 in the demo county: each township records 45–60 activities a year (法律六进, key dates like
 * 12·4 and 6·26), a 谁执法谁普法 list of its five offices with planned activities (some units fall behind),
 * and its 法治宣传阵地 (宣传栏, 法治广场 …) with one or two 民主法治示范村.
 */
export async function seedPublicity(tx: Tx, opts: DemoOptions): Promise<void> {
  const w = opts.window;
  const END = w.today;
  const YEARS = [w.year, w.year + 1];
  const r = rng(opts.seed + 71);
  const townships = await tx
    .select({ code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(sql`${orgs.level} = 'township' AND ${orgs.parentCode} = ${opts.countyCode}`)
    .orderBy(orgs.code);
  const villages = await tx
    .select({ code: orgs.code, name: orgs.name, parent: orgs.parentCode })
    .from(orgs)
    .where(sql`${orgs.level} = 'village' AND ${orgs.code} LIKE ${`${opts.countyCode.slice(0, 6)}%`}`)
    .orderBy(orgs.code);
  const officeCodes = new Set(
    (
      await tx
        .select({ code: orgs.code })
        .from(orgs)
        .where(sql`${orgs.level} = 'office' AND ${orgs.code} LIKE ${`${opts.countyCode.slice(0, 6)}%`}`)
    ).map((o) => o.code),
  );

  // 谁执法谁普法: every existing office of every township, both years.
  const dutyValues = townships.flatMap((t) =>
    YEARS.flatMap((year) =>
      UNITS.filter((u) => officeCodes.has(`${t.code}${u.k}`)).map((u) => ({
        orgCode: `${t.code}${u.k}`,
        year,
        unitName: u.name,
        duties: u.duties,
        planned: r.int(3, 6),
        createdBy: null,
      })),
    ),
  );
  const duties = dutyValues.length
    ? await tx
        .insert(publicityDuties)
        .values(dutyValues)
        .returning({ id: publicityDuties.id, orgCode: publicityDuties.orgCode, year: publicityDuties.year })
    : [];

  const rows: ActivityRow[] = [];
  for (const t of townships) {
    const mine = villages.filter((v) => v.parent === t.code);
    for (const year of YEARS) {
      const last = year === w.year + 1 ? END : `${year}-12-31`;
      const span = daysFrom(`${year}-01-02`, last) + 1;
      const count = Math.round(r.int(46, 62) * (span / 365));
      const tDuties = duties.filter((d) => d.year === year && d.orgCode.startsWith(t.code));
      for (let i = 0; i < count; i++) {
        let heldOn: string;
        let theme: string;
        if (r.chance(0.35)) {
          const k = r.pick(KEY_DATES);
          heldOn = addDays(`${year}-${k.md}`, r.int(0, k.spread));
          theme = k.theme;
        } else {
          heldOn = addDays(`${year}-01-02`, r.int(0, span - 3));
          theme = r.pick(Object.keys(TITLES));
        }
        // A key date after the demo's "today" (the second year's 宪法宣传周): an ordinary day and theme instead.
        if (heldOn > last) {
          heldOn = addDays(`${year}-01-02`, r.int(0, span - 3));
          theme = r.pick(Object.keys(TITLES).filter((k) => k !== '宪法宣传'));
        }
        let form = pickW(r, FORMS_W);
        let venueType = pickW(r, VENUES_W);
        if (theme === '未成年人保护' || (theme === '禁毒' && r.chance(0.4))) venueType = '进学校';
        if (venueType === '进网络') form = '新媒体';
        // The office responsible for the theme holds it under its duty, about half the time.
        const unit = UNITS.find((u) => u.themes.includes(theme));
        const duty = unit && r.chance(0.7) ? tDuties.find((d) => d.orgCode.endsWith(unit.k)) : undefined;
        const village = mine.length && r.chance(0.55) ? r.pick(mine) : undefined;
        const orgCode = duty && !village ? duty.orgCode : (village?.code ?? t.code);
        const { reach, materials } = sizes(r, form, venueType);
        const themes =
          r.chance(0.15) && theme !== '其他' ? [theme, r.pick(['民法典', '反电信网络诈骗'])] : [theme];
        rows.push({
          orgCode,
          heldOn,
          title: r.pick(TITLES[theme] ?? TITLES.其他!),
          themes: [...new Set(themes)],
          form,
          venueType,
          venueName:
            venueType === '进学校'
              ? `${t.name.slice(0, 2)}${r.pick(['中心小学', '初级中学', '中心幼儿园'])}`
              : village
                ? `${village.name}${r.pick(['村委会', '文化广场', '党群服务中心'])}`
                : `${t.name}${r.pick(['场镇', '便民服务中心', '赶集点'])}`,
          reach,
          materials,
          dutyId: duty?.id ?? null,
          organiser: duty ? UNITS.find((u) => duty.orgCode.endsWith(u.k))!.name : `${t.name}司法所`,
          source: 'demo',
        });
      }
    }
  }
  await recordActivities(tx, rows, SYSTEM);

  // 阵地: 宣传栏 in most villages, a 法治广场/公园/长廊/书屋 here and there, one or two 示范村 per township.
  const sites: (typeof publicitySites.$inferInsert)[] = [];
  for (const t of townships) {
    const mine = villages.filter((v) => v.parent === t.code);
    for (const v of mine) {
      if (r.chance(0.75))
        sites.push({
          orgCode: v.code,
          kind: '法治宣传栏',
          name: `${v.name}法治宣传栏`,
          builtOn: `20${r.int(19, 24)}-0${r.int(1, 9)}-15`,
        });
      if (r.chance(0.12)) {
        const kind = r.pick(['法治公园', '法治文化广场', '法治长廊', '法治书屋'] as const);
        sites.push({
          orgCode: v.code,
          kind,
          name: `${v.name}${kind}`,
          builtOn: addDays(at(w, '2023-06-01'), r.int(0, 800)),
        });
      }
    }
    const honoured = mine.filter(() => r.chance(0.12)).slice(0, 2);
    if (!honoured.length && mine.length) honoured.push(mine[0]!);
    for (const v of honoured)
      sites.push({
        orgCode: v.code,
        kind: DEMO_VILLAGE,
        name: `${v.name}`,
        honourLevel: r.weighted(['全国', '省级', '市级', '县级'], [2, 10, 35, 53]),
        builtOn: addDays('2019-01-01', r.int(0, 2400)),
      });
  }
  for (let i = 0; i < sites.length; i += 1000)
    await tx.insert(publicitySites).values(sites.slice(i, i + 1000));
}
