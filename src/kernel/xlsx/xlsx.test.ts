import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldDef, RecordModel } from '../model.js';
import { modelSchema } from '../model.js';
import { exportRows } from './export.js';
import { headerKey, NOT_XLSX, type ParseResult, parseLedger } from './import.js';
import { cellText, excelSerialToDate, normalizeCell, toHalfWidth } from './normalize.js';
import { buildTemplate, INSTRUCTIONS_SHEET, OPTIONS_SHEET } from './template.js';

// ---------------------------------------------------------------------------
// Fixtures, built with exceljs here rather than committed as binaries.

function idCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return v === 10 ? 'X' : String(v);
}
function makeId(first17: string): string {
  return first17 + idCheck(first17);
}
const ID1 = makeId('51062619900101123');
const ID2 = '11010519491231002X';
const ID3 = makeId('44030520000229417');
const BAD_ID = ID1.slice(0, 17) + (ID1[17] === '0' ? '1' : '0');

const CATEGORIES = ['婚姻家庭', '邻里', '房屋宅基地', '山林土地', '合同', '其他'] as const;

const MODEL: RecordModel = {
  id: 'test.dispute',
  title: '矛盾纠纷排查化解',
  fields: [
    { key: 'receivedOn', label: '登记日期', type: 'date', required: true, aliases: ['受理日期'] },
    { key: 'category', label: '纠纷类型', type: 'enum', options: CATEGORIES, aliases: ['纠纷类别'] },
    { key: 'partyName', label: '当事人姓名', type: 'text', required: true, aliases: ['申请人姓名'] },
    { key: 'idCard', label: '身份证号', type: 'idcard', personal: true },
    { key: 'phone', label: '联系电话', type: 'phone', personal: true },
    { key: 'people', label: '涉及人数', type: 'int', min: 1, help: '纠纷涉及的当事人总数' },
    { key: 'major', label: '是否重大', type: 'bool' },
    { key: 'summary', label: '简要情况', type: 'longtext' },
  ],
};

const field = (key: string): FieldDef => MODEL.fields.find((f) => f.key === key)!;

async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}
async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const SAMPLE_ROWS: Record<string, unknown>[] = [
  {
    receivedOn: '2023-05-06',
    category: '邻里',
    partyName: '张三丰',
    idCard: ID1,
    phone: '13812345678',
    people: 2,
    major: false,
    summary: '因宅前排水沟堵塞引发争执,\n经村调委会调解达成口头协议。',
  },
  {
    receivedOn: '2023-12-31',
    category: '婚姻家庭',
    partyName: '李四',
    idCard: ID2,
    phone: '0571-87654321',
    people: 12,
    major: true,
    summary: '离婚后子女抚养费支付纠纷',
  },
  {
    receivedOn: '2024-02-29',
    category: null,
    partyName: '王五',
    idCard: null,
    phone: null,
    people: null,
    major: null,
    summary: null,
  },
];

function valuesOf(result: ParseResult): Record<string, unknown>[] {
  return result.rows.map((r) => r.values);
}

// ---------------------------------------------------------------------------

