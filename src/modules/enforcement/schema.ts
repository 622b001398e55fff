import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgCode } from '../../kernel/db/columns.js';

const day = (name: string) => date(name, { mode: 'string' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/**
 * 执法事项清单 / 三项清单. One row per version of an item: `item_code` is stable, a new version closes
 * the previous one (effective_to) so a case keeps the version it was opened under. The owner org is
 * the county (赋权 items, uniform for its townships) or a township.
 */
export const enforcementItems = pgTable(
  'enforcement_item',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    listKind: text('list_kind').notNull(), // 公共服务事项 | 行政权力事项 | 行政执法权责事项
    itemCode: text('item_code').notNull(),
    version: integer('version').notNull().default(1),
    name: text('name').notNull(),
    itemType: text('item_type').notNull(), // 行政处罚 | 行政检查 | 行政强制 | 行政许可 | 行政征收 | 行政确认 | 其他
    legalBasis: text('legal_basis').notNull(),
    office: text('office'), // 责任科室 / 实施主体
    delegated: boolean('delegated').notNull().default(false), // 县级赋权乡镇
    /** 裁量基准: [{ circumstance, range }] */
    discretion: jsonb('discretion').$type<{ circumstance: string; range: string }[]>().notNull().default([]),
    effectiveFrom: day('effective_from').notNull(),
    effectiveTo: day('effective_to'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_item_version_unique').on(t.orgCode, t.itemCode, t.version),
    index('enforcement_item_org_idx').on(t.orgCode, t.listKind, t.itemType),
  ],
);

/** 执法人员 and their 执法证. `cert_no` null: staff without a certificate (they count against 持证率). */
export const enforcementOfficers = pgTable(
  'enforcement_officer',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    name: text('name').notNull(),
    idCard: text('id_card'),
    phone: text('phone'),
    userId: integer('user_id'), // the platform account, when the officer has one
    certNo: text('cert_no'),
    issuer: text('issuer'),
    areas: text('areas'), // 执法区域/执法类别
    validFrom: day('valid_from'),
    validTo: day('valid_to'),
    status: text('status').notNull().default('有效'), // 有效 | 暂扣 | 注销
    active: boolean('active').notNull().default(true), // still on the enforcement staff
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_officer_cert_unique').on(t.certNo),
    index('enforcement_officer_org_idx').on(t.orgCode, t.validTo),
  ],
);

export const enforcementCases = pgTable(
  'enforcement_case',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(), // the township (or its 综合行政执法队 office)
    caseNo: text('case_no').notNull(),
    itemId: integer('item_id').notNull(), // the item version in force on filed_on
    procedure: text('procedure').notNull(), // simple | ordinary
    source: text('source').notNull(),
    partyType: text('party_type').notNull(), // 自然人 | 法人 | 其他组织
    partyName: text('party_name').notNull(),
    partyIdNo: text('party_id_no'), // 身份证号 (自然人) or 统一社会信用代码
    partyPhone: text('party_phone'),
    partyAddress: text('party_address'),
    summary: text('summary').notNull(), // 案由
    status: text('status').notNull(),
    filedOn: day('filed_on').notNull(), // 立案日 (简易程序: 当场决定日)
    // 调查终结 / 审查
    investigatedOn: day('investigated_on'),
    findings: text('findings'),
    proposal: text('proposal'), // 拟处理意见
    // 重大执法决定 (第五十八条)
    major: boolean('major').notNull().default(false),
    majorReasons: jsonb('major_reasons').$type<string[]>().notNull().default([]),
    collectiveRequired: boolean('collective_required').notNull().default(false),
    // 事先告知 (第四十四、六十三、六十四条)
    notifiedOn: day('notified_on'),
    hearingApplicable: boolean('hearing_applicable').notNull().default(false),
    hearingRequestUntil: day('hearing_request_until'),
    hearingRequestedOn: day('hearing_requested_on'),
    hearingWaived: boolean('hearing_waived').notNull().default(false),
    hearingNoticeOn: day('hearing_notice_on'),
    hearingOn: day('hearing_on'),
    hearingHost: text('hearing_host'),
    hearingHeldOn: day('hearing_held_on'),
    statementText: text('statement_text'), // 陈述、申辩 and how it was dealt with
    statementWaived: boolean('statement_waived').notNull().default(false),
    // 法制审核
    reviewSubmittedOn: day('review_submitted_on'),
    reviewedOn: day('reviewed_on'),
    reviewResult: text('review_result'), // 同意 | 不同意 | 建议修改后提交
    reviewerId: integer('reviewer_id'),
    reviewerName: text('reviewer_name'),
    reviewOpinion: text('review_opinion'),
    // 集体讨论
    collectiveOn: day('collective_on'),
    collectiveAttendees: text('collective_attendees'),
    collectiveMinutes: text('collective_minutes'),
    // 延期 (部门规章, configurable)
    extendedDays: integer('extended_days'),
    extensionReason: text('extension_reason'),
    extensionApprover: text('extension_approver'),
    // 决定 (第五十九条)
    decidedOn: day('decided_on'),
    decisionNo: text('decision_no'),
    decisionKind: text('decision_kind'), // 处罚 | 不予处罚 | 移送司法机关 | 其他决定
    penaltyTypes: jsonb('penalty_types').$type<string[]>().notNull().default([]),
    fineAmount: money('fine_amount'),
    confiscatedAmount: money('confiscated_amount'),
    decisionFacts: text('decision_facts'),
    decisionBasis: text('decision_basis'),
    performance: text('performance'), // 履行方式和期限
    remedy: text('remedy'), // 申请行政复议、提起行政诉讼的途径和期限
    // 送达、执行、结案
    servedOn: day('served_on'),
    serviceMethod: text('service_method'),
    paymentDueOn: day('payment_due_on'),
    paidOn: day('paid_on'),
    paidAmount: money('paid_amount'),
    surcharge: money('surcharge'), // 加处罚款 (第七十二条)
    executedOn: day('executed_on'),
    executionNote: text('execution_note'),
    closedOn: day('closed_on'),
    archivedOn: day('archived_on'),
    // 决定被变更、撤销、确认违法或无效
    revokedOn: day('revoked_on'),
    revokeReason: text('revoke_reason'),
    channelSource: text('channel_source').notNull().default('staff'), // staff | import
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_case_no_unique').on(t.caseNo),
    index('enforcement_case_org_filed_idx').on(t.orgCode, t.filedOn),
    index('enforcement_case_status_idx').on(t.status, t.filedOn, t.id),
    // The case list's order (filed_on DESC, id DESC): a page walks it backwards and stops after 20 rows.
    index('enforcement_case_filed_idx').on(t.filedOn, t.id),
  ],
);

