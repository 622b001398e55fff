import { z } from 'zod';
import type { RecordModel } from '../../kernel/model.js';

export const MODULE = 'publicity';

/** Themes offered in forms; free text is allowed too (other laws, local campaigns). */
export const THEMES = [
  '宪法宣传',
  '民法典',
  '禁毒',
  '反电信网络诈骗',
  '国家安全',
  '扫黑除恶',
  '安全生产',
  '未成年人保护',
  '妇女权益保障',
  '防范非法集资',
  '乡村振兴促进法',
  '其他',
] as const;
export const THEME_HINTS: Record<string, string> = {
  宪法宣传: '12·4 国家宪法日/宪法宣传周',
  禁毒: '6·26 国际禁毒日',
  国家安全: '4·15 全民国家安全教育日',
};
export const FORMS = [
  '法治讲座',
  '集中宣传',
  '广播',
  '新媒体',
  '以案释法',
  '文艺演出',
  '法律咨询',
  '其他',
] as const;
export type Form = (typeof FORMS)[number];
/** 法律“六进”(十进). */
export const VENUE_TYPES = [
  '进机关',
  '进乡村',
  '进社区',
  '进学校',
  '进企业',
  '进单位',
  '进家庭',
  '进网络',
  '进军营',
  '进宗教活动场所',
] as const;
export type VenueType = (typeof VENUE_TYPES)[number];
export const SITE_KINDS = [
  '法治公园',
  '法治文化广场',
  '法治长廊',
  '法治宣传栏',
  '法治书屋',
  '民主法治示范村(社区)',
  '其他',
] as const;
export const DEMO_VILLAGE = '民主法治示范村(社区)';
export const HONOUR_LEVELS = ['全国', '省级', '市级', '县级'] as const;

/** How real ledgers write forms: 赶集宣传, 集市宣传, 讲座, 微信公众号 … → the form. */
const FORM_WORDS: [RegExp, Form][] = [
  [/以案(释|说)法|案例/, '以案释法'],
  [/讲座|讲课|宣讲|授课|培训|法治课/, '法治讲座'],
  [/集中|赶集|集市|摆摊|街头|赶场|广场/, '集中宣传'],
  [/广播|大喇叭|小喇叭/, '广播'],
  [/新媒体|微信|公众号|抖音|视频号|短视频|网络|线上|微博/, '新媒体'],
  [/文艺|演出|小品|小剧场|戏|快板|电影/, '文艺演出'],
  [/咨询|义诊|法律服务/, '法律咨询'],
  [/其他|其它/, '其他'],
];

export function normalizeForm(text: string): Form | null {
  const t = text.replace(/\s/g, '');
  if (!t) return null;
  const exact = FORMS.find((f) => f === t);
  if (exact) return exact;
  return FORM_WORDS.find(([re]) => re.test(t))?.[1] ?? null;
}

/** 进农村 → 进乡村, 学校 → 进学校, 进校园 → 进学校 … */
export function normalizeVenueType(text: string): VenueType | null {
  let t = text.replace(/\s/g, '').replace(/^["“”「」]+|["“”「」]+$/g, '');
  if (!t) return null;
  if (!t.startsWith('进')) t = `进${t}`;
  const exact = VENUE_TYPES.find((v) => v === t);
  if (exact) return exact;
  const words: [RegExp, VenueType][] = [
    [/学校|校园|中学|小学|幼儿园|课堂/, '进学校'],
    [/农村|乡村|村组|村/, '进乡村'],
    [/社区|小区|楼院|院落/, '进社区'],
    [/机关|政府/, '进机关'],
    [/企业|工地|厂|公司/, '进企业'],
    [/单位/, '进单位'],
    [/家庭|入户|农户/, '进家庭'],
    [/网络|网上|线上/, '进网络'],
    [/军营|部队/, '进军营'],
    [/宗教|寺|庙|教堂/, '进宗教活动场所'],
  ];
  return words.find(([re]) => re.test(t))?.[1] ?? null;
}

/** Themes as ledgers write them (、，/ separated; 宪法日 → 宪法宣传 …); unknown words kept as free text. */
export function normalizeThemes(text: string): string[] {
  const words: [RegExp, string][] = [
    [/宪法/, '宪法宣传'],
    [/民法典/, '民法典'],
    [/禁毒|毒品|防艾/, '禁毒'],
    [/电信|诈骗|反诈|电诈/, '反电信网络诈骗'],
    [/国家安全|国安/, '国家安全'],
    [/扫黑|黑恶/, '扫黑除恶'],
    [/安全生产|消防/, '安全生产'],
    [/未成年/, '未成年人保护'],
    [/妇女|反家暴|家庭暴力/, '妇女权益保障'],
    [/非法集资|集资/, '防范非法集资'],
    [/乡村振兴/, '乡村振兴促进法'],
  ];
  const out: string[] = [];
  for (const raw of text.split(/[、，,;；/\s]+/)) {
    const t = raw.trim();
    if (!t) continue;
    const known = (THEMES as readonly string[]).includes(t) ? t : words.find(([re]) => re.test(t))?.[1];
    const v = known ?? t.slice(0, 30);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** "约300人", "300余人次", "三百", "1,200份" → the number; null when not a number. */
export function parseCount(raw: unknown): number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? raw : null;
  const s = String(raw)
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s|，|,/g, '')
    .replace(/^(约|大约|近|逾|超过|超|共|计|共计)/, '')
    .replace(/(余|多|以上|左右)?(人次|人|名|份|册|本|张|次)?(余|多|以上|左右)?$/, '');
  if (/^\d+$/.test(s)) return Number(s);
  const w = /^(\d+(?:\.\d+)?)万$/.exec(s);
  if (w) return Math.round(Number(w[1]) * 10_000);
  return null;
}

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const ZId = z.string().regex(/^\d{1,15}$/, '编号无效');

