/**
 * Messy cell values from hand-typed Excel/WPS ledgers to typed values (pure functions).
 *
 * Input is whatever exceljs gives for a cell: null, string, number, boolean, Date (UTC midnight of the
 * displayed date — read with UTC getters, never shifted by the process time zone), rich text, formula,
 * shared formula, hyperlink or error value.
 */
import type { FieldDef } from '../model.js';
import { idCardProblem, normalizeIdCard, normalizePhone, toHalfWidth } from '../validate.js';

export { toHalfWidth };

export type NormalizeResult = { value: unknown } | { error: string };

export interface NormalizeOptions {
  /** The workbook uses the 1904 date system (old Mac Excel): serial 0 = 1904-01-01. */
  date1904?: boolean;
  /** 'YYYY-MM-DD' for the 身份证 birth date check; default today in China. */
  today?: string;
}

// ---------------------------------------------------------------------------
// Cell unwrapping

const EDGE_SPACE = /^[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+|[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+$/g;
const ANY_SPACE = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]/g;

type Scalar = string | number | boolean | Date | null;
type Unwrapped = { kind: 'value'; value: Scalar } | { kind: 'error'; error: string } | { kind: 'noResult' };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

function richTextOf(v: unknown): string | null {
  if (!isRecord(v) || !Array.isArray(v.richText)) return null;
  return v.richText.map((r: unknown) => (isRecord(r) && typeof r.text === 'string' ? r.text : '')).join('');
}

/** Formula → its cached result, rich text → plain text, hyperlink → its text. */
function unwrap(raw: unknown): Unwrapped {
  if (raw === null || raw === undefined) return { kind: 'value', value: null };
  if (typeof raw === 'string' || typeof raw === 'boolean' || raw instanceof Date) {
    return { kind: 'value', value: raw };
  }
  if (typeof raw === 'number') return { kind: 'value', value: Number.isFinite(raw) ? raw : null };
  if (!isRecord(raw)) return { kind: 'value', value: String(raw) };
  if (typeof raw.error === 'string') return { kind: 'error', error: raw.error };
  const rich = richTextOf(raw);
  if (rich !== null) return { kind: 'value', value: rich };
  if ('formula' in raw || 'sharedFormula' in raw) {
    if (raw.result === undefined || raw.result === null) return { kind: 'noResult' };
    return unwrap(raw.result);
  }
  if ('hyperlink' in raw || 'text' in raw) {
    const t = raw.text;
    if (typeof t === 'string') return { kind: 'value', value: t };
    const r = richTextOf(t);
    return { kind: 'value', value: r ?? (typeof raw.hyperlink === 'string' ? raw.hyperlink : null) };
  }
  return { kind: 'value', value: null };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A Date from exceljs as the date it displays (UTC parts). */
function dateOfDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function numberText(n: number): string {
  // Excel stores 0.1 + 0.2 style noise; 15 significant digits is what Excel itself shows.
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** A cell's value as trimmed display-like text: dates 'YYYY-MM-DD', booleans 是/否, error values ''. */
export function cellText(raw: unknown): string {
  const u = unwrap(raw);
  if (u.kind !== 'value' || u.value === null) return '';
  const v = u.value;
  if (typeof v === 'string') return v.replace(EDGE_SPACE, '');
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return dateOfDate(v) ?? '';
}

// ---------------------------------------------------------------------------
// Dates

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

type DateResult = { date: string } | { problem: string | null };

function ymd(y: number, m: number, d: number): DateResult {
  if (y < MIN_YEAR || y > MAX_YEAR) return { problem: `年份应在${MIN_YEAR}—${MAX_YEAR}年之间` };
  if (m < 1 || m > 12) return { problem: '月份应为1—12' };
  if (d < 1 || d > daysInMonth(y, m)) return { problem: `${y}年${m}月没有${d}日` };
  return { date: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
}

/** Days from 1970-01-01 to a proleptic Gregorian date string. */
function fromDayNumber(n: number): string {
  // Howard Hinnant's civil_from_days.
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/**
 * An Excel serial date. 1900 system: serial 1 = 1900-01-01, and Excel counts a 1900-02-29 that never
 * existed (serial 60), so serials from 61 on are one day "ahead". 1904 system: serial 0 = 1904-01-01.
 */
export function excelSerialToDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const s = Math.floor(serial);
  // 1970-01-01 is serial 25569 (1900 system) and 24107 (1904 system).
  if (date1904) return s < 0 ? null : fromDayNumber(s - 24107);
  if (s < 1 || s === 60) return null;
  return fromDayNumber(s < 60 ? s - 25568 : s - 25569);
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  '○': 0,
  O: 0,
  o: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 … 九十九, or a run of digits such as 二〇二三; null when `s` is not such a numeral. */
function chineseNumber(s: string): number | null {
  const tens = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (tens) return (tens[1] ? CN_DIGITS[tens[1]]! : 1) * 10 + (tens[2] ? CN_DIGITS[tens[2]]! : 0);
  if (s === '') return null;
  let n = 0;
  for (const ch of s) {
    const v = CN_DIGITS[ch];
    if (v === undefined) return null;
    n = n * 10 + v;
  }
  return n;
}

/** What may follow the date: a time of day, which is dropped. */
const TIME_TAIL =
  /^(?:\s*|T)(?:上午|下午|晚上|凌晨|中午)?\s*\d{1,2}[:时点](?:\d{1,2}(?:[:分]\d{1,2}(?:\.\d+)?秒?)?分?)?(?:\s*(?:AM|PM))?(?:Z|[+-]\d{2}:?\d{2})?$/i;

function parseDateText(input: string): DateResult {
  const s = toHalfWidth(input)
    .replace(EDGE_SPACE, '')
    .replace(/[。．]/g, '.')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
  // 2023-05-06, 2023.5.6, 2023/5/6, 2023年5月6日, 2023年5月6号, 2023 年 5 月 6 日, with an optional time.
  let m = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})(?!\d)\s*[日号]?(.*)$/.exec(s);
  if (m) {
    const tail = m[4]!;
    if (tail === '' || TIME_TAIL.test(tail)) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return { problem: null };
  }
  // 20230506, optionally with a time.
  m = /^(\d{4})(\d{2})(\d{2})(?!\d)(.*)$/.exec(s);
  if (m && (m[4] === '' || TIME_TAIL.test(m[4]!))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  // 二〇二三年五月六日
  m =
    /^([〇零○Oo一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]$/.exec(
      s,
    );
  if (m) {
    const y = chineseNumber(m[1]!);
    const mo = chineseNumber(m[2]!);
    const d = chineseNumber(m[3]!);
    if (y !== null && mo !== null && d !== null) return ymd(y, mo, d);
    return { problem: null };
  }
  // A serial number that arrived as text (pasted from another system): 5 digits, 1927–2173.
  if (/^\d{5}(?:\.\d+)?$/.test(s)) {
    const d = excelSerialToDate(Number(s));
    if (d) return { date: d };
  }
  if (/^\d{4}\s*[-./年]\s*\d{1,2}\s*月?$/.test(s)) return { problem: '缺少日' };
  if (/^\d{1,2}\s*[-./月]\s*\d{1,2}\s*[日号]?$/.test(s)) return { problem: '缺少年份' };
  return { problem: null };
}

function parseDateScalar(v: Scalar, opts: NormalizeOptions): DateResult {
  if (v instanceof Date) {
    const d = dateOfDate(v);
    if (!d) return { problem: null };
    const y = Number(d.slice(0, 4));
    return y < MIN_YEAR || y > MAX_YEAR ? { problem: `年份应在${MIN_YEAR}—${MAX_YEAR}年之间` } : { date: d };
  }
  if (typeof v === 'number') {
    // 20230506 typed as a number.
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) {
      return ymd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    }
    // A bare year is not a date (as a serial it would silently become a day in 1905).
    if (Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR) return { problem: '只有年份,缺少月、日' };
    const d = excelSerialToDate(v, opts.date1904);
    if (!d) return { problem: v === 60 && !opts.date1904 ? '1900年2月没有29日' : null };
    const y = Number(d.slice(0, 4));
    return y < MIN_YEAR || y > MAX_YEAR ? { problem: `年份应在${MIN_YEAR}—${MAX_YEAR}年之间` } : { date: d };
  }
  if (typeof v === 'string') return parseDateText(v);
  return { problem: null };
}

/** A date-like cell value as 'YYYY-MM-DD', or null. */
export function toIsoDate(raw: unknown, opts: NormalizeOptions = {}): string | null {
  const u = unwrap(raw);
  if (u.kind !== 'value' || u.value === null) return null;
  const r = parseDateScalar(u.value, opts);
  return 'date' in r ? r.date : null;
}

// ---------------------------------------------------------------------------
// Numbers

type NumberResult = { n: number } | { problem: string };

const SCALE_UNIT = /^[万亿千百]/;

/** '12', '1,200', '12人', '１２３', '3.5 元', '两人'; refuses 万/亿 units (they change the scale). */
function parseNumberText(input: string): NumberResult | null {
  let s = toHalfWidth(input).replace(ANY_SPACE, '').replace(/，/g, ',');
  const cn = /^([〇零一二两三四五六七八九十]+)([\u4e00-\u9fff]*)$/.exec(s);
  if (cn && !SCALE_UNIT.test(cn[2]!)) {
    const n = chineseNumber(cn[1]!);
    if (n !== null) return { n };
  }
  const unit = /[\u4e00-\u9fff]+$/.exec(s);
  if (unit && unit.index > 0) {
    if (SCALE_UNIT.test(unit[0])) return { problem: `含数量单位「${unit[0]}」,请按表头要求的单位填写数字` };
    s = s.slice(0, unit.index);
  }
  if (/^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(s)) return { n: Number(s.replace(/[,+]/g, '')) };
  if (/^[-+]?\.\d+$/.test(s)) return { n: Number(s) };
  return null;
}

// ---------------------------------------------------------------------------
// Booleans

const TRUE_WORDS = new Set(['是', '√', '✓', '✔', '☑', 'Y', 'YES', 'TRUE', '有', '1', '对', '是的']);
const FALSE_WORDS = new Set(['否', '×', '✗', '✘', '☐', 'N', 'NO', 'FALSE', '无', '0', '不是', '没有']);

// ---------------------------------------------------------------------------
// normalizeCell

/** Cells that mean "nothing here" in typed columns of real ledgers. */
const PLACEHOLDER = /^(?:\/|\\|-+|—+|–+)$/;
/** … and, where the value is a person's number or a date, "none" / "unknown". */
const NONE_WORDS = /^(?:无|暂无|没有|不详|未知)$/;

function show(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function scalarText(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'string') return v.replace(EDGE_SPACE, '');
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return dateOfDate(v) ?? '';
}

function checkRange(field: FieldDef, n: number): NormalizeResult {
  const min = field.min ?? 0;
  const max = field.max ?? (field.type === 'int' ? 1e9 : 1e12);
  if (n < min) return { error: `不能小于${min}(填写的是${numberText(n)})` };
  if (n > max) return { error: `不能大于${max}(填写的是${numberText(n)})` };
  return { value: n };
}

function normalizeNumber(field: FieldDef, v: Scalar): NormalizeResult {
  const expect = field.type === 'int' ? '整数' : '数字';
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const r = parseNumberText(v);
    if (!r) return { error: `无法识别的${expect}「${show(scalarText(v))}」` };
    if ('problem' in r) return { error: `无法识别的${expect}「${show(scalarText(v))}」:${r.problem}` };
    n = r.n;
  } else return { error: `无法识别的${expect}「${show(scalarText(v))}」` };
  if (!Number.isFinite(n)) return { error: `无法识别的${expect}「${show(scalarText(v))}」` };
  if (field.type === 'int') {
    if (!Number.isInteger(n)) return { error: `应为整数,填写的是「${numberText(n)}」` };
  } else {
    n = Number(n.toPrecision(15));
  }
  return checkRange(field, n);
}

function normalizeEnum(field: FieldDef, v: Scalar): NormalizeResult {
  const options = field.options ?? [];
  const text = toHalfWidth(scalarText(v)).replace(EDGE_SPACE, '');
  const key = (s: string): string => toHalfWidth(s).replace(EDGE_SPACE, '');
  const exact = options.find((o) => key(o) === text);
  if (exact !== undefined) return { value: exact };
  const squeezed = text.replace(ANY_SPACE, '');
  const loose = options.find((o) => key(o).replace(ANY_SPACE, '') === squeezed);
  if (loose !== undefined) return { value: loose };
  return { error: `「${show(scalarText(v))}」不是可选值,应为:${options.join('/')}` };
}

function normalizeBool(v: Scalar): NormalizeResult {
  if (typeof v === 'boolean') return { value: v };
  if (typeof v === 'number') {
    if (v === 1) return { value: true };
    if (v === 0) return { value: false };
  }
  const t = toHalfWidth(scalarText(v)).replace(ANY_SPACE, '').toUpperCase();
  if (TRUE_WORDS.has(t)) return { value: true };
  if (FALSE_WORDS.has(t)) return { value: false };
  return { error: `「${show(scalarText(v))}」应为是或否` };
}

function normalizeIdCardCell(v: Scalar, opts: NormalizeOptions): NormalizeResult {
  if (typeof v === 'number' && !Number.isSafeInteger(v)) {
    return { error: '身份证号被 Excel 存成了数字,末几位已丢失,请将该列设为文本格式后重新录入' };
  }
  const id = normalizeIdCard(scalarText(v));
  const problem = idCardProblem(id, opts.today ? { today: opts.today } : {});
  return problem === null ? { value: id } : { error: `身份证号有误:${problem}` };
}

function normalizePhoneCell(v: Scalar): NormalizeResult {
  const text = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : scalarText(v);
  const phone = normalizePhone(text);
  if (phone) return { value: phone };
  const parts = toHalfWidth(text)
    .split(/[/,;、，；]|\s{2,}/)
    .filter((p) => p.trim() !== '');
  if (parts.length > 1 && parts.every((p) => normalizePhone(p) !== null)) {
    return { error: '含多个电话号码,请只填写一个' };
  }
  return { error: '电话号码格式不正确,应为11位手机号或带区号的固定电话(如 0571-87654321)' };
}

function normalizeText(field: FieldDef, v: Scalar): NormalizeResult {
  const text = scalarText(v);
  const max = field.max ?? (field.type === 'longtext' ? 5000 : 200);
  if (text.length > max) return { error: `内容过长,最多${max}字,实际${text.length}字` };
  return { value: field.type === 'org' ? toHalfWidth(text).replace(ANY_SPACE, '') : text };
}

/**
 * One cell as a value of `field`'s type: `{ value }` (null for an empty optional cell) or `{ error }` in
 * Chinese. 身份证号 and phone errors do not repeat the number.
 */
export function normalizeCell(field: FieldDef, raw: unknown, opts: NormalizeOptions = {}): NormalizeResult {
  const u = unwrap(raw);
  if (u.kind === 'error') return { error: `单元格为错误值「${u.error}」` };
  if (u.kind === 'noResult') return { error: '公式没有计算结果,请在 Excel/WPS 中打开并保存后再导入' };
  let v = u.value;
  if (typeof v === 'string') {
    v = v.replace(EDGE_SPACE, '');
    if (field.type !== 'text' && field.type !== 'longtext' && PLACEHOLDER.test(toHalfWidth(v))) v = '';
    if ((field.type === 'idcard' || field.type === 'phone' || field.type === 'date') && NONE_WORDS.test(v))
      v = '';
  }
  if (v === null || v === '') {
    return field.required ? { error: `「${field.label}」不能为空` } : { value: null };
  }
  switch (field.type) {
    case 'text':
    case 'longtext':
    case 'org':
      return normalizeText(field, v);
    case 'date': {
      const r = parseDateScalar(v, opts);
      if ('date' in r) return { value: r.date };
      const shown = typeof v === 'number' ? numberText(v) : show(scalarText(v));
      return { error: `无法识别的日期「${shown}」${r.problem ? `(${r.problem})` : ''}` };
    }
    case 'int':
    case 'decimal':
      return normalizeNumber(field, v);
    case 'enum':
      return normalizeEnum(field, v);
    case 'bool':
      return normalizeBool(v);
    case 'idcard':
      return normalizeIdCardCell(v, opts);
    case 'phone':
      return normalizePhoneCell(v);
  }
}
