import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser, call, quickSession, seedTree, T, testApp, testContext } from '../test/kernel.js';
import { deadlines } from './db/schema.js';
import { AppError } from './errors.js';
import { latestLegalReview, recordLegalReview, submitLegalReview } from './legal-review.js';
import type { KernelContext } from './module.js';

const KEY = { module: 'normdocs', entity: 'normdocs.document', entityId: '7' };

async function refused(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('合法性审核 (kernel)', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  const users: Record<string, { id: number; name: string }> = {};

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    app = await testApp(ctx);
    for (const [name, role, org] of [
      ['jia.guwen', '法律顾问', T.townA],
      ['jia.jingban', '经办人', T.townA],
      ['yi.guwen', '法律顾问', T.townB],
    ] as const) {
      users[name] = { id: await addUser(ctx, name, role, org), name };
    }
  });

  const submit = (submittedOn: string, workdays = 7) =>
    ctx.database.db.transaction((tx) =>
      submitLegalReview(
        tx,
        { orgCode: T.villageA1, ...KEY, title: '甲一村村规民约(修订稿)', submittedOn, workdays },
        users['jia.jingban']!,
      ),
    );

  it('counts the period in 工作日 across 国庆/中秋 2025 and opens the kernel deadline', async () => {
    expect(await latestLegalReview(ctx.database.db, KEY.module, KEY.entity, KEY.entityId)).toBeNull();
    const none = await refused(
      ctx.database.db.transaction((tx) =>
        recordLegalReview(
          tx,
          { ...KEY, reviewedOn: '2025-09-30', result: '合法', opinion: '无' },
          users['jia.guwen']!,
        ),
      ),
    );
    expect(none.message).toBe('没有待出具意见的合法性审核,请先送审');
    // Friday 2025-09-26 + 7 工作日: 9/28 (Sun, 调休上班) 1, 9/29 2, 9/30 3, 10/1–10/8 holiday,
    // 10/9 4, 10/10 5, 10/11 (Sat, 调休上班) 6, 10/12 Sun rest, 10/13 Mon 7.
    const row = await submit('2025-09-26');
    expect(row).toMatchObject({ submittedOn: '2025-09-26', dueOn: '2025-10-13', result: null });
    const [d] = await ctx.database.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.module, KEY.module), eq(deadlines.entityId, KEY.entityId)));
    expect(d).toMatchObject({
      step: 'legalReview',
      dueOn: '2025-10-13',
      status: 'open',
      orgCode: T.villageA1,
    });
    const again = await refused(submit('2025-09-27'));
    expect(again.code).toBe('INVALID_TRANSITION');
  });

  it('marks adviserInvolved for a 法律顾问 over the record, closes the deadline; a re-submission after 不合法 is a new row', async () => {
    const early = await refused(
      ctx.database.db.transaction((tx) =>
        recordLegalReview(
          tx,
          { ...KEY, reviewedOn: '2025-09-25', result: '合法', opinion: '合法' },
          users['jia.guwen']!,
        ),
      ),
    );
    expect(early.message).toBe('审核日期不能早于送审日期(2025-09-26)');
    const first = await ctx.database.db.transaction((tx) =>
      recordLegalReview(
        tx,
        { ...KEY, reviewedOn: '2025-10-09', result: '不合法', opinion: '第五条设定罚款,超越村规民约权限。' },
        users['jia.guwen']!,
      ),
    );
    expect(first).toMatchObject({ result: '不合法', adviserInvolved: true, reviewerName: 'jia.guwen' });
    const [d] = await ctx.database.db.select().from(deadlines).where(eq(deadlines.entityId, KEY.entityId));
    expect(d).toMatchObject({ status: 'done', doneOn: '2025-10-09' });

    const second = await submit('2025-10-15', 10);
    expect(second.id).not.toBe(first.id);
    expect(second.dueOn).toBe('2025-10-29');
    const byClerk = await ctx.database.db.transaction((tx) =>
      recordLegalReview(
        tx,
        { ...KEY, reviewedOn: '2025-10-20', result: '修改后合法', opinion: '删除第五条后合法。' },
        users['jia.jingban']!,
      ),
    );
    expect(byClerk.adviserInvolved).toBe(false); // 经办人 is not an adviser
    expect((await latestLegalReview(ctx.database.db, KEY.module, KEY.entity, KEY.entityId))!.id).toBe(
      second.id,
    );

    // An adviser of another township is not this record's adviser.
    await submit('2025-11-03');
    const byOther = await ctx.database.db.transaction((tx) =>
      recordLegalReview(
        tx,
        { ...KEY, reviewedOn: '2025-11-04', result: '合法', opinion: '合法。' },
        users['yi.guwen']!,
      ),
    );
    expect(byOther.adviserInvolved).toBe(false);
  });

  it('lists the reviews of a record for staff in scope (GET /api/legal-reviews); a neighbour township gets 404', async () => {
    const q = `module=${KEY.module}&entity=${KEY.entity}&entityId=${KEY.entityId}`;
    const adviser = await quickSession(ctx, users['jia.guwen']!.id);
    const res = await call(app, adviser, 'GET', `/api/legal-reviews?${q}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((r: { result: string }) => r.result)).toEqual([
      '合法',
      '修改后合法',
      '不合法',
    ]);
    const neighbour = await quickSession(ctx, await addUser(ctx, 'yi.jingban', '经办人', T.townB));
    expect((await call(app, neighbour, 'GET', `/api/legal-reviews?org=${T.townA}&${q}`)).statusCode).toBe(
      404,
    );
    expect((await call(app, neighbour, 'GET', `/api/legal-reviews?${q}`)).json().items).toEqual([]);
    const grid = await quickSession(ctx, await addUser(ctx, 'jia.wangge', '网格员', T.townA));
    expect((await call(app, grid, 'GET', `/api/legal-reviews?${q}`)).statusCode).toBe(403);
  });
});
