import { z } from 'zod';
import type { RecordModel } from '../../kernel/model.js';
import {
  CASE_SOURCES,
  DECISION_KINDS,
  EVIDENCE_KINDS,
  ITEM_TYPES,
  MAJOR_REASONS,
  PARTY_TYPES,
  PENALTY_TYPES,
  PROCEDURES,
  REVIEW_RESULTS,
  SERVICE_METHODS,
  STATUSES,
  ZDate,
} from './model.js';
import type { StepName } from './rules.js';

const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);
const money = z.number().min(0, '金额不能为负').max(1e11);

export const ZCreateCase = z.strictObject({
  orgCode: z.string().trim(),
  procedure: z.enum(PROCEDURES),
  itemId: z.number().int().positive(),
  source: z.enum(CASE_SOURCES),
  partyType: z.enum(PARTY_TYPES),
  partyName: text(1, 100, '请填写当事人名称'),
  partyIdNo: z.string().trim().max(30).nullish(),
  partyPhone: z.string().trim().max(30).nullish(),
  partyAddress: z.string().trim().max(200).nullish(),
  summary: text(2, 2000, '请填写案由'),
  filedOn: ZDate,
  officerIds: z
    .array(z.number().int().positive())
    .min(2, '执法人员不少于两人(《行政处罚法》第四十二条)')
    .max(10),
  penaltyTypes: z.array(z.enum(PENALTY_TYPES)).max(5).optional(),
  fineAmount: money.nullish(),
  decisionFacts: z.string().trim().max(5000).nullish(),
  decisionBasis: z.string().trim().max(2000).nullish(),
});
export type TCreateCase = z.infer<typeof ZCreateCase>;

const on = ZDate.optional();
const long = (message: string) => text(2, 10000, message);

export const ZSteps = {
  investigate: z.strictObject({
    on,
    findings: long('请填写调查认定的事实'),
    proposal: long('请填写拟处理意见'),
    proposedPenalties: z.array(z.enum(PENALTY_TYPES)).max(10),
    proposedFine: money.nullish(),
    proposedConfiscated: money.nullish(),
  }),
  markMajor: z.strictObject({
    on,
    reasons: z.array(z.enum(MAJOR_REASONS)).min(1, '请选择重大执法决定的情形'),
    collectiveRequired: z.boolean().optional(),
  }),
  notify: z.strictObject({ on, content: long('请填写告知内容') }),
  statement: z.strictObject({
    on,
    text: text(1, 10000, '请记录陈述申辩内容'),
    waived: z.boolean().optional(),
  }),
  requestHearing: z.strictObject({ on }),
  waiveHearing: z.strictObject({ on }),
  scheduleHearing: z.strictObject({ on, hearingOn: ZDate, host: text(1, 50, '请填写听证主持人') }),
  holdHearing: z.strictObject({ on, record: long('请填写听证笔录要点') }),
  submitReview: z.strictObject({ on }),
  legalReview: z.strictObject({ on, result: z.enum(REVIEW_RESULTS), opinion: long('请填写审核意见') }),
  collective: z.strictObject({
    on,
    attendees: text(2, 1000, '请填写参加人员'),
    minutes: long('请填写讨论记录'),
  }),
  extend: z.strictObject({
    on,
    days: z.number().int().min(1).max(365),
    reason: text(2, 500, '请填写延期理由'),
    approver: text(2, 50, '请填写批准人'),
  }),
  decide: z.strictObject({
    on,
    decisionKind: z.enum(DECISION_KINDS),
    penaltyTypes: z.array(z.enum(PENALTY_TYPES)).max(10),
    fineAmount: money.nullish(),
    confiscatedAmount: money.nullish(),
    facts: long('请填写违法事实和证据'),
    basis: long('请填写决定依据'),
    performance: long('请填写履行方式和期限'),
    remedy: z.string().trim().max(2000).nullish(),
  }),
  serve: z.strictObject({ on, method: z.enum(SERVICE_METHODS) }),
  execute: z.strictObject({
    on,
    paidOn: ZDate.nullish(),
    paidAmount: money.nullish(),
    note: z.string().trim().max(2000).nullish(),
  }),
  close: z.strictObject({ on }),
  archive: z.strictObject({ on }),
  publish: z.strictObject({ on }),
  revoke: z.strictObject({
    on,
    kind: z.enum(['变更', '撤销', '确认违法', '确认无效']),
    reason: text(2, 1000, '请填写原因'),
  }),
  withdraw: z.strictObject({ on, reason: text(2, 1000, '请填写撤回原因') }),
} as const satisfies Record<StepName, z.ZodType>;

export const ZEvidence = z.strictObject({
  fileId: z.number().int().positive(),
  step: z.string().trim().min(1).max(30),
  kind: z.enum(EVIDENCE_KINDS),
  title: text(1, 200, '请填写证据名称'),
  takenAt: z.iso.datetime({ offset: true }).nullish(),
  place: z.string().trim().max(200).nullish(),
  note: z.string().trim().max(2000).nullish(),
});
export type TEvidence = z.infer<typeof ZEvidence>;

export const ZCaseListQuery = z.strictObject({
  org: z.string().optional(),
  status: z.enum(STATUSES).optional(),
  procedure: z.enum(PROCEDURES).optional(),
  itemType: z.enum(ITEM_TYPES).optional(),
  major: z.enum(['1']).optional(),
  overdue: z.enum(['1']).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  q: z.string().trim().max(50).optional(),
  indicator: z.string().max(80).optional(),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  format: z.enum(['json', 'xlsx']).default('json'),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuery>;

/** The 行政执法案件台账 as exported (.xlsx). */
export const CASE_LEDGER: RecordModel = {
  id: 'enforcement.case',
  title: '行政执法案件',
  fields: [
    { key: 'caseNo', label: '案件编号', type: 'text' },
    { key: 'orgName', label: '办案单位', type: 'text' },
    { key: 'procedureLabel', label: '程序', type: 'text' },
    { key: 'itemName', label: '执法事项', type: 'text' },
    { key: 'itemType', label: '事项类别', type: 'text' },
    { key: 'partyType', label: '当事人类型', type: 'text' },
    { key: 'partyName', label: '当事人', type: 'text' },
    { key: 'summary', label: '案由', type: 'longtext' },
    { key: 'filedOn', label: '立案日期', type: 'date' },
    { key: 'statusLabel', label: '状态', type: 'text' },
    { key: 'major', label: '重大执法决定', type: 'bool' },
    { key: 'decidedOn', label: '决定日期', type: 'date' },
    { key: 'decisionNo', label: '决定书文号', type: 'text' },
    { key: 'decisionKind', label: '决定类型', type: 'text' },
    { key: 'fineAmount', label: '罚款金额(元)', type: 'decimal' },
    { key: 'nextDue', label: '最近期限', type: 'date' },
    { key: 'overdue', label: '是否逾期', type: 'bool' },
  ],
};
