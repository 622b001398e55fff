import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import { rows, type Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { hasOverdueStep } from '../../kernel/deadline-sql.js';
import { completeDeadline, openDeadline } from '../../kernel/deadlines.js';
import { AppError } from '../../kernel/errors.js';
import { levelOf } from '../../kernel/orgs/codes.js';
import { checkPersons, maskPerson } from '../../kernel/persons.js';
import { latestDate } from '../../kernel/procedure.js';
import { inSubtree } from '../../kernel/scope.js';
import { reserveNumbers } from '../../kernel/sequence.js';
import { containsPattern } from '../../kernel/sql-text.js';
import { maskIdCard, maskPhone } from '../../kernel/validate.js';
import { auditTimeline } from '../../kernel/workflow.js';
import {
  STATUS_LABELS,
  type Status,
  type StepName,
  type TCreateDispute,
  type TParty,
  type ZListQuery,
  type ZMeeting,
  type ZSteps,
} from './model.js';
import { allowedSteps, judicialConfirmDue, stepProblem, TRANSITIONS, warningWindowStart } from './rules.js';
import { disputeCases, disputeMeetingCases, disputeMeetings, disputeParties } from './schema.js';

export const MODULE = 'disputes';
const ENTITY = 'disputes.case';
/** 调解期限: 《人民调解工作若干规定》(司法部2002)第三十六条 一般在一个月内调结 (a guide, not a hard limit). */
export const MEDIATION_LIMIT_DAYS = 30;

type CaseRow = typeof disputeCases.$inferSelect;

export function townshipOf(orgCode: string): string {
  return `${orgCode.slice(0, 9)}000`;
}

async function assertCaseOrg(tx: Tx, orgCode: string): Promise<void> {
  const level = levelOf(orgCode);
  if (!level || !['township', 'village', 'grid'].includes(level)) {
    throw new AppError('INVALID_ORG_CODE', '纠纷发生地应为乡镇(街道)、村(社区)或网格');
  }
  const [org] = await tx.select({ code: orgs.code }).from(orgs).where(eq(orgs.code, orgCode));
  if (!org) throw new AppError('INVALID_ORG_CODE', `组织 ${orgCode} 不存在`);
}

/** GB 11643 check and phone format for each party; returns the normalised parties. */
export function checkParties(parties: TParty[]): TParty[] {
  return checkPersons(parties, '当事人');
}

async function caseNumbers(tx: Tx, orgCode: string, year: string, n: number): Promise<string[]> {
  const first = await reserveNumbers(tx, `disputes:${townshipOf(orgCode)}:${year}`, n);
  return Array.from(
    { length: n },
    (_, i) => `${year}-${orgCode.slice(6, 9)}-${String(first + i).padStart(4, '0')}`,
  );
}

export interface CreateOptions {
  channel?: 'staff' | 'portal' | 'import';
  trackingCode?: string;
  contactPhone?: string;
}

/** 登记. */
export async function createDispute(
  tx: Tx,
  input: TCreateDispute,
  actor: Actor,
  opts: CreateOptions = {},
): Promise<CaseRow> {
  await assertCaseOrg(tx, input.orgCode);
  if (input.receivedOn > todayCal()) throw new AppError('VALIDATION_FAILED', '登记日期不能晚于今天');
  const parties = checkParties(input.parties);
  const [caseNo] = await caseNumbers(tx, input.orgCode, input.receivedOn.slice(0, 4), 1);
  const [row] = await tx
    .insert(disputeCases)
    .values({
      orgCode: input.orgCode,
      caseNo: caseNo!,
      source: input.source,
      category: input.category,
      summary: input.summary,
      riskLevel: input.riskLevel,
      mediatorName: input.mediatorName ?? null,
      status: 'registered',
      receivedOn: input.receivedOn,
      channel: opts.channel ?? 'staff',
      trackingCode: opts.trackingCode ?? null,
      contactPhone: opts.contactPhone ?? null,
      createdBy: actor.id,
    })
    .returning();
  await tx
    .insert(disputeParties)
    .values(parties.map((p) => ({ ...p, caseId: row!.id, orgCode: input.orgCode })));
  await appendAudit(tx, {
    actor,
    orgCode: input.orgCode,
    action: 'disputes.register',
    entity: ENTITY,
    entityId: row!.id,
    after: {
      ...row,
      parties: parties.map((p) => ({ ...p, idCard: p.idCard ? maskIdCard(p.idCard) : null })),
    },
  });
  return row!;
}

async function lockCase(tx: Tx, id: number): Promise<CaseRow> {
  const [row] = await tx.select().from(disputeCases).where(eq(disputeCases.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function lastStepOn(c: CaseRow): string {
  return latestDate([
    c.receivedOn,
    c.acceptedOn,
    c.rejectedOn,
    c.mediationOn,
    c.resolvedOn,
    c.failedOn,
    c.followupOn,
    c.judicialAppliedOn,
  ]);
}

type StepInput<S extends StepName> = z.infer<(typeof ZSteps)[S]>;

/** Run one workflow step: refused with a clear message when the state or the date does not allow it. */
export async function runStep<S extends StepName>(
  tx: Tx,
  id: number,
  step: S,
  input: StepInput<S>,
  actor: Actor,
  today = todayCal(),
): Promise<CaseRow> {
  const before = await lockCase(tx, id);
  const status = before.status as Status;
  const on = input.on ?? today;
  const allowed = allowedSteps(status, {
    hasWrittenAgreement: before.agreementForm === '书面',
    confirmed: Boolean(before.judicialAppliedOn),
  });
  const problem = stepProblem(status, step, on, lastStepOn(before), today);
  if (problem) throw new AppError('INVALID_TRANSITION', problem);
  if (!allowed.includes(step))
    throw new AppError('INVALID_TRANSITION', `「${TRANSITIONS[step].label}」不适用于此纠纷`);

  const set: Partial<CaseRow> = { updatedAt: new Date() };
  const to = TRANSITIONS[step].to;
  if (to) set.status = to;
  const i = input as Record<string, unknown>;
  switch (step) {
    case 'accept':
      set.acceptedOn = on;
      if (i.mediatorName) set.mediatorName = i.mediatorName as string;
      break;
    case 'reject':
      set.rejectedOn = on;
      set.rejectReason = i.reason as string;
      break;
    case 'mediate':
      set.mediationOn = on;
      if (i.mediatorName) set.mediatorName = i.mediatorName as string;
      break;
    case 'resolve':
      set.resolvedOn = on;
      set.agreementForm = i.agreementForm as string;
      set.agreementText = i.agreementText as string;
      set.agreementFileId = (i.agreementFileId as number | undefined) ?? null;
      set.performance = i.performance as string;
      set.judicialDueOn = i.agreementForm === '书面' ? judicialConfirmDue(on) : null;
      break;
    case 'fail':
      set.failedOn = on;
      set.transferTo = i.transferTo as string;
      set.transferTarget = i.transferTarget as string;
      break;
    case 'followUp':
      set.followupOn = on;
      set.followupNote = i.note as string;
      if (i.performance) set.performance = i.performance as string;
      break;
    case 'confirm':
      if (before.judicialDueOn && on > before.judicialDueOn) {
        throw new AppError(
          'INVALID_TRANSITION',
          `已超过司法确认申请期限(${before.judicialDueOn}):人民调解法第三十三条规定自协议生效之日起三十日内申请`,
        );
      }
      set.judicialAppliedOn = on;
      set.judicialCourt = i.court as string;
      set.judicialResult = i.result as string;
      break;
  }
  const [after] = await tx.update(disputeCases).set(set).where(eq(disputeCases.id, id)).returning();
  const key = { module: MODULE, entity: 'case', entityId: id, step: 'mediate' };
  if (step === 'accept') {
    await openDeadline(
      tx,
      {
        ...key,
        orgCode: before.orgCode,
        title: `纠纷调解 ${before.caseNo}`,
        rule: { kind: 'CAL_DAYS', n: MEDIATION_LIMIT_DAYS },
        startsOn: on,
        legalBasis: '《人民调解工作若干规定》第三十六条:一般在一个月内调结',
      },
      actor,
    );
  }
  if (step === 'resolve' || step === 'fail') await completeDeadline(tx, key, on, actor);
  await appendAudit(tx, {
    actor,
    orgCode: before.orgCode,
    action: `disputes.${step}`,
    entity: ENTITY,
    entityId: id,
    before: { status: before.status },
    after: { ...set, on, updatedAt: undefined },
  });
  return after!;
}

export interface ListResult {
  items: (CaseRow & { orgName: string | null; statusLabel: string; partyNames: string; warning: boolean })[];
  total: number;
}

/** Filters of the ledger list; `extra` is an indicator's drill-down condition. */
export function listConditions(
  orgCode: string,
  q: z.infer<typeof ZListQuery>,
  asOf: string,
  extra?: SQL,
): SQL[] {
  const c: SQL[] = [inSubtree(disputeCases.orgCode, orgCode)];
  if (q.status) c.push(eq(disputeCases.status, q.status));
  if (q.category) c.push(eq(disputeCases.category, q.category));
  if (q.source) c.push(eq(disputeCases.source, q.source));
  if (q.from) c.push(sql`${disputeCases.receivedOn} >= ${q.from}`);
  if (q.to) c.push(sql`${disputeCases.receivedOn} <= ${q.to}`);
  if (q.q) {
    const like = containsPattern(q.q);
    c.push(
      sql`(${disputeCases.summary} LIKE ${like} OR ${disputeCases.caseNo} LIKE ${like} OR EXISTS (SELECT 1 FROM disputes_party p WHERE p.case_id = ${disputeCases.id} AND p.name LIKE ${like}))`,
    );
  }
  if (q.overdue) {
    c.push(hasOverdueStep('disputes', 'case', disputeCases.id, asOf));
  }
  if (q.warning) c.push(sql`${disputeCases.id} IN (${warningCaseIds(orgCode, asOf)})`);
  if (extra) c.push(extra);
  return c;
}

export async function listDisputes(
  db: Tx,
  orgCode: string,
  q: z.infer<typeof ZListQuery>,
  asOf: string,
  extra?: SQL,
  all = false,
): Promise<ListResult> {
  const where = and(...listConditions(orgCode, q, asOf, extra));
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(disputeCases)
    .where(where);
  const base = db
    .select({
      c: disputeCases,
      orgName: orgs.name,
      partyNames: sql<string>`coalesce((SELECT string_agg(p.name, '、' ORDER BY p.id) FROM disputes_party p WHERE p.case_id = ${disputeCases.id}), '')`,
    })
    .from(disputeCases)
    .leftJoin(orgs, eq(orgs.code, disputeCases.orgCode))
    .where(where)
    .orderBy(desc(disputeCases.receivedOn), desc(disputeCases.id));
  const list = all
    ? await base.limit(100_000)
    : await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const warned = new Set(
    list.length
      ? (
          await rows<{ id: number }>(
            db,
            sql`SELECT id FROM (${warningCaseIds(orgCode, asOf)}) w(id) WHERE id IN (${sql.join(
              list.map((r) => sql`${r.c.id}`),
              sql`, `,
            )})`,
          )
        ).map((r) => Number(r.id))
      : [],
  );
  return {
    total: Number(n),
    items: list.map((r) => ({
      ...r.c,
      orgName: r.orgName,
      partyNames: r.partyNames,
      statusLabel: STATUS_LABELS[r.c.status as Status],
      warning: warned.has(r.c.id),
    })),
  };
}

/**
 * 预警: open or recent disputes involving the same party (by 身份证号, else name + phone) or the same place
 * (the same 村/网格 and the same 纠纷类型) two or more times within 90 days, and open high-risk disputes.
 */
function warningCaseIds(orgCode: string, asOf: string): SQL {
  const since = warningWindowStart(asOf);
  const scope = inSubtree(sql`c.org_code`, orgCode);
  return sql`
    SELECT c.id FROM disputes_case c
    WHERE ${scope} AND c.received_on BETWEEN ${since} AND ${asOf} AND EXISTS (
      SELECT 1 FROM disputes_party p JOIN disputes_party q ON q.case_id <> p.case_id
        AND (q.id_card = p.id_card OR (p.id_card IS NULL AND q.id_card IS NULL AND q.name = p.name AND q.phone = p.phone))
      JOIN disputes_case c2 ON c2.id = q.case_id AND c2.received_on BETWEEN ${since} AND ${asOf} AND ${inSubtree(sql`c2.org_code`, orgCode)}
      WHERE p.case_id = c.id)
    UNION
    SELECT c.id FROM disputes_case c
    WHERE ${scope} AND c.received_on BETWEEN ${since} AND ${asOf} AND EXISTS (
      SELECT 1 FROM disputes_case c2 WHERE c2.id <> c.id AND c2.org_code = c.org_code AND c2.category = c.category
        AND c2.received_on BETWEEN ${since} AND ${asOf})
    UNION
    SELECT c.id FROM disputes_case c
    WHERE ${scope} AND c.risk_level = '高' AND c.status IN ('registered', 'accepted', 'mediating')`;
}

export interface Warning {
  kind: 'party' | 'place' | 'risk';
  label: string;
  orgCode: string;
  orgName: string | null;
  caseIds: number[];
  caseNos: string[];
  latestOn: string;
}

export async function listWarnings(
  db: Tx,
  orgCode: string,
  asOf: string,
  canSeePersonal: boolean,
): Promise<Warning[]> {
  const since = warningWindowStart(asOf);
  const scope = inSubtree(sql`c.org_code`, orgCode);
  const party = await rows<{
    key: string;
    name: string;
    id_card: string | null;
    org_code: string;
    org_name: string;
    ids: number[];
    nos: string[];
    latest: string;
  }>(
    db,
    sql`SELECT coalesce(p.id_card, p.name || '/' || coalesce(p.phone, '')) AS key, min(p.name) AS name, min(p.id_card) AS id_card,
               min(c.org_code) AS org_code, min(o.name) AS org_name,
               array_agg(DISTINCT c.id) AS ids, array_agg(DISTINCT c.case_no) AS nos, max(c.received_on)::text AS latest
        FROM disputes_party p JOIN disputes_case c ON c.id = p.case_id LEFT JOIN kernel_org o ON o.code = c.org_code
        WHERE ${scope} AND c.received_on BETWEEN ${since} AND ${asOf} AND (p.id_card IS NOT NULL OR p.phone IS NOT NULL)
        GROUP BY 1 HAVING count(DISTINCT c.id) >= 2 ORDER BY max(c.received_on) DESC LIMIT 200`,
  );
  const place = await rows<{
    org_code: string;
    org_name: string;
    category: string;
    ids: number[];
    nos: string[];
    latest: string;
  }>(
    db,
    sql`SELECT c.org_code, min(o.name) AS org_name, c.category, array_agg(c.id ORDER BY c.id) AS ids,
               array_agg(c.case_no ORDER BY c.id) AS nos, max(c.received_on)::text AS latest
        FROM disputes_case c LEFT JOIN kernel_org o ON o.code = c.org_code
        WHERE ${scope} AND c.received_on BETWEEN ${since} AND ${asOf}
        GROUP BY c.org_code, c.category HAVING count(*) >= 2 ORDER BY max(c.received_on) DESC LIMIT 200`,
  );
  const risk = await rows<{
    id: number;
    case_no: string;
    org_code: string;
    org_name: string;
    received_on: string;
    category: string;
  }>(
    db,
    sql`SELECT c.id, c.case_no, c.org_code, o.name AS org_name, c.received_on::text, c.category
        FROM disputes_case c LEFT JOIN kernel_org o ON o.code = c.org_code
        WHERE ${scope} AND c.risk_level = '高' AND c.status IN ('registered', 'accepted', 'mediating')
        ORDER BY c.received_on DESC LIMIT 200`,
  );
  const ids = (v: unknown) =>
    Array.isArray(v) ? v.map(Number) : String(v).replace(/[{}]/g, '').split(',').map(Number);
  const strs = (v: unknown) =>
    Array.isArray(v) ? v.map(String) : String(v).replace(/[{}"]/g, '').split(',');
  return [
    ...risk.map((r) => ({
      kind: 'risk' as const,
      label: `高风险纠纷未化解:${r.category}`,
      orgCode: r.org_code,
      orgName: r.org_name,
      caseIds: [Number(r.id)],
      caseNos: [r.case_no],
      latestOn: r.received_on,
    })),
    ...party.map((r) => ({
      kind: 'party' as const,
      label: `同一当事人 ${canSeePersonal ? r.name : `${r.name.slice(0, 1)}**`}${r.id_card && canSeePersonal ? `(${maskIdCard(r.id_card)})` : ''} 90日内涉及${ids(r.ids).length}起纠纷`,
      orgCode: r.org_code,
      orgName: r.org_name,
      caseIds: ids(r.ids),
      caseNos: strs(r.nos),
      latestOn: r.latest,
    })),
    ...place.map((r) => ({
      kind: 'place' as const,
      label: `${r.org_name ?? r.org_code} 90日内发生${ids(r.ids).length}起${r.category}纠纷`,
      orgCode: r.org_code,
      orgName: r.org_name,
      caseIds: ids(r.ids),
      caseNos: strs(r.nos),
      latestOn: r.latest,
    })),
  ];
}

export const maskParty = maskPerson;

export async function getDispute(db: Tx, id: number, canSeePersonal: boolean, canHandle = true) {
  const [row] = await db
    .select({ c: disputeCases, orgName: orgs.name })
    .from(disputeCases)
    .leftJoin(orgs, eq(orgs.code, disputeCases.orgCode))
    .where(eq(disputeCases.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const parties = await db
    .select()
    .from(disputeParties)
    .where(eq(disputeParties.caseId, id))
    .orderBy(asc(disputeParties.id));
  const timeline = await auditTimeline(db, ENTITY, id, ACTION_LABELS);
  const c = row.c;
  return {
    ...c,
    contactPhone: c.contactPhone && !canSeePersonal ? maskPhone(c.contactPhone) : c.contactPhone,
    orgName: row.orgName,
    statusLabel: STATUS_LABELS[c.status as Status],
    parties: parties.map((p) => maskParty(p, canSeePersonal)),
    // Only the steps this user may run now: the detail page shows exactly these.
    allowedSteps: canHandle
      ? allowedSteps(c.status as Status, {
          hasWrittenAgreement: c.agreementForm === '书面',
          confirmed: Boolean(c.judicialAppliedOn),
        }).map((s) => ({ step: s, label: TRANSITIONS[s].label }))
      : [],
    timeline,
  };
}

const ACTION_LABELS: Record<string, string> = {
  'disputes.register': '登记',
  'disputes.import': '从台账导入',
  'disputes.portal': '群众网上提交',
  ...Object.fromEntries(Object.entries(TRANSITIONS).map(([k, t]) => [`disputes.${k}`, t.label])),
};

export async function createMeeting(tx: Tx, input: z.infer<typeof ZMeeting>, actor: Actor): Promise<number> {
  const level = levelOf(input.orgCode);
  if (level !== 'township' && level !== 'village')
    throw new AppError('INVALID_ORG_CODE', '排查会应由乡镇(街道)或村(社区)召开');
  if (input.caseIds.length) {
    const found = await tx
      .select({ id: disputeCases.id })
      .from(disputeCases)
      .where(and(inArray(disputeCases.id, input.caseIds), inSubtree(disputeCases.orgCode, input.orgCode)));
    if (found.length !== new Set(input.caseIds).size)
      throw new AppError('VALIDATION_FAILED', '所列纠纷中有不属于本单位的记录');
  }
  const [m] = await tx
    .insert(disputeMeetings)
    .values({
      orgCode: input.orgCode,
      heldOn: input.heldOn,
      title: input.title,
      attendees: input.attendees,
      notes: input.notes,
      createdBy: actor.id,
    })
    .returning({ id: disputeMeetings.id });
  if (input.caseIds.length) {
    await tx
      .insert(disputeMeetingCases)
      .values([...new Set(input.caseIds)].map((caseId) => ({ meetingId: m!.id, caseId })));
  }
  await appendAudit(tx, {
    actor,
    orgCode: input.orgCode,
    action: 'disputes.meeting',
    entity: 'disputes.meeting',
    entityId: m!.id,
    after: input,
  });
  return m!.id;
}

export async function listMeetings(db: Tx, orgCode: string) {
  const list = await rows<{
    id: number;
    org_code: string;
    org_name: string;
    held_on: string;
    title: string;
    attendees: string;
    notes: string;
    cases: number;
  }>(
    db,
    sql`SELECT m.id, m.org_code, o.name AS org_name, m.held_on::text, m.title, m.attendees, m.notes,
               (SELECT count(*)::int FROM disputes_meeting_case mc WHERE mc.meeting_id = m.id) AS cases
        FROM disputes_meeting m LEFT JOIN kernel_org o ON o.code = m.org_code
        WHERE ${inSubtree(sql`m.org_code`, orgCode)} ORDER BY m.held_on DESC, m.id DESC LIMIT 500`,
  );
  return list.map((m) => ({
    id: m.id,
    orgCode: m.org_code,
    orgName: m.org_name,
    heldOn: m.held_on,
    title: m.title,
    attendees: m.attendees,
    notes: m.notes,
    cases: Number(m.cases),
  }));
}

/** A tracking code a citizen can read over the phone: no 0/O/1/I. */
export function newTrackingCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export { caseNumbers };
