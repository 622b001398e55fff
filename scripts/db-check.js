#!/usr/bin/env node
// Fails when the Drizzle schema has changes that no migration records (drizzle-kit generate would write one).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

// drizzle-kit reads --out relative to the working directory.
const tmp = fs.mkdtempSync('.dbcheck-');
fs.cpSync('db/migrations', tmp, { recursive: true });
const before = new Set(fs.readdirSync(tmp));
const r = spawnSync(
  process.execPath,
  [
    'node_modules/drizzle-kit/bin.cjs',
    'generate',
    '--dialect',
    'postgresql',
    '--schema',
    './src/db-schema.ts',
    '--out',
    tmp,
    '--name',
    'check',
  ],
  { encoding: 'utf8' },
);
const added = fs.readdirSync(tmp).filter((f) => !before.has(f));
fs.rmSync(tmp, { recursive: true, force: true });
if (r.status !== 0 || /error/i.test(r.stderr + r.stdout)) {
  console.error(r.stdout, r.stderr);
  process.exit(r.status || 1);
}
if (added.length) {
  console.error(`数据库结构与迁移不一致:请运行 npm run db:generate 并提交新迁移(将生成 ${added.join(', ')})`);
  process.exit(1);
}
console.log('迁移与结构一致');
