import { z } from 'zod';
import type { RecordModel } from '../../kernel/model.js';

export const MODULE = 'litigation';

export const ACT_KINDS = [
  '行政处罚',
  '行政强制',
  '行政许可',
  '政府信息公开',
  '不履行法定职责',
  '行政协议',
  '其他',
] as const;
export const PARTY_KINDS = ['自然人', '法人或其他组织'] as const;
export const PROCEDURES = ['普通', '简易'] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** 行政复议决定 types (CONTRACT, read by the disclosure module). */
export const DECISION_TYPES = [
  '维持',
  '驳回复议请求',
  '撤销',
  '部分撤销',
  '变更',
  '确认违法',
  '确认无效',
  '责令履行',
  '驳回申请',
  '不予受理',
  '调解',
  '和解撤回',
  '终止',
] as const;
/** 行政诉讼 裁判 types (CONTRACT). */
export const JUDGMENT_TYPES = [
  '驳回诉讼请求',
  '撤销',
  '部分撤销',
  '变更',
  '确认违法',
  '确认无效',
  '责令履行',
  '给付',
  '撤诉',
  '裁定驳回起诉',
  '调解',
] as const;
/** 纠正 (CONTRACT): outcomes against the org. */
export const CORRECTING = ['撤销', '部分撤销', '变更', '确认违法', '确认无效', '责令履行', '给付'] as const;
/** 维持 (CONTRACT). */
export const UPHOLDING = ['维持', '驳回复议请求', '驳回诉讼请求'] as const;
/** Procedural ends left out of the 纠错率 denominator (第30、33条: the case was never heard on its merits). */
export const NOT_HEARD = ['不予受理', '驳回申请'] as const;
/** A withdrawn suit is not a judgment on the merits: left out of the 败诉率 denominator. */
export const NOT_JUDGED = ['撤诉'] as const;

export const INSTANCES = ['一审', '二审', '再审'] as const;
/**
 * Who may appear as 行政机关负责人 (最高法《关于行政机关负责人出庭应诉若干问题的规定》第二条): 正职、副职、
 * 分管被诉行为的副职级负责人及其他参与分管的负责人. 受委托组织或下级机关的负责人 do not count and are not offered.
 */
export const HEAD_ROLES = ['正职', '副职', '分管副职', '其他负责人'] as const;
/** 正当不能出庭事由 (同规定第八条). */
export const ABSENCE_REASONS = ['不可抗力', '意外事件', '需履行他人不能替代的公务', '其他正当事由'] as const;
export const SUGGESTION_KINDS = ['司法建议', '检察建议'] as const;
export const APPEAL_BY = ['原告', '被告', '第三人'] as const;

/**
 * Statutory periods. 行政复议法(2023)第八十八条: 三、五、七、十日 are 工作日; 六十日 is 自然日.
 */
export const LIMITS = {
  /** 第四十八条: 自收到申请书副本或笔录复印件之日起十日内书面答复并提交证据、依据. */
  replyOrdinary: { kind: 'WORK_DAYS', n: 10 },
  /** 第五十四条: 简易程序五日内. */
  replySimple: { kind: 'WORK_DAYS', n: 5 },
  /** 第七十六条: 行政复议意见书 — 六十日内报送纠正情况. */
  rectify: { kind: 'CAL_DAYS', n: 60 },
  /** 行政诉讼法第六十七条: 收到起诉状副本之日起十五日内提交作出行政行为的证据和依据，并提出答辩状. */
  answer: { kind: 'CAL_DAYS', n: 15 },
} as const;
/**
 * 司法建议/检察建议 reply period: UNVERIFIED default. No one statute fixes it for every 建议 (the 建议书 itself
 * usually names the period; 检察建议 often two months). The clerk enters the period the 建议书 states; 30 days
 * when it states none.
 */
export const SUGGESTION_REPLY_DAYS = 30;

export const BASIS = {
  reply: '《行政复议法》第四十八条、第五十四条',
  rectify: '《行政复议法》第七十六条',
  answer: '《行政诉讼法》第六十七条',
  appear: '《行政诉讼法》第三条第三款；《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》',
  suggestion: '司法建议书/检察建议书载明的期限（未载明按30日，UNVERIFIED）',
} as const;

