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
import { publicityModule } from './manifest.js';
import { normalizeForm, normalizeThemes, normalizeVenueType, parseCount } from './model.js';
import { publicityReport } from './report.js';

function multipart(data: Buffer, filename: string) {
  const boundary = '----fazhi-publicity';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** A ledger as a township keeps it: a merged title row, a 填报单位 line, then the header. */
async function workbook(header: string[], data: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026年');
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell('A1').value = '甲镇2026年普法宣传活动台账';
  ws.addRow(['填报单位:甲镇司法所']);
  ws.addRow(header);
  for (const r of data) ws.addRow(r);
  ws.addRow([]);
  ws.addRow([]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('publicity: rules of the ledger', () => {
  it('reads forms, 六进, themes and counts the way real ledgers write them', () => {
    expect(normalizeForm('赶集宣传')).toBe('集中宣传');
    expect(normalizeForm('微信公众号')).toBe('新媒体');
    expect(normalizeForm('以案说法')).toBe('以案释法');
    expect(normalizeForm('跳舞')).toBeNull();
    expect(normalizeVenueType('进农村')).toBe('进乡村');
    expect(normalizeVenueType('校园')).toBe('进学校');
    expect(normalizeVenueType('进 学校')).toBe('进学校');
    expect(normalizeThemes('宪法日、禁毒日，反诈')).toEqual(['宪法宣传', '禁毒', '反电信网络诈骗']);
    expect(normalizeThemes('土壤污染防治法')).toEqual(['土壤污染防治法']);
    expect(parseCount('约300人')).toBe(300);
    expect(parseCount('5000余份')).toBe(5000);
    expect(parseCount('１,２００人次')).toBe(1200);
    expect(parseCount('1.3万')).toBe(13000);
    expect(parseCount(45)).toBe(45);
    expect(parseCount('很多')).toBeNull();
  });

  it('writes the report paragraph under 深入开展法治宣传教育 and a shortcoming when units fall behind', () => {
    const f = new Map<string, { value: number | null }>([
      ['publicity.activities', { value: 52 }],
      ['publicity.inSchools', { value: 10 }],
      ['publicity.materials', { value: 5200 }],
      ['publicity.reach', { value: 13100 }],
      ['publicity.dutyCompletion', { value: 80 }],
      ['publicity.demoVillages', { value: 1 }],
    ]);
    const ps = publicityReport(f);
    expect(ps[0]).toMatchObject({ section: 'achievements', heading: '深入开展法治宣传教育' });
    expect(ps[0]!.template).toContain(
      '共开展普法宣传活动{publicity.activities}场,其中进学校{publicity.inSchools}场',
    );
    expect(ps.some((p) => p.section === 'shortcomings')).toBe(true);
    expect(publicityReport(new Map())).toEqual([]);
  });

  it("reads the seed reports' 普法 sentences as this module's figures", () => {
    const matchers = modules.flatMap((m) => m.reportClaims ?? []);
    const read = (text: string) =>
      extractClaims(text).map((c) => [c.stated, indicatorFor(c, matchers)] as const);
    // Exact figures are compared; "50余次" is approximate and left alone by the checker.
    expect(read('今年以来,共开展52次法治宣传活动,其中进学校10次,发放宣传手册5200份。')).toEqual([
      [52, 'publicity.activities'],
      [10, 'publicity.inSchools'],
      [5200, 'publicity.materials'],
    ]);
    expect(read('全年普法受众13100人次。')).toEqual([[13100, 'publicity.reach']]);
  });
});

describe('publicity: activities, photos, duties, sites, import and portal', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let clerkA: Session;
  let clerkB: Session;
  let county: Session;
  let leader: Session;
  let dutyId = 0;
  let activityId = 0;

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    clerkA = await quickSession(ctx, await addUser(ctx, 'jia.clerk', '经办人', T.townA));
    clerkB = await quickSession(ctx, await addUser(ctx, 'yi.clerk', '经办人', T.townB));
    county = await quickSession(ctx, await addUser(ctx, 'xian.jiandu', '县级监督', T.county));
    leader = await quickSession(ctx, await addUser(ctx, 'jia.lingdao', '领导', T.townA));
    app = await testApp(ctx);
  });

  const activity = (s: Session, body: Record<string, unknown> = {}) =>
    call(app, s, 'POST', '/api/publicity/activities', {
      orgCode: T.villageA1,
      heldOn: '2026-03-05',
      title: '民法典进校园',
      themes: ['民法典', '未成年人保护'],
      form: '法治讲座',
      venueType: '进学校',
      venueName: '甲镇中心小学',
      reach: 320,
      materials: 300,
      organiser: '甲镇司法所',
      ...body,
    });
  const count = async (table: string) =>
    (
      await rows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`)
    )[0]!.n;
  const figures = (org: string) =>
    computeFigures(ctx.database.db, [publicityModule], {
      orgCode: org,
      from: '2025-01-01',
      to: '2026-12-31',
      asOf: '2026-11-23',
    }).then((fs) => new Map(fs.map((f) => [f.id, f])));

  it('records a 谁执法谁普法 duty and an activity against it; rejects bad input with nothing written', async () => {
    const duty = await call(app, clerkA, 'POST', '/api/publicity/duties', {
      orgCode: T.officeA,
      year: 2026,
      unitName: '司法所',
      duties: '民法典、人民调解法',
      planned: 2,
    });
    expect(duty.statusCode).toBe(201);
    dutyId = duty.json().id;
    const dup = await call(app, clerkA, 'POST', '/api/publicity/duties', {
      orgCode: T.officeA,
      year: 2026,
      unitName: '司法所',
      duties: '民法典',
      planned: 2,
    });
    expect(dup.statusCode).toBe(409);

    const ok = await activity(clerkA, { dutyId });
    expect(ok.statusCode).toBe(201);
    activityId = ok.json().id;

    const before = await count('publicity_activity');
    const future = await activity(clerkA, { heldOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('活动日期不能晚于今天');
    const wrongYear = await activity(clerkA, { heldOn: '2025-03-05', dutyId });
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().error.message).toContain('2026年');
    const badVenue = await activity(clerkA, { venueType: '进火星' });
    expect(badVenue.statusCode).toBe(400);
    // Another township's clerk cannot record in 甲镇; a leader may only read.
    expect((await activity(clerkB)).statusCode).toBe(404);
    expect((await activity(leader)).statusCode).toBe(403);
    expect(await count('publicity_activity')).toBe(before);
  });

  it('attaches a photo (kernel file) as evidence; refuses a non-image', async () => {
    const upload = async (data: Buffer, name: string) => {
      const m = multipart(data, name);
      return app.inject({
        method: 'POST',
        url: `/api/files?org=${T.villageA1}`,
        headers: { cookie: clerkA.cookie, 'x-csrf-token': clerkA.csrf, 'content-type': m.contentType },
        payload: m.payload,
      });
    };
    const png = await upload(PNG, '现场.png');
    expect(png.statusCode).toBe(201);
    const r = await call(app, clerkA, 'POST', `/api/publicity/activities/${activityId}/photos`, {
      fileId: png.json().id,
      caption: '讲座现场',
    });
    expect(r.statusCode).toBe(201);
    const pdf = await upload(Buffer.from('%PDF-1.4 x'), '方案.pdf');
    const bad = await call(app, clerkA, 'POST', `/api/publicity/activities/${activityId}/photos`, {
      fileId: pdf.json().id,
    });
    expect(bad.statusCode).toBe(400);
    const detail = await call(app, county, 'GET', `/api/publicity/activities/${activityId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      title: '民法典进校园',
      dutyUnit: '司法所',
      township: '甲镇',
      photos: 1,
      photoList: [{ caption: '讲座现场', mime: 'image/png' }],
    });
    // Out of scope: 乙镇's clerk does not see it.
    expect((await call(app, clerkB, 'GET', `/api/publicity/activities/${activityId}`)).statusCode).toBe(404);
  });

  it('lists with filters (theme, 六进, form, month) and scope', async () => {
    await activity(clerkA, {
      heldOn: '2025-12-04',
      title: '国家宪法日集中宣传',
      themes: ['宪法宣传'],
      form: '集中宣传',
      venueType: '进乡村',
      reach: 500,
      materials: 800,
    });
    const list = (s: Session, q: string) => call(app, s, 'GET', `/api/publicity/activities?${q}`);
    const all = await list(county, `org=${T.county}`);
    expect(all.json()).toMatchObject({ total: 2, reach: 820, materials: 1100 });
    expect((await list(county, `org=${T.county}&theme=宪法宣传`)).json().total).toBe(1);
    expect((await list(county, `org=${T.county}&venueType=进学校`)).json().total).toBe(1);
    expect((await list(county, `org=${T.county}&form=集中宣传`)).json().total).toBe(1);
    expect((await list(county, `org=${T.county}&month=2026-03`)).json().total).toBe(1);
    expect((await list(clerkB, `org=${T.townB}`)).json().total).toBe(0);
    expect((await list(clerkB, `org=${T.townA}`)).statusCode).toBe(404);
    const xlsx = await list(county, `org=${T.county}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheet');
  });

  it('shows duty progress and units behind plan', async () => {
    const d = await call(app, county, 'GET', `/api/publicity/duties?org=${T.county}&year=2026`);
    expect(d.json()).toMatchObject({
      total: 1,
      met: 0,
      items: [{ unitName: '司法所', planned: 2, done: 1, progress: 50 }],
    });
    const behind = await call(app, county, 'GET', `/api/publicity/duties?org=${T.county}&year=2026&behind=1`);
    expect(behind.json().total).toBe(1);
    await activity(clerkA, { dutyId, heldOn: '2026-05-10', title: '人民调解法宣传', themes: ['其他'] });
    const after = await call(app, county, 'GET', `/api/publicity/duties?org=${T.county}&year=2026`);
    expect(after.json()).toMatchObject({ met: 1, items: [{ done: 2, met: true }] });
  });

  it('registers 阵地 and 示范村 with the rules of each kind', async () => {
    const site = (body: Record<string, unknown>) =>
      call(app, clerkA, 'POST', '/api/publicity/sites', { orgCode: T.villageA1, ...body });
    expect(
      (await site({ kind: '法治文化广场', name: '甲一村法治文化广场', builtOn: '2025-06-01' })).statusCode,
    ).toBe(201);
    expect((await site({ kind: '民主法治示范村(社区)', name: '甲一村' })).statusCode).toBe(400);
    expect(
      (
        await site({
          kind: '民主法治示范村(社区)',
          name: '甲一村',
          honourLevel: '省级',
          builtOn: '2024-12-01',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await site({ orgCode: T.townA, kind: '民主法治示范村(社区)', name: '甲镇', honourLevel: '县级' }))
        .statusCode,
    ).toBe(400);
    const list = await call(app, county, 'GET', `/api/publicity/sites?org=${T.county}`);
    expect(list.json().total).toBe(2);
  });

  it('computes the indicators and drills down to exactly the rows counted', async () => {
    const f = await figures(T.county);
    expect(f.get('publicity.activities')!.value).toBe(3);
    expect(f.get('publicity.inSchools')!.value).toBe(2);
    expect(f.get('publicity.reach')!.value).toBe(1140);
    expect(f.get('publicity.materials')!.value).toBe(1400);
    expect(f.get('publicity.constitutionWeek')!.value).toBe(1);
    expect(f.get('publicity.dutyCompletion')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(f.get('publicity.sites')!.value).toBe(1);
    expect(f.get('publicity.demoVillages')!.value).toBe(1);
    const drill = await call(
      app,
      county,
      'GET',
      `/api/publicity/activities?org=${T.county}&indicator=publicity.inSchools&from=2026-01-01&to=2026-12-31`,
    );
    expect(drill.json().total).toBe(2);
    const sites = await call(
      app,
      county,
      'GET',
      `/api/publicity/sites?org=${T.county}&indicator=publicity.demoVillages&from=2026-01-01&to=2026-12-31`,
    );
    expect(sites.json().items.map((s: { kind: string }) => s.kind)).toEqual(['民主法治示范村(社区)']);
  });

  it('imports a realistic ledger all or nothing', async () => {
    const header = [
      '序号',
      '活动时间',
      '活动名称',
      '宣传主题',
      '宣传形式',
      '“六进”类别',
      '村(社区)',
      '地点',
      '受众人次',
      '发放资料(份)',
      '责任单位',
    ];
    const upload = async (data: unknown[][]) => {
      const m = multipart(await workbook(header, data), '台账.xlsx');
      return app.inject({
        method: 'POST',
        url: `/api/publicity/import?org=${T.townA}`,
        headers: { cookie: clerkA.cookie, 'x-csrf-token': clerkA.csrf, 'content-type': m.contentType },
        payload: m.payload,
      });
    };
    const before = await count('publicity_activity');
    const bad = await upload([
      [1, '2026.3.5', '反诈宣传', '反诈', '赶集宣传', '进农村', '甲一村', '场镇', '约300人', '500余份', ''],
      [2, '2026年4月15日', '国家安全日宣传', '国家安全', '跳舞', '进学校', '甲二村', '', '80', '', ''],
      [3, '2026.5.1', '民法典宣传', '民法典', '讲座', '进社区', '丙村', '', '50', '', ''],
      [4, '2026.6.26', '禁毒宣传', '禁毒', '讲座', '进学校', '甲一村', '', '50', '', '交通局'],
    ]);
    expect(bad.statusCode).toBe(422);
    const errs = bad.json().errors as { row: number; message: string }[];
    expect(errs.some((e) => e.row === 5 && e.message.includes('跳舞'))).toBe(true);
    expect(errs.some((e) => e.row === 6 && e.message.includes('丙村'))).toBe(true);
    expect(errs.some((e) => e.row === 7 && e.message.includes('交通局'))).toBe(true);
    expect(await count('publicity_activity')).toBe(before);

    const good = await upload([
      [
        1,
        '2026.3.5',
        '反诈宣传进万家',
        '反诈、民法典',
        '赶集宣传',
        '进农村',
        '甲一村',
        '场镇',
        '约300人',
        '500余份',
        '',
      ],
      [
        2,
        '2026年4月15日',
        '国家安全日宣传',
        '国家安全',
        '以案说法',
        '校园',
        '甲二村委会',
        '甲镇中学',
        '80',
        '',
        '',
      ],
      [3, 46147, '安全生产宣传', '安全生产', '微信公众号', '进网络', '', '', '１２００', '', '司法所'],
    ]);
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ imported: 3 });
    const list = await call(app, clerkA, 'GET', `/api/publicity/activities?org=${T.townA}&q=反诈`);
    expect(list.json().items[0]).toMatchObject({
      heldOn: '2026-03-05',
      themes: ['反电信网络诈骗', '民法典'],
      form: '集中宣传',
      venueType: '进乡村',
      reach: 300,
      materials: 500,
      source: 'import',
    });
    const third = await call(app, clerkA, 'GET', `/api/publicity/activities?org=${T.townA}&q=安全生产宣传`);
    expect(third.json().items[0]).toMatchObject({ orgCode: T.townA, reach: 1200, dutyUnit: '司法所' });
  });

  it('publishes activities and sites on the portal without names or notes', async () => {
    const a = await app.inject({ method: 'GET', url: `/portal/publicity/activities?org=${T.townA}` });
    expect(a.statusCode).toBe(200);
    const item = a.json().items[0];
    expect(Object.keys(item).sort()).toEqual(
      ['form', 'heldOn', 'id', 'orgName', 'reach', 'themes', 'title', 'township', 'venueType'].sort(),
    );
    const s = await app.inject({ method: 'GET', url: '/portal/publicity/sites' });
    expect(s.json().items.length).toBe(2);
    expect((await app.inject({ method: 'GET', url: '/portal/publicity/sites?org=x' })).statusCode).toBe(400);
  });

  it('removes an activity with a reason, photos with it', async () => {
    const r = await call(app, clerkA, 'POST', `/api/publicity/activities/${activityId}/remove`, {
      reason: '重复登记',
    });
    expect(r.statusCode).toBe(200);
    expect(await count('publicity_photo')).toBe(0);
  });
});
