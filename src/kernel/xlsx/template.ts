/**
 * The .xlsx 台账 template of a RecordModel: title row, header row, drop-downs, formats and a 填写说明
 * sheet. exportRows (export.ts) writes the same layout, so an export can be filled in and imported back.
 */
import ExcelJS from 'exceljs';
import type { FieldDef, FieldType, RecordModel } from '../model.js';

/** Row layout shared by template, export and import. */
export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;
/** Drop-downs and formats reach this row in a blank template. */
export const TEMPLATE_LAST_ROW = 1000;

export const INSTRUCTIONS_SHEET = '填写说明';
export const OPTIONS_SHEET = '下拉选项';

export const TYPE_NAMES: Readonly<Record<FieldType, string>> = {
  text: '文本',
  longtext: '长文本',
  date: '日期',
  int: '整数',
  decimal: '数字',
  enum: '单选(下拉选择)',
  bool: '是/否',
  idcard: '身份证号',
  phone: '电话号码',
  org: '单位代码',
};

/** A worksheet name Excel accepts: no []:*?/\, not blank, at most 31 characters, no edge apostrophes. */
export function sheetNameOf(title: string, avoid: readonly string[] = []): string {
  let name = Array.from(
    title
      .replace(/[[\]:*?/\\]/g, '')
      .trim()
      .replace(/^'+|'+$/g, ''),
  )
    .slice(0, 31)
    .join('');
  if (name === '') name = '台账';
  if (avoid.includes(name)) name = `${Array.from(name).slice(0, 29).join('')}台账`;
  return name;
}

/** '矛盾纠纷' → '矛盾纠纷台账'; a title that already says 台账 is kept. */
export function ledgerTitle(title: string): string {
  return title.includes('台账') ? title : `${title}台账`;
}

/** Width in Excel character units: CJK and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

function columnWidth(f: FieldDef): number {
  const base = displayWidth(f.label) + (f.required ? 1 : 0) + 4;
  const byType: Record<FieldType, number> = {
    text: 14,
    longtext: 40,
    date: 13,
    int: 10,
    decimal: 12,
    enum: Math.max(0, ...(f.options ?? []).map(displayWidth)) + 4,
    bool: 10,
    idcard: 22,
    phone: 16,
    org: 16,
  };
  return Math.min(60, Math.max(base, byType[f.type]));
}

/** Hints for the 填写说明 sheet and the input prompt. */
export function fieldHint(f: FieldDef): string {
  const parts: string[] = [];
  switch (f.type) {
    case 'date':
      parts.push('填写日期,如 2023-05-06(也可填 2023.5.6、2023/5/6、2023年5月6日)');
      break;
    case 'int':
      parts.push(
        `填写整数${f.min !== undefined || f.max !== undefined ? `,${rangeText(f)}` : ''},可带单位如「3人」`,
      );
      break;
    case 'decimal':
      parts.push(`填写数字${f.min !== undefined || f.max !== undefined ? `,${rangeText(f)}` : ''}`);
      break;
    case 'enum':
      parts.push('从下拉列表中选择');
      break;
    case 'bool':
      parts.push('填写“是”或“否”');
      break;
    case 'idcard':
      parts.push('18位公民身份号码,末位可为X;请勿改为数字格式');
      break;
    case 'phone':
      parts.push('11位手机号,或带区号的固定电话如 0571-87654321');
      break;
    case 'org':
      parts.push('单位代码');
      break;
    default:
      if (f.max !== undefined) parts.push(`最多${f.max}字`);
  }
  if (f.help) parts.unshift(f.help);
  return parts.join(';');
}

function rangeText(f: FieldDef): string {
  if (f.min !== undefined && f.max !== undefined) return `范围 ${f.min}—${f.max}`;
  if (f.min !== undefined) return `不小于 ${f.min}`;
  return `不大于 ${f.max}`;
}

function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** exceljs handles range addresses in dataValidations.add but does not declare it. */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function listValidation(
  wb: ExcelJS.Workbook,
  f: FieldDef,
  options: readonly string[],
): ExcelJS.DataValidation | null {
  if (options.length === 0) return null;
  const inline = `"${options.join(',')}"`;
  let formula: string;
  if (inline.length <= 255 && !options.some((o) => o.includes(',') || o.includes('"'))) {
    formula = inline;
  } else {
    // Too long for an inline list: the options go on a hidden sheet, one column per field.
    const sheet = wb.getWorksheet(OPTIONS_SHEET) ?? wb.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
    const col = sheet.actualColumnCount + 1;
    sheet.getCell(1, col).value = f.label;
    options.forEach((o, i) => {
      sheet.getCell(i + 2, col).value = o;
    });
    const letter = columnLetter(col);
    formula = `'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${options.length + 1}`;
  }
  return {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: f.label,
    error: `请从下拉列表中选择${f.label}`,
  };
}

