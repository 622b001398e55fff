import { z } from 'zod';
import type { RecordModel } from '../../kernel/model.js';

export const MODULE = 'learning';

export const SESSION_KINDS = [
  '党委理论学习中心组学法',
  '政府常务会议会前学法',
  '专题法治讲座',
  '专题培训',
  '其他',
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const EXAM_KINDS = ['年度学法考试', '执法资格考试', '其他'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];
export const ROLES = ['领导干部', '公务员', '执法人员', '其他'] as const;
export const STATUSES = ['已参考', '未参考', '缺考', '免考'] as const;
export type EntryStatus = (typeof STATUSES)[number];
export const GRADES = ['优秀', '良好', '合格', '不合格'] as const;
export type Grade = (typeof GRADES)[number];
export const REPORT_OCCASIONS = ['年终述职述法', '专题述法', '党委(扩大)会议述法', '其他'] as const;
export const EVALUATIONS = ['好', '较好', '一般', '差'] as const;

/**
 * 行政执法人员每人每年接受不少于60学时的业务知识和法律法规培训 — UNVERIFIED (DOMAIN §13.1: the
 * 纲要2021—2025 figure as commonly cited, the original text not obtained). Kept as one constant.
 */
export const TRAINING_MIN_HOURS = 60;

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const ZId = z.string().regex(/^\d{1,15}$/, '编号无效');
const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};
const drill = {
  indicator: z.string().max(80).optional(),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  from: ZDate.optional(),
  to: ZDate.optional(),
};

export const ZSession = z.strictObject({
  orgCode: z.string().trim(),
  kind: z.enum(SESSION_KINDS, { error: `学法形式应为：${SESSION_KINDS.join('/')}` }),
  heldOn: ZDate,
  topic: z.string().trim().min(2, '请填写学习主题').max(200, '学习主题过长'),
  laws: z.string().trim().max(1000, '学习的法律法规过长').nullish(),
  lecturer: z.string().trim().max(50, '主讲人过长').nullish(),
  attendees: z.number().int().min(1, '参加人数至少为1').max(100000, '参加人数过大').nullish(),
  hours: z.number().min(0.5, '学时至少0.5').max(100, '学时过大').nullish(),
  note: z.string().trim().max(2000).nullish(),
  fileIds: z.array(z.number().int().positive()).max(50).nullish(),
});
export type TSession = z.infer<typeof ZSession>;

export const ZSessionQuery = z.strictObject({
  org: z.string().optional(),
  kind: z.enum(SESSION_KINDS).optional(),
  q: z.string().trim().max(50).optional(),
  ...drill,
  ...page,
});

const ZScore = z.number().min(0, '分数不能为负').max(1000, '分数过大');
export const ZExam = z.strictObject({
  orgCode: z.string().trim(),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(EXAM_KINDS, { error: `考试类别应为：${EXAM_KINDS.join('/')}` }),
  name: z.string().trim().min(2, '请填写考试名称').max(100, '考试名称过长'),
  heldOn: ZDate,
  passScore: ZScore.default(60),
  goodScore: ZScore.default(80),
  excellentScore: ZScore.default(90),
  note: z.string().trim().max(2000).nullish(),
});
export type TExam = z.input<typeof ZExam>;

export const ZExamQuery = z.strictObject({
  org: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(EXAM_KINDS).optional(),
  ...page,
});

export const ZEntry = z.strictObject({
  personName: z.string().trim().min(2, '请填写姓名').max(30, '姓名过长'),
  idCard: z.string().trim().max(30).nullish(),
  orgCode: z.string().trim().optional(), // the person's unit org; default the exam's
  unitName: z.string().trim().max(100).nullish(),
  role: z.enum(ROLES, { error: `人员类别应为：${ROLES.join('/')}` }).nullish(),
  required: z.boolean().default(true),
  officerId: z.number().int().positive().nullish(),
});
export type TEntry = z.input<typeof ZEntry>;

export const ZResult = z.strictObject({
  status: z.enum(STATUSES, { error: `参考状态应为：${STATUSES.join('/')}` }),
  score: ZScore.nullish(),
  attempts: z.number().int().min(0).max(100).nullish(),
  makeupScore: ZScore.nullish(),
  studyHours: z.number().min(0).max(10000).nullish(),
  sittedOn: ZDate.nullish(),
});
export type TResult = z.infer<typeof ZResult>;

