/**
 * Reading a hand-kept .xlsx 台账 into typed rows of a RecordModel.
 *
 * The header row is found, not assumed: title rows, 填报单位 lines, blank rows and two-level headers above
 * it are skipped. Every cell is checked; all problems are reported with their Excel row and column.
 * Bad content never throws.
 */
import ExcelJS from 'exceljs';
import type { FieldDef, RecordModel } from '../model.js';
import { toHalfWidth } from '../validate.js';
import { cellText, type NormalizeOptions, normalizeCell, toIsoDate } from './normalize.js';

export interface ParsedRow {
  /** 1-based Excel row number. */
  row: number;
  values: Record<string, unknown>;
  extra: Record<string, unknown>;
}

export interface RowError {
  /** 1-based Excel row number; 0 for a problem with the file itself. */
  row: number;
  /** The header text as in the file, or the field label when the column is missing. */
  column: string;
  message: string;
}

export interface ParseResult {
  /** Rows without errors. A row with any error is left out and reported in `errors`. */
  rows: ParsedRow[];
  errors: RowError[];
  sheet: string;
  /** The (last) header row; data starts below it. 0 when no header was found. */
  headerRow: number;
  columns: { field: string; header: string; col: number }[];
  /** Non-empty headers that match no field and no extra column. */
  unmapped: string[];
  /** Other worksheets that also look like this ledger (not read; pass `sheet` to read one). */
  otherSheets: string[];
}

export interface ParseOptions {
  /** Worksheet name; default the sheet whose header matches the model best. */
  sheet?: string;
  /** More columns to return unvalidated in `extra`, each under any of the given header names. */
  extraColumns?: Record<string, string[]>;
  /** 'YYYY-MM-DD' for the 身份证 birth date check; default today in China. */
  today?: string;
}

const HEADER_SCAN_ROWS = 15;
const MAX_COLUMNS = 300;

export const NOT_XLSX = '无法读取文件:不是有效的 .xlsx 工作簿';

// ---------------------------------------------------------------------------
// Header matching

const SPACES = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]/g;

/** A header as a comparison key: half-width, no spaces or required-marks, 号码 → 号, no (必填)/(选填). */
export function headerKey(s: string): string {
  return toHalfWidth(s)
    .replace(SPACES, '')
    .replace(/[*※★☆▲△]/g, '')
    .replace(/[【[〔]/g, '(')
    .replace(/[】\]〕]/g, ')')
    .replace(/\((?:必填|选填|可选|非必填|必填项|选填项|可不填)\)$/, '')
    .replace(/[:;,.。]+$/, '')
    .replace(/号码$/, '号')
    .toLowerCase();
}

/** The key without a trailing parenthetical such as a unit: 涉及人数(人) → 涉及人数. */
function headerKeyLoose(key: string): string {
  return key.replace(/\([^()]*\)$/, '');
}

/** The header text to show in messages: line breaks inside the cell removed. */
function headerDisplay(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, '').trim();
}

interface Candidate {
  key: string;
  display: string;
  /** Higher is better: parent+child 3, child 2, a parent over an empty child 1. */
  rank: number;
  /** A child header under a different, non-empty cell: evidence of a second header level. */
  underParent: boolean;
}

/** Whether the cell belongs to a merge spanning more than one column. */
function mergedAcross(ws: ExcelJS.Worksheet, r: number, c: number): boolean {
  const cell = ws.getCell(r, c);
  if (!cell.isMerged) return false;
  const master = cell.master;
  return (c > 1 && ws.getCell(r, c - 1).master === master) || ws.getCell(r, c + 1).master === master;
}

function candidatesAt(ws: ExcelJS.Worksheet, r: number, c: number): Candidate[] {
  const childRaw = cellText(ws.getCell(r, c).value);
  const parentRaw = r > 1 ? cellText(ws.getCell(r - 1, c).value) : '';
  const child = headerKey(childRaw);
  const parent = headerKey(parentRaw);
  const out: Candidate[] = [];
  // 当事人 over 姓名 → 当事人姓名. (A title row over the header concatenates too, and matches nothing.)
  if (child && parent && parent !== child) {
    const display = headerDisplay(parentRaw) + headerDisplay(childRaw);
    out.push({ key: parent + child, display, rank: 3, underParent: true });
  }
  if (child) {
    out.push({
      key: child,
      display: headerDisplay(childRaw),
      rank: 2,
      underParent: parent !== '' && parent !== child,
    });
  } else if (parent && !mergedAcross(ws, r - 1, c)) {
    // A one-level column of a two-level header, written in the upper row only (not merged down).
    out.push({ key: parent, display: headerDisplay(parentRaw), rank: 1, underParent: false });
  }
  return out;
}