function validationOf(wb: ExcelJS.Workbook, f: FieldDef): ExcelJS.DataValidation | null {
  const prompt = (text: string) => ({
    showInputMessage: true,
    promptTitle: f.label.slice(0, 32),
    prompt: text.slice(0, 255),
  });
  switch (f.type) {
    case 'enum':
      return listValidation(wb, f, f.options ?? []);
    case 'bool':
      return listValidation(wb, f, ['是', '否']);
    case 'int':
    case 'decimal': {
      const min = f.min ?? 0;
      const max = f.max ?? (f.type === 'int' ? 1e9 : 1e12);
      return {
        type: f.type === 'int' ? 'whole' : 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [min, max],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: f.label,
        error: `${f.label}应为${f.type === 'int' ? '整数' : '数字'},${rangeText({ ...f, min, max })}`,
        ...(f.help ? prompt(fieldHint(f)) : {}),
      };
    }
    case 'date':
      return {
        type: 'date',
        operator: 'between',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: f.label,
        error: '请填写日期,格式如 2023-05-06',
        ...prompt(fieldHint(f)),
      };
    case 'idcard':
      return {
        type: 'textLength',
        operator: 'equal',
        allowBlank: true,
        formulae: [18],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: f.label,
        error: '身份证号应为18位',
        ...prompt(fieldHint(f)),
      };
    default:
      return null;
  }
}

export interface LayoutOptions {
  /** Text of the merged title row. */
  title: string;
  /** Drop-downs and column formats reach this row. */
  lastRow: number;
}

/**
 * Writes the title row, the header row (required labels prefixed with a red *), widths, column formats,
 * validations, a frozen header and print settings onto `ws`.
 */
export function layoutLedgerSheet(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  fields: readonly FieldDef[],
  opts: LayoutOptions,
): void {
  const n = Math.max(1, fields.length);
  fields.forEach((f, i) => {
    const col = ws.getColumn(i + 1);
    col.width = columnWidth(f);
    if (f.type === 'date') col.numFmt = 'yyyy-mm-dd';
    // Text format keeps Excel from turning 身份证号 into 5.10626E+17 and 0571… into 571….
    if (f.type === 'idcard' || f.type === 'phone' || f.type === 'text' || f.type === 'org') col.numFmt = '@';
    if (f.type === 'longtext') col.alignment = { wrapText: true, vertical: 'top' };
  });

  if (n > 1) ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, n);
  const title = ws.getCell(TITLE_ROW, 1);
  title.value = opts.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.numFmt = 'General';
  ws.getRow(TITLE_ROW).height = 32;

  const header = ws.getRow(HEADER_ROW);
  header.height = 30;
  fields.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.value = f.required
      ? {
          richText: [
            { text: '*', font: { bold: true, color: { argb: 'FFFF0000' } } },
            { text: f.label, font: { bold: true } },
          ],
        }
      : f.label;
    cell.numFmt = 'General';
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = BORDER;
  });

  const validations = (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
  fields.forEach((f, i) => {
    const v = validationOf(wb, f);
    if (!v) return;
    const letter = columnLetter(i + 1);
    validations.add(`${letter}${FIRST_DATA_ROW}:${letter}${Math.max(opts.lastRow, FIRST_DATA_ROW)}`, v);
  });

  ws.views = [
    {
      state: 'frozen',
      xSplit: 0,
      ySplit: HEADER_ROW,
      topLeftCell: `A${FIRST_DATA_ROW}`,
      activeCell: `A${FIRST_DATA_ROW}`,
    },
  ];
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${TITLE_ROW}:${HEADER_ROW}`,
  };
}

function fillInstructions(ws: ExcelJS.Worksheet, title: string, fields: readonly FieldDef[]): void {
  ws.columns = [{ width: 6 }, { width: 18 }, { width: 10 }, { width: 16 }, { width: 36 }, { width: 60 }];
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = `${title}填写说明`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  const notes = [
    `1. 请在「${title}」工作表第${FIRST_DATA_ROW}行起逐行填写,每行一条记录;请勿修改第${TITLE_ROW}、${HEADER_ROW}行的标题和表头。`,
    '2. 列名前带 * 的为必填项。',
    '3. 日期可填 2023-05-06、2023.5.6、2023/5/6 或 2023年5月6日。',
    '4. 身份证号、电话请保持文本格式,不要转换为数字。',
  ];
  notes.forEach((t, i) => {
    ws.mergeCells(i + 2, 1, i + 2, 6);
    ws.getCell(i + 2, 1).value = t;
  });
  const headRow = notes.length + 3;
  const head = ws.getRow(headRow);
  head.values = ['序号', '列名', '是否必填', '类型', '可选值', '说明'];
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = BORDER;
    c.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  fields.forEach((f, i) => {
    const row = ws.getRow(headRow + 1 + i);
    row.values = [
      i + 1,
      f.label,
      f.required ? '是' : '否',
      TYPE_NAMES[f.type],
      f.type === 'enum' ? (f.options ?? []).join('、') : f.type === 'bool' ? '是、否' : null,
      fieldHint(f),
    ];
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: true };
    });
  });
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as unknown as ArrayBuffer);
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fazhi';
  return wb;
}

/** A blank ledger template: the data sheet (named after model.title), then 填写说明. */
export async function buildTemplate(model: RecordModel, opts: { title?: string } = {}): Promise<Buffer> {
  const wb = newWorkbook();
  const title = ledgerTitle(opts.title ?? model.title);
  const ws = wb.addWorksheet(sheetNameOf(model.title, [INSTRUCTIONS_SHEET, OPTIONS_SHEET]));
  // Added before the layout so that a hidden options sheet, if any, comes last.
  const instructions = wb.addWorksheet(INSTRUCTIONS_SHEET);
  layoutLedgerSheet(wb, ws, model.fields, { title, lastRow: TEMPLATE_LAST_ROW });
  fillInstructions(instructions, ws.name, model.fields);
  return workbookBuffer(wb);
}
