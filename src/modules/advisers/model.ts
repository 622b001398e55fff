import { z } from 'zod';
import type { RecordModel } from '../../kernel/model.js';

export const MODULE = 'advisers';
export const FIRM_KINDS = ['律师事务所', '基层法律服务所'] as const;
export const ACTIVITY_KINDS = ['坐班', '咨询', '讲座', '调解'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  坐班: '驻村(坐班)',
  咨询: '法律咨询',
  讲座: '法治讲座',
  调解: '参与调解',
};
/** How a consultation was given. */
export const WAYS = ['坐班', '电话', '微信', '上门'] as const;

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const ZId = z.string().regex(/^\d{1,15}$/, '编号无效');

export const ZCreateContract = z.strictObject({
  orgCode: z.string().trim(),
  contractNo: z.string().trim().max(50).nullish(),
  adviserName: z.string().trim().min(2, '请填写法律顾问姓名').max(50),
  licenseNo: z.string().trim().max(30).nullish(),
  firm: z.string().trim().min(2, '请填写律师事务所或基层法律服务所名称').max(100),
  firmKind: z.enum(FIRM_KINDS, { error: '机构类型应为律师事务所或基层法律服务所' }),
  phone: z.string().trim().max(30).nullish(),
  userId: z.number().int().positive().nullish(),
  startsOn: ZDate,
  endsOn: ZDate,
  fee: z.number().min(0, '顾问费不能为负').max(1e9).nullish(),
  dutySchedule: z.string().trim().max(200).nullish(),
  note: z.string().trim().max(2000).nullish(),
  covers: z.array(z.string().trim()).min(1, '请选择合同覆盖的乡镇或村(社区)').max(500),
});
export type TCreateContract = z.infer<typeof ZCreateContract>;

export const ZTerminate = z.strictObject({
  on: ZDate,
  reason: z.string().trim().min(2, '请填写解除原因').max(500),
});

export const ZActivity = z.strictObject({
  contractId: z.number().int().positive(),
  orgCode: z.string().trim(),
  kind: z.enum(ACTIVITY_KINDS, { error: '类型应为:坐班/咨询/讲座/调解' }),
  on: ZDate,
  hours: z.number().min(0.5, '坐班时长至少0.5小时').max(24, '坐班时长不能超过24小时').nullish(),
  people: z.number().int().min(1, '人次至少为1').max(100000).nullish(),
  way: z.enum(WAYS, { error: '咨询方式应为:坐班/电话/微信/上门' }).nullish(),
  topic: z.string().trim().max(200).nullish(),
  matters: z.string().trim().max(2000).nullish(),
});
export type TActivity = z.infer<typeof ZActivity>;

export const ZContractQuery = z.strictObject({
  org: z.string().optional(),
  q: z.string().trim().max(50).optional(),
  on: ZDate.optional(), // active on this day
  overlap: z.enum(['1']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ZCoverageQuery = z.strictObject({
  org: z.string().optional(),
  on: ZDate.optional(),
  covered: z.enum(['0', '1']).optional(),
  indicator: z.string().max(80).optional(),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  from: ZDate.optional(),
  to: ZDate.optional(),
});

export const ZActivityQuery = z.strictObject({
  org: z.string().optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  contract: z.coerce.number().int().positive().optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  indicator: z.string().max(80).optional(),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZReviewQuery = z.strictObject({
  org: z.string().optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  adviser: z.enum(['0', '1']).optional(),
  indicator: z.string().max(80).optional(),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZIdleQuery = z.strictObject({
  org: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});

/** The monthly work log (法律顾问工作台账) as advisers hand it in: one row per duty day, consultation, lecture or mediation. */
export const ACTIVITY_LEDGER: RecordModel = {
  id: 'advisers.activity',
  title: '法律顾问工作',
  fields: [
    {
      key: 'adviserName',
      label: '法律顾问',
      type: 'text',
      required: true,
      aliases: ['顾问姓名', '姓名', '律师', '法律顾问姓名'],
    },
    { key: 'licenseNo', label: '执业证号', type: 'text', aliases: ['执业证号码', '证号'] },
    { key: 'on', label: '日期', type: 'date', required: true, aliases: ['服务日期', '工作日期', '时间'] },
    {
      key: 'kind',
      label: '服务类型',
      type: 'enum',
      required: true,
      options: ACTIVITY_KINDS,
      aliases: ['类型', '工作类型', '服务内容'],
    },
    {
      key: 'village',
      label: '村(社区)',
      type: 'text',
      required: true,
      aliases: ['地点', '服务地点', '村/社区', '服务村(社区)'],
    },
    { key: 'hours', label: '坐班时长(小时)', type: 'decimal', max: 24, aliases: ['时长', '小时'] },
    { key: 'people', label: '人次', type: 'int', min: 1, aliases: ['咨询人次', '人数', '受众人次'] },
    { key: 'way', label: '咨询方式', type: 'enum', options: WAYS, aliases: ['方式'] },
    { key: 'topic', label: '事项', type: 'text', aliases: ['咨询事项', '主题', '讲座主题', '内容'] },
    { key: 'matters', label: '处理情况', type: 'longtext', aliases: ['备注', '办理情况', '工作情况'] },
  ],
};
