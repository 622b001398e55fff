import { type SQL, sql } from 'drizzle-orm';
import type { IndicatorDef, IndicatorParams } from '../../kernel/module.js';
import { TRAINING_MIN_HOURS } from './model.js';

// Every column is table-qualified: list routes join other tables.

const township = (col: string) =>
  sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(${sql.raw(col)}, 1, 9) || '000')`;

const held = (p: IndicatorParams) => sql`learning_session.held_on BETWEEN ${p.from} AND ${p.to}`;
const sessions = {
  table: 'learning_session',
  drillPath: '/learning/sessions',
  breakdowns: {
    乡镇: township('learning_session.org_code'),
    学法形式: sql`learning_session.kind`,
    月份: sql`to_char(learning_session.held_on, 'YYYY-MM')`,
  },
  serves: '政府工作人员法治思维和依法行政能力',
} as const;
const sessionKind = (kind: string) => (p: IndicatorParams) =>
  sql`learning_session.kind = ${kind} AND ${held(p)}`;

/** An entry of an exam held in the period; `cert` picks the 执法资格考试 or the 学法考试 (every other kind). */
const examIn = (p: IndicatorParams, cert: boolean): SQL =>
  sql`EXISTS (SELECT 1 FROM learning_exam e WHERE e.id = learning_exam_entry.exam_id
    AND e.held_on BETWEEN ${p.from} AND ${p.to} AND e.kind ${cert ? sql`=` : sql`<>`} '执法资格考试')`;
const entries = {
  table: 'learning_exam_entry',
  drillPath: '/learning/entries',
  breakdowns: {
    乡镇: township('learning_exam_entry.org_code'),
    人员类别: sql`learning_exam_entry.role`,
    等次: sql`learning_exam_entry.grade`,
    考试: sql`(SELECT e.name FROM learning_exam e WHERE e.id = learning_exam_entry.exam_id)`,
  },
  serves: '国家工作人员学法考试',
} as const;

const trained = (p: IndicatorParams) => sql`learning_training.held_on BETWEEN ${p.from} AND ${p.to}`;
const officerOnStaff = sql`enforcement_officer.active AND enforcement_officer.status <> '注销'`;
const officerHours = (p: IndicatorParams) => sql`(SELECT coalesce(sum(t.hours), 0) FROM learning_training t
  WHERE t.officer_id = enforcement_officer.id AND t.held_on BETWEEN ${p.from} AND ${p.to})`;

/**
 * 学法用法 figures: study sessions by their day; exam figures by the exam's day (学法考试 = every kind but
 * 执法资格考试); officer training by the course day; 述法 by the day reported.
 */
export const learningIndicators: IndicatorDef[] = [
  {
    ...sessions,
    id: 'learning.centralGroupSessions',
    name: '党委理论学习中心组学法次数',
    unit: '次',
    kind: 'count',
    formula: '期内“党委理论学习中心组学法”记录数',
    where: sessionKind('党委理论学习中心组学法'),
  },
  {
    ...sessions,
    id: 'learning.preMeetingSessions',
    name: '政府常务会议会前学法次数',
    unit: '次',
    kind: 'count',
    formula: '期内“政府常务会议会前学法”记录数',
    where: sessionKind('政府常务会议会前学法'),
  },
  {
    ...sessions,
    id: 'learning.lectures',
    name: '专题法治讲座场次',
    unit: '场',
    kind: 'count',
    formula: '期内“专题法治讲座”记录数',
    where: sessionKind('专题法治讲座'),
  },
  {
    ...sessions,
    id: 'learning.sessions',
    name: '学法活动次数',
    unit: '次',
    kind: 'count',
    formula: '期内各类学法活动(中心组学法、会前学法、专题讲座、专题培训、其他)记录数',
    where: held,
  },
  {
    ...sessions,
    id: 'learning.sessionAttendees',
    name: '学法活动参学人次',
    unit: '人次',
    kind: 'sum',
    sum: sql`learning_session.attendees`,
    formula: '期内学法活动参加人数之和',
    where: held,
  },
  {
    ...entries,
    id: 'learning.examSat',
    name: '参加学法考试人数',
    unit: '人',
    kind: 'count',
    formula: '期内举行的学法考试(执法资格考试除外)名册中已参考的人数',
    where: (p) => sql`learning_exam_entry.sat AND ${examIn(p, false)}`,
  },
  {
    ...entries,
    id: 'learning.examTakeRate',
    name: '学法考试参考率',
    unit: '%',
    kind: 'rate',
    formula: '应参考人员中已参考人数 ÷ 应参考人数(名册中除免考外的人员) × 100%',
    where: (p) => sql`learning_exam_entry.required AND learning_exam_entry.sat AND ${examIn(p, false)}`,
    denominator: (p) => sql`learning_exam_entry.required AND ${examIn(p, false)}`,
  },
  {
    ...entries,
    id: 'learning.studyRate',
    name: '学法参学率',
    unit: '%',
    kind: 'rate',
    formula: '应参考人员中在学法平台有学习学时的人数 ÷ 应参考人数 × 100%(DOMAIN §13.1 参学率)',
    where: (p) =>
      sql`learning_exam_entry.required AND coalesce(learning_exam_entry.study_hours, 0) > 0 AND ${examIn(p, false)}`,
    denominator: (p) => sql`learning_exam_entry.required AND ${examIn(p, false)}`,
  },
  {
    ...entries,
    id: 'learning.examPassRate',
    name: '学法考试合格率',
    unit: '%',
    kind: 'rate',
    formula: '合格人数(最高分或补考成绩达到该考试的合格分数线) ÷ 参考人数 × 100%',
    where: (p) => sql`learning_exam_entry.sat AND learning_exam_entry.passed AND ${examIn(p, false)}`,
    denominator: (p) => sql`learning_exam_entry.sat AND ${examIn(p, false)}`,
  },
  {
    ...entries,
    id: 'learning.examExcellentRate',
    name: '学法考试优秀率',
    unit: '%',
    kind: 'rate',
    formula: '成绩达到该考试优秀分数线的人数 ÷ 参考人数 × 100%',
    where: (p) => sql`learning_exam_entry.sat AND learning_exam_entry.grade = '优秀' AND ${examIn(p, false)}`,
    denominator: (p) => sql`learning_exam_entry.sat AND ${examIn(p, false)}`,
  },
  {
    ...entries,
    id: 'learning.certExamPassRate',
    name: '执法资格考试合格率',
    unit: '%',
    kind: 'rate',
    formula: '期内执法资格考试合格人数 ÷ 参考人数 × 100%',
    where: (p) => sql`learning_exam_entry.sat AND learning_exam_entry.passed AND ${examIn(p, true)}`,
    denominator: (p) => sql`learning_exam_entry.sat AND ${examIn(p, true)}`,
  },
  {
    table: 'learning_training',
    drillPath: '/learning/trainings',
    breakdowns: {
      乡镇: township('learning_training.org_code'),
      月份: sql`to_char(learning_training.held_on, 'YYYY-MM')`,
    },
    serves: '行政执法人员培训',
    id: 'learning.trainingHours',
    name: '执法人员培训学时',
    unit: '学时',
    kind: 'sum',
    sum: sql`learning_training.hours`,
    formula: '期内执法人员培训记录的学时之和',
    where: trained,
  },
  {
    table: 'enforcement_officer',
    drillPath: '/learning/officers',
    breakdowns: { 乡镇: township('enforcement_officer.org_code') },
    serves: '行政执法人员培训',
    id: 'learning.officerTrainingRate',
    name: '执法人员培训学时达标率',
    unit: '%',
    kind: 'rate',
    formula: `在岗执法人员中期内培训学时不少于${TRAINING_MIN_HOURS}学时(UNVERIFIED 纲要口径，按一年统计)的人数 ÷ 在岗执法人员数 × 100%`,
    where: (p) => sql`${officerOnStaff} AND ${officerHours(p)} >= ${TRAINING_MIN_HOURS}`,
    denominator: () => officerOnStaff,
  },
  {
    table: 'learning_report',
    drillPath: '/learning/reports',
    breakdowns: {
      乡镇: township('learning_report.org_code'),
      职务: sql`learning_report.post`,
    },
    serves: '党政主要负责人履行推进法治建设第一责任人职责',
    id: 'learning.lawReports',
    name: '领导干部述法人次',
    unit: '人次',
    kind: 'count',
    formula: '期内领导干部述法记录数',
    where: (p) => sql`learning_report.reported_on BETWEEN ${p.from} AND ${p.to}`,
  },
];
