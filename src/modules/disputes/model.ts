import { z } from 'zod';
import type { RecordModel } from '../../kernel/model.js';

export const SOURCES = ['排查发现', '群众来访', '网格上报', '12345转办', '上级交办', '其他'] as const;
export const CATEGORIES = [
  '婚姻家庭',
  '邻里',
  '房屋宅基地',
  '山林土地',
  '征地拆迁',
  '劳动争议',
  '合同',
  '损害赔偿',
  '道路交通',
  '医疗',
  '物业',
  '环境污染',
  '其他',
] as const;
export const RISK_LEVELS = ['低', '中', '高'] as const;
export const TRANSFER_TARGETS = ['信访', '行政复议', '诉讼', '仲裁', '上级'] as const;
export const AGREEMENT_FORMS = ['书面', '口头'] as const;
export const PERFORMANCE = ['已履行', '部分履行', '未履行', '履行中'] as const;

export const STATUSES = ['registered', 'accepted', 'rejected', 'mediating', 'resolved', 'failed'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  registered: '登记',
  accepted: '已受理',
  rejected: '不予受理',
  mediating: '调解中',
  resolved: '已化解',
  failed: '调解不成',
};

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

export const ZParty = z.strictObject({
  name: z.string().trim().min(1, '请填写当事人姓名').max(50),
  idCard: z.string().trim().max(18).nullish(),
  phone: z.string().trim().max(30).nullish(),
  address: z.string().trim().max(200).nullish(),
  role: z.enum(['申请人', '被申请人', '当事人']).default('当事人'),
});
export type TParty = z.infer<typeof ZParty>;

/** 登记: what a mediator, grid worker or clerk records at intake. */
export const ZCreateDispute = z.strictObject({
  orgCode: z.string().trim(),
  receivedOn: ZDate,
  source: z.enum(SOURCES),
  category: z.enum(CATEGORIES),
  summary: z.string().trim().min(5, '简要情况至少5个字').max(2000),
  riskLevel: z.enum(RISK_LEVELS).default('低'),
  mediatorName: z.string().trim().max(50).nullish(),
  parties: z.array(ZParty).min(1, '至少填写一名当事人').max(20),
});
export type TCreateDispute = z.infer<typeof ZCreateDispute>;

export const ZUpdateDispute = ZCreateDispute.omit({ orgCode: true, parties: true }).partial();

/** Each workflow step's input; `on` is the date the step happened (defaults to today). */
export const ZSteps = {
  accept: z.strictObject({ on: ZDate.optional(), mediatorName: z.string().trim().max(50).optional() }),
  reject: z.strictObject({
    on: ZDate.optional(),
    reason: z.string().trim().min(2, '请填写不予受理理由').max(500),
  }),
  mediate: z.strictObject({ on: ZDate.optional(), mediatorName: z.string().trim().max(50).optional() }),
  resolve: z.strictObject({
    on: ZDate.optional(),
    agreementForm: z.enum(AGREEMENT_FORMS),
    agreementText: z.string().trim().min(2, '请填写协议内容').max(5000),
    agreementFileId: z.number().int().positive().optional(),
    performance: z.enum(PERFORMANCE).default('履行中'),
  }),
  fail: z.strictObject({
    on: ZDate.optional(),
    transferTo: z.enum(TRANSFER_TARGETS),
    transferTarget: z.string().trim().min(2, '请填写转办去向(单位或途径)').max(200),
    reason: z.string().trim().max(500).optional(),
  }),
  followUp: z.strictObject({
    on: ZDate.optional(),
    note: z.string().trim().min(2, '请填写回访情况').max(1000),
    performance: z.enum(PERFORMANCE).optional(),
  }),
  confirm: z.strictObject({
    on: ZDate.optional(),
    court: z.string().trim().min(2, '请填写人民法院').max(100),
    result: z.enum(['已申请', '确认有效', '不予确认']).default('已申请'),
  }),
} as const;
export type StepName = keyof typeof ZSteps;

export const ZListQuery = z.strictObject({
  org: z.string().optional(),
  status: z.enum(STATUSES).optional(),
  category: z.enum(CATEGORIES).optional(),
  source: z.enum(SOURCES).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  q: z.string().trim().max(50).optional(),
  warning: z.enum(['1']).optional(),
  overdue: z.enum(['1']).optional(),
  indicator: z.string().max(80).optional(),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  format: z.enum(['json', 'xlsx']).default('json'),
});

