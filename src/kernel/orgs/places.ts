import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { orgs } from '../db/schema.js';
import { inSubtree } from '../scope.js';

/** Village names as ledgers write them: 青石村, 青石村委会, 青石村民委员会, 青石社区居委会 → one key. */
export function placeKey(name: string): string {
  return name
    .replace(/\s/g, '')
    .replace(/(村民委员会|居民委员会|村委会|居委会|委员会)$/, '')
    .replace(/(村|社区|街道|镇|乡)$/, '');
}

/**
 * Resolves the place a ledger row names (a 12-digit code, a full name, or a short name) to an org
 * in `root`'s subtree: township, village or grid.
 */
export async function placeResolver(
  tx: Tx,
  root: string,
): Promise<(text: string) => { code: string } | { error: string }> {
  const list = await tx
    .select({ code: orgs.code, name: orgs.name, level: orgs.level })
    .from(orgs)
    .where(inSubtree(orgs.code, root));
  const [top] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.code, root));
  const index = new Map<string, Set<string>>();
  const add = (k: string, code: string) => {
    if (k) index.set(k, (index.get(k) ?? new Set()).add(code));
  };
  for (const o of list) {
    if (!['township', 'village', 'grid'].includes(o.level)) continue;
    add(o.code, o.code);
    add(o.name.replace(/\s/g, ''), o.code);
    if (o.level !== 'grid') add(placeKey(o.name), o.code);
  }
  return (text) => {
    const t = text.replace(/\s/g, '');
    const found = index.get(t) ?? index.get(placeKey(t));
    if (found?.size === 1) return { code: [...found][0]! };
    if (found && found.size > 1) return { error: `「${text}」对应多个村(社区),请填写12位区划代码` };
    return { error: `在${top?.name ?? root}下找不到村(社区)「${text}」` };
  };
}