/** The certified officers on a case (≥2, valid certificates on the day, 第四十二条). */
export const enforcementCaseOfficers = pgTable(
  'enforcement_case_officer',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => enforcementCases.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    officerId: integer('officer_id')
      .notNull()
      .references(() => enforcementOfficers.id),
    role: text('role').notNull().default('承办'), // 主办 | 承办
    certNo: text('cert_no').notNull(), // as checked on the day
  },
  (t) => [
    uniqueIndex('enforcement_case_officer_unique').on(t.caseId, t.officerId),
    index('enforcement_case_officer_officer_idx').on(t.officerId),
  ],
);

/** 全过程记录: evidence and documents, each attached to the step that produced it. */
export const enforcementEvidence = pgTable(
  'enforcement_evidence',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => enforcementCases.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    step: text('step').notNull(), // the case step: file, investigate, notify, hearing, review, decide, serve, execute…
    kind: text('kind').notNull(), // 文字记录 | 照片 | 音像 | 扫描件 | 其他
    title: text('title').notNull(),
    fileId: integer('file_id').notNull(),
    sha256: text('sha256').notNull(),
    takenAt: ts('taken_at'), // when the record was made (the device's time)
    place: text('place'),
    note: text('note'),
    recordedBy: integer('recorded_by'),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
    removedAt: ts('removed_at'), // never deleted: a removal is recorded and audited
    removedReason: text('removed_reason'),
  },
  (t) => [index('enforcement_evidence_case_idx').on(t.caseId)],
);