interface Match {
  field: FieldDef;
  col: number;
  display: string;
  rank: number;
  underParent: boolean;
  /** rank × 10 + label 4 / alias 3 / label or alias without a trailing (…) 2 / 1 */
  quality: number;
}

function fieldKeys(f: FieldDef): { label: string; aliases: string[] } {
  return { label: headerKey(f.label), aliases: (f.aliases ?? []).map(headerKey) };
}

interface RowMatch {
  matches: Match[];
  /** The header text of each non-empty column. */
  headers: Map<number, string>;
  /** The row is the lower row of a two-level header (some match reads a parent above it). */
  subHeader: boolean;
}

function matchRow(ws: ExcelJS.Worksheet, r: number, maxCol: number, fields: readonly FieldDef[]): RowMatch {
  const keys = fields.map(fieldKeys);
  const perColumn: { c: number; cands: Candidate[] }[] = [];
  for (let c = 1; c <= maxCol; c++) perColumn.push({ c, cands: candidatesAt(ws, r, c) });
  const matches: Match[] = [];
  for (const { c, cands } of perColumn) {
    for (const cand of cands) {
      const loose = headerKeyLoose(cand.key);
      fields.forEach((field, i) => {
        const k = keys[i]!;
        let q = 0;
        if (cand.key === k.label) q = 4;
        else if (k.aliases.includes(cand.key)) q = 3;
        else if (loose !== cand.key && loose === k.label) q = 2;
        else if (loose !== cand.key && k.aliases.includes(loose)) q = 1;
        if (q > 0) {
          const { display, rank, underParent } = cand;
          matches.push({ field, col: c, display, rank, underParent, quality: rank * 10 + q });
        }
      });
    }
  }
  // Without a second header level, an empty cell does not take the header above it (that would make an
  // empty row under the header look like the header).
  const subHeader = matches.some((m) => m.rank === 3 || (m.rank === 2 && m.underParent));
  const headers = new Map<number, string>();
  for (const { c, cands } of perColumn) {
    const own = cands[cands.length - 1];
    if (own && (own.rank > 1 || subHeader)) headers.set(c, own.display);
  }
  return { matches: subHeader ? matches : matches.filter((m) => m.rank > 1), headers, subHeader };
}

/** One column per field and one field per column, best matches first. */
function assign(matches: Match[]): Map<string, Match> {
  const sorted = [...matches].sort((a, b) => b.quality - a.quality || a.col - b.col);
  const byField = new Map<string, Match>();
  const usedCols = new Set<number>();
  for (const m of sorted) {
    if (byField.has(m.field.key) || usedCols.has(m.col)) continue;
    byField.set(m.field.key, m);
    usedCols.add(m.col);
  }
  return byField;
}

function maxColumn(ws: ExcelJS.Worksheet, upTo: number): number {
  let max = 0;
  for (let r = 1; r <= upTo; r++) max = Math.max(max, ws.getRow(r).cellCount);
  return Math.min(max, MAX_COLUMNS);
}

interface HeaderGuess {
  row: number;
  score: number;
  maxCol: number;
}

function findHeader(ws: ExcelJS.Worksheet, fields: readonly FieldDef[]): HeaderGuess {
  const last = Math.min(HEADER_SCAN_ROWS, ws.rowCount);
  const maxCol = maxColumn(ws, last);
  let best: HeaderGuess = { row: 0, score: 0, maxCol };
  for (let r = 1; r <= last; r++) {
    const m = matchRow(ws, r, maxCol, fields);
    const score = assign(m.matches).size;
    // On a tie the next row wins when it is the lower row of a two-level header.
    if (score > best.score || (score > 0 && score === best.score && r === best.row + 1 && m.subHeader)) {
      best = { row: r, score, maxCol };
    }
  }
  return best;
}