describe('normalizeCell', () => {
  const date = field('receivedOn');
  it.each<[unknown, string]>([
    [45052, '2023-05-06'],
    [45052.604, '2023-05-06'],
    [utc(2023, 5, 6), '2023-05-06'],
    [new Date(Date.UTC(2023, 4, 6, 14, 30)), '2023-05-06'],
    ['2023-05-06', '2023-05-06'],
    ['2023-5-6', '2023-05-06'],
    ['2023.5.6', '2023-05-06'],
    ['2023/5/6', '2023-05-06'],
    ['2023年5月6日', '2023-05-06'],
    ['2023年5月6号', '2023-05-06'],
    ['2023 年 5 月 6 日', '2023-05-06'],
    ['20230506', '2023-05-06'],
    [20230506, '2023-05-06'],
    ['2023.05.06 14:30', '2023-05-06'],
    ['2023-05-06 14:30:00', '2023-05-06'],
    ['2023/5/6 下午2:30', '2023-05-06'],
    ['2023年5月6日14时30分', '2023-05-06'],
    ['2023-05-06T00:00:00.000Z', '2023-05-06'],
    ['２０２３．５．６', '2023-05-06'],
    ['２０２３年５月６日', '2023-05-06'],
    ['2023。5。6', '2023-05-06'],
    ['二〇二三年五月六日', '2023-05-06'],
    ['二〇二三年十二月三十一日', '2023-12-31'],
    ['  2023.5.6\u00a0', '2023-05-06'],
    ['45052', '2023-05-06'],
    [{ formula: 'DATE(2023,5,6)', result: utc(2023, 5, 6) }, '2023-05-06'],
    [{ richText: [{ text: '2023年' }, { text: '5月6日' }] }, '2023-05-06'],
    ['2024.2.29', '2024-02-29'],
  ])('date %j → %s', (raw, expected) => {
    expect(normalizeCell(date, raw)).toEqual({ value: expected });
  });

  it.each<[unknown, RegExp]>([
    ['2023.13.5', /^无法识别的日期「2023\.13\.5」\(月份应为1—12\)$/],
    ['2023.2.30', /^无法识别的日期「2023\.2\.30」\(2023年2月没有30日\)$/],
    ['2023.2.29', /2023年2月没有29日/],
    ['2023.5', /缺少日/],
    ['5月6日', /缺少年份/],
    [2023, /只有年份/],
    ['2023.5.61', /没有61日/],
    ['20231306', /月份/],
    ['昨天', /^无法识别的日期「昨天」$/],
    ['1899-12-31', /年份应在1900—2100年之间/],
    [60, /1900年2月没有29日/],
  ])('date %j is refused', (raw, message) => {
    const r = normalizeCell(date, raw);
    expect('error' in r && r.error).toMatch(message);
  });

  it('handles the 1900 leap-year bug and the 1904 system', () => {
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(25569)).toBe('1970-01-01');
    expect(excelSerialToDate(45052)).toBe('2023-05-06');
    expect(excelSerialToDate(0, true)).toBe('1904-01-01');
    expect(excelSerialToDate(43590, true)).toBe('2023-05-06');
    expect(normalizeCell(date, 43590, { date1904: true })).toEqual({ value: '2023-05-06' });
  });

  it('required and empty cells', () => {
    for (const raw of [null, undefined, '', '   ', '\u00a0\u3000', { richText: [] }, '/', '—']) {
      expect(normalizeCell(date, raw)).toEqual({ error: '「登记日期」不能为空' });
    }
    expect(normalizeCell(field('partyName'), ' ')).toEqual({ error: '「当事人姓名」不能为空' });
    expect(normalizeCell(field('people'), null)).toEqual({ value: null });
    expect(normalizeCell(field('idCard'), '无')).toEqual({ value: null });
    expect(normalizeCell(field('phone'), '/')).toEqual({ value: null });
    // Text keeps what was written.
    expect(normalizeCell(field('summary'), '/')).toEqual({ value: '/' });
  });

  it.each<[unknown, number]>([
    [12, 12],
    ['12', 12],
    [' 12 ', 12],
    ['１２３', 123],
    ['1,200', 1200],
    ['1，200', 1200],
    ['12人', 12],
    ['12 人', 12],
    ['3户', 3],
    ['两人', 2],
    ['十二人', 12],
    ['12.0', 12],
    [{ formula: 'SUM(A1:A2)', result: 7 }, 7],
    [{ sharedFormula: 'F5', result: 8 }, 8],
  ])('int %j → %d', (raw, expected) => {
    expect(normalizeCell(field('people'), raw)).toEqual({ value: expected });
  });

  it.each<[unknown, RegExp]>([
    ['12.5', /应为整数/],
    [1.5, /应为整数/],
    ['约十来人', /无法识别的整数/],
    ['1.2万人', /数量单位「万人」/],
    ['0', /不能小于1/],
    ['-3', /不能小于1/],
    ['3-5人', /无法识别的整数「3-5人」/],
    [true, /无法识别的整数/],
  ])('int %j is refused', (raw, message) => {
    const r = normalizeCell(field('people'), raw);
    expect('error' in r && r.error).toMatch(message);
  });

  it('decimals', () => {
    const money: FieldDef = { key: 'amount', label: '涉及金额', type: 'decimal' };
    expect(normalizeCell(money, '1,234.50元')).toEqual({ value: 1234.5 });
    expect(normalizeCell(money, 0.1 + 0.2)).toEqual({ value: 0.3 });
    expect(normalizeCell(money, '３.５')).toEqual({ value: 3.5 });
  });

  it.each<[unknown, boolean]>([
    ['是', true],
    ['否', false],
    ['√', true],
    ['×', false],
    ['Y', true],
    ['n', false],
    ['有', true],
    ['无', false],
    [' 是 ', true],
    ['ＹＥＳ', true],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
  ])('bool %j → %s', (raw, expected) => {
    expect(normalizeCell(field('major'), raw)).toEqual({ value: expected });
  });

  it('refuses other bool words', () => {
    expect(normalizeCell(field('major'), '可能')).toEqual({ error: '「可能」应为是或否' });
  });

  it('enums match after trimming, full-width conversion and removing spaces', () => {
    const f: FieldDef = {
      key: 'k',
      label: '类别',
      type: 'enum',
      options: ['婚姻家庭', '其他(请注明)', 'A类'],
    };
    expect(normalizeCell(f, ' 婚姻家庭 ')).toEqual({ value: '婚姻家庭' });
    expect(normalizeCell(f, '婚姻 家庭')).toEqual({ value: '婚姻家庭' });
    expect(normalizeCell(f, '其他（请注明）')).toEqual({ value: '其他(请注明)' });
    expect(normalizeCell(f, 'Ａ类')).toEqual({ value: 'A类' });
    expect(normalizeCell(f, '家庭')).toEqual({ error: '「家庭」不是可选值,应为:婚姻家庭/其他(请注明)/A类' });
  });

  it('身份证号: valid, lowercase x, reasons, numbers that lost digits', () => {
    const f = field('idCard');
    expect(normalizeCell(f, ID1)).toEqual({ value: ID1 });
    expect(normalizeCell(f, ` ${ID2.toLowerCase()} `)).toEqual({ value: ID2 });
    expect(normalizeCell(f, `'${ID1}`)).toEqual({ value: ID1 });
    expect(normalizeCell(f, BAD_ID)).toEqual({ error: '身份证号有误:校验位不符,号码可能录入有误' });
    expect(normalizeCell(f, makeId('51062619900230123'))).toEqual({
      error: '身份证号有误:出生日期「19900230」不是有效日期',
    });
    expect(normalizeCell(f, 510626199001011200)).toEqual({
      error: '身份证号被 Excel 存成了数字,末几位已丢失,请将该列设为文本格式后重新录入',
    });
    expect(normalizeCell(f, '110105491231002')).toEqual({
      error: '身份证号有误:这是15位旧身份证号,应填写18位号码',
    });
  });

  it('phones', () => {
    const f = field('phone');
    expect(normalizeCell(f, 13812345678)).toEqual({ value: '13812345678' });
    expect(normalizeCell(f, '138 1234 5678')).toEqual({ value: '13812345678' });
    expect(normalizeCell(f, '（0571）87654321')).toEqual({ value: '0571-87654321' });
    expect(normalizeCell(f, '13812345678/13987654321')).toEqual({ error: '含多个电话号码,请只填写一个' });
    const bad = normalizeCell(f, '1381234567');
    expect('error' in bad && bad.error).toMatch(/电话号码格式不正确/);
    expect('error' in bad && bad.error).not.toContain('1381234567');
  });

  it('text, rich text, hyperlinks, formulas and error values', () => {
    const f = field('partyName');
    expect(normalizeCell(f, '  张三\u00a0')).toEqual({ value: '张三' });
    expect(normalizeCell(f, { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] })).toEqual({
      value: '张三',
    });
    expect(normalizeCell(f, { text: '张三', hyperlink: 'mailto:x@example.com' })).toEqual({ value: '张三' });
    expect(normalizeCell(f, { text: { richText: [{ text: '李四' }] }, hyperlink: '#A1' })).toEqual({
      value: '李四',
    });
    expect(normalizeCell(f, { formula: 'A1&B1', result: '王五' })).toEqual({ value: '王五' });
    expect(normalizeCell(f, { error: '#N/A' })).toEqual({ error: '单元格为错误值「#N/A」' });
    expect(normalizeCell(f, { formula: 'VLOOKUP(A1,B:C,2,0)', result: { error: '#REF!' } })).toEqual({
      error: '单元格为错误值「#REF!」',
    });
    expect(normalizeCell(f, { formula: 'A1' })).toEqual({
      error: '公式没有计算结果,请在 Excel/WPS 中打开并保存后再导入',
    });
    expect(normalizeCell(f, 'x'.repeat(201))).toEqual({ error: '内容过长,最多200字,实际201字' });
    expect(normalizeCell(field('summary'), 'x'.repeat(201))).toEqual({ value: 'x'.repeat(201) });
  });

  it('cellText and toHalfWidth', () => {
    expect(cellText(utc(2023, 5, 6))).toBe('2023-05-06');
    expect(cellText({ formula: '1+1', result: 2 })).toBe('2');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText({ error: '#DIV/0!' })).toBe('');
    expect(cellText(' a\u3000')).toBe('a');
    expect(toHalfWidth('（必填）')).toBe('(必填)');
  });

  it('header keys ignore required marks, spaces, full-width parens and (必填)', () => {
    expect(headerKey('*登记日期')).toBe(headerKey('登记日期'));
    expect(headerKey(' 登记日期（必填）')).toBe('登记日期');
    expect(headerKey('身份证\n号码')).toBe('身份证号');
    expect(headerKey('村（社区）')).toBe('村(社区)');
  });
});

