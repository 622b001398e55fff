#!/usr/bin/env node
// `npm start`: build the web app when it is missing or older than its sources, then start the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/web/index.html');

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const sources = [path.join(root, 'web'), path.join(root, 'src/modules')].filter((d) => fs.existsSync(d));
const stale = !fs.existsSync(built) || sources.some((d) => newest(d) > fs.statSync(built).mtimeMs);
if (stale && process.env.FAZHI_SKIP_WEB_BUILD !== '1') {
  console.log('正在构建前端…');
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
register();
await import('../src/server.ts');
