import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addUser, call, quickSession, seedTree, T, testApp, testContext } from '../test/kernel.js';
import {
  answerComment,
  consultationOf,
  consultationProblem,
  openConsultation,
  periodDays,
  publishConsultationResults,
  submitComment,
} from './consultation.js';
import { AppError } from './errors.js';
import type { KernelContext } from './module.js';

const actor = { id: null, name: '测试' };
const draft = (entityId: string, over: Record<string, unknown> = {}) => ({
  orgCode: T.townA,
  module: 'decisions',
  entity: 'decisions.decision',
  entityId,
  title: '甲镇农贸市场搬迁方案(征求意见稿)',
  summary: '起草说明',
  paragraphs: [
    '第一条 为规范市场秩序,制定本方案。',
    '第二条 市场搬迁至镇东新区。',
    '第三条 本方案自公布之日起施行。',
  ],
  opensOn: '2025-03-01',
  closesOn: '2025-03-30',
  ...over,
});

async function refused(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('公开征求意见 (kernel services)', () => {
  let ctx: KernelContext;
  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
  });

  it('counts the period with both ends: 3月1日至3月30日 is 30 days', () => {
    expect(periodDays('2025-03-01', '2025-03-30')).toBe(30);
    expect(periodDays('2025-02-20', '2025-03-20')).toBe(29);
  });

  it('refuses a 29-day period without a reason, accepts it with one, and one consultation per draft', async () => {
    const db = ctx.database.db;
    const short = await refused(
      db.transaction((tx) => openConsultation(tx, draft('1', { closesOn: '2025-03-29' }), actor)),
    );
    expect(short.code).toBe('VALIDATION_FAILED');
    expect(short.message).toBe(
      '征求意见期限为29日,少于30日,须说明理由(《重大行政决策程序暂行条例》第十五条)',
    );
    const ok = await db.transaction((tx) =>
      openConsultation(
        tx,
        draft('1', { closesOn: '2025-03-29', shortenedReason: '防汛工程紧急,需在汛期前决定' }),
        actor,
      ),
    );
    expect(ok).toMatchObject({ closesOn: '2025-03-29', shortenedReason: '防汛工程紧急,需在汛期前决定' });
    expect(ok.paragraphs).toEqual([
      { no: 1, text: '第一条 为规范市场秩序,制定本方案。' },
      { no: 2, text: '第二条 市场搬迁至镇东新区。' },
      { no: 3, text: '第三条 本方案自公布之日起施行。' },
    ]);
    const dup = await refused(db.transaction((tx) => openConsultation(tx, draft('1'), actor)));
    expect(dup.code).toBe('DUPLICATE');
    // 30 days need no reason, and a reason given anyway is not kept.
    const full = await db.transaction((tx) =>
      openConsultation(tx, draft('2', { shortenedReason: '无关' }), actor),
    );
    expect(full.shortenedReason).toBeNull();
    const bad = await refused(
      db.transaction((tx) => openConsultation(tx, draft('3', { closesOn: '2025-02-01' }), actor)),
    );
    expect(bad.message).toBe('截止日期不能早于开始日期');
  });

  it('takes comments only while open, answers only after closing, and publishes when all are answered', async () => {
    const db = ctx.database.db;
    const c = await db.transaction((tx) => openConsultation(tx, draft('10'), actor));
    expect(await consultationProblem(db, 'decisions', 'decisions.decision', '999', '2025-04-01')).toBeNull();
    const early = await refused(
      db.transaction((tx) => submitComment(tx, c.id, { text: '太早了的意见' }, '2025-02-28')),
    );
    expect(early.code).toBe('NOT_FOUND');
    const cm1 = await db.transaction((tx) =>
      submitComment(
        tx,
        c.id,
        { paragraphNo: 2, text: '建议保留老街早市。', authorName: '王小明', contact: '13800001234' },
        '2025-03-01',
      ),
    );
    const cm2 = await db.transaction((tx) =>
      submitComment(tx, c.id, { text: '支持搬迁,请公布补偿标准。' }, '2025-03-30'),
    );
    const noPara = await refused(
      db.transaction((tx) => submitComment(tx, c.id, { paragraphNo: 9, text: '第九段的意见' }, '2025-03-10')),
    );
    expect(noPara.message).toBe('征求意见稿没有第9段');
    const late = await refused(
      db.transaction((tx) => submitComment(tx, c.id, { text: '截止后的意见' }, '2025-03-31')),
    );
    expect(late.code).toBe('INVALID_TRANSITION');
    expect(late.message).toBe('征求意见已于 2025-03-30 截止,不再接收意见');

    expect(await consultationProblem(db, 'decisions', 'decisions.decision', '10', '2025-03-30')).toBe(
      '征求意见期未届满(至 2025-03-30)',
    );
    const tooSoon = await refused(
      db.transaction((tx) => answerComment(tx, cm1.id, { decision: '采纳' }, actor, '2025-03-30')),
    );
    expect(tooSoon.code).toBe('INVALID_TRANSITION');
    const noReason = await refused(
      db.transaction((tx) =>
        answerComment(tx, cm1.id, { decision: '不采纳', reason: ' ' }, actor, '2025-03-31'),
      ),
    );
    expect(noReason.message).toBe('「不采纳」须说明理由');
    await db.transaction((tx) =>
      answerComment(
        tx,
        cm1.id,
        { decision: '部分采纳', reason: '早市保留至新市场启用。' },
        actor,
        '2025-03-31',
      ),
    );
    expect(await consultationProblem(db, 'decisions', 'decisions.decision', '10', '2025-03-31')).toBe(
      '尚有1条公众意见未逐条答复',
    );
    expect((await consultationOf(db, 'decisions', 'decisions.decision', '10'))!.counts).toEqual({
      comments: 2,
      answered: 1,
    });
    const early2 = await refused(
      db.transaction((tx) =>
        publishConsultationResults(tx, c.id, { adoptionNote: '说明' }, actor, '2025-04-01'),
      ),
    );
    expect(early2.message).toBe('尚有1条公众意见未逐条答复');
    await db.transaction((tx) => answerComment(tx, cm2.id, { decision: '采纳' }, actor, '2025-04-01')); // no reason needed
    expect(await consultationProblem(db, 'decisions', 'decisions.decision', '10', '2025-04-01')).toBeNull();
    const pub = await db.transaction((tx) =>
      publishConsultationResults(
        tx,
        c.id,
        { adoptionNote: '共收到意见2条,采纳1条,部分采纳1条。' },
        actor,
        '2025-04-02',
      ),
    );
    expect(pub.resultsPublishedOn).toBe('2025-04-02');
    const after = await refused(
      db.transaction((tx) =>
        answerComment(tx, cm2.id, { decision: '不采纳', reason: '改了' }, actor, '2025-04-03'),
      ),
    );
    expect(after.message).toBe('采纳情况已公布,不能再修改答复');
  });
});

