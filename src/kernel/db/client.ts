import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from '../../db-schema.js';
import { acquireDataDirLock, type DataDirLock } from './lock.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../db/migrations',
);

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  migrate(): Promise<void>;
  /** The embedded engine, for dumps in tests; undefined on a server. */
  pglite?: PGlite;
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string; // PGlite data directory; 'memory://' for a throw-away database
  pgliteDump?: Blob | File; // start from a dumped data dir (tests)
  lockHolder?: { role: string; port?: number };
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // JIT compiles each ledger query anew (~300 ms measured in bench/disputes.ts) and never pays back here.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      options: '-c jit=off',
    });
    pool.on('error', () => {}); // idle client errors surface on the next query instead of crashing
    // Dates of legal effect stay strings; timestamps are parsed by drizzle.
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      close: () => pool.end(),
      migrate: async () => {
        const client = await pool.connect();
        try {
          // Several app servers may start together: one migrates, the others wait.
          await client.query('SELECT pg_advisory_lock(7301001)');
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await client.query('SELECT pg_advisory_unlock(7301001)').catch(() => {});
          client.release();
        }
      },
    };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  let lock: DataDirLock | undefined;
  if (!dataDir.startsWith('memory://')) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir, opts.lockHolder ?? { role: 'cli' });
  }
  try {
    const pgDir = dataDir.startsWith('memory://') ? dataDir : path.join(dataDir, 'pgdata');
    const client = await PGlite.create(pgDir, opts.pgliteDump ? { loadDataDir: opts.pgliteDump } : {});
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite: client,
      close: async () => {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
      migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR }),
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/** Rows of a raw query, the same on both drivers. */
export async function rows<T>(db: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
