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

/**
 * 行政规范性文件: one row per document, from 起草 to 清理 (发文台账). The legality review and the public
 * comment round live in the kernel (kernel_legal_review, kernel_consultation); the review's result is
 * mirrored here so the figures are counted over this one table.
 */
export const normdocsDocuments = pgTable(
  'normdocs_document',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(), // the issuing organ (乡镇 or county)
    title: text('title').notNull(),
    docType: text('doc_type').notNull(), // 政府规范性文件 | 部门规范性文件
    draftUnit: text('draft_unit'), // 起草单位(科室)
    summary: text('summary'), // 起草说明
    body: text('body'), // 正文 (paragraphs, one per line)
    temporary: boolean('temporary').notNull().default(false), // 暂行/试行: shorter validity
    status: text('status').notNull(),
    draftedOn: day('drafted_on').notNull(),
    // 合法性审核 (mirrored from kernel_legal_review)
    reviewSubmittedOn: day('review_submitted_on'),
    reviewedOn: day('reviewed_on'),
    reviewResult: text('review_result'),
    // 集体审议
    deliberatedOn: day('deliberated_on'),
    meeting: text('meeting'),
    deliberationResult: text('deliberation_result'),
    // 统一登记、统一编号、统一印发
    registeredOn: day('registered_on'),
    registrationNo: text('registration_no'), // assigned from the org's sequence, never typed
    registrationYear: integer('registration_year'),
    registrationSeq: integer('registration_seq'),
    docNo: text('doc_no'), // 发文字号, as the office writes it
    // 公布、施行、有效期
    publishedOn: day('published_on'),
    publishMedium: text('publish_medium'),
    effectiveOn: day('effective_on'),
    validUntil: day('valid_until'),
    // 备案 to the org above
    filedTo: orgCode('filed_to'),
    filingDueOn: day('filing_due_on'),
    filedOn: day('filed_on'),
    filingCorrections: integer('filing_corrections').notNull().default(0),
    filingReviewedOn: day('filing_reviewed_on'),
    filingResult: text('filing_result'), // 合格 | 纠正
    filingReason: text('filing_reason'),
    filingReviewer: text('filing_reviewer'),
    // 清理 (the latest; the history is normdocs_cleanup)
    lastCleanupOn: day('last_cleanup_on'),
    lastCleanupResult: text('last_cleanup_result'),
    endedOn: day('ended_on'), // 废止 / 失效
    channelSource: text('channel_source').notNull().default('staff'), // staff | import
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('normdocs_document_regno_unique').on(t.registrationNo),
    index('normdocs_document_org_published_idx').on(t.orgCode, t.publishedOn),
    index('normdocs_document_filed_to_idx').on(t.filedTo, t.filedOn),
  ],
);

/** 清理: each campaign's result for a document. */
export const normdocsCleanups = pgTable(
  'normdocs_cleanup',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => normdocsDocuments.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    campaign: text('campaign').notNull(), // 清理活动名称
    result: text('result').notNull(), // 继续有效 | 修改 | 废止 | 失效
    reviewedOn: day('reviewed_on').notNull(),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('normdocs_cleanup_document_idx').on(t.documentId)],
);

/** 审查建议 from the public: lands with the county (org_code = the county). */
export const normdocsSuggestions = pgTable(
  'normdocs_suggestion',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    documentId: integer('document_id')
      .notNull()
      .references(() => normdocsDocuments.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    authorName: text('author_name'),
    contact: text('contact'), // personal: staff with normdocs.personal only
    submittedOn: day('submitted_on').notNull(),
    repliedOn: day('replied_on'),
    reply: text('reply'),
    repliedBy: integer('replied_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('normdocs_suggestion_org_idx').on(t.orgCode, t.submittedOn)],
);

/** Rules the law leaves to regions (DOMAIN.md §10): the nearest ancestor's row applies. */
export const normdocsSettings = pgTable('normdocs_setting', {
  orgCode: orgCode('org_code').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedBy: integer('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
