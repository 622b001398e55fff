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
 * Which ledger figure a claim speaks of, read from its words: the topic (纠纷, 信访) and the verb
 * (排查, 受理, 化解) or the unit (批, 人次). Null when the claim names nothing we keep.
 */
export function indicatorFor(claim: Claim): string | null {
  const t = claim.text;
  const disputes = /纠纷|调解|调处/.test(t);
  const petitions = /信访|来信|来访|接访/.test(t);
  if (claim.kind === 'rate') {
    if (claim.metric === '化解率' && disputes && !petitions) return 'disputes.resolutionRate';
    if (claim.metric === '化解率' && petitions && !disputes) return 'petitions.resolutionRate';
    return null;
  }
  if (claim.approximate || claim.stated === null || claim.metric === '合计') return null;
  if (petitions && !disputes) {
    if (claim.unit === '批') return 'petitions.batches';
    if (claim.unit === '人次') return 'petitions.persons';
    if (/件/.test(claim.unit ?? '') && /受理|登记|收到|接收|共/.test(t)) return 'petitions.count';
    return null;
  }
  if (disputes && !petitions && /^(件|起|宗)$/.test(claim.unit ?? '')) {
    // The figure next to the verb: "排查矛盾纠纷546件" vs "调处化解545件".
    const before = t.slice(0, Math.max(0, t.lastIndexOf(String(claim.stated))));
    const verb = before.match(/(排查|受理|化解|调处|调解成功|成功调解|办结)[^,,。;;]*$/)?.[1];
    if (verb === '排查') return 'disputes.screened';
    if (verb === '受理') return 'disputes.accepted';
    if (verb && /化解|调处|调解成功|成功调解/.test(verb)) return 'disputes.resolved';
  }
  return null;
}

/** Compare the claims that name a ledger figure with the figure the ledgers give for the same org and year. */
export function compareWithLedger(claims: readonly Claim[], figures: readonly Figure[]): LedgerComparison[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const out: LedgerComparison[] = [];
  for (const c of claims) {
    const id = indicatorFor(c);
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
