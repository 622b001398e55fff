import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KernelContext } from '../../kernel/module.js';
import { computeFigures } from '../../reporting/indicators.js';
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
import { decisionsModule } from './manifest.js';
import { hearingProblem, thirdPartyProblem } from './rules.js';

const API = '/api/decisions';
const setToday = (d: string) => {
  process.env.FAZHI_TODAY = d;
};

describe('重大行政决策: the five statutory procedures before the decision', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let clerk: Session;
  let clerkB: Session;
  let manager: Session;
  let adviser: Session;
  let county: Session;
  let catalogueItemId: number;
  let fullId: number;
  let commentId: number;
  let consultationId: number;

  const create = async (s: Session, over: Record<string, unknown> = {}) => {
    const r = await call(app, s, 'POST', `${API}/decisions`, {
      orgCode: T.townA,
      kind: '重大行政决策',
      title: '甲镇农贸市场改造提升方案',
      category: '重大公共建设项目',
      outOfCatalogueReason: '年中新增的紧急民生项目',
      sponsorUnit: '甲镇经济发展办公室',
      draft: '第一条 改造范围为镇农贸市场及周边道路。\n\n第二条 改造期间设置临时疏导摊位。',
      launchedOn: '2025-03-01',
      ...over,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  const step = (s: Session, id: number, name: string, body: unknown) =>
    call(app, s, 'POST', `${API}/decisions/${id}/${name}`, body);
  const ok = async (s: Session, id: number, name: string, body: unknown) => {
    const r = await step(s, id, name, body);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const meeting = {
    meetingType: '常务会议',
    attendees: '镇长、副镇长、党政办主任',
    minutes: '会议讨论了改造方案,同意实施。',
    dissent: '一名副镇长建议延长过渡期',
    outcome: '通过',
    decisionText: '同意实施甲镇农贸市场改造提升方案。',
  };

  beforeAll(async () => {
    setToday('2025-03-03');
    ctx = await testContext();
    await seedTree(ctx);
    clerk = await quickSession(ctx, await addUser(ctx, 'jc.clerk', '经办人', T.townA));
    clerkB = await quickSession(ctx, await addUser(ctx, 'jc.clerkb', '经办人', T.townB));
    manager = await quickSession(ctx, await addUser(ctx, 'jc.admin', '镇级管理员', T.townA));
    adviser = await quickSession(ctx, await addUser(ctx, 'jc.guwen', '法律顾问', T.townA));
    county = await quickSession(ctx, await addUser(ctx, 'jc.county', '县级监督', T.county));
    app = await testApp(ctx);
  });
  afterAll(() => {
    delete process.env.FAZHI_TODAY;
  });

  it('年度决策事项目录: 经党委同意 before publication; the portal lists only the published catalogue', async () => {
    const c = await call(app, manager, 'POST', `${API}/catalogues`, { orgCode: T.townA, year: 2025 });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id;
    expect(
      (await call(app, clerk, 'POST', `${API}/catalogues`, { orgCode: T.townA, year: 2026 })).statusCode,
    ).toBe(403);
    const it1 = await call(app, manager, 'POST', `${API}/catalogues/${id}/items`, {
      title: '甲镇农贸市场改造提升方案',
      category: '重大公共建设项目',
      sponsorUnit: '甲镇经济发展办公室',
    });
    expect(it1.statusCode, it1.body).toBe(201);
    catalogueItemId = it1.json().id;
    let portal = await call(app, null, 'GET', '/portal/decisions/catalogues');
    expect(portal.json()).toEqual([]);
    const early = await call(app, manager, 'POST', `${API}/catalogues/${id}/publish`, { on: '2025-02-20' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('党委同意');
    expect(
      (await call(app, manager, 'POST', `${API}/catalogues/${id}/approve`, { on: '2025-02-18' })).statusCode,
    ).toBe(200);
    expect(
      (await call(app, manager, 'POST', `${API}/catalogues/${id}/publish`, { on: '2025-02-20' })).statusCode,
    ).toBe(200);
    portal = await call(app, null, 'GET', '/portal/decisions/catalogues');
    const list = portal.json();
    expect(list).toHaveLength(1);
    expect(list[0].items[0].title).toBe('甲镇农贸市场改造提升方案');
    expect(list[0].partyApprovedOn).toBe('2025-02-18');
    // Another township's clerk does not see it among its catalogues.
    const b = await call(app, clerkB, 'GET', `${API}/catalogues?org=${T.townB}`);
    expect(b.json()).toEqual([]);
  });

  it('a decision outside the catalogue needs a reason', async () => {
    const r = await call(app, clerk, 'POST', `${API}/decisions`, {
      orgCode: T.townA,
      kind: '重大行政决策',
      title: '某事项',
      category: '重大公共建设项目',
      sponsorUnit: '甲镇经发办',
      draft: '草案',
      launchedOn: '2025-03-01',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('未列入年度决策事项目录');
  });

  it('a comment period of 29 days is refused without a reason', async () => {
    fullId = await create(clerk, { catalogueItemId, outOfCatalogueReason: null });
    const r = await step(clerk, fullId, 'consult', { opensOn: '2025-03-03', closesOn: '2025-03-31' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('少于30日');
    const d = await ok(clerk, fullId, 'consult', { opensOn: '2025-03-03', closesOn: '2025-04-01' });
    expect(d.consultation.days).toBe(30);
    consultationId = d.consultation.id;
  });

  it('the legality review: at least 7 工作日, recorded by the legal adviser only', async () => {
    setToday('2025-03-12');
    const short = await step(clerk, fullId, 'legalSubmit', { on: '2025-03-05', workdays: 5 });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('7个工作日');
    await ok(clerk, fullId, 'legalSubmit', { on: '2025-03-05', workdays: 7 });
    const byClerk = await step(clerk, fullId, 'legalReview', {
      on: '2025-03-10',
      result: '合法',
      opinion: '合法',
    });
    expect(byClerk.statusCode).toBe(403);
    const d = await ok(adviser, fullId, 'legalReview', {
      on: '2025-03-12',
      result: '合法',
      opinion: '主体适格,程序合法,内容不违反上位法。',
    });
    expect(d.legalReviews[0].adviserInvolved).toBe(true);
    expect(d.procedures.find((p: { procedure: string }) => p.procedure === 'legal').done).toBe(true);
  });

  it('a decision missing its risk assessment is refused, naming 风险评估', async () => {
    const r = await step(clerk, fullId, 'collective', { ...meeting, on: '2025-03-12' });
    expect(r.statusCode).toBe(409);
    const msg = r.json().error.message as string;
    expect(msg).toMatch(/^尚缺:/);
    expect(msg).toContain('风险评估');
    expect(msg).toContain('专家论证');
    expect(msg).toContain('征求意见期未届满');
    expect(msg).not.toContain('合法性审查');
  });

  it('专家论证 needs the conflict-of-interest check; 风险评估 recorded', async () => {
    const expert = {
      on: '2025-03-08',
      unit: '德阳市规划设计研究院',
      experts: [{ name: '王工', title: '高级工程师', unit: '德阳市规划设计研究院' }],
      opinions: '方案可行,建议增加消防通道。',
      disclosed: true,
    };
    const bad = await step(clerk, fullId, 'expert', { ...expert, conflictChecked: false });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('利害关系');
    await ok(clerk, fullId, 'expert', { ...expert, conflictChecked: true });
    await ok(clerk, fullId, 'risk', {
      on: '2025-03-10',
      assessor: '四川某社会稳定风险评估中心',
      report: '风险点:摊贩临时安置;防范措施:设置过渡摊位;处置预案:专人值守。',
      level: '低',
      controllable: true,
    });
  });

  it('a citizen comments on the portal; discussion is refused while the period is open or comments unanswered', async () => {
    const c = await call(app, null, 'POST', `/portal/api/consultations/${consultationId}/comments`, {
      paragraphNo: 2,
      text: '建议临时摊位设在镇文化广场,方便老人购买。',
      authorName: '李群众',
      contact: '13800000000',
    });
    expect(c.statusCode, c.body).toBe(201);
    commentId = c.json().id;
    const open = await step(clerk, fullId, 'collective', { ...meeting, on: '2025-03-12' });
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toContain('征求意见期未届满');

    setToday('2025-04-03');
    const unanswered = await step(clerk, fullId, 'collective', { ...meeting, on: '2025-04-03' });
    expect(unanswered.statusCode).toBe(409);
    expect(unanswered.json().error.message).toContain('尚有1条公众意见未逐条答复');
    const a = await call(app, clerk, 'POST', `/api/comments/${commentId}/answer`, {
      decision: '部分采纳',
      reason: '文化广场承担集会功能,临时摊位改设于广场东侧停车场。',
    });
    expect(a.statusCode, a.body).toBe(200);
  });

  it('full path: collective decision, publication with the comment and its adoption status on the portal', async () => {
    const d = await ok(clerk, fullId, 'collective', { ...meeting, on: '2025-04-03' });
    expect(d.status).toBe('decided');
    expect(d.decidedOn).toBe('2025-04-03');
    // Not on the portal before publication.
    expect((await call(app, null, 'GET', `/portal/decisions/decisions/${fullId}`)).statusCode).toBe(404);
    const noNote = await step(clerk, fullId, 'publish', {
      on: '2025-04-03',
      channel: '甲镇人民政府网站',
      publicText: '甲镇农贸市场改造提升方案及政策解读',
    });
    expect(noNote.statusCode).toBe(400);
    await ok(clerk, fullId, 'publish', {
      on: '2025-04-03',
      channel: '甲镇人民政府网站',
      publicText: '甲镇农贸市场改造提升方案及政策解读',
      adoptionNote: '共收到意见1条,部分采纳1条。',
    });
    const list = await call(app, null, 'GET', '/portal/decisions/decisions');
    expect(list.json().items.map((x: { id: number }) => x.id)).toContain(fullId);
    const p = (await call(app, null, 'GET', `/portal/decisions/decisions/${fullId}`)).json();
    expect(p.title).toBe('甲镇农贸市场改造提升方案');
    expect(p.consultation.adoptionNote).toContain('部分采纳');
    expect(p.consultation.comments).toHaveLength(1);
    expect(p.consultation.comments[0]).toMatchObject({
      text: '建议临时摊位设在镇文化广场,方便老人购买。',
      decision: '部分采纳',
      paragraphNo: 2,
    });
    expect(JSON.stringify(p)).not.toContain('13800000000');
    expect(JSON.stringify(p)).not.toContain('李群众');
    expect(p.expert.experts[0].name).toBe('王工');
  });

  it('执行 and 决策后评估: a third party that did the risk assessment is refused', async () => {
    await ok(clerk, fullId, 'execute', { unit: '甲镇市场监管所' });
    await ok(clerk, fullId, 'report', { on: '2025-04-03', unit: '甲镇市场监管所', text: '已完成招标。' });
    const bad = await step(clerk, fullId, 'evalPlan', {
      on: '2026-04-01',
      trigger: '决策机关认为有必要',
      evaluator: '四川某社会稳定风险评估中心',
      thirdParty: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('第三十六条');
    await ok(clerk, fullId, 'evalPlan', {
      on: '2026-04-01',
      trigger: '决策机关认为有必要',
      evaluator: '某大学公共管理学院',
      thirdParty: true,
    });
    const d = await ok(clerk, fullId, 'evalDone', {
      on: '2025-04-03',
      report: '效果良好。',
      conclusion: '继续执行',
    });
    expect(d.status).toBe('evaluated');
  });

  it('discussion is refused before the legality review, and after a 不合法 result', async () => {
    setToday('2025-05-06');
    const id = await create(clerk, {
      title: '乙事项',
      expertWaivedReason: '事项不涉及专业技术问题',
      riskWaivedReason: '经初步排查不涉及社会稳定风险',
    });
    await ok(clerk, id, 'noConsultation', { reason: '涉及依法不予公开的内容,改为召开座谈会' });
    await ok(clerk, id, 'meeting', {
      kind: '座谈会',
      heldOn: '2025-05-06',
      participants: '村民代表12人',
      opinions: '同意。',
    });
    let r = await step(clerk, id, 'collective', { ...meeting, on: '2025-05-06' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe('尚缺:合法性审查(尚未送请合法性审查)');
    await ok(clerk, id, 'legalSubmit', { on: '2025-05-06', workdays: 7 });
    await ok(adviser, id, 'legalReview', { on: '2025-05-06', result: '不合法', opinion: '超越法定权限。' });
    r = await step(clerk, id, 'collective', { ...meeting, on: '2025-05-06' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('不得提交讨论');
  });

  it('听证会 materials must reach participants 7 days before', async () => {
    const id = await create(clerk, { title: '丙事项' });
    const r = await step(clerk, id, 'meeting', {
      kind: '听证会',
      heldOn: '2025-05-06',
      materialsSentOn: '2025-05-01',
      participants: '听证参加人9人',
      opinions: '略。',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('7日前');
    expect(hearingProblem('2025-05-08', '2025-05-01')).toBeNull();
    expect(thirdPartyProblem('某大学', { experts: [{ name: '王工', unit: '某大学' }] })).not.toBeNull();
  });

  it('专家论证 cannot be waived for a 专业性强 decision', async () => {
    const r = await call(app, clerk, 'POST', `${API}/decisions`, {
      orgCode: T.townA,
      kind: '重大行政决策',
      title: '丁事项',
      category: '重大公共建设项目',
      outOfCatalogueReason: '新增',
      sponsorUnit: '甲镇经发办',
      draft: '草案',
      launchedOn: '2025-05-01',
      professional: true,
      expertWaivedReason: '不需要',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('专家论证');
  });

  it('三重一大: the same collective-decision record, no other procedure required', async () => {
    const id = await create(clerk, {
      kind: '三重一大',
      matter: '大额资金使用',
      category: null,
      title: '镇政府食堂设备采购(大额资金)',
    });
    const d = await ok(clerk, id, 'collective', { ...meeting, meetingType: '党委会议', on: '2025-05-06' });
    expect(d.status).toBe('decided');
    expect(d.procedures.map((p: { procedure: string }) => p.procedure)).toEqual(['legal', 'collective']);
  });

  it('scope: another township neither reads nor acts on the decision; the county reads it', async () => {
    expect((await call(app, clerkB, 'GET', `${API}/decisions/${fullId}`)).statusCode).toBe(404);
    expect((await step(clerkB, fullId, 'execute', { unit: '乙镇' })).statusCode).toBe(404);
    const b = await call(app, clerkB, 'GET', `${API}/decisions?org=${T.townB}`);
    expect(b.json().total).toBe(0);
    const a = await call(app, clerkB, 'GET', `${API}/decisions?org=${T.townA}`);
    expect(a.statusCode).toBe(404);
    const c = await call(app, county, 'GET', `${API}/decisions?org=${T.county}`);
    expect(c.json().total).toBeGreaterThanOrEqual(4);
    expect((await call(app, county, 'GET', `${API}/decisions/${fullId}`)).statusCode).toBe(200);
    expect((await step(county, fullId, 'execute', { unit: '县' })).statusCode).toBe(403);
  });

  it('indicators count the rows behind them, and the drill-down lists the same rows', async () => {
    const p = { orgCode: T.county, from: '2025-01-01', to: '2025-12-31', asOf: '2025-12-31' };
    const figures = await computeFigures(ctx.database.db, [decisionsModule], p);
    const f = Object.fromEntries(figures.map((x) => [x.id, x]));
    expect(f['decisions.decided']!.value).toBe(1);
    expect(f['decisions.procedureRate']!.value).toBe(100);
    expect(f['decisions.legalReviewRate']!.value).toBe(100);
    expect(f['decisions.consulted']!.value).toBe(1);
    expect(f['decisions.consultationRate']!.value).toBe(100);
    expect(f['decisions.evaluated']!.value).toBe(1);
    expect(f['decisions.sanzhong']!.value).toBe(1);
    const drill = await call(
      app,
      county,
      'GET',
      `${API}/decisions?org=${T.county}&indicator=decisions.decided&from=2025-01-01&to=2025-12-31`,
    );
    expect(drill.json().items.map((x: { id: number }) => x.id)).toEqual([fullId]);
    const paragraphs = decisionsModule.report!(new Map(figures.map((x) => [x.id, { value: x.value }])));
    expect(paragraphs[0]!.template).toContain('{decisions.decided}');
  });
});