export const ZActivity = z.strictObject({
  orgCode: z.string().trim(),
  heldOn: ZDate,
  title: z.string().trim().min(2, '请填写活动名称').max(200),
  themes: z
    .array(z.string().trim().min(1).max(30, '主题过长'))
    .min(1, '请选择至少一个宣传主题')
    .max(10, '主题最多10个'),
  form: z.enum(FORMS, { error: `形式应为:${FORMS.join('/')}` }),
  venueType: z.enum(VENUE_TYPES, { error: `阵地类型应为:${VENUE_TYPES.join('/')}` }),
  venueName: z.string().trim().max(100).nullish(),
  reach: z.number().int('受众人次应为整数').min(0, '受众人次不能为负').max(1_000_000, '受众人次过大'),
  materials: z
    .number()
    .int('发放资料份数应为整数')
    .min(0, '发放资料份数不能为负')
    .max(1_000_000, '发放资料份数过大'),
  dutyId: z.number().int().positive().nullish(),
  organiser: z.string().trim().max(100).nullish(),
  note: z.string().trim().max(2000).nullish(),
});
export type TActivity = z.infer<typeof ZActivity>;

export const ZPhoto = z.strictObject({
  fileId: z.number().int().positive(),
  caption: z.string().trim().max(200).nullish(),
});

export const ZDuty = z.strictObject({
  orgCode: z.string().trim(),
  year: z.number().int().min(2000).max(2100),
  unitName: z.string().trim().min(2, '请填写责任单位').max(100),
  duties: z.string().trim().min(2, '请填写普法责任(应宣传的法律法规)').max(2000),
  planned: z.number().int().min(1, '计划场次至少为1').max(10_000),
  note: z.string().trim().max(2000).nullish(),
});
export type TDuty = z.infer<typeof ZDuty>;

export const ZSite = z.strictObject({
  orgCode: z.string().trim(),
  kind: z.enum(SITE_KINDS, { error: `阵地类型应为:${SITE_KINDS.join('/')}` }),
  name: z.string().trim().min(2, '请填写阵地名称').max(100),
  builtOn: ZDate.nullish(),
  honourLevel: z.enum(HONOUR_LEVELS, { error: '命名级别应为:全国/省级/市级/县级' }).nullish(),
  note: z.string().trim().max(2000).nullish(),
});
export type TSite = z.infer<typeof ZSite>;

const drill = {
  indicator: z.string().max(80).optional(),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  from: ZDate.optional(),
  to: ZDate.optional(),
};

export const ZActivityQuery = z.strictObject({
  org: z.string().optional(),
  theme: z.string().trim().max(30).optional(),
  form: z.enum(FORMS).optional(),
  venueType: z.enum(VENUE_TYPES).optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, '月份应为 YYYY-MM')
    .optional(),
  duty: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
  format: z.enum(['xlsx']).optional(),
  ...drill,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ZDutyQuery = z.strictObject({
  org: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  behind: z.enum(['1']).optional(),
  ...drill,
});

export const ZSiteQuery = z.strictObject({
  org: z.string().optional(),
  kind: z.enum(SITE_KINDS).optional(),
  ...drill,
});

/** 普法宣传活动台账 as townships keep it: one row per activity. */
export const ACTIVITY_LEDGER: RecordModel = {
  id: 'publicity.activity',
  title: '普法宣传活动',
  fields: [
    {
      key: 'heldOn',
      label: '活动日期',
      type: 'date',
      required: true,
      aliases: ['日期', '时间', '开展时间', '活动时间', '宣传时间'],
    },
    {
      key: 'title',
      label: '活动名称',
      type: 'text',
      required: true,
      aliases: ['活动主题名称', '名称', '活动内容', '宣传活动'],
    },
    {
      key: 'themes',
      label: '宣传主题',
      type: 'text',
      required: true,
      aliases: ['主题', '宣传内容', '普法主题', '内容类别'],
    },
    {
      key: 'form',
      label: '宣传形式',
      type: 'text',
      required: true,
      aliases: ['形式', '活动形式', '方式'],
    },
    {
      key: 'venueType',
      label: '法律六进',
      type: 'text',
      required: true,
      aliases: [
        '六进',
        '十进',
        '六进类别',
        '“六进”类别',
        '法律六进类别',
        '六进类型',
        '阵地类型',
        '宣传阵地',
        '进入领域',
      ],
    },
    {
      key: 'place',
      label: '村(社区)',
      type: 'text',
      aliases: ['所属村(社区)', '村/社区', '开展单位', '乡镇(村)'],
    },
    { key: 'venueName', label: '活动地点', type: 'text', aliases: ['地点', '宣传地点', '场所'] },
    {
      key: 'reach',
      label: '受众人次',
      type: 'text',
      aliases: ['受众', '参与人数', '受教育人次', '覆盖人数', '人数', '参加人数'],
    },
    {
      key: 'materials',
      label: '发放资料(份)',
      type: 'text',
      aliases: ['发放资料', '发放宣传资料', '资料份数', '发放资料份数', '宣传资料(份)'],
    },
    { key: 'organiser', label: '主办单位', type: 'text', aliases: ['组织单位', '承办单位', '牵头单位'] },
    {
      key: 'dutyUnit',
      label: '普法责任单位',
      type: 'text',
      aliases: ['谁执法谁普法责任单位', '责任单位'],
    },
    { key: 'note', label: '备注', type: 'longtext', aliases: ['说明'] },
  ],
};
