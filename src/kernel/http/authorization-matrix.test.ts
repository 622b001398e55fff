import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../modules.js';
import { reportingSamples } from '../../reporting/samples.js';
import { addUser, call, quickSession, seedTree, T, testApp, testContext } from '../../test/kernel.js';
import { ROLES, roleHas } from '../auth/roles.js';
import type { KernelContext } from '../module.js';
import { kernelSamples } from '../samples.js';
import type { RegisteredRoute } from './app.js';

/**
 * Every registered route — the kernel's and every module's — against every role, with a target
 * inside the caller's subtree and one outside it. A new module is covered by adding its manifest
 * (with `samples` for its resources); no test code per route.
 */
describe('authorization matrix', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  const userIds = new Map<string, number>();
  const samples: Record<'in' | 'out', Record<string, string | number>> = { in: {}, out: {} };
  const IN = T.villageA1;
  const OUT = T.villageB1;

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    for (const [i, role] of ROLES.entries())
      userIds.set(role, await addUser(ctx, `matrix${i}`, role, T.townA));
    const actor = { id: null, name: 'matrix' };
    await ctx.database.db.transaction(async (tx) => {
      for (const [side, org] of [['in', IN] as const, ['out', OUT] as const]) {
        Object.assign(samples[side], await kernelSamples(tx, ctx.files, org, actor));
        Object.assign(samples[side], await reportingSamples(tx, org));
        for (const m of modules) if (m.samples) Object.assign(samples[side], await m.samples(tx, org, actor));
      }
    });
    app = await testApp(ctx, modules);
  });

  function request(route: RegisteredRoute, side: 'in' | 'out') {
    const access = route.access;
    const org = side === 'in' ? IN : OUT;
    const ref = 'perm' in access ? access.org : undefined;
    let url = route.url.replace(/:(\w+)/g, (_, name: string) => {
      if (ref && 'params' in ref && ref.params === name) return org;
      if (ref && 'resource' in ref && ref.param === name) {
        const id = samples[side][ref.resource];
        if (id === undefined)
          throw new Error(`no sample for resource ${ref.resource} (route ${route.method} ${route.url})`);
        return String(id);
      }
      throw new Error(
        `the matrix cannot fill :${name} in ${route.method} ${route.url}; declare it as the route's org ref`,
      );
    });
    url = url.replace('*', 'x');
    if (ref && 'query' in ref) url += `${url.includes('?') ? '&' : '?'}${ref.query}=${org}`;
    const body =
      route.method === 'GET' || route.method === 'DELETE'
        ? undefined
        : ref && 'body' in ref
          ? { [ref.body]: org }
          : {};
    return { url, body };
  }

  it('has routes to check, and every one declares its access', () => {
    expect(app.registeredRoutes.length).toBeGreaterThan(10);
    for (const r of app.registeredRoutes) expect(r.access).toBeDefined();
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    for (const route of app.registeredRoutes) {
      if ('public' in route.access) continue;
      const { url, body } = request(route, 'in');
      const res = await call(app, null, route.method as 'GET', url, body);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 404 out of scope, 403 without the permission, and lets the rest through, for every role', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of app.registeredRoutes) {
      const access = route.access;
      if ('public' in access) continue;
      const scoped = Boolean(access.org);
      for (const role of ROLES) {
        const allowed = roleHas(role, access.perm);
        for (const side of scoped ? (['in', 'out'] as const) : (['in'] as const)) {
          const { url, body } = request(route, side);
          // A fresh session per request: some routes (logout, password) end the session they run in.
          const session = await quickSession(ctx, userIds.get(role)!);
          const res = await call(app, session, route.method as 'GET', url, body);
          checked++;
          const label = `${role} ${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
          if (res.statusCode >= 500) failures.push(`5xx: ${label}`);
          else if (side === 'out') {
            if (res.statusCode !== 404) failures.push(`expected 404: ${label}`);
          } else if (!allowed) {
            if (res.statusCode !== 403) failures.push(`expected 403: ${label}`);
          } else if ([401, 403, 404].includes(res.statusCode)) {
            failures.push(`expected access: ${label}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 240_000);

  it('rejects state-changing requests without the CSRF token', async () => {
    for (const route of app.registeredRoutes) {
      if ('public' in route.access || route.method === 'GET') continue;
      const { url, body } = request(route, 'in');
      const session = await quickSession(ctx, userIds.get('系统管理员')!);
      const res = await call(
        app,
        { cookie: session.cookie, csrf: 'forged' },
        route.method as 'POST',
        url,
        body,
      );
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().error.code).toBe('CSRF_FAILED');
    }
  });
});
