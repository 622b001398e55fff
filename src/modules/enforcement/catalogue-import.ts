import type { Actor } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';
import type { ImportOutcome } from '../../kernel/module.js';

// PLACEHOLDER (helper B replaces this file)
export async function importItems(
  _tx: Tx,
  _data: Buffer,
  _org: string,
  _actor: Actor,
): Promise<ImportOutcome> {
  return { imported: 0, errors: [{ row: 0, column: '', message: '未实现' }], warnings: [] };
}
