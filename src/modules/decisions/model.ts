import { z } from 'zod';

export const KINDS = ['重大行政决策', '三重一大'] as const;
/** 《重大行政决策程序暂行条例》第三条: the five kinds of decision matters. */
export const CATEGORIES = [
  '重大公共政策和措施',
  '经济和社会发展等方面的重要规划',
  '开发利用、保护重要自然资源和文化资源的重大公共政策和措施',
  '重大公共建设项目',
  '对经济社会发展有重大影响、涉及重大公共利益或者社会公众切身利益的其他重大事项',
] as const;
export const SANZHONG = ['重大事项决策', '重要干部任免', '重大项目安排', '大额资金使用'] as const;
export const MEETING_TYPES = ['常务会议', '全体会议'] as const;
/** 三重一大 matters are decided by the collective body of the Party committee and government. */
export const SANZHONG_MEETING_TYPES = ['常务会议', '全体会议', '党委会议', '党政联席会议'] as const;
export const PARTICIPATION_KINDS = ['座谈会', '听证会', '实地走访', '其他'] as const;
export const RISK_LEVELS = ['低', '中', '高'] as const;
export const OUTCOMES = ['通过', '不予通过', '暂缓'] as const;
export const EVAL_CONCLUSIONS = ['继续执行', '调整', '停止执行'] as const;
export const EVAL_TRIGGERS = ['实施后明显未达到预期效果', '公众提出较多意见', '决策机关认为有必要'] as const;
export const PROCEDURES = ['participation', 'expert', 'risk', 'legal', 'collective'] as const;
export type Procedure = (typeof PROCEDURES)[number];
export const PROCEDURE_LABELS: Record<Procedure, string> = {
  participation: '公众参与',
  expert: '专家论证',
  risk: '风险评估',
  legal: '合法性审查',
  collective: '集体讨论决定',
};
export const EVIDENCE_PROCEDURES = [...PROCEDURES, 'publish', 'execution', 'evaluation'] as const;
export const EVIDENCE_LABELS: Record<(typeof EVIDENCE_PROCEDURES)[number], string> = {
  ...PROCEDURE_LABELS,
  publish: '公布',
  execution: '执行',
  evaluation: '决策后评估',
};

export const STATUSES = ['drafting', 'decided', 'rejected', 'published', 'evaluated'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  drafting: '决策程序中',
  decided: '已决定',
  rejected: '未通过',
  published: '已公布',
  evaluated: '已评估',
};

/** 合法性审查 results that let the draft go to collective discussion (第二十八条; 探索性改革明示法律风险). */
export const DISCUSSABLE_RESULTS: readonly string[] = ['合法', '修改后合法', '明示法律风险'];
/** 第二十六条: 送请合法性审查,应当保证必要的审查时间,一般不少于7个工作日. */
export const MIN_REVIEW_WORKDAYS = 7;
/** 第十七条: 听证会材料应当于召开听证会7日前送达参加人. */
export const HEARING_NOTICE_DAYS = 7;

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const ZId = z.string().regex(/^\d{1,9}$/, '编号应为数字');
const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);
const optText = (max: number) => z.string().trim().max(max).nullish();

export const ZCatalogue = z.strictObject({
  orgCode: z.string().trim(),
  year: z.number().int().min(2019).max(2100),
  title: optText(200),
  note: optText(2000),
});
export const ZCatalogueItem = z.strictObject({
  title: text(2, 200, '请填写决策事项名称'),
  category: z.enum(CATEGORIES),
  sponsorUnit: text(2, 100, '请填写承办单位'),
  plannedPeriod: optText(50),
});
export const ZOnDate = z.strictObject({ on: ZDate });

export const ZCreateDecision = z.strictObject({
  orgCode: z.string().trim(),
  kind: z.enum(KINDS),
  matter: z.enum(SANZHONG).nullish(),
  title: text(2, 200, '请填写决策事项名称'),
  category: z.enum(CATEGORIES).nullish(),
  catalogueItemId: z.number().int().positive().nullish(),
  outOfCatalogueReason: optText(1000),
  sponsorUnit: text(2, 100, '请填写承办单位'),
  draft: text(2, 20000, '请填写决策草案及起草说明'),
  launchedOn: ZDate,
  professional: z.boolean().optional(),
  stabilityRisk: z.boolean().optional(),
  expertWaivedReason: optText(1000),
  riskWaivedReason: optText(1000),
});
export type TCreateDecision = z.infer<typeof ZCreateDecision>;