/**
 * 简易程序 suggestion (第五十三条): 当场作出; 警告或者通报批评; 涉及款额三千元以下; 政府信息公开. Parties' agreement
 * is the fifth ground, so the clerk always chooses: this is only the default offered.
 */
export function suggestProcedure(i: {
  actKind: string;
  act?: string | null;
  amount?: number | null;
}): Procedure {
  if (i.actKind === '政府信息公开') return '简易';
  if (i.amount !== null && i.amount !== undefined && i.amount > 0 && i.amount <= 3000) return '简易';
  const act = i.act ?? '';
  if (/当场/.test(act)) return '简易';
  if (i.actKind === '行政处罚' && /警告|通报批评/.test(act) && !/罚款/.test(act)) return '简易';
  return '普通';
}

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const ZId = z.string().regex(/^\d{1,9}$/, '编号无效');
const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);
const optText = (max: number) => z.string().trim().max(max).nullish();

export const ZCreateReconsideration = z.strictObject({
  orgCode: z.string().trim(),
  authority: text(2, 100, '请填写复议机关'),
  caseNo: optText(60),
  applicantName: text(1, 100, '请填写申请人'),
  applicantKind: z.enum(PARTY_KINDS, { error: '申请人类型应为：自然人/法人或其他组织' }),
  applicantIdNo: optText(30),
  applicantPhone: optText(30),
  act: text(2, 500, '请填写被申请复议的行政行为'),
  actKind: z.enum(ACT_KINDS, { error: `行为类别应为：${ACT_KINDS.join('/')}` }),
  actOn: ZDate.nullish(),
  amount: z.number().min(0, '涉及款额不能为负').max(1e12).nullish(),
  enforcementCaseId: z.number().int().positive().nullish(),
  procedure: z.enum(PROCEDURES, { error: '审理程序应为：普通/简易' }).nullish(),
  receivedOn: ZDate,
  note: optText(2000),
});
export type TCreateReconsideration = z.infer<typeof ZCreateReconsideration>;

export const ZCreateLawsuit = z.strictObject({
  orgCode: z.string().trim(),
  court: text(2, 100, '请填写受诉法院'),
  instance: z.enum(INSTANCES, { error: '审级应为：一审/二审/再审' }),
  caseNo: optText(60),
  plaintiffName: text(1, 100, '请填写原告'),
  plaintiffKind: z.enum(PARTY_KINDS, { error: '原告类型应为：自然人/法人或其他组织' }),
  plaintiffIdNo: optText(30),
  plaintiffPhone: optText(30),
  act: text(2, 500, '请填写被诉行政行为'),
  actKind: z.enum(ACT_KINDS, { error: `行为类别应为：${ACT_KINDS.join('/')}` }),
  actOn: ZDate.nullish(),
  enforcementCaseId: z.number().int().positive().nullish(),
  reconsiderationId: z.number().int().positive().nullish(),
  filedOn: ZDate,
  note: optText(2000),
});
export type TCreateLawsuit = z.infer<typeof ZCreateLawsuit>;

const on = ZDate;
export const ZReconsiderationSteps = {
  reply: z.strictObject({ on, note: optText(1000) }),
  hearing: z.strictObject({
    on,
    headAttended: z.boolean({ error: '请选择负责人是否参加听证' }),
    headName: optText(50),
    note: optText(1000),
  }),
  decide: z.strictObject({
    on,
    decisionType: z.enum(DECISION_TYPES, { error: `复议决定应为：${DECISION_TYPES.join('/')}` }),
    servedOn: ZDate.nullish(),
    note: optText(1000),
  }),
  opinion: z.strictObject({ on, content: text(2, 2000, '请填写意见书内容') }),
  rectify: z.strictObject({ on, report: text(2, 2000, '请填写整改情况') }),
} as const;
export type ReconsiderationStep = keyof typeof ZReconsiderationSteps;
export const RECONSIDERATION_STEP_LABELS: Record<ReconsiderationStep, string> = {
  reply: '书面答复',
  hearing: '听证',
  decide: '复议决定',
  opinion: '收到意见书',
  rectify: '报送整改情况',
};

