import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db/client.js';
import type { KernelContext } from '../../kernel/module.js';
import { modules } from '../../modules.js';
import { extractClaims } from '../../reporting/checker/claims.js';
import { indicatorFor } from '../../reporting/checker/ledger.js';
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
import { caseSamples } from '../enforcement/case-samples.js';
import { runStep } from '../enforcement/service.js';
import { litigationModule } from './manifest.js';
import { suggestProcedure } from './model.js';
import { litigationReport } from './report.js';
import { appearanceProblem } from './service.js';

function multipart(data: Buffer) {
  const boundary = '----fazhi-litigation';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="台账.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

async function workbook(title: string, header: string[], data: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell('A1').value = title;
  ws.addRow(header);
  for (const r of data) ws.addRow(r);
  ws.addRow([]);
  ws.addRow([]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('litigation rules', () => {
  it('suggests 简易程序 on the grounds of 第五十三条', () => {
    expect(suggestProcedure({ actKind: '政府信息公开' })).toBe('简易');
    expect(suggestProcedure({ actKind: '行政处罚', amount: 3000 })).toBe('简易');
    expect(suggestProcedure({ actKind: '行政处罚', amount: 3000.01 })).toBe('普通');
    expect(suggestProcedure({ actKind: '行政处罚', act: '对擅自设置广告作出的警告处罚' })).toBe('简易');
    expect(suggestProcedure({ actKind: '行政强制', act: '当场扣押物品' })).toBe('简易');
    expect(suggestProcedure({ actKind: '行政许可', act: '不予批准宅基地' })).toBe('普通');
  });

  it('refuses an appearance record a court would not accept', () => {
    expect(
      appearanceProblem({ headAppeared: true, headName: '王某', headPost: '镇长', headRole: '正职' }),
    ).toBeNull();
    expect(
      appearanceProblem({
        headAppeared: true,
        headName: '王某',
        headPost: '下级村委会主任',
        headRole: '其他负责人',
      }),
    ).toMatch(/下级/);
    expect(appearanceProblem({ headAppeared: false, absenceReason: '意外事件' })).toMatch(/委托/);
    expect(
      appearanceProblem({ headAppeared: false, delegateName: '李某', absenceReason: '意外事件' }),
    ).toBeNull();
  });

  it('writes achievements and, when lost or absent, shortcomings', () => {
    const f = new Map<string, { value: number | null }>([
      ['litigation.lawsuits', { value: 8 }],
      ['litigation.headAppearanceRate', { value: 100 }],
      ['litigation.lossRate', { value: 0 }],
      ['litigation.lost', { value: 0 }],
      ['litigation.headAbsent', { value: 0 }],
    ]);
    const ps = litigationReport(f);
    expect(ps.map((p) => p.section)).toEqual(['achievements']);
    expect(ps[0]!.template).toContain('共发生行政诉讼案件{litigation.lawsuits}件');
    f.set('litigation.lost', { value: 1 });
    expect(litigationReport(f).map((p) => p.section)).toContain('shortcomings');
  });

  it("reads seed 004's 出庭 sentence as this module's figures", () => {
    const matchers = modules.flatMap((m) => m.reportClaims ?? []);
    const read = (text: string) => extractClaims(text).map((c) => [c.stated, indicatorFor(c, matchers)]);
    expect(
      read(
        '落实行政机关负责人出庭应诉制度,2022年上半年,共发生行政诉讼案件8件,行政机关负责人出庭应诉率100%。',
      ),
    ).toEqual([
      [8, 'litigation.lawsuits'],
      [100, 'litigation.headAppearanceRate'],
    ]);
    // The 复议机关's own caseload is not the respondent's ledger.
    expect(read('2022年至今,新收7件行政复议案件,受理6件,1件未受理。').map((c) => c[1])).not.toContain(
      'litigation.reconsiderations',
    );
    expect(read('全年我镇被申请行政复议案件3件,均依法按期答复。')).toContainEqual([
      3,
      'litigation.reconsiderations',
    ]);
  });
});

describe('litigation: 复议答复, 应诉答辩, 出庭 and outcomes', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let clerkA: Session;
  let clerkB: Session;
  let leaderA: Session;
  let county: Session;

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    clerkA = await quickSession(ctx, await addUser(ctx, 'jia.clerk', '经办人', T.townA));
    clerkB = await quickSession(ctx, await addUser(ctx, 'yi.clerk', '经办人', T.townB));
    leaderA = await quickSession(ctx, await addUser(ctx, 'jia.lingdao', '领导', T.townA));
    county = await quickSession(ctx, await addUser(ctx, 'xian.jiandu', '县级监督', T.county));
    app = await testApp(ctx);
  });

  const figures = (org: string, from: string, to: string, asOf = '2026-11-20') =>
    computeFigures(ctx.database.db, [litigationModule], { orgCode: org, from, to, asOf }).then(
      (fs) => new Map(fs.map((f) => [f.id, f])),
    );
  const count = async (table: string) =>
    (
      await rows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`)
    )[0]!.n;
  const recon = (body: Record<string, unknown>) =>
    call(app, clerkA, 'POST', '/api/litigation/reconsiderations', {
      orgCode: T.townA,
      authority: '测试县人民政府',
      caseNo: '测府复〔2026〕1号',
      applicantName: '张三',
      applicantKind: '自然人',
      applicantIdNo: '510626199001011234',
      applicantPhone: '13812345678',
      act: '对未经批准占用耕地建房作出的罚款决定',
      actKind: '行政处罚',
      amount: 18000,
      receivedOn: '2026-09-28',
      ...body,
    });

  it('opens the 答复 deadline in 工作日 across 国庆 (10, or 5 under 简易程序)', async () => {
    const a = await recon({});
    expect(a.statusCode).toBe(201);
    expect(a.json().procedure).toBe('普通');
    const d = await call(app, clerkA, 'GET', `/api/litigation/reconsiderations/${a.json().id}`);
    expect(d.json().deadlines).toEqual([expect.objectContaining({ step: 'reply', dueOn: '2026-10-16' })]);
    const b = await recon({
      caseNo: '测府复〔2026〕2号',
      actKind: '政府信息公开',
      act: '对征地信息公开申请的答复',
      amount: null,
    });
    expect(b.json().procedure).toBe('简易');
    const bd = await call(app, clerkA, 'GET', `/api/litigation/reconsiderations/${b.json().id}`);
    // 9/29, 9/30, 10/8, 10/9 and the 调休 Saturday 10/10.
    expect(bd.json().deadlines[0].dueOn).toBe('2026-10-10');

    // Reply: one on time, one late.
    const step = (id: number, s: string, body: unknown) =>
      call(app, clerkA, 'POST', `/api/litigation/reconsiderations/${id}/${s}`, body);
    expect((await step(a.json().id, 'reply', { on: '2026-10-16' })).statusCode).toBe(200);
    expect((await step(b.json().id, 'reply', { on: '2026-10-12' })).statusCode).toBe(200);
    expect((await step(b.json().id, 'reply', { on: '2026-10-12' })).statusCode).toBe(409);
    const f = await figures(T.townA, '2026-01-01', '2026-12-31');
    expect(f.get('litigation.reconsiderations')?.value).toBe(2);
    expect(f.get('litigation.replyOnTime')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });

    // Decisions: 撤销 corrects, 不予受理 is out of the denominator.
    expect(
      (await step(a.json().id, 'decide', { on: '2026-11-02', decisionType: '撤销', servedOn: '2026-11-04' }))
        .statusCode,
    ).toBe(200);
    expect((await step(b.json().id, 'decide', { on: '2026-11-03', decisionType: '维持' })).statusCode).toBe(
      200,
    );
    const f2 = await figures(T.townA, '2026-01-01', '2026-12-31');
    expect(f2.get('litigation.correctionRate')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });

    // 意见书 → 60 日 整改.
    const op = await step(a.json().id, 'opinion', {
      on: '2026-11-05',
      content: '建议规范罚款决定的证据收集',
    });
    expect(op.statusCode).toBe(200);
    expect(op.json().deadlines.find((x: { step: string }) => x.step === 'rectify').dueOn).toBe('2027-01-04');
    const rect = await step(a.json().id, 'rectify', { on: '2026-11-06', report: '已完成整改' });
    expect(rect.json().rectifiedOn).toBe('2026-11-06');
  });

  it('masks the applicant for roles without litigation.personal and scopes by township', async () => {
    const l = await call(app, leaderA, 'GET', '/api/litigation/reconsiderations');
    expect(l.statusCode).toBe(200);
    const item = l.json().items.find((x: { caseNo: string }) => x.caseNo === '测府复〔2026〕1号');
    expect(item.applicantName).toBe('张*');
    expect(item.applicantPhone).toBe('138****5678');
    expect(l.body).not.toContain('13812345678');
    const own = await call(app, clerkA, 'GET', '/api/litigation/reconsiderations');
    expect(own.json().items[0].applicantName).toBe('张三');
    expect((await call(app, clerkB, 'GET', `/api/litigation/reconsiderations/${item.id}`)).statusCode).toBe(
      404,
    );
    expect((await call(app, clerkB, 'GET', '/api/litigation/reconsiderations')).json().total).toBe(0);
    // 领导 reads but does not write.
    const denied = await call(app, leaderA, 'POST', '/api/litigation/reconsiderations', {
      orgCode: T.townA,
      authority: '测试县人民政府',
      applicantName: '某',
      applicantKind: '自然人',
      act: '某行为',
      actKind: '其他',
      receivedOn: '2026-01-05',
    });
    expect(denied.statusCode).toBe(403);
  });

  it('refuses a future date and writes nothing', async () => {
    const before = await count('litigation_reconsideration');
    const r = await recon({ caseNo: '未来', receivedOn: '2099-01-01' });
    expect(r.statusCode).toBe(400);
    expect(r.json().message ?? r.json().error?.message ?? r.body).toMatch(/不能晚于今天/);
    expect(await count('litigation_reconsideration')).toBe(before);
  });

  it('records a lawsuit, its 答辩 within 15 日, a hearing where the head appeared and the judgment', async () => {
    const c = await call(app, clerkA, 'POST', '/api/litigation/lawsuits', {
      orgCode: T.townA,
      court: '测试县人民法院',
      instance: '一审',
      caseNo: '（2026）川0626行初1号',
      plaintiffName: '李四',
      plaintiffKind: '自然人',
      act: '限期拆除违法建筑的决定',
      actKind: '行政强制',
      filedOn: '2026-09-25',
    });
    expect(c.statusCode).toBe(201);
    const id = c.json().id;
    const detail = await call(app, clerkA, 'GET', `/api/litigation/lawsuits/${id}`);
    expect(detail.json().deadlines).toEqual([
      expect.objectContaining({ step: 'answer', dueOn: '2026-10-10' }),
    ]);
    expect(
      (await call(app, clerkA, 'POST', `/api/litigation/lawsuits/${id}/answer`, { on: '2026-10-09' }))
        .statusCode,
    ).toBe(200);

    const h = await call(app, clerkA, 'POST', `/api/litigation/lawsuits/${id}/hearings`, {
      hearingOn: '2026-10-28',
      courtNotifiedHead: true,
    });
    expect(h.statusCode).toBe(201);
    const hid = h.json().id;
    const d2 = (await call(app, clerkA, 'GET', `/api/litigation/lawsuits/${id}`)).json();
    expect(d2.deadlines.find((x: { step: string }) => x.step === 'appear')).toMatchObject({
      dueOn: '2026-10-28',
      status: 'open',
      title: expect.stringContaining('开庭 2026-10-28 出庭记录'),
    });
    // A delegate of a 下级机关 is not a head; an absence needs a delegate.
    const bad = await call(app, clerkA, 'POST', `/api/litigation/hearings/${hid}/appearance`, {
      headAppeared: false,
      absenceReason: '意外事件',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await call(app, clerkA, 'POST', `/api/litigation/hearings/${hid}/appearance`, {
      headAppeared: true,
      headName: '王镇长',
      headPost: '镇长',
      headRole: '正职',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().hearings[0]).toMatchObject({ headAppeared: true, headName: '王镇长' });
    expect(ok.json().deadlines.find((x: { step: string }) => x.step === 'appear').status).toBe('done');
    const j = await call(app, clerkA, 'POST', `/api/litigation/lawsuits/${id}/judge`, {
      on: '2026-11-10',
      judgmentType: '驳回诉讼请求',
    });
    expect(j.statusCode).toBe(200);
    expect(j.json()).toMatchObject({ judgmentType: '驳回诉讼请求', lost: false, warning: null });

    // A second case: the head did not appear (a delegate did); then lost.
    const c2 = await call(app, clerkA, 'POST', '/api/litigation/lawsuits', {
      orgCode: T.townA,
      court: '测试县人民法院',
      instance: '一审',
      plaintiffName: '某某建材有限公司',
      plaintiffKind: '法人或其他组织',
      act: '罚款决定',
      actKind: '行政处罚',
      filedOn: '2026-10-20',
    });
    const id2 = c2.json().id;
    const h2 = await call(app, clerkA, 'POST', `/api/litigation/lawsuits/${id2}/hearings`, {
      hearingOn: '2026-11-12',
    });
    await call(app, clerkA, 'POST', `/api/litigation/hearings/${h2.json().id}/appearance`, {
      headAppeared: false,
      delegateName: '赵干部',
      delegatePost: '司法所所长',
      absenceReason: '需履行他人不能替代的公务',
      proofSubmitted: true,
    });
    await call(app, clerkA, 'POST', `/api/litigation/lawsuits/${id2}/judge`, {
      on: '2026-11-15',
      judgmentType: '撤销',
    });
    const f = await figures(T.townA, '2026-01-01', '2026-12-31');
    expect(f.get('litigation.lawsuits')?.value).toBe(2);
    expect(f.get('litigation.headAppearanceRate')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(f.get('litigation.headAbsent')?.value).toBe(1);
    expect(f.get('litigation.lossRate')).toMatchObject({ numerator: 1, denominator: 2 });
    // The second case was never answered: its 答辩 is overdue.
    expect(f.get('litigation.answerOnTime')).toMatchObject({ numerator: 1, denominator: 2 });

    // Drill-down lists exactly the counted rows.
    const drill = await call(
      app,
      county,
      'GET',
      `/api/litigation/lawsuits?indicator=litigation.headAppearanceRate&part=numerator&org=${T.townA}&from=2026-01-01&to=2026-12-31`,
    );
    expect(drill.json().items.map((x: { id: number }) => x.id)).toEqual([id]);

    // 上诉, then a 司法建议 with the period it states (20 日), answered late.
    expect(
      (
        await call(app, clerkA, 'POST', `/api/litigation/lawsuits/${id2}/appeal`, {
          on: '2026-11-16',
          by: '被告',
        })
      ).json(),
    ).toMatchObject({ appealed: true, appealBy: '被告' });
    const sug = await call(app, clerkA, 'POST', `/api/litigation/lawsuits/${id2}/suggestion`, {
      on: '2026-10-21',
      kind: '司法建议',
      content: '建议严格落实负责人出庭应诉制度',
      replyDays: 20,
    });
    expect(sug.json().deadlines.find((x: { step: string }) => x.step === 'suggestion').dueOn).toBe(
      '2026-11-10',
    );
    await call(app, clerkA, 'POST', `/api/litigation/lawsuits/${id2}/replySuggestion`, {
      on: '2026-11-18',
      reply: '已整改',
    });
    const f3 = await figures(T.townA, '2026-01-01', '2026-12-31');
    expect(f3.get('litigation.suggestionReplyOnTime')).toMatchObject({ numerator: 0, denominator: 1 });

    // A hearing in the future cannot have an appearance yet.
    const h3 = await call(app, clerkA, 'POST', `/api/litigation/lawsuits/${id2}/hearings`, {
      hearingOn: '2099-01-01',
    });
    expect(h3.statusCode).toBe(409);
  });

  it('withdraws the 公示 of a revoked enforcement decision, or warns when it cannot', async () => {
    const s = await ctx.database.db.transaction((tx) => caseSamples(tx, T.townA, { id: null, name: '测试' }));
    const caseId = s['enforcement.case']!;
    const mk = async (no: string) =>
      (
        await call(app, clerkA, 'POST', '/api/litigation/lawsuits', {
          orgCode: T.townA,
          court: '测试县人民法院',
          instance: '一审',
          caseNo: no,
          plaintiffName: '样本当事人',
          plaintiffKind: '自然人',
          act: '行政处罚决定',
          actKind: '行政处罚',
          enforcementCaseId: caseId,
          filedOn: '2026-06-01',
        })
      ).json().id as number;
    // Another township's enforcement case cannot be linked (nor revoked from here).
    const other = await ctx.database.db.transaction((tx) =>
      caseSamples(tx, T.townB, { id: null, name: '测试' }),
    );
    const refused = await call(app, clerkA, 'POST', '/api/litigation/lawsuits', {
      orgCode: T.townA,
      court: '测试县人民法院',
      instance: '一审',
      plaintiffName: '样本当事人',
      plaintiffKind: '自然人',
      act: '行政处罚决定',
      actKind: '行政处罚',
      enforcementCaseId: other['enforcement.case'],
      filedOn: '2026-06-01',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/不属于本单位/);
    // The case is only filed: the outcome is recorded with a warning.
    const a = await mk('（2026）川0626行初7号');
    const ja = await call(app, clerkA, 'POST', `/api/litigation/lawsuits/${a}/judge`, {
      on: '2026-08-01',
      judgmentType: '撤销',
    });
    expect(ja.statusCode).toBe(200);
    expect(ja.json().judgmentType).toBe('撤销');
    expect(ja.json().warning).toMatch(/执法案件/);
    // Once decided, the enforcement case records the revocation.
    await ctx.database.db.execute(
      sql`UPDATE enforcement_case SET status = 'served', decided_on = '2024-05-01', decision_kind = '处罚',
            decision_no = '测罚决〔2024〕1号' WHERE id = ${caseId}`,
    );
    await ctx.database.db.transaction((tx) =>
      runStep(tx, caseId, 'publish', { on: '2024-05-06' }, { id: null, name: '测试' }, '2024-05-06'),
    );
    const b = await mk('（2026）川0626行初8号');
    const jb = await call(app, clerkA, 'POST', `/api/litigation/lawsuits/${b}/judge`, {
      on: '2026-08-02',
      judgmentType: '确认违法',
    });
    expect(jb.json().warning).toBeNull();
    const [row] = await rows<{ revoked_on: string; revoke_reason: string }>(
      ctx.database.db,
      sql`SELECT revoked_on::text, revoke_reason FROM enforcement_case WHERE id = ${caseId}`,
    );
    expect(row).toMatchObject({
      revoked_on: '2026-08-02',
      revoke_reason: expect.stringContaining('确认违法'),
    });
    // …and its 公示 is withdrawn the same day, with the judgment as the reason.
    const [pub] = await rows<{ withdrawn_on: string; withdraw_reason: string }>(
      ctx.database.db,
      sql`SELECT withdrawn_on::text, withdraw_reason FROM enforcement_publication WHERE case_id = ${caseId}`,
    );
    expect(pub).toMatchObject({
      withdrawn_on: '2026-08-02',
      withdraw_reason: expect.stringContaining('人民法院判决确认违法'),
    });
  });

  it('imports a 行政应诉案件台账 all or nothing, and a 复议台账', async () => {
    const header = [
      '序号',
      '案号',
      '法院',
      '原告',
      '案由',
      '案件类型',
      '收到起诉状日期',
      '答辩日期',
      '开庭日期',
      '负责人是否出庭',
      '出庭负责人',
      '职务',
      '判决结果',
      '判决日期',
    ];
    const upload = async (buf: Buffer) => {
      const m = multipart(buf);
      return app.inject({
        method: 'POST',
        url: `/api/litigation/import?org=${T.townA}`,
        headers: { cookie: clerkA.cookie, 'x-csrf-token': clerkA.csrf, 'content-type': m.contentType },
        payload: m.payload,
      });
    };
    const before = await count('litigation_lawsuit');
    const rowsOk = [
      [
        1,
        '（2025）川0626行初11号',
        '测试县人民法院',
        '王五',
        '不予批准宅基地申请',
        '行政许可',
        '2025.3.5',
        '2025年3月18日',
        '2025-04-20',
        '是',
        '刘镇长',
        '镇长',
        '驳回诉讼请求',
        '2025-05-10',
      ],
      [
        2,
        '（2025）川0626行初12号',
        '测试县人民法院',
        '某某农业开发有限公司',
        '解除土地流转协议',
        '行政协议',
        '２０２５-06-01',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ];
    const bad = await upload(
      await workbook('甲镇行政应诉案件台账（2025年）', header, [
        ...rowsOk,
        [
          3,
          '',
          '测试县人民法院',
          '赵六',
          '罚款',
          '行政处罚',
          '2025-07-01',
          '2025-06-01',
          '',
          '',
          '',
          '',
          '撤销',
          '',
        ],
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [5, '答辩日期不能早于收到起诉状副本日期'],
      [5, '已填写裁判结果的，请填写裁判日期'],
    ]);
    expect(await count('litigation_lawsuit')).toBe(before);
    expect(await count('litigation_hearing')).toBe(2);

    const good = await upload(await workbook('甲镇行政应诉案件台账（2025年）', header, rowsOk));
    expect(good.statusCode).toBe(200);
    expect(good.json().imported).toBe(2);
    const f = await figures(T.townA, '2025-01-01', '2025-12-31');
    expect(f.get('litigation.lawsuits')?.value).toBe(2);
    expect(f.get('litigation.headAppearanceRate')).toMatchObject({ numerator: 1, denominator: 1 });
    // Importing the same file again is refused (案号 already there).
    expect((await upload(await workbook('台账', header, rowsOk))).statusCode).toBe(422);

    const rh = [
      '案号',
      '复议机关',
      '被申请人',
      '申请人',
      '复议事项',
      '行为类别',
      '收到申请书副本日期',
      '答复日期',
      '复议决定',
      '决定日期',
    ];
    const r = await upload(
      await workbook('行政复议案件台账', rh, [
        [
          '测府复〔2025〕3号',
          '测试县人民政府',
          '甲镇人民政府',
          '孙七',
          '信息公开答复',
          '政府信息公开',
          '2025-02-10',
          '2025-02-14',
          '维持',
          '2025-03-01',
        ],
      ]),
    );
    expect(r.statusCode).toBe(200);
    expect(r.json().imported).toBe(1);
    const [x] = await rows<{ procedure: string; org_code: string }>(
      ctx.database.db,
      sql`SELECT procedure, org_code FROM litigation_reconsideration WHERE case_no = '测府复〔2025〕3号'`,
    );
    expect(x).toEqual({ procedure: '简易', org_code: T.townA });
  });

  it('exports both ledgers as .xlsx and serves the 复议 template', async () => {
    const t = await call(app, leaderA, 'GET', '/api/litigation/reconsiderations/template.xlsx');
    expect(t.statusCode).toBe(200);
    for (const path of ['lawsuits', 'reconsiderations']) {
      const r = await call(app, clerkA, 'GET', `/api/litigation/${path}?format=xlsx`);
      expect(r.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.length).toBeGreaterThan(0);
    }
  });
});
