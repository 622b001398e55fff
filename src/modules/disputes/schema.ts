import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgCode } from '../../kernel/db/columns.js';

const day = (name: string) => date(name, { mode: 'string' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const disputeCases = pgTable(
  'disputes_case',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(), // where it arose: 村/社区, 网格 or the 乡镇 itself
    caseNo: text('case_no').notNull(),
    source: text('source').notNull(),
    category: text('category').notNull(),
    summary: text('summary').notNull(),
    riskLevel: text('risk_level').notNull().default('低'),
    mediatorName: text('mediator_name'),
    status: text('status').notNull(),
    receivedOn: day('received_on').notNull(),
    acceptedOn: day('accepted_on'),
    rejectedOn: day('rejected_on'),
    rejectReason: text('reject_reason'),
    mediationOn: day('mediation_on'),
    resolvedOn: day('resolved_on'),
    failedOn: day('failed_on'),
    transferTo: text('transfer_to'),
    transferTarget: text('transfer_target'),
    agreementForm: text('agreement_form'),
    agreementText: text('agreement_text'),
    agreementFileId: integer('agreement_file_id'),
    performance: text('performance'),
    judicialDueOn: day('judicial_due_on'),
    judicialAppliedOn: day('judicial_applied_on'),
    judicialCourt: text('judicial_court'),
    judicialResult: text('judicial_result'),
    followupOn: day('followup_on'),
    followupNote: text('followup_note'),
    channel: text('channel').notNull().default('staff'), // staff | portal | import
    trackingCode: text('tracking_code'),
    contactPhone: text('contact_phone'), // portal submissions look up by code + phone
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('disputes_case_no_unique').on(t.caseNo),
    // Lists and indicators filter an org subtree and a date range.
    index('disputes_case_org_received_idx').on(t.orgCode, t.receivedOn),
    index('disputes_case_org_status_idx').on(t.orgCode, t.status, t.receivedOn),
    uniqueIndex('disputes_case_tracking_unique').on(t.trackingCode).where(sql`tracking_code IS NOT NULL`),
  ],
);

export const disputeParties = pgTable(
  'disputes_party',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => disputeCases.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    role: text('role').notNull().default('当事人'),
    name: text('name').notNull(),
    idCard: text('id_card'),
    phone: text('phone'),
    address: text('address'),
  },
  (t) => [
    index('disputes_party_case_idx').on(t.caseId),
    index('disputes_party_idcard_idx').on(t.idCard),
    index('disputes_party_org_idx').on(t.orgCode),
  ],
);

/** 矛盾纠纷排查会: a periodic screening meeting and the disputes it reviewed. */
export const disputeMeetings = pgTable(
  'disputes_meeting',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    heldOn: day('held_on').notNull(),
    title: text('title').notNull(),
    attendees: text('attendees').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('disputes_meeting_org_idx').on(t.orgCode, t.heldOn)],
);

export const disputeMeetingCases = pgTable(
  'disputes_meeting_case',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => disputeMeetings.id, { onDelete: 'cascade' }),
    caseId: integer('case_id')
      .notNull()
      .references(() => disputeCases.id, { onDelete: 'cascade' }),
    reviewed: boolean('reviewed').notNull().default(true),
  },
  (t) => [uniqueIndex('disputes_meeting_case_unique').on(t.meetingId, t.caseId)],
);

/** 法律咨询 requests citizens send from the portal, answered by the township (its legal adviser). */
export const disputeConsultations = pgTable(
  'disputes_consultation',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    description: text('description').notNull(),
    trackingCode: text('tracking_code').notNull(),
    status: text('status').notNull().default('pending'), // pending | answered
    answer: text('answer'),
    answeredOn: day('answered_on'),
    answeredBy: integer('answered_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('disputes_consultation_tracking_unique').on(t.trackingCode),
    index('disputes_consultation_org_idx').on(t.orgCode),
  ],
);
