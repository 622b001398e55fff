import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db/client.js';
import type { KernelContext } from '../../kernel/module.js';
import { idCardCheckChar } from '../../kernel/validate.js';
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
import { learningModule } from './manifest.js';
import { gradeOf, passedOf, roleOf, sessionKindOf, statusOf } from './model.js';
import { learningReport } from './report.js';

function multipart(data: Buffer) {
  const boundary = '----fazhi-learning';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="成绩.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

/** A workbook as real platforms export it: a merged title row above the header, trailing blank rows. */
async function workbook(title: string, header: string[], data: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell('A1').value = title;
  ws.addRow(header);
  for (const r of data) ws.addRow(r);
  ws.addRow([]);
  ws.addRow([]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const id = (birth: string, seq: string) => {
  const first = `510626${birth}${seq}`;
  return first + idCardCheckChar(first);
};

describe('learning rules', () => {
  const t = { passScore: 60, goodScore: 80, excellentScore: 90 };
  it('grades by the exam thresholds and passes on the 补考 score', () => {
    expect([95, 90, 89.5, 80, 79, 60, 59.5, null].map((s) => gradeOf(s, t))).toEqual([
      '优秀',
      '优秀',
      '良好',
      '良好',
      '合格',
      '合格',
      '不合格',
      null,
    ]);
    expect(gradeOf(85, { passScore: 80, goodScore: 85, excellentScore: 95 })).toBe('良好');
    expect(passedOf(true, 55, 72, 60)).toBe(true);
    expect(passedOf(true, 55, null, 60)).toBe(false);
    expect(passedOf(false, null, null, 60)).toBe(false);
  });
  it('reads the words ledgers and platforms use', () => {
    expect(sessionKindOf('中心组学习')).toBe('党委理论学习中心组学法');
    expect(sessionKindOf('常务会前学法')).toBe('政府常务会议会前学法');
    expect(sessionKindOf('法治讲座')).toBe('专题法治讲座');
    expect(sessionKindOf('开会')).toBeNull();
    expect(statusOf('是', true)).toBe('已参考');
    expect(statusOf('否', false)).toBe('未参考');
    expect(statusOf('缺考', false)).toBe('缺考');
    expect(statusOf('', true)).toBe('已参考');
    expect(statusOf('不知道', false)).toBeNull();
    expect(roleOf('党委书记')).toBe('领导干部');
    expect(roleOf('执法队员')).toBe('执法人员');
    expect(roleOf('科员')).toBe('公务员');
  });
});

describe('learning: sessions, exams, import, training, 述法', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let clerkA: Session;
  let clerkB: Session;
  let leaderA: Session;
  let county: Session;
  let examId = 0;

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    clerkA = await quickSession(ctx, await addUser(ctx, 'jia.clerk', '经办人', T.townA));
    clerkB = await quickSession(ctx, await addUser(ctx, 'yi.clerk', '经办人', T.townB));
    leaderA = await quickSession(ctx, await addUser(ctx, 'jia.lingdao', '领导', T.townA));
    county = await quickSession(ctx, await addUser(ctx, 'xian.jiandu', '县级监督', T.county));
    app = await testApp(ctx);
  });

  const figures = (org: string, from = '2026-01-01', to = '2026-12-31') =>
    computeFigures(ctx.database.db, [learningModule], { orgCode: org, from, to, asOf: '2026-11-23' }).then(
      (fs) => new Map(fs.map((f) => [f.id, f])),
    );

  it('records a 中心组学法 session in its own township only, and counts it', async () => {
    const body = {
      orgCode: T.townA,
      kind: '党委理论学习中心组学法',
      heldOn: '2026-03-05',
      topic: '学习习近平法治思想',
      laws: '《中华人民共和国宪法》《中华人民共和国行政复议法》',
      lecturer: '党委书记',
      attendees: 26,
      hours: 2,
    };
    const ok = await call(app, clerkA, 'POST', '/api/learning/sessions', body);
    expect(ok.statusCode).toBe(201);
    expect((await call(app, clerkB, 'POST', '/api/learning/sessions', body)).statusCode).toBe(404);
    expect((await call(app, county, 'POST', '/api/learning/sessions', body)).statusCode).toBe(403);
    const future = await call(app, clerkA, 'POST', '/api/learning/sessions', {
      ...body,
      heldOn: '2099-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('学习日期不能晚于今天');
    const noFile = await call(app, clerkA, 'POST', '/api/learning/sessions', { ...body, fileIds: [999999] });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.message).toContain('佐证材料文件');
    const detail = await call(app, leaderA, 'GET', `/api/learning/sessions/${ok.json().id}`);
    expect(detail.json()).toMatchObject({ kind: '党委理论学习中心组学法', attendees: 26, files: [] });
    expect(detail.json().history).toHaveLength(1);
    const list = await call(app, county, 'GET', `/api/learning/sessions?org=${T.county}`);
    expect(list.json()).toMatchObject({ total: 1, attendees: 26 });
    expect((await call(app, clerkB, 'GET', `/api/learning/sessions?org=${T.townA}`)).statusCode).toBe(404);
    const f = await figures(T.county);
    expect(f.get('learning.centralGroupSessions')?.value).toBe(1);
    expect(f.get('learning.sessionAttendees')?.value).toBe(26);
  });

  it('imports a 学法活动台账 whole, and a bad one not at all', async () => {
    const header = ['序号', '类别', '时间', '学习内容', '学习的法律法规', '授课人', '参学人数'];
    const good = await workbook('甲镇2026年学法活动台账', header, [
      ['1', '中心组学习', '2026.4.8', '学习民法典', '《民法典》', '书记', '２８'],
      ['2', '常务会前学法', '2026年4月15日', '会前学法：行政处罚法', '《行政处罚法》', '镇长', 15],
      ['3', '法治讲座', 46150, '民法典进机关', null, '县司法局', 80],
    ]);
    const r = await app.inject({
      method: 'POST',
      url: `/api/learning/import?org=${T.townA}`,
      headers: {
        cookie: clerkA.cookie,
        'x-csrf-token': clerkA.csrf,
        'content-type': multipart(good).contentType,
      },
      payload: multipart(good).payload,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().imported).toBe(3);
    const bad = await workbook('台账', header, [
      ['1', '中心组学习', '2026.5.8', '学习宪法', null, null, 20],
      ['2', '开会', '2026.5.9', '学习', null, null, 10],
    ]);
    const b = await app.inject({
      method: 'POST',
      url: `/api/learning/import?org=${T.townA}`,
      headers: {
        cookie: clerkA.cookie,
        'x-csrf-token': clerkA.csrf,
        'content-type': multipart(bad).contentType,
      },
      payload: multipart(bad).payload,
    });
    expect(b.statusCode).toBe(422);
    expect(b.json().errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [4, expect.stringContaining('无法识别学法形式「开会」')],
    ]);
    const list = await call(app, clerkA, 'GET', `/api/learning/sessions?org=${T.townA}`);
    expect(list.json().total).toBe(4);
    // The export is the ledger's own layout: it imports back.
    const x = await call(
      app,
      clerkA,
      'GET',
      `/api/learning/sessions/export.xlsx?org=${T.townA}&kind=专题法治讲座`,
    );
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const cells = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(cells).toContain('民法典进机关');
    expect(cells).not.toContain('学习民法典');
    const f = await figures(T.townA);
    expect(f.get('learning.centralGroupSessions')?.value).toBe(2);
    expect(f.get('learning.preMeetingSessions')?.value).toBe(1);
    expect(f.get('learning.lectures')?.value).toBe(1);
  });

  it('creates an exam with its roster and records results with grades from its own thresholds', async () => {
    const bad = await call(app, clerkA, 'POST', '/api/learning/exams', {
      orgCode: T.townA,
      year: 2026,
      kind: '年度学法考试',
      name: '2026年度学法考试',
      heldOn: '2026-06-30',
      passScore: 90,
      excellentScore: 80,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('合格分数线 ≤ 良好分数线 ≤ 优秀分数线');
    const r = await call(app, clerkA, 'POST', '/api/learning/exams', {
      orgCode: T.townA,
      year: 2026,
      kind: '年度学法考试',
      name: '2026年度学法考试',
      heldOn: '2026-06-30',
    });
    expect(r.statusCode).toBe(201);
    examId = r.json().id;
    const add = (body: Record<string, unknown>) =>
      call(app, clerkA, 'POST', `/api/learning/exams/${examId}/entries`, body);
    for (const [name, idc, role] of [
      ['张三', id('19800101', '001'), '领导干部'],
      ['李四', id('19850202', '002'), '公务员'],
      ['王五', id('19900303', '003'), '公务员'],
      ['赵六', null, '执法人员'],
    ] as const)
      expect((await add({ personName: name, idCard: idc, role })).statusCode).toBe(201);
    const dup = await add({ personName: '张三', idCard: id('19800101', '001') });
    expect(dup.statusCode).toBe(409);
    expect((await add({ personName: '钱七', orgCode: T.villageB1 })).statusCode).toBe(400);
    expect(
      (await call(app, clerkB, 'POST', `/api/learning/exams/${examId}/entries`, { personName: '孙八' }))
        .statusCode,
    ).toBe(404);

    const exam = await call(app, clerkA, 'GET', `/api/learning/exams/${examId}`);
    const zhao = exam.json().entries.find((e: { personName: string }) => e.personName === '赵六');
    const noScore = await call(app, clerkA, 'POST', `/api/learning/entries/${zhao.id}/result`, {
      status: '已参考',
    });
    expect(noScore.statusCode).toBe(400);
    expect(noScore.json().error.message).toContain('须填写成绩');
    const set = await call(app, clerkA, 'POST', `/api/learning/entries/${zhao.id}/result`, {
      status: '已参考',
      score: 55,
      makeupScore: 70,
      attempts: 3,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ passed: true, grade: '合格', sat: true });
  });

  it('imports the exam platform export: matches by 身份证号, adds unknown people, leaves the absent 未参考', async () => {
    const header = [
      '序号',
      '姓名',
      '身份证号',
      '所在单位',
      '职务',
      '参考状态',
      '最高分',
      '考试次数',
      '考试时间',
    ];
    const file = await workbook('甲镇2026年度国家工作人员学法考试成绩', header, [
      [
        '1',
        '张三',
        id('19800101', '001'),
        '甲镇人民政府',
        '党委书记',
        '已参考',
        '９８',
        '2',
        '2026-06-12 10:23:11',
      ],
      [
        '2',
        '李 四',
        id('19850202', '002').toLowerCase(),
        '甲镇人民政府',
        '科员',
        '已参考',
        85.5,
        1,
        '2026/6/13',
      ],
      ['3', '周九', id('19920404', '004'), '甲镇甲一村', '村干部', '是', '92', 1, 46185],
    ]);
    const r = await app.inject({
      method: 'POST',
      url: `/api/learning/exams/${examId}/import`,
      headers: {
        cookie: clerkA.cookie,
        'x-csrf-token': clerkA.csrf,
        'content-type': multipart(file).contentType,
      },
      payload: multipart(file).payload,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().imported).toBe(3);
    expect(r.json().warnings.map((w: { message: string }) => w.message)).toEqual([
      '周九不在名册中，已加入名册',
      '名册中1人不在文件中，保持“未参考”',
    ]);
    const exam = (await call(app, clerkA, 'GET', `/api/learning/exams/${examId}`)).json();
    const by = (n: string) => exam.entries.find((e: { personName: string }) => e.personName === n);
    expect(by('张三')).toMatchObject({
      sat: true,
      score: 98,
      grade: '优秀',
      attempts: 2,
      sittedOn: '2026-06-12',
    });
    expect(by('李四')).toMatchObject({ score: 85.5, grade: '良好' });
    expect(by('王五')).toMatchObject({ sat: false, status: '未参考', grade: null });
    // The unit names a village of the exam's township: the new entry belongs there.
    expect(by('周九')).toMatchObject({ orgCode: T.villageA1, sat: true, role: '公务员' });
    // 5 on the roster, 4 sat (参考率 80%), 4 passed, 2 优秀.
    expect(exam.stats).toMatchObject({
      required: 5,
      sat: 4,
      passed: 4,
      excellent: 2,
      takeRate: 80,
      passRate: 100,
      excellentRate: 50,
    });
    const f = await figures(T.townA);
    expect(f.get('learning.examTakeRate')).toMatchObject({ value: 80, numerator: 4, denominator: 5 });
    expect(f.get('learning.examExcellentRate')).toMatchObject({ value: 50 });
    expect(f.get('learning.examSat')?.value).toBe(4);
    // 身份证号 masked for a 领导 (no learning.personal), shown to the 经办人.
    const leader = (await call(app, leaderA, 'GET', `/api/learning/exams/${examId}`)).json();
    expect(leader.entries.find((e: { personName: string }) => e.personName === '张三').idCard).not.toContain(
      '19800101',
    );
    expect(by('张三').idCard).toBe(id('19800101', '001'));
    // The roster exports with results.
    const x = await call(app, clerkA, 'GET', `/api/learning/exams/${examId}/roster.xlsx`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('周九');
    expect(text).toContain('优秀');
  });

  it('refuses a bad results file whole: nothing changes', async () => {
    const before = (await call(app, clerkA, 'GET', `/api/learning/exams/${examId}`)).json();
    const file = await workbook(
      '成绩',
      ['姓名', '身份证号', '参考状态', '成绩'],
      [
        ['王五', id('19900303', '003'), '已参考', 77],
        ['吴十', null, '已参考', null],
        ['郑一', null, '未参考', 66],
        ['王五', id('19900303', '003'), '已参考', 70],
      ],
    );
    const r = await app.inject({
      method: 'POST',
      url: `/api/learning/exams/${examId}/import`,
      headers: {
        cookie: clerkA.cookie,
        'x-csrf-token': clerkA.csrf,
        'content-type': multipart(file).contentType,
      },
      payload: multipart(file).payload,
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [4, '成绩'],
      [5, '参考状态'],
      [6, '姓名'],
    ]);
    const after = (await call(app, clerkA, 'GET', `/api/learning/exams/${examId}`)).json();
    expect(after.entries).toEqual(before.entries);
    const notXlsx = await app.inject({
      method: 'POST',
      url: `/api/learning/exams/${examId}/import`,
      headers: {
        cookie: clerkA.cookie,
        'x-csrf-token': clerkA.csrf,
        'content-type': multipart(Buffer.from('hello')).contentType,
      },
      payload: multipart(Buffer.from('hello')).payload,
    });
    expect(notXlsx.statusCode).toBe(422);
    expect((await call(app, leaderA, 'GET', `/api/learning/exams/${examId}/roster.xlsx`)).statusCode).toBe(
      200,
    );
  });

  it('totals officer training against the minimum, reading the enforcement officers with plain SQL', async () => {
    // No officers yet: the list is empty and the rate has nothing to divide by.
    const empty = await call(app, county, 'GET', `/api/learning/officers?org=${T.county}&year=2026`);
    expect(empty.json()).toMatchObject({ total: 0, items: [], rate: null });
    const [o1] = await rows<{ id: number }>(
      ctx.database.db,
      sql`INSERT INTO enforcement_officer (org_code, name, cert_no) VALUES (${T.townA}, '执法甲', 'L-T-1') RETURNING id`,
    );
    await rows(
      ctx.database.db,
      sql`INSERT INTO enforcement_officer (org_code, name, cert_no) VALUES (${T.townA}, '执法乙', 'L-T-2') RETURNING id`,
    );
    const train = (body: Record<string, unknown>) =>
      call(app, clerkA, 'POST', '/api/learning/trainings', {
        orgCode: T.townA,
        personName: '执法甲',
        heldOn: '2026-03-10',
        course: '行政处罚法专题培训',
        hours: 32,
        ...body,
      });
    expect((await train({ officerId: o1!.id })).statusCode).toBe(201);
    expect((await train({ officerId: o1!.id, heldOn: '2026-05-10', hours: 28 })).statusCode).toBe(201);
    // An officer of another township cannot be recorded here.
    const other = await train({ officerId: o1!.id, orgCode: T.townB });
    expect(other.statusCode).toBe(404);
    const wrong = await train({ officerId: 999999 });
    expect(wrong.statusCode).toBe(400);
    const list = (await call(app, clerkA, 'GET', `/api/learning/officers?org=${T.townA}&year=2026`)).json();
    expect(list).toMatchObject({ total: 2, met: 1, rate: 50, minHours: 60, averageHours: 30 });
    const below = (
      await call(app, clerkA, 'GET', `/api/learning/officers?org=${T.townA}&year=2026&below=1`)
    ).json();
    expect(below.items.map((o: { name: string }) => o.name)).toEqual(['执法乙']);
    const tx = await call(
      app,
      county,
      'GET',
      `/api/learning/trainings/export.xlsx?org=${T.county}&year=2026`,
    );
    expect(tx.statusCode).toBe(200);
    const f = await figures(T.county);
    expect(f.get('learning.officerTrainingRate')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(f.get('learning.trainingHours')?.value).toBe(60);
    const drill = await call(
      app,
      county,
      'GET',
      `/api/learning/officers?org=${T.county}&indicator=learning.officerTrainingRate&from=2026-01-01&to=2026-12-31`,
    );
    expect(drill.json().items.map((o: { name: string }) => o.name)).toEqual(['执法甲']);
  });

  it('records 述法 and writes the 第一责任人 paragraph', async () => {
    const r = await call(app, clerkA, 'POST', '/api/learning/reports', {
      orgCode: T.townA,
      year: 2025,
      leaderName: '刘书记',
      post: '党委书记',
      reportedOn: '2026-01-15',
      occasion: '年终述职述法',
      evaluation: '好',
    });
    expect(r.statusCode).toBe(201);
    const wrongYear = await call(app, clerkA, 'POST', '/api/learning/reports', {
      orgCode: T.townA,
      year: 2020,
      leaderName: '刘书记',
      post: '党委书记',
      reportedOn: '2026-01-15',
      occasion: '年终述职述法',
    });
    expect(wrongYear.statusCode).toBe(400);
    const f = await figures(T.county);
    expect(f.get('learning.lawReports')?.value).toBe(1);
    const paragraphs = learningReport(f);
    const lead = paragraphs.find((p) => p.section === 'leadership');
    expect(lead?.template).toContain('领导干部述法{learning.lawReports}人次');
    expect(paragraphs.find((p) => p.section === 'achievements')?.template).toContain(
      '参考率{learning.examTakeRate}',
    );
    expect(paragraphs.find((p) => p.section === 'shortcomings')?.template).toContain(
      '执法人员培训学时达标率',
    );
  });

  it("reads the seed reports' learning sentences as this module's figures", () => {
    const matchers = modules.flatMap((m) => m.reportClaims ?? []);
    const read = (text: string) =>
      extractClaims(text)
        .map((c) => [c.stated, indicatorFor(c, matchers)])
        .filter(([, i]) => i);
    expect(read('今年以来我镇参加学法考试干部108名,参考率100%,考试优秀率99%。')).toEqual([
      [108, 'learning.examSat'],
      [100, 'learning.examTakeRate'],
      [99, 'learning.examExcellentRate'],
    ]);
    expect(read('截至目前,将习近平法治思想作为党委中心组重点学习内容13次。')).toEqual([
      [13, 'learning.centralGroupSessions'],
    ]);
  });
});
