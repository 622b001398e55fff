import { sql } from 'drizzle-orm';
import { rows, type Tx } from './db/client.js';

/** The next number in a named sequence (e.g. `disputes:510626100:2024`), gap-free within committed transactions. */
export async function nextNumber(tx: Tx, key: string): Promise<number> {
  const [row] = await rows<{ value: number }>(
    tx,
    sql`INSERT INTO kernel_sequence (key, value) VALUES (${key}, 1)
        ON CONFLICT (key) DO UPDATE SET value = kernel_sequence.value + 1 RETURNING value`,
  );
  return Number(row!.value);
}

/** Reserve `n` numbers at once (bulk import); returns the first. */
export async function reserveNumbers(tx: Tx, key: string, n: number): Promise<number> {
  const [row] = await rows<{ value: number }>(
    tx,
    sql`INSERT INTO kernel_sequence (key, value) VALUES (${key}, ${n})
        ON CONFLICT (key) DO UPDATE SET value = kernel_sequence.value + ${n} RETURNING value`,
  );
  return Number(row!.value) - n + 1;
}
