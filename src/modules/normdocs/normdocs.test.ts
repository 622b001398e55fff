import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../kernel/calendar.js';
import { submitComment } from '../../kernel/consultation.js';
import { deadlines } from '../../kernel/db/schema.js';
import { runImport } from '../../kernel/imports.js';
import type { KernelContext } from '../../kernel/module.js';
import { exportRows } from '../../kernel/xlsx/export.js';
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
import { normdocsModule } from './manifest.js';
import { DOCUMENT_LEDGER } from './model.js';
import { normdocsDocuments } from './schema.js';
import { runStep } from './service.js';

describe('行政规范性文件: 三统一, 备案, 报备及时率, portal', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let clerkA: Session;
  let clerkB: Session;
  let adviser: Session;
  let county: Session;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    clerkA = await quickSession(ctx, await addUser(ctx, 'nd.clerka', '经办人', T.townA));
    clerkB = await quickSession(ctx, await addUser(ctx, 'nd.clerkb', '经办人', T.townB));
    adviser = await quickSession(ctx, await addUser(ctx, 'nd.adviser', '法律顾问', T.county));
    county = await quickSession(ctx, await addUser(ctx, 'nd.county', '县级监督', T.county));
    app = await testApp(ctx);
  });

  const create = (s: Session, org: string, title: string, extra: Record<string, unknown> = {}) =>
    call(app, s, 'POST', '/api/normdocs/documents', {
      orgCode: org,
      title,
      draftedOn: '2024-08-01',
      body: '第一条 为规范管理,制定本办法。\n第二条 本办法自施行之日起生效。',
      ...extra,
    });
  const step = (s: Session, id: number, name: string, body: Record<string, unknown>) =>
    call(app, s, 'POST', `/api/normdocs/documents/${id}/${name}`, body);
  const ok = async (p: Promise<LightMyRequestResponse>) => {
    const r = await p;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r;
  };
  /** 起草 → 合法性审核 → 集体审议 → 登记编号 → 公布 (2024-09-02). */
  async function issue(s: Session, org: string, title: string, publishedOn = '2024-09-02') {
    const r = await ok(create(s, org, title));
    const id = r.json().id as number;
    await ok(step(s, id, 'submitReview', { on: '2024-08-01' }));
    await ok(
      step(adviser, id, 'legalReview', { on: '2024-08-05', result: '合法', opinion: '符合上位法规定' }),
    );
    await ok(step(s, id, 'deliberate', { on: '2024-08-20', meeting: '镇党政联席会议', result: '通过' }));
    await ok(step(s, id, 'register', { on: '2024-08-30', docNo: '府发〔2024〕8号' }));
    const pub = await ok(step(s, id, 'publish', { on: publishedOn, medium: '政府网站' }));
    return { id, doc: pub.json() };
  }

  it('numbers documents from the org sequence (n, n+1) and refuses a typed number', async () => {
    const typed = await create(clerkA, T.townA, '甲镇自定编号办法', { registrationNo: '甲镇规〔2024〕99号' });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.message).toContain('由系统');

    const f1 = await issue(clerkA, T.townA, '甲镇农村人居环境整治管理办法');
    const f2 = await issue(clerkA, T.townA, '甲镇农村集体资产管理暂行办法');
    ids.f1 = f1.id;
    ids.f2 = f2.id;
    expect(f1.doc.registrationNo).toBe('甲镇规〔2024〕1号');
    expect(f2.doc.registrationNo).toBe('甲镇规〔2024〕2号');
    expect(f2.doc.registrationSeq).toBe(f1.doc.registrationSeq + 1);
    expect(f1.doc.filedTo).toBe(T.county);

    // 施行 30 days after 公布; 5 years, 暂行 2 years; reminder 6 months before expiry.
    expect(f1.doc.effectiveOn).toBe('2024-10-02');
    expect(f1.doc.validUntil).toBe('2029-10-01');
    expect(f2.doc.temporary).toBe(true);
    expect(f2.doc.validUntil).toBe('2026-10-01');
    const reminder = f2.doc.deadlines.find((d: { step: string }) => d.step === 'expiryReminder');
    expect(reminder.dueOn).toBe('2026-04-01');

    // The register step takes no typed number either.
    const r = await ok(create(clerkA, T.townA, '甲镇另一份办法'));
    const id = r.json().id as number;
    await ok(step(clerkA, id, 'submitReview', { on: '2024-08-01' }));
    await ok(step(adviser, id, 'legalReview', { on: '2024-08-02', result: '合法', opinion: '合法' }));
    await ok(step(clerkA, id, 'deliberate', { on: '2024-08-03', meeting: '镇长办公会', result: '通过' }));
    const reg = await step(clerkA, id, 'register', { on: '2024-08-04', registrationNo: '甲镇规〔2024〕7号' });
    expect(reg.statusCode).toBe(400);
    expect(reg.json().error.message).toContain('不能手工填写');
  });

  it('refuses 集体审议 without a passing legality review, and 公布 without 集体审议', async () => {
    const id = (await ok(create(clerkA, T.townA, '甲镇未审核的办法'))).json().id as number;
    const early = await step(clerkA, id, 'deliberate', {
      on: '2024-08-05',
      meeting: '镇长办公会',
      result: '通过',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('合法性审核');
    // The clerk cannot record the review: the reviewer's permission.
    await ok(step(clerkA, id, 'submitReview', { on: '2024-08-05' }));
    const byClerk = await step(clerkA, id, 'legalReview', {
      on: '2024-08-06',
      result: '合法',
      opinion: '合法',
    });
    expect(byClerk.statusCode).toBe(403);
    await ok(
      step(adviser, id, 'legalReview', { on: '2024-08-06', result: '不合法', opinion: '超越法定权限' }),
    );
    const bad = await step(clerkA, id, 'deliberate', {
      on: '2024-08-07',
      meeting: '镇长办公会',
      result: '通过',
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.message).toContain('不合法');
    const noMeeting = await step(clerkA, id, 'publish', { on: '2024-08-07', medium: '政府网站' });
    expect(noMeeting.statusCode).toBe(409);
    expect(noMeeting.json().error.message).toContain('集体审议');
    // Re-submitted and found lawful: the meeting may go ahead.
    await ok(step(clerkA, id, 'submitReview', { on: '2024-08-08' }));
    await ok(step(adviser, id, 'legalReview', { on: '2024-08-09', result: '修改后合法', opinion: '已修改' }));
    await ok(step(clerkA, id, 'deliberate', { on: '2024-08-10', meeting: '镇长办公会', result: '通过' }));
    const reviews = (await call(app, clerkA, 'GET', `/api/normdocs/documents/${id}`)).json().legalReviews;
    expect(reviews).toHaveLength(2);
    // The kernel deadline used the configured 5 工作日.
    const [rd] = await ctx.database.db
      .select()
      .from(deadlines)
      .where(
        and(
          eq(deadlines.module, 'normdocs'),
          eq(deadlines.entityId, String(id)),
          eq(deadlines.step, 'legalReview'),
        ),
      );
    expect(rd!.dueOn).toBe('2024-08-15');
  });

  it('refuses 集体审议 while the comment period is open or a comment is unanswered', async () => {
    const id = (await ok(create(clerkA, T.townA, '甲镇征求意见的办法'))).json().id as number;
    await ok(step(clerkA, id, 'consult', { opensOn: '2024-08-01', closesOn: '2024-08-30' }));
    await ok(step(clerkA, id, 'submitReview', { on: '2024-08-01' }));
    await ok(step(adviser, id, 'legalReview', { on: '2024-08-02', result: '合法', opinion: '合法' }));
    const db = ctx.database.db;
    const actor = { id: null, name: 'test' };
    const detail = (await call(app, clerkA, 'GET', `/api/normdocs/documents/${id}`)).json();
    await db.transaction((tx) =>
      submitComment(tx, detail.consultation.id, { text: '建议明确适用范围' }, '2024-08-10'),
    );
    const open = db.transaction((tx) =>
      runStep(tx, id, 'deliberate', { on: '2024-08-20', meeting: '会', result: '通过' }, actor, '2024-08-20'),
    );
    await expect(open).rejects.toThrow('征求意见期未届满');
    const unanswered = db.transaction((tx) =>
      runStep(tx, id, 'deliberate', { on: '2024-09-05', meeting: '会', result: '通过' }, actor, '2024-09-05'),
    );
    await expect(unanswered).rejects.toThrow('尚有1条公众意见未逐条答复');
  });

  it('files to the county; a late filing counts against 报备及时率 (kernel calendar)', async () => {
    const f3 = await issue(clerkB, T.townB, '乙镇集镇管理办法');
    ids.f3 = f3.id;
    // Published 2024-09-02: 30 days end on 10-02, a 国庆 rest day, so the window runs to 2024-10-08.
    const due = addCalendarDays('2024-09-02', 30).due;
    expect(due).toBe('2024-10-08');
    const d1 = await ok(step(clerkA, ids.f1!, 'file', { on: due }));
    expect(d1.json().filedOn).toBe(due);
    await ok(step(clerkA, ids.f2!, 'file', { on: '2024-10-09' }));
    const late = d1.json().deadlines.find((d: { step: string }) => d.step === 'filing');
    expect(late.late).toBe(false);

    const p = { orgCode: T.townA, from: '2024-01-01', to: '2024-12-31', asOf: '2025-06-30' };
    const fig = async (orgCode: string) =>
      Object.fromEntries(
        (await computeFigures(ctx.database.db, [normdocsModule], { ...p, orgCode })).map((f) => [f.id, f]),
      );
    let a = await fig(T.townA);
    expect(a['normdocs.issued']!.value).toBe(2);
    expect(a['normdocs.filingRate']!.value).toBe(100);
    expect(a['normdocs.filingOnTimeRate']).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(a['normdocs.reviewRate']!.value).toBe(100);
    // County: 乙镇's document is unfiled and past its window — it counts against both rates.
    const c = await fig(T.county);
    expect(c['normdocs.filingRate']).toMatchObject({ numerator: 2, denominator: 3 });
    expect(c['normdocs.filingOnTimeRate']).toMatchObject({ numerator: 1, denominator: 3 });

    // 备案审查: the county sees the filings of every township, pending first.
    const pending = (
      await call(app, county, 'GET', `/api/normdocs/filings?org=${T.county}&pending=1`)
    ).json();
    expect(pending.items.map((i: { id: number }) => i.id).sort()).toEqual([ids.f1, ids.f2].sort());
    const byTown = await step(clerkA, ids.f1!, 'filingReview', { result: '合格' });
    expect(byTown.statusCode).toBe(403);
    await ok(step(county, ids.f1!, 'filingReview', { on: '2024-10-20', result: '合格' }));
    const noReason = await step(county, ids.f2!, 'filingReview', { on: '2024-10-20', result: '纠正' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('纠正理由');
    await ok(
      step(county, ids.f2!, 'filingReview', {
        on: '2024-10-20',
        result: '纠正',
        reason: '第五条设定罚款无上位法依据',
      }),
    );
    a = await fig(T.townA);
    expect(a['normdocs.filingPassRate']).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    // Drill-down lists exactly the rows behind the figure.
    const drill = (
      await call(
        app,
        county,
        'GET',
        `/api/normdocs/documents?org=${T.townA}&indicator=normdocs.filingOnTimeRate&from=2024-01-01&to=2024-12-31`,
      )
    ).json();
    expect(drill.items.map((i: { id: number }) => i.id)).toEqual([ids.f1]);
  });

  it('scopes: the county sees both townships, a township not its neighbour (404)', async () => {
    const list = (
      await call(app, county, 'GET', `/api/normdocs/documents?org=${T.county}&status=published`)
    ).json();
    const orgsSeen = new Set(list.items.map((i: { orgCode: string }) => i.orgCode));
    expect(orgsSeen).toEqual(new Set([T.townA, T.townB]));
    expect((await call(app, clerkB, 'GET', `/api/normdocs/documents/${ids.f1}`)).statusCode).toBe(404);
    expect((await call(app, clerkA, 'GET', `/api/normdocs/documents/${ids.f3}`)).statusCode).toBe(404);
    expect((await call(app, county, 'GET', `/api/normdocs/documents/${ids.f3}`)).statusCode).toBe(200);
    const mine = (await call(app, clerkB, 'GET', `/api/normdocs/documents?org=${T.townB}`)).json();
    expect(mine.items.every((i: { orgCode: string }) => i.orgCode === T.townB)).toBe(true);
  });

  it('portal shows only documents in force; 审查建议 land with the county', async () => {
    // f3 is repealed in a 清理 campaign; f2's validity is made to have ended.
    await ok(
      step(clerkB, ids.f3!, 'cleanup', {
        on: '2025-03-01',
        campaign: '2025年规范性文件集中清理',
        result: '废止',
      }),
    );
    await ctx.database.db
      .update(normdocsDocuments)
      .set({ validUntil: '2025-01-01' })
      .where(eq(normdocsDocuments.id, ids.f2!));
    const lib = (await call(app, null, 'GET', '/portal/normdocs/documents')).json();
    const shown = lib.items.map((i: { id: number }) => i.id);
    expect(shown).toEqual([ids.f1]);
    expect(lib.items[0].effect).toBe('现行有效');
    const one = (await call(app, null, 'GET', `/portal/normdocs/documents/${ids.f3}`)).json();
    expect(one.effect).toBe('已废止');
    expect(one.history.map((h: { label: string }) => h.label)).toContain('2025年规范性文件集中清理:废止');

    const draft = (await ok(create(clerkA, T.townA, '甲镇草稿办法'))).json().id as number;
    const onDraft = await call(app, null, 'POST', `/portal/normdocs/documents/${draft}/suggestions`, {
      text: '该文件第三条与上位法相抵触,建议审查',
    });
    expect(onDraft.statusCode).toBe(404);
    const sent = await call(app, null, 'POST', `/portal/normdocs/documents/${ids.f1}/suggestions`, {
      text: '该文件第三条与上位法相抵触,建议审查',
      authorName: '张三',
      contact: '13912345678',
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().handledBy).toBe('测试县');
    const got = (
      await call(app, county, 'GET', `/api/normdocs/suggestions?org=${T.county}&pending=1`)
    ).json();
    expect(got.items).toHaveLength(1);
    expect(got.items[0]).toMatchObject({ documentId: ids.f1, contact: '13912345678' });
    expect((await call(app, clerkA, 'GET', `/api/normdocs/suggestions?org=${T.townA}`)).statusCode).toBe(403);
    await ok(
      call(app, county, 'POST', `/api/normdocs/suggestions/${got.items[0].id}/reply`, {
        reply: '经审查,该条款有上位法依据',
      }),
    );
  });

  it('imports an old 发文台账: all or nothing, errors by row and column', async () => {
    const rows = [
      {
        title: '甲镇河道管理办法',
        docNo: '甲府发〔2024〕3号',
        registrationNo: '甲镇规〔2024〕3号', // issued before the platform, by hand
        publishedOn: '2024-05-10',
        filedOn: '2024-05-20',
        filingResult: '合格',
      },
      { title: '甲镇殡葬管理暂行规定', publishedOn: '2022-03-01', filedOn: '2022-02-01' },
    ];
    const bad = await runImport(
      ctx.database.db,
      normdocsModule.importLedger!,
      await exportRows(DOCUMENT_LEDGER, rows),
      T.townA,
      { id: null, name: 'test' },
    );
    expect(bad.imported).toBe(0);
    expect(bad.errors).toEqual([{ row: 4, column: '报备日期', message: '报备日期不能早于公布日期' }]);
    rows[1]!.filedOn = '2022-03-20';
    const good = await runImport(
      ctx.database.db,
      normdocsModule.importLedger!,
      await exportRows(DOCUMENT_LEDGER, rows),
      T.townA,
      { id: null, name: 'test' },
    );
    expect(good.imported).toBe(2);
    const list = (await call(app, clerkA, 'GET', `/api/normdocs/documents?org=${T.townA}&q=殡葬`)).json();
    expect(list.items[0]).toMatchObject({ temporary: true, validUntil: '2024-03-30', registrationNo: null });
    // A number the ledger holds is skipped by the sequence, never reused.
    const n = await issue(clerkA, T.townA, '甲镇集贸市场管理办法', '2024-09-03');
    expect(n.doc.registrationNo).toBe('甲镇规〔2024〕4号');
  });
});
