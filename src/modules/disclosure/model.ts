import { z } from 'zod';
import type { RecordModel } from '../../kernel/model.js';

export const MODULE = 'disclosure';

/** 主动公开目录 (第二十、二十一条; 乡镇 adds the 第二十一条 items). */
export const CATEGORIES = [
  '机构职能',
  '政策文件',
  '规划计划',
  '财政预决算',
  '行政执法',
  '农业农村政策',
  '农田水利',
  '土地承包经营权流转',
  '宅基地使用',
  '社会救助',
  '重大建设项目',
  '公共资源配置',
  '人事信息',
  '其他',
] as const;
export const ITEM_CHANNELS = ['政府网站', '政务公开栏', '政务新媒体', '其他'] as const;

export const APPLICANT_KINDS = ['自然人', '法人或其他组织'] as const;
/** The annual report's columns under 法人或其他组织 (国办公开办函〔2021〕30号). */
export const ORG_SUB_KINDS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;
export const REQUEST_CHANNELS = ['当面', '邮寄', '网络', '传真', '其他'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const MAIL_KINDS = ['挂号或快递', '平信'] as const;

/** 第三十六条 answers in the annual report's taxonomy, with the sub-reasons its rows list. */
export const ANSWER_REASONS = {
  予以公开: [],
  部分公开: [],
  不予公开: [
    '属于国家秘密',
    '其他法律行政法规禁止公开',
    '危及“三安全一稳定”',
    '保护第三方合法权益',
    '属于三类内部事务信息',
    '属于四类过程性信息',
    '属于行政执法案卷',
    '属于行政查询事项',
  ],
  无法提供: ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'],
  不予处理: [
    '信访举报投诉类申请',
    '重复申请',
    '要求提供公开出版物',
    '无正当理由大量反复申请',
    '要求行政机关确认或重新出具已获取信息',
  ],
  其他处理: [
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '其他',
  ],
} as const satisfies Record<string, readonly string[]>;
export type AnswerType = keyof typeof ANSWER_REASONS;
export const ANSWER_TYPES = Object.keys(ANSWER_REASONS) as AnswerType[];
export const ABANDONED_REASON = ANSWER_REASONS.其他处理[0];

export const STATUSES = ['submitted', 'received', 'correcting', 'consulting', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  submitted: '待确认收到',
  received: '办理中',
  correcting: '待补正',
  consulting: '征求第三方意见',
  closed: '已办结',
};
export const THIRD_PARTY_OPINIONS = ['同意公开', '不同意公开', '逾期未提出意见'] as const;

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

export const ZCreateItem = z.strictObject({
  orgCode: z.string().trim(),
  title: z.string().trim().min(2, '请填写信息名称').max(200),
  category: z.enum(CATEGORIES, { error: '请选择主动公开目录类别' }),
  formedOn: ZDate,
  summary: z.string().trim().max(2000).nullish(),
  publishedOn: ZDate.nullish(),
  channel: z.enum(ITEM_CHANNELS, { error: '公开渠道应为：政府网站/政务公开栏/政务新媒体/其他' }).nullish(),
  url: z.string().trim().max(500).nullish(),
});
export type TCreateItem = z.infer<typeof ZCreateItem>;

export const ZPublish = z.strictObject({
  on: ZDate,
  channel: z.enum(ITEM_CHANNELS, { error: '公开渠道应为：政府网站/政务公开栏/政务新媒体/其他' }),
  url: z.string().trim().max(500).nullish(),
});

const applicant = {
  applicantKind: z.enum(APPLICANT_KINDS, { error: '申请人类型应为自然人或法人或其他组织' }),
  applicantSubKind: z.enum(ORG_SUB_KINDS).nullish(),
  applicantName: z.string().trim().min(2, '请填写申请人姓名或名称').max(100),
  idNo: z.string().trim().max(30).nullish(),
  phone: z.string().trim().max(30).nullish(),
  address: z.string().trim().max(200).nullish(),
  content: z.string().trim().min(5, '请描述所需政府信息（至少5个字）').max(5000),
  purpose: z.string().trim().max(500).nullish(),
};

export const ZCreateRequest = z.strictObject({
  orgCode: z.string().trim(),
  ...applicant,
  channel: z.enum(REQUEST_CHANNELS, { error: '申请方式应为：当面/邮寄/网络/传真/其他' }),
  mailKind: z.enum(MAIL_KINDS).nullish(),
  submittedOn: ZDate,
  signedOn: ZDate.nullish(),
  confirmedOn: ZDate.nullish(),
});
export type TCreateRequest = z.infer<typeof ZCreateRequest>;

/** The portal form: no dates (the request is 网络, received when staff confirm it). */
export const ZPortalRequest = z.strictObject({
  orgCode: z.string().trim(),
  ...applicant,
});

export const ZSteps = {
  confirm: z.strictObject({ on: ZDate }),
  requestCorrection: z.strictObject({
    on: ZDate,
    items: z.string().trim().min(2, '请一次性写明需要补正的事项').max(2000),
    dueOn: ZDate.nullish(),
  }),
  receiveCorrection: z.strictObject({ on: ZDate }),
  abandon: z.strictObject({ on: ZDate }),
  consult: z.strictObject({
    on: ZDate,
    thirdParty: z.string().trim().min(2, '请填写第三方名称').max(200),
  }),
  consultReply: z.strictObject({ on: ZDate, opinion: z.enum(THIRD_PARTY_OPINIONS) }),
  extend: z.strictObject({
    on: ZDate, // 机构负责人同意之日
    days: z.number().int().min(1, '延长期限至少1个工作日').max(20, '延长期限最长20个工作日（第三十三条）'),
    reason: z.string().trim().min(2, '请填写延期理由').max(500),
    approver: z.string().trim().min(2, '请填写批准的机构负责人').max(50),
    notifiedOn: ZDate,
  }),
  answer: z.strictObject({
    on: ZDate,
    type: z.enum(ANSWER_TYPES as [AnswerType, ...AnswerType[]], { error: '请选择答复类型' }),
    reason: z.string().trim().max(100).nullish(),
    text: z.string().trim().max(5000).nullish(),
  }),
} as const;
export type StepName = keyof typeof ZSteps;

const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  format: z.enum(['json', 'xlsx']).default('json'),
  indicator: z.string().max(80).optional(),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
};

