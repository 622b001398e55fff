import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db/client.js';
import { legalReviews } from '../../kernel/db/schema.js';
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
import { advisersModule } from './manifest.js';

function multipart(data: Buffer) {
  const boundary = '----fazhi-advisers';
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

async function workbook(header: string[], data: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026年3月');
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell('A1').value = '甲镇村(社区)法律顾问工作台账(2026年3月)';
  ws.addRow(header);
  for (const r of data) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('advisers: 一村一法律顾问, work log, reviews and 聘而不用', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let adminA: Session;
  let clerkA: Session;
  let clerkB: Session;
  let county: Session;
  let adviserUser: number;
  let contractA1 = 0;
  let contractIdle = 0;

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    adminA = await quickSession(ctx, await addUser(ctx, 'jia.admin', '镇级管理员', T.townA));
    clerkA = await quickSession(ctx, await addUser(ctx, 'jia.clerk', '经办人', T.townA));
    clerkB = await quickSession(ctx, await addUser(ctx, 'yi.clerk', '经办人', T.townB));
    county = await quickSession(ctx, await addUser(ctx, 'xian.jiandu', '县级监督', T.county));
    adviserUser = await addUser(ctx, 'zhang.lvshi', '法律顾问', T.townA);
    app = await testApp(ctx);
  });

  const contract = (body: Record<string, unknown>) =>
    call(app, adminA, 'POST', '/api/advisers/contracts', {
      orgCode: T.townA,
      adviserName: '张律师',
      licenseNo: '15106201810000001',
      firm: '四川某某律师事务所',
      firmKind: '律师事务所',
      phone: '13812345678',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      fee: 20000,
      covers: [T.villageA1],
      ...body,
    });
  const log = (s: Session, body: Record<string, unknown>) =>
    call(app, s, 'POST', '/api/advisers/activities', { orgCode: T.villageA1, ...body });
  const figures = (org: string, from: string, to: string, asOf = '2026-11-23') =>
    computeFigures(ctx.database.db, [advisersModule], { orgCode: org, from, to, asOf }).then(
      (fs) => new Map(fs.map((f) => [f.id, f])),
    );

  it('counts a village covered only by a contract in force on the day (an expired one does not count)', async () => {
    const a1 = await contract({ userId: adviserUser, dutySchedule: '每月第一、三周周三' });
    expect(a1.statusCode).toBe(201);
    contractA1 = a1.json().id;
    const expired = await contract({
      adviserName: '李律师',
      licenseNo: null,
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      covers: [T.villageA2],
    });
    expect(expired.statusCode).toBe(201);
    // A township-only contract (the township government's adviser) does not cover villages.
    expect((await contract({ adviserName: '王律师', licenseNo: null, covers: [T.townA] })).statusCode).toBe(
      201,
    );

    const cov = await call(app, county, 'GET', `/api/advisers/coverage?org=${T.townA}&on=2026-06-30`);
    expect(cov.statusCode).toBe(200);
    expect(cov.json()).toMatchObject({ total: 2, covered: 1, rate: 50 });
    const uncovered = await call(
      app,
      county,
      'GET',
      `/api/advisers/coverage?org=${T.county}&on=2026-06-30&covered=0`,
    );
    expect(uncovered.json().items.map((v: { code: string }) => v.code)).toEqual([T.villageA2, T.villageB1]);
    // In 2025 the expired contract was in force: 甲二村 covered, 甲一村 not yet.
    const y2025 = await call(app, county, 'GET', `/api/advisers/coverage?org=${T.townA}&on=2025-06-30`);
    expect(y2025.json()).toMatchObject({ total: 2, covered: 1 });

    const f = await figures(T.county, '2026-01-01', '2026-12-31');
    expect(f.get('advisers.coverageRate')).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
    expect(f.get('advisers.coveredVillages')?.value).toBe(1);
    // The drill-down lists exactly the counted villages.
    const drill = await call(
      app,
      county,
      'GET',
      `/api/advisers/coverage?org=${T.county}&indicator=advisers.coverageRate&from=2026-01-01&to=2026-12-31`,
    );
    expect(drill.json().items.map((v: { code: string }) => v.code)).toEqual([T.villageA1]);
  });

  it('refuses a contract covering an org outside the contracting org, and flags two advisers for one village', async () => {
    const out = await contract({ covers: [T.villageA1, T.villageB1] });
    expect(out.statusCode).toBe(400);
    expect(out.json().error.message).toContain('不在聘用单位辖区内');
    const second = await contract({ adviserName: '赵律师', licenseNo: null, covers: [T.villageA1] });
    expect(second.statusCode).toBe(201);
    expect(second.json().overlaps).toEqual([
      expect.objectContaining({ contractId: contractA1, orgCode: T.villageA1 }),
    ]);
    const list = await call(app, adminA, 'GET', `/api/advisers/contracts?org=${T.townA}&overlap=1`);
    expect(list.json().total).toBe(2);
    // Still one covered village, not two.
    const cov = await call(app, county, 'GET', `/api/advisers/coverage?org=${T.townA}&on=2026-06-30`);
    expect(cov.json()).toMatchObject({ covered: 1 });
    expect(cov.json().items[0]).toMatchObject({ overlapping: true });
    contractIdle = second.json().id;
  });

  it('sums consultations (人次) and counts duty days from the work log', async () => {
    expect(
      (
        await log(clerkA, {
          contractId: contractA1,
          kind: '咨询',
          on: '2026-02-10',
          people: 3,
          way: '坐班',
          topic: '土地承包',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await log(clerkA, {
          contractId: contractA1,
          kind: '咨询',
          on: '2026-03-05',
          people: 5,
          way: '微信',
          topic: '劳动报酬',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await log(clerkA, { contractId: contractA1, kind: '坐班', on: '2026-02-10', hours: 4 })).statusCode,
    ).toBe(201);
    const dup = await log(clerkA, { contractId: contractA1, kind: '坐班', on: '2026-02-10', hours: 3 });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.message).toContain('已有');
    // Outside the contract period, a place it does not cover, a consultation without 人次.
    expect(
      (await log(clerkA, { contractId: contractA1, kind: '讲座', on: '2025-12-01', topic: '民法典' }))
        .statusCode,
    ).toBe(400);
    const notCovered = await log(clerkA, {
      contractId: contractA1,
      orgCode: T.villageA2,
      kind: '讲座',
      on: '2026-03-01',
      topic: '民法典',
    });
    expect(notCovered.json().error.message).toContain('覆盖范围');
    expect(
      (await log(clerkA, { contractId: contractA1, kind: '咨询', on: '2026-03-01', way: '电话', topic: 'x' }))
        .statusCode,
    ).toBe(400);
    // An adviser's account logs only its own contract.
    const adviser = await quickSession(ctx, adviserUser);
    expect(
      (
        await log(adviser, {
          contractId: contractA1,
          kind: '讲座',
          on: '2026-03-20',
          topic: '民法典进村',
          people: 40,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await log(adviser, { contractId: contractIdle, kind: '讲座', on: '2026-03-20', topic: '民法典' }))
        .statusCode,
    ).toBe(403);

    const f = await figures(T.townA, '2026-01-01', '2026-12-31');
    expect(f.get('advisers.consultations')?.value).toBe(8);
    expect(f.get('advisers.dutyDays')?.value).toBe(1);
    expect(f.get('advisers.lectures')?.value).toBe(1);
    const drill = await call(
      app,
      county,
      'GET',
      `/api/advisers/activities?org=${T.county}&indicator=advisers.consultations&from=2026-01-01&to=2026-12-31`,
    );
    expect(drill.json()).toMatchObject({ total: 2, consultations: 8 });
  });

  it('counts a legality review recorded by the adviser account, and finds idle advisers per quarter', async () => {
    const db = ctx.database.db;
    await db.insert(legalReviews).values([
      {
        orgCode: T.townA,
        module: 'decisions',
        entity: 'decision',
        entityId: '1',
        title: '甲镇集镇污水管网建设决策',
        submittedOn: '2026-07-20',
        dueOn: '2026-07-29',
        reviewedOn: '2026-07-28',
        reviewerId: adviserUser,
        reviewerName: 'zhang.lvshi',
        adviserInvolved: true,
        result: '合法',
      },
      {
        orgCode: T.townA,
        module: 'normdocs',
        entity: 'document',
        entityId: '2',
        title: '甲镇农村人居环境整治办法',
        submittedOn: '2026-08-03',
        dueOn: '2026-08-12',
        reviewedOn: '2026-08-10',
        reviewerName: '镇党政办',
        adviserInvolved: false,
        result: '合法',
      },
      {
        orgCode: T.townA,
        module: 'decisions',
        entity: 'decision',
        entityId: '3',
        title: '甲镇农贸市场迁建决策',
        submittedOn: '2026-09-01',
        dueOn: '2026-09-10',
      },
    ]);
    const detail = await call(app, adminA, 'GET', `/api/advisers/contracts/${contractA1}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().reviews).toHaveLength(1);
    expect(detail.json().phone).toBe('13812345678');
    const masked = await call(app, county, 'GET', `/api/advisers/contracts/${contractA1}`);
    expect(masked.json().phone).toBe('138****5678');

    const f = await figures(T.townA, '2026-01-01', '2026-12-31');
    expect(f.get('advisers.reviews')?.value).toBe(1);
    expect(f.get('advisers.reviewsWithoutAdviser')?.value).toBe(1);
    // Decisions: 2 submitted (latest rows), 1 passed review.
    expect(f.get('advisers.decisionsReviewedFirst')).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 50,
    });

    const idle = async (q: number) =>
      (await call(app, county, 'GET', `/api/advisers/idle?org=${T.county}&year=2026&quarter=${q}`)).json();
    const ids = (r: { idleAdvisers: { id: number }[] }) => r.idleAdvisers.map((a) => a.id);
    // Q1: 张律师 worked; 赵律师 and the township's 王律师 did nothing.
    const q1 = await idle(1);
    expect(ids(q1)).not.toContain(contractA1);
    expect(ids(q1)).toContain(contractIdle);
    // Q2: nobody logged anything.
    expect(ids(await idle(2))).toContain(contractA1);
    // Q3: no work log, but the adviser's account recorded a legality review.
    const q3 = await idle(3);
    expect(ids(q3)).not.toContain(contractA1);
    expect(q3.reviews.map((r: { entityId: string; problem: string }) => [r.entityId, r.problem])).toEqual([
      ['2', '未经法律顾问审核'],
      ['3', '逾期未审核'],
    ]);
  });

  it('imports a monthly work log all or nothing', async () => {
    const header = [
      '序号',
      '法律顾问',
      '日期',
      '服务类型',
      '村(社区)',
      '坐班时长(小时)',
      '人次',
      '咨询方式',
      '事项',
    ];
    const upload = async (data: unknown[][]) => {
      const m = multipart(await workbook(header, data));
      return app.inject({
        method: 'POST',
        url: `/api/advisers/import?org=${T.townA}`,
        headers: { cookie: clerkA.cookie, 'x-csrf-token': clerkA.csrf, 'content-type': m.contentType },
        payload: m.payload,
      });
    };
    const count = async () =>
      (await rows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM advisers_activity`))[0]!
        .n;
    const before = await count();
    const bad = await upload([
      [1, '赵律师', '2026年3月2日', '坐班', '甲一村', 4, null, null, '接待群众'],
      [2, '赵律师', '2026-03-02', '咨询', '甲一村委会', null, 2, '电话', '婚姻家庭'],
      [3, '钱律师', '2026-03-03', '咨询', '甲一村', null, 1, '坐班', '借贷'],
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ row: 5, message: expect.stringContaining('钱律师') }),
    ]);
    expect(await count()).toBe(before);
    const good = await upload([
      [1, '赵律师', '2026年3月2日', '坐班', '甲一村', 4, null, null, '接待群众'],
      [2, '赵律师', '2026-03-02', '咨询', '甲一村委会', null, 2, '电话', '婚姻家庭'],
    ]);
    expect(good.statusCode).toBe(200);
    expect(good.json().imported).toBe(2);
    expect(await count()).toBe(before + 2);
    const f = await figures(T.townA, '2026-03-01', '2026-03-31');
    expect(f.get('advisers.consultations')?.value).toBe(7);
  });

  it("keeps a township out of its neighbour's contracts", async () => {
    expect((await call(app, clerkB, 'GET', `/api/advisers/contracts/${contractA1}`)).statusCode).toBe(404);
    expect((await call(app, clerkB, 'GET', `/api/advisers/contracts?org=${T.townA}`)).statusCode).toBe(404);
    const own = await call(app, clerkB, 'GET', '/api/advisers/contracts');
    expect(own.json().total).toBe(0);
    expect((await call(app, clerkB, 'GET', `/api/advisers/coverage?org=${T.townA}`)).statusCode).toBe(404);
  });

  it('shows each village its adviser on the portal, without phone numbers', async () => {
    const r = await call(app, null, 'GET', `/portal/advisers/villages?org=${T.townA}`);
    expect(r.statusCode).toBe(200);
    const a1 = r.json().items.find((v: { code: string }) => v.code === T.villageA1);
    expect(a1.advisers[0]).toEqual({
      adviserName: '张律师',
      firm: '四川某某律师事务所',
      firmKind: '律师事务所',
      dutySchedule: '每月第一、三周周三',
    });
    expect(r.body).not.toContain('13812345678');
  });

  it("reads the seed reports' adviser sentences as this module's figures", () => {
    const matchers = modules.flatMap((m) => m.reportClaims ?? []);
    const read = (text: string) => extractClaims(text).map((c) => [c.stated, indicatorFor(c, matchers)]);
    expect(
      read(
        '全镇18个村委会建立法律服务站,均配备驻村法律顾问,积极开展法律援助和司法救助,为各村委会、当地群众提供法律咨询659人次。',
      ),
    ).toEqual([
      [18, 'advisers.coveredVillages'],
      [659, 'advisers.consultations'],
    ]);
    expect(read('组织全区93个村(社区)签订法律顾问合同,规范法律顾问管理。')).toEqual([
      [93, 'advisers.coveredVillages'],
    ]);
  });
});
