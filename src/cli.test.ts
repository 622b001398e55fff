import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from './kernel/db/client.js';
import { messyLedger } from './modules/disputes/fixtures.js';
import { withDb } from './test/global-setup.js';
import { adminUrl } from './test/pg-urls.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/fazhi.js');
const onPostgres = process.env.FAZHI_TEST_DB === 'postgres';

/** Runs `npx fazhi …` as a user would, against this file's own database. */
describe('fazhi CLI', { timeout: 120_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-'));
  let env: NodeJS.ProcessEnv;
  let dropDb: (() => Promise<void>) | undefined;

  async function fazhi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const r = await run(process.execPath, [BIN, ...args], { env, timeout: 60_000 });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  async function tamper(): Promise<void> {
    const database = onPostgres
      ? await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 1 })
      : await openDatabase({ dataDir });
    try {
      await database.db.execute(sql`ALTER TABLE kernel_audit DISABLE TRIGGER kernel_audit_no_update`);
      await database.db.execute(
        sql`UPDATE kernel_audit SET actor = '篡改者' WHERE id = (SELECT min(id) + 2 FROM kernel_audit)`,
      );
      await database.db.execute(sql`ALTER TABLE kernel_audit ENABLE TRIGGER kernel_audit_no_update`);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    env = {
      ...process.env,
      FAZHI_DATA_DIR: dataDir,
      FAZHI_DEMO: '0',
      FAZHI_ROOT_ORG: '510626000000 测试县',
      DATABASE_URL: '',
    };
    if (onPostgres) {
      const url = process.env.DATABASE_URL!;
      const name = `fazhi_t_${inject('pgTemplate').slice('fazhi_tpl_'.length)}_${randomBytes(4).toString('hex')}`;
      const pg = await import('pg');
      const admin = new pg.default.Client({ connectionString: adminUrl(url) });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('pgTemplate')}"`);
      await admin.end();
      env.DATABASE_URL = withDb(url, name);
      dropDb = async () => {
        const a = new pg.default.Client({ connectionString: adminUrl(url) });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      };
    }
  });
  afterAll(async () => {
    await dropDb?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('computes statutory due dates', async () => {
    expect((await fazhi('calendar', 'due', '--from', '2024-09-27', '--workdays', '7')).stdout).toBe(
      '2024-10-12\n',
    );
    expect((await fazhi('calendar', 'due', '--from', '2024-08-02', '--days', '60')).stdout).toBe(
      '2024-10-08\n',
    );
    const bad = await fazhi('calendar', 'due', '--from', '2024-02-30', '--days', '1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('有效日期');
  });

  it('migrates, creates the first administrator once, provisions users and prints the org tree', async () => {
    expect((await fazhi('migrate')).code).toBe(0);
    const first = await fazhi('first-start');
    expect(first.stdout).toMatch(/初始密码\(仅显示这一次,请登录后立即修改\): \S{16}/);
    expect((await fazhi('first-start')).stdout).not.toContain('初始密码');
    const add = await fazhi(
      'user',
      'add',
      '--username',
      'clerk.one',
      '--password',
      'Good#2024',
      '--role',
      '经办人',
      '--org',
      '510626000000',
    );
    expect(add.code).toBe(0);
    const weak = await fazhi(
      'user',
      'add',
      '--username',
      'clerk.two',
      '--password',
      'weak',
      '--role',
      '经办人',
      '--org',
      '510626000000',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('密码');
    const badRole = await fazhi(
      'user',
      'add',
      '--username',
      'x.y',
      '--password',
      'Good#2024',
      '--role',
      '村长',
      '--org',
      '510626000000',
    );
    expect(badRole.code).toBe(2);
    const tree = JSON.parse((await fazhi('orgs', '--json')).stdout);
    expect(tree).toEqual({ code: '510626000000', name: '测试县', level: 'county', children: [] });
  });

  it('verifies the audit chain, and names the first broken entry after tampering', async () => {
    const ok = await fazhi('verify-audit');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/审计日志完整:共 \d+ 条/);
    await tamper();
    const broken = await fazhi('verify-audit');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/审计日志已被破坏:第 3 条\(id=\d+\)/);
  });

  it('imports a messy ledger all or nothing, printing the JSON the issue fixes, and computes indicators', async () => {
    for (const [code, name] of [
      ['510626100000', '甲镇'],
      ['510626100201', '甲一村'],
      ['510626100202', '甲二村'],
    ]) {
      expect((await fazhi('orgs', 'add', '--code', code!, '--name', name!)).code).toBe(0);
    }
    const bad = path.join(dataDir, 'bad.xlsx');
    const good = path.join(dataDir, 'good.xlsx');
    fs.writeFileSync(bad, await messyLedger({ badRow: true }));
    fs.writeFileSync(good, await messyLedger());
    const refused = await fazhi('import', 'disputes', bad, '--org', '510626100000', '--json');
    expect(refused.code).toBe(1);
    const r1 = JSON.parse(refused.stdout);
    expect(r1.imported).toBe(0);
    expect(r1.errors.length).toBeGreaterThan(0);
    for (const e of r1.errors) expect(Object.keys(e).sort()).toEqual(['column', 'message', 'row']);
    expect(r1.errors.every((e: { row: number }) => e.row === 7)).toBe(true);
    const ok = await fazhi('import', 'disputes', good, '--org', '510626100000', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ imported: 5, errors: [] });
    const figures = JSON.parse(
      (await fazhi('indicators', '--org', '510626100000', '--year', '2024', '--json')).stdout,
    );
    const byName = Object.fromEntries(figures.map((f: { name: string }) => [f.name, f]));
    expect(byName.矛盾纠纷受理数).toMatchObject({
      module: 'disputes',
      id: 'disputes.accepted',
      value: 4,
      unit: '起',
    });
    expect(byName.矛盾纠纷化解数).toMatchObject({ value: 2 });
    expect(byName.矛盾纠纷化解率).toMatchObject({ value: 50, unit: '%', numerator: 2, denominator: 4 });
  });

  it('refuses clearly, without hanging, while another process holds the embedded data directory', async () => {
    const lock = path.join(dataDir, 'fazhi.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, role: 'server', port: 3000 }));
    try {
      const r = await fazhi('orgs', '--json');
      if (onPostgres) {
        // A PostgreSQL server takes many clients: the embedded directory's lock does not apply.
        expect(r.code).toBe(0);
      } else {
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(`正被运行中的 fazhi 服务器(进程 ${process.pid},端口 3000)使用`);
      }
    } finally {
      fs.rmSync(lock, { force: true });
    }
    // A stale lock (its process gone) is taken over.
    fs.writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 7, role: 'server' }));
    expect((await fazhi('orgs', '--json')).code).toBe(0);
  });
});
