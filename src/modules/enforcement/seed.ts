import type { Tx } from '../../kernel/db/client.js';

// PLACEHOLDER (helper D replaces this file)
export async function seedEnforcement(_tx: Tx, _opts: { seed: number; countyCode: string }): Promise<void> {}
