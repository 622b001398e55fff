import { inArray } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Tx } from '../../kernel/db/client.js';
import { levelOf, parentOf } from '../../kernel/orgs/codes.js';
import { DEFAULT_SETTINGS, type EnforcementSettings } from './rules.js';
import { enforcementSettings } from './schema.js';

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

/** Keep only the known keys with finite, non-negative numbers. */
export function cleanSettings(raw: Record<string, unknown>): Partial<EnforcementSettings> {
  const out: Partial<EnforcementSettings> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof EnforcementSettings)[]) {
    const v = raw[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = v;
  }
  return out;
}

/** DEFAULT_SETTINGS overlaid by the enforcement_setting rows of the org's ancestors, nearest last. */
export async function effectiveSettings(tx: Tx, orgCode: string): Promise<EnforcementSettings> {
  const cache = tx instanceof PgTransaction ? cached(tx) : null;
  const hit = cache?.get(orgCode);
  if (hit) return hit;
  const s = await readSettings(tx, orgCode);
  cache?.set(orgCode, s);
  return s;
}

/** Settings read once per transaction and org: they change only through saveSettings, which clears this. */
const perTransaction = new WeakMap<object, Map<string, EnforcementSettings>>();
function cached(tx: object): Map<string, EnforcementSettings> {
  let m = perTransaction.get(tx);
  if (!m) {
    m = new Map();
    perTransaction.set(tx, m);
  }
  return m;
}
export function forgetSettings(tx: object): void {
  perTransaction.delete(tx);
}

async function readSettings(tx: Tx, orgCode: string): Promise<EnforcementSettings> {
  const chain = selfAndAncestors(orgCode);
  if (chain.length === 0) return { ...DEFAULT_SETTINGS };
  const found = await tx
    .select({ orgCode: enforcementSettings.orgCode, settings: enforcementSettings.settings })
    .from(enforcementSettings)
    .where(inArray(enforcementSettings.orgCode, chain));
  const byOrg = new Map(found.map((r) => [r.orgCode, r.settings]));
  let s: EnforcementSettings = { ...DEFAULT_SETTINGS };
  for (const code of [...chain].reverse()) {
    const row = byOrg.get(code);
    if (row) s = { ...s, ...cleanSettings(row) };
  }
  return s;
}
