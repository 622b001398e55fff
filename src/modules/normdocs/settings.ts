import { inArray } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import { appendAudit } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';
import { AppError } from '../../kernel/errors.js';
import { levelOf, parentOf } from '../../kernel/orgs/codes.js';
import { DEFAULT_SETTINGS, type NormdocsSettings } from './rules.js';
import { normdocsSettings } from './schema.js';

/** The org itself and its ancestors, nearest first. */
export function selfAndAncestors(orgCode: string): string[] {
  const chain: string[] = [];
  let code: string | null = levelOf(orgCode) ? orgCode : null;
  while (code) {
    chain.push(code);
    code = parentOf(code);
  }
  return chain;
}

const NUMERIC: readonly (keyof NormdocsSettings)[] = [
  'reviewWorkdays',
  'filingDays',
  'effectiveAfterDays',
  'validityYears',
  'temporaryValidityYears',
  'reminderMonths',
];

/** Keep only the known keys: non-negative integers, and a number format holding {n}. */
export function cleanSettings(raw: Record<string, unknown>): Partial<NormdocsSettings> {
  const out: Record<string, unknown> = {};
  for (const key of NUMERIC) {
    const v = raw[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3650) out[key] = v;
  }
  const f = raw.numberFormat;
  if (typeof f === 'string' && f.includes('{n}') && f.length <= 100) out.numberFormat = f;
  return out as Partial<NormdocsSettings>;
}

/** DEFAULT_SETTINGS overlaid by the normdocs_setting rows of the org's ancestors, nearest last. */
export async function effectiveSettings(tx: Tx, orgCode: string): Promise<NormdocsSettings> {
  const chain = selfAndAncestors(orgCode);
  if (chain.length === 0) return { ...DEFAULT_SETTINGS };
  const found = await tx
    .select({ orgCode: normdocsSettings.orgCode, settings: normdocsSettings.settings })
    .from(normdocsSettings)
    .where(inArray(normdocsSettings.orgCode, chain));
  const byOrg = new Map(found.map((r) => [r.orgCode, r.settings]));
  let s: NormdocsSettings = { ...DEFAULT_SETTINGS };
  for (const code of [...chain].reverse()) {
    const row = byOrg.get(code);
    if (row) s = { ...s, ...cleanSettings(row) };
  }
  return s;
}

/** Save an org's own overrides (a region's rules); audited. */
export async function saveSettings(
  tx: Tx,
  orgCode: string,
  raw: Record<string, unknown>,
  actor: Actor,
): Promise<NormdocsSettings> {
  const clean = cleanSettings(raw);
  for (const key of Object.keys(raw)) {
    if (!(key in clean)) {
      throw new AppError(
        'VALIDATION_FAILED',
        key === 'numberFormat'
          ? '编号格式须包含序号占位符 {n}'
          : `设置项「${key}」无效:应为已知设置项,取值为0至3650的整数`,
      );
    }
  }
  if (clean.reviewWorkdays !== undefined && clean.reviewWorkdays < 1) {
    throw new AppError('VALIDATION_FAILED', '合法性审核期限至少1个工作日');
  }
  await tx
    .insert(normdocsSettings)
    .values({ orgCode, settings: clean, updatedBy: actor.id })
    .onConflictDoUpdate({
      target: normdocsSettings.orgCode,
      set: { settings: clean, updatedBy: actor.id, updatedAt: new Date() },
    });
  await appendAudit(tx, {
    actor,
    orgCode,
    action: 'normdocs.settings',
    entity: 'normdocs.setting',
    entityId: orgCode,
    after: clean,
  });
  return effectiveSettings(tx, orgCode);
}
