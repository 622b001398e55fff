import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db/client.js';
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

function multipart(data: Buffer) {
  const boundary = '----fazhi-enforcement';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="清单.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

async function workbook(title: string, header: string[], data: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('权责清单');
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell('A1').value = title;
  ws.getCell('A2').value = '填报单位：测试县司法局（盖章）      填报时间：2025年5月';
  ws.addRow([]);
  ws.addRow(header);
  for (const r of data) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A county's 权责清单 as published: its own header words, dates in several spellings, full-width text. */
function itemLedger(opts: { badRow?: boolean; changed?: boolean } = {}) {
  const rowsData: unknown[][] = [
    [
      1,
      '行政执法权责事项',
      'ＸＺＣＦ－００１',
      '对占用城市道路摆摊设点的处罚',
      '行政处罚',
      opts.changed ? '《城市道路管理条例》(2019修订)第四十二条' : '《城市道路管理条例》第四十二条',
      '综合行政执法队',
      '是',
      '情节轻微:警告；情节较重：罚款500-2000元\n情节严重:罚款2000-20000元',
      opts.changed ? '2025年5月1日' : new Date(Date.UTC(2024, 0, 1)),
    ],
    [
      2,
      '行政执法权责事项',
      'XZJC-002',
      '对建筑施工现场扬尘防治的行政检查',
      '行政检查',
      '《中华人民共和国大气污染防治法》第六十九条',
      '综合行政执法队',
      '否',
      null,
      '2024.3.1',
    ],
    [
      3,
      '公共服务事项',
      'GGFW-003',
      '法律援助申请受理',
      '其他',
      '《中华人民共和国法律援助法》第三十八条',
      '司法所',
      '否',
      '',
      '2024/01/01',
    ],
  ];
  if (opts.badRow) {
    rowsData.push([
      4,
      '行政执法权责事项',
      'XZCF-004',
      '对违规燃放烟花爆竹的处罚',
      '罚款类',
      '《烟花爆竹安全管理条例》第四十二条',
      '综合行政执法队',
      '是',
      '情节轻微警告',
      '2024-13-01',
    ]);
  }
  return workbook(
    '测试县乡镇（街道）行政执法权责清单',
    [
      '序号',
      '清单类型',
      '事项编码',
      '权责事项名称',
      '权力类型',
      '设定依据',
      '实施主体',
      '是否赋权',
      '裁量基准',
      '施行日期',
    ],
    rowsData,
  );
}

describe('importing the 执法事项清单, 执法人员名册 and 检查对象名录库', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let clerk: Session;
  let countyClerk: Session;

  beforeAll(async () => {
    process.env.FAZHI_TODAY = '2025-06-01';
    ctx = await testContext();
    await seedTree(ctx);
    clerk = await quickSession(ctx, await addUser(ctx, 'jia.jingban', '经办人', T.townA));
    countyClerk = await quickSession(ctx, await addUser(ctx, 'xian.jingban', '经办人', T.county));
    app = await testApp(ctx);
  });
  afterAll(() => {
    delete process.env.FAZHI_TODAY;
  });

  const upload = (s: Session, url: string, file: Buffer) => {
    const m = multipart(file);
    return app.inject({
      method: 'POST',
      url,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': m.contentType },
      payload: m.payload,
    });
  };
  const count = async (table: string) =>
    (
      await rows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`)
    )[0]!.n;

  it('imports nothing from a list with one bad row, and names the row and each bad column', async () => {
    const res = await upload(
      countyClerk,
      `/api/enforcement/import?org=${T.county}`,
      await itemLedger({ badRow: true }),
    );
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.imported).toBe(0);
    // Title, 填报单位, blank, header, three good rows: the bad one is row 8.
    expect(body.errors.every((e: { row: number }) => e.row === 8)).toBe(true);
    const columns = body.errors.map((e: { column: string }) => e.column);
    expect(columns).toEqual(expect.arrayContaining(['权力类型', '施行日期']));
    expect(body.errors.find((e: { column: string }) => e.column === '权力类型').message).toContain(
      '不是可选值',
    );
    expect(await count('enforcement_item')).toBe(0);
  });

  it('names a malformed 裁量基准 line', async () => {
    const buf = await workbook(
      '清单',
      ['事项编码', '事项名称', '事项类型', '实施依据', '裁量基准'],
      [
        ['A-1', '甲', '行政处罚', '某法第一条', '情节轻微:警告'],
        ['A-2', '乙', '行政处罚', '某法第二条', '情节轻微警告'],
      ],
    );
    const res = await upload(countyClerk, `/api/enforcement/import?org=${T.county}`, buf);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      {
        row: 6,
        column: '裁量基准',
        message: '无法识别的裁量基准「情节轻微警告」,应写作“情节:处罚幅度”,多条以分号或换行分隔',
      },
    ]);
  });

  it('imports a real-world list: aliases, full-width codes, dates in many forms, 裁量基准 parsed', async () => {
    const res = await upload(countyClerk, `/api/enforcement/import?org=${T.county}`, await itemLedger());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 3, errors: [] });
    const list = (
      await call(app, countyClerk, 'GET', `/api/enforcement/items?org=${T.county}&pageSize=50`)
    ).json();
    const byCode = Object.fromEntries(list.items.map((i: { itemCode: string }) => [i.itemCode, i]));
    expect(byCode['XZCF-001']).toMatchObject({
      listKind: '行政执法权责事项',
      itemType: '行政处罚',
      office: '综合行政执法队',
      delegated: true,
      effectiveFrom: '2024-01-01',
      version: 1,
      discretion: [
        { circumstance: '情节轻微', range: '警告' },
        { circumstance: '情节较重', range: '罚款500-2000元' },
        { circumstance: '情节严重', range: '罚款2000-20000元' },
      ],
    });
    expect(byCode['XZJC-002']).toMatchObject({
      effectiveFrom: '2024-03-01',
      delegated: false,
      discretion: [],
    });
    expect(byCode['GGFW-003']).toMatchObject({ listKind: '公共服务事项', itemType: '其他' });
    // A township case can use the county's items.
    const applicable = (
      await call(app, clerk, 'GET', `/api/enforcement/items?org=${T.townA}&applicable=1&on=2024-06-01`)
    ).json();
    expect(applicable.total).toBe(3);
  });

  it('re-importing: unchanged rows are skipped with a warning, a changed row becomes a new version', async () => {
    const res = await upload(
      countyClerk,
      `/api/enforcement/import?org=${T.county}`,
      await itemLedger({ changed: true }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(1);
    expect(res.json().warnings.map((w: { row: number }) => w.row)).toEqual([6, 7]);
    const versions = await rows<{ version: number; effective_from: string; effective_to: string | null }>(
      ctx.database.db,
      sql`SELECT version, effective_from::text, effective_to::text FROM enforcement_item WHERE item_code = 'XZCF-001' ORDER BY version`,
    );
    expect(versions).toEqual([
      { version: 1, effective_from: '2024-01-01', effective_to: '2025-04-30' },
      { version: 2, effective_from: '2025-05-01', effective_to: null },
    ]);
    // The export re-imports as the same list: nothing changes.
    const xlsx = await call(app, countyClerk, 'GET', `/api/enforcement/items?org=${T.county}&format=xlsx`);
    const again = await upload(countyClerk, `/api/enforcement/import?org=${T.county}`, xlsx.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().imported).toBe(0);
  });

  it('imports officers all or nothing, refusing a duplicate certificate number', async () => {
    const header = [
      '序号',
      '执法人员姓名',
      '身份证号码',
      '手机号',
      '执法证件号',
      '发证机关',
      '执法区域',
      '发证日期',
      '有效期止',
    ];
    const good = [
      [
        1,
        '赵一',
        '51062619800101001X',
        '13812345678',
        '5106001',
        '四川省人民政府',
        '市容环境',
        '2023年1月1日',
        '2029-01-01',
      ],
      [2, '钱二', null, null, '5106002', '四川省人民政府', '城乡建设', '2023.1.1', 46022],
      [3, '孙三', null, null, null, null, null, null, null],
    ];
    const bad = await upload(
      clerk,
      `/api/enforcement/officers/import?org=${T.townA}`,
      await workbook('甲镇执法人员名册', header, [
        ...good,
        [4, '李四', null, null, '5106001', null, null, null, '2028-01-01'],
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      { row: 8, column: '执法证件号', message: '执法证号「5106001」与第5行重复' },
    ]);
    expect(await count('enforcement_officer')).toBe(0);

    const ok = await upload(
      clerk,
      `/api/enforcement/officers/import?org=${T.townA}`,
      await workbook('名册', header, good),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().imported).toBe(3);
    const list = (
      await call(app, clerk, 'GET', `/api/enforcement/officers?org=${T.townA}&cert=valid`)
    ).json();
    expect(list.items.map((o: { name: string; validTo: string }) => [o.name, o.validTo])).toEqual([
      ['赵一', '2029-01-01'],
      ['钱二', '2025-12-31'],
    ]);
    const [d] = await rows<{ n: number }>(
      ctx.database.db,
      sql`SELECT count(*)::int AS n FROM kernel_deadline WHERE module = 'enforcement' AND step = 'certExpiry' AND status = 'open'`,
    );
    expect(d!.n).toBe(2);
    const again = await upload(
      clerk,
      `/api/enforcement/officers/import?org=${T.townA}`,
      await workbook('名册', header, good.slice(0, 1)),
    );
    expect(again.json().errors[0].message).toBe('执法证号「5106001」已被登记,同一证号不能重复登记');
    const template = await call(app, clerk, 'GET', '/api/enforcement/officers/template.xlsx');
    expect(template.statusCode).toBe(200);
  });

  it('imports the 检查对象名录库, checking 统一社会信用代码', async () => {
    const header = ['序号', '市场主体名称', '统一社会信用代码', '主体类型', '行业', '经营地址'];
    const bad = await upload(
      clerk,
      `/api/enforcement/targets/import?org=${T.townA}`,
      await workbook('名录库', header, [
        [1, '甲镇好味餐馆', null, '个体工商户', '餐饮', '甲镇一街1号'],
        [2, '甲镇建材有限公司', '91510626MA0000000X', '企业', '建材', '甲镇二街2号'],
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      { row: 6, column: '统一社会信用代码', message: '统一社会信用代码「91510626MA0000000X」校验不通过' },
    ]);
    const ok = await upload(
      clerk,
      `/api/enforcement/targets/import?org=${T.townA}`,
      await workbook('名录库', header, [
        [1, '甲镇好味餐馆', null, '个体工商户', '餐饮', '甲镇一街1号'],
        [2, '甲镇便民超市', null, null, '零售', '甲镇三街3号'],
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().imported).toBe(2);
    const list = (await call(app, clerk, 'GET', `/api/enforcement/targets?org=${T.townA}`)).json();
    expect(list.items.map((t: { name: string; kind: string }) => [t.name, t.kind])).toEqual([
      ['甲镇好味餐馆', '个体工商户'],
      ['甲镇便民超市', '企业'],
    ]);
  });
});
