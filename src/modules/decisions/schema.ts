import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgCode } from '../../kernel/db/columns.js';

const day = (name: string) => date(name, { mode: 'string' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 年度重大行政决策事项目录 (第三条第三款): one per org and year, 经同级党委同意后向社会公布. */
export const decisionsCatalogues = pgTable(
  'decisions_catalogue',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    partyApprovedOn: day('party_approved_on'), // 经同级党委同意
    publishedOn: day('published_on'),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('decisions_catalogue_org_year_unique').on(t.orgCode, t.year)],
);

export const decisionsCatalogueItems = pgTable(
  'decisions_catalogue_item',
  {
    id: serial('id').primaryKey(),
    catalogueId: integer('catalogue_id')
      .notNull()
      .references(() => decisionsCatalogues.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    itemNo: integer('item_no').notNull(),
    title: text('title').notNull(),
    category: text('category').notNull(), // 第三条五类之一
    sponsorUnit: text('sponsor_unit').notNull(), // 承办单位
    plannedPeriod: text('planned_period'), // 计划完成时间, free text (e.g. 2025年第三季度)
    addedOn: day('added_on').notNull(), // 动态调整: items added after publication keep their date
    removedOn: day('removed_on'),
    removedReason: text('removed_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('decisions_catalogue_item_no_unique').on(t.catalogueId, t.itemNo),
    index('decisions_catalogue_item_org_idx').on(t.orgCode),
  ],
);

/**
 * A 重大行政决策 (kind '重大行政决策') or a 三重一大 matter (kind '三重一大'): the same record, the same
 * collective-decision fields. The five statutory procedures: 公众参与 (kernel consultation +
 * decisions_meeting), 专家论证 and 风险评估 (columns here), 合法性审查 (kernel legal review),
 * 集体讨论决定 (meeting_* columns).
 */
export const decisionsDecisions = pgTable(
  'decisions_decision',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(), // 决策机关
    decisionNo: text('decision_no').notNull(),
    kind: text('kind').notNull(), // 重大行政决策 | 三重一大
    matter: text('matter'), // 三重一大: 重大事项决策 | 重要干部任免 | 重大项目安排 | 大额资金使用
    title: text('title').notNull(),
    category: text('category'), // 第三条五类之一 (重大行政决策)
    catalogueItemId: integer('catalogue_item_id'),
    outOfCatalogueReason: text('out_of_catalogue_reason'),
    sponsorUnit: text('sponsor_unit').notNull(), // 承办单位
    draft: text('draft').notNull(), // 决策草案及说明
    launchedOn: day('launched_on').notNull(), // 决策启动
    status: text('status').notNull(), // drafting | decided | rejected | published | implementing | evaluated
    // Which procedures are required (公众参与、合法性审查、集体讨论 always for 重大行政决策)
    professional: boolean('professional').notNull().default(false), // 专业性、技术性较强
    stabilityRisk: boolean('stability_risk').notNull().default(false), // 涉及社会稳定风险
    expertRequired: boolean('expert_required').notNull().default(true),
    expertWaivedReason: text('expert_waived_reason'),
    riskRequired: boolean('risk_required').notNull().default(true),
    riskWaivedReason: text('risk_waived_reason'),
    // 公众参与 without a public comment round (依法不予公开), with the reason
    noConsultationReason: text('no_consultation_reason'),
    // 专家论证 (第十九至二十一条)
    expertOn: day('expert_on'),
    expertUnit: text('expert_unit'), // 论证的专业机构, if any
    experts: jsonb('experts').$type<{ name: string; title?: string | null; unit?: string | null }[]>(),
    expertOpinions: text('expert_opinions'),
    expertAdoption: text('expert_adoption'), // 论证意见采纳情况
    expertConflictChecked: boolean('expert_conflict_checked').notNull().default(false),
    expertConflictNote: text('expert_conflict_note'),
    expertDisclosed: boolean('expert_disclosed').notNull().default(false), // 专家信息和论证意见按要求公开
    // 风险评估 (第二十二至二十四条)
    riskOn: day('risk_on'),
    riskAssessor: text('risk_assessor'),
    riskReport: text('risk_report'), // 风险点、防范措施、处置预案
    riskLevel: text('risk_level'), // 低 | 中 | 高
    riskControllable: boolean('risk_controllable'),
    // 集体讨论决定 (第三十条)
    meetingType: text('meeting_type'), // 常务会议 | 全体会议 (三重一大: also 党委会议, 党政联席会议)
    meetingOn: day('meeting_on'),
    attendees: text('attendees'),
    minutes: text('minutes'),
    dissent: text('dissent'), // 不同意见
    headOpinion: text('head_opinion'), // 行政首长意见 (与多数意见不一致的理由)
    outcome: text('outcome'), // 通过 | 不予通过 | 暂缓
    decisionText: text('decision_text'),
    decidedOn: day('decided_on'),
    partyReportedOn: day('party_reported_on'), // 第三十一条 向同级党委请示报告
    // 公布 (第三十二条)
    publishedOn: day('published_on'),
    publishChannel: text('publish_channel'),
    publicText: text('public_text'), // 决策内容及解读
    // 执行 (第三十四条)
    executionUnit: text('execution_unit'),
    // 决策后评估 (第三十六条)
    evalPlannedOn: day('eval_planned_on'),
    evalTrigger: text('eval_trigger'),
    evalEvaluator: text('eval_evaluator'),
    evalThirdParty: boolean('eval_third_party').notNull().default(false),
    evalDoneOn: day('eval_done_on'),
    evalReport: text('eval_report'),
    evalConclusion: text('eval_conclusion'), // 继续执行 | 调整 | 停止执行
    archiveRef: text('archive_ref'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('decisions_decision_no_unique').on(t.decisionNo),
    index('decisions_decision_org_idx').on(t.orgCode, t.launchedOn),
  ],
);

/** 公众参与 records: 座谈会 / 听证会 / 实地走访 (第十四、十六、十七条). */
export const decisionsMeetings = pgTable(
  'decisions_meeting',
  {
    id: serial('id').primaryKey(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisionsDecisions.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    kind: text('kind').notNull(), // 座谈会 | 听证会 | 实地走访 | 其他
    heldOn: day('held_on').notNull(),
    listPublishedOn: day('list_published_on'), // 听证会: 参加人名单提前公布
    materialsSentOn: day('materials_sent_on'), // 听证会: 材料7日前送达
    participants: text('participants').notNull(),
    opinions: text('opinions').notNull(),
    recordedBy: integer('recorded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('decisions_meeting_decision_idx').on(t.decisionId)],
);

/** 决策档案 (第三十三条): evidence files attached to the procedure that produced them. */
export const decisionsEvidence = pgTable(
  'decisions_evidence',
  {
    id: serial('id').primaryKey(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisionsDecisions.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    procedure: text('procedure').notNull(), // participation | expert | risk | legal | collective | publish | execution | evaluation
    title: text('title').notNull(),
    fileId: integer('file_id').notNull(),
    sha256: text('sha256').notNull(),
    note: text('note'),
    recordedBy: integer('recorded_by'),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
    removedAt: ts('removed_at'),
    removedReason: text('removed_reason'),
  },
  (t) => [index('decisions_evidence_decision_idx').on(t.decisionId)],
);

/** 执行情况报告 (第三十四条). */
export const decisionsReports = pgTable(
  'decisions_report',
  {
    id: serial('id').primaryKey(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisionsDecisions.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    reportedOn: day('reported_on').notNull(),
    unit: text('unit').notNull(),
    text: text('text').notNull(),
    recordedBy: integer('recorded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('decisions_report_decision_idx').on(t.decisionId)],
);