export const ZEntryQuery = z.strictObject({
  org: z.string().optional(),
  exam: z.coerce.number().int().positive().optional(),
  status: z.enum(STATUSES).optional(),
  grade: z.enum(GRADES).optional(),
  q: z.string().trim().max(50).optional(),
  ...drill,
  ...page,
});

export const ZTraining = z.strictObject({
  orgCode: z.string().trim(),
  officerId: z.number().int().positive().nullish(),
  personName: z.string().trim().min(2, '请填写姓名').max(30, '姓名过长'),
  heldOn: ZDate,
  course: z.string().trim().min(2, '请填写培训内容').max(200, '培训内容过长'),
  hours: z.number().min(0.5, '学时至少0.5').max(500, '学时过大'),
  organiser: z.string().trim().max(100).nullish(),
});
export type TTraining = z.infer<typeof ZTraining>;

export const ZTrainingQuery = z.strictObject({
  org: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(50).optional(),
  ...drill,
  ...page,
});

export const ZOfficerQuery = z.strictObject({
  org: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  below: z.enum(['1']).optional(),
  ...drill,
});

export const ZReport = z.strictObject({
  orgCode: z.string().trim(),
  year: z.number().int().min(2000).max(2100),
  leaderName: z.string().trim().min(2, '请填写述法人姓名').max(30),
  post: z.string().trim().min(2, '请填写职务').max(50),
  reportedOn: ZDate,
  occasion: z.enum(REPORT_OCCASIONS, { error: `述法形式应为：${REPORT_OCCASIONS.join('/')}` }),
  summary: z.string().trim().max(5000).nullish(),
  evaluation: z.enum(EVALUATIONS, { error: `测评结果应为：${EVALUATIONS.join('/')}` }).nullish(),
});
export type TReport = z.infer<typeof ZReport>;

export const ZReportQuery = z.strictObject({
  org: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...drill,
  ...page,
});

/** 学法活动台账: the ledger townships keep of 中心组学法, 会前学法 and 讲座 (imported via the kernel). */
export const SESSION_LEDGER: RecordModel = {
  id: 'learning.session',
  title: '学法活动',
  fields: [
    {
      key: 'kind',
      label: '学法形式',
      type: 'text',
      required: true,
      aliases: ['形式', '类别', '学习形式', '类型', '活动类型'],
      help: SESSION_KINDS.join('/'),
    },
    {
      key: 'heldOn',
      label: '学习日期',
      type: 'date',
      required: true,
      aliases: ['日期', '时间', '学习时间', '举办时间'],
    },
    {
      key: 'topic',
      label: '学习主题',
      type: 'text',
      required: true,
      aliases: ['主题', '学习内容', '内容', '讲座主题'],
    },
    {
      key: 'laws',
      label: '学习法律法规',
      type: 'longtext',
      aliases: ['学习的法律法规', '法律法规', '学法内容'],
    },
    { key: 'lecturer', label: '主讲人', type: 'text', aliases: ['授课人', '领学人', '主讲'] },
    { key: 'attendees', label: '参加人数', type: 'int', min: 1, aliases: ['参学人数', '人数', '参会人数'] },
    { key: 'hours', label: '学时', type: 'decimal', max: 100, aliases: ['时长', '时长(小时)'] },
    { key: 'note', label: '备注', type: 'longtext', aliases: ['说明'] },
  ],
};

/** An exam platform's results export (学法考试平台成绩导出): one row per person. */
export const RESULT_LEDGER: RecordModel = {
  id: 'learning.result',
  title: '考试成绩',
  fields: [
    { key: 'personName', label: '姓名', type: 'text', required: true, aliases: ['考生姓名', '人员姓名'] },
    {
      key: 'idCard',
      label: '身份证号',
      type: 'text',
      personal: true,
      aliases: ['身份证号码', '证件号码', '公民身份号码'],
    },
    { key: 'unitName', label: '单位', type: 'text', aliases: ['所在单位', '工作单位', '单位名称', '部门'] },
    { key: 'role', label: '人员类别', type: 'text', aliases: ['职务', '身份', '类别', '人员类型'] },
    {
      key: 'status',
      label: '参考状态',
      type: 'text',
      aliases: ['是否参考', '考试状态', '参考情况'],
    },
    {
      key: 'score',
      label: '成绩',
      type: 'decimal',
      max: 1000,
      aliases: ['最高分', '最高成绩', '考试成绩', '得分', '分数'],
    },
    {
      key: 'attempts',
      label: '考试次数',
      type: 'int',
      max: 100,
      aliases: ['答题次数', '参考次数', '考试次数(次)'],
    },
    { key: 'makeupScore', label: '补考成绩', type: 'decimal', max: 1000, aliases: ['补考分数'] },
    {
      key: 'studyHours',
      label: '学习学时',
      type: 'decimal',
      max: 10000,
      aliases: ['学时', '学法学时', '学习时长'],
    },
    { key: 'sittedOn', label: '考试时间', type: 'date', aliases: ['交卷时间', '考试日期', '最后考试时间'] },
  ],
};