// ---------------------------------------------------------------------------

describe('template', () => {
  it('has the title, header, drop-downs, formats, frozen header and 填写说明', async () => {
    const wb = await load(await buildTemplate(MODEL));
    const ws = wb.getWorksheet('矛盾纠纷排查化解')!;
    expect(ws).toBeDefined();
    expect(wb.worksheets[0]!.name).toBe('矛盾纠纷排查化解');
    expect(ws.getCell('A1').value).toBe('矛盾纠纷排查化解台账');
    expect(ws.getCell('H1').isMerged).toBe(true);
    expect(ws.getCell('H1').master.address).toBe('A1');
    const headers = MODEL.fields.map((_, i) => cellText(ws.getCell(2, i + 1).value));
    expect(headers).toEqual([
      '*登记日期',
      '纠纷类型',
      '*当事人姓名',
      '身份证号',
      '联系电话',
      '涉及人数',
      '是否重大',
      '简要情况',
    ]);

    const dv = ws.getCell('B3').dataValidation;
    expect(dv.type).toBe('list');
    expect(dv.formulae).toEqual([`"${CATEGORIES.join(',')}"`]);
    expect(ws.getCell('B1000').dataValidation?.type).toBe('list');
    expect(ws.getCell('B2').dataValidation).toBeUndefined();
    expect(ws.getCell('G3').dataValidation.formulae).toEqual(['"是,否"']);
    expect(ws.getCell('F3').dataValidation).toMatchObject({ type: 'whole', formulae: [1, 1e9] });
    expect(ws.getCell('A3').dataValidation.type).toBe('date');

    expect(ws.getColumn(1).numFmt).toBe('yyyy-mm-dd');
    expect(ws.getColumn(4).numFmt).toBe('@');
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(20);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });

    const help = wb.getWorksheet(INSTRUCTIONS_SHEET)!;
    expect(help).toBeDefined();
    const lines: string[] = [];
    help.eachRow((row) => {
      lines.push([1, 2, 3, 4, 5, 6].map((c) => cellText(row.getCell(c).value)).join('|'));
    });
    expect(lines).toContain(
      '1|登记日期|是|日期||填写日期,如 2023-05-06(也可填 2023.5.6、2023/5/6、2023年5月6日)',
    );
    expect(lines).toContain(`2|纠纷类型|否|单选(下拉选择)|${CATEGORIES.join('、')}|从下拉列表中选择`);
    expect(lines).toContain('6|涉及人数|否|整数||纠纷涉及的当事人总数;填写整数,不小于 1,可带单位如「3人」');
    expect(wb.getWorksheet(OPTIONS_SHEET)).toBeUndefined();
  });

  it('puts long option lists on a hidden sheet', async () => {
    const options = Array.from({ length: 40 }, (_, i) => `第${i + 1}类纠纷事项名称`);
    const model: RecordModel = {
      id: 'test.long',
      title: '长选项/测试:[x]*?一二三四五六七八九十一二三四五六七八九十一二三',
      fields: [
        { key: 'a', label: '名称', type: 'text', required: true },
        { key: 'kind', label: '类别', type: 'enum', options },
        { key: 'b', label: '逗号', type: 'enum', options: ['甲,乙', '丙'] },
      ],
    };
    const wb = await load(await buildTemplate(model));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('长选项测试x一二三四五六七八九十一二三四五六七八九十一二三'.slice(0, 31));
    expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(wb.worksheets.map((s) => s.name)).toEqual([ws.name, INSTRUCTIONS_SHEET, OPTIONS_SHEET]);
    const hidden = wb.getWorksheet(OPTIONS_SHEET)!;
    expect(hidden.state).toBe('hidden');
    expect(ws.getCell('B3').dataValidation.formulae).toEqual([`'${OPTIONS_SHEET}'!$A$2:$A$41`]);
    expect(hidden.getCell('A41').value).toBe(options[39]);
    expect(ws.getCell('C3').dataValidation.formulae).toEqual([`'${OPTIONS_SHEET}'!$B$2:$B$3`]);
    expect(hidden.getCell('B2').value).toBe('甲,乙');
    // The template still imports (no rows, no errors).
    const parsed = await parseLedger(model, await bufferOf(wb));
    expect(parsed).toMatchObject({ rows: [], errors: [], sheet: ws.name, headerRow: 2 });
  });
});

