import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KernelContext } from '../../kernel/module.js';
import { addUser, call, quickSession, seedTree, T, testApp, testContext } from '../../test/kernel.js';

describe('public intake on the portal (no login)', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    app = await testApp(ctx);
  });

  const submit = (body: Record<string, unknown>, ip = '203.0.113.7') =>
    app.inject({
      method: 'POST',
      url: '/portal/disputes/requests',
      remoteAddress: ip,
      payload: {
        kind: 'dispute',
        name: '吴桂兰',
        phone: '13700001111',
        villageCode: T.villageA2,
        description: '邻居家装修占用公共楼道,多次沟通无果',
        ...body,
      },
    });

  it("lands a citizen's dispute as 登记 in the right village, trackable with code and phone only", async () => {
    const res = await submit({});
    expect(res.statusCode).toBe(201);
    const { trackingCode } = res.json();
    expect(trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    const mediator = await quickSession(ctx, await addUser(ctx, 'jia2.tiaojie', '调解员', T.villageA2));
    const list = (await call(app, mediator, 'GET', '/api/disputes/cases')).json();
    expect(list.items[0]).toMatchObject({
      orgCode: T.villageA2,
      status: 'registered',
      channel: 'portal',
      partyNames: '吴桂兰',
    });

    const track = await app.inject({
      method: 'GET',
      url: `/portal/disputes/requests/${trackingCode}?phone=13700001111`,
    });
    expect(track.json()).toMatchObject({ kind: 'dispute', status: '登记', steps: [{ label: '登记' }] });
    const wrong = await app.inject({
      method: 'GET',
      url: `/portal/disputes/requests/${trackingCode}?phone=13700002222`,
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.message).toBe('未找到该申请,请核对查询码和手机号');
  });

  it('takes a legal-consultation request, which the township answers', async () => {
    const res = await submit(
      { kind: 'consultation', description: '土地承包经营权流转合同到期后如何续签?' },
      '203.0.113.8',
    );
    const code = res.json().trackingCode;
    const adviser = await quickSession(ctx, await addUser(ctx, 'jia.guwen', '法律顾问', T.townA));
    const items = (await call(app, adviser, 'GET', '/api/disputes/consultations')).json().items;
    expect(items[0]).toMatchObject({ status: 'pending', phone: '137****1111' }); // the adviser sees personal data masked
    expect(
      (
        await call(app, adviser, 'POST', `/api/disputes/consultations/${items[0].id}/answer`, {
          answer: '可在到期前协商续签,建议书面约定期限与价款。',
        })
      ).statusCode,
    ).toBe(200);
    const track = (
      await app.inject({ method: 'GET', url: `/portal/disputes/requests/${code}?phone=13700001111` })
    ).json();
    expect(track).toMatchObject({ kind: 'consultation', status: '已答复' });
    expect(track.answer).toContain('续签');
  });

  it('refuses bad input in Chinese and limits submissions per IP', async () => {
    const bad = await submit({ villageCode: T.townA }, '203.0.113.9');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('请选择所在村(社区)');
    const short = await submit({ description: '太短' }, '203.0.113.9');
    expect(short.statusCode).toBe(400);
    for (let i = 0; i < 3; i++) expect((await submit({}, '203.0.113.9')).statusCode).toBe(201);
    const limited = await submit({}, '203.0.113.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.json().error.message).toMatch(/请求过于频繁/);
    expect((await submit({}, '203.0.113.10')).statusCode).toBe(201); // another IP is not affected
  });
});
