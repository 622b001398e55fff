import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser, call, quickSession, seedTree, T, testApp, testContext } from '../test/kernel.js';
import { notices, supervision } from './db/schema.js';
import {
  completeDeadline,
  countDeadlines,
  listDeadlines,
  openDeadline,
  sweepDeadlines,
} from './deadlines.js';
import type { KernelContext } from './module.js';

// A kernel-level fixture procedure: two steps in 甲镇's villages, one in 乙镇.
describe('deadlines as data, and the sweep', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    await ctx.database.db.transaction(async (tx) => {
      const base = { module: 'fixture', entity: 'case', legalBasis: '测试' };
      // 15 calendar days from 2024-09-20 lands on 2024-10-05 (国庆) and rolls to 10-08.
      await openDeadline(tx, {
        ...base,
        orgCode: T.villageA1,
        entityId: 1,
        step: 'notify',
        title: '甲一村 书面告知',
        rule: { kind: 'CAL_DAYS', n: 15 },
        startsOn: '2024-09-20',
      });
      // 5 working days from 2024-09-27: 09-29 (调休 Sunday) counts, 09-28 and the holiday do not → 2024-10-10.
      await openDeadline(tx, {
        ...base,
        orgCode: T.villageA2,
        entityId: 2,
        step: 'object',
        title: '甲二村 提出异议',
        rule: { kind: 'WORK_DAYS', n: 5 },
        startsOn: '2024-09-27',
      });
      await openDeadline(tx, {
        ...base,
        orgCode: T.villageB1,
        entityId: 3,
        step: 'handle',
        title: '乙一村 办结',
        rule: { kind: 'CAL_DAYS', n: 60 },
        startsOn: '2024-08-02',
      });
    });
    app = await testApp(ctx);
  });

  it('stores the due dates the statutory calendar computes', async () => {
    const all = await listDeadlines(ctx.database.db, T.county, 'open', '2024-09-01');
    expect(all.map((d) => [d.entityId, d.dueOn])).toEqual([
      ['1', '2024-10-08'],
      ['3', '2024-10-08'],
      ['2', '2024-10-10'],
    ]);
  });

  it('answers due and overdue per subtree, on a frozen date', async () => {
    expect(await countDeadlines(ctx.database.db, T.townA, '2024-09-30')).toEqual({
      open: 2,
      overdue: 0,
      dueSoon: 2,
    });
    expect(await countDeadlines(ctx.database.db, T.townA, '2024-10-09')).toEqual({
      open: 2,
      overdue: 1,
      dueSoon: 1,
    });
    expect(await countDeadlines(ctx.database.db, T.townA, '2024-10-11')).toEqual({
      open: 2,
      overdue: 2,
      dueSoon: 0,
    });
    expect(await countDeadlines(ctx.database.db, T.villageA1, '2024-10-09')).toEqual({
      open: 1,
      overdue: 1,
      dueSoon: 0,
    });
    expect((await countDeadlines(ctx.database.db, T.county, '2024-10-11')).overdue).toBe(3);
  });

  it('sweeps idempotently: reminders once, 督办 once, even when run twice', async () => {
    const first = await sweepDeadlines(ctx.database.db, '2024-09-30');
    expect(first).toEqual({ reminders: 3, supervision: 0 });
    expect(await sweepDeadlines(ctx.database.db, '2024-09-30')).toEqual({ reminders: 0, supervision: 0 });
    expect(await sweepDeadlines(ctx.database.db, '2024-10-09')).toEqual({ reminders: 0, supervision: 2 });
    expect(await sweepDeadlines(ctx.database.db, '2024-10-11')).toEqual({ reminders: 0, supervision: 1 });
    expect(await sweepDeadlines(ctx.database.db, '2024-10-12')).toEqual({ reminders: 0, supervision: 0 });
    expect(await ctx.database.db.select().from(notices)).toHaveLength(3);
    expect(await ctx.database.db.select().from(supervision)).toHaveLength(3);
  });

  it('shows 督办 items to the county and to the township, never to a neighbour', async () => {
    const county = await quickSession(ctx, await addUser(ctx, 'county.sup', '县级监督', T.county));
    const townB = await quickSession(ctx, await addUser(ctx, 'townb.clerk', '经办人', T.townB));
    const countyList = (await call(app, county, 'GET', `/api/supervision?org=${T.county}`)).json().items;
    expect(countyList).toHaveLength(3);
    const own = (await call(app, townB, 'GET', '/api/supervision')).json().items;
    expect(own.map((i: { orgCode: string }) => i.orgCode)).toEqual([T.villageB1]);
    expect((await call(app, townB, 'GET', `/api/supervision?org=${T.townA}`)).statusCode).toBe(404);
  });

  it('resolves the 督办 item when the step is done, and the county can close it with a note', async () => {
    await ctx.database.db.transaction((tx) =>
      completeDeadline(tx, { module: 'fixture', entity: 'case', entityId: 1, step: 'notify' }, '2024-10-10'),
    );
    const rows = await ctx.database.db.select().from(supervision);
    expect(rows.filter((r) => r.status === 'resolved')).toHaveLength(1);
    const county = await quickSession(ctx, await addUser(ctx, 'county.sup2', '县级监督', T.county));
    const open = rows.find((r) => r.status === 'open')!;
    const res = await call(app, county, 'POST', `/api/supervision/${open.id}/close`, {
      note: '已约谈,限期整改',
    });
    expect(res.statusCode).toBe(200);
    const [closed] = await ctx.database.db.select().from(supervision).where(eq(supervision.id, open.id));
    expect(closed!.status).toBe('closed');
    expect(closed!.note).toBe('已约谈,限期整改');
  });
});
