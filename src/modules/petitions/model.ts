import { z } from 'zod';
import type { RecordModel } from '../../kernel/model.js';

// 《信访工作条例》第十七条: 信息网络、书信、电话、传真、走访; 领导接访 is a 走访 received by a leader.
export const CHANNELS = ['信息网络', '书信', '电话', '传真', '走访', '领导接访'] as const;
export const VISIT_CHANNELS: readonly string[] = ['走访', '领导接访'];
export const CATEGORIES = ['建议意见', '检举控告', '申诉求决'] as const;
/** 直接提出 to this organ (第二十三条第一款), or 转送/交办 by a 信访部门 (第二十三条第二款). */
export const ORIGINS = ['直接提出', '转送交办'] as const;
// 第三十二条: 处理意见 — 支持 / 解释说明 / 不予支持.
export const OPINIONS = ['支持', '解释说明', '不予支持'] as const;
export const REVIEW_RESULTS = ['维持', '撤销', '变更', '责令重新处理'] as const;

export const STATUSES = [
  'registered',
  'accepted',
  'notAccepted',
  'objected',
  'closed',
  'reviewRequested',
  'reviewed',
  'recheckRequested',
  'rechecked',
] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  registered: '登记',
  accepted: '办理中',
  notAccepted: '不予受理',
  objected: '异议退回',
  closed: '已办结',
  reviewRequested: '复查中',
  reviewed: '复查已答复',
  recheckRequested: '复核中',
  rechecked: '复核已答复',
};

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

export const ZPetitioner = z.strictObject({
  name: z.string().trim().min(1, '请填写信访人姓名').max(50),
  idCard: z.string().trim().max(18).nullish(),
  phone: z.string().trim().max(30).nullish(),
  address: z.string().trim().max(200).nullish(),
  isRepresentative: z.boolean().default(false),
});

export const ZCreatePetition = z.strictObject({
  orgCode: z.string().trim(),
  receivedOn: ZDate,
  channel: z.enum(CHANNELS),
  origin: z.enum(ORIGINS).default('直接提出'),
  transferredFrom: z.string().trim().max(100).nullish(),
  category: z.enum(CATEGORIES),
  subject: z.string().trim().min(2, '请填写信访事项').max(200),
  summary: z.string().trim().min(5, '诉求与事实理由至少5个字').max(5000),
  batchCount: z.number().int().min(1).max(100).default(1),
  personCount: z.number().int().min(1).max(10000).default(1),
  officeCode: z.string().trim().nullish(),
  repeatOfId: z.number().int().positive().nullish(),
  leaderName: z.string().trim().max(50).nullish(),
  leaderPlan: z.string().trim().max(2000).nullish(),
  petitioners: z.array(ZPetitioner).min(1, '至少填写一名信访人').max(50),
});
export type TCreatePetition = z.infer<typeof ZCreatePetition>;

export const ZSteps = {
  accept: z.strictObject({ on: ZDate.optional() }),
  notAccept: z.strictObject({
    on: ZDate.optional(),
    reason: z.string().trim().min(2, '请说明不予受理理由').max(500),
    redirectTo: z.string().trim().max(200).optional(),
  }),
  object: z.strictObject({
    on: ZDate.optional(),
    reason: z.string().trim().min(2, '请说明异议理由').max(500),
  }),
  extend: z.strictObject({
    on: ZDate.optional(),
    days: z.number().int().min(1).max(30, '延长期限不得超过30日'),
    reason: z.string().trim().min(2, '请填写延期理由').max(500),
    approver: z.string().trim().min(2, '请填写批准人').max(50),
    notifiedOn: ZDate,
  }),
  close: z.strictObject({
    on: ZDate.optional(),
    opinion: z.enum(OPINIONS),
    opinionText: z.string().trim().min(2, '请填写处理意见').max(5000),
    resolved: z.boolean().default(false),
  }),
  resolve: z.strictObject({ on: ZDate.optional() }),
  requestReview: z.strictObject({ on: ZDate.optional(), replyReceivedOn: ZDate.optional() }),
  review: z.strictObject({
    on: ZDate.optional(),
    result: z.enum(REVIEW_RESULTS),
    text: z.string().trim().min(2).max(5000),
  }),
  requestRecheck: z.strictObject({ on: ZDate.optional(), replyReceivedOn: ZDate.optional() }),
  hearing: z.strictObject({ on: ZDate.optional(), days: z.number().int().min(1).max(60) }),
  recheck: z.strictObject({
    on: ZDate.optional(),
    result: z.enum(REVIEW_RESULTS),
    text: z.string().trim().min(2).max(5000),
  }),
} as const;
export type StepName = keyof typeof ZSteps;

