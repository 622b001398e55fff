import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser, call, quickSession, seedTree, T, testApp, testContext } from '../../test/kernel.js';
import { orgs } from '../db/schema.js';
import type { KernelContext } from '../module.js';
import { createOrgs } from './service.js';

describe('org tree and scope', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    app = await testApp(ctx);
  });

  it('gives a village user 404 for a sibling village, and its own node', async () => {
    const mediator = await quickSession(ctx, await addUser(ctx, 'village.mediator', '调解员', T.villageA1));
    const sibling = await call(app, mediator, 'GET', `/api/orgs/${T.villageA2}`);
    expect(sibling.statusCode).toBe(404);
    expect(sibling.json().error).toEqual({ code: 'NOT_FOUND', message: '记录不存在或不在您的管辖范围内' });
    expect((await call(app, mediator, 'GET', `/api/orgs/${T.townA}`)).statusCode).toBe(404);
    const own = await call(app, mediator, 'GET', `/api/orgs/${T.villageA1}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().path.map((p: { name: string }) => p.name)).toEqual([
      '四川省',
      '德阳市',
      '测试县',
      '甲镇',
      '甲一村',
    ]);
    expect(own.json().children).toEqual([{ code: T.gridA1, name: '第一网格', level: 'grid' }]);
    const tree = (await call(app, mediator, 'GET', '/api/orgs/tree')).json();
    expect(tree.roots).toHaveLength(1);
    expect(tree.roots[0].code).toBe(T.villageA1);
  });

  it('lets the county supervisor see every township, a township only itself', async () => {
    const county = await quickSession(ctx, await addUser(ctx, 'county.sup', '县级监督', T.county));
    const tree = (await call(app, county, 'GET', '/api/orgs/tree')).json();
    expect(tree.roots[0].children.map((c: { name: string }) => c.name)).toEqual(['甲镇', '乙镇']);
    expect((await call(app, county, 'GET', `/api/orgs/${T.villageB1}`)).statusCode).toBe(200);
    const home = (await call(app, county, 'GET', `/api/home?org=${T.county}`)).json();
    expect(home.orgs).toEqual({ township: 2, village: 3, office: 1, grid: 1 });
    const town = await quickSession(ctx, await addUser(ctx, 'town.clerk', '经办人', T.townA));
    expect((await call(app, town, 'GET', `/api/orgs/${T.townB}`)).statusCode).toBe(404);
    expect((await call(app, town, 'GET', `/api/home?org=${T.county}`)).statusCode).toBe(404);
    const own = (await call(app, town, 'GET', '/api/home')).json();
    expect(own.org.code).toBe(T.townA);
    expect(own.orgs).toEqual({ township: 0, village: 2, office: 1, grid: 1 });
  });

  it('validates codes and parents, inserting nothing from a bad batch', async () => {
    const before = (await ctx.database.db.select().from(orgs)).length;
    const attempt = (list: { code: string; name: string }[]) =>
      ctx.database.db.transaction((tx) => createOrgs(tx, list));
    await expect(
      attempt([
        { code: '510626102000', name: '丙镇' },
        { code: '51062610200', name: '坏代码' },
      ]),
    ).rejects.toThrow('组织代码无效');
    await expect(attempt([{ code: '510626103201', name: '无上级村' }])).rejects.toThrow('上级');
    await expect(attempt([{ code: T.townA, name: '重复' }])).rejects.toThrow('已存在');
    await expect(attempt([{ code: '510626102000', name: '  ' }])).rejects.toThrow('名称');
    expect(await ctx.database.db.select().from(orgs)).toHaveLength(before);
  });
});