export const ZMeeting = z.strictObject({
  orgCode: z.string().trim(),
  heldOn: ZDate,
  title: z.string().trim().min(2).max(100),
  attendees: z.string().trim().max(1000).default(''),
  notes: z.string().trim().max(5000).default(''),
  caseIds: z.array(z.number().int().positive()).max(500).default([]),
});

/** Public intake (portal, no login): a dispute or a request for legal consultation. */
export const ZPortalRequest = z.strictObject({
  kind: z.enum(['dispute', 'consultation']),
  name: z.string().trim().min(1, '请填写姓名').max(50),
  phone: z.string().trim().min(5, '请填写联系电话').max(30),
  villageCode: z.string().trim(),
  description: z.string().trim().min(10, '请至少用10个字说明情况').max(2000),
});

/**
 * The ledger columns of a 矛盾纠纷排查化解台账, as townships keep them in Excel:
 * template, export and import all derive from this list.
 */
export const DISPUTE_LEDGER: RecordModel = {
  id: 'disputes.case',
  title: '矛盾纠纷排查化解',
  fields: [
    { key: 'caseNo', label: '编号', type: 'text', aliases: ['案号', '卷号', '登记编号'] },
    {
      key: 'receivedOn',
      label: '登记日期',
      type: 'date',
      required: true,
      aliases: ['受理日期', '排查日期', '发生时间', '登记时间', '日期'],
    },
    {
      key: 'village',
      label: '村(社区)',
      type: 'text',
      required: true,
      aliases: ['村/社区', '所属村(社区)', '村居', '发生地点', '地点', '所在村'],
    },
    { key: 'source', label: '来源', type: 'enum', options: SOURCES, aliases: ['纠纷来源', '案件来源'] },
    {
      key: 'category',
      label: '纠纷类型',
      type: 'enum',
      required: true,
      options: CATEGORIES,
      aliases: ['类型', '纠纷类别', '矛盾类型'],
    },
    {
      key: 'partyName',
      label: '当事人姓名',
      type: 'text',
      required: true,
      aliases: ['申请人', '当事人', '申请人姓名', '当事人(申请人)'],
    },
    {
      key: 'partyIdCard',
      label: '身份证号',
      type: 'idcard',
      personal: true,
      aliases: ['身份证号码', '申请人身份证号', '公民身份号码'],
    },
    {
      key: 'partyPhone',
      label: '联系电话',
      type: 'phone',
      personal: true,
      aliases: ['电话', '申请人电话', '联系方式'],
    },
    { key: 'partyAddress', label: '住址', type: 'text', list: false, aliases: ['地址', '家庭住址'] },
    {
      key: 'otherName',
      label: '对方当事人',
      type: 'text',
      aliases: ['被申请人', '被申请人姓名', '对方当事人姓名'],
    },
    {
      key: 'otherIdCard',
      label: '对方身份证号',
      type: 'idcard',
      personal: true,
      list: false,
      aliases: ['被申请人身份证号'],
    },
    {
      key: 'otherPhone',
      label: '对方联系电话',
      type: 'phone',
      personal: true,
      list: false,
      aliases: ['被申请人电话'],
    },
    {
      key: 'summary',
      label: '纠纷简要情况',
      type: 'longtext',
      required: true,
      aliases: ['简要情况', '主要内容', '纠纷内容', '基本情况', '矛盾纠纷简要情况'],
    },
    { key: 'riskLevel', label: '风险等级', type: 'enum', options: RISK_LEVELS, aliases: ['风险'] },
    { key: 'mediatorName', label: '调解员', type: 'text', aliases: ['调解人', '承办人', '责任人'] },
    {
      key: 'status',
      label: '调处结果',
      type: 'text',
      aliases: ['状态', '办理结果', '化解情况', '调解结果', '是否化解'],
    },
    {
      key: 'closedOn',
      label: '化解日期',
      type: 'date',
      aliases: ['办结日期', '调结日期', '结案日期', '调解日期'],
    },
    {
      key: 'agreementForm',
      label: '协议形式',
      type: 'enum',
      options: AGREEMENT_FORMS,
      list: false,
      aliases: ['调解协议形式'],
    },
    {
      key: 'agreementText',
      label: '协议内容',
      type: 'longtext',
      list: false,
      aliases: ['调解协议', '协议主要内容'],
    },
    { key: 'performance', label: '履行情况', type: 'enum', options: PERFORMANCE, aliases: ['协议履行情况'] },
    { key: 'transferTo', label: '转办去向', type: 'text', aliases: ['移交', '转办', '引导途径'] },
    { key: 'followupOn', label: '回访日期', type: 'date', list: false, aliases: ['回访时间'] },
  ],
};