/** 行政执法公示: the public summary of a decision (masked), with its due date, withdrawal and retention. */
export const enforcementPublications = pgTable(
  'enforcement_publication',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => enforcementCases.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    category: text('category').notNull(), // 行政处罚 | 行政许可 | … (the item type)
    decisionNo: text('decision_no').notNull(),
    decidedOn: day('decided_on').notNull(),
    dueOn: day('due_on').notNull(), // 7 or 20 工作日 from the decision
    publishedOn: day('published_on').notNull(),
    /** What the portal shows, personal data masked when built. */
    summary: jsonb('summary').$type<Record<string, string | number | null>>().notNull(),
    retainUntil: day('retain_until').notNull(),
    withdrawnOn: day('withdrawn_on'),
    withdrawReason: text('withdraw_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_publication_case_unique').on(t.caseId),
    index('enforcement_publication_org_idx').on(t.orgCode, t.publishedOn),
  ],
);

/** 案卷评查 checklist, editable per county. */
export const enforcementReviewTemplates = pgTable(
  'enforcement_review_template',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    name: text('name').notNull(),
    items: jsonb('items').$type<{ key: string; label: string; points: number }[]>().notNull(),
    passScore: integer('pass_score').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enforcement_review_template_org_idx').on(t.orgCode)],
);

/** One 案卷评查 of a closed case file: the case's org_code, so the township sees its results. */
export const enforcementCaseReviews = pgTable(
  'enforcement_case_review',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => enforcementCases.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    templateId: integer('template_id')
      .notNull()
      .references(() => enforcementReviewTemplates.id),
    reviewerId: integer('reviewer_id'),
    reviewerName: text('reviewer_name').notNull(),
    reviewedOn: day('reviewed_on').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    total: integer('total').notNull(),
    passed: boolean('passed').notNull(),
    comments: text('comments'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enforcement_case_review_org_idx').on(t.orgCode, t.reviewedOn)],
);

/** 检查对象名录库 for 双随机一公开. */
export const enforcementTargets = pgTable(
  'enforcement_target',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    name: text('name').notNull(),
    uscc: text('uscc'),
    kind: text('kind').notNull(), // 企业 | 个体工商户 | 农民专业合作社 | 其他
    industry: text('industry'),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enforcement_target_org_idx').on(t.orgCode)],
);

/**
 * A 双随机 inspection: the pools are snapshotted (ids in order) with the seed, so anyone can re-draw
 * and get the same targets and inspectors.
 */
export const enforcementInspections = pgTable(
  'enforcement_inspection',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    title: text('title').notNull(),
    itemId: integer('item_id'), // the 行政检查 item it executes
    plannedOn: day('planned_on').notNull(),
    targetCount: integer('target_count').notNull(),
    inspectorCount: integer('inspector_count').notNull().default(2),
    status: text('status').notNull(), // planned | drawn | done | published
    seed: text('seed'),
    drawnOn: day('drawn_on'),
    targetPool: jsonb('target_pool').$type<number[]>(),
    officerPool: jsonb('officer_pool').$type<number[]>(),
    drawnTargets: jsonb('drawn_targets').$type<number[]>(),
    drawnOfficers: jsonb('drawn_officers').$type<number[]>(),
    doneOn: day('done_on'),
    publishedOn: day('published_on'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enforcement_inspection_org_idx').on(t.orgCode, t.plannedOn)],
);

export const enforcementInspectionResults = pgTable(
  'enforcement_inspection_result',
  {
    id: serial('id').primaryKey(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => enforcementInspections.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    targetId: integer('target_id').notNull(),
    inspectedOn: day('inspected_on').notNull(),
    result: text('result').notNull(), // 未发现问题 | 发现问题已责令整改 | 立案查处 | 未找到检查对象
    note: text('note'),
    caseId: integer('case_id'),
  },
  (t) => [uniqueIndex('enforcement_inspection_result_unique').on(t.inspectionId, t.targetId)],
);

/**
 * Rules the law leaves to regions or departments (DOMAIN.md UNVERIFIED items): the nearest ancestor's
 * row applies; none → the defaults in rules.ts.
 */
export const enforcementSettings = pgTable('enforcement_setting', {
  orgCode: orgCode('org_code').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedBy: integer('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
