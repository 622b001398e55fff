import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import { rows as sqlRows, type Tx } from '../../kernel/db/client.js';
import { orgs, users } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import { isInSubtree, isOrgCode, scopePrefix } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { containsPattern } from '../../kernel/sql-text.js';
import { maskPhone } from '../../kernel/validate.js';
import type { ActivityKind, TActivity, TCreateContract } from './model.js';
import { MODULE } from './model.js';
import { adviserActivities, adviserContracts, adviserCoverage } from './schema.js';

export type Contract = typeof adviserContracts.$inferSelect;

/** SQL: contract alias `k` is in force on `day` (started, not ended, not terminated). */
export const activeOn = (day: string | SQL, k = 'k'): SQL => {
  const t = sql.identifier(k);
  return sql`(${t}.starts_on <= ${day} AND ${t}.ends_on >= ${day} AND (${t}.terminated_on IS NULL OR ${t}.terminated_on > ${day}))`;
};

/** Is a contract in force on `day`? */
export function isActive(c: Pick<Contract, 'startsOn' | 'endsOn' | 'terminatedOn'>, day: string): boolean {
  return c.startsOn <= day && c.endsOn >= day && (c.terminatedOn === null || c.terminatedOn > day);
}

/** The calendar quarter [from, to] of `year`. */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const m = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(m).padStart(2, '0')}-01`;
  const endMonth = m + 2;
  const last = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return { from, to: `${year}-${String(endMonth).padStart(2, '0')}-${last}` };
}

export function quarterOf(day: string): { year: number; quarter: number } {
  return { year: Number(day.slice(0, 4)), quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 };
}

function maskContract<T extends { phone: string | null }>(c: T, personal: boolean): T {
  return personal || !c.phone ? c : { ...c, phone: maskPhone(c.phone) };
}

// ---------------------------------------------------------------------------
// Contracts

/** Other contracts in force at the same time that cover one of the same orgs (two advisers for a village). */
export async function overlapsOf(
  tx: Tx,
  contractId: number,
): Promise<{ contractId: number; adviserName: string; orgCode: string; orgName: string }[]> {
  return sqlRows(
    tx,
    sql`SELECT k2.id AS "contractId", k2.adviser_name AS "adviserName", c2.org_code AS "orgCode", o.name AS "orgName"
        FROM advisers_coverage c1
        JOIN advisers_contract k1 ON k1.id = c1.contract_id
        JOIN advisers_coverage c2 ON c2.org_code = c1.org_code AND c2.contract_id <> c1.contract_id
        JOIN advisers_contract k2 ON k2.id = c2.contract_id
        LEFT JOIN kernel_org o ON o.code = c2.org_code
        WHERE c1.contract_id = ${contractId}
          AND k2.starts_on <= coalesce(k1.terminated_on - 1, k1.ends_on)
          AND k1.starts_on <= coalesce(k2.terminated_on - 1, k2.ends_on)
        ORDER BY c2.org_code, k2.id`,
  );
}

export async function createContract(
  tx: Tx,
  input: TCreateContract,
  actor: Actor,
): Promise<Contract & { overlaps: Awaited<ReturnType<typeof overlapsOf>> }> {
  if (input.startsOn > input.endsOn) throw new AppError('VALIDATION_FAILED', '合同终止日期不能早于起始日期');
  const covers = [...new Set(input.covers)];
  const found = covers.length
    ? await tx
        .select({ code: orgs.code, name: orgs.name, level: orgs.level })
        .from(orgs)
        .where(inArray(orgs.code, covers))
    : [];
  for (const code of covers) {
    const o = found.find((f) => f.code === code);
    if (!isOrgCode(code) || !o) throw new AppError('VALIDATION_FAILED', `覆盖范围中的组织「${code}」不存在`);
    if (!isInSubtree(code, input.orgCode))
      throw new AppError('VALIDATION_FAILED', `「${o.name}」不在聘用单位辖区内,不能列入合同覆盖范围`);
    if (!['county', 'township', 'village'].includes(o.level))
      throw new AppError('VALIDATION_FAILED', `「${o.name}」不是县、乡镇或村(社区),不能列入覆盖范围`);
  }
  if (input.userId) {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!u) throw new AppError('VALIDATION_FAILED', '关联的平台账户不存在');
  }
  const [row] = await tx
    .insert(adviserContracts)
    .values({
      orgCode: input.orgCode,
      contractNo: input.contractNo ?? null,
      adviserName: input.adviserName,
      licenseNo: input.licenseNo ?? null,
      firm: input.firm,
      firmKind: input.firmKind,
      phone: input.phone ?? null,
      userId: input.userId ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      fee: input.fee ?? null,
      dutySchedule: input.dutySchedule ?? null,
      note: input.note ?? null,
      createdBy: actor.id,
    })
    .returning();
  await tx
    .insert(adviserCoverage)
    .values(covers.map((code) => ({ contractId: row!.id, orgCode: code, prefix: scopePrefix(code) })));
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: `${MODULE}.contract.create`,
    entity: 'advisers.contract',
    entityId: row!.id,
    after: { ...row, phone: row!.phone ? maskPhone(row!.phone) : null, covers },
  });
  return { ...row!, overlaps: await overlapsOf(tx, row!.id) };
}

export async function terminateContract(
  tx: Tx,
  id: number,
  input: { on: string; reason: string },
  actor: Actor,
): Promise<Contract> {
  const [c] = await tx.select().from(adviserContracts).where(eq(adviserContracts.id, id)).for('update');
  if (!c) throw new AppError('NOT_FOUND');
  if (c.terminatedOn) throw new AppError('INVALID_TRANSITION', '该合同已解除');
  if (input.on <= c.startsOn || input.on > c.endsOn)
    throw new AppError('VALIDATION_FAILED', `解除日期应在合同期内(${c.startsOn} 至 ${c.endsOn})`);
  const [row] = await tx
    .update(adviserContracts)
    .set({ terminatedOn: input.on, terminationReason: input.reason })
    .where(eq(adviserContracts.id, id))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: c.orgCode,
    action: `${MODULE}.contract.terminate`,
    entity: 'advisers.contract',
    entityId: id,
    before: { terminatedOn: null },
    after: { terminatedOn: input.on, terminationReason: input.reason },
  });
  return row!;
}

export interface ContractListQuery {
  q?: string;
  on?: string;
  overlap?: '1';
  page: number;
  pageSize: number;
}

export async function listContracts(
  tx: Tx,
  org: string,
  q: ContractListQuery,
  personal: boolean,
  today: string,
) {
  const cond: SQL[] = [inSubtree(sql`k.org_code`, org)];
  if (q.q) {
    const like = containsPattern(q.q);
    cond.push(sql`(k.adviser_name LIKE ${like} OR k.firm LIKE ${like} OR k.contract_no LIKE ${like})`);
  }
  if (q.on) cond.push(activeOn(q.on));
  const overlapping = sql`EXISTS (SELECT 1 FROM advisers_coverage c1
      JOIN advisers_coverage c2 ON c2.org_code = c1.org_code AND c2.contract_id <> c1.contract_id
      JOIN advisers_contract k2 ON k2.id = c2.contract_id
      WHERE c1.contract_id = k.id
        AND k2.starts_on <= coalesce(k.terminated_on - 1, k.ends_on)
        AND k.starts_on <= coalesce(k2.terminated_on - 1, k2.ends_on))`;
  if (q.overlap) cond.push(overlapping);
  const where = sql.join(cond, sql` AND `);
  const [{ n } = { n: 0 }] = await sqlRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM advisers_contract k WHERE ${where}`,
  );
  const items = await sqlRows<Record<string, unknown> & { phone: string | null }>(
    tx,
    sql`SELECT k.id, k.org_code AS "orgCode", o.name AS "orgName", k.contract_no AS "contractNo",
          k.adviser_name AS "adviserName", k.license_no AS "licenseNo", k.firm, k.firm_kind AS "firmKind",
          k.phone, k.user_id AS "userId", k.starts_on::text AS "startsOn", k.ends_on::text AS "endsOn",
          k.terminated_on::text AS "terminatedOn", k.fee::float8 AS fee, k.duty_schedule AS "dutySchedule",
          ${activeOn(today)} AS active, ${overlapping} AS overlapping,
          (SELECT coalesce(json_agg(json_build_object('code', c.org_code, 'name', co.name) ORDER BY c.org_code), '[]')
             FROM advisers_coverage c LEFT JOIN kernel_org co ON co.code = c.org_code WHERE c.contract_id = k.id) AS covers
        FROM advisers_contract k LEFT JOIN kernel_org o ON o.code = k.org_code
        WHERE ${where}
        ORDER BY k.ends_on DESC, k.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { total: Number(n), items: items.map((c) => maskContract(c, personal)) };
}

/** A contract with its coverage, overlaps, work log and the legality reviews its adviser's account recorded. */
export async function getContract(tx: Tx, id: number, personal: boolean, today: string) {
  const [c] = await tx.select().from(adviserContracts).where(eq(adviserContracts.id, id));
  if (!c) throw new AppError('NOT_FOUND');
  const [org] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.code, c.orgCode));
  const covers = await tx
    .select({ code: adviserCoverage.orgCode, name: orgs.name, level: orgs.level })
    .from(adviserCoverage)
    .leftJoin(orgs, eq(orgs.code, adviserCoverage.orgCode))
    .where(eq(adviserCoverage.contractId, id))
    .orderBy(adviserCoverage.orgCode);
  const activities = await sqlRows(
    tx,
    sql`SELECT a.id, a.kind, a.on::text AS "on", a.org_code AS "orgCode", o.name AS "orgName", a.hours::float8 AS hours,
          a.people, a.way, a.topic, a.matters, a.source
        FROM advisers_activity a LEFT JOIN kernel_org o ON o.code = a.org_code
        WHERE a.contract_id = ${id} ORDER BY a.on DESC, a.id DESC LIMIT 500`,
  );
  const totals = await sqlRows<{ kind: ActivityKind; n: number; people: number; hours: number }>(
    tx,
    sql`SELECT kind, count(*)::int AS n, coalesce(sum(people), 0)::int AS people, coalesce(sum(hours), 0)::float8 AS hours
        FROM advisers_activity WHERE contract_id = ${id} GROUP BY kind`,
  );
  const reviews = c.userId ? await reviewsBy(tx, c.userId) : [];
  return {
    ...maskContract(c, personal),
    orgName: org?.name ?? null,
    active: isActive(c, today),
    covers,
    overlaps: await overlapsOf(tx, id),
    activities,
    totals,
    reviews,
  };
}

/** Legality reviews (kernel_legal_review) recorded by the adviser's platform account. */
export async function reviewsBy(tx: Tx, userId: number) {
  return sqlRows(
    tx,
    sql`SELECT r.id, r.org_code AS "orgCode", o.name AS "orgName", r.module, r.entity, r.entity_id AS "entityId",
          r.title, r.submitted_on::text AS "submittedOn", r.due_on::text AS "dueOn", r.reviewed_on::text AS "reviewedOn",
          r.result, r.adviser_involved AS "adviserInvolved"
        FROM kernel_legal_review r LEFT JOIN kernel_org o ON o.code = r.org_code
        WHERE r.reviewer_id = ${userId} ORDER BY r.reviewed_on DESC NULLS LAST, r.id DESC LIMIT 500`,
  );
}

// ---------------------------------------------------------------------------
// Coverage: 一村(社区)一法律顾问

/**
 * Every village/community of the subtree with the advisers whose contract, in force on `on`, lists it.
 * A contract covering only the township (the township government's adviser) does not cover its villages.
 */
export async function coverage(tx: Tx, org: string, on: string, extra?: SQL, covered?: '0' | '1') {
  const list = await sqlRows<{
    code: string;
    name: string;
    township: string | null;
    advisers: { contractId: number; adviserName: string; firm: string; endsOn: string }[];
  }>(
    tx,
    sql`SELECT kernel_org.code, kernel_org.name,
          (SELECT p.name FROM kernel_org p WHERE p.code = kernel_org.parent_code) AS township,
          (SELECT coalesce(json_agg(json_build_object('contractId', k.id, 'adviserName', k.adviser_name,
                   'firm', k.firm, 'endsOn', k.ends_on) ORDER BY k.id), '[]')
             FROM advisers_coverage c JOIN advisers_contract k ON k.id = c.contract_id
             WHERE c.org_code = kernel_org.code AND ${activeOn(on)}) AS advisers
        FROM kernel_org
        WHERE kernel_org.level = 'village' AND ${inSubtree(sql`kernel_org.code`, org)} ${extra ? sql`AND ${extra}` : sql``}
        ORDER BY kernel_org.code`,
  );
  const total = list.length;
  const coveredCount = list.filter((v) => v.advisers.length > 0).length;
  const items = list
    .map((v) => ({ ...v, covered: v.advisers.length > 0, overlapping: v.advisers.length > 1 }))
    .filter((v) => !covered || v.covered === (covered === '1'));
  return {
    on,
    total,
    covered: coveredCount,
    rate: total ? Math.round((coveredCount * 1000) / total) / 10 : null,
    items,
  };
}

// ---------------------------------------------------------------------------
// Work log

export interface ActivityRow {
  contractId: number;
  orgCode: string;
  kind: ActivityKind;
  on: string;
  hours?: number | null;
  people?: number | null;
  way?: string | null;
  topic?: string | null;
  matters?: string | null;
  source?: 'staff' | 'import' | 'demo';
}

export interface ActivityProblem {
  index: number;
  field: keyof TActivity;
  message: string;
}

/**
 * The rules a work-log row must meet: the contract is in force on the day, the place is covered by it,
 * the day is not in the future, and each kind has what it needs (坐班: hours; 咨询: 人次 and way; the rest: topic).
 */
export async function checkActivities(
  tx: Tx,
  list: readonly ActivityRow[],
  today: string,
): Promise<ActivityProblem[]> {
  const ids = [...new Set(list.map((r) => r.contractId))];
  const contracts = ids.length
    ? await tx.select().from(adviserContracts).where(inArray(adviserContracts.id, ids))
    : [];
  const covers = ids.length
    ? await tx.select().from(adviserCoverage).where(inArray(adviserCoverage.contractId, ids))
    : [];
  const dutyKeys = list.filter((r) => r.kind === '坐班').map((r) => [r.contractId, r.on, r.orgCode] as const);
  const existing = dutyKeys.length
    ? await tx
        .select({ c: adviserActivities.contractId, on: adviserActivities.on, org: adviserActivities.orgCode })
        .from(adviserActivities)
        .where(and(eq(adviserActivities.kind, '坐班'), inArray(adviserActivities.contractId, ids)))
    : [];
  const seen = new Set(existing.map((e) => `${e.c}|${e.on}|${e.org}`));
  const out: ActivityProblem[] = [];
  list.forEach((r, index) => {
    const err = (field: keyof TActivity, message: string) => out.push({ index, field, message });
    const c = contracts.find((k) => k.id === r.contractId);
    if (!c) {
      err('contractId', '法律顾问合同不存在');
      return;
    }
    if (r.on > today) err('on', '日期不能晚于今天');
    if (!isActive(c, r.on))
      err('on', `${r.on} 不在${c.adviserName}的合同期内(${c.startsOn} 至 ${c.terminatedOn ?? c.endsOn})`);
    const mine = covers.filter((x) => x.contractId === c.id);
    if (
      !isOrgCode(r.orgCode) ||
      !(r.orgCode === c.orgCode || mine.some((x) => r.orgCode.startsWith(x.prefix)))
    )
      err('orgCode', `服务地点不在${c.adviserName}的合同覆盖范围内`);
    if (r.kind === '坐班') {
      if (!r.hours) err('hours', '请填写坐班时长(小时)');
      const key = `${r.contractId}|${r.on}|${r.orgCode}`;
      if (seen.has(key)) err('on', `${r.on} 已有${c.adviserName}在该地点的坐班记录`);
      seen.add(key);
    }
    if (r.kind === '咨询') {
      if (!r.people) err('people', '请填写咨询人次');
      if (!r.way) err('way', '请填写咨询方式(坐班/电话/微信/上门)');
    }
    if (r.kind !== '坐班' && !r.topic?.trim())
      err('topic', `请填写${r.kind === '讲座' ? '讲座主题' : '事项'}`);
  });
  return out;
}

/**
 * Insert many work-log rows in one statement (per 2,000 rows) with one audit entry. The caller has
 * checked them (checkActivities); the demo seed uses this directly.
 */
export async function recordActivities(
  tx: Tx,
  list: readonly ActivityRow[],
  actor: Actor,
): Promise<{ id: number }[]> {
  if (!list.length) return [];
  const values = list.map((r) => ({
    contractId: r.contractId,
    orgCode: r.orgCode,
    kind: r.kind,
    on: r.on,
    hours: r.kind === '坐班' ? (r.hours ?? null) : null,
    people: r.kind === '咨询' || r.kind === '讲座' ? (r.people ?? null) : null,
    way: r.kind === '咨询' ? (r.way ?? null) : null,
    topic: r.topic ?? null,
    matters: r.matters ?? null,
    source: r.source ?? 'staff',
    createdBy: actor.id,
  }));
  const inserted: { id: number }[] = [];
  for (let i = 0; i < values.length; i += 2000) {
    inserted.push(
      ...(await tx
        .insert(adviserActivities)
        .values(values.slice(i, i + 2000))
        .returning({ id: adviserActivities.id })),
    );
  }
  const orgsOf = [...new Set(values.map((v) => v.orgCode))];
  const byKind: Record<string, number> = {};
  for (const v of values) byKind[v.kind] = (byKind[v.kind] ?? 0) + 1;
  const dates = values.map((v) => v.on).sort();
  await appendAudit(tx, {
    actor,
    orgCode: orgsOf.length === 1 ? orgsOf[0]! : null,
    action: `${MODULE}.activity.record`,
    entity: 'advisers.activity',
    entityId: inserted.length === 1 ? inserted[0]!.id : null,
    after:
      values.length === 1
        ? { id: inserted[0]!.id, ...values[0] }
        : {
            count: values.length,
            ids: inserted.map((r) => r.id),
            byKind,
            from: dates[0],
            to: dates[dates.length - 1],
            source: values[0]!.source,
          },
  });
  return inserted;
}

/** One work-log entry from the form. */
export async function addActivity(
  tx: Tx,
  input: TActivity,
  actor: Actor,
  today = todayCal(),
): Promise<{ id: number }> {
  const row: ActivityRow = { ...input, source: 'staff' };
  const problems = await checkActivities(tx, [row], today);
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join(';'), problems);
  const [r] = await recordActivities(tx, [row], actor);
  return r!;
}

export async function removeActivity(tx: Tx, id: number, reason: string, actor: Actor) {
  const [a] = await tx.select().from(adviserActivities).where(eq(adviserActivities.id, id));
  if (!a) throw new AppError('NOT_FOUND');
  await tx.delete(adviserActivities).where(eq(adviserActivities.id, id));
  await appendAudit(tx, {
    actor,
    orgCode: a.orgCode,
    action: `${MODULE}.activity.remove`,
    entity: 'advisers.activity',
    entityId: id,
    before: a,
    after: { reason },
  });
  return { id };
}

export interface ActivityListQuery {
  kind?: ActivityKind;
  contract?: number;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listActivities(tx: Tx, org: string, q: ActivityListQuery, extra?: SQL) {
  const cond: SQL[] = [inSubtree(sql`advisers_activity.org_code`, org)];
  if (q.kind) cond.push(sql`advisers_activity.kind = ${q.kind}`);
  if (q.contract) cond.push(sql`advisers_activity.contract_id = ${q.contract}`);
  if (q.from) cond.push(sql`advisers_activity.on >= ${q.from}`);
  if (q.to) cond.push(sql`advisers_activity.on <= ${q.to}`);
  if (extra) cond.push(extra);
  const where = sql.join(cond, sql` AND `);
  const [s = { n: 0, people: 0 }] = await sqlRows<{ n: number; people: number }>(
    tx,
    sql`SELECT count(*)::int AS n, coalesce(sum(people) FILTER (WHERE kind = '咨询'), 0)::int AS people
        FROM advisers_activity WHERE ${where}`,
  );
  const items = await sqlRows(
    tx,
    sql`SELECT advisers_activity.id, advisers_activity.contract_id AS "contractId", k.adviser_name AS "adviserName",
          k.firm, advisers_activity.kind, advisers_activity.on::text AS "on", advisers_activity.org_code AS "orgCode",
          o.name AS "orgName", advisers_activity.hours::float8 AS hours, advisers_activity.people, advisers_activity.way,
          advisers_activity.topic, advisers_activity.matters, advisers_activity.source
        FROM advisers_activity
        JOIN advisers_contract k ON k.id = advisers_activity.contract_id
        LEFT JOIN kernel_org o ON o.code = advisers_activity.org_code
        WHERE ${where}
        ORDER BY advisers_activity.on DESC, advisers_activity.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { total: Number(s.n), consultations: Number(s.people), items };
}

