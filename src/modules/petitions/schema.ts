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

export const petitionCases = pgTable(
  'petitions_case',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(), // the organ that must handle it (乡镇) or the village it concerns
    petitionNo: text('petition_no').notNull(),
    channel: text('channel').notNull(),
    origin: text('origin').notNull().default('直接提出'),
    transferredFrom: text('transferred_from'),
    category: text('category').notNull(),
    subject: text('subject').notNull(),
    summary: text('summary').notNull(),
    batchCount: integer('batch_count').notNull().default(1), // 批次 (visits)
    personCount: integer('person_count').notNull().default(1), // 人次
    officeCode: orgCode('office_code'), // 责任科室
    isRepeat: boolean('is_repeat').notNull().default(false),
    repeatOfId: integer('repeat_of_id'),
    leaderName: text('leader_name'), // 领导包案
    leaderPlan: text('leader_plan'),
    status: text('status').notNull(),
    receivedOn: day('received_on').notNull(),
    acceptedOn: day('accepted_on'),
    notAcceptedOn: day('not_accepted_on'),
    notAcceptedReason: text('not_accepted_reason'),
    objectedOn: day('objected_on'),
    objectionReason: text('objection_reason'),
    extendedDays: integer('extended_days'),
    extensionReason: text('extension_reason'),
    extensionApprover: text('extension_approver'),
    extensionNotifiedOn: day('extension_notified_on'),
    closedOn: day('closed_on'), // 出具处理意见书 = 办结
    opinion: text('opinion'),
    opinionText: text('opinion_text'),
    resolved: boolean('resolved').notNull().default(false), // 化解, separate from 办结
    resolvedOn: day('resolved_on'),
    reviewRequestedOn: day('review_requested_on'),
    reviewedOn: day('reviewed_on'),
    reviewResult: text('review_result'),
    reviewText: text('review_text'),
    recheckRequestedOn: day('recheck_requested_on'),
    recheckHearingDays: integer('recheck_hearing_days').notNull().default(0),
    recheckedOn: day('rechecked_on'),
    recheckResult: text('recheck_result'),
    recheckText: text('recheck_text'),
    channelSource: text('channel_source').notNull().default('staff'), // staff | import
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('petitions_case_no_unique').on(t.petitionNo),
    index('petitions_case_org_received_idx').on(t.orgCode, t.receivedOn),
    index('petitions_case_org_status_idx').on(t.orgCode, t.status, t.receivedOn),
  ],
);

export const petitioners = pgTable(
  'petitions_petitioner',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => petitionCases.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    name: text('name').notNull(),
    idCard: text('id_card'),
    phone: text('phone'),
    address: text('address'),
    isRepresentative: boolean('is_representative').notNull().default(false),
  },
  (t) => [
    index('petitions_petitioner_case_idx').on(t.caseId),
    index('petitions_petitioner_idcard_idx').on(t.idCard),
  ],
);
