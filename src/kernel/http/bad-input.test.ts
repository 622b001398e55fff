import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  call,
  quickSession,
  type Session,
  seedTree,
  T,
  testApp,
  testContext,
} from '../../test/kernel.js';
import { users } from '../db/schema.js';
import type { KernelContext } from '../module.js';

const CHINESE = /[\u4e00-\u9fff]/;

describe('bad input', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let admin: Session;
  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    admin = await quickSession(ctx, await addUser(ctx, 'sys.admin', '系统管理员', T.county));
    app = await testApp(ctx);
  });

  const raw = (payload: string, contentType = 'application/json', url = '/api/users') =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType },
      payload,
    });

  it.each([
    ['malformed JSON', () => raw('{"username": "x",'), 400, 'INVALID_JSON'],
    ['a JSON array', () => raw('[1,2]'), 400, 'VALIDATION_FAILED'],
    [
      'an oversized body',
      () => raw(JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024) })),
      413,
      'BODY_TOO_LARGE',
    ],
    [
      'an unsupported content type',
      () => raw('username=x', 'application/x-www-form-urlencoded'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ])('%s gets a 4xx with a Chinese message', async (_, send, status, code) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toMatch(CHINESE);
  });

  it.each([
    [
      'unknown fields',
      {
        username: 'new.user',
        displayName: '新用户',
        password: 'Good#2024',
        role: '经办人',
        orgCode: T.townA,
        admin: true,
      },
    ],
    [
      'wrong types',
      { username: 42, displayName: '新用户', password: 'Good#2024', role: '经办人', orgCode: T.townA },
    ],
    [
      'an unknown role',
      { username: 'new.user', displayName: '新用户', password: 'Good#2024', role: '皇帝', orgCode: T.townA },
    ],
    [
      'a weak password',
      { username: 'new.user', displayName: '新用户', password: 'password', role: '经办人', orgCode: T.townA },
    ],
  ])('%s are refused and nothing is written', async (_, body) => {
    const before = await ctx.database.db.select().from(users);
    const res = await call(app, admin, 'POST', '/api/users', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(CHINESE);
    expect(await ctx.database.db.select().from(users)).toHaveLength(before.length);
  });

  it('refuses invalid and unknown org codes without a partial write', async () => {
    const bad = await call(app, admin, 'POST', '/api/users', {
      username: 'new.user',
      displayName: '新用户',
      password: 'Good#2024',
      role: '经办人',
      orgCode: '51062610000',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_ORG_CODE');
    // Syntactically in scope but not in the tree: the transaction rolls back, no user row remains.
    const missing = await call(app, admin, 'POST', '/api/users', {
      username: 'ghost.user',
      displayName: '幽灵',
      password: 'Good#2024',
      role: '经办人',
      orgCode: '510626199000',
    });
    expect(missing.statusCode).toBe(400);
    expect((await ctx.database.db.select().from(users)).some((u) => u.username === 'ghost.user')).toBe(false);
    expect((await call(app, admin, 'GET', '/api/orgs/abc')).json().error.code).toBe('INVALID_ORG_CODE');
    expect((await call(app, admin, 'GET', '/api/home?org=510626199000')).statusCode).toBe(404);
    expect((await call(app, admin, 'GET', '/api/supervision?status=bogus')).statusCode).toBe(400);
  });

  it('creates a valid user, and a duplicate is a 409', async () => {
    const body = {
      username: 'real.user',
      displayName: '真用户',
      password: 'Good#2024',
      role: '经办人',
      orgCode: T.townA,
    };
    expect((await call(app, admin, 'POST', '/api/users', body)).statusCode).toBe(201);
    const dup = await call(app, admin, 'POST', '/api/users', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('已存在');
  });

  it('answers unknown API paths and expired or forged sessions with 4xx', async () => {
    expect((await call(app, admin, 'GET', '/api/nothing-here')).json().error.code).toBe('ROUTE_NOT_FOUND');
    const forged = await call(app, { cookie: 'fazhi_sid=forged', csrf: 'x' }, 'GET', '/api/auth/me');
    expect(forged.statusCode).toBe(401);
  });

  it('lets a township administrator grant township roles only', async () => {
    const townAdmin = await quickSession(ctx, await addUser(ctx, 'town.admin', '镇级管理员', T.townA));
    const res = await call(app, townAdmin, 'POST', '/api/users', {
      username: 'would.be',
      displayName: '越权',
      password: 'Good#2024',
      role: '县级监督',
      orgCode: T.villageA1,
    });
    expect(res.statusCode).toBe(403);
    const outside = await call(app, townAdmin, 'POST', '/api/users', {
      username: 'would.be',
      displayName: '越界',
      password: 'Good#2024',
      role: '经办人',
      orgCode: T.townB,
    });
    expect(outside.statusCode).toBe(404);
  });
});
