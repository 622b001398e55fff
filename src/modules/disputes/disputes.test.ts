import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../kernel/audit.js';
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
import { disputeCases } from './schema.js';

// Valid 公民身份号码 (GB 11643 check digits computed): two for the same person across cases.
const ID_A = '51062619800101001X';
const ID_B = '510626199003150029';

function idWithCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('disputes: the procedure through the API', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let mediator: Session;
  let county: Session;
  let otherTown: Session;

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    mediator = await quickSession(ctx, await addUser(ctx, 'cun.tiaojie', '调解员', T.villageA1));
    county = await quickSession(ctx, await addUser(ctx, 'xian.jiandu', '县级监督', T.county));
    otherTown = await quickSession(ctx, await addUser(ctx, 'yi.jingban', '经办人', T.townB));
    app = await testApp(ctx);
  });

  const register = (s: Session, body: Record<string, unknown> = {}) =>
    call(app, s, 'POST', '/api/disputes/cases', {
      orgCode: T.villageA1,
      receivedOn: '2024-09-02',
      source: '网格上报',
      category: '邻里',
      summary: '两户因排水沟堵塞导致雨水倒灌发生争执',
      riskLevel: '中',
      parties: [
        { name: '张三', idCard: idWithCheck('51062619800101001'), phone: '13812345678', role: '申请人' },
        { name: '李四', role: '被申请人' },
      ],
      ...body,
    });

  it('checks the GB 11643 check digit of each party', () => {
    expect(idWithCheck('51062619800101001')).toBe(ID_A);
    expect(idWithCheck('51062619900315002')).toBe(ID_B);
  });

  it('runs 登记 → 受理 → 调解 → 已化解 → 回访, audited step by step, with only the allowed actions offered', async () => {
    const created = await register(mediator);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.json().caseNo).toMatch(/^2024-100-\d{4}$/);

    let detail = (await call(app, mediator, 'GET', `/api/disputes/cases/${id}`)).json();
    expect(detail.statusLabel).toBe('登记');
    expect(detail.allowedSteps.map((s: { step: string }) => s.step)).toEqual(['accept', 'reject']);
    expect(detail.parties[0].idCard).toBe(ID_A);

    const illegal = await call(app, mediator, 'POST', `/api/disputes/cases/${id}/resolve`, {
      on: '2024-09-03',
      agreementForm: '书面',
      agreementText: '清理排水沟',
    });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error).toEqual({
      code: 'INVALID_TRANSITION',
      message: '当前状态为「登记」,不能执行「调解成功(已化解)」',
    });

    const early = await call(app, mediator, 'POST', `/api/disputes/cases/${id}/accept`, { on: '2024-09-01' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('不能早于');

    expect(
      (await call(app, mediator, 'POST', `/api/disputes/cases/${id}/accept`, { on: '2024-09-02' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call(app, mediator, 'POST', `/api/disputes/cases/${id}/mediate`, { on: '2024-09-03' }))
        .statusCode,
    ).toBe(200);
    const resolved = await call(app, mediator, 'POST', `/api/disputes/cases/${id}/resolve`, {
      on: '2024-09-07',
      agreementForm: '书面',
      agreementText: '双方共同出资清理排水沟,张三承担六成',
      performance: '已履行',
    });
    expect(resolved.statusCode).toBe(200);
    // 人民调解法第三十三条: 30 days from 2024-09-07 is 10-07 (国庆): the window ends 2024-10-08.
    expect(resolved.json().judicialDueOn).toBe('2024-10-08');
    expect(resolved.json().allowedSteps.map((s: { step: string }) => s.step)).toEqual([
      'followUp',
      'confirm',
    ]);
    expect(
      (
        await call(app, mediator, 'POST', `/api/disputes/cases/${id}/followUp`, {
          on: '2024-10-10',
          note: '协议已履行,双方满意',
        })
      ).statusCode,
    ).toBe(200);

    detail = (await call(app, mediator, 'GET', `/api/disputes/cases/${id}`)).json();
    expect(detail.statusLabel).toBe('已化解');
    expect(detail.timeline.map((t: { label: string }) => t.label)).toEqual([
      '登记',
      '受理',
      '开始调解',
      '调解成功(已化解)',
      '回访',
    ]);
    expect(detail.timeline.every((t: { actor: string }) => t.actor === 'cun.tiaojie')).toBe(true);
    // The mediation deadline opened at 受理 and closed at 化解, on time.
    const [d] = await ctx.database.db
      .select()
      .from(deadlines)
      .where(eq(deadlines.entityId, String(id)));
    expect(d).toMatchObject({
      step: 'mediate',
      startsOn: '2024-09-02',
      dueOn: '2024-10-08',
      status: 'done',
      doneOn: '2024-09-07',
    });
    expect((await verifyAudit(ctx.database.db)).ok).toBe(true);
  });

  it('refuses a bad ID number and a future date, writing nothing', async () => {
    const before = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(disputeCases);
    const bad = await register(mediator, { parties: [{ name: '王五', idCard: '510626198001010010' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('身份证号无效');
    const future = await register(mediator, { receivedOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    const after = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(disputeCases);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('masks personal data for the county supervisor, and hides the case from a neighbouring township', async () => {
    const id = (await register(mediator)).json().id;
    const seen = (await call(app, county, 'GET', `/api/disputes/cases/${id}`)).json();
    expect(seen.parties[0].idCard).toBe('510626********001X');
    expect(seen.parties[0].phone).toBe('138****5678');
    expect((await call(app, otherTown, 'GET', `/api/disputes/cases/${id}`)).statusCode).toBe(404);
    const list = (await call(app, otherTown, 'GET', '/api/disputes/cases')).json();
    expect(list.total).toBe(0);
  });

  it('warns about the same party twice within 90 days and about open high-risk disputes', async () => {
    await register(mediator, { receivedOn: '2024-11-01', parties: [{ name: '赵六', idCard: ID_B }] });
    await register(mediator, {
      receivedOn: '2024-12-20',
      category: '合同',
      parties: [{ name: '赵六', idCard: ID_B }],
    });
    await register(mediator, {
      receivedOn: '2024-12-21',
      riskLevel: '高',
      category: '征地拆迁',
      parties: [{ name: '钱七' }],
    });
    process.env.FAZHI_TODAY = '2024-12-31';
    try {
      const w = (await call(app, county, 'GET', `/api/disputes/warnings?org=${T.county}`)).json();
      const kinds = w.items.map((i: { kind: string }) => i.kind);
      expect(kinds).toContain('party');
      expect(kinds).toContain('risk');
      const party = w.items.find(
        (i: { kind: string; label: string }) => i.kind === 'party' && i.label.includes('赵'),
      );
      expect(party.caseIds).toHaveLength(2);
      expect(party.label).not.toContain(ID_B); // the supervisor sees it masked
      const flagged = (await call(app, mediator, 'GET', '/api/disputes/cases?warning=1')).json();
      expect(flagged.items.every((c: { warning: boolean }) => c.warning)).toBe(true);
      expect(flagged.total).toBeGreaterThanOrEqual(3);
    } finally {
      delete process.env.FAZHI_TODAY;
    }
  });

  it('records a 矛盾纠纷排查会 with the disputes it reviewed', async () => {
    const clerk = await quickSession(ctx, await addUser(ctx, 'jia.jingban', '经办人', T.townA));
    const list = (await call(app, clerk, 'GET', '/api/disputes/cases')).json();
    const res = await call(app, clerk, 'POST', '/api/disputes/meetings', {
      orgCode: T.townA,
      heldOn: '2024-12-25',
      title: '12月矛盾纠纷排查会',
      attendees: '综治中心、司法所、各村调解主任',
      caseIds: list.items.slice(0, 2).map((c: { id: number }) => c.id),
    });
    expect(res.statusCode).toBe(201);
    const meetings = (await call(app, clerk, 'GET', '/api/disputes/meetings')).json();
    expect(meetings.items[0]).toMatchObject({ title: '12月矛盾纠纷排查会', cases: 2 });
    const foreign = await call(app, clerk, 'POST', '/api/disputes/meetings', {
      orgCode: T.townB,
      heldOn: '2024-12-25',
      title: '越界',
    });
    expect(foreign.statusCode).toBe(404);
  });
});
