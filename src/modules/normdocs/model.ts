import { z } from 'zod';
import { LEGAL_REVIEW_RESULTS } from '../../kernel/legal-review.js';
import type { RecordModel } from '../../kernel/model.js';

export const DOC_TYPES = ['政府规范性文件', '部门规范性文件'] as const;
export const REVIEW_RESULTS = LEGAL_REVIEW_RESULTS;
/** Results that let the draft go to 集体审议. */
export const PASSING_REVIEW: readonly string[] = ['合法', '修改后合法'];
export const DELIBERATION_RESULTS = ['通过', '修改后通过', '不予通过'] as const;
export const PUBLISH_MEDIA = ['政府网站', '政府公报', '公告栏', '报刊', '其他'] as const;
export const FILING_RESULTS = ['合格', '纠正'] as const;
export const CLEANUP_RESULTS = ['继续有效', '修改', '废止', '失效'] as const;

export const STATUSES = [
  'draft', // 起草 (and 征求意见, which the kernel records)
  'review', // 合法性审核中
  'reviewed', // 审核意见已出具
  'deliberated', // 集体审议通过
  'registered', // 统一登记、编号、印发
  'published', // 已公布
  'repealed', // 已废止
  'expired', // 已失效
] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  draft: '起草',
  review: '合法性审核中',
  reviewed: '已审核',
  deliberated: '已集体审议',
  registered: '已登记编号',
  published: '已公布',
  repealed: '已废止',
  expired: '已失效',
};

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const ZId = z.string().regex(/^\d{1,9}$/, '编号应为数字');

/** The API never takes a registration number: it comes from the org's sequence. */
const ZNoTypedNumber = z.unknown().optional();

export const ZCreateDocument = z.strictObject({
  orgCode: z.string().trim(),
  title: z.string().trim().min(4, '文件名称至少4个字').max(200),
  docType: z.enum(DOC_TYPES).default('政府规范性文件'),
  draftUnit: z.string().trim().max(100).nullish(),
  summary: z.string().trim().max(5000).nullish(),
  body: z.string().trim().max(100_000).nullish(),
  temporary: z.boolean().optional(), // default: the title says 暂行/试行
  draftedOn: ZDate.optional(),
  registrationNo: ZNoTypedNumber,
});
export type TCreateDocument = z.infer<typeof ZCreateDocument>;

const on = ZDate.optional();
export const ZSteps = {
  consult: z.strictObject({
    opensOn: ZDate,
    closesOn: ZDate,
    shortenedReason: z.string().trim().max(500).nullish(),
    paragraphs: z.array(z.string().trim().max(10_000)).max(500).optional(),
  }),
  submitReview: z.strictObject({ on }),
  legalReview: z.strictObject({
    on,
    result: z.enum(REVIEW_RESULTS),
    opinion: z.string().trim().min(2, '请填写合法性审核意见').max(5000),
  }),
  deliberate: z.strictObject({
    on,
    meeting: z.string().trim().min(2, '请填写审议会议名称').max(200),
    result: z.enum(DELIBERATION_RESULTS),
  }),
  register: z.strictObject({
    on,
    docNo: z.string().trim().max(100).nullish(),
    registrationNo: ZNoTypedNumber,
  }),
  publish: z.strictObject({
    on,
    medium: z.enum(PUBLISH_MEDIA),
    effectiveOn: ZDate.optional(),
    effectiveReason: z.string().trim().max(500).nullish(),
  }),
  file: z.strictObject({ on, note: z.string().trim().max(500).nullish() }),
  cleanup: z.strictObject({
    on,
    campaign: z.string().trim().min(2, '请填写清理活动名称').max(200),
    result: z.enum(CLEANUP_RESULTS),
    note: z.string().trim().max(2000).nullish(),
  }),
} as const;
export type StepName = keyof typeof ZSteps;

export const ZFilingReview = z.strictObject({
  on,
  result: z.enum(FILING_RESULTS),
  reason: z.string().trim().max(2000).nullish(),
});

export const ZListQuery = z.strictObject({
  org: z.string().optional(),
  status: z.enum(STATUSES).optional(),
  docType: z.enum(DOC_TYPES).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  q: z.string().trim().max(50).optional(),
  inForce: z.enum(['1']).optional(),
  unfiled: z.enum(['1']).optional(),
  expiringBefore: ZDate.optional(),
  indicator: z.string().max(80).optional(),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  format: z.enum(['json', 'xlsx']).default('json'),
});
export type TListQuery = z.infer<typeof ZListQuery>;

export const ZFilingQuery = z.strictObject({
  org: z.string().optional(),
  pending: z.enum(['1']).optional(), // 待审查
  result: z.enum(FILING_RESULTS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** The columns of a 发文台账 as offices keep it in Excel. */
export const DOCUMENT_LEDGER: RecordModel = {
  id: 'normdocs.document',
  title: '行政规范性文件',
  fields: [
    {
      key: 'title',
      label: '文件名称',
      type: 'text',
      required: true,
      max: 200,
      aliases: ['文件标题', '标题', '名称'],
    },
    { key: 'docNo', label: '发文字号', type: 'text', aliases: ['文号', '发文文号'] },
    {
      key: 'registrationNo',
      label: '统一登记号',
      type: 'text',
      aliases: ['登记号', '统一编号', '登记编号', '规范性文件编号'],
    },
    { key: 'docType', label: '文件类型', type: 'enum', options: DOC_TYPES, aliases: ['类型', '类别'] },
    { key: 'draftUnit', label: '起草单位', type: 'text', aliases: ['起草科室', '承办单位'] },
    { key: 'reviewedOn', label: '合法性审核日期', type: 'date', aliases: ['审核日期', '合法性审查日期'] },
    {
      key: 'reviewResult',
      label: '审核意见',
      type: 'enum',
      options: REVIEW_RESULTS,
      aliases: ['审核结论', '合法性审核意见'],
    },
    { key: 'deliberatedOn', label: '集体审议日期', type: 'date', aliases: ['审议日期', '会议审议日期'] },
    { key: 'meeting', label: '审议会议', type: 'text', aliases: ['会议名称', '审议会议名称'] },
    {
      key: 'publishedOn',
      label: '公布日期',
      type: 'date',
      required: true,
      aliases: ['印发日期', '发布日期', '发文日期', '成文日期'],
    },
    { key: 'effectiveOn', label: '施行日期', type: 'date', aliases: ['生效日期', '实施日期'] },
    { key: 'validUntil', label: '有效期至', type: 'date', aliases: ['有效期', '失效日期', '有效期截止'] },
    { key: 'filedOn', label: '报备日期', type: 'date', aliases: ['备案日期', '报送备案日期'] },
    {
      key: 'filingResult',
      label: '备案审查结果',
      type: 'enum',
      options: FILING_RESULTS,
      aliases: ['审查结果', '备案结果'],
    },
    { key: 'status', label: '状态', type: 'text', aliases: ['文件状态', '效力状态'], list: true },
  ],
};
