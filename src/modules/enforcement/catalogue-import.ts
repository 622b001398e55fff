import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import type { RecordModel } from '../../kernel/model.js';
import type { ImportOutcome } from '../../kernel/module.js';
import { levelOf } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { maskIdCard, normalizeUscc, toHalfWidth } from '../../kernel/validate.js';
import { type ParseResult, parseLedger, type RowError } from '../../kernel/xlsx/import.js';
import { createItem, parseDiscretion, reviseItem, syncCertDeadline, usccProblem } from './catalogue.js';
import { ITEM_MODEL, OFFICER_MODEL, TARGET_MODEL } from './ledger-models.js';
import type { ITEM_TYPES, LIST_KINDS, TARGET_KINDS } from './model.js';
import { enforcementItems, enforcementOfficers, enforcementTargets } from './schema.js';

function headerOf(model: RecordModel, parsed: ParseResult) {
  return (key: string) =>
    parsed.columns.find((c) => c.field === key)?.header ?? model.fields.find((f) => f.key === key)!.label;
}

async function assertOrg(tx: Tx, orgCode: string) {
  const [o] = await tx.select({ code: orgs.code }).from(orgs).where(eq(orgs.code, orgCode));
  if (!o) throw new AppError('NOT_FOUND');
}

function emptyFile(parsed: ParseResult, errors: RowError[]) {
  if (parsed.rows.length === 0 && errors.length === 0)
    errors.push({ row: parsed.headerRow, column: '', message: '文件中没有数据行' });
}

type Discretion = { circumstance: string; range: string }[];
/** jsonb does not keep key order: compare the pairs. */
const SAME = (a: Discretion, b: Discretion) =>
  JSON.stringify(a.map((x) => [x.circumstance, x.range])) ===
  JSON.stringify(b.map((x) => [x.circumstance, x.range]));

/**
 * 执法事项清单 / 权责清单 .xlsx into `orgCode` (a county or township): all rows or none. A code
 * already in the list becomes a new version effective from the row's 生效日期 when its content
 * changed, and is left alone (with a warning) when it did not.
 */