// ---------------------------------------------------------------------------
// Rows

/** Rows that are not records: totals are skipped; signatures and notes end the table. */
const TOTAL_ROW = /^(?:合计|总计|小计|共计)/;
const FOOTER_ROW = /^(?:备注|注[:：]|说明[:：]|填表人|填报人|制表|审核人|负责人|单位负责人|统计人)/;

/** Empty, blank text, or an error value / empty result of a formula filled down a blank table. */
function isEmptyRaw(raw: unknown): boolean {
  return cellText(raw) === '';
}

function firstText(row: ExcelJS.Row, maxCol: number): string {
  for (let c = 1; c <= maxCol; c++) {
    const t = cellText(row.getCell(c).value);
    if (t !== '') return toHalfWidth(t).replace(SPACES, '');
  }
  return '';
}

/** A row of column numbers (1, 2, 3 … under the header), as official forms have. */
function isColumnNumberRow(row: ExcelJS.Row, maxCol: number): boolean {
  const nums: number[] = [];
  for (let c = 1; c <= maxCol; c++) {
    const t = cellText(row.getCell(c).value);
    if (t === '') continue;
    if (!/^\d{1,3}$/.test(toHalfWidth(t))) return false;
    nums.push(Number(toHalfWidth(t)));
  }
  return nums.length >= 3 && nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1);
}

function extraValue(raw: unknown): string | null {
  if (raw instanceof Date) return toIsoDate(raw);
  const t = cellText(raw);
  return t === '' ? null : t;
}

async function loadWorkbook(input: Buffer | Uint8Array): Promise<ExcelJS.Workbook | RowError> {
  const fileError = (message: string): RowError => ({ row: 0, column: '', message });
  if (!(input instanceof Uint8Array) || input.length < 4) return fileError(NOT_XLSX);
  const data = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (data.readUInt32BE(0) === 0xd0cf11e0) {
    // An OLE2 compound file: a legacy .xls, or an .xlsx encrypted with an opening password.
    if (data.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      return fileError('无法读取文件:工作簿设有打开密码,请取消密码后再导入');
    }
    return fileError(`${NOT_XLSX}(旧版 .xls 格式,请另存为 .xlsx 后再导入)`);
  }
  if (data.readUInt32BE(0) !== 0x504b0304) return fileError(NOT_XLSX);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    return fileError(NOT_XLSX);
  }
  if (wb.worksheets.length === 0) return fileError(NOT_XLSX);
  return wb;
}

function emptyResult(errors: RowError[], sheet = ''): ParseResult {
  return { rows: [], errors, sheet, headerRow: 0, columns: [], unmapped: [], otherSheets: [] };
}