// ---------------------------------------------------------------------------
// Legality reviews (kernel_legal_review) and 聘而不用

export async function listReviews(
  tx: Tx,
  org: string,
  q: { from?: string; to?: string; adviser?: '0' | '1'; page: number; pageSize: number },
  extra?: SQL,
) {
  const cond: SQL[] = [inSubtree(sql`kernel_legal_review.org_code`, org)];
  if (q.from) cond.push(sql`kernel_legal_review.submitted_on >= ${q.from}`);
  if (q.to) cond.push(sql`kernel_legal_review.submitted_on <= ${q.to}`);
  if (q.adviser) cond.push(sql`kernel_legal_review.adviser_involved = ${q.adviser === '1'}`);
  if (extra) cond.push(extra);
  const where = sql.join(cond, sql` AND `);
  const [{ n } = { n: 0 }] = await sqlRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM kernel_legal_review WHERE ${where}`,
  );
  const items = await sqlRows(
    tx,
    sql`SELECT kernel_legal_review.id, kernel_legal_review.org_code AS "orgCode", o.name AS "orgName",
          kernel_legal_review.module, kernel_legal_review.entity, kernel_legal_review.entity_id AS "entityId",
          kernel_legal_review.title, kernel_legal_review.submitted_on::text AS "submittedOn",
          kernel_legal_review.due_on::text AS "dueOn", kernel_legal_review.reviewed_on::text AS "reviewedOn",
          kernel_legal_review.reviewer_name AS "reviewerName", kernel_legal_review.result,
          kernel_legal_review.adviser_involved AS "adviserInvolved",
          (SELECT k.id FROM advisers_contract k WHERE k.user_id = kernel_legal_review.reviewer_id
             ORDER BY k.ends_on DESC LIMIT 1) AS "contractId"
        FROM kernel_legal_review LEFT JOIN kernel_org o ON o.code = kernel_legal_review.org_code
        WHERE ${where}
        ORDER BY kernel_legal_review.submitted_on DESC, kernel_legal_review.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { total: Number(n), items };
}

