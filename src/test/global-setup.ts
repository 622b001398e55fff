import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../kernel/db/client.js';
import { adminUrl, isStaleTestDb, TEMPLATE_DB } from './pg-urls.js';

/**
 * Migrate once per run. PGlite: dump the migrated data dir, each test file loads its own copy.
 * PostgreSQL: a migrated template database, each test file gets `CREATE DATABASE … TEMPLATE`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = project.config.env?.FAZHI_TEST_DB ?? 'pglite';
  if (kind === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('FAZHI_TEST_DB=postgres needs DATABASE_URL');
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    // Leftovers of interrupted runs, never those of a run still going (see isStaleTestDb).
    const old = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'fazhi%'`);
    for (const r of old.rows) {
      if (isStaleTestDb(r.datname)) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
    const database = await openDatabase({ databaseUrl: withDb(url, TEMPLATE_DB), poolSize: 1 });
    await database.migrate();
    await database.close();
    project.provide('pgTemplate', TEMPLATE_DB);
    return async () => {
      // Every database of this run: the template and each test file's copy (named after it).
      const own = await admin.query('SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2', [
        TEMPLATE_DB,
        `fazhi_t_${TEMPLATE_DB.slice('fazhi_tpl_'.length)}_%`,
      ]);
      for (const r of own.rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-test-')), 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  return async () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

export function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
  }
}