export const ZLawsuitSteps = {
  answer: z.strictObject({ on, note: optText(1000) }),
  judge: z.strictObject({
    on,
    judgmentType: z.enum(JUDGMENT_TYPES, { error: `裁判结果应为：${JUDGMENT_TYPES.join('/')}` }),
    note: optText(1000),
  }),
  appeal: z.strictObject({ on, by: z.enum(APPEAL_BY, { error: '上诉人应为：原告/被告/第三人' }) }),
  suggestion: z.strictObject({
    on,
    kind: z.enum(SUGGESTION_KINDS, { error: '应为：司法建议/检察建议' }),
    content: text(2, 2000, '请填写建议内容'),
    replyDays: z.number().int().min(1, '回复期限至少1日').max(365).nullish(),
  }),
  replySuggestion: z.strictObject({ on, reply: text(2, 2000, '请填写回复内容') }),
} as const;
export type LawsuitStep = keyof typeof ZLawsuitSteps;
export const LAWSUIT_STEP_LABELS: Record<LawsuitStep, string> = {
  answer: '提交答辩状',
  judge: '裁判结果',
  appeal: '上诉',
  suggestion: '收到司法(检察)建议',
  replySuggestion: '回复建议',
};

export const ZHearing = z.strictObject({
  hearingOn: ZDate,
  courtNotifiedHead: z.boolean().default(false),
});

export const ZAppearance = z.strictObject({
  headAppeared: z.boolean({ error: '请选择负责人是否出庭' }),
  headName: optText(50),
  headPost: optText(50),
  headRole: z.enum(HEAD_ROLES, { error: `负责人类别应为：${HEAD_ROLES.join('/')}` }).nullish(),
  delegateName: optText(50),
  delegatePost: optText(50),
  absenceReason: z.enum(ABSENCE_REASONS, { error: `未出庭事由应为：${ABSENCE_REASONS.join('/')}` }).nullish(),
  proofSubmitted: z.boolean().nullish(),
  note: optText(1000),
});
export type TAppearance = z.infer<typeof ZAppearance>;

