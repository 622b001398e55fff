#!/usr/bin/env node
// End-to-end test runner.
//
// 1. Builds the web app if dist/web is missing or older than web/ (skip with E2E_SKIP_BUILD=1).
// 2. Starts the platform (`node bin/start.js`) on a free port with a fresh temporary data dir and the
//    demo county (FAZHI_DEMO=1, FAZHI_E2E=1), unless E2E_BASE_URL is already set.
// 3. Waits (at most 300 s) for GET /api/health to answer 200.
// 4. Runs `node --import tsx --test --test-reporter=spec e2e/*.spec.ts` with E2E_BASE_URL set.
//    Extra arguments are passed to node's test runner, e.g. `npm run test:e2e -- --test-name-pattern=手机`.
// 5. Stops the server (its whole process group), prints the server log tail on failure and exits with
//    the tests' exit code.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(e2eDir, '..');
const outputDir = path.join(e2eDir, 'output');
const serverLogPath = path.join(outputDir, 'server.log');
const HEALTH_TIMEOUT_MS = 300_000; // first start seeds the whole demo county

fs.mkdirSync(outputDir, { recursive: true });
// Stale failure screenshots from an earlier run would mislead.
for (const name of fs.readdirSync(outputDir)) {
  if (name.startsWith('failure-') && name.endsWith('.png'))
    fs.rmSync(path.join(outputDir, name), { force: true });
}

function log(message) {
  process.stderr.write(`[e2e] ${message}\n`);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function ensureWebBuild() {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const indexHtml = path.join(root, 'dist', 'web', 'index.html');
  const builtAt = fs.existsSync(indexHtml) ? fs.statSync(indexHtml).mtimeMs : 0;
  if (builtAt > newestMtime(path.join(root, 'web'))) return;
  log('building the web app (dist/web is missing or older than web/) …');
  const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [viteBin, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    log('web build failed');
    process.exit(result.status ?? 1);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(file, lines = 80) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

let server = null;
let serverExit = null;
let dataDir = null;

async function startServer() {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-'));
  const port = Number(process.env.E2E_PORT) || (await freePort());
  const logFd = fs.openSync(serverLogPath, 'w');
  log(
    `starting the platform on port ${port} (data dir ${dataDir}, log ${path.relative(root, serverLogPath)})`,
  );
  server = spawn(process.execPath, ['bin/start.js'], {
    cwd: root,
    detached: true, // own process group, so the whole tree can be stopped
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      FAZHI_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      FAZHI_DEMO: '1',
      FAZHI_E2E: '1',
      // Its own embedded database with a fresh demo county; never a shared server's database.
      DATABASE_URL: '',
    },
  });
  fs.closeSync(logFd);
  serverExit = new Promise((resolve) => {
    server.on('exit', (code, signal) => resolve({ code, signal }));
  });
  let exited = null;
  serverExit.then((info) => {
    exited = info;
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(
        `the server exited before it was healthy (code ${exited.code}, signal ${exited.signal})`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(3000) });
      if (res.status === 200) {
        const body = await res.text();
        log(`server healthy: ${body}`);
        return baseUrl;
      }
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    await sleep(500);
  }
  throw new Error(`the server was not healthy within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${lastError})`);
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const killGroup = (signal) => {
    try {
      process.kill(-server.pid, signal);
    } catch {
      // already gone
    }
  };
  killGroup('SIGTERM');
  const stopped = await Promise.race([serverExit.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) {
    log('server did not stop within 10 s, sending SIGKILL');
    killGroup('SIGKILL');
    await Promise.race([serverExit, sleep(5000)]);
  }
}

function cleanupDataDir() {
  if (!dataDir || process.env.E2E_KEEP_DATA === '1') return;
  try {
    fs.rmSync(dataDir, { recursive: true, force: true });
  } catch {
    // best effort
  }
}

function runTests(baseUrl) {
  const specs = fs
    .readdirSync(e2eDir)
    .filter((name) => name.endsWith('.spec.ts'))
    .sort()
    .map((name) => path.join('e2e', name));
  if (specs.length === 0) {
    log('no e2e/*.spec.ts files found');
    return Promise.resolve(1);
  }
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...specs];
  log(`running: node ${args.join(' ')}  (E2E_BASE_URL=${baseUrl})`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: baseUrl },
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  let exitCode = 1;
  let baseUrl = process.env.E2E_BASE_URL;
  try {
    if (baseUrl) {
      log(`using the running server at ${baseUrl}`);
    } else {
      ensureWebBuild();
      baseUrl = await startServer();
    }
    exitCode = await runTests(baseUrl.replace(/\/+$/, ''));
    if (server && (server.exitCode !== null || server.signalCode !== null)) {
      log(`the server exited during the tests (code ${server.exitCode}, signal ${server.signalCode})`);
      if (exitCode === 0) exitCode = 1;
    }
  } catch (err) {
    log(err instanceof Error ? err.message : String(err));
    exitCode = 1;
  } finally {
    await stopServer();
    cleanupDataDir();
  }
  if (exitCode !== 0 && server) {
    log(`tests failed (exit ${exitCode}); last lines of ${path.relative(root, serverLogPath)}:`);
    process.stderr.write(`${tail(serverLogPath)}\n`);
  }
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`received ${signal}, stopping`);
    stopServer().finally(() => {
      cleanupDataDir();
      process.exit(130);
    });
  });
}

main();
