#!/usr/bin/env node
// bench/peer.sh helper: the per-round outputs of bench/peer-measure.mjs (peer.N.json, ours.N.json in --dir) →
// ONE JSON line: per side, per operation, the median over the rounds of each figure (taken per figure, as the peer
// harness's README does), every round's req/s, and ours/peer ratios.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const opt = { dir: '', runs: 3, meta: '{}' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) opt[argv[i].replace(/^--/, '')] = argv[i + 1];
const meta = JSON.parse(opt.meta);
const RUNS = Number(opt.runs);

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return +(v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2).toFixed(2);
};
const FIGURES = ['rps', 'p50_ms', 'p99_ms', 'mean_ms', 'server_cpu_ms_per_req', 'peer_proc_cpu_ms_per_req'];

function side(name) {
  const runs = [];
  for (let r = 1; r <= RUNS; r++) {
    const f = path.join(opt.dir, `${name}.${r}.json`);
    if (existsSync(f)) {
      const j = JSON.parse(readFileSync(f, 'utf8'));
      const created = path.join(opt.dir, `${name}.${r}.created`);
      j.created = existsSync(created) ? Number(readFileSync(created, 'utf8').trim()) : null;
      runs.push(j);
    }
  }
  const scenarios = {};
  for (const s of Object.keys(runs[0]?.scenarios ?? {})) {
    const per = runs.map((r) => r.scenarios[s]).filter(Boolean);
    const out = {};
    for (const k of FIGURES) out[k] = median(per.map((x) => x[k]));
    // The peer harness's name for the server process's own CPU; here it is that side's server process.
    out.proc_cpu_ms_per_req = out.peer_proc_cpu_ms_per_req;
    delete out.peer_proc_cpu_ms_per_req;
    out.rps_runs = per.map((x) => x.rps);
    out.errors = per.reduce((n, x) => n + x.non2xx + x.errors + x.timeouts, 0);
    out.status = per.map((x) => x.status);
    const firstError = per.find((x) => x.first_error)?.first_error;
    if (firstError) out.first_error = firstError;
    scenarios[s] = out;
  }
  return { rounds: runs.length, created_per_round: runs.map((r) => r.created), scenarios };
}

const peer = side('peer');
const ours = side('ours');
const ratio = {};
for (const s of Object.keys(ours.scenarios)) {
  const a = ours.scenarios[s];
  const b = peer.scenarios[s];
  if (!b) continue;
  const div = (x, y) => (x === null || y === null || y === 0 ? null : +(x / y).toFixed(2));
  ratio[s] = {
    rps: div(a.rps, b.rps),
    p50_ms: div(a.p50_ms, b.p50_ms),
    p99_ms: div(a.p99_ms, b.p99_ms),
    server_cpu_ms_per_req: div(a.server_cpu_ms_per_req, b.server_cpu_ms_per_req),
    proc_cpu_ms_per_req: div(a.proc_cpu_ms_per_req, b.proc_cpu_ms_per_req),
  };
}

const num = (v) => (v === undefined || v === 'null' || v === '' ? null : Number(v));
process.stdout.write(
  `${JSON.stringify({
    bench: 'peer-compare',
    at: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0].model,
      mem_gib: +(os.totalmem() / 2 ** 30).toFixed(1),
    },
    node: process.version,
    postgres: meta.postgres,
    rows: num(meta.rows),
    rounds: RUNS,
    load: {
      duration_s: num(meta.duration),
      warmup_s: num(meta.warmup),
      connections: num(meta.connections),
      driver:
        'autocannon 9 in-process (bench/peer-measure.mjs = ../shared/bench-peer/measure.mjs + TARGETS.fazhi)',
      order:
        'rounds alternate: peer then ours, ours then peer, …; figures are per-figure medians over the rounds',
    },
    peer: {
      name: 'directus',
      version: meta.peer_version,
      profile: meta.peer_profile,
      auth: 'static token on the admin user (skips Directus permission filters; its cheapest path)',
      peak_rss_mb: num(meta.peer_rss_mb),
      ...peer,
    },
    ours: {
      name: 'fazhi',
      server: 'node bin/start.js, PostgreSQL (DATABASE_URL), FAZHI_DEMO=0, LOG_LEVEL=warn',
      database: meta.ours_db,
      auth:
        'real non-admin users signed in with POST /api/auth/login (fazhi_sid cookie + x-csrf-token): reads as bench.jiandu ' +
        "(县级监督 @330106000000); creates as bench.jingbanN (经办人 of the row's township), since a 县级监督 may not register",
      per_request:
        'every request resolves its session (session + user + grants queries) and checks scope and permission for the ' +
        "target org (get_by_id first reads the case's org_code); create also appends to the hash-chained audit log in " +
        'its transaction and reserves a case number; reads are not audited (the platform has no read audit)',
      requests: {
        get_by_id: 'GET /api/disputes/cases/:id (case + org name + parties + audit timeline)',
        list_filtered:
          'GET /api/disputes/cases?org=<township>&status=resolved&from=2024-01-01&to=2024-03-31&pageSize=20 (count + page + warning flags)',
        aggregate:
          'GET /api/indicators/breakdown?id=disputes.screened&by=状态&org=<township>&from=2024-01-01&to=2024-12-31',
        create: 'POST /api/disputes/cases (登记, one party; 201)',
      },
      data:
        'gen.mjs rows 1..N (same seed, same ids) in disputes_case/disputes_party: 受理/调解中/已化解/未化解 → ' +
        'accepted/mediating/resolved/failed; gen categories mapped onto ours (bench/peer-target.mjs CATEGORY_MAP); ' +
        'orgs: county 330106000000, townships 330106001000–330106005000, villages 330106001001–330106005010',
      load_s: num(meta.ours_load_s),
      rows_load_s: num(meta.ours_rows_load_s),
      loaded: meta.ours_loaded,
      extra_setup_sql: meta.ours_setup_sql || null,
      audit_rows_after: num(meta.audit_rows),
      peak_rss_mb: num(meta.ours_rss_mb),
      ...ours,
    },
    ratio_ours_over_peer: ratio,
    notes:
      'server_cpu_ms_per_req = machine-wide busy CPU minus autocannon, per 2xx request (server + PostgreSQL + anything ' +
      "else running); proc_cpu_ms_per_req = that side's server process alone. Both servers stay up through all " +
      'rounds (the idle one costs ~nothing). CPU ratios < 1 and rps ratios > 1 favour ours.',
    total_s: num(meta.total_s),
  })}\n`,
);
