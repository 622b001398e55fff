import type { Actor } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';

// PLACEHOLDER (helper B replaces this file)
export async function registrySamples(_tx: Tx, _org: string, _actor: Actor): Promise<Record<string, number>> {
  return {};
}
