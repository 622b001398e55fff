// The module's tables (prefix `learning_`).
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
} from 'drizzle-orm/pg-core';
import { orgCode } from '../../kernel/db/columns.js';

const day = (name: string) => date(name, { mode: 'string' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const hours = (name: string) => numeric(name, { precision: 6, scale: 1, mode: 'number' });
const score = (name: string) => numeric(name, { precision: 5, scale: 1, mode: 'number' });

/**
 * 学法活动: a 党委理论学习中心组学法, a 政府常务会议会前学法, a 专题法治讲座 or 专题培训 held by an org
 * (seed 000: “党委中心组重点学习内容13次，专题讲座30余次”).
 */
export const learningSessions = pgTable(
  'learning_session',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    kind: text('kind').notNull(), // 党委理论学习中心组学法 | 政府常务会议会前学法 | 专题法治讲座 | 专题培训 | 其他
    heldOn: day('held_on').notNull(),
    topic: text('topic').notNull(),
    laws: text('laws'), // the laws studied, as written: 《宪法》《行政复议法》
    lecturer: text('lecturer'),
    attendees: integer('attendees'),
    hours: hours('hours'),
    note: text('note'),
    fileIds: jsonb('file_ids').$type<number[]>(),
    source: text('source').notNull().default('staff'), // staff | import | demo
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('learning_session_org_idx').on(t.orgCode, t.heldOn)],
);

/**
 * An exam with its roster: the annual 学法考试 (exam platform), a 执法资格考试, or another 法治理论考试.
 * Pass/good/excellent thresholds are local rules (DOMAIN §13.1), so each exam carries them.
 */
export const learningExams = pgTable(
  'learning_exam',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(), // the organiser (whose roster it is)
    year: integer('year').notNull(),
    kind: text('kind').notNull(), // 年度学法考试 | 执法资格考试 | 其他
    name: text('name').notNull(),
    heldOn: day('held_on').notNull(), // the exam day (or the platform window's last day)
    passScore: score('pass_score').notNull().default(60),
    goodScore: score('good_score').notNull().default(80),
    excellentScore: score('excellent_score').notNull().default(90),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('learning_exam_org_idx').on(t.orgCode, t.heldOn)],
);

/**
 * One person on an exam's roster and the result (DOMAIN §13.1 ledger: role, registered, studyHours,
 * examScore, attempts, passed, grade, makeupScore). `org_code` is the person's unit (the exam's org or
 * one below it). `grade` and `passed` are computed from the exam's thresholds when the result is written.
 */
export const learningExamEntries = pgTable(
  'learning_exam_entry',
  {
    id: serial('id').primaryKey(),
    examId: integer('exam_id')
      .notNull()
      .references(() => learningExams.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    personName: text('person_name').notNull(),
    idCard: text('id_card'), // personal
    unitName: text('unit_name'),
    role: text('role'), // 领导干部 | 公务员 | 执法人员 | 其他
    required: boolean('required').notNull().default(true), // on the roster of those who must sit it
    sat: boolean('sat').notNull().default(false),
    status: text('status').notNull().default('未参考'), // 已参考 | 未参考 | 缺考 | 免考
    score: score('score'), // best of attempts
    attempts: integer('attempts'),
    passed: boolean('passed').notNull().default(false),
    grade: text('grade'), // 优秀 | 良好 | 合格 | 不合格 (null: not sat)
    makeupScore: score('makeup_score'),
    studyHours: hours('study_hours'), // 学法学时 on the platform
    officerId: integer('officer_id'), // enforcement_officer.id, no FK (the module may be absent)
    sittedOn: day('sitted_on'),
    source: text('source').notNull().default('staff'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('learning_exam_entry_org_idx').on(t.orgCode, t.examId),
    index('learning_exam_entry_exam_idx').on(t.examId, t.personName),
  ],
);

/** 执法人员培训: one course an enforcement officer attended, with its 学时. */
export const learningTrainings = pgTable(
  'learning_training',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(), // the officer's org
    officerId: integer('officer_id'), // enforcement_officer.id, no FK
    personName: text('person_name').notNull(),
    heldOn: day('held_on').notNull(),
    course: text('course').notNull(),
    hours: hours('hours').notNull(),
    organiser: text('organiser'),
    source: text('source').notNull().default('staff'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('learning_training_org_idx').on(t.orgCode, t.heldOn),
    index('learning_training_officer_idx').on(t.officerId, t.heldOn),
  ],
);

/** 述法: a leader's report on performing the duties of 法治建设第一责任人. */
export const learningReports = pgTable(
  'learning_report',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    year: integer('year').notNull(), // the year reported on
    leaderName: text('leader_name').notNull(),
    post: text('post').notNull(), // 党委书记 | 镇长 | …
    reportedOn: day('reported_on').notNull(),
    occasion: text('occasion').notNull(), // 年终述职述法 | 专题述法 | 党委(扩大)会议述法 | 其他
    summary: text('summary'),
    evaluation: text('evaluation'), // 好 | 较好 | 一般 | 差, or the 测评 result as written
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('learning_report_org_idx').on(t.orgCode, t.reportedOn)],
);
