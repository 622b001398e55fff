import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser, call, PASSWORD, seedTree, T, testApp, testContext } from '../../test/kernel.js';
import { sessions, users } from '../db/schema.js';
import type { KernelContext } from '../module.js';

async function loginAs(app: FastifyInstance, username: string, password = PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const setCookie = String(res.headers['set-cookie'] ?? '');
  const cookie = setCookie.split(';')[0] ?? '';
  return {
    res,
    setCookie,
    session: { cookie, csrf: res.statusCode === 200 ? (res.json().csrfToken as string) : '' },
  };
}

describe('accounts and sessions', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    await addUser(ctx, 'clerk.a', '经办人', T.townA);
    await addUser(ctx, 'lock.me', '经办人', T.townA);
    await addUser(ctx, 'idle.user', '领导', T.townA);
    app = await testApp(ctx);
  });

  it('signs in with a plain JSON POST and sets an httpOnly SameSite cookie', async () => {
    const { res, setCookie, session } = await loginAs(app, 'clerk.a');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.grants[0]).toEqual({ role: '经办人', orgCode: T.townA, orgName: '甲镇' });
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const me = await call(app, session, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('clerk.a');
    // The session token is stored only as its hash.
    const stored = await ctx.database.db.select({ id: sessions.id }).from(sessions);
    expect(stored.some((s) => session.cookie.endsWith(s.id))).toBe(false);
  });

  it('refuses a wrong password with a Chinese message, the same for an unknown user', async () => {
    const wrong = await loginAs(app, 'clerk.a', 'Wrong@2024');
    const unknown = await loginAs(app, 'nobody.here', 'Wrong@2024');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.res.json().error).toEqual(unknown.res.json().error);
    expect(wrong.res.json().error.message).toBe('用户名或密码错误');
  });

  it('locks the account for 15 minutes after 5 failures, even against the right password', async () => {
    for (let i = 1; i <= 4; i++)
      expect((await loginAs(app, 'lock.me', 'Wrong@2024')).res.statusCode).toBe(401);
    const fifth = await loginAs(app, 'lock.me', 'Wrong@2024');
    expect(fifth.res.statusCode).toBe(423);
    expect(fifth.res.json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await loginAs(app, 'lock.me')).res.statusCode).toBe(423);
    const [u] = await ctx.database.db.select().from(users).where(eq(users.username, 'lock.me'));
    const minutes = (u!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // Fifteen minutes later the right password works again.
    await ctx.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, u!.id));
    expect((await loginAs(app, 'lock.me')).res.statusCode).toBe(200);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const { session } = await loginAs(app, 'idle.user');
    expect((await call(app, session, 'GET', '/api/auth/me')).statusCode).toBe(200);
    await ctx.database.db.execute(
      sql`UPDATE kernel_session SET last_seen_at = now() - interval '31 minutes'`,
    );
    const res = await call(app, session, 'GET', '/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'SESSION_EXPIRED', message: '会话已超时,请重新登录' });
  });

  it('changes a password under the policy and logs out', async () => {
    const { session } = await loginAs(app, 'clerk.a');
    const weak = await call(app, session, 'POST', '/api/auth/password', {
      oldPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const wrongOld = await call(app, session, 'POST', '/api/auth/password', {
      oldPassword: 'Nope@2024',
      newPassword: 'Better#2025',
    });
    expect(wrongOld.json().error.code).toBe('WRONG_PASSWORD');
    const ok = await call(app, session, 'POST', '/api/auth/password', {
      oldPassword: PASSWORD,
      newPassword: 'Better#2025',
    });
    expect(ok.statusCode).toBe(204);
    expect((await loginAs(app, 'clerk.a', 'Better#2025')).res.statusCode).toBe(200);
    expect((await call(app, session, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await call(app, session, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });
});
