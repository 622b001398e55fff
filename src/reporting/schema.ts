import {
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
import { orgCode } from '../kernel/db/columns.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** 法治政府建设年度报告: one per org and year, with its workflow and what the clerk wrote. */
export const annualReports = pgTable(
  'reporting_annual_report',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('draft'), // draft | approved | submitted | published
    /** Clerk-written paragraphs per section key: what no ledger holds. */
    narratives: jsonb('narratives').notNull().default({}),
    /** Data-driven 存在的不足 the clerk kept (their keys); the rest are dropped. */
    acceptedSuggestions: jsonb('accepted_suggestions').notNull().default([]),
    signature: text('signature').notNull(),
    approvedBy: integer('approved_by'),
    approvedByName: text('approved_by_name'),
    approvedAt: ts('approved_at'),
    /** Figures as they stood at approval: a later change shows a visible note. */
    approvedFigures: jsonb('approved_figures'),
    submittedOn: day('submitted_on'),
    publishedOn: day('published_on'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reporting_annual_report_org_year').on(t.orgCode, t.year),
    index('reporting_annual_report_status').on(t.status),
  ],
);