export async function importItems(
  tx: Tx,
  data: Buffer,
  orgCode: string,
  actor: Actor,
  today = todayCal(),
): Promise<ImportOutcome> {
  await assertOrg(tx, orgCode);
  const parsed = await parseLedger(ITEM_MODEL, data, { today });
  const errors: RowError[] = [...parsed.errors];
  const warnings: RowError[] = [];
  const header = headerOf(ITEM_MODEL, parsed);
  const level = levelOf(orgCode);
  if (level !== 'county' && level !== 'township' && level !== 'office') {
    return {
      imported: 0,
      errors: [{ row: 0, column: '', message: '执法事项清单应导入到县级或乡镇(街道)' }],
      warnings,
    };
  }
  const codeOf = (v: unknown) => toHalfWidth(String(v ?? '')).replace(/\s+/g, '');
  const codes = parsed.rows.map((r) => codeOf(r.values.itemCode));
  const existing = codes.length
    ? await tx
        .select()
        .from(enforcementItems)
        .where(and(eq(enforcementItems.orgCode, orgCode), inArray(enforcementItems.itemCode, codes)))
    : [];
  const latest = new Map<string, (typeof existing)[number]>();
  for (const e of existing) {
    const cur = latest.get(e.itemCode);
    if (!cur || cur.version < e.version) latest.set(e.itemCode, e);
  }
  interface Ready {
    row: number;
    code: string;
    v: Record<string, unknown>;
    discretion: { circumstance: string; range: string }[];
    effectiveFrom: string;
  }
  const ready: Ready[] = [];
  const seen = new Map<string, number>();
  for (const r of parsed.rows) {
    const v = r.values;
    const err = (key: string, message: string) => errors.push({ row: r.row, column: header(key), message });
    const code = codeOf(v.itemCode);
    const first = seen.get(code);
    if (first !== undefined) err('itemCode', `事项编码「${code}」与第${first}行重复`);
    else seen.set(code, r.row);
    const d = parseDiscretion(v.discretion as string | null);
    if ('error' in d) err('discretion', d.error);
    let effectiveFrom = v.effectiveFrom as string | null;
    if (!effectiveFrom) {
      effectiveFrom = today;
      warnings.push({
        row: r.row,
        column: header('effectiveFrom'),
        message: `未填写生效日期,按 ${today} 记录`,
      });
    }
    const old = latest.get(code);
    if (old && 'value' in d && first === undefined) {
      const changed =
        old.name !== v.name ||
        old.itemType !== v.itemType ||
        old.legalBasis !== v.legalBasis ||
        (old.office ?? null) !== ((v.office as string | null) ?? null) ||
        old.delegated !== ((v.delegated as boolean | null) ?? false) ||
        old.listKind !== ((v.listKind as string | null) ?? old.listKind) ||
        !SAME(old.discretion, d.value);
      if (!changed) {
        warnings.push({
          row: r.row,
          column: header('itemCode'),
          message: `事项「${code}」与现行版本相同,未导入`,
        });
        continue;
      }
      if (old.effectiveTo && old.effectiveTo < effectiveFrom) {
        err('itemCode', `事项「${code}」已于 ${old.effectiveTo} 废止,不能再导入新版本`);
      } else if (effectiveFrom <= old.effectiveFrom) {
        err(
          'effectiveFrom',
          `事项「${code}」已有第${old.version}版(${old.effectiveFrom} 起施行),内容有变化的新版本生效日期应晚于该日期`,
        );
      }
    }
    if ('value' in d) ready.push({ row: r.row, code, v, discretion: d.value, effectiveFrom });
  }
  emptyFile(parsed, errors);
  if (errors.length) return { imported: 0, errors, warnings };

  let imported = 0;
  for (const r of ready) {
    const v = r.v;
    const old = latest.get(r.code);
    const fields = {
      listKind: ((v.listKind as string | null) ??
        old?.listKind ??
        '行政执法权责事项') as (typeof LIST_KINDS)[number],
      name: String(v.name),
      itemType: v.itemType as (typeof ITEM_TYPES)[number],
      legalBasis: String(v.legalBasis),
      office: (v.office as string | null) ?? null,
      delegated: (v.delegated as boolean | null) ?? false,
      discretion: r.discretion,
      effectiveFrom: r.effectiveFrom,
    };
    const row = old
      ? await reviseItem(tx, old.id, fields, actor)
      : await createItem(tx, { orgCode, itemCode: r.code, ...fields }, actor);
    await appendAudit(tx, {
      actor,
      orgCode,
      action: 'enforcement.item.import',
      entity: 'enforcement.item',
      entityId: row.id,
      after: { sourceRow: r.row, version: row.version },
    });
    imported++;
  }
  return { imported, errors: [], warnings };
}

/** 执法人员名册 .xlsx into `orgCode`: all rows or none; 执法证号 unique in the file and the system. */
export async function importOfficers(
  tx: Tx,
  data: Buffer,
  orgCode: string,
  actor: Actor,
  today = todayCal(),
): Promise<ImportOutcome> {
  await assertOrg(tx, orgCode);
  const parsed = await parseLedger(OFFICER_MODEL, data, { today });
  const errors: RowError[] = [...parsed.errors];
  const warnings: RowError[] = [];
  const header = headerOf(OFFICER_MODEL, parsed);
  const certNos = parsed.rows.map((r) => r.values.certNo as string | null).filter((c): c is string => !!c);
  const taken = new Set(
    certNos.length
      ? (
          await tx
            .select({ certNo: enforcementOfficers.certNo })
            .from(enforcementOfficers)
            .where(and(isNotNull(enforcementOfficers.certNo), inArray(enforcementOfficers.certNo, certNos)))
        ).map((x) => x.certNo)
      : [],
  );
  const seen = new Map<string, number>();
  for (const r of parsed.rows) {
    const v = r.values;
    const err = (key: string, message: string) => errors.push({ row: r.row, column: header(key), message });
    const certNo = v.certNo as string | null;
    if (certNo) {
      const first = seen.get(certNo);
      if (first !== undefined) err('certNo', `执法证号「${certNo}」与第${first}行重复`);
      else seen.set(certNo, r.row);
      if (taken.has(certNo)) err('certNo', `执法证号「${certNo}」已被登记,同一证号不能重复登记`);
    } else if (v.validFrom || v.validTo) {
      err('certNo', '填写了有效期但未填写执法证号');
    }
    if (v.validFrom && v.validTo && (v.validTo as string) < (v.validFrom as string))
      err('validTo', '有效期至不能早于有效期起');
    if (certNo && !v.validTo)
      warnings.push({ row: r.row, column: header('validTo'), message: '未填写有效期至,无法提醒换证' });
  }
  emptyFile(parsed, errors);
  if (errors.length) return { imported: 0, errors, warnings };
  let imported = 0;
  for (const r of parsed.rows) {
    const v = r.values;
    const [row] = await tx
      .insert(enforcementOfficers)
      .values({
        orgCode,
        name: String(v.name),
        idCard: (v.idCard as string | null) ?? null,
        phone: (v.phone as string | null) ?? null,
        certNo: (v.certNo as string | null) ?? null,
        issuer: (v.issuer as string | null) ?? null,
        areas: (v.areas as string | null) ?? null,
        validFrom: (v.validFrom as string | null) ?? null,
        validTo: (v.validTo as string | null) ?? null,
        status: (v.status as string | null) ?? '有效',
      })
      .returning();
    await appendAudit(tx, {
      actor,
      orgCode,
      action: 'enforcement.officer.import',
      entity: 'enforcement.officer',
      entityId: row!.id,
      after: {
        ...row,
        idCard: row!.idCard ? maskIdCard(row!.idCard) : null,
        phone: row!.phone ? '***' : null,
        sourceRow: r.row,
      },
    });
    await syncCertDeadline(tx, row!, actor, today);
    imported++;
  }
  return { imported, errors: [], warnings };
}