export const ZListQuery = z.strictObject({
  org: z.string().optional(),
  status: z.enum(STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  category: z.enum(CATEGORIES).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  q: z.string().trim().max(50).optional(),
  repeat: z.enum(['1']).optional(),
  overdue: z.enum(['1']).optional(),
  indicator: z.string().max(80).optional(),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  format: z.enum(['json', 'xlsx']).default('json'),
});

/** The columns of a 信访台账 as townships keep it in Excel. */
export const PETITION_LEDGER: RecordModel = {
  id: 'petitions.case',
  title: '信访',
  fields: [
    { key: 'petitionNo', label: '编号', type: 'text', aliases: ['信访编号', '件号'] },
    {
      key: 'receivedOn',
      label: '来信来访日期',
      type: 'date',
      required: true,
      aliases: ['登记日期', '收到日期', '信访日期', '来访日期', '日期'],
    },
    {
      key: 'village',
      label: '村(社区)',
      type: 'text',
      aliases: ['村/社区', '所属村(社区)', '所在村', '涉及村(社区)'],
    },
    {
      key: 'channel',
      label: '信访形式',
      type: 'enum',
      required: true,
      options: CHANNELS,
      aliases: ['形式', '来源', '渠道', '信访方式'],
    },
    { key: 'origin', label: '件来源', type: 'enum', options: ORIGINS, aliases: ['来源方式', '是否转送交办'] },
    {
      key: 'petitionerName',
      label: '信访人',
      type: 'text',
      required: true,
      aliases: ['姓名', '信访人姓名', '来访人'],
    },
    { key: 'petitionerIdCard', label: '身份证号', type: 'idcard', personal: true, aliases: ['身份证号码'] },
    {
      key: 'petitionerPhone',
      label: '联系电话',
      type: 'phone',
      personal: true,
      aliases: ['电话', '联系方式'],
    },
    { key: 'personCount', label: '人数', type: 'int', min: 1, aliases: ['人次', '来访人数'] },
    {
      key: 'category',
      label: '信访类别',
      type: 'enum',
      required: true,
      options: CATEGORIES,
      aliases: ['类别', '问题类别', '性质'],
    },
    {
      key: 'subject',
      label: '信访事项',
      type: 'text',
      required: true,
      aliases: ['反映问题', '事项', '主要问题'],
    },
    { key: 'summary', label: '主要诉求', type: 'longtext', aliases: ['诉求', '简要内容', '主要内容'] },
    { key: 'leaderName', label: '包案领导', type: 'text', aliases: ['包案责任领导', '责任领导'] },
    { key: 'isRepeat', label: '是否重复信访', type: 'bool', aliases: ['重复信访', '是否重复'] },
    { key: 'acceptedOn', label: '受理告知日期', type: 'date', aliases: ['受理日期', '告知日期'] },
    { key: 'closedOn', label: '办结日期', type: 'date', aliases: ['答复日期', '结案日期'] },
    { key: 'opinion', label: '处理意见', type: 'enum', options: OPINIONS, aliases: ['处理结果', '答复意见'] },
    { key: 'resolved', label: '是否化解', type: 'bool', aliases: ['化解', '是否息访'] },
  ],
};