// ---------------------------------------------------------------------------

describe('round trips', () => {
  it('template → filled in → parsed gives the values back', async () => {
    const wb = await load(await buildTemplate(MODEL));
    const ws = wb.worksheets[0]!;
    SAMPLE_ROWS.forEach((r, i) => {
      const row = ws.getRow(3 + i);
      MODEL.fields.forEach((f, j) => {
        const v = r[f.key];
        if (v === null || v === undefined) return;
        const cell = row.getCell(j + 1);
        if (f.type === 'date') {
          const [y, m, d] = String(v).split('-').map(Number) as [number, number, number];
          cell.value = utc(y, m, d);
        } else if (f.type === 'bool') cell.value = v ? '是' : '否';
        else cell.value = v as ExcelJS.CellValue;
      });
    });
    const parsed = await parseLedger(MODEL, await bufferOf(wb));
    expect(parsed.errors).toEqual([]);
    expect(parsed.sheet).toBe('矛盾纠纷排查化解');
    expect(parsed.headerRow).toBe(2);
    expect(parsed.unmapped).toEqual([]);
    expect(parsed.otherSheets).toEqual([]);
    expect(parsed.columns.map((c) => [c.field, c.header, c.col])).toEqual([
      ['receivedOn', '*登记日期', 1],
      ['category', '纠纷类型', 2],
      ['partyName', '*当事人姓名', 3],
      ['idCard', '身份证号', 4],
      ['phone', '联系电话', 5],
      ['people', '涉及人数', 6],
      ['major', '是否重大', 7],
      ['summary', '简要情况', 8],
    ]);
    expect(parsed.rows.map((r) => r.row)).toEqual([3, 4, 5]);
    expect(valuesOf(parsed)).toEqual(SAMPLE_ROWS);
    // What comes out satisfies the model's own schema.
    for (const v of valuesOf(parsed)) expect(modelSchema(MODEL).safeParse(v).success).toBe(true);
  });

  it('export → parsed gives the rows back, with typed cells and an autofilter', async () => {
    const data = await exportRows(MODEL, SAMPLE_ROWS, {
      title: 'XX镇矛盾纠纷排查化解台账',
      sheetName: '2023年',
    });
    const wb = await load(data);
    const ws = wb.getWorksheet('2023年')!;
    expect(ws.getCell('A1').value).toBe('XX镇矛盾纠纷排查化解台账');
    expect(ws.getCell('A3').value).toEqual(utc(2023, 5, 6));
    expect(ws.getCell('A3').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('F4').value).toBe(12);
    expect(ws.getCell('G4').value).toBe('是');
    expect(ws.getCell('G3').value).toBe('否');
    expect(ws.getCell('D4').value).toBe(ID2);
    expect(ws.autoFilter).toBeTruthy();
    const parsed = await parseLedger(MODEL, data);
    expect(parsed.errors).toEqual([]);
    expect(valuesOf(parsed)).toEqual(SAMPLE_ROWS);
  });

  it('export leaves out list:false fields unless asked, and keeps bad values visible as text', async () => {
    const model: RecordModel = {
      ...MODEL,
      fields: MODEL.fields.map((f) => (f.key === 'idCard' ? { ...f, list: false } : f)),
    };
    const wb = await load(await exportRows(model, [{ ...SAMPLE_ROWS[0], receivedOn: '2023-02-30' }]));
    const headers = (wb.worksheets[0]!.getRow(2).values as unknown[]).slice(1).map(cellText);
    expect(headers).not.toContain('身份证号');
    expect(wb.worksheets[0]!.getCell('A3').value).toBe('2023-02-30');
    const picked = await load(await exportRows(model, SAMPLE_ROWS, { fields: ['partyName', 'idCard'] }));
    expect((picked.worksheets[0]!.getRow(2).values as unknown[]).slice(1).map(cellText)).toEqual([
      '*当事人姓名',
      '身份证号',
    ]);
  });
});

