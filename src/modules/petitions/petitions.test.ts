import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { deadlines } from '../../kernel/db/schema.js';
import type { KernelContext } from '../../kernel/module.js';
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

describe('petitions: 《信访工作条例》 limits as kernel deadlines', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let clerk: Session;
  let county: Session;

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    clerk = await quickSession(ctx, await addUser(ctx, 'jia.xinfang', '经办人', T.townA));
    county = await quickSession(ctx, await addUser(ctx, 'xian.jiandu', '县级监督', T.county));
    app = await testApp(ctx);
  });

  const register = (body: Record<string, unknown> = {}) =>
    call(app, clerk, 'POST', '/api/petitions/cases', {
      orgCode: T.townA,
      receivedOn: '2024-09-20',
      channel: '书信',
      category: '申诉求决',
      subject: '要求解决拖欠工程款',
      summary: '信访人反映某工程项目拖欠其工程款八万元',
      petitioners: [{ name: '周明', phone: '13912345678' }],
      ...body,
    });
  const step = (id: number, name: string, body: Record<string, unknown>) =>
    call(app, clerk, 'POST', `/api/petitions/cases/${id}/${name}`, body);
  const limit = async (id: number, s: string) =>
    (
      await ctx.database.db
        .select()
        .from(deadlines)
        .where(
          and(eq(deadlines.entityId, String(id)), eq(deadlines.step, s), eq(deadlines.module, 'petitions')),
        )
    )[0];

  it('runs 登记 → 受理 → 延期 → 办结 → 复查 → 复核 with every limit computed on the statutory calendar', async () => {
    const created = await register();
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    // 第二十三条: 15 days from 2024-09-20 is 10-05, inside 国庆: due 2024-10-08.
    expect(await limit(id, 'notify')).toMatchObject({ dueOn: '2024-10-08', status: 'open' });

    expect((await step(id, 'accept', { on: '2024-09-27' })).statusCode).toBe(200);
    expect(await limit(id, 'notify')).toMatchObject({ status: 'done', doneOn: '2024-09-27' });
    // 第三十四条: 60 days from 受理 2024-09-27 → 2024-11-26.
    expect(await limit(id, 'handle')).toMatchObject({
      startsOn: '2024-09-27',
      dueOn: '2024-11-26',
      status: 'open',
    });

    const tooLong = await step(id, 'extend', {
      on: '2024-11-20',
      days: 31,
      reason: '情况复杂',
      approver: '王镇长',
      notifiedOn: '2024-11-20',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('不得超过30日');
    const ext = await step(id, 'extend', {
      on: '2024-11-20',
      days: 30,
      reason: '涉及多个部门,情况复杂',
      approver: '王镇长',
      notifiedOn: '2024-11-21',
    });
    expect(ext.statusCode).toBe(200);
    // 60 + 30 days from 2024-09-27 → 2024-12-26; extended once only.
    expect(await limit(id, 'handle')).toMatchObject({ dueOn: '2024-12-26', status: 'open' });
    expect(ext.json().allowedSteps.map((s: { step: string }) => s.step)).toEqual(['close']);

    const closed = await step(id, 'close', {
      on: '2024-12-20',
      opinion: '解释说明',
      opinionText: '已协调施工方分期支付',
      resolved: false,
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ statusLabel: '已办结', resolved: false });
    expect(await limit(id, 'handle')).toMatchObject({ status: 'done', doneOn: '2024-12-20' });

    // 第三十五条: a 复查 request more than 30 days after the reply is refused.
    const late = await step(id, 'requestReview', { on: '2025-01-21', replyReceivedOn: '2024-12-21' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('已超过请求期限');
    expect(
      (await step(id, 'requestReview', { on: '2025-01-10', replyReceivedOn: '2024-12-21' })).statusCode,
    ).toBe(200);
    expect(await limit(id, 'review')).toMatchObject({ startsOn: '2025-01-10', dueOn: '2025-02-10' }); // 02-09 is a Sunday
    expect(
      (await step(id, 'review', { on: '2025-02-05', result: '维持', text: '维持原处理意见' })).statusCode,
    ).toBe(200);
    expect((await step(id, 'requestRecheck', { on: '2025-02-20' })).statusCode).toBe(200);
    expect(await limit(id, 'recheck')).toMatchObject({ dueOn: '2025-03-24' }); // 03-22 Saturday → Monday
    // 第三十六条: hearing days are not counted.
    expect((await step(id, 'hearing', { days: 5 })).statusCode).toBe(200);
    expect(await limit(id, 'recheck')).toMatchObject({ dueOn: '2025-03-27' });
    expect(
      (await step(id, 'recheck', { on: '2025-03-20', result: '维持', text: '复核维持' })).statusCode,
    ).toBe(200);
    const done = (await call(app, clerk, 'GET', `/api/petitions/cases/${id}`)).json();
    expect(done.statusLabel).toBe('复核已答复');
    expect(done.allowedSteps.map((s: { step: string }) => s.step)).toEqual(['resolve']); // 化解 is separate from 办结
    expect(done.deadlines.every((d: { late: boolean; overdue: boolean }) => !d.late && !d.overdue)).toBe(
      true,
    );
  });

  it('objects within 5 working days to a transferred matter that is not ours', async () => {
    const id = (
      await register({ receivedOn: '2024-09-27', origin: '转送交办', transferredFrom: '县信访局' })
    ).json().id;
    // 5 working days from 2024-09-27: 09-29 (调休 Sunday), 09-30, then 10-08, 10-09, 10-10.
    expect(await limit(id, 'objection')).toMatchObject({ dueOn: '2024-10-10' });
    const res = await step(id, 'object', { on: '2024-10-09', reason: '属县自然资源局职权' });
    expect(res.statusCode).toBe(200);
    expect(await limit(id, 'objection')).toMatchObject({ status: 'done', doneOn: '2024-10-09' });
    expect(await limit(id, 'notify')).toMatchObject({ status: 'cancelled' });
  });

  it('enforces at most 5 representatives for a collective visit (第二十条)', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i + 1}`, isRepresentative: true }));
    const res = await register({ channel: '走访', personCount: 30, petitioners: six });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('第二十条');
    const ok = await register({
      channel: '走访',
      personCount: 30,
      batchCount: 1,
      petitioners: six.slice(0, 5),
    });
    expect(ok.statusCode).toBe(201);
  });

  it('puts a petition past its 60-day limit on the county 督办 list', async () => {
    const id = (await register({ receivedOn: '2024-03-01', subject: '要求解决征地补偿款' })).json().id;
    expect((await step(id, 'accept', { on: '2024-03-05' })).statusCode).toBe(200);
    // 60 days from 03-05 is 05-04, inside 劳动节 (05-01..05): due 2024-05-06. The clock moves past it.
    process.env.FAZHI_TODAY = '2024-05-10';
    try {
      const swept = await call(app, county, 'POST', '/api/deadlines/sweep');
      expect(swept.statusCode).toBe(200);
      const items = (await call(app, county, 'GET', `/api/supervision?org=${T.county}`)).json().items;
      const item = items.find(
        (i: { entityId: string; module: string }) => i.module === 'petitions' && i.entityId === String(id),
      );
      expect(item).toMatchObject({ orgCode: T.townA, dueOn: '2024-05-06', status: 'open', daysOverdue: 4 });
      expect(item.title).toContain('信访件办理');
      const overdue = (
        await call(app, county, 'GET', `/api/petitions/cases?org=${T.county}&overdue=1`)
      ).json();
      expect(overdue.items.map((c: { id: number }) => c.id)).toContain(id);
    } finally {
      delete process.env.FAZHI_TODAY;
    }
  });
});
