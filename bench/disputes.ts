// Disputes (矛盾纠纷) at county scale: the ledger list and the module's indicators over 10^6 cases.
// Prints one JSON line. `node --import tsx bench/disputes.ts [--rows 1000000] [--iterations N]` (PGlite);
// with DATABASE_URL set, on that PostgreSQL server (database fazhi_bench_disputes, dropped afterwards).
//
// Data: the demo county (buildDemoOrgs(2024)), cases spread over its villages, received 2023-01-01..2024-12-31,
// statuses weighted like ../shared/bench-peer (受理 10 → registered 5 + accepted 5, 调解中 15, 已化解 60,
// 未化解 15), 1–2 parties each, and the mediation deadline (kernel_deadline, step 'mediate') of every accepted
// case, so the on-time indicator joins real rows. Generated in SQL (INSERT … SELECT generate_series).
//
// Each operation is measured as-is, then again under each `variant` (an index created in the bench database, or
// the same captured statement with one predicate added) so a proposed schema/query change has figures beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, openDatabase, rows } from '../src/kernel/db/client.js';
import { buildDemoOrgs } from '../src/kernel/demo/seed.js';
import type { IndicatorParams } from '../src/kernel/module.js';
import { createOrgs } from '../src/kernel/orgs/service.js';
import { inSubtree } from '../src/kernel/scope.js';
import { disputeIndicators } from '../src/modules/disputes/indicators.js';
import { disputesModule } from '../src/modules/disputes/manifest.js';
import { type CATEGORIES, SOURCES } from '../src/modules/disputes/model.js';
import { listDisputes } from '../src/modules/disputes/service.js';
import { computeFigures, percent } from '../src/reporting/indicators.js';
import { withDb } from '../src/test/global-setup.js';
import { adminUrl } from '../src/test/pg-urls.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    iterations: { type: 'string', default: '100' },
    // Each measurement stops after this many seconds (at least 5 timed calls), so slow queries stay bounded.
    'max-seconds': { type: 'string', default: '20' },
    variants: { type: 'string', default: '1' },
    // PostgreSQL only: leave fazhi_bench_disputes in place afterwards (to read plans by hand).
    keep: { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const ITER = Number(values.iterations);
const MAX_MS = Number(values['max-seconds']) * 1000;
const VARIANTS = values.variants !== '0';
/** "Today" for the data: the last day of the generated period, so the 90-day warning window holds real rows. */
const AS_OF = '2024-12-31';
const DB_NAME = 'fazhi_bench_disputes';

async function open(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
    const database = await openDatabase({ databaseUrl: withDb(url, DB_NAME), poolSize: 2 });
    return {
      database,
      cleanup: async () => {
        await database.close();
        if (!values.keep) await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-disputes-'));
  const database = await openDatabase({ dataDir: dir, lockHolder: { role: 'bench' } });
  return {
    database,
    cleanup: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Timing {
  n: number;
  ops_s: number;
  p50_ms: number;
  p99_ms: number;
}

async function measure(fn: () => Promise<unknown>): Promise<Timing> {
  const warmStart = performance.now();
  for (let i = 0; i < Math.min(10, ITER) && performance.now() - warmStart < MAX_MS / 4; i++) await fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < ITER && (times.length < 5 || performance.now() - start < MAX_MS)) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  const q = (p: number) =>
    Number(times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3));
  return {
    n: times.length,
    ops_s: Number(((times.length / total) * 1000).toFixed(1)),
    p50_ms: q(0.5),
    p99_ms: q(0.99),
  };
}

// ---- statement capture: the SQL the services really send, for EXPLAIN ------------------------------------------
interface Captured {
  text: string;
  params: unknown[];
}
type QueryFn = (q: unknown, params?: unknown[], ...rest: unknown[]) => Promise<unknown>;

function clientOf(database: Database): { query: QueryFn } {
  return (database.db as unknown as { $client: { query: QueryFn } }).$client;
}

async function capture(database: Database, fn: () => Promise<unknown>): Promise<Captured[]> {
  const client = clientOf(database);
  const original = client.query;
  const seen: Captured[] = [];
  client.query = function (this: unknown, q: unknown, params?: unknown[], ...rest: unknown[]) {
    const text = typeof q === 'string' ? q : (q as { text: string }).text;
    seen.push({ text, params: params ?? [] });
    return original.call(this, q, params, ...rest);
  } as QueryFn;
  try {
    await fn();
  } finally {
    client.query = original;
  }
  return seen;
}

async function raw(
  database: Database,
  text: string,
  params: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const res = (await clientOf(database).query(text, params)) as { rows: Record<string, unknown>[] };
  return res.rows;
}

interface PlanSummary {
  statement: string;
  first_line: string;
  indexes: string[];
  seq_scans: string[];
  rows_removed_by_filter?: number;
  execution_ms?: number;
  jit_ms?: number;
}

/** EXPLAIN (ANALYZE) of a captured statement, summarised: first plan line, indexes used, seq scans. */
async function explain(database: Database, c: Captured, label: string, analyze = true): Promise<PlanSummary> {
  const out = await raw(database, `EXPLAIN ${analyze ? '(ANALYZE, BUFFERS OFF) ' : ''}${c.text}`, c.params);
  const lines = out.map((r) => String(Object.values(r)[0]));
  const joined = lines.join('\n');
  const uniq = (re: RegExp) => [...new Set([...joined.matchAll(re)].map((m) => m[1]!))];
  const removed = [...joined.matchAll(/Rows Removed by (?:Index )?Filter: (\d+)/g)].reduce(
    (n, m) => n + Number(m[1]),
    0,
  );
  const exec = /Execution Time: ([\d.]+) ms/.exec(joined);
  const jit = /Timing: .*Total ([\d.]+) ms/.exec(joined);
  return {
    statement: label,
    first_line: lines[0]!.trim().replace(/\s+\(cost=.*$/, ''),
    indexes: uniq(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) "?([\w]+)"?/g),
    seq_scans: uniq(/Seq Scan on "?([\w]+)"?/g),
    ...(analyze ? { rows_removed_by_filter: removed } : {}),
    ...(exec ? { execution_ms: Number(exec[1]) } : {}),
    ...(jit ? { jit_ms: Number(jit[1]) } : {}),
  };
}

/** Full EXPLAIN ANALYZE text, for the report when a plan needs reading (stderr only). */
async function explainText(database: Database, c: Captured): Promise<string> {
  const out = await raw(database, `EXPLAIN (ANALYZE) ${c.text}`, c.params);
  return out.map((r) => String(Object.values(r)[0])).join('\n');
}

// ---- data ------------------------------------------------------------------------------------------------------
const arr = (xs: readonly string[]) =>
  `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`;

/** 100 buckets → category, weighted roughly like the peer's 12 categories mapped onto ours. */
function categoryBuckets(): string[] {
  const w: Record<(typeof CATEGORIES)[number], number> = {
    婚姻家庭: 13,
    邻里: 17,
    房屋宅基地: 9,
    山林土地: 10,
    征地拆迁: 6,
    劳动争议: 14,
    合同: 6,
    损害赔偿: 4,
    道路交通: 7,
    医疗: 4,
    物业: 6,
    环境污染: 2,
    其他: 2,
  };
  return Object.entries(w).flatMap(([k, n]) => Array.from({ length: n }, () => k));
}

const LOADED_TABLES = ['disputes_case', 'disputes_party', 'kernel_deadline'];

async function load(database: Database, villages: string[]): Promise<Record<string, number>> {
  const t0 = performance.now();
  // Bulk-load practice: secondary indexes dropped and rebuilt afterwards (the same definitions, read back from
  // pg_indexes), and the party → case foreign key not checked row by row (the rows are consistent by construction).
  const secondary = await rows<{ indexname: string; indexdef: string }>(
    database.db,
    sql`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
        AND tablename IN (${sql.join(
          LOADED_TABLES.map((t) => sql`${t}`),
          sql`, `,
        )}) AND indexname NOT LIKE '%pkey' ORDER BY indexname`,
  );
  const times = await database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    for (const i of secondary) await tx.execute(sql.raw(`DROP INDEX ${i.indexname}`));
    const t = await loadRows(tx as unknown as Database['db'], villages);
    const tIdx = performance.now();
    for (const i of secondary) await tx.execute(sql.raw(i.indexdef));
    return { ...t, indexes_ms: Math.round(performance.now() - tIdx) };
  });
  const tVac = performance.now();
  await database.db.execute(sql.raw(`VACUUM ANALYZE ${LOADED_TABLES.join(', ')}`));
  await database.db.execute(sql`ANALYZE`);
  return {
    ...times,
    vacuum_analyze_ms: Math.round(performance.now() - tVac),
    total_ms: Math.round(performance.now() - t0),
  };
}

async function loadRows(db: Database['db'], villages: string[]): Promise<Record<string, number>> {
  const t0 = performance.now();
  const cats = categoryBuckets();
  if (cats.length !== 100) throw new Error('category buckets must be 100');
  // h(k): a deterministic pseudo-random 0..2^31 per (row, stream), the same on PGlite and PostgreSQL.
  const h = (k: number) => `(hashint4(g # ${k}) & 2147483647)`;
  await db.execute(
    sql.raw(`
    INSERT INTO disputes_case (id, org_code, case_no, source, category, summary, risk_level, mediator_name, status,
      received_on, accepted_on, mediation_on, resolved_on, failed_on, transfer_to, transfer_target,
      agreement_form, agreement_text, performance, judicial_due_on, judicial_applied_on, judicial_court,
      judicial_result, channel, created_at, updated_at)
    SELECT g, org_code,
      to_char(received_on, 'YYYY') || '-' || substr(org_code, 7, 3) || '-' || lpad(g::text, 7, '0'),
      (${arr(SOURCES)})[1 + x % ${SOURCES.length}], category,
      '村民因' || category || '问题产生矛盾,双方多次协商未果后向村调委会申请调解。调解员实地走访核实情况,分别听取双方意见,依据相关法律法规释法说理。',
      CASE WHEN x % 50 = 0 THEN '高' WHEN x % 7 = 0 THEN '中' ELSE '低' END,
      CASE WHEN status <> 'registered' THEN '调解员' || (1 + x % 40) END,
      status, received_on,
      CASE WHEN status <> 'registered' THEN received_on + (x % 3) END,
      CASE WHEN status IN ('mediating', 'resolved', 'failed') THEN received_on + (x % 3) + (x % 5) END,
      CASE WHEN status = 'resolved' THEN received_on + (x % 3) + dur END,
      CASE WHEN status = 'failed' THEN received_on + (x % 3) + dur END,
      CASE WHEN status = 'failed' THEN (ARRAY['信访','行政复议','诉讼','仲裁','上级'])[1 + x % 5] END,
      CASE WHEN status = 'failed' THEN '县人民法院' END,
      CASE WHEN status = 'resolved' THEN CASE WHEN x % 10 < 7 THEN '书面' ELSE '口头' END END,
      CASE WHEN status = 'resolved' THEN '双方自愿达成调解协议,按约定履行。' END,
      CASE WHEN status = 'resolved' THEN (ARRAY['已履行','部分履行','未履行','履行中'])[1 + x % 4] END,
      CASE WHEN status = 'resolved' AND x % 10 < 7 THEN received_on + (x % 3) + dur + 30 END,
      CASE WHEN status = 'resolved' AND x % 10 < 2 THEN received_on + (x % 3) + dur + 10 END,
      CASE WHEN status = 'resolved' AND x % 10 < 2 THEN '县人民法院' END,
      CASE WHEN status = 'resolved' AND x % 10 < 2 THEN '确认有效' END,
      'staff', received_on::timestamptz, received_on::timestamptz
    FROM (
      SELECT g, v.codes[1 + ${h(0)} % v.n] AS org_code,
        date '2023-01-01' + ${h(1)} % 731 AS received_on,
        CASE WHEN ${h(2)} % 100 < 5 THEN 'registered' WHEN ${h(2)} % 100 < 10 THEN 'accepted'
             WHEN ${h(2)} % 100 < 25 THEN 'mediating' WHEN ${h(2)} % 100 < 85 THEN 'resolved' ELSE 'failed' END AS status,
        (${arr(cats)})[1 + ${h(3)} % 100] AS category,
        1 + ${h(4)} % 46 AS dur,
        ${h(5)} AS x
      FROM generate_series(1, ${ROWS}) AS g,
           (SELECT ${arr(villages)} AS codes, ${villages.length} AS n) AS v
    ) s`),
  );
  await db.execute(sql.raw(`SELECT setval(pg_get_serial_sequence('disputes_case', 'id'), ${ROWS})`));
  const tCases = performance.now();
  // Parties: a pool of ROWS/2 people, so the same person recurs (the warning query's work); 60% have an ID card.
  const person = (col: string) =>
    `((hashint4(id # ${col}) & 2147483647) % ${Math.max(1, Math.floor(ROWS / 2))})`;
  const surnames = [
    ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢',
  ];
  const given = [
    ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚桂兰红霞建国志强晓东春梅海燕玉兰文波德明永红',
  ];
  const partySql = (role: string, salt: number, where: string) => `
    INSERT INTO disputes_party (case_id, org_code, role, name, id_card, phone)
    SELECT id, org_code, '${role}',
      (${arr(surnames)})[1 + p % ${surnames.length}] || (${arr(given)})[1 + (p / ${surnames.length}) % ${given.length}],
      CASE WHEN p % 10 < 6 THEN '510626' || lpad(p::text, 11, '0') || 'X' END,
      '139' || lpad((p * 7 % 100000000)::text, 8, '0')
    FROM (SELECT id, org_code, ${person(String(salt))} AS p FROM disputes_case ${where}) s`;
  await db.execute(sql.raw(partySql('申请人', 77, '')));
  await db.execute(sql.raw(partySql('被申请人', 991, 'WHERE id % 2 = 0')));
  const tParties = performance.now();
  // The mediation deadline every accepted case opened (service.runStep 'accept'): done when resolved or failed.
  await db.execute(
    sql.raw(`
    INSERT INTO kernel_deadline (org_code, module, entity, entity_id, step, title, rule, legal_basis, starts_on, due_on,
      status, done_on)
    SELECT org_code, 'disputes', 'case', id::text, 'mediate', '纠纷调解 ' || case_no, '{"kind":"CAL_DAYS","n":30}'::jsonb,
      '《人民调解工作若干规定》第三十六条:一般在一个月内调结', accepted_on, accepted_on + 30,
      CASE WHEN status IN ('resolved', 'failed') THEN 'done' ELSE 'open' END, coalesce(resolved_on, failed_on)
    FROM disputes_case WHERE accepted_on IS NOT NULL`),
  );
  const tDeadlines = performance.now();
  return {
    cases_ms: Math.round(tCases - t0),
    parties_ms: Math.round(tParties - tCases),
    deadlines_ms: Math.round(tDeadlines - tParties),
  };
}

// ---- proposed query change for the indicators ---------------------------------------------------------------
/**
 * computeFigures' statement for the disputes indicators, changed two ways (a proposal; src/ is not edited):
 *  1. the indicators' common period (received_on in [from, to]) also goes in the WHERE, so only the period's rows
 *     are read (computeFigures puts only the org subtree there and the period inside each FILTER);
 *  2. the on-time rate reads the mediation deadline through ONE LEFT JOIN of the subtree's deadlines (at most one per
 *     case: kernel_deadline_step_unique) instead of two correlated EXISTS subplans, i.e. 2 index probes per row.
 * The other figures keep their own `where`/`denominator` SQL. The bench checks the values equal computeFigures'.
 */
function figuresJoinSql(p: IndicatorParams): SQL {
  const inPeriod = sql`received_on BETWEEN ${p.from} AND ${p.to}`;
  const onTime = {
    n: sql`${inPeriod} AND dl.dl_status = 'done' AND dl.dl_done_on <= dl.dl_due_on`,
    d: sql`${inPeriod} AND (dl.dl_status = 'done' OR (dl.dl_status = 'open' AND dl.dl_due_on < ${p.asOf}))`,
  };
  const columns: SQL[] = [];
  disputeIndicators.forEach((d, i) => {
    const n = d.id === 'disputes.onTimeRate' ? onTime.n : d.where(p);
    columns.push(sql`count(*) FILTER (WHERE ${n})::bigint AS ${sql.identifier(`n${i}`)}`);
    if (d.kind === 'rate') {
      const den = d.id === 'disputes.onTimeRate' ? onTime.d : d.denominator!(p);
      columns.push(sql`count(*) FILTER (WHERE ${den})::bigint AS ${sql.identifier(`d${i}`)}`);
    }
  });
  // starts_on >= from: a case's mediation deadline starts when it is accepted, never before it was received.
  return sql`SELECT ${sql.join(columns, sql`, `)} FROM disputes_case
    LEFT JOIN (SELECT entity_id, status AS dl_status, due_on AS dl_due_on, done_on AS dl_done_on FROM kernel_deadline
               WHERE module = 'disputes' AND entity = 'case' AND step = 'mediate'
                 AND ${inSubtree(sql`org_code`, p.orgCode)} AND starts_on >= ${p.from}) dl
      ON dl.entity_id = disputes_case.id::text
    WHERE ${inSubtree(sql`disputes_case.org_code`, p.orgCode)} AND ${inPeriod}`;
}

async function figuresJoin(db: Database['db'], p: IndicatorParams): Promise<Record<string, number | null>> {
  const [row] = await rows<Record<string, string>>(db, figuresJoinSql(p));
  return Object.fromEntries(
    disputeIndicators.map((d, i) => {
      const n = Number(row![`n${i}`]);
      return [d.id, d.kind === 'rate' ? percent(n, Number(row![`d${i}`])) : n] as const;
    }),
  );
}

interface Variant {
  name: string;
  change: string;
  setup: string[];
  teardown: string[];
  ops: Record<string, () => Promise<unknown>>;
  /** The connection pool the ops run on, when not the bench's own (jit_off). */
  database?: Database;
}

// ---- run -------------------------------------------------------------------------------------------------------
const log = (s: string) =>
  process.stderr.write(`[bench disputes ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const started = performance.now();
const { database, cleanup } = await open();
try {
  const db = database.db;
  await database.migrate();
  const { list, shape } = buildDemoOrgs(2024);
  await db.transaction((tx) => createOrgs(tx, list));
  const villages = shape.townships.flatMap((t) => t.villages);
  log(`${database.kind}: loading ${ROWS} cases over ${villages.length} villages`);
  const loadMs = await load(database, villages);
  const counts = (
    await rows<Record<string, string>>(
      db,
      sql`SELECT (SELECT count(*) FROM disputes_case) AS cases, (SELECT count(*) FROM disputes_party) AS parties,
                 (SELECT count(*) FROM kernel_deadline) AS deadlines`,
    )
  )[0]!;
  log(`loaded in ${loadMs.total_ms} ms: ${JSON.stringify(counts)}`);

  const township = shape.townships[3]!.code;
  const county = shape.county;
  const listQuery = {
    status: 'resolved' as const,
    from: '2024-01-01',
    to: '2024-03-31',
    page: 1,
    pageSize: 20,
    part: 'numerator' as const,
    format: 'json' as const,
  };
  const modules = [disputesModule];
  const year = { from: '2024-01-01', to: '2024-12-31', asOf: AS_OF };
  const makeOps = (d: Database['db']) => ({
    list_township: () => listDisputes(d, township, listQuery, AS_OF),
    list_county: () => listDisputes(d, county, listQuery, AS_OF),
    indicators_township: () => computeFigures(d, modules, { orgCode: township, ...year }),
    indicators_county: () => computeFigures(d, modules, { orgCode: county, ...year }),
  });
  const ops = makeOps(db);
  const sample = {
    list_township_total: (await ops.list_township()).total,
    list_county_total: (await ops.list_county()).total,
    indicators_county: Object.fromEntries(
      (await ops.indicators_county()).map((f) => [f.id, f.value] as const),
    ),
  };

  const results: Record<string, Timing> = {};
  for (const [name, fn] of Object.entries(ops)) {
    results[name] = await measure(fn);
    log(`${name}: ${JSON.stringify(results[name])}`);
  }

  // Plans of the statements each operation sends (listDisputes: count, page, warning check; computeFigures: one).
  const statements: Record<string, Captured[]> = {};
  for (const [name, fn] of Object.entries(ops)) statements[name] = await capture(database, fn);
  const plans: Record<string, PlanSummary[]> = {};
  const listLabels = ['count', 'page', 'warning_check'];
  for (const [name, list] of Object.entries(statements)) {
    plans[name] = [];
    for (const [i, c] of list.entries()) {
      const label = name.startsWith('list') ? (listLabels[i] ?? `stmt${i}`) : 'figures';
      plans[name].push(await explain(database, c, label));
      if (process.env.BENCH_PLANS === '1')
        log(`${name} ${label}:\n${c.text}\n${await explainText(database, c)}`);
    }
  }

  // Variants: the same operations after one proposed change, measured in this database and undone afterwards.
  const p = (orgCode: string) => ({ orgCode, ...year });
  const variants: Variant[] = [
    {
      name: 'status_received_idx',
      change:
        'CREATE INDEX disputes_case_status_received_idx ON disputes_case (status, received_on DESC, id DESC) INCLUDE (org_code): ' +
        'a status-filtered ledger page walks it in display order and stops after 20 rows (org range checked in the index); ' +
        'the county count becomes an index-only scan. listDisputes unchanged.',
      setup: [
        'CREATE INDEX disputes_case_status_received_idx ON disputes_case (status, received_on DESC, id DESC) INCLUDE (org_code)',
      ],
      teardown: ['DROP INDEX disputes_case_status_received_idx'],
      ops: { list_township: ops.list_township, list_county: ops.list_county },
    },
    {
      name: 'figures_join',
      change:
        'query change in computeFigures/deadlineExists (figuresJoinSql in this file): period in the WHERE, and the ' +
        "on-time rate through one LEFT JOIN of the subtree's mediation deadlines instead of 2 correlated EXISTS per row",
      setup: [],
      teardown: [],
      ops: {
        indicators_township: () => figuresJoin(db, p(township)),
        indicators_county: () => figuresJoin(db, p(county)),
      },
    },
    {
      name: 'figures_join_covering',
      change:
        'figures_join plus two covering indexes, so both sides of the join are index-only scans: ' +
        'disputes_case (org_code, received_on) INCLUDE (status, agreement_form, judicial_applied_on, id) and ' +
        'kernel_deadline (module, entity, step, org_code, starts_on) INCLUDE (entity_id, status, due_on, done_on)',
      setup: [
        'CREATE INDEX disputes_case_org_received_cov_idx ON disputes_case (org_code, received_on) INCLUDE (status, agreement_form, judicial_applied_on, id)',
        'CREATE INDEX kernel_deadline_scope_cov_idx ON kernel_deadline (module, entity, step, org_code, starts_on) INCLUDE (entity_id, status, due_on, done_on)',
      ],
      teardown: ['DROP INDEX disputes_case_org_received_cov_idx', 'DROP INDEX kernel_deadline_scope_cov_idx'],
      ops: {
        indicators_township: () => figuresJoin(db, p(township)),
        indicators_county: () => figuresJoin(db, p(county)),
      },
    },
  ];
  // PostgreSQL only: the same services on connections opened with jit=off (PGlite has no JIT). The server's default
  // (jit=on, jit_above_cost 100000) compiles these statements on every call: see jit_ms in the plans.
  let jitOff: Database | undefined;
  if (database.kind === 'postgres' && VARIANTS) {
    const u = new URL(withDb(process.env.DATABASE_URL!, DB_NAME));
    u.searchParams.set('options', '-c jit=off');
    jitOff = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
    const o = makeOps(jitOff.db);
    variants.push({
      name: 'jit_off',
      change:
        "the app's connections opened with jit=off (e.g. pg Pool `options: '-c jit=off'`, or ALTER DATABASE … SET jit = off); " +
        'no schema or query change',
      setup: [],
      teardown: [],
      ops: {
        list_county: o.list_county,
        indicators_township: o.indicators_township,
        indicators_county: o.indicators_county,
      },
      database: jitOff,
    });
  }
  // The proposed statement must give exactly computeFigures' values.
  for (const org of [township, county]) {
    const expected = Object.fromEntries(
      (await computeFigures(db, modules, p(org))).map((f) => [f.id, f.value] as const),
    );
    const got = await figuresJoin(db, p(org));
    if (JSON.stringify(expected) !== JSON.stringify(got)) {
      throw new Error(`figures_join differs at ${org}: ${JSON.stringify({ expected, got })}`);
    }
  }
  const variantResults: Record<string, unknown> = {};
  for (const v of VARIANTS ? variants : []) {
    const t = performance.now();
    for (const stmt of v.setup) await db.execute(sql.raw(stmt));
    if (v.setup.length) await db.execute(sql.raw(`VACUUM ANALYZE ${LOADED_TABLES.join(', ')}`));
    const setupMs = Math.round(performance.now() - t);
    const out: Record<string, unknown> = { change: v.change, setup_ms: setupMs };
    for (const [name, fn] of Object.entries(v.ops)) {
      const timing = await measure(fn);
      const on = v.database ?? database;
      const captured = await capture(on, fn);
      const vplans: PlanSummary[] = [];
      for (const [i, c] of captured.entries()) {
        const label = name.startsWith('list') ? (listLabels[i] ?? `stmt${i}`) : 'figures';
        vplans.push(await explain(on, c, label));
        if (process.env.BENCH_PLANS === '1') log(`${v.name} ${name} ${label}:\n${await explainText(on, c)}`);
      }
      out[name] = {
        ...timing,
        speedup_p50: Number((results[name]!.p50_ms / timing.p50_ms).toFixed(1)),
        plans: vplans,
      };
      log(`${v.name} ${name}: ${JSON.stringify(timing)}`);
    }
    for (const stmt of v.teardown) await db.execute(sql.raw(stmt));
    variantResults[v.name] = out;
  }
  await jitOff?.close();

  console.log(
    JSON.stringify({
      bench: 'disputes',
      db: database.kind,
      rows: ROWS,
      parties: Number(counts.parties),
      deadlines: Number(counts.deadlines),
      orgs: list.length,
      townships: shape.townships.length,
      villages: villages.length,
      township,
      county,
      as_of: AS_OF,
      iterations: ITER,
      max_seconds: MAX_MS / 1000,
      load_ms: loadMs,
      sample,
      ...results,
      plans,
      variants: variantResults,
      schema_notes: {
        org_scope:
          'org_code is text COLLATE "C" and a subtree is one range (inSubtree: org_code >= prefix AND org_code < upper), ' +
          'so the (org_code, …) btrees serve township and village scopes; a county here is the whole table',
        indexes_used: [
          'disputes_case_org_status_idx (org_code, status, received_on): township list count (index-only) and page',
          'disputes_case_org_received_idx (org_code, received_on): township figures',
          'kernel_deadline_step_unique (module, entity, entity_id, step): the on-time EXISTS probes, 2 per case in period',
          'disputes_party_case_idx: party names of the 20 listed cases',
        ],
        visibility_map:
          'the load ends with VACUUM ANALYZE (what autovacuum reaches on a live table); index-only counts depend on it',
        as_of: `listDisputes and the on-time rate use asOf=${AS_OF} (the data's last day), so the 90-day warning window holds rows`,
        pglite: 'PGlite runs single-process, no parallel workers and no JIT',
      },
      total_s: Math.round((performance.now() - started) / 1000),
    }),
  );
} finally {
  await cleanup();
}
