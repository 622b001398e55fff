import { inArray } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import type { ImportOutcome } from '../../kernel/module.js';
import { placeResolver } from '../../kernel/orgs/places.js';
import { parseLedger, type RowError } from '../../kernel/xlsx/import.js';
import { ACTIVITY_LEDGER, type ActivityKind } from './model.js';
import { adviserContracts, adviserCoverage } from './schema.js';
import { type ActivityRow, checkActivities, isActive, recordActivities } from './service.js';

/**
 * Import a monthly 法律顾问工作台账 into `orgCode`'s subtree: each row names the adviser (and, when two
 * share a name, the 执业证号), the day and the village; the contract is the one in force that day covering
 * the place. All or nothing: any row error leaves nothing written.
 */
export async function importActivities(
  tx: Tx,
  data: Buffer,
  orgCode: string,
  actor: Actor,
  today = todayCal(),
): Promise<ImportOutcome> {
  const parsed = await parseLedger(ACTIVITY_LEDGER, data);
  const errors: RowError[] = [...parsed.errors];
  const warnings: RowError[] = [];
  const resolvePlace = await placeResolver(tx, orgCode);
  const header = (key: string) =>
    parsed.columns.find((c) => c.field === key)?.header ??
    ACTIVITY_LEDGER.fields.find((f) => f.key === key)?.label ??
    key;
  const names = [
    ...new Set(parsed.rows.map((r) => String(r.values.adviserName ?? '').trim()).filter(Boolean)),
  ];
  const contracts = names.length
    ? await tx.select().from(adviserContracts).where(inArray(adviserContracts.adviserName, names))
    : [];
  const covers = contracts.length
    ? await tx
        .select()
        .from(adviserCoverage)
        .where(
          inArray(
            adviserCoverage.contractId,
            contracts.map((c) => c.id),
          ),
        )
    : [];

  const ready: { row: number; value: ActivityRow }[] = [];
  for (const r of parsed.rows) {
    const v = r.values;
    const err = (key: string, message: string) => errors.push({ row: r.row, column: header(key), message });
    const name = String(v.adviserName ?? '').trim();
    const license = String(v.licenseNo ?? '').trim();
    const on = v.on as string | null;
    const place = resolvePlace(String(v.village ?? ''));
    if ('error' in place) {
      err('village', place.error);
      continue;
    }
    if (!on) continue; // parseLedger reported it
    const candidates = contracts.filter(
      (c) =>
        c.adviserName === name &&
        (!license || c.licenseNo === license) &&
        isActive(c, on) &&
        (c.orgCode === place.code ||
          covers.some((x) => x.contractId === c.id && place.code.startsWith(x.prefix))),
    );
    if (candidates.length === 0) {
      err('adviserName', `找不到${name}在 ${on} 有效且覆盖该村(社区)的法律顾问合同`);
      continue;
    }
    if (candidates.length > 1) {
      err('licenseNo', `${name}有多份合同覆盖该村(社区),请填写执业证号区分`);
      continue;
    }
    ready.push({
      row: r.row,
      value: {
        contractId: candidates[0]!.id,
        orgCode: place.code,
        kind: v.kind as ActivityKind,
        on,
        hours: (v.hours as number | null) ?? null,
        people: (v.people as number | null) ?? (v.kind === '咨询' ? 1 : null),
        way: (v.way as string | null) ?? null,
        topic: (v.topic as string | null) ?? null,
        matters: (v.matters as string | null) ?? null,
        source: 'import',
      },
    });
    if (v.kind === '咨询' && !v.people)
      warnings.push({ row: r.row, column: header('people'), message: '未填写人次,按1人次记录' });
  }
  const problems = await checkActivities(
    tx,
    ready.map((r) => r.value),
    today,
  );
  const FIELD_KEY: Record<string, string> = { contractId: 'adviserName', orgCode: 'village' };
  for (const p of problems)
    errors.push({
      row: ready[p.index]!.row,
      column: header(FIELD_KEY[p.field] ?? p.field),
      message: p.message,
    });
  if (parsed.rows.length === 0 && errors.length === 0)
    errors.push({ row: parsed.headerRow, column: '', message: '文件中没有数据行' });
  if (errors.length) return { imported: 0, errors, warnings };
  const inserted = await recordActivities(
    tx,
    ready.map((r) => r.value),
    actor,
  );
  return { imported: inserted.length, errors: [], warnings };
}
