import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
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
 * 法律顾问聘用合同: one adviser (律师 or 基层法律服务工作者) engaged by an org (county, township or
 * 村委会) for a period. The orgs it covers are in advisers_coverage.
 */
export const adviserContracts = pgTable(
  'advisers_contract',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(), // the contracting org (聘用单位)
    contractNo: text('contract_no'),
    adviserName: text('adviser_name').notNull(),
    licenseNo: text('license_no'), // 执业证号
    firm: text('firm').notNull(), // 律师事务所 / 基层法律服务所 name
    firmKind: text('firm_kind').notNull(), // 律师事务所 | 基层法律服务所
    phone: text('phone'), // personal
    userId: integer('user_id'), // the adviser's platform account (kernel_user), links legality reviews
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on').notNull(),
    terminatedOn: day('terminated_on'), // ended early: not in force from this day on
    terminationReason: text('termination_reason'),
    fee: money('fee'), // 元 for the whole period
    dutySchedule: text('duty_schedule'), // 坐班安排, shown on the portal
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('advisers_contract_org_idx').on(t.orgCode, t.startsOn),
    index('advisers_contract_user_idx').on(t.userId),
  ],
);

/** The orgs (township and/or villages) a contract covers; `prefix` is the covered subtree's code prefix. */
export const adviserCoverage = pgTable(
  'advisers_coverage',
  {
    id: serial('id').primaryKey(),
    contractId: integer('contract_id')
      .notNull()
      .references(() => adviserContracts.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(), // the covered org
    prefix: orgCode('prefix').notNull(),
  },
  (t) => [
    uniqueIndex('advisers_coverage_unique').on(t.contractId, t.orgCode),
    index('advisers_coverage_org_idx').on(t.orgCode),
  ],
);

/**
 * The adviser's work log: 坐班 (duty day), 咨询 (consultation, 人次), 讲座 (法治讲座), 调解 (mediation joined).
 * `org_code` is the place (a covered village or township).
 */
export const adviserActivities = pgTable(
  'advisers_activity',
  {
    id: serial('id').primaryKey(),
    contractId: integer('contract_id')
      .notNull()
      .references(() => adviserContracts.id),
    orgCode: orgCode('org_code').notNull(),
    kind: text('kind').notNull(), // 坐班 | 咨询 | 讲座 | 调解
    on: day('on').notNull(),
    hours: numeric('hours', { precision: 4, scale: 1, mode: 'number' }), // 坐班
    people: integer('people'), // 咨询: 人次; 讲座: 听众人次
    way: text('way'), // 咨询: 坐班 | 电话 | 微信 | 上门
    topic: text('topic'),
    matters: text('matters'),
    source: text('source').notNull().default('staff'), // staff | import | demo
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('advisers_activity_org_idx').on(t.orgCode, t.on),
    index('advisers_activity_contract_idx').on(t.contractId, t.on),
    // One duty-day record per contract, day and place.
    uniqueIndex('advisers_activity_duty_unique').on(t.contractId, t.on, t.orgCode).where(sql`kind = '坐班'`),
  ],
);
