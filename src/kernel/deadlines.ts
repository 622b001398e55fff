import { and, asc, eq, isNull, lt, lte, sql } from 'drizzle-orm';
import { type Actor, appendAudit, SYSTEM_ACTOR } from './audit.js';
import { addWorkdays, computeDue, type DeadlineKind, today } from './calendar.js';
import type { Db, Tx } from './db/client.js';
import { deadlines, notices, orgs, supervision } from './db/schema.js';
import { inSubtree } from './scope.js';

export interface DeadlineRule {
  kind: DeadlineKind;
  n?: number;
  monthDay?: string;
  year?: number;
}

export interface OpenDeadline {
  orgCode: string;
  module: string;
  entity: string;
  entityId: string | number;
  step: string;
  title: string;
  rule: DeadlineRule;
  startsOn: string;
  legalBasis?: string;
  /** Override the computed due date (an approved extension, a date set by a court). */
  dueOn?: string;
}

/**
 * Record the due date of an open procedure step. Deadlines are data: the date is computed once
 * by the calendar and stored, so "what is overdue" is a query. Re-opening the same step replaces it.
 */
export async function openDeadline(
  tx: Tx,
  d: OpenDeadline,
  actor: Actor = SYSTEM_ACTOR,
): Promise<{ id: number; dueOn: string }> {
  const computed = computeDue(d.rule, d.startsOn);
  const dueOn = d.dueOn ?? computed.due;
  const values = {
    orgCode: d.orgCode,
    module: d.module,
    entity: d.entity,
    entityId: String(d.entityId),
    step: d.step,
    title: d.title,
    rule: d.rule,
    legalBasis: d.legalBasis ?? null,
    startsOn: d.startsOn,
    dueOn,
    provisional: d.dueOn ? false : computed.provisional,
    status: 'open',
    doneOn: null,
    remindedAt: null,
    escalatedAt: null,
  };
  const [row] = await tx
    .insert(deadlines)
    .values(values)
    .onConflictDoUpdate({
      target: [deadlines.module, deadlines.entity, deadlines.entityId, deadlines.step],
      set: values,
    })
    .returning({ id: deadlines.id });
  await appendAudit(tx, {
    actor,
    orgCode: d.orgCode,
    action: 'deadline.open',
    entity: 'deadline',
    entityId: row!.id,
    after: values,
  });
  return { id: row!.id, dueOn };
}

/** Close a step's deadline; its 督办 item, if any, is resolved with it. */
export async function completeDeadline(
  tx: Tx,
  key: { module: string; entity: string; entityId: string | number; step: string },
  doneOn: string,
  actor: Actor = SYSTEM_ACTOR,
  status: 'done' | 'cancelled' = 'done',
): Promise<boolean> {
  const [row] = await tx
    .update(deadlines)
    .set({ status, doneOn })
    .where(
      and(
        eq(deadlines.module, key.module),
        eq(deadlines.entity, key.entity),
        eq(deadlines.entityId, String(key.entityId)),
        eq(deadlines.step, key.step),
        eq(deadlines.status, 'open'),
      ),
    )
    .returning({ id: deadlines.id, orgCode: deadlines.orgCode, dueOn: deadlines.dueOn });
  if (!row) return false;
  await tx
    .update(supervision)
    .set({ status: 'resolved', closedAt: new Date() })
    .where(and(eq(supervision.deadlineId, row.id), eq(supervision.status, 'open')));
  await appendAudit(tx, {
    actor,
    orgCode: row.orgCode,
    action: `deadline.${status}`,
    entity: 'deadline',
    entityId: row.id,
    after: { doneOn, late: doneOn > row.dueOn },
  });
  return true;
}

export type DueFilter = 'open' | 'dueSoon' | 'overdue';

/** Reminders go out this many working days before the due date. */
export const REMIND_WORKDAYS = 3;