/** The roster with results, as exported: the result ledger plus the computed grade. */
export const ROSTER_EXPORT: RecordModel = {
  id: 'learning.roster',
  title: '考试名册',
  fields: [
    ...RESULT_LEDGER.fields,
    { key: 'passed', label: '是否合格', type: 'bool' },
    { key: 'grade', label: '等次', type: 'text' },
  ],
};

export const TRAINING_EXPORT: RecordModel = {
  id: 'learning.training',
  title: '执法人员培训',
  fields: [
    { key: 'personName', label: '姓名', type: 'text', required: true },
    { key: 'orgName', label: '单位', type: 'text' },
    { key: 'heldOn', label: '培训日期', type: 'date', required: true },
    { key: 'course', label: '培训内容', type: 'text', required: true },
    { key: 'hours', label: '学时', type: 'decimal', required: true },
    { key: 'organiser', label: '主办单位', type: 'text' },
  ],
};

/** A kind as ledgers write it (中心组学习, 常务会前学法, 法治讲座) → one of SESSION_KINDS, or null. */
export function sessionKindOf(text: string): SessionKind | null {
  const t = text.replace(/\s/g, '');
  if (!t) return null;
  if ((SESSION_KINDS as readonly string[]).includes(t)) return t as SessionKind;
  if (/中心组/.test(t)) return '党委理论学习中心组学法';
  if (/常务会|会前/.test(t)) return '政府常务会议会前学法';
  if (/讲座/.test(t)) return '专题法治讲座';
  if (/培训/.test(t)) return '专题培训';
  if (/其他|其它/.test(t)) return '其他';
  return null;
}

/** 参考状态 as platforms write it (已参考, 是, 已考, 未参考, 否, 缺考, 免考). */
export function statusOf(text: string, hasScore: boolean): EntryStatus | null {
  const t = text.replace(/\s/g, '');
  if (!t) return hasScore ? '已参考' : '未参考';
  if (/免考|免试/.test(t)) return '免考';
  if (/缺考/.test(t)) return '缺考';
  if (/^(未|否|没有|无)/.test(t)) return '未参考';
  if (/^(已|是|参考|完成|已完成|通过|合格|考试中)/.test(t)) return '已参考';
  return null;
}

/** 人员类别 as written (科员, 党委书记, 执法队员) → ROLES. */
export function roleOf(text: string): (typeof ROLES)[number] | null {
  const t = text.replace(/\s/g, '');
  if (!t) return null;
  if ((ROLES as readonly string[]).includes(t)) return t as (typeof ROLES)[number];
  if (/执法/.test(t)) return '执法人员';
  if (/领导|书记|镇长|乡长|主任|主席|部长|委员/.test(t)) return '领导干部';
  if (/公务员|科员|干部|职员|工作人员|事业/.test(t)) return '公务员';
  return '其他';
}

/** The grade of a best score under an exam's thresholds (null: no score). */
export function gradeOf(
  score: number | null | undefined,
  t: { passScore: number; goodScore: number; excellentScore: number },
): Grade | null {
  if (score === null || score === undefined) return null;
  if (score >= t.excellentScore) return '优秀';
  if (score >= t.goodScore) return '良好';
  if (score >= t.passScore) return '合格';
  return '不合格';
}

/** Passed: sat and the best score, or the 补考 score, reaches the pass mark. */
export function passedOf(
  sat: boolean,
  score: number | null | undefined,
  makeup: number | null | undefined,
  passScore: number,
): boolean {
  if (!sat) return false;
  return (score ?? -1) >= passScore || (makeup ?? -1) >= passScore;
}
