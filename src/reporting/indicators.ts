import { type SQL, sql } from 'drizzle-orm';
import { rows, type Tx } from '../kernel/db/client.js';
import { AppError } from '../kernel/errors.js';
import type { IndicatorDef, IndicatorParams, ModuleManifest } from '../kernel/module.js';
import { inSubtree } from '../kernel/scope.js';

export interface Figure {
  module: string;
  id: string;
  name: string;
  value: number | null; // null: a rate with nothing to divide by
  unit: string;
  formula: string;
  numerator?: number;
  denominator?: number;
  drill: string;
}

export function indicatorsOf(modules: readonly ModuleManifest[]): (IndicatorDef & { module: string })[] {
  return modules.flatMap((m) => (m.indicators ?? []).map((i) => ({ ...i, module: m.id })));
}

export function findIndicator(
  modules: readonly ModuleManifest[],
  id: string,
): IndicatorDef & { module: string } {
  const found = indicatorsOf(modules).find((i) => i.id === id);
  if (!found) throw new AppError('VALIDATION_FAILED', `未知指标「${id}」`);
  return found;
}

/** Percentage rounded half-up to one decimal, as reports state it. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator * 1000) / denominator) / 10;
}

function scopeOf(def: IndicatorDef, p: IndicatorParams): SQL {
  // Table-qualified: a list page may join other tables that have an org_code too.
  return inSubtree(
    sql`${sql.identifier(def.table)}.${sql.identifier(def.orgColumn ?? 'org_code')}`,
    p.orgCode,
  );
}

/** The rows behind a figure: numerator (or the counted rows) or the denominator. */
export function indicatorCondition(
  def: IndicatorDef,
  part: 'numerator' | 'denominator',
  p: IndicatorParams,
): SQL {
  const cond = part === 'denominator' && def.denominator ? def.denominator(p) : def.where(p);
  return sql`(${scopeOf(def, p)} AND (${cond}))`;
}

function drillUrl(def: IndicatorDef, p: IndicatorParams): string {
  const q = new URLSearchParams({ indicator: def.id, org: p.orgCode, from: p.from, to: p.to });
  return `${def.drillPath}?${q.toString()}`;
}

/**
 * Compute figures, one query per table: every indicator over that table becomes a FILTERed
 * aggregate of the same scan of the org subtree.
 */
export async function computeFigures(
  db: Tx,
  modules: readonly ModuleManifest[],
  p: IndicatorParams,
  ids?: readonly string[],
): Promise<Figure[]> {
  const defs = indicatorsOf(modules).filter((d) => !ids || ids.includes(d.id));
  const byTable = new Map<string, typeof defs>();
  for (const d of defs)
    byTable.set(`${d.table}|${d.orgColumn ?? 'org_code'}`, [
      ...(byTable.get(`${d.table}|${d.orgColumn ?? 'org_code'}`) ?? []),
      d,
    ]);
  const results = new Map<string, Figure>();
  for (const group of byTable.values()) {
    const first = group[0]!;
    const columns: SQL[] = [];
    group.forEach((d, i) => {
      if (d.kind === 'sum')
        columns.push(
          sql`coalesce(sum(${d.sum!}) FILTER (WHERE ${d.where(p)}), 0)::bigint AS ${sql.identifier(`n${i}`)}`,
        );
      else columns.push(sql`count(*) FILTER (WHERE ${d.where(p)})::bigint AS ${sql.identifier(`n${i}`)}`);
      if (d.kind === 'rate')
        columns.push(sql`count(*) FILTER (WHERE ${d.denominator!(p)})::bigint AS ${sql.identifier(`d${i}`)}`);
    });
    const [row] = await rows<Record<string, string | number>>(
      db,
      sql`SELECT ${sql.join(columns, sql`, `)} FROM ${sql.identifier(first.table)} WHERE ${scopeOf(first, p)}`,
    );
    group.forEach((d, i) => {
      const n = Number(row?.[`n${i}`] ?? 0);
      const base = {
        module: d.module,
        id: d.id,
        name: d.name,
        unit: d.unit,
        formula: d.formula,
        drill: drillUrl(d, p),
      };
      if (d.kind === 'rate') {
        const den = Number(row?.[`d${i}`] ?? 0);
        results.set(d.id, { ...base, value: percent(n, den), numerator: n, denominator: den });
      } else {
        results.set(d.id, { ...base, value: n });
      }
    });
  }
  return defs.map((d) => results.get(d.id)!);
}

/** A figure broken down by one of its declared dimensions (e.g. 纠纷类型). */
export async function breakdown(db: Tx, def: IndicatorDef, by: string, p: IndicatorParams) {
  const expr = def.breakdowns?.[by];
  if (!expr) throw new AppError('VALIDATION_FAILED', `指标「${def.name}」不能按「${by}」分组`);
  const value =
    def.kind === 'sum'
      ? sql`coalesce(sum(${def.sum!}) FILTER (WHERE ${def.where(p)}), 0)`
      : sql`count(*) FILTER (WHERE ${def.where(p)})`;
  const den = def.kind === 'rate' ? sql`count(*) FILTER (WHERE ${def.denominator!(p)})` : sql`0`;
  const list = await rows<{ key: string | null; n: string | number; d: string | number }>(
    db,
    sql`SELECT ${expr} AS key, ${value}::bigint AS n, ${den}::bigint AS d FROM ${sql.identifier(def.table)}
        WHERE ${scopeOf(def, p)} GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  return list
    .map((r) => {
      const n = Number(r.n);
      const d = Number(r.d);
      return {
        key: r.key ?? '未填写',
        value: def.kind === 'rate' ? percent(n, d) : n,
        numerator: n,
        denominator: d,
      };
    })
    .filter((r) => r.numerator > 0 || r.denominator > 0);
}

/**
 * A list route's drill-down: `?indicator=<id>&part=…&from&to` → the condition selecting exactly the rows
 * behind that figure (or undefined when the list is not a drill-down).
 */
export function drillCondition(
  defs: readonly IndicatorDef[],
  q: { indicator?: string; part?: 'numerator' | 'denominator'; from?: string; to?: string },
  orgCode: string,
  asOf: string,
): SQL | undefined {
  if (!q.indicator) return undefined;
  const def = defs.find((i) => i.id === q.indicator);
  if (!def) throw new AppError('VALIDATION_FAILED', `未知指标「${q.indicator}」`);
  if (!q.from || !q.to) throw new AppError('VALIDATION_FAILED', '按指标查看明细时须指定起止日期');
  return indicatorCondition(def, q.part ?? 'numerator', { orgCode, from: q.from, to: q.to, asOf });
}