// ---------------------------------------------------------------------------

/** A ledger as townships keep it: title, 填报单位 line, blank row, 序号, full-width parens, mixed formats. */
async function messyLedger(opts: { badRow?: boolean; dropName?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '本表每月5日前报送';
  const ws = wb.addWorksheet('Sheet1');
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = 'XX镇2023年矛盾纠纷排查化解台账';
  ws.mergeCells('A2:J2');
  ws.getCell('A2').value = '填报单位：XX镇综治中心  填报日期：2023年12月31日';
  // Row 3 left blank.
  const header = [
    '序号',
    '登记日期（必填）',
    '纠纷类别',
    '当事人姓名 ',
    '身份证号码',
    '联系电话',
    '涉及人数（人）',
    '是否重大',
    '简要情况',
    '调处结果',
  ];
  const row4 = opts.dropName ? header.map((h) => (h.startsWith('当事人') ? '调解员' : h)) : header;
  ws.getRow(4).values = row4;
  const data: unknown[][] = [
    [1, 45052, '邻里', '张三丰', ID1, '138 1234 5678', '2人', '否', '排水沟纠纷', '调解成功'],
    [
      2,
      utc(2023, 5, 6),
      '婚姻家庭 ',
      ' 李四\u00a0',
      ID2.toLowerCase(),
      13912345678,
      '１２人',
      '是',
      '抚养费',
      '调解中',
    ],
    [3, '2023.5.6', '房屋宅基地', '王五', ID3, '0571-87654321', ' 3 ', '×', '', '已化解'],
    [4, '2023/5/6', '山林土地', '赵六', '无', '+86 150 0000 1111', '1,200', 'N', '林地界址', ''],
    [5, '2023年5月6日', '合同', '钱七', null, null, null, null, null, null],
    [6, '２０２３．５．６', '其他', '孙八', null, null, '十二人', '√', null, null],
    [7, '20230506', '邻里', '周九', null, null, 5, true, null, null],
    [8, '2023.05.06 14:30', '邻里', '吴十', null, null, '5 户', 'Y', null, null],
    [9, '2023年5月6号', '邻里', '郑十一', null, null, null, null, null, null],
    [
      10,
      '2023-5-6',
      '邻里',
      { richText: [{ text: '冯' }, { text: '十二' }] },
      null,
      null,
      null,
      null,
      null,
      null,
    ],
  ];
  if (opts.badRow)
    data.splice(2, 0, [3, '2023.2.30', '邻里', '陈错', BAD_ID, '13812345678', 2, '否', null, null]);
  data.forEach((values, i) => {
    const row = ws.getRow(5 + i);
    values.forEach((v, j) => {
      if (v !== null) row.getCell(j + 1).value = v as ExcelJS.CellValue;
    });
  });
  ws.getCell(`B${5 + 1}`).numFmt = 'yyyy"年"m"月"d"日"';
  let r = 5 + data.length;
  ws.getRow(r++).values = [null]; // a blank row in the middle
  ws.getRow(r++).values = [11]; // a pre-numbered empty row
  ws.getRow(r++).values = ['合  计', null, null, null, null, null, { formula: 'SUM(G5:G14)', result: 1230 }];
  ws.getRow(r++).values = ['填表人：张XX        审核人：李XX'];
  ws.getRow(r++).values = ['注：纠纷类别按省综治办口径填写。', '2023.99.99'];
  return bufferOf(wb);
}

const MESSY_VALUES = [
  ['张三丰', ID1, '13812345678', 2, false, '排水沟纠纷', '邻里'],
  ['李四', ID2, '13912345678', 12, true, '抚养费', '婚姻家庭'],
  ['王五', ID3, '0571-87654321', 3, false, null, '房屋宅基地'],
  ['赵六', null, '15000001111', 1200, false, '林地界址', '山林土地'],
  ['钱七', null, null, null, null, null, '合同'],
  ['孙八', null, null, 12, true, null, '其他'],
  ['周九', null, null, 5, true, null, '邻里'],
  ['吴十', null, null, 5, true, null, '邻里'],
  ['郑十一', null, null, null, null, null, '邻里'],
  ['冯十二', null, null, null, null, null, '邻里'],
].map(([partyName, idCard, phone, people, major, summary, category]) => ({
  receivedOn: '2023-05-06',
  category,
  partyName,
  idCard,
  phone,
  people,
  major,
  summary,
}));

describe('a messy real-style ledger', () => {
  it('finds the header and reads every row with the right values', async () => {
    const parsed = await parseLedger(MODEL, await messyLedger(), {
      extraColumns: { status: ['办理结果', '调处结果', '状态'], seq: ['序号'] },
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.sheet).toBe('Sheet1');
    expect(parsed.headerRow).toBe(4);
    expect(parsed.unmapped).toEqual([]);
    expect(parsed.columns.map((c) => c.header)).toEqual([
      '登记日期（必填）',
      '纠纷类别',
      '当事人姓名',
      '身份证号码',
      '联系电话',
      '涉及人数（人）',
      '是否重大',
      '简要情况',
    ]);
    expect(parsed.rows.map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(valuesOf(parsed)).toEqual(MESSY_VALUES);
    expect(parsed.rows.map((r) => r.extra.status)).toEqual([
      '调解成功',
      '调解中',
      '已化解',
      ...Array(7).fill(null),
    ]);
    expect(parsed.rows[0]!.extra.seq).toBe('1');
  });

  it('one bad row: errors name its row and both columns, the good rows are still parsed', async () => {
    const parsed = await parseLedger(MODEL, await messyLedger({ badRow: true }));
    expect(parsed.errors).toEqual([
      { row: 7, column: '登记日期（必填）', message: '无法识别的日期「2023.2.30」(2023年2月没有30日)' },
      { row: 7, column: '身份证号码', message: '身份证号有误:校验位不符,号码可能录入有误' },
    ]);
    expect(parsed.rows.map((r) => r.row)).toEqual([5, 6, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(valuesOf(parsed)).toEqual(MESSY_VALUES);
  });

  it('reports a missing required column once, at the header row, and returns no rows', async () => {
    const parsed = await parseLedger(MODEL, await messyLedger({ dropName: true }));
    expect(parsed.errors).toEqual([{ row: 4, column: '当事人姓名', message: '缺少必填列「当事人姓名」' }]);
    expect(parsed.rows).toEqual([]);
    expect(parsed.unmapped).toEqual(['序号', '调解员', '调处结果']);
  });

  it('reads a named sheet and reports other ledger-like sheets', async () => {
    const wb = await load(await messyLedger());
    const copy = wb.addWorksheet('2024年');
    copy.getRow(1).values = ['登记日期', '当事人姓名'];
    copy.getRow(2).values = ['2024.1.2', '张三'];
    const data = await bufferOf(wb);
    const first = await parseLedger(MODEL, data);
    expect(first.sheet).toBe('Sheet1');
    expect(first.otherSheets).toEqual(['2024年']);
    const named = await parseLedger(MODEL, data, { sheet: '2024年' });
    expect(named.errors).toEqual([]);
    expect(valuesOf(named)).toEqual([{ receivedOn: '2024-01-02', partyName: '张三' }]);
    const missing = await parseLedger(MODEL, data, { sheet: '2025年' });
    expect(missing.errors[0]!.message).toBe('找不到工作表「2025年」,文件中有:「说明」「Sheet1」「2024年」');
  });
});

describe('two-level headers', () => {
  it('reads 当事人 / 姓名 · 身份证号 · 联系电话 under vertically merged columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.mergeCells('A1:F1');
    ws.getCell('A1').value = '矛盾纠纷排查化解台账';
    ws.getCell('A2').value = '序号';
    ws.mergeCells('A2:A3');
    ws.getCell('B2').value = '受理日期';
    ws.mergeCells('B2:B3');
    ws.getCell('C2').value = '当事人';
    ws.mergeCells('C2:E2');
    ws.getCell('C3').value = '姓名';
    ws.getCell('D3').value = '身份证号';
    ws.getCell('E3').value = '联系电话';
    ws.getCell('F2').value = '纠纷类型'; // written in the upper row only, not merged down
    ws.getRow(4).values = [1, '2023.5.6', '张三', ID1, '13812345678', '邻里'];
    ws.getRow(5).values = [2, '2023.6.1', '李四', null, null, '合同'];
    const parsed = await parseLedger(MODEL, await bufferOf(wb));
    expect(parsed.errors).toEqual([]);
    expect(parsed.headerRow).toBe(3);
    expect(parsed.columns.map((c) => [c.field, c.header])).toEqual([
      ['receivedOn', '受理日期'],
      ['partyName', '当事人姓名'],
      ['idCard', '身份证号'],
      ['phone', '联系电话'],
      ['category', '纠纷类型'],
    ]);
    expect(parsed.unmapped).toEqual(['序号']);
    expect(valuesOf(parsed)).toEqual([
      { receivedOn: '2023-05-06', partyName: '张三', idCard: ID1, phone: '13812345678', category: '邻里' },
      { receivedOn: '2023-06-01', partyName: '李四', idCard: null, phone: null, category: '合同' },
    ]);
  });

  it('skips a row of column numbers and repeated header rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getRow(1).values = ['序号', '登记日期', '当事人姓名', '涉及人数'];
    ws.getRow(2).values = [1, 2, 3, 4];
    ws.getRow(3).values = [1, '2023.5.6', '张三', 2];
    ws.getRow(4).values = ['序号', '登记日期', '当事人姓名', '涉及人数'];
    ws.getRow(5).values = [2, '2023.5.7', '李四', 3];
    ws.getRow(6).values = ['小计', null, null, 5];
    ws.getRow(7).values = [3, '2023.5.8', '王五', 1];
    const parsed = await parseLedger(MODEL, await bufferOf(wb));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.values.partyName])).toEqual([
      [3, '张三'],
      [5, '李四'],
      [7, '王五'],
    ]);
  });
});