/** 检查对象名录库 .xlsx into `orgCode`: all rows or none; a 统一社会信用代码 once in the subtree. */
export async function importTargets(
  tx: Tx,
  data: Buffer,
  orgCode: string,
  actor: Actor,
  today = todayCal(),
): Promise<ImportOutcome> {
  await assertOrg(tx, orgCode);
  const parsed = await parseLedger(TARGET_MODEL, data, { today });
  const errors: RowError[] = [...parsed.errors];
  const warnings: RowError[] = [];
  const header = headerOf(TARGET_MODEL, parsed);
  const codes = parsed.rows
    .map((r) => (r.values.uscc ? normalizeUscc(String(r.values.uscc)) : null))
    .filter((c): c is string => !!c);
  const taken = new Set(
    codes.length
      ? (
          await tx
            .select({ uscc: enforcementTargets.uscc })
            .from(enforcementTargets)
            .where(
              and(inSubtree(enforcementTargets.orgCode, orgCode), inArray(enforcementTargets.uscc, codes)),
            )
        ).map((x) => x.uscc)
      : [],
  );
  const seen = new Map<string, number>();
  for (const r of parsed.rows) {
    const err = (key: string, message: string) => errors.push({ row: r.row, column: header(key), message });
    const raw = r.values.uscc as string | null;
    if (!raw) continue;
    const problem = usccProblem(raw);
    if (problem) {
      err('uscc', problem);
      continue;
    }
    const uscc = normalizeUscc(raw);
    const first = seen.get(uscc);
    if (first !== undefined) err('uscc', `统一社会信用代码与第${first}行重复`);
    else seen.set(uscc, r.row);
    if (taken.has(uscc)) err('uscc', `统一社会信用代码「${uscc}」已在名录库中`);
  }
  emptyFile(parsed, errors);
  if (errors.length) return { imported: 0, errors, warnings };
  const values = parsed.rows.map((r) => ({
    orgCode,
    name: String(r.values.name),
    uscc: r.values.uscc ? normalizeUscc(String(r.values.uscc)) : null,
    kind: ((r.values.kind as string | null) ?? '企业') as (typeof TARGET_KINDS)[number],
    industry: (r.values.industry as string | null) ?? null,
    address: (r.values.address as string | null) ?? null,
  }));
  const inserted: { id: number }[] = [];
  for (let i = 0; i < values.length; i += 500)
    inserted.push(
      ...(await tx
        .insert(enforcementTargets)
        .values(values.slice(i, i + 500))
        .returning({ id: enforcementTargets.id })),
    );
  await appendAudit(
    tx,
    inserted.map((t, i) => ({
      actor,
      orgCode,
      action: 'enforcement.target.import',
      entity: 'enforcement.target',
      entityId: t.id,
      after: { ...values[i], sourceRow: parsed.rows[i]!.row },
    })),
  );
  return { imported: inserted.length, errors: [], warnings };
}