export async function parseLedger(
  model: RecordModel,
  data: Buffer,
  opts: ParseOptions = {},
): Promise<ParseResult> {
  const loaded = await loadWorkbook(data);
  if (!(loaded instanceof ExcelJS.Workbook)) return emptyResult([loaded]);
  const wb = loaded;
  const fields = model.fields;

  // The sheet.
  let ws: ExcelJS.Worksheet;
  let header: HeaderGuess;
  const otherSheets: string[] = [];
  if (opts.sheet !== undefined) {
    const named = wb.worksheets.find((s) => s.name === opts.sheet || s.name.trim() === opts.sheet?.trim());
    if (!named) {
      const names = wb.worksheets.map((s) => `「${s.name}」`).join('');
      return emptyResult([
        { row: 0, column: '', message: `找不到工作表「${opts.sheet}」,文件中有:${names}` },
      ]);
    }
    ws = named;
    header = findHeader(ws, fields);
  } else {
    const threshold = Math.min(2, fields.length);
    const scored = wb.worksheets
      .filter((s) => s.state === 'visible' || s.state === undefined)
      .map((s) => ({ ws: s, header: findHeader(s, fields) }));
    const best = scored.reduce<(typeof scored)[number] | undefined>(
      (a, b) => (a === undefined || b.header.score > a.header.score ? b : a),
      undefined,
    );
    if (!best) return emptyResult([{ row: 0, column: '', message: NOT_XLSX }]);
    ws = best.ws;
    header = best.header;
    for (const s of scored) if (s !== best && s.header.score >= threshold) otherSheets.push(s.ws.name);
  }
  if (header.score === 0) {
    const names = fields
      .filter((f) => f.required)
      .concat(fields.filter((f) => !f.required))
      .slice(0, 3)
      .map((f) => `「${f.label}」`)
      .join('');
    return emptyResult(
      [
        {
          row: 0,
          column: '',
          message: `未找到表头:工作表「${ws.name}」前${HEADER_SCAN_ROWS}行中没有${names}等列名`,
        },
      ],
      ws.name,
    );
  }

  // The columns.
  const headerRow = header.row;
  const maxCol = Math.max(header.maxCol, Math.min(ws.getRow(headerRow).cellCount, MAX_COLUMNS));
  const { matches, headers } = matchRow(ws, headerRow, maxCol, fields);
  const assigned = assign(matches);
  const columns = fields
    .filter((f) => assigned.has(f.key))
    .map((f) => {
      const m = assigned.get(f.key)!;
      return { field: f.key, header: m.display, col: m.col };
    })
    .sort((a, b) => a.col - b.col);
  const usedCols = new Set(columns.map((c) => c.col));

  const extras: { key: string; col: number; header: string }[] = [];
  for (const [key, names] of Object.entries(opts.extraColumns ?? {})) {
    const wanted = new Set(names.map(headerKey));
    const find = (skipUsed: boolean): { col: number; header: string } | undefined => {
      for (let c = 1; c <= maxCol; c++) {
        if (skipUsed && usedCols.has(c)) continue;
        const cand = candidatesAt(ws, headerRow, c).find((x) => wanted.has(x.key));
        if (cand) return { col: c, header: cand.display };
      }
      return undefined;
    };
    // A column already read as a field may still be asked for as an extra.
    const found = find(true) ?? find(false);
    if (found) extras.push({ key, ...found });
  }
  const extraCols = new Set(extras.map((e) => e.col));
  const unmapped = [...headers.entries()]
    .filter(([c, h]) => h !== '' && !usedCols.has(c) && !extraCols.has(c))
    .map(([, h]) => h);

  const errors: RowError[] = [];
  const missingRequired = fields.filter((f) => f.required && !assigned.has(f.key));
  for (const f of missingRequired) {
    errors.push({ row: headerRow, column: f.label, message: `缺少必填列「${f.label}」` });
  }

  // The rows.
  const normalizeOpts: NormalizeOptions = {
    date1904: Boolean(wb.properties?.date1904),
    ...(opts.today ? { today: opts.today } : {}),
  };
  const headerKeys = new Map(columns.map((c) => [c.col, headerKey(c.header)]));
  const rows: ParsedRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    // Empty: nothing in any field column (a pre-numbered 序号 or an extra column alone does not count).
    if (columns.every((c) => isEmptyRaw(row.getCell(c.col).value))) continue;
    const first = firstText(row, maxCol);
    if (FOOTER_ROW.test(first)) break;
    if (TOTAL_ROW.test(first)) continue;
    if (r === headerRow + 1 && isColumnNumberRow(row, maxCol)) continue;
    // A header repeated inside the table (pasted page by page).
    const repeats = columns.filter(
      (c) => headerKey(cellText(row.getCell(c.col).value)) === headerKeys.get(c.col),
    );
    if (repeats.length >= Math.min(2, columns.length)) continue;

    const values: Record<string, unknown> = {};
    let ok = true;
    for (const c of columns) {
      const field = fields.find((f) => f.key === c.field)!;
      const res = normalizeCell(field, row.getCell(c.col).value, normalizeOpts);
      if ('error' in res) {
        ok = false;
        errors.push({ row: r, column: c.header, message: res.error });
      } else values[c.field] = res.value;
    }
    const extra: Record<string, unknown> = {};
    for (const e of extras) extra[e.key] = extraValue(row.getCell(e.col).value);
    if (ok) rows.push({ row: r, values, extra });
  }

  return {
    // Without a required column no row is complete.
    rows: missingRequired.length > 0 ? [] : rows,
    errors,
    sheet: ws.name,
    headerRow,
    columns,
    unmapped,
    otherSheets,
  };
}
