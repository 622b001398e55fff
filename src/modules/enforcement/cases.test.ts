import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { deadlines } from '../../kernel/db/schema.js';
import type { KernelContext } from '../../kernel/module.js';
import { idCardCheckChar } from '../../kernel/validate.js';
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
import {
  enforcementCases,
  enforcementItems,
  enforcementOfficers,
  enforcementPublications,
} from './schema.js';

const ID17 = '51062619900101123';
const ID_CARD = ID17 + idCardCheckChar(ID17);

describe('enforcement cases: 《行政处罚法》 procedure, 三项制度 by construction', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let clerk: Session;
  let clerkB: Session;
  let county: Session;
  let admin: Session;
  let reviewer: Session;
  let officerReviewer: Session;
  let itemId: number;
  const o: Record<string, number> = {};

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    clerk = await quickSession(ctx, await addUser(ctx, 'zf.clerk', '经办人', T.townA));
    clerkB = await quickSession(ctx, await addUser(ctx, 'zf.clerkb', '经办人', T.townB));
    county = await quickSession(ctx, await addUser(ctx, 'zf.county', '县级监督', T.county));
    admin = await quickSession(ctx, await addUser(ctx, 'zf.admin', '系统管理员', T.townA));
    reviewer = await quickSession(ctx, await addUser(ctx, 'zf.fazhi', '法律顾问', T.townA));
    const officerReviewerId = await addUser(ctx, 'zf.fazhi2', '法律顾问', T.townA);
    officerReviewer = await quickSession(ctx, officerReviewerId);
    const db = ctx.database.db;
    const [item] = await db
      .insert(enforcementItems)
      .values({
        orgCode: T.county,
        listKind: '行政执法权责事项',
        itemCode: 'CF-001',
        name: '对违法占用道路从事经营活动的处罚',
        itemType: '行政处罚',
        legalBasis: '《城市道路管理条例》第二十七条、第四十二条',
        delegated: true,
        effectiveFrom: '2020-01-01',
      })
      .returning();
    itemId = item!.id;
    const add = async (key: string, v: Partial<typeof enforcementOfficers.$inferInsert>) => {
      const [row] = await db
        .insert(enforcementOfficers)
        .values({
          orgCode: T.townA,
          name: key,
          certNo: `510626-${key}`,
          validFrom: '2020-01-01',
          validTo: '2030-12-31',
          ...v,
        })
        .returning();
      o[key] = row!.id;
    };
    await add('张执法', {});
    await add('李执法', { orgCode: T.county }); // county officer, joint enforcement
    await add('王无证', { certNo: null, validFrom: null, validTo: null });
    await add('赵过期', { validTo: '2024-12-31' });
    await add('钱审核', { userId: officerReviewerId });
    await add('孙乙镇', { orgCode: T.townB });
    await add('周乙镇', { orgCode: T.townB });
    app = await testApp(ctx);
  });

  const file = (s: Session, body: Record<string, unknown> = {}) =>
    call(app, s, 'POST', '/api/enforcement/cases', {
      orgCode: T.townA,
      procedure: 'ordinary',
      itemId,
      source: '日常巡查',
      partyType: '自然人',
      partyName: '周明远',
      partyIdNo: ID_CARD,
      partyPhone: '13912345678',
      summary: '占用人行道摆摊经营',
      filedOn: '2025-08-01',
      officerIds: [o.张执法, o.李执法],
      ...body,
    });
  const step = (s: Session, id: number, name: string, body: Record<string, unknown>) =>
    call(app, s, 'POST', `/api/enforcement/cases/${id}/${name}`, body);
  const limit = async (id: number, s: string) =>
    (
      await ctx.database.db
        .select()
        .from(deadlines)
        .where(
          and(eq(deadlines.module, 'enforcement'), eq(deadlines.entityId, String(id)), eq(deadlines.step, s)),
        )
    )[0];
  const INVESTIGATE = {
    findings: '当事人在人行道摆摊经营,经多次劝阻未改正',
    proposal: '拟处罚款二万元',
    proposedPenalties: ['罚款'],
    proposedFine: 20000,
  };

  it('refuses an uncertified or expired officer, naming them (第四十二条)', async () => {
    const none = await file(clerk, { officerIds: [o.张执法, o.王无证] });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toContain('王无证未取得行政执法证件');
    const expired = await file(clerk, { officerIds: [o.张执法, o.赵过期] });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.message).toContain('赵过期的执法证');
    expect(expired.json().error.message).toContain('已于 2024-12-31 过期');
    // Valid on a day before expiry: the same officer may act on a case filed then.
    expect((await file(clerk, { officerIds: [o.张执法, o.赵过期], filedOn: '2024-12-30' })).statusCode).toBe(
      201,
    );
    const neighbour = await file(clerk, { officerIds: [o.张执法, o.孙乙镇] });
    expect(neighbour.statusCode).toBe(400);
    expect(neighbour.json().error.message).toContain('孙乙镇不属于本乡镇');
    const one = await file(clerk, { officerIds: [o.张执法, o.张执法] });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.message).toContain('第四十二条');
    const badId = await file(clerk, { partyIdNo: '510626199001011230' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toContain('身份证号无效');
    const eligible = (
      await call(app, clerk, 'GET', `/api/enforcement/officers/eligible?org=${T.townA}&on=2025-08-01`)
    ).json();
    expect(eligible.map((x: { name: string }) => x.name).sort()).toEqual(
      ['张执法', '李执法', '钱审核'].sort(),
    );
  });

  let caseId: number;

  it('runs a 重大 case: no decision before a passing 法制审核 by an independent reviewer', async () => {
    const created = await file(clerk, { officerIds: [o.张执法, o.钱审核] });
    expect(created.statusCode).toBe(201);
    caseId = created.json().id;
    expect(created.json().caseNo).toMatch(/^ZF2025-100-\d{4}$/);
    // 第六十条: 90 days from 2025-08-01 is 10-30 (Thursday).
    expect(await limit(caseId, 'decide')).toMatchObject({ dueOn: '2025-10-30', status: 'open' });

    // The 系统管理员 investigates: a handler from now on.
    expect((await step(admin, caseId, 'investigate', { on: '2025-08-10', ...INVESTIGATE })).statusCode).toBe(
      200,
    );
    const major = await step(clerk, caseId, 'markMajor', {
      on: '2025-08-10',
      reasons: ['直接关系当事人或者第三人重大权益,经过听证程序'],
    });
    expect(major.statusCode).toBe(200);
    const notified = await step(clerk, caseId, 'notify', {
      on: '2025-08-15',
      content: '拟处罚款二万元,有权陈述申辩、要求听证',
    });
    expect(notified.statusCode).toBe(200);
    // 5 工作日 after Friday 08-15: 08-18 … 08-22.
    expect(notified.json()).toMatchObject({ hearingApplicable: true, hearingRequestUntil: '2025-08-22' });
    const late = await step(clerk, caseId, 'requestHearing', { on: '2025-08-25' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('2025-08-22');
    expect(late.json().error.message).toContain('第六十四条');

    const early = await step(clerk, caseId, 'decide', {
      on: '2025-08-25',
      decisionKind: '处罚',
      penaltyTypes: ['罚款'],
      fineAmount: 20000,
      facts: '当事人周明远在人行道摆摊经营',
      basis: '《城市道路管理条例》第四十二条',
      performance: '自收到本决定书之日起十五日内缴纳罚款',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('不能作出决定,尚缺');
    expect(early.json().error.message).toContain('法制审核');
    const detail = (await call(app, clerk, 'GET', `/api/enforcement/cases/${caseId}`)).json();
    expect(detail.missing.join()).toContain('法制审核');
    expect(detail.partyIdNo).toBe(ID_CARD); // 经办人 holds enforcement.personal
    expect(detail.allowedSteps.map((s: { step: string }) => s.step)).not.toContain('legalReview');

    expect((await step(clerk, caseId, 'submitReview', { on: '2025-08-26' })).statusCode).toBe(200);
    expect(await limit(caseId, 'review')).toMatchObject({ dueOn: '2025-09-02', status: 'open' });
    // The clerk lacks enforcement.review; an officer's own account and an earlier handler are refused.
    expect(
      (await step(clerk, caseId, 'legalReview', { result: '同意', opinion: '同意处罚' })).statusCode,
    ).toBe(403);
    const own = await step(officerReviewer, caseId, 'legalReview', {
      on: '2025-09-01',
      result: '同意',
      opinion: '同意',
    });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.message).toContain('不能是本案的执法人员(钱审核)');
    const handler = await step(admin, caseId, 'legalReview', {
      on: '2025-09-01',
      result: '同意',
      opinion: '同意',
    });
    expect(handler.statusCode).toBe(409);
    expect(handler.json().error.message).toContain('调查终结');
    const view = (await call(app, reviewer, 'GET', `/api/enforcement/cases/${caseId}`)).json();
    expect(view.allowedSteps.map((s: { step: string }) => s.step)).toEqual(['legalReview']);
    expect(view.partyIdNo).toBe(`510626********${ID_CARD.slice(-4)}`); // 法律顾问: masked
    const reviewed = await step(reviewer, caseId, 'legalReview', {
      on: '2025-09-01',
      result: '同意',
      opinion: '事实清楚,证据确实充分,适用依据正确,程序合法',
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json()).toMatchObject({ reviewerName: 'zf.fazhi', reviewResult: '同意' });
    expect(await limit(caseId, 'review')).toMatchObject({ status: 'done', doneOn: '2025-09-01' });

    const noFine = await step(clerk, caseId, 'decide', {
      on: '2025-09-30',
      decisionKind: '处罚',
      penaltyTypes: ['罚款'],
      facts: '事实',
      basis: '依据',
      performance: '十五日内缴纳',
    });
    expect(noFine.statusCode).toBe(400);
    const decided = await step(clerk, caseId, 'decide', {
      on: '2025-09-30',
      decisionKind: '处罚',
      penaltyTypes: ['罚款'],
      fineAmount: 20000,
      facts: `当事人周明远(身份证号 ${ID_CARD})在人行道摆摊经营,联系电话13912345678`,
      basis: '《城市道路管理条例》第四十二条',
      performance: '自收到本决定书之日起十五日内缴纳罚款',
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'decided',
      decisionNo: '甲罚决字〔2025〕第1号',
      missing: [],
    });
    expect(decided.json().remedy).toContain('六十日');
    expect(decided.json().remedy).toContain('六个月');
    expect(await limit(caseId, 'decide')).toMatchObject({ status: 'done' });
    // 7 工作日 from 2025-09-30 across 国庆/中秋 (10-01..10-08 off, 10-11 Saturday 调休 working):
    // 10-09, 10-10, 10-11, 10-13, 10-14, 10-15, 10-16.
    expect(await limit(caseId, 'publish')).toMatchObject({ dueOn: '2025-10-16', status: 'open' });
    expect(await limit(caseId, 'serve')).toMatchObject({ dueOn: '2025-10-16', status: 'open' });

    const served = await step(clerk, caseId, 'serve', { on: '2025-10-09', method: '直接送达' });
    expect(served.statusCode).toBe(200);
    expect(served.json().paymentDueOn).toBe('2025-10-24'); // 15 days (第六十七条)
    // Paid 68 days late: 3% a day would be 40800, capped at the fine (第七十二条).
    const executed = await step(clerk, caseId, 'execute', {
      on: '2025-12-31',
      paidOn: '2025-12-31',
      paidAmount: 40000,
    });
    expect(executed.statusCode).toBe(200);
    expect(executed.json().surcharge).toBe(20000);

    const published = await step(clerk, caseId, 'publish', { on: '2026-01-05' });
    expect(published.statusCode).toBe(200);
    const pd = published.json().deadlines.find((d: { step: string }) => d.step === 'publish');
    expect(pd).toMatchObject({ dueOn: '2025-10-16', status: 'done', late: true });
    expect(published.json().publication).toMatchObject({ dueOn: '2025-10-16', retainUntil: '2027-09-30' });
  });

  it('shows the masked summary on the portal and withdraws it within 3 工作日 of a revocation', async () => {
    const list = await call(app, null, 'GET', `/portal/enforcement/publications?org=${T.county}`);
    expect(list.statusCode).toBe(200);
    const item = list
      .json()
      .items.find((p: { decisionNo: string }) => p.decisionNo === '甲罚决字〔2025〕第1号');
    expect(item).toMatchObject({ orgName: '甲镇', category: '行政处罚' });
    const text = JSON.stringify(item);
    expect(text).not.toContain('周明远');
    expect(text).toContain('周**');
    expect(text).not.toContain(ID_CARD);
    expect(text).not.toContain('13912345678');
    const detail = await call(app, null, 'GET', `/portal/enforcement/publications/${item.id}`);
    expect(detail.statusCode).toBe(200);

    const revoked = await step(clerk, caseId, 'revoke', {
      on: '2026-01-09',
      kind: '撤销',
      reason: '复议机关撤销',
    });
    expect(revoked.statusCode).toBe(200);
    // 3 工作日 after Friday 2026-01-09.
    expect(await limit(caseId, 'withdraw')).toMatchObject({ dueOn: '2026-01-14', status: 'open' });
    const withdrawn = await step(clerk, caseId, 'withdraw', { on: '2026-01-12', reason: '决定已被撤销' });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().publication).toMatchObject({
      withdrawnOn: '2026-01-12',
      withdrawReason: '决定已被撤销',
    });
    expect((await call(app, null, 'GET', `/portal/enforcement/publications/${item.id}`)).statusCode).toBe(
      404,
    );
  });

  it('opens the hearing window in 工作日, schedules a hearing 7 工作日 ahead, hosted by a non-handler', async () => {
    const id = (await file(clerk, { filedOn: '2025-09-01' })).json().id;
    await step(clerk, id, 'investigate', { on: '2025-09-10', ...INVESTIGATE });
    const n = await step(clerk, id, 'notify', { on: '2025-09-26', content: '拟罚款二万元' });
    // 09-28 (Sunday, 调休 working), 09-29, 09-30, 10-09, 10-10.
    expect(n.json().hearingRequestUntil).toBe('2025-10-10');
    const req = await step(clerk, id, 'requestHearing', { on: '2025-10-10' });
    expect(req.statusCode).toBe(200);
    expect(req.json().status).toBe('hearing');
    const tooSoon = await step(clerk, id, 'scheduleHearing', {
      on: '2025-10-10',
      hearingOn: '2025-10-17',
      host: '吴主持',
    });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().error.message).toContain('2025-10-20');
    const handler = await step(clerk, id, 'scheduleHearing', {
      on: '2025-10-10',
      hearingOn: '2025-10-20',
      host: '张执法',
    });
    expect(handler.statusCode).toBe(409);
    expect(handler.json().error.message).toContain('非本案调查人员');
    expect(
      (
        await step(clerk, id, 'scheduleHearing', {
          on: '2025-10-10',
          hearingOn: '2025-10-20',
          host: '吴主持',
        })
      ).statusCode,
    ).toBe(200);
    const blocked = await step(clerk, id, 'decide', {
      on: '2025-10-15',
      decisionKind: '处罚',
      penaltyTypes: ['罚款'],
      fineAmount: 20000,
      facts: '事实',
      basis: '依据',
      performance: '履行',
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('当前状态');
    const held = await step(clerk, id, 'holdHearing', { on: '2025-10-20', record: '当事人到场陈述申辩' });
    expect(held.statusCode).toBe(200);
    expect(held.json().status).toBe('notified');
    const ok = await step(clerk, id, 'decide', {
      on: '2025-10-22',
      decisionKind: '处罚',
      penaltyTypes: ['罚款'],
      fineAmount: 15000,
      facts: '事实清楚',
      basis: '《城市道路管理条例》第四十二条',
      performance: '十五日内缴纳',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().decisionNo).toBe('甲罚决字〔2025〕第2号');
  });

  it('refuses a decision heavier than notified when the hearing right was not given (第六十三条)', async () => {
    const id = (await file(clerk, { filedOn: '2025-06-02' })).json().id;
    const small = { ...INVESTIGATE, proposal: '拟罚款五百元', proposedFine: 500 };
    expect(
      (await step(clerk, id, 'investigate', { on: '2025-06-03', ...small })).json().hearingApplicable,
    ).toBe(false);
    const n = await step(clerk, id, 'notify', { on: '2025-06-04', content: '拟罚款五百元' });
    expect(n.json().hearingRequestUntil).toBeNull();
    expect(n.json().allowedSteps.map((s: { step: string }) => s.step)).not.toContain('requestHearing');
    const decision = {
      on: '2025-06-09',
      decisionKind: '处罚',
      penaltyTypes: ['罚款'],
      facts: '事实清楚',
      basis: '依据',
      performance: '十五日内缴纳',
    };
    const heavy = await step(clerk, id, 'decide', { ...decision, fineAmount: 20000 });
    expect(heavy.statusCode).toBe(409);
    expect(heavy.json().error.message).toContain('第六十三条');
    expect((await step(clerk, id, 'decide', { ...decision, fineAmount: 500 })).statusCode).toBe(200);
  });

  it('extends the 90-day limit once, within the limit, by at most the configured days', async () => {
    const id = (await file(clerk, { filedOn: '2025-03-03' })).json().id;
    const tooLong = await step(clerk, id, 'extend', {
      on: '2025-05-20',
      days: 31,
      reason: '案情复杂',
      approver: '王镇长',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('不得超过30日');
    const ok = await step(clerk, id, 'extend', {
      on: '2025-05-20',
      days: 30,
      reason: '案情复杂',
      approver: '王镇长',
    });
    expect(ok.statusCode).toBe(200);
    // 120 days from 2025-03-03 → 2025-07-01.
    expect(await limit(id, 'decide')).toMatchObject({ dueOn: '2025-07-01', status: 'open' });
    const again = await step(clerk, id, 'extend', {
      on: '2025-06-01',
      days: 10,
      reason: '再延',
      approver: '王镇长',
    });
    expect(again.statusCode).toBe(409);
    const lateId = (await file(clerk, { filedOn: '2025-01-02' })).json().id;
    const tooLate = await step(clerk, lateId, 'extend', {
      on: '2025-04-10',
      days: 10,
      reason: '案情复杂',
      approver: '王镇长',
    });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().error.message).toContain('届满');
  });

  it('decides 当场处罚 within the 第五十一条 ceilings, served on the spot', async () => {
    const tooMuch = await file(clerk, {
      procedure: 'simple',
      penaltyTypes: ['罚款'],
      fineAmount: 300,
      filedOn: '2025-09-28',
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.message).toContain('第五十一条');
    const created = await file(clerk, {
      procedure: 'simple',
      penaltyTypes: ['罚款'],
      fineAmount: 100,
      filedOn: '2025-09-28',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const c = (await call(app, clerk, 'GET', `/api/enforcement/cases/${id}`)).json();
    expect(c).toMatchObject({
      status: 'served',
      decidedOn: '2025-09-28',
      servedOn: '2025-09-28',
      paymentDueOn: '2025-10-13',
    });
    expect(c.decisionNo).toMatch(/^甲罚决字〔2025〕第\d+号$/);
    // 7 工作日 from Sunday 2025-09-28 (调休 working): 09-29, 09-30, 10-09, 10-10, 10-11, 10-13, 10-14.
    expect(await limit(id, 'publish')).toMatchObject({ dueOn: '2025-10-14' });
    expect(await limit(id, 'decide')).toBeUndefined();
    const org = await file(clerk, {
      procedure: 'simple',
      partyType: '法人',
      partyName: '某某商贸有限公司',
      partyIdNo: '91510626MA12345678',
      penaltyTypes: ['罚款'],
      fineAmount: 1000,
    });
    expect(org.statusCode).toBe(400);
    expect(org.json().error.message).toContain('统一社会信用代码');
  });

  it('keeps evidence by SHA-256 and exports a 案卷 zip whose manifest hashes match the files', async () => {
    const data = Buffer.from('现场检查笔录:当事人在人行道摆摊。');
    const stored = await ctx.database.db.transaction((tx) =>
      ctx.files.save(tx, { name: '现场笔录.txt', data, orgCode: T.townA }, { id: null, name: 'test' }),
    );
    const added = await call(app, clerk, 'POST', `/api/enforcement/cases/${caseId}/evidence`, {
      fileId: stored.id,
      step: 'investigate',
      kind: '文字记录',
      title: '现场检查笔录',
      takenAt: '2025-08-05T09:30:00+08:00',
      place: '甲镇人民路12号',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().sha256).toBe(createHash('sha256').update(data).digest('hex'));
    const bad = await call(app, clerk, 'POST', `/api/enforcement/cases/${caseId}/evidence`, {
      fileId: stored.id,
      step: 'nonsense',
      kind: '照片',
      title: 'x',
    });
    expect(bad.statusCode).toBe(400);
    const second = (
      await call(app, clerk, 'POST', `/api/enforcement/cases/${caseId}/evidence`, {
        fileId: stored.id,
        step: 'file',
        kind: '其他',
        title: '重复材料',
      })
    ).json();
    const removed = await call(app, clerk, 'POST', `/api/enforcement/evidence/${second.id}/remove`, {
      reason: '重复上传',
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().removedReason).toBe('重复上传');

    const res = await call(app, county, 'GET', `/api/enforcement/cases/${caseId}/casefile.zip`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.case.caseNo).toMatch(/^ZF2025/);
    expect(manifest.officers).toHaveLength(2);
    expect(manifest.steps.length).toBeGreaterThan(5);
    const present = manifest.files.filter((f: { path: string | null }) => f.path);
    expect(present).toHaveLength(1);
    for (const f of present) {
      const bytes = await zip.file(f.path)!.async('nodebuffer');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
    }
    expect(manifest.files.find((f: { removedAt: string | null }) => f.removedAt)).toMatchObject({
      removedReason: '重复上传',
    });
    expect(await zip.file('清单.txt')!.async('string')).toContain(added.json().sha256);
    expect(manifest.case.partyIdNo).not.toBe(ID_CARD); // 县级监督 lacks enforcement.personal
  });

  it('lets the county see both townships and a township none of its neighbour', async () => {
    const b = await call(app, clerkB, 'POST', '/api/enforcement/cases', {
      orgCode: T.townB,
      procedure: 'ordinary',
      itemId,
      source: '投诉举报',
      partyType: '法人',
      partyName: '乙镇某某商贸有限公司',
      summary: '占道经营',
      filedOn: '2025-08-01',
      officerIds: [o.孙乙镇, o.周乙镇],
    });
    expect(b.statusCode).toBe(201);
    expect(b.json().caseNo).toMatch(/^ZF2025-101-0001$/);
    const all = (
      await call(app, county, 'GET', `/api/enforcement/cases?org=${T.county}&pageSize=200`)
    ).json();
    const orgsSeen = new Set(all.items.map((c: { orgCode: string }) => c.orgCode));
    expect(orgsSeen).toEqual(new Set([T.townA, T.townB]));
    // 县级监督 lacks enforcement.personal: a natural person's name is masked.
    expect(JSON.stringify(all.items)).not.toContain('周明远');
    expect((await call(app, clerk, 'GET', `/api/enforcement/cases/${b.json().id}`)).statusCode).toBe(404);
    expect((await call(app, clerk, 'GET', `/api/enforcement/cases?org=${T.townB}`)).statusCode).toBe(404);
    expect((await call(app, clerkB, 'GET', `/api/enforcement/cases/${caseId}`)).statusCode).toBe(404);
    const xlsx = await call(app, county, 'GET', `/api/enforcement/cases?org=${T.county}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const meta = (await call(app, clerk, 'GET', `/api/enforcement/meta?org=${T.townA}`)).json();
    expect(meta.can).toMatchObject({ handle: true, review: false, personal: true });
    expect(meta.settings.onSpotMaxPerson).toBe(200);
  });

  it('reads the regional settings nearest last', async () => {
    const db = ctx.database.db;
    const { enforcementSettings } = await import('./schema.js');
    const { effectiveSettings } = await import('./settings.js');
    await db.insert(enforcementSettings).values([
      { orgCode: T.county, settings: { onSpotMaxPerson: 100, retainYearsPerson: 3 } },
      { orgCode: T.townA, settings: { onSpotMaxPerson: 150, bogus: 1 } },
    ]);
    expect(await effectiveSettings(db, T.townA)).toMatchObject({
      onSpotMaxPerson: 150,
      retainYearsPerson: 3,
      onSpotMaxOrg: 3000,
    });
    expect(await effectiveSettings(db, T.townB)).toMatchObject({ onSpotMaxPerson: 100 });
    const [pub] = await db.select().from(enforcementPublications);
    expect(pub).toBeDefined();
    const [c] = await db.select().from(enforcementCases).where(eq(enforcementCases.id, caseId));
    expect(c!.reviewerName).toBe('zf.fazhi');
  });
});
