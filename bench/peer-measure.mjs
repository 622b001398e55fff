#!/usr/bin/env node
// A copy of ../shared/bench-peer/measure.mjs (the peer harness's HTTP driver; not edited there) with one
// addition: TARGETS.fazhi, our platform (bench/peer-target.mjs), signed in through --sessions FILE.
// Everything else — autocannon settings, key streams, CPU accounting, output — is the peer's code unchanged.
//
//   node bench/peer-measure.mjs --target directus --base http://127.0.0.1:8055 --token T ...
//   node bench/peer-measure.mjs --target fazhi --base http://127.0.0.1:<port> --sessions sessions.json ...
//                    [--duration 10] [--warmup 2] [--connections 10] [--rows 100000]
//                    [--scenarios get_by_id,list_filtered,aggregate,create]
//                    [--autocannon-dir /tmp/peer-tools] [--peer-pid PID] [--gen ../shared/bench-peer/gen.mjs]
//
// Prints one JSON object on stdout. Each scenario: a warm-up run (discarded), then the measured
// run. Keys and bodies are drawn from a seeded PRNG, so every run sends the same request mix.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fazhiTarget } from './peer-target.mjs';

const opt = {
  base: 'http://127.0.0.1:8055',
  token: process.env.PEER_TOKEN || '',
  target: 'directus',
  duration: 10,
  warmup: 2,
  connections: 10,
  rows: 100000,
  scenarios: 'get_by_id,list_filtered,aggregate,create',
  autocannonDir: process.env.TOOLS_DIR || '/tmp/peer-tools',
  seed: 7,
  peerPid: '', // optional: PID of the peer's server process, to split its CPU from PostgreSQL's
  sessions: '', // fazhi: JSON file with the signed-in sessions (bench/peer.sh writes it)
  gen: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/bench-peer/gen.mjs'),
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const k = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  if (!(k in opt)) throw new Error('unknown option ' + argv[i]);
  const v = argv[++i];
  opt[k] = typeof opt[k] === 'number' ? Number(v) : v;
}

// Loopback only: refuse anything else.
const host = new URL(opt.base).hostname;
if (!(/^127\./.test(host) || host === 'localhost' || host === '[::1]' || host === '::1')) {
  throw new Error(`refusing non-loopback target ${opt.base}`);
}

const { makeRow, mulberry32, TOWNSHIPS } = await import(pathToFileURL(path.resolve(opt.gen)).href);

const require = createRequire(opt.autocannonDir.replace(/\/?$/, '/') + 'package.json');
const autocannon = require('autocannon');

// Fixed parameters of the work (same for every target).
const Q1 = ['2024-01-01', '2024-03-31'];
const Y2024 = ['2024-01-01', '2024-12-31'];
const RESOLVED = '已化解';

const qs = (pairs) => pairs.map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&');

const TARGETS = {
  directus: {
    headers: (o) => ({ authorization: `Bearer ${o.token}` }),
    get_by_id: (id) => ({ method: 'GET', path: `/items/disputes/${id}` }),
    list_filtered: (prefix) => ({
      method: 'GET',
      path:
        '/items/disputes?' +
        qs([
          ['filter[org_code][_starts_with]', prefix],
          ['filter[status][_eq]', RESOLVED],
          ['filter[received_on][_between]', Q1.join(',')],
          ['sort', '-received_on'],
          ['limit', '20'],
        ]),
    }),
    aggregate: (prefix) => ({
      method: 'GET',
      path:
        '/items/disputes?' +
        qs([
          ['aggregate[count]', '*'],
          ['groupBy[]', 'status'],
          ['filter[org_code][_starts_with]', prefix],
          ['filter[received_on][_between]', Y2024.join(',')],
        ]),
    }),
    create: (row) => ({
      method: 'POST',
      path: '/items/disputes',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(row),
    }),
    // Sanity checks on one response per scenario, before load is applied.
    check: {
      get_by_id: (j, id) => j?.data?.id === id,
      list_filtered: (j, p) =>
        Array.isArray(j?.data) &&
        j.data.length === 20 &&
        j.data.every(
          (r) =>
            r.org_code.startsWith(p) &&
            r.status === RESOLVED &&
            r.received_on <= Q1[1] &&
            r.received_on >= Q1[0],
        ),
      aggregate: (j) =>
        Array.isArray(j?.data) && j.data.length === 4 && j.data.every((g) => Number(g.count) > 0),
      create: (j) => Number(j?.data?.id) > 0,
    },
  },
};

