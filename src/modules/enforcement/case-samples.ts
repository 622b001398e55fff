import type { Actor } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';

// PLACEHOLDER (helper A replaces this file)
export async function caseSamples(_tx: Tx, _org: string, _actor: Actor): Promise<Record<string, number>> {
  return {};
}