describe('files that are not ledgers', () => {
  const NOT_READABLE = [{ row: 0, column: '', message: '无法读取文件:不是有效的 .xlsx 工作簿' }];

  it('garbage bytes, an empty file, a broken zip', async () => {
    for (const data of [
      Buffer.from('this is not a spreadsheet at all, just text'),
      Buffer.alloc(0),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      (await bufferOf(new ExcelJS.Workbook())).subarray(0, 200),
    ]) {
      const parsed = await parseLedger(MODEL, data);
      expect(parsed.errors).toEqual(NOT_READABLE);
      expect(parsed.rows).toEqual([]);
    }
    expect(NOT_READABLE[0]!.message).toBe(NOT_XLSX);
  });

  it('a legacy .xls asks to save as .xlsx', async () => {
    const xls = Buffer.alloc(512);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(xls);
    const parsed = await parseLedger(MODEL, xls);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.message).toMatch(
      /^无法读取文件:不是有效的 \.xlsx 工作簿.*请另存为 \.xlsx 后再导入/,
    );
  });

  it('a workbook without a recognisable header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('工资表').getRow(1).values = ['工号', '基本工资'];
    const parsed = await parseLedger(MODEL, await bufferOf(wb));
    expect(parsed.errors).toEqual([
      {
        row: 0,
        column: '',
        message: '未找到表头:工作表「工资表」前15行中没有「登记日期」「当事人姓名」「纠纷类型」等列名',
      },
    ]);
  });
});