if (opt.target === 'fazhi') {
  TARGETS.fazhi = fazhiTarget({ sessions: JSON.parse(readFileSync(opt.sessions, 'utf8')), Q1, Y2024, qs });
}
const T = TARGETS[opt.target];
if (!T) throw new Error('unknown target ' + opt.target);
const baseHeaders = T.headers(opt);

// Request generators: deterministic key streams.
function generator(name) {
  const r = mulberry32(opt.seed * 1000 + name.length);
  let createSeq = 0;
  switch (name) {
    case 'get_by_id':
      return () => {
        const id = 1 + Math.floor(r() * opt.rows);
        return [T.get_by_id(id), id];
      };
    case 'list_filtered':
      return () => {
        const p = TOWNSHIPS[Math.floor(r() * TOWNSHIPS.length)];
        return [T.list_filtered(p), p];
      };
    case 'aggregate':
      return () => {
        const p = TOWNSHIPS[Math.floor(r() * TOWNSHIPS.length)];
        return [T.aggregate(p), p];
      };
    case 'create':
      return () => {
        const row = makeRow(1_000_000 + ++createSeq); // generator rows outside the loaded id range
        delete row.id;
        return [T.create(row), null];
      };
    default:
      throw new Error('unknown scenario ' + name);
  }
}

async function probe(name) {
  const [req, key] = generator(name)();
  const res = await fetch(opt.base + req.path, {
    method: req.method,
    headers: { ...baseHeaders, ...(req.headers || {}) },
    body: req.body,
    signal: AbortSignal.timeout(10000),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const ok = res.ok && T.check[name](json, key);
  if (!ok) throw new Error(`${name} probe failed: HTTP ${res.status} ${text.slice(0, 300)}`);
}

// Machine-wide busy CPU time (ms) from /proc/stat; minus this process's own CPU (autocannon runs
// in-process) it gives the CPU the server side (peer + PostgreSQL) spent, a steadier figure than
// requests/s on a small shared machine. null where /proc/stat is absent.
function busyMs() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] || 0);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return ((total - idle) * 1000) / 100; // USER_HZ = 100
  } catch {
    return null;
  }
}

function procMs(pid) {
  if (!pid) return null;
  try {
    const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime
  } catch {
    return null;
  }
}

function runOnce(name, duration) {
  const next = generator(name);
  let firstBad = null;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: opt.base,
        connections: opt.connections,
        duration,
        timeout: 10,
        headers: baseHeaders,
        requests: [
          {
            setupRequest: (req) => {
              const [r] = next();
              return { ...req, ...r, headers: { ...req.headers, ...(r.headers || {}) } };
            },
            onResponse: (status, body) => {
              if ((status < 200 || status > 299) && !firstBad)
                firstBad = `HTTP ${status} ${String(body).slice(0, 200)}`;
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(Object.assign(res, { firstBad }))),
    );
  });
}

const out = {
  target: opt.target,
  base: opt.base,
  connections: opt.connections,
  duration_s: opt.duration,
  warmup_s: opt.warmup,
  scenarios: {},
};
for (const name of opt.scenarios.split(',').filter(Boolean)) {
  await probe(name);
  if (opt.warmup > 0) await runOnce(name, opt.warmup);
  const b0 = busyMs();
  const p0 = procMs(opt.peerPid);
  const c0 = process.cpuUsage();
  const r = await runOnce(name, opt.duration);
  const c1 = process.cpuUsage(c0);
  const p1 = procMs(opt.peerPid);
  const b1 = busyMs();
  const ok = r['2xx'];
  const clientMs = (c1.user + c1.system) / 1000;
  const serverMs = b0 === null ? null : Math.max(0, b1 - b0 - clientMs);
  out.scenarios[name] = {
    rps: +(ok / r.duration).toFixed(1),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    mean_ms: +r.latency.mean.toFixed(2),
    max_ms: r.latency.max,
    ok_2xx: ok,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    server_cpu_ms_per_req: serverMs === null || !ok ? null : +(serverMs / ok).toFixed(2),
    peer_proc_cpu_ms_per_req: p0 === null || p1 === null || !ok ? null : +((p1 - p0) / ok).toFixed(2),
    client_cpu_pct: +((clientMs / (r.duration * 1000)) * 100).toFixed(0),
    status: { '2xx': r['2xx'], '4xx': r['4xx'], '5xx': r['5xx'] },
  };
  if (r.firstBad) out.scenarios[name].first_error = r.firstBad;
  process.stderr.write(`[measure] ${name}: ${JSON.stringify(out.scenarios[name])}\n`);
}
process.stdout.write(JSON.stringify(out) + '\n');