describe('公开征求意见 (routes: staff and portal)', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let id: number;
  let clerk: Awaited<ReturnType<typeof quickSession>>;
  let adviser: Awaited<ReturnType<typeof quickSession>>;
  let neighbour: Awaited<ReturnType<typeof quickSession>>;
  const setToday = (d: string) => vi.stubEnv('FAZHI_TODAY', d);
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    app = await testApp(ctx);
    clerk = await quickSession(ctx, await addUser(ctx, 'jia.jingban', '经办人', T.townA));
    adviser = await quickSession(ctx, await addUser(ctx, 'jia.guwen', '法律顾问', T.townA));
    neighbour = await quickSession(ctx, await addUser(ctx, 'yi.jingban', '经办人', T.townB));
    const c = await ctx.database.db.transaction((tx) => openConsultation(tx, draft('20'), actor));
    id = c.id;
  });

  const post = (body: Record<string, unknown>, ip = '198.51.100.1') =>
    app.inject({
      method: 'POST',
      url: `/portal/api/consultations/${id}/comments`,
      remoteAddress: ip,
      payload: body,
    });

  it('lists the draft on the portal, takes a comment on a paragraph, and keeps comments back until publication', async () => {
    setToday('2025-02-20');
    expect((await app.inject({ url: `/portal/api/consultations/${id}` })).statusCode).toBe(404); // not yet open
    expect((await app.inject({ url: '/portal/api/consultations' })).json().items).toEqual([]);

    setToday('2025-03-05');
    const list = (await app.inject({ url: '/portal/api/consultations?status=open' })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id, orgName: '甲镇', status: 'open', statusLabel: '征求意见中' });
    const res = await post({
      paragraphNo: 2,
      text: '建议搬迁前听取商户意见。',
      authorName: '欧阳娜娜',
      contact: '13912345678',
    });
    expect(res.statusCode).toBe(201);
    expect((await post({ text: '同意。' }, '198.51.100.2')).statusCode).toBe(201);
    const bad = await post({ paragraphNo: 7, text: '不存在的段落' }, '198.51.100.2');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('征求意见稿没有第7段');

    const open = (await app.inject({ url: `/portal/api/consultations/${id}` })).json();
    expect(open.paragraphs).toHaveLength(3);
    expect(open.commentCount).toBe(2);
    expect(open.comments).toEqual([]); // no comments shown before the results are published
    expect(open.adoptionNote).toBeNull();
  });

  it('masks the contact for staff without consultations.personal; a neighbour township gets 404', async () => {
    setToday('2025-03-05');
    const byClerk = (await call(app, clerk, 'GET', `/api/consultations/${id}`)).json();
    expect(byClerk.comments[0]).toMatchObject({
      paragraphNo: 2,
      authorName: '欧阳娜娜',
      contact: '13912345678',
    });
    expect(byClerk.can).toEqual({ manage: true, personal: true });
    const byAdviser = (await call(app, adviser, 'GET', `/api/consultations/${id}`)).json();
    expect(byAdviser.comments[0].contact).toBe('139****5678');
    expect(byAdviser.can).toEqual({ manage: false, personal: false });
    const listed = (
      await call(
        app,
        clerk,
        'GET',
        `/api/consultations?module=decisions&entity=decisions.decision&entityId=20`,
      )
    ).json();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ id, commentCount: 2, answeredCount: 0, status: 'open' });
    expect((await call(app, neighbour, 'GET', `/api/consultations/${id}`)).statusCode).toBe(404);
    expect((await call(app, neighbour, 'GET', `/api/consultations?org=${T.townA}`)).statusCode).toBe(404);
    expect((await call(app, neighbour, 'GET', '/api/consultations')).json().items).toEqual([]);
    const cid = byClerk.comments[0].id;
    const answer = await call(app, neighbour, 'POST', `/api/comments/${cid}/answer`, { decision: '采纳' });
    expect(answer.statusCode).toBe(404);
    const tooSoon = await call(app, clerk, 'POST', `/api/comments/${cid}/answer`, { decision: '采纳' });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().error.message).toBe('征求意见期未届满(至 2025-03-30),截止后再逐条答复');
  });

  it('answers after closing, publishes, and the portal shows every comment with its decision, masked name, never contact', async () => {
    setToday('2025-03-31');
    expect((await post({ text: '截止后提交的意见' }, '198.51.100.3')).statusCode).toBe(409);
    const detail = (await call(app, clerk, 'GET', `/api/consultations/${id}`)).json();
    expect(detail.status).toBe('closed');
    const [first, second] = detail.comments;
    const noReason = await call(app, clerk, 'POST', `/api/comments/${first.id}/answer`, {
      decision: '部分采纳',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('「部分采纳」须说明理由');
    expect(
      (
        await call(app, clerk, 'POST', `/api/comments/${first.id}/answer`, {
          decision: '部分采纳',
          reason: '已增加商户座谈环节。',
        })
      ).statusCode,
    ).toBe(200);
    const early = await call(app, clerk, 'POST', `/api/consultations/${id}/results`, {
      adoptionNote: '说明',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('尚有1条公众意见未逐条答复');
    expect(
      (await call(app, adviser, 'POST', `/api/comments/${second.id}/answer`, { decision: '采纳' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(app, clerk, 'POST', `/api/comments/${second.id}/answer`, { decision: '采纳' })).statusCode,
    ).toBe(200);
    expect((await app.inject({ url: `/portal/api/consultations/${id}` })).json().comments).toEqual([]);
    const pub = await call(app, clerk, 'POST', `/api/consultations/${id}/results`, {
      adoptionNote: '共收到意见2条,采纳1条,部分采纳1条。',
    });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().resultsPublishedOn).toBe('2025-03-31');

    const res = await app.inject({ url: `/portal/api/consultations/${id}` });
    const shown = res.json();
    expect(shown).toMatchObject({ status: 'published', adoptionNote: '共收到意见2条,采纳1条,部分采纳1条。' });
    expect(shown.comments).toEqual([
      expect.objectContaining({
        paragraphNo: null,
        text: '同意。',
        authorName: '匿名',
        decision: '采纳',
        reason: null,
      }),
      expect.objectContaining({
        paragraphNo: 2,
        authorName: '欧***',
        decision: '部分采纳',
        reason: '已增加商户座谈环节。',
        submittedOn: '2025-03-05', // the day it came in (the clock is frozen at 2025-03-05)
      }),
    ]);
    expect(res.body).not.toContain('13912345678');
    expect(res.body).not.toContain('contact');
    expect(res.body).not.toContain('欧阳娜娜');
    const closed = (await app.inject({ url: '/portal/api/consultations?status=closed' })).json();
    expect(closed.items[0]).toMatchObject({ id, status: 'published', resultsPublishedOn: '2025-03-31' });
  });

  it('limits comment submissions per IP', async () => {
    const c = await ctx.database.db.transaction((tx) => openConsultation(tx, draft('21'), actor));
    setToday('2025-03-10');
    const send = (ip: string) =>
      app.inject({
        method: 'POST',
        url: `/portal/api/consultations/${c.id}/comments`,
        remoteAddress: ip,
        payload: { text: '关于本方案的意见。' },
      });
    for (let i = 0; i < 5; i++) expect((await send('192.0.2.50')).statusCode).toBe(201);
    const limited = await send('192.0.2.50');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.json().error.message).toMatch(/请求过于频繁/);
    expect((await send('192.0.2.51')).statusCode).toBe(201);
  });
});
