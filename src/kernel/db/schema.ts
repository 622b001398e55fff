import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
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
import { orgCode } from './columns.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const orgs = pgTable(
  'kernel_org',
  {
    code: orgCode('code').primaryKey(),
    parentCode: orgCode('parent_code'),
    name: text('name').notNull(),
    level: text('level').notNull(),
    sort: integer('sort').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('kernel_org_parent_idx').on(t.parentCode)],
);

export const users = pgTable('kernel_user', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  phone: text('phone'),
  officeCode: orgCode('office_code'),
  disabled: boolean('disabled').notNull().default(false),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: ts('locked_until'),
  passwordChangedAt: ts('password_changed_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const grants = pgTable(
  'kernel_grant',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    orgCode: orgCode('org_code')
      .notNull()
      .references(() => orgs.code),
  },
  (t) => [
    uniqueIndex('kernel_grant_unique').on(t.userId, t.role, t.orgCode),
    index('kernel_grant_org_idx').on(t.orgCode),
  ],
);

export const sessions = pgTable(
  'kernel_session',
  {
    id: text('id').primaryKey(), // sha256 of the cookie token
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    ip: text('ip'),
  },
  (t) => [index('kernel_session_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'kernel_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: integer('actor_id'),
    actor: text('actor').notNull(),
    orgCode: orgCode('org_code'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('kernel_audit_entity_idx').on(t.entity, t.entityId),
    index('kernel_audit_org_idx').on(t.orgCode),
  ],
);

export const deadlines = pgTable(
  'kernel_deadline',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    module: text('module').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    step: text('step').notNull(),
    title: text('title').notNull(),
    rule: jsonb('rule').notNull(),
    legalBasis: text('legal_basis'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    provisional: boolean('provisional').notNull().default(false),
    status: text('status').notNull().default('open'), // open | done | cancelled
    doneOn: date('done_on', { mode: 'string' }),
    remindedAt: ts('reminded_at'),
    escalatedAt: ts('escalated_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('kernel_deadline_step_unique').on(t.module, t.entity, t.entityId, t.step),
    index('kernel_deadline_org_status_due_idx').on(t.orgCode, t.status, t.dueOn),
    index('kernel_deadline_open_due_idx').on(t.dueOn).where(sql`status = 'open'`),
  ],
);

export const notices = pgTable(
  'kernel_notice',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deadlineId: bigint('deadline_id', { mode: 'number' })
      .notNull()
      .references(() => deadlines.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    kind: text('kind').notNull(), // reminder
    message: text('message').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [
    uniqueIndex('kernel_notice_unique').on(t.deadlineId, t.kind),
    index('kernel_notice_org_idx').on(t.orgCode),
  ],
);

/** 督办: an overdue step, visible to every level above the org that owns it. */
export const supervision = pgTable(
  'kernel_supervision',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deadlineId: bigint('deadline_id', { mode: 'number' })
      .notNull()
      .references(() => deadlines.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'), // open | resolved | closed
    note: text('note'),
    closedAt: ts('closed_at'),
    closedBy: integer('closed_by'),
  },
  (t) => [
    uniqueIndex('kernel_supervision_deadline_unique').on(t.deadlineId),
    index('kernel_supervision_org_idx').on(t.orgCode, t.status),
  ],
);

export const files = pgTable(
  'kernel_file',
  {
    id: serial('id').primaryKey(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    name: text('name').notNull(),
    orgCode: orgCode('org_code').notNull(),
    uploadedBy: integer('uploaded_by'),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [index('kernel_file_org_idx').on(t.orgCode), index('kernel_file_sha_idx').on(t.sha256)],
);

export const meta = pgTable('kernel_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** Per-scope counters for numbers assigned by the system (案号, 统一编号): one row lock per issue. */
export const sequences = pgTable('kernel_sequence', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
});

/**
 * 公开征求意见 on a draft (a normative document, a major decision): shared by modules, so the portal
 * shows one list of open consultations. `module/entity/entity_id` names the draft.
 */
export const consultations = pgTable(
  'kernel_consultation',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    module: text('module').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    title: text('title').notNull(),
    summary: text('summary'), // 起草说明
    /** The draft as numbered paragraphs, so a comment can name the one it is about. */
    paragraphs: jsonb('paragraphs').$type<{ no: number; text: string }[]>().notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    shortenedReason: text('shortened_reason'), // 决策条例第十五条: 少于30日的理由
    resultsPublishedOn: date('results_published_on', { mode: 'string' }),
    adoptionNote: text('adoption_note'), // 意见采纳情况说明
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('kernel_consultation_entity_unique').on(t.module, t.entity, t.entityId),
    index('kernel_consultation_org_idx').on(t.orgCode, t.closesOn),
  ],
);

export const comments = pgTable(
  'kernel_comment',
  {
    id: serial('id').primaryKey(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    paragraphNo: integer('paragraph_no'), // null: the whole text
    text: text('text').notNull(),
    authorName: text('author_name'), // optional; shown masked
    contact: text('contact'), // personal: staff only
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    decision: text('decision'), // 采纳 | 部分采纳 | 不采纳
    reason: text('reason'),
    answeredBy: integer('answered_by'),
    answeredOn: date('answered_on', { mode: 'string' }),
  },
  (t) => [index('kernel_comment_consultation_idx').on(t.consultationId)],
);

/**
 * 合法性审核/审查 of a draft by the legality reviewer or a legal adviser: kernel data, so the advisers
 * module counts reviews (and spots "聘而不用") across modules without importing them.
 */
export const legalReviews = pgTable(
  'kernel_legal_review',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    module: text('module').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    title: text('title').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    reviewerId: integer('reviewer_id'),
    reviewerName: text('reviewer_name'),
    /** The reviewer holds the 法律顾问 role (an adviser's account), or an adviser's opinion is on file. */
    adviserInvolved: boolean('adviser_involved').notNull().default(false),
    result: text('result'), // 合法 | 不合法 | 修改后合法 | 明示法律风险
    opinion: text('opinion'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('kernel_legal_review_entity_idx').on(t.module, t.entity, t.entityId),
    index('kernel_legal_review_org_idx').on(t.orgCode, t.submittedOn),
  ],
);