const ZExpert = z.strictObject({
  name: text(1, 50, '请填写专家姓名'),
  title: optText(100),
  unit: optText(100),
});

export const ZSteps = {
  requirements: z.strictObject({
    professional: z.boolean(),
    stabilityRisk: z.boolean(),
    expertWaivedReason: optText(1000),
    riskWaivedReason: optText(1000),
  }),
  consult: z.strictObject({
    opensOn: ZDate,
    closesOn: ZDate,
    shortenedReason: optText(1000),
    summary: optText(2000),
    /** The draft in paragraphs; default: the decision's draft split by blank lines. */
    paragraphs: z
      .array(text(1, 5000, '段落不能为空'))
      .max(500)
      .optional(),
  }),
  endConsultation: z.strictObject({ reason: text(4, 1000, '请填写提前结束征求意见的理由') }),
  noConsultation: z.strictObject({ reason: text(4, 1000, '请填写不公开征求意见的理由') }),
  meeting: z.strictObject({
    kind: z.enum(PARTICIPATION_KINDS),
    heldOn: ZDate,
    listPublishedOn: ZDate.nullish(),
    materialsSentOn: ZDate.nullish(),
    participants: text(2, 2000, '请填写参加人'),
    opinions: text(2, 10000, '请填写意见概要'),
  }),
  expert: z.strictObject({
    on: ZDate,
    unit: optText(100),
    experts: z.array(ZExpert).min(1, '请填写论证专家').max(50),
    opinions: text(2, 10000, '请填写论证意见'),
    adoption: optText(5000),
    conflictChecked: z.boolean(),
    conflictNote: optText(1000),
    disclosed: z.boolean(),
  }),
  risk: z.strictObject({
    on: ZDate,
    assessor: text(2, 100, '请填写评估单位'),
    report: text(2, 20000, '请填写风险评估报告(风险点、防范措施、处置预案)'),
    level: z.enum(RISK_LEVELS),
    controllable: z.boolean(),
  }),
  legalSubmit: z.strictObject({
    on: ZDate,
    workdays: z.number().int().min(1).max(60).default(MIN_REVIEW_WORKDAYS),
  }),
  legalReview: z.strictObject({
    on: ZDate,
    result: z.enum(['合法', '修改后合法', '不合法', '明示法律风险']),
    opinion: text(2, 10000, '请填写合法性审查意见'),
  }),
  collective: z.strictObject({
    meetingType: z.enum(SANZHONG_MEETING_TYPES),
    on: ZDate,
    attendees: text(2, 2000, '请填写出席人员'),
    minutes: text(2, 20000, '请填写会议纪要'),
    dissent: optText(5000),
    headOpinion: optText(5000),
    outcome: z.enum(OUTCOMES),
    decisionText: optText(20000),
    partyReportedOn: ZDate.nullish(),
  }),
  publish: z.strictObject({
    on: ZDate,
    channel: text(2, 100, '请填写公布渠道'),
    publicText: text(2, 20000, '请填写公布的决策内容及解读'),
    adoptionNote: optText(5000),
  }),
  execute: z.strictObject({ unit: text(2, 100, '请填写执行单位') }),
  report: z.strictObject({
    on: ZDate,
    unit: text(2, 100, '请填写报告单位'),
    text: text(2, 10000, '请填写执行情况'),
  }),
  evalPlan: z.strictObject({
    on: ZDate,
    trigger: z.enum(EVAL_TRIGGERS),
    evaluator: text(2, 100, '请填写评估主体'),
    thirdParty: z.boolean(),
  }),
  evalDone: z.strictObject({
    on: ZDate,
    report: text(2, 20000, '请填写评估报告'),
    conclusion: z.enum(EVAL_CONCLUSIONS),
  }),
} as const;
export type StepName = keyof typeof ZSteps;
export type StepInput<S extends StepName> = z.infer<(typeof ZSteps)[S]>;

export const ZEvidence = z.strictObject({
  procedure: z.enum(EVIDENCE_PROCEDURES),
  title: text(1, 200, '请填写材料名称'),
  fileId: z.number().int().positive(),
  note: optText(1000),
});
export type TEvidence = z.infer<typeof ZEvidence>;

export const ZListQuery = z.strictObject({
  org: z.string().optional(),
  kind: z.enum(KINDS).optional(),
  status: z.enum(STATUSES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(50).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  indicator: z.string().max(80).optional(),
  part: z.enum(['numerator', 'denominator']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TListQuery = z.infer<typeof ZListQuery>;