describe('time zones', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });

  it.each(['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'])(
    'dates do not shift under TZ=%s',
    async (tz) => {
      process.env.TZ = tz;
      expect(new Date(2023, 0, 1).getTimezoneOffset()).not.toBe(0);
      const exported = await exportRows(MODEL, SAMPLE_ROWS);
      expect(valuesOf(await parseLedger(MODEL, exported))).toEqual(SAMPLE_ROWS);
      expect(valuesOf(await parseLedger(MODEL, await messyLedger()))).toEqual(MESSY_VALUES);
      expect(normalizeCell(field('receivedOn'), utc(2023, 5, 6))).toEqual({ value: '2023-05-06' });
    },
  );
});

describe('header detection edge cases', () => {
  it('a header on row 1 followed by pre-numbered and empty rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getRow(1).values = ['序号', '登记日期', '当事人姓名', '纠纷类型'];
    ws.getRow(2).values = [1];
    ws.getRow(4).values = [3, '2023.5.6', '张三'];
    ws.getRow(5).values = [4];
    const parsed = await parseLedger(MODEL, await bufferOf(wb));
    expect(parsed.headerRow).toBe(1);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      { row: 4, values: { receivedOn: '2023-05-06', partyName: '张三', category: null }, extra: {} },
    ]);
  });

  it('prefers the label over an alias and a unit-suffixed header over nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getRow(1).values = ['受理日期', '登记日期', '申请人姓名', '涉及人数（人）', '备注'];
    ws.getRow(2).values = ['2023.1.1', '2023.5.6', '张三', '3人', '无'];
    const parsed = await parseLedger(MODEL, await bufferOf(wb));
    expect(parsed.columns).toEqual([
      { field: 'receivedOn', header: '登记日期', col: 2 },
      { field: 'partyName', header: '申请人姓名', col: 3 },
      { field: 'people', header: '涉及人数（人）', col: 4 },
    ]);
    expect(parsed.unmapped).toEqual(['受理日期', '备注']);
    expect(valuesOf(parsed)).toEqual([{ receivedOn: '2023-05-06', partyName: '张三', people: 3 }]);
  });

  it('collects every error of every row, in row and column order', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getRow(1).values = ['登记日期', '当事人姓名', '涉及人数', '是否重大', '纠纷类型'];
    ws.getRow(2).values = ['2023.5.6', '张三', 2, '是', '邻里'];
    ws.getRow(3).values = ['明天', null, '很多', '也许', '土地'];
    ws.getRow(4).values = [null, '李四', { error: '#N/A' }];
    const parsed = await parseLedger(MODEL, await bufferOf(wb));
    expect(parsed.errors).toEqual([
      { row: 3, column: '登记日期', message: '无法识别的日期「明天」' },
      { row: 3, column: '当事人姓名', message: '「当事人姓名」不能为空' },
      { row: 3, column: '涉及人数', message: '无法识别的整数「很多」' },
      { row: 3, column: '是否重大', message: '「也许」应为是或否' },
      {
        row: 3,
        column: '纠纷类型',
        message: '「土地」不是可选值,应为:婚姻家庭/邻里/房屋宅基地/山林土地/合同/其他',
      },
      { row: 4, column: '登记日期', message: '「登记日期」不能为空' },
      { row: 4, column: '涉及人数', message: '单元格为错误值「#N/A」' },
    ]);
    expect(parsed.rows.map((r) => r.row)).toEqual([2]);
  });
});
