import type { ClaimMatcher } from '../../kernel/module.js';
import type { Figure } from '../indicators.js';
import type { Claim } from './types.js';

export interface LedgerComparison {
  text: string;
  offset?: number;
  indicator: string;
  name: string;
  stated: number;
  ledger: number | null;
  consistent: boolean;
  note: string;
}

/**
 * Which ledger figure a claim speaks of, from the modules' own matchers: the sentence's topic must be
 * one module's alone (a sentence on both 纠纷 and 信访 is left alone), then the metric, verb or unit decides.
 */
export function indicatorFor(claim: Claim, matchers: readonly ClaimMatcher[]): string | null {
  if (claim.stated === null || (claim.kind === 'count' && (claim.approximate || claim.metric === '合计')))
    return null;
  const topical = matchers.filter((m) => m.topic.test(claim.text));
  if (new Set(topical.map((m) => m.indicator.split('.')[0])).size !== 1) return null;
  const at = claim.kind === 'count' ? claim.text.lastIndexOf(String(claim.stated)) : -1;
  // The clause before the number holds its verb: "全年共排查矛盾纠纷1373起" → 排查.
  const verb =
    at > 0
      ? (claim.text
          .slice(0, at)
          .split(/[,，。;；]/)
          .pop() ?? '')
      : '';
  const after =
    at >= 0 ? claim.text.slice(at + String(claim.stated).length, at + String(claim.stated).length + 3) : '';
  const found = topical.find((m) => {
    if (m.kind !== claim.kind) return false;
    if (m.kind === 'rate') return m.metric === claim.metric;
    if (m.unit && !m.unit.test(claim.unit ?? after)) return false;
    if (m.verb && !m.verb.test(verb)) return false;
    return true;
  });
  return found?.indicator ?? null;
}

/** Compare the claims that name a ledger figure with the figure the ledgers give for the same org and year. */
export function compareWithLedger(
  claims: readonly Claim[],
  figures: readonly Figure[],
  matchers: readonly ClaimMatcher[],
): LedgerComparison[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const out: LedgerComparison[] = [];
  for (const c of claims) {
    const id = indicatorFor(c, matchers);
    const f = id ? byId.get(id) : undefined;
    if (!f || c.stated === null) continue;
    const ledger = f.value;
    const consistent =
      ledger !== null && (f.unit === '%' ? Math.abs(ledger - c.stated) < 0.05 : ledger === c.stated);
    out.push({
      text: c.text,
      offset: c.offset,
      indicator: f.id,
      name: f.name,
      stated: c.stated,
      ledger,
      consistent,
      note: consistent
        ? `与台账一致(${f.name} ${ledger}${f.unit})`
        : `报告写${c.stated}${f.unit},台账为${ledger ?? '无数据'}${ledger === null ? '' : f.unit}`,
    });
  }
  return out;
}
