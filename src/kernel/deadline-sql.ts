import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * SQL conditions over a module's own table for on-time figures, from the kernel's stored deadlines.
 * Honest by construction: a step still open past its due date counts as late, never as "not yet counted".
 * `idColumn` must be table-qualified (the subquery has an `id` of its own).
 */
export function deadlineExists(
  module: string,
  entity: string,
  idColumn: SQL,
  step: string,
  condition: 'metOnTime' | 'decided',
  asOf: string,
): SQL {
  const state =
    condition === 'metOnTime'
      ? sql`d.status = 'done' AND d.done_on <= d.due_on`
      : sql`(d.status = 'done' OR (d.status = 'open' AND d.due_on < ${asOf}))`;
  return sql`EXISTS (SELECT 1 FROM kernel_deadline d WHERE d.module = ${module} AND d.entity = ${entity}
    AND d.entity_id = (${idColumn})::text AND d.step = ${step} AND ${state})`;
}

/** The record has a step still open past its due date (the ledger's 仅逾期 filter). */
export function hasOverdueStep(
  module: string,
  entity: string,
  idColumn: SQL | AnyPgColumn,
  asOf: string,
): SQL {
  return sql`EXISTS (SELECT 1 FROM kernel_deadline d WHERE d.module = ${module} AND d.entity = ${entity}
    AND d.entity_id = (${idColumn})::text AND d.status = 'open' AND d.due_on < ${asOf})`;
}
