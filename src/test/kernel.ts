import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, inject } from 'vitest';
import { hashPassword } from '../kernel/auth/password.js';
import { createSession, createUser, login } from '../kernel/auth/service.js';
import { loadConfig } from '../kernel/config.js';
import { openDatabase } from '../kernel/db/client.js';
import { FileStore } from '../kernel/files.js';
import { buildApp } from '../kernel/http/app.js';
import type { KernelContext, ModuleManifest } from '../kernel/module.js';
import { createOrgs } from '../kernel/orgs/service.js';
import { modules as registered } from '../modules.js';
import { withDb } from './global-setup.js';
import { adminUrl } from './pg-urls.js';

/** A fresh, migrated database for this test file: a PGlite copy, or a PostgreSQL database made from the template. */
export async function testContext(): Promise<KernelContext> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-t-'));
  const config = {
    ...loadConfig({ FAZHI_DATA_DIR: tmp, LOG_LEVEL: 'silent' }),
    filesDir: path.join(tmp, 'files'),
  };
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let dropDb: (() => Promise<void>) | undefined;
  if (process.env.FAZHI_TEST_DB === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const name = `fazhi_t_${inject('pgTemplate').slice('fazhi_tpl_'.length)}_${randomBytes(4).toString('hex')}`;
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('pgTemplate')}"`);
    await admin.end();
    database = await openDatabase({ databaseUrl: withDb(url, name), poolSize: 4 });
    dropDb = async () => {
      const a = new pg.default.Client({ connectionString: adminUrl(url) });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    };
  } else {
    const dump = new Blob([fs.readFileSync(inject('pgliteDump'))]);
    database = await openDatabase({ dataDir: 'memory://', pgliteDump: dump });
  }
  const ctx: KernelContext = {
    database,
    config,
    files: new FileStore(config.filesDir, config.maxUploadMb * 1048576),
  };
  afterAll(async () => {
    await database.close();
    await dropDb?.();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  return ctx;
}

export const PASSWORD = 'Test@2024';

/** A small tree: a county with two townships, two villages each, an office and grids. */
export const T = {
  province: '510000000000',
  city: '510600000000',
  county: '510626000000',
  townA: '510626100000',
  townB: '510626101000',
  villageA1: '510626100201',
  villageA2: '510626100202',
  villageB1: '510626101201',
  officeA: '510626100000K02',
  gridA1: '510626100201W001',
} as const;

export async function seedTree(ctx: KernelContext): Promise<void> {
  await ctx.database.db.transaction((tx) =>
    createOrgs(tx, [
      { code: T.province, name: '四川省' },
      { code: T.city, name: '德阳市' },
      { code: T.county, name: '测试县' },
      { code: T.townA, name: '甲镇' },
      { code: T.townB, name: '乙镇' },
      { code: T.villageA1, name: '甲一村' },
      { code: T.villageA2, name: '甲二村' },
      { code: T.villageB1, name: '乙一村' },
      { code: T.officeA, name: '司法所' },
      { code: T.gridA1, name: '第一网格' },
    ]),
  );
}

let sharedHash: string | undefined;

export async function addUser(
  ctx: KernelContext,
  username: string,
  role: string,
  orgCode: string,
): Promise<number> {
  sharedHash ??= await hashPassword(PASSWORD);
  return ctx.database.db.transaction((tx) =>
    createUser(tx, { username, passwordHash: sharedHash, grants: [{ role, orgCode }] }),
  );
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Sign in through the service (what the login route does), returning what a browser would hold. */
export async function sessionFor(ctx: KernelContext, username: string): Promise<Session> {
  const r = await login(ctx.database.db, username, PASSWORD, '127.0.0.1');
  return { cookie: `fazhi_sid=${r.token}`, csrf: r.csrfToken };
}

/** A session without the password round trip (argon2 is deliberately slow). */
export async function quickSession(ctx: KernelContext, userId: number): Promise<Session> {
  const r = await createSession(ctx.database.db, userId, '127.0.0.1');
  return { cookie: `fazhi_sid=${r.token}`, csrf: r.csrfToken };
}

export async function testApp(
  ctx: KernelContext,
  modules: ModuleManifest[] = registered,
): Promise<FastifyInstance> {
  const app = await buildApp(ctx, modules);
  await app.ready();
  afterAll(() => app.close());
  return app;
}

export function call(
  app: FastifyInstance,
  session: Session | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
}