export const ZItemQuery = z.strictObject({
  org: z.string().optional(),
  category: z.enum(CATEGORIES).optional(),
  published: z.enum(['0', '1']).optional(),
  late: z.enum(['1']).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  q: z.string().trim().max(50).optional(),
  ...page,
});

export const ZRequestQuery = z.strictObject({
  org: z.string().optional(),
  status: z.enum(STATUSES).optional(),
  channel: z.enum(REQUEST_CHANNELS).optional(),
  answerType: z.enum(ANSWER_TYPES as [AnswerType, ...AnswerType[]]).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  q: z.string().trim().max(50).optional(),
  overdue: z.enum(['1']).optional(),
  ...page,
});

/** 政府信息主动公开台账 as offices keep it. */
export const ITEM_LEDGER: RecordModel = {
  id: 'disclosure.item',
  title: '政府信息主动公开',
  fields: [
    { key: 'indexNo', label: '索引号', type: 'text', aliases: ['索引', '编号', '信息索引号'] },
    {
      key: 'title',
      label: '信息名称',
      type: 'text',
      required: true,
      aliases: ['名称', '标题', '信息标题', '公开内容'],
    },
    {
      key: 'category',
      label: '公开类别',
      type: 'enum',
      required: true,
      options: CATEGORIES,
      aliases: ['类别', '目录类别', '主动公开目录', '信息类别', '分类'],
    },
    {
      key: 'formedOn',
      label: '生成日期',
      type: 'date',
      required: true,
      aliases: ['形成日期', '成文日期', '生成(变更)日期', '信息生成日期', '变更日期'],
    },
    { key: 'publishedOn', label: '公开日期', type: 'date', aliases: ['发布日期', '公开时间', '发布时间'] },
    {
      key: 'channel',
      label: '公开渠道',
      type: 'enum',
      options: ITEM_CHANNELS,
      aliases: ['公开方式', '发布渠道', '公开载体'],
    },
    { key: 'summary', label: '内容概述', type: 'longtext', aliases: ['摘要', '内容摘要', '主要内容'] },
    { key: 'url', label: '链接', type: 'text', aliases: ['网址', '公开网址'] },
  ],
};

/** 依申请公开登记台账. */
export const REQUEST_LEDGER: RecordModel = {
  id: 'disclosure.request',
  title: '政府信息依申请公开',
  fields: [
    { key: 'requestNo', label: '申请编号', type: 'text', aliases: ['编号', '登记号', '序号'] },
    {
      key: 'applicantName',
      label: '申请人',
      type: 'text',
      required: true,
      aliases: ['申请人姓名', '申请人名称', '姓名/名称'],
    },
    {
      key: 'applicantKind',
      label: '申请人类型',
      type: 'enum',
      required: true,
      options: [...APPLICANT_KINDS, ...ORG_SUB_KINDS],
      aliases: ['申请人类别', '类型'],
    },
    {
      key: 'idNo',
      label: '证件号码',
      type: 'text',
      personal: true,
      aliases: ['身份证号', '统一社会信用代码'],
    },
    { key: 'phone', label: '联系电话', type: 'phone', personal: true, aliases: ['电话', '联系方式'] },
    {
      key: 'channel',
      label: '申请方式',
      type: 'enum',
      required: true,
      options: REQUEST_CHANNELS,
      aliases: ['提交方式', '申请渠道', '渠道'],
    },
    {
      key: 'receivedOn',
      label: '收到申请日期',
      type: 'date',
      required: true,
      aliases: ['收到日期', '受理日期', '申请日期', '登记日期'],
    },
    {
      key: 'content',
      label: '申请内容',
      type: 'longtext',
      required: true,
      aliases: ['申请公开内容', '所需信息', '申请事项'],
    },
    { key: 'correctionReceivedOn', label: '补正日期', type: 'date', aliases: ['收到补正日期'] },
    {
      key: 'extendedDays',
      label: '延期工作日',
      type: 'int',
      min: 1,
      max: 20,
      aliases: ['延期天数', '延长期限'],
    },
    { key: 'answeredOn', label: '答复日期', type: 'date', aliases: ['办结日期', '答复时间'] },
    {
      key: 'answerType',
      label: '答复类型',
      type: 'enum',
      options: ANSWER_TYPES,
      aliases: ['办理结果', '答复结果', '处理结果'],
    },
    { key: 'answerReason', label: '理由', type: 'text', aliases: ['不予公开理由', '具体理由', '答复理由'] },
  ],
};
