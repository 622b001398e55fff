// Kernel benchmark at county scale: subtree-scoped deadline queries, the org tree, audit appends.
// Prints one JSON line. `npm run bench` (PGlite); with DATABASE_URL set, on that PostgreSQL server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../src/kernel/audit.js';
import { type Database, openDatabase } from '../src/kernel/db/client.js';
import { countDeadlines, listDeadlines } from '../src/kernel/deadlines.js';
import { buildDemoOrgs } from '../src/kernel/demo/seed.js';
import { createOrgs, orgTree } from '../src/kernel/orgs/service.js';
import { inSubtree } from '../src/kernel/scope.js';
import { withDb } from '../src/test/global-setup.js';
import { adminUrl } from '../src/test/pg-urls.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, iterations: { type: 'string', default: '200' } },
});
const ROWS = Number(values.rows);
const ITER = Number(values.iterations);
const AS_OF = '2025-06-30';

async function open(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS fazhi_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE fazhi_bench');
    const database = await openDatabase({ databaseUrl: withDb(url, 'fazhi_bench'), poolSize: 2 });
    return {
      database,
      cleanup: async () => {
        await database.close();
        await admin.query('DROP DATABASE IF EXISTS fazhi_bench WITH (FORCE)');
        await admin.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  const database = await openDatabase({ dataDir: dir, lockHolder: { role: 'bench' } });
  return {
    database,
    cleanup: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function measure(fn: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(20, ITER); i++) await fn(); // warm-up
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < ITER; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  const q = (p: number) =>
    Number(times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3));
  return { ops_s: Number(((ITER / total) * 1000).toFixed(1)), p50_ms: q(0.5), p99_ms: q(0.99) };
}

const { database, cleanup } = await open();
try {
  const db = database.db;
  await database.migrate();
  const { list, shape } = buildDemoOrgs(2024);
  await db.transaction((tx) => createOrgs(tx, list));
  const villages = shape.townships.flatMap((t) => t.villages);
  const loadStart = performance.now();
  // Generated in the database: one year of open and closed steps spread over every village.
  await db.execute(sql`
    INSERT INTO kernel_deadline (org_code, module, entity, entity_id, step, title, rule, starts_on, due_on, status, done_on)
    SELECT v.codes[1 + (g % array_length(v.codes, 1))], 'bench', 'case', g::text, 'handle', '办结',
           '{"kind":"CAL_DAYS","n":60}'::jsonb,
           date '2024-07-01' + (g % 365), date '2024-07-01' + (g % 365) + 60,
           CASE WHEN g % 4 = 0 THEN 'open' ELSE 'done' END,
           CASE WHEN g % 4 = 0 THEN NULL ELSE date '2024-07-01' + (g % 365) + (g % 70) END
    FROM generate_series(1, ${ROWS}) AS g,
         (SELECT ${sql.raw(`ARRAY[${villages.map((v) => `'${v}'`).join(',')}]::text[]`)} AS codes) AS v`);
  await db.execute(sql`ANALYZE kernel_deadline`);
  const loadMs = performance.now() - loadStart;

  const township = shape.townships[3]!.code;
  const county = shape.county;
  const prefix = township.slice(0, 9);
  let seq = 0;
  const results = {
    count_township: await measure(() => countDeadlines(db, township, AS_OF)),
    count_county: await measure(() => countDeadlines(db, county, AS_OF)),
    // One overdue count written both ways: our range predicate (inSubtree) and LIKE 'prefix%'.
    overdue_township_range: await measure(() =>
      db.execute(
        sql`SELECT count(*) FROM kernel_deadline WHERE status = 'open' AND ${inSubtree(sql.raw('org_code'), township)} AND due_on < ${AS_OF}`,
      ),
    ),
    overdue_township_like: await measure(() =>
      db.execute(
        sql`SELECT count(*) FROM kernel_deadline WHERE status = 'open' AND org_code LIKE ${`${prefix}%`} AND due_on < ${AS_OF}`,
      ),
    ),
    overdue_list_township: await measure(() => listDeadlines(db, township, 'overdue', AS_OF, 50)),
    org_tree_county: await measure(() => orgTree(db, county)),
    audit_append: await measure(() =>
      db.transaction((tx) =>
        appendAudit(tx, {
          actor: { id: 1, name: 'bench' },
          orgCode: township,
          action: 'bench',
          entity: 'x',
          entityId: ++seq,
        }),
      ),
    ),
  };
  const plan = (await db.execute(
    sql`EXPLAIN SELECT count(*) FROM kernel_deadline WHERE status = 'open' AND ${inSubtree(sql.raw('org_code'), township)} AND due_on < ${AS_OF}`,
  )) as unknown as { rows: Record<string, string>[] };
  console.log(
    JSON.stringify({
      bench: 'kernel',
      db: database.kind,
      rows: ROWS,
      orgs: list.length,
      iterations: ITER,
      load_ms: Math.round(loadMs),
      ...results,
      range_vs_like_p50: Number(
        (results.overdue_township_range.p50_ms / results.overdue_township_like.p50_ms).toFixed(3),
      ),
      overdue_township_plan: plan.rows.map((r) => Object.values(r)[0]!.trim()).join(' | '),
    }),
  );
} finally {
  await cleanup();
}