/**
 * 聘而不用 for a quarter:
 * (a) legality reviews of records in orgs an adviser covered (a contract in force on the submission day
 *     covers the record's org or an org above it) that were reviewed in the quarter without an adviser,
 *     or are still unreviewed past their due date;
 * (b) contracts in force during the quarter with no work-log entry and no legality review by the adviser's account.
 */
export async function idleReport(tx: Tx, org: string, year: number, quarter: number, today: string) {
  const { from, to } = quarterRange(year, quarter);
  const idleAdvisers = await sqlRows(
    tx,
    sql`SELECT k.id, k.org_code AS "orgCode", o.name AS "orgName", k.adviser_name AS "adviserName", k.firm,
          k.starts_on::text AS "startsOn", k.ends_on::text AS "endsOn", k.user_id AS "userId",
          (SELECT coalesce(json_agg(co.name ORDER BY c.org_code), '[]') FROM advisers_coverage c
             LEFT JOIN kernel_org co ON co.code = c.org_code WHERE c.contract_id = k.id) AS covers,
          (SELECT max(a.on)::text FROM advisers_activity a WHERE a.contract_id = k.id AND a.on < ${from}) AS "lastActivityOn"
        FROM advisers_contract k LEFT JOIN kernel_org o ON o.code = k.org_code
        WHERE ${inSubtree(sql`k.org_code`, org)}
          AND k.starts_on <= ${to} AND k.ends_on >= ${from} AND (k.terminated_on IS NULL OR k.terminated_on > ${from})
          AND NOT EXISTS (SELECT 1 FROM advisers_activity a WHERE a.contract_id = k.id AND a.on BETWEEN ${from} AND ${to})
          AND NOT (k.user_id IS NOT NULL AND EXISTS (SELECT 1 FROM kernel_legal_review r
                   WHERE r.reviewer_id = k.user_id AND r.reviewed_on BETWEEN ${from} AND ${to}))
        ORDER BY k.org_code, k.id`,
  );
  const covered = sql`EXISTS (SELECT 1 FROM advisers_coverage c JOIN advisers_contract k ON k.id = c.contract_id
      WHERE r.org_code LIKE c.prefix || '%' AND ${activeOn(sql`r.submitted_on`)})`;
  const reviews = await sqlRows(
    tx,
    sql`SELECT r.id, r.org_code AS "orgCode", o.name AS "orgName", r.module, r.entity, r.entity_id AS "entityId",
          r.title, r.submitted_on::text AS "submittedOn", r.due_on::text AS "dueOn", r.reviewed_on::text AS "reviewedOn",
          r.reviewer_name AS "reviewerName", r.result,
          CASE WHEN r.reviewed_on IS NULL THEN '逾期未审核' ELSE '未经法律顾问审核' END AS problem
        FROM kernel_legal_review r LEFT JOIN kernel_org o ON o.code = r.org_code
        WHERE ${inSubtree(sql`r.org_code`, org)} AND ${covered}
          AND ((r.reviewed_on IS NOT NULL AND r.reviewed_on BETWEEN ${from} AND ${to} AND NOT r.adviser_involved)
            OR (r.reviewed_on IS NULL AND r.due_on < ${today} AND r.due_on <= ${to}))
        ORDER BY r.submitted_on, r.id`,
  );
  return { year, quarter, from, to, open: to >= today, idleAdvisers, reviews };
}

/** Contracts a township's or village's residents can see on the portal: in force today. */
export async function portalAdvisers(tx: Tx, org: string | undefined, today: string) {
  return sqlRows(
    tx,
    sql`SELECT v.code, v.name, p.name AS township,
          (SELECT coalesce(json_agg(json_build_object('adviserName', k.adviser_name, 'firm', k.firm,
                  'firmKind', k.firm_kind, 'dutySchedule', k.duty_schedule) ORDER BY k.id), '[]')
             FROM advisers_coverage c JOIN advisers_contract k ON k.id = c.contract_id
             WHERE c.org_code = v.code AND ${activeOn(today)}) AS advisers
        FROM kernel_org v LEFT JOIN kernel_org p ON p.code = v.parent_code
        WHERE v.level = 'village' ${org ? sql`AND ${inSubtree(sql`v.code`, org)}` : sql``}
        ORDER BY v.code LIMIT 2000`,
  );
}
