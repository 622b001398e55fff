import { eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { rows as sqlRows, type Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import { isInSubtree, isOrgCode } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { containsPattern } from '../../kernel/sql-text.js';
import { maskIdCard, toHalfWidth } from '../../kernel/validate.js';
import { percent } from '../../reporting/indicators.js';
import {
  type EntryStatus,
  gradeOf,
  MODULE,
  passedOf,
  type SessionKind,
  type TEntry,
  type TExam,
  TRAINING_MIN_HOURS,
  type TReport,
  type TResult,
  type TSession,
  type TTraining,
} from './model.js';
import {
  learningExamEntries,
  learningExams,
  learningReports,
  learningSessions,
  learningTrainings,
} from './schema.js';

export type Exam = typeof learningExams.$inferSelect;
export type Entry = typeof learningExamEntries.$inferSelect;
type Source = 'staff' | 'import' | 'demo';
const CHUNK = 1000;

async function inChunks<T, R>(list: readonly T[], f: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(...(await f(list.slice(i, i + CHUNK))));
  return out;
}

async function checkOrg(tx: Tx, code: string): Promise<void> {
  if (!isOrgCode(code)) throw new AppError('INVALID_ORG_CODE');
  const [o] = await tx.select({ code: orgs.code }).from(orgs).where(eq(orgs.code, code));
  if (!o) throw new AppError('VALIDATION_FAILED', `组织「${code}」不存在`);
}

function checkNotFuture(day: string, today: string, label: string): void {
  if (day > today) throw new AppError('VALIDATION_FAILED', `${label}不能晚于今天`);
}

/** A 身份证号 as written: half-width, upper-case X, no spaces. */
export function cleanIdCard(s: string | null | undefined): string | null {
  const t = toHalfWidth(String(s ?? ''))
    .replace(/\s/g, '')
    .toUpperCase();
  return t || null;
}

const maskId = (s: string | null, personal: boolean) => (personal || !s ? s : maskIdCard(s));

// ---------------------------------------------------------------------------
// 学法活动

export interface SessionRow {
  orgCode: string;
  kind: SessionKind;
  heldOn: string;
  topic: string;
  laws?: string | null;
  lecturer?: string | null;
  attendees?: number | null;
  hours?: number | null;
  note?: string | null;
  fileIds?: number[] | null;
  source?: Source;
}

/** Insert many sessions with one audit entry; the caller has checked them. */
export async function recordSessions(tx: Tx, list: readonly SessionRow[], actor: Actor) {
  if (!list.length) return [];
  const values = list.map((r) => ({
    orgCode: r.orgCode,
    kind: r.kind,
    heldOn: r.heldOn,
    topic: r.topic,
    laws: r.laws ?? null,
    lecturer: r.lecturer ?? null,
    attendees: r.attendees ?? null,
    hours: r.hours ?? null,
    note: r.note ?? null,
    fileIds: r.fileIds?.length ? r.fileIds : null,
    source: r.source ?? 'staff',
    createdBy: actor.id,
  }));
  const inserted = await inChunks(values, (part) =>
    tx.insert(learningSessions).values(part).returning({ id: learningSessions.id }),
  );
  const orgsOf = [...new Set(values.map((v) => v.orgCode))];
  await appendAudit(tx, {
    actor,
    orgCode: orgsOf.length === 1 ? orgsOf[0]! : null,
    action: `${MODULE}.session.record`,
    entity: 'learning.session',
    entityId: inserted.length === 1 ? inserted[0]!.id : null,
    after:
      values.length === 1
        ? { id: inserted[0]!.id, ...values[0] }
        : { count: values.length, ids: inserted.map((r) => r.id), source: values[0]!.source },
  });
  return inserted;
}

/** Evidence files (签到表, 照片) must be uploaded files of the session's org subtree. */
async function checkFiles(tx: Tx, ids: readonly number[], orgCode: string): Promise<void> {
  if (!ids.length) return;
  const found = await sqlRows<{ id: number; orgCode: string }>(
    tx,
    sql`SELECT id, org_code AS "orgCode" FROM kernel_file WHERE id IN (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  for (const id of ids) {
    const f = found.find((x) => x.id === id);
    if (!f || !isInSubtree(f.orgCode, orgCode))
      throw new AppError('VALIDATION_FAILED', `佐证材料文件（编号${id}）不存在或不属于该单位`);
  }
}

export async function createSession(tx: Tx, input: TSession, actor: Actor, today: string) {
  await checkOrg(tx, input.orgCode);
  checkNotFuture(input.heldOn, today, '学习日期');
  await checkFiles(tx, [...new Set(input.fileIds ?? [])], input.orgCode);
  const [row] = await recordSessions(tx, [{ ...input, source: 'staff' }], actor);
  return row!;
}

export async function getSession(tx: Tx, id: number) {
  const [s] = await sqlRows<Record<string, unknown> & { fileIds: number[] | null }>(
    tx,
    sql`SELECT s.id, s.org_code AS "orgCode", o.name AS "orgName", s.kind, s.held_on::text AS "heldOn", s.topic,
          s.laws, s.lecturer, s.attendees, s.hours::float8 AS hours, s.note, s.file_ids AS "fileIds", s.source,
          s.created_at AS "createdAt"
        FROM learning_session s LEFT JOIN kernel_org o ON o.code = s.org_code WHERE s.id = ${id}`,
  );
  if (!s) throw new AppError('NOT_FOUND');
  const ids = (s.fileIds as number[] | null) ?? [];
  const files = ids.length
    ? await sqlRows(
        tx,
        sql`SELECT id, name, mime, size FROM kernel_file WHERE id IN (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}) ORDER BY id`,
      )
    : [];
  const history = await sqlRows(
    tx,
    sql`SELECT id, at, actor AS "actorName", action FROM kernel_audit
        WHERE entity = 'learning.session' AND entity_id = ${String(id)} ORDER BY id DESC LIMIT 20`,
  );
  return { ...s, files, history };
}

export async function removeSession(tx: Tx, id: number, reason: string, actor: Actor) {
  const [s] = await tx.select().from(learningSessions).where(eq(learningSessions.id, id));
  if (!s) throw new AppError('NOT_FOUND');
  await tx.delete(learningSessions).where(eq(learningSessions.id, id));
  await appendAudit(tx, {
    actor,
    orgCode: s.orgCode,
    action: `${MODULE}.session.remove`,
    entity: 'learning.session',
    entityId: id,
    before: s,
    after: { reason },
  });
  return { id };
}

export async function listSessions(
  tx: Tx,
  org: string,
  q: { kind?: string; q?: string; from?: string; to?: string; page: number; pageSize: number },
  extra?: SQL,
) {
  const cond: SQL[] = [inSubtree(sql`learning_session.org_code`, org)];
  if (q.kind) cond.push(sql`learning_session.kind = ${q.kind}`);
  if (q.q) {
    const like = containsPattern(q.q);
    cond.push(
      sql`(learning_session.topic LIKE ${like} OR learning_session.laws LIKE ${like} OR learning_session.lecturer LIKE ${like})`,
    );
  }
  if (q.from) cond.push(sql`learning_session.held_on >= ${q.from}`);
  if (q.to) cond.push(sql`learning_session.held_on <= ${q.to}`);
  if (extra) cond.push(extra);
  const where = sql.join(cond, sql` AND `);
  const [s = { n: 0, people: 0 }] = await sqlRows<{ n: number; people: number }>(
    tx,
    sql`SELECT count(*)::int AS n, coalesce(sum(attendees), 0)::int AS people FROM learning_session WHERE ${where}`,
  );
  const byKind = await sqlRows<{ kind: string; n: number }>(
    tx,
    sql`SELECT kind, count(*)::int AS n FROM learning_session WHERE ${where} GROUP BY kind ORDER BY kind`,
  );
  const items = await sqlRows(
    tx,
    sql`SELECT learning_session.id, learning_session.org_code AS "orgCode", o.name AS "orgName", learning_session.kind,
          learning_session.held_on::text AS "heldOn", learning_session.topic, learning_session.laws,
          learning_session.lecturer, learning_session.attendees, learning_session.hours::float8 AS hours,
          learning_session.source
        FROM learning_session LEFT JOIN kernel_org o ON o.code = learning_session.org_code
        WHERE ${where}
        ORDER BY learning_session.held_on DESC, learning_session.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { total: Number(s.n), attendees: Number(s.people), byKind, items };
}

// ---------------------------------------------------------------------------
// Exams and their rosters

function checkThresholds(t: { passScore: number; goodScore: number; excellentScore: number }) {
  if (!(t.passScore <= t.goodScore && t.goodScore <= t.excellentScore))
    throw new AppError('VALIDATION_FAILED', '分数线应满足：合格分数线 ≤ 良好分数线 ≤ 优秀分数线');
}

export async function createExam(tx: Tx, input: TExam, actor: Actor): Promise<Exam> {
  await checkOrg(tx, input.orgCode);
  const t = {
    passScore: input.passScore ?? 60,
    goodScore: input.goodScore ?? 80,
    excellentScore: input.excellentScore ?? 90,
  };
  checkThresholds(t);
  if (Number(input.heldOn.slice(0, 4)) !== input.year && Number(input.heldOn.slice(0, 4)) !== input.year + 1)
    throw new AppError('VALIDATION_FAILED', '考试日期应在考试年度内(或次年年初)');
  const [row] = await tx
    .insert(learningExams)
    .values({
      orgCode: input.orgCode,
      year: input.year,
      kind: input.kind,
      name: input.name,
      heldOn: input.heldOn,
      ...t,
      note: input.note ?? null,
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: `${MODULE}.exam.create`,
    entity: 'learning.exam',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/** The figures of a set of entries: 应考, 参考, 合格, 优秀 and the three rates. */
export const STATS_SQL = sql`count(*) FILTER (WHERE required)::int AS required,
  count(*) FILTER (WHERE required AND sat)::int AS "satRequired",
  count(*) FILTER (WHERE required AND coalesce(study_hours, 0) > 0)::int AS studied,
  count(*) FILTER (WHERE sat)::int AS sat,
  count(*) FILTER (WHERE passed)::int AS passed,
  count(*) FILTER (WHERE sat AND grade = '优秀')::int AS excellent,
  count(*) FILTER (WHERE sat AND NOT passed)::int AS failed,
  count(*)::int AS total`;

export interface Stats {
  required: number;
  satRequired: number;
  studied: number;
  sat: number;
  passed: number;
  excellent: number;
  failed: number;
  total: number;
}

export function rates(s: Stats) {
  return {
    studyRate: percent(s.studied, s.required),
    takeRate: percent(s.satRequired, s.required),
    passRate: percent(s.passed, s.sat),
    excellentRate: percent(s.excellent, s.sat),
  };
}

export async function listExams(
  tx: Tx,
  org: string,
  q: { year?: number; kind?: string; page: number; pageSize: number },
) {
  // The exams the subtree organised (people of the subtree on a county exam show in the entries list).
  const cond: SQL[] = [inSubtree(sql`e.org_code`, org)];
  if (q.year) cond.push(sql`e.year = ${q.year}`);
  if (q.kind) cond.push(sql`e.kind = ${q.kind}`);
  const where = sql.join(cond, sql` AND `);
  const [{ n } = { n: 0 }] = await sqlRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM learning_exam e WHERE ${where}`,
  );
  const items = await sqlRows<Record<string, unknown> & Stats>(
    tx,
    sql`SELECT e.id, e.org_code AS "orgCode", o.name AS "orgName", e.year, e.kind, e.name, e.held_on::text AS "heldOn",
          e.pass_score::float8 AS "passScore", e.excellent_score::float8 AS "excellentScore", s.*
        FROM learning_exam e LEFT JOIN kernel_org o ON o.code = e.org_code
        CROSS JOIN LATERAL (SELECT ${STATS_SQL} FROM learning_exam_entry
          WHERE exam_id = e.id AND ${inSubtree(sql`learning_exam_entry.org_code`, org)}) s
        WHERE ${where}
        ORDER BY e.held_on DESC, e.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { total: Number(n), items: items.map((e) => ({ ...e, ...rates(e) })) };
}

/** An exam with its roster (the part in `org`'s subtree) and figures. */
export async function getExam(tx: Tx, id: number, org: string, personal: boolean) {
  const [e] = await sqlRows<Record<string, unknown> & { orgCode: string }>(
    tx,
    sql`SELECT e.id, e.org_code AS "orgCode", o.name AS "orgName", e.year, e.kind, e.name, e.held_on::text AS "heldOn",
          e.pass_score::float8 AS "passScore", e.good_score::float8 AS "goodScore",
          e.excellent_score::float8 AS "excellentScore", e.note
        FROM learning_exam e LEFT JOIN kernel_org o ON o.code = e.org_code WHERE e.id = ${id}`,
  );
  if (!e) throw new AppError('NOT_FOUND');
  const scope = isInSubtree(e.orgCode, org) ? e.orgCode : org;
  const entries = await entriesOf(
    tx,
    sql`x.exam_id = ${id} AND ${inSubtree(sql`x.org_code`, scope)}`,
    personal,
  );
  const [stats] = await sqlRows<Stats>(
    tx,
    sql`SELECT ${STATS_SQL} FROM learning_exam_entry WHERE exam_id = ${id} AND ${inSubtree(sql`learning_exam_entry.org_code`, scope)}`,
  );
  const history = await sqlRows(
    tx,
    sql`SELECT id, at, actor AS "actorName", action, after FROM kernel_audit
        WHERE entity = 'learning.exam' AND entity_id = ${String(id)} ORDER BY id DESC LIMIT 50`,
  );
  return { ...e, stats: { ...stats!, ...rates(stats!) }, entries, history };
}

async function entriesOf(tx: Tx, where: SQL, personal: boolean, limit = 5000, offset = 0) {
  const list = await sqlRows<Record<string, unknown> & { idCard: string | null }>(
    tx,
    sql`SELECT x.id, x.exam_id AS "examId", x.org_code AS "orgCode", o.name AS "orgName", x.person_name AS "personName",
          x.id_card AS "idCard", x.unit_name AS "unitName", x.role, x.required, x.sat, x.status,
          x.score::float8 AS score, x.attempts, x.passed, x.grade, x.makeup_score::float8 AS "makeupScore",
          x.study_hours::float8 AS "studyHours", x.officer_id AS "officerId", x.sitted_on::text AS "sittedOn",
          x.source, e.name AS "examName", e.kind AS "examKind", e.held_on::text AS "examHeldOn"
        FROM learning_exam_entry x
        JOIN learning_exam e ON e.id = x.exam_id
        LEFT JOIN kernel_org o ON o.code = x.org_code
        WHERE ${where}
        ORDER BY x.exam_id DESC, x.id
        LIMIT ${limit} OFFSET ${offset}`,
  );
  return list.map((x) => ({ ...x, idCard: maskId(x.idCard, personal) }));
}

/** Entries across exams, for the drill-down of the exam figures. */
export async function listEntries(
  tx: Tx,
  org: string,
  q: { exam?: number; status?: string; grade?: string; q?: string; page: number; pageSize: number },
  extra: SQL | undefined,
  personal: boolean,
) {
  const cond: SQL[] = [inSubtree(sql`learning_exam_entry.org_code`, org)];
  if (q.exam) cond.push(sql`learning_exam_entry.exam_id = ${q.exam}`);
  if (q.status) cond.push(sql`learning_exam_entry.status = ${q.status}`);
  if (q.grade) cond.push(sql`learning_exam_entry.grade = ${q.grade}`);
  if (q.q) {
    const like = containsPattern(q.q);
    cond.push(
      sql`(learning_exam_entry.person_name LIKE ${like} OR learning_exam_entry.unit_name LIKE ${like})`,
    );
  }
  if (extra) cond.push(extra);
  const where = sql.join(cond, sql` AND `);
  const [{ n } = { n: 0 }] = await sqlRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM learning_exam_entry WHERE ${where}`,
  );
  // entriesOf aliases the table as x: rewrite the condition through a sub-select on ids.
  const items = await entriesOf(
    tx,
    sql`x.id IN (SELECT learning_exam_entry.id FROM learning_exam_entry WHERE ${where})`,
    personal,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { total: Number(n), items };
}

export interface EntryRow {
  orgCode: string;
  personName: string;
  idCard?: string | null;
  unitName?: string | null;
  role?: string | null;
  required?: boolean;
  officerId?: number | null;
  status?: EntryStatus | string;
  score?: number | null;
  attempts?: number | null;
  makeupScore?: number | null;
  studyHours?: number | null;
  sittedOn?: string | null;
  source?: Source | string;
}

type Thresholds = Pick<Exam, 'passScore' | 'goodScore' | 'excellentScore'>;

/** The stored columns of a roster entry with its result: sat, passed and grade follow from status and scores. */
export function entryValues(examId: number, t: Thresholds, r: EntryRow) {
  const status = r.status ?? '未参考';
  const sat = status === '已参考';
  const score = sat ? (r.score ?? null) : null;
  const makeup = sat ? (r.makeupScore ?? null) : null;
  const passed = passedOf(sat, score, makeup, t.passScore);
  let grade = sat ? gradeOf(score, t) : null;
  if (grade === '不合格' && passed) grade = '合格'; // 补考合格
  return {
    examId,
    orgCode: r.orgCode,
    personName: r.personName,
    idCard: cleanIdCard(r.idCard),
    unitName: r.unitName ?? null,
    role: r.role ?? null,
    required: status === '免考' ? false : (r.required ?? true),
    sat,
    status,
    score,
    attempts: sat ? (r.attempts ?? (score === null ? null : 1)) : (r.attempts ?? null),
    passed,
    grade,
    makeupScore: makeup,
    studyHours: r.studyHours ?? null,
    officerId: r.officerId ?? null,
    sittedOn: sat ? (r.sittedOn ?? null) : null,
    source: r.source ?? 'staff',
  };
}

/** Problems of a result: sat with no score, a score without sitting. */
export function resultProblem(r: { status?: string; score?: number | null }): string | null {
  if (r.status === '已参考' && (r.score === null || r.score === undefined)) return '已参考的人员须填写成绩';
  if (r.status !== '已参考' && r.score !== null && r.score !== undefined)
    return `参考状态为“${r.status ?? '未参考'}”，不应有成绩`;
  return null;
}

export async function getExamRow(tx: Tx, id: number): Promise<Exam> {
  const [e] = await tx.select().from(learningExams).where(eq(learningExams.id, id));
  if (!e) throw new AppError('NOT_FOUND');
  return e;
}

/** Insert roster entries (with results) in bulk, one audit entry. */
export async function recordEntries(tx: Tx, exam: Exam, list: readonly EntryRow[], actor: Actor) {
  if (!list.length) return [];
  const values = list.map((r) => entryValues(exam.id, exam, r));
  const inserted = await inChunks(values, (part) =>
    tx.insert(learningExamEntries).values(part).returning({ id: learningExamEntries.id }),
  );
  await appendAudit(tx, {
    actor,
    orgCode: exam.orgCode,
    action: `${MODULE}.exam.roster`,
    entity: 'learning.exam',
    entityId: exam.id,
    after: { added: values.length, ids: inserted.map((r) => r.id), source: values[0]!.source },
  });
  return inserted;
}

export async function addEntry(tx: Tx, examId: number, input: TEntry, actor: Actor) {
  const exam = await getExamRow(tx, examId);
  const orgCode = input.orgCode || exam.orgCode;
  await checkOrg(tx, orgCode);
  if (!isInSubtree(orgCode, exam.orgCode))
    throw new AppError('VALIDATION_FAILED', '人员所在单位不在考试组织单位的辖区内');
  const idCard = cleanIdCard(input.idCard);
  const [dup] = await sqlRows<{ id: number }>(
    tx,
    sql`SELECT id FROM learning_exam_entry WHERE exam_id = ${examId} AND person_name = ${input.personName}
          AND (id_card IS NULL OR ${idCard}::text IS NULL OR id_card = ${idCard}) LIMIT 1`,
  );
  if (dup) throw new AppError('DUPLICATE', `${input.personName}已在该考试名册中`);
  const [row] = await recordEntries(
    tx,
    exam,
    [{ ...input, orgCode, idCard, required: input.required ?? true, source: 'staff' }],
    actor,
  );
  return row!;
}

/** Record one person's result (the exam's thresholds give the grade). */
export async function setResult(tx: Tx, entryId: number, input: TResult, actor: Actor, today: string) {
  const [x] = await tx
    .select()
    .from(learningExamEntries)
    .where(eq(learningExamEntries.id, entryId))
    .for('update');
  if (!x) throw new AppError('NOT_FOUND');
  const exam = await getExamRow(tx, x.examId);
  const problem = resultProblem(input);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  if (input.sittedOn) checkNotFuture(input.sittedOn, today, '考试时间');
  if (input.makeupScore !== null && input.makeupScore !== undefined && input.status !== '已参考')
    throw new AppError('VALIDATION_FAILED', '未参考的人员不能登记补考成绩');
  const v = entryValues(exam.id, exam, {
    ...x,
    status: input.status,
    score: input.score,
    attempts: input.attempts,
    makeupScore: input.makeupScore,
    studyHours: input.studyHours ?? x.studyHours,
    sittedOn: input.sittedOn,
  });
  const [row] = await tx
    .update(learningExamEntries)
    .set({
      ...v,
      required: x.required || v.required === false ? v.required : x.required,
      updatedAt: new Date(),
    })
    .where(eq(learningExamEntries.id, entryId))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: x.orgCode,
    action: `${MODULE}.exam.result`,
    entity: 'learning.exam',
    entityId: exam.id,
    before: { entryId, status: x.status, score: x.score, grade: x.grade },
    after: { entryId, personName: x.personName, status: row!.status, score: row!.score, grade: row!.grade },
  });
  return { ...row!, idCard: null };
}

/** The roster with results, as rows of ROSTER_EXPORT. */
export async function rosterRows(tx: Tx, examId: number, org: string, personal: boolean) {
  const e = await getExamRow(tx, examId);
  const scope = isInSubtree(e.orgCode, org) ? e.orgCode : org;
  const list = await entriesOf(
    tx,
    sql`x.exam_id = ${examId} AND ${inSubtree(sql`x.org_code`, scope)}`,
    personal,
  );
  return { exam: e, rows: list };
}

// ---------------------------------------------------------------------------
// 执法人员培训

export interface TrainingRow {
  orgCode: string;
  officerId?: number | null;
  personName: string;
  heldOn: string;
  course: string;
  hours: number;
  organiser?: string | null;
  source?: Source;
}

export async function recordTrainings(tx: Tx, list: readonly TrainingRow[], actor: Actor) {
  if (!list.length) return [];
  const values = list.map((r) => ({
    orgCode: r.orgCode,
    officerId: r.officerId ?? null,
    personName: r.personName,
    heldOn: r.heldOn,
    course: r.course,
    hours: r.hours,
    organiser: r.organiser ?? null,
    source: r.source ?? 'staff',
    createdBy: actor.id,
  }));
  const inserted = await inChunks(values, (part) =>
    tx.insert(learningTrainings).values(part).returning({ id: learningTrainings.id }),
  );
  const orgsOf = [...new Set(values.map((v) => v.orgCode))];
  await appendAudit(tx, {
    actor,
    orgCode: orgsOf.length === 1 ? orgsOf[0]! : null,
    action: `${MODULE}.training.record`,
    entity: 'learning.training',
    entityId: inserted.length === 1 ? inserted[0]!.id : null,
    after: values.length === 1 ? { id: inserted[0]!.id, ...values[0] } : { count: values.length },
  });
  return inserted;
}

/** An officer of the enforcement module (plain SQL: the module may be absent or have no rows). */
async function officerById(
  tx: Tx,
  id: number,
): Promise<{ id: number; orgCode: string; name: string } | null> {
  const [o] = await sqlRows<{ id: number; orgCode: string; name: string }>(
    tx,
    sql`SELECT id, org_code AS "orgCode", name FROM enforcement_officer WHERE id = ${id}`,
  );
  return o ?? null;
}

export async function addTraining(tx: Tx, input: TTraining, actor: Actor, today: string) {
  await checkOrg(tx, input.orgCode);
  checkNotFuture(input.heldOn, today, '培训日期');
  if (input.officerId) {
    const o = await officerById(tx, input.officerId);
    if (!o || !isInSubtree(o.orgCode, input.orgCode))
      throw new AppError('VALIDATION_FAILED', '所选执法人员不存在或不属于该单位');
  }
  const [row] = await recordTrainings(tx, [{ ...input, source: 'staff' }], actor);
  return row!;
}

export async function listTrainings(
  tx: Tx,
  org: string,
  q: { year?: number; q?: string; page: number; pageSize: number },
  extra?: SQL,
) {
  const cond: SQL[] = [inSubtree(sql`learning_training.org_code`, org)];
  if (q.year) cond.push(sql`extract(year FROM learning_training.held_on) = ${q.year}`);
  if (q.q) {
    const like = containsPattern(q.q);
    cond.push(sql`(learning_training.person_name LIKE ${like} OR learning_training.course LIKE ${like})`);
  }
  if (extra) cond.push(extra);
  const where = sql.join(cond, sql` AND `);
  const [s = { n: 0, hours: 0 }] = await sqlRows<{ n: number; hours: number }>(
    tx,
    sql`SELECT count(*)::int AS n, coalesce(sum(hours), 0)::float8 AS hours FROM learning_training WHERE ${where}`,
  );
  const items = await sqlRows(
    tx,
    sql`SELECT learning_training.id, learning_training.org_code AS "orgCode", o.name AS "orgName",
          learning_training.officer_id AS "officerId", learning_training.person_name AS "personName",
          learning_training.held_on::text AS "heldOn", learning_training.course, learning_training.hours::float8 AS hours,
          learning_training.organiser, learning_training.source
        FROM learning_training LEFT JOIN kernel_org o ON o.code = learning_training.org_code
        WHERE ${where}
        ORDER BY learning_training.held_on DESC, learning_training.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { total: Number(s.n), hours: Number(s.hours), items };
}

/**
 * Each enforcement officer of the subtree (active, certificate not cancelled) with the training hours of
 * [from, to] against the minimum. Read from enforcement_officer with plain SQL: no officers, no rows.
 */
export async function officerHours(
  tx: Tx,
  org: string,
  from: string,
  to: string,
  opts: { below?: boolean; extra?: SQL } = {},
) {
  const list = await sqlRows<{
    id: number;
    orgCode: string;
    orgName: string | null;
    name: string;
    certNo: string | null;
    status: string;
    hours: number;
    courses: number;
  }>(
    tx,
    sql`SELECT enforcement_officer.id, enforcement_officer.org_code AS "orgCode", o.name AS "orgName",
          enforcement_officer.name, enforcement_officer.cert_no AS "certNo", enforcement_officer.status,
          coalesce(t.hours, 0)::float8 AS hours, coalesce(t.n, 0)::int AS courses
        FROM enforcement_officer
        LEFT JOIN kernel_org o ON o.code = enforcement_officer.org_code
        LEFT JOIN LATERAL (SELECT sum(lt.hours) AS hours, count(*) AS n FROM learning_training lt
          WHERE lt.officer_id = enforcement_officer.id AND lt.held_on BETWEEN ${from} AND ${to}) t ON true
        WHERE ${inSubtree(sql`enforcement_officer.org_code`, org)}
          AND enforcement_officer.active AND enforcement_officer.status <> '注销'
          ${opts.extra ? sql`AND ${opts.extra}` : sql``}
        ORDER BY coalesce(t.hours, 0), enforcement_officer.org_code, enforcement_officer.id`,
  );
  const items = list.map((o) => ({ ...o, met: o.hours >= TRAINING_MIN_HOURS }));
  const met = items.filter((o) => o.met).length;
  const total = items.length;
  const sum = items.reduce((a, o) => a + o.hours, 0);
  return {
    from,
    to,
    minHours: TRAINING_MIN_HOURS,
    total,
    met,
    rate: percent(met, total),
    averageHours: total ? Math.round((sum * 10) / total) / 10 : null,
    items: opts.below ? items.filter((o) => !o.met) : items,
  };
}

/** Officers of the subtree to pick from (id, name), for the training form. */
export async function officerChoices(tx: Tx, org: string) {
  return sqlRows<{ id: number; name: string; orgCode: string }>(
    tx,
    sql`SELECT id, name, org_code AS "orgCode" FROM enforcement_officer
        WHERE ${inSubtree(sql`org_code`, org)} AND active AND status <> '注销' ORDER BY org_code, name LIMIT 1000`,
  );
}

// ---------------------------------------------------------------------------
// 述法

export async function addReport(tx: Tx, input: TReport, actor: Actor, today: string) {
  await checkOrg(tx, input.orgCode);
  checkNotFuture(input.reportedOn, today, '述法日期');
  const y = Number(input.reportedOn.slice(0, 4));
  if (y !== input.year && y !== input.year + 1)
    throw new AppError('VALIDATION_FAILED', '述法日期应在所述年度内或次年');
  const [row] = await tx
    .insert(learningReports)
    .values({
      ...input,
      summary: input.summary ?? null,
      evaluation: input.evaluation ?? null,
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: `${MODULE}.report.record`,
    entity: 'learning.report',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

export async function listReports(
  tx: Tx,
  org: string,
  q: { year?: number; page: number; pageSize: number },
  extra?: SQL,
) {
  const cond: SQL[] = [inSubtree(sql`learning_report.org_code`, org)];
  if (q.year) cond.push(sql`learning_report.year = ${q.year}`);
  if (extra) cond.push(extra);
  const where = sql.join(cond, sql` AND `);
  const [{ n } = { n: 0 }] = await sqlRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM learning_report WHERE ${where}`,
  );
  const items = await sqlRows(
    tx,
    sql`SELECT learning_report.id, learning_report.org_code AS "orgCode", o.name AS "orgName", learning_report.year,
          learning_report.leader_name AS "leaderName", learning_report.post,
          learning_report.reported_on::text AS "reportedOn", learning_report.occasion, learning_report.summary,
          learning_report.evaluation
        FROM learning_report LEFT JOIN kernel_org o ON o.code = learning_report.org_code
        WHERE ${where}
        ORDER BY learning_report.reported_on DESC, learning_report.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { total: Number(n), items };
}