const listQuery = {
  org: z.string().optional(),
  q: z.string().trim().max(50).optional(),
  actKind: z.enum(ACT_KINDS).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  open: z.enum(['1']).optional(),
  overdue: z.enum(['1']).optional(),
  indicator: z.string().max(80).optional(),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  format: z.enum(['xlsx']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
export const ZReconsiderationQuery = z.strictObject({
  ...listQuery,
  decision: z.enum(DECISION_TYPES).optional(),
});
export const ZLawsuitQuery = z.strictObject({
  ...listQuery,
  instance: z.enum(INSTANCES).optional(),
  judgment: z.enum(JUDGMENT_TYPES).optional(),
});

const actKindField = {
  key: 'actKind',
  label: '行为类别',
  type: 'enum',
  required: true,
  options: ACT_KINDS,
  aliases: ['案件类型', '行政行为类别', '类别', '行为类型', '案由类别'],
} as const;

/** 行政应诉案件台账 as townships keep it: one row per case and 审级. */
export const LAWSUIT_LEDGER: RecordModel = {
  id: 'litigation.lawsuit',
  title: '行政应诉案件',
  fields: [
    { key: 'caseNo', label: '案号', type: 'text', aliases: ['法院案号', '立案号'] },
    {
      key: 'court',
      label: '受诉法院',
      type: 'text',
      required: true,
      aliases: ['法院', '审理法院', '管辖法院'],
    },
    { key: 'instance', label: '审级', type: 'enum', options: INSTANCES, aliases: ['审理程序', '程序'] },
    {
      key: 'defendant',
      label: '被告',
      type: 'text',
      aliases: ['被告单位', '被诉单位', '被诉行政机关', '应诉单位'],
    },
    {
      key: 'plaintiffName',
      label: '原告',
      type: 'text',
      required: true,
      aliases: ['原告姓名', '原告名称', '起诉人'],
    },
    {
      key: 'plaintiffKind',
      label: '原告类型',
      type: 'enum',
      options: PARTY_KINDS,
      aliases: ['原告类别'],
    },
    {
      key: 'plaintiffIdNo',
      label: '原告身份证号',
      type: 'text',
      personal: true,
      aliases: ['身份证号', '证件号码'],
    },
    { key: 'plaintiffPhone', label: '原告电话', type: 'text', personal: true, aliases: ['联系电话', '电话'] },
    {
      key: 'act',
      label: '被诉行政行为',
      type: 'text',
      required: true,
      max: 500,
      aliases: ['案由', '诉讼请求', '被诉行为'],
    },
    actKindField,
    {
      key: 'filedOn',
      label: '收到起诉状副本日期',
      type: 'date',
      required: true,
      aliases: ['收到起诉状日期', '应诉通知日期', '收案日期', '立案日期'],
    },
    {
      key: 'answeredOn',
      label: '提交答辩状日期',
      type: 'date',
      aliases: ['答辩日期', '答辩状提交日期', '举证日期'],
    },
    { key: 'hearingOn', label: '开庭日期', type: 'date', aliases: ['开庭时间', '庭审日期'] },
    {
      key: 'headAppeared',
      label: '负责人是否出庭',
      type: 'bool',
      aliases: ['负责人出庭', '是否出庭', '负责人出庭应诉'],
    },
    { key: 'headName', label: '出庭负责人', type: 'text', aliases: ['出庭负责人姓名', '出庭领导'] },
    { key: 'headPost', label: '出庭负责人职务', type: 'text', aliases: ['职务', '负责人职务'] },
    {
      key: 'judgmentType',
      label: '裁判结果',
      type: 'enum',
      options: JUDGMENT_TYPES,
      aliases: ['判决结果', '审理结果', '结案方式'],
    },
    { key: 'judgedOn', label: '裁判日期', type: 'date', aliases: ['判决日期', '结案日期'] },
    { key: 'note', label: '备注', type: 'longtext', aliases: ['说明'] },
  ],
};

/** 行政复议案件台账 (as 被申请人). */
export const RECONSIDERATION_LEDGER: RecordModel = {
  id: 'litigation.reconsideration',
  title: '行政复议案件',
  fields: [
    { key: 'caseNo', label: '复议案号', type: 'text', aliases: ['案号', '文号'] },
    {
      key: 'authority',
      label: '复议机关',
      type: 'text',
      required: true,
      aliases: ['行政复议机关', '受理机关'],
    },
    {
      key: 'respondent',
      label: '被申请人',
      type: 'text',
      aliases: ['被申请人单位', '被申请单位'],
    },
    {
      key: 'applicantName',
      label: '申请人',
      type: 'text',
      required: true,
      aliases: ['申请人姓名', '申请人名称'],
    },
    {
      key: 'applicantKind',
      label: '申请人类型',
      type: 'enum',
      options: PARTY_KINDS,
      aliases: ['申请人类别'],
    },
    {
      key: 'applicantIdNo',
      label: '申请人身份证号',
      type: 'text',
      personal: true,
      aliases: ['身份证号', '证件号码'],
    },
    {
      key: 'applicantPhone',
      label: '申请人电话',
      type: 'text',
      personal: true,
      aliases: ['联系电话', '电话'],
    },
    {
      key: 'act',
      label: '被申请复议的行政行为',
      type: 'text',
      required: true,
      max: 500,
      aliases: ['复议事项', '案由', '行政行为'],
    },
    actKindField,
    { key: 'procedure', label: '审理程序', type: 'enum', options: PROCEDURES, aliases: ['适用程序', '程序'] },
    {
      key: 'receivedOn',
      label: '收到申请书副本日期',
      type: 'date',
      required: true,
      aliases: ['收到答复通知书日期', '收案日期', '受理日期'],
    },
    { key: 'repliedOn', label: '书面答复日期', type: 'date', aliases: ['答复日期', '提交答复日期'] },
    {
      key: 'decisionType',
      label: '复议决定',
      type: 'enum',
      options: DECISION_TYPES,
      aliases: ['复议结果', '决定类型', '结案方式'],
    },
    { key: 'decidedOn', label: '决定日期', type: 'date', aliases: ['复议决定日期', '结案日期'] },
    { key: 'note', label: '备注', type: 'longtext', aliases: ['说明'] },
  ],
};