export async function listDeadlines(db: Tx, orgCode: string, filter: DueFilter, asOf = today(), limit = 200) {
  const soon = addWorkdays(asOf, REMIND_WORKDAYS).due;
  const cond = [eq(deadlines.status, 'open'), inSubtree(deadlines.orgCode, orgCode)];
  if (filter === 'overdue') cond.push(lt(deadlines.dueOn, asOf));
  if (filter === 'dueSoon') cond.push(sql`${deadlines.dueOn} >= ${asOf} AND ${deadlines.dueOn} <= ${soon}`);
  return db
    .select({
      id: deadlines.id,
      orgCode: deadlines.orgCode,
      orgName: orgs.name,
      module: deadlines.module,
      entity: deadlines.entity,
      entityId: deadlines.entityId,
      step: deadlines.step,
      title: deadlines.title,
      startsOn: deadlines.startsOn,
      dueOn: deadlines.dueOn,
      provisional: deadlines.provisional,
      legalBasis: deadlines.legalBasis,
    })
    .from(deadlines)
    .leftJoin(orgs, eq(orgs.code, deadlines.orgCode))
    .where(and(...cond))
    .orderBy(asc(deadlines.dueOn), asc(deadlines.id))
    .limit(limit);
}

export async function countDeadlines(db: Tx, orgCode: string, asOf = today()) {
  const soon = addWorkdays(asOf, REMIND_WORKDAYS).due;
  const [row] = await db
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${deadlines.dueOn} < ${asOf})::int`,
      dueSoon: sql<number>`count(*) FILTER (WHERE ${deadlines.dueOn} >= ${asOf} AND ${deadlines.dueOn} <= ${soon})::int`,
    })
    .from(deadlines)
    .where(and(eq(deadlines.status, 'open'), inSubtree(deadlines.orgCode, orgCode)));
  return {
    open: Number(row?.open ?? 0),
    overdue: Number(row?.overdue ?? 0),
    dueSoon: Number(row?.dueSoon ?? 0),
  };
}

export interface SweepResult {
  reminders: number;
  supervision: number;
}

/**
 * The periodic sweep: a reminder for each open step due within REMIND_WORKDAYS working days, and a
 * 督办 item for each step past due. Markers and unique keys make it idempotent: safe to run twice,
 * or on two servers at once.
 */
export async function sweepDeadlines(db: Db, asOf = today(), batch = 500): Promise<SweepResult> {
  const soon = addWorkdays(asOf, REMIND_WORKDAYS).due;
  const result: SweepResult = { reminders: 0, supervision: 0 };
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: deadlines.id,
          orgCode: deadlines.orgCode,
          title: deadlines.title,
          dueOn: deadlines.dueOn,
        })
        .from(deadlines)
        .where(and(eq(deadlines.status, 'open'), isNull(deadlines.remindedAt), lte(deadlines.dueOn, soon)))
        .orderBy(asc(deadlines.id))
        .limit(batch)
        .for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      const inserted = await tx
        .insert(notices)
        .values(
          due.map((d) => ({
            deadlineId: d.id,
            orgCode: d.orgCode,
            kind: 'reminder',
            message: `「${d.title}」将于 ${d.dueOn} 到期`,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: notices.id });
      await tx
        .update(deadlines)
        .set({ remindedAt: new Date() })
        .where(
          sql`${deadlines.id} IN (${sql.join(
            due.map((d) => sql`${d.id}`),
            sql`, `,
          )})`,
        );
      result.reminders += inserted.length;
      return due.length;
    });
    if (n < batch) break;
  }
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const overdue = await tx
        .select({
          id: deadlines.id,
          orgCode: deadlines.orgCode,
          title: deadlines.title,
          dueOn: deadlines.dueOn,
        })
        .from(deadlines)
        .where(and(eq(deadlines.status, 'open'), isNull(deadlines.escalatedAt), lt(deadlines.dueOn, asOf)))
        .orderBy(asc(deadlines.id))
        .limit(batch)
        .for('update', { skipLocked: true });
      if (overdue.length === 0) return 0;
      const inserted = await tx
        .insert(supervision)
        .values(
          overdue.map((d) => ({
            deadlineId: d.id,
            orgCode: d.orgCode,
            title: `逾期督办:${d.title}`,
            dueOn: d.dueOn,
            createdOn: asOf,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: supervision.id, orgCode: supervision.orgCode, deadlineId: supervision.deadlineId });
      await tx
        .update(deadlines)
        .set({ escalatedAt: new Date() })
        .where(
          sql`${deadlines.id} IN (${sql.join(
            overdue.map((d) => sql`${d.id}`),
            sql`, `,
          )})`,
        );
      if (inserted.length) {
        await appendAudit(
          tx,
          inserted.map((s) => ({
            actor: SYSTEM_ACTOR,
            orgCode: s.orgCode,
            action: 'supervision.create',
            entity: 'supervision',
            entityId: s.id,
            after: { deadlineId: s.deadlineId, asOf },
          })),
        );
      }
      result.supervision += inserted.length;
      return overdue.length;
    });
    if (n < batch) break;
  }
  return result;
}

export async function listSupervision(
  db: Tx,
  orgCode: string,
  status: 'open' | 'all' = 'open',
  asOf = today(),
) {
  const cond = [inSubtree(supervision.orgCode, orgCode)];
  if (status === 'open') cond.push(eq(supervision.status, 'open'));
  const list = await db
    .select({
      id: supervision.id,
      orgCode: supervision.orgCode,
      orgName: orgs.name,
      title: supervision.title,
      dueOn: supervision.dueOn,
      createdOn: supervision.createdOn,
      status: supervision.status,
      note: supervision.note,
      deadlineId: supervision.deadlineId,
      module: deadlines.module,
      entity: deadlines.entity,
      entityId: deadlines.entityId,
    })
    .from(supervision)
    .leftJoin(orgs, eq(orgs.code, supervision.orgCode))
    .leftJoin(deadlines, eq(deadlines.id, supervision.deadlineId))
    .where(and(...cond))
    .orderBy(asc(supervision.dueOn), asc(supervision.id))
    .limit(500);
  const asOfDay = Date.parse(`${asOf}T00:00:00Z`);
  return list.map((s) => ({
    ...s,
    daysOverdue: Math.round((asOfDay - Date.parse(`${s.dueOn}T00:00:00Z`)) / 86_400_000),
  }));
}

export async function closeSupervision(tx: Tx, id: number, note: string, actor: Actor): Promise<void> {
  const [row] = await tx
    .update(supervision)
    .set({ status: 'closed', note, closedAt: new Date(), closedBy: actor.id })
    .where(eq(supervision.id, id))
    .returning({ orgCode: supervision.orgCode });
  if (row) {
    await appendAudit(tx, {
      actor,
      orgCode: row.orgCode,
      action: 'supervision.close',
      entity: 'supervision',
      entityId: id,
      after: { note },
    });
  }
}

/**
 * Record many steps' deadlines at once (imports, demo data): each as `openDeadline` would, and
 * closed already when the ledger says the step was done on `doneOn`.
 */
export async function recordDeadlines(
  tx: Tx,
  list: (OpenDeadline & { doneOn?: string | null })[],
  actor: Actor = SYSTEM_ACTOR,
): Promise<void> {
  if (list.length === 0) return;
  const values = list.map((d) => {
    const computed = computeDue(d.rule, d.startsOn);
    return {
      orgCode: d.orgCode,
      module: d.module,
      entity: d.entity,
      entityId: String(d.entityId),
      step: d.step,
      title: d.title,
      rule: d.rule,
      legalBasis: d.legalBasis ?? null,
      startsOn: d.startsOn,
      dueOn: d.dueOn ?? computed.due,
      provisional: d.dueOn ? false : computed.provisional,
      status: d.doneOn ? 'done' : 'open',
      doneOn: d.doneOn ?? null,
    };
  });
  const ids: { id: number }[] = [];
  for (let i = 0; i < values.length; i += 500) {
    ids.push(
      ...(await tx
        .insert(deadlines)
        .values(values.slice(i, i + 500))
        .returning({ id: deadlines.id })),
    );
  }
  await appendAudit(
    tx,
    values.map((v, i) => ({
      actor,
      orgCode: v.orgCode,
      action: 'deadline.record',
      entity: 'deadline',
      entityId: ids[i]!.id,
      after: v,
    })),
  );
}
