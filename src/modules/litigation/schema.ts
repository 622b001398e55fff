// The module's tables (prefix `litigation_`).
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { orgCode } from '../../kernel/db/columns.js';

const day = (name: string) => date(name, { mode: 'string' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 行政复议案件 where an org of ours is the 被申请人 (行政复议法 2023). The disclosure module reads
 * `id, org_code, act_kind, received_on, decision_type, decided_on` with plain SQL (CONTRACT): keep them.
 */
export const reconsiderations = pgTable(
  'litigation_reconsideration',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(), // 被申请人
    authority: text('authority').notNull(), // 复议机关
    caseNo: text('case_no'),
    applicantName: text('applicant_name').notNull(), // personal
    applicantKind: text('applicant_kind').notNull(), // 自然人 | 法人或其他组织
    applicantIdNo: text('applicant_id_no'), // personal
    applicantPhone: text('applicant_phone'), // personal
    act: text('act').notNull(), // the act challenged
    actKind: text('act_kind').notNull(),
    actOn: day('act_on'),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }), // 涉及款额 (元), suggests 简易
    enforcementCaseId: integer('enforcement_case_id'), // enforcement_case.id, no FK
    procedure: text('procedure').notNull().default('普通'), // 普通 | 简易 (第53条)
    receivedOn: day('received_on').notNull(), // 收到申请书副本/答复通知书
    repliedOn: day('replied_on'), // 书面答复并提交证据
    hearingOn: day('hearing_on'), // 听证 (第50条)
    hearingHeadAttended: boolean('hearing_head_attended'), // 被申请人负责人参加听证 (第51条)
    hearingHeadName: text('hearing_head_name'),
    hearingNote: text('hearing_note'),
    decisionType: text('decision_type'),
    decidedOn: day('decided_on'),
    servedOn: day('served_on'),
    decisionNote: text('decision_note'),
    opinionReceivedOn: day('opinion_received_on'), // 行政复议意见书 (第76条)
    opinionContent: text('opinion_content'),
    rectifiedOn: day('rectified_on'), // 报送纠正情况
    rectificationReport: text('rectification_report'),
    note: text('note'),
    source: text('source').notNull().default('staff'), // staff | import | demo
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('litigation_reconsideration_org_idx').on(t.orgCode, t.receivedOn),
    index('litigation_reconsideration_kind_idx').on(t.orgCode, t.actKind),
  ],
);

/**
 * 行政诉讼案件 where an org of ours is the 被告. The disclosure module reads `id, org_code, act_kind,
 * filed_on, reconsideration_id, judgment_type, judged_on` with plain SQL (CONTRACT): keep them.
 */
export const lawsuits = pgTable(
  'litigation_lawsuit',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(), // 被告
    court: text('court').notNull(),
    instance: text('instance').notNull(), // 一审 | 二审 | 再审
    caseNo: text('case_no'),
    plaintiffName: text('plaintiff_name').notNull(), // personal
    plaintiffKind: text('plaintiff_kind').notNull(), // 自然人 | 法人或其他组织
    plaintiffIdNo: text('plaintiff_id_no'), // personal
    plaintiffPhone: text('plaintiff_phone'), // personal
    act: text('act').notNull(),
    actKind: text('act_kind').notNull(),
    actOn: day('act_on'),
    enforcementCaseId: integer('enforcement_case_id'), // enforcement_case.id, no FK
    reconsiderationId: integer('reconsideration_id'), // 复议后起诉
    filedOn: day('filed_on').notNull(), // 收到起诉状副本
    answeredOn: day('answered_on'), // 提交答辩状及证据
    judgmentType: text('judgment_type'),
    judgedOn: day('judged_on'),
    judgmentNote: text('judgment_note'),
    appealed: boolean('appealed').notNull().default(false),
    appealedOn: day('appealed_on'),
    appealBy: text('appeal_by'), // 原告 | 被告 | 第三人
    suggestionKind: text('suggestion_kind'), // 司法建议 | 检察建议
    suggestionReceivedOn: day('suggestion_received_on'),
    suggestionContent: text('suggestion_content'),
    suggestionRepliedOn: day('suggestion_replied_on'),
    suggestionReply: text('suggestion_reply'),
    note: text('note'),
    source: text('source').notNull().default('staff'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('litigation_lawsuit_org_idx').on(t.orgCode, t.filedOn),
    index('litigation_lawsuit_kind_idx').on(t.orgCode, t.actKind),
    index('litigation_lawsuit_reconsideration_idx').on(t.reconsiderationId),
  ],
);

/** 开庭 with the 行政机关负责人出庭应诉 record (最高法《关于行政机关负责人出庭应诉若干问题的规定》). */
export const hearings = pgTable(
  'litigation_hearing',
  {
    id: serial('id').primaryKey(),
    lawsuitId: integer('lawsuit_id')
      .notNull()
      .references(() => lawsuits.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    hearingOn: day('hearing_on').notNull(),
    courtNotifiedHead: boolean('court_notified_head').notNull().default(false), // 法院通知负责人出庭
    headAppeared: boolean('head_appeared'), // null: appearance not recorded yet
    headName: text('head_name'),
    headPost: text('head_post'),
    headRole: text('head_role'), // 正职 | 副职 | 分管副职 | 其他负责人
    delegateName: text('delegate_name'), // 委托出庭的工作人员
    delegatePost: text('delegate_post'),
    absenceReason: text('absence_reason'), // 不可抗力 | 意外事件 | 需履行他人不能替代的公务 | 其他正当事由
    proofSubmitted: boolean('proof_submitted'),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('litigation_hearing_org_idx').on(t.orgCode, t.hearingOn),
    index('litigation_hearing_lawsuit_idx').on(t.lawsuitId, t.hearingOn),
  ],
);
