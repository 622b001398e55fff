/**
 * Checks and masking for Chinese identifiers and contact data (pure functions, no I/O).
 *
 * - 公民身份号码: GB 11643-1999, check character by ISO 7064 MOD 11-2.
 * - 统一社会信用代码: GB 32100-2015, check character MOD 31.
 * - Phone numbers: mainland mobile and landline (区号-号码[-分机]).
 */
import { today as calendarToday } from './calendar.js';

// ---------------------------------------------------------------------------
// Text helpers

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Spaces of every kind (incl. NBSP, ideographic space) and zero-width characters. */
const ANY_SPACE = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]/g;

/** Half-width, no spaces of any kind, no leading apostrophe (Excel's "store as text" marker typed literally). */
function compact(s: string): string {
  return toHalfWidth(s)
    .replace(ANY_SPACE, '')
    .replace(/^['‘’`]/, '');
}

// ---------------------------------------------------------------------------
// 公民身份号码

const PROVINCES: ReadonlySet<number> = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The check character for the first 17 digits of an 18-digit 公民身份号码. */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份证号本体码应为17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** Trims, removes spaces, converts full-width characters, upper-cases a trailing x. */
export function normalizeIdCard(id: string): string {
  return compact(id).toUpperCase();
}

export interface IdCardOptions {
  /** 'YYYY-MM-DD'; birth dates after it are refused. Default: today in China (FAZHI_TODAY overrides). */
  today?: string;
}

function daysInMonth(y: number, m: number): number {
  return m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(m)
      ? 30
      : 31;
}

function birthProblem(yyyymmdd: string, todayIso: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return `出生日期「${yyyymmdd}」不是有效日期`;
  if (y < 1900) return `出生日期「${yyyymmdd}」早于1900年`;
  if (`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` > todayIso) {
    return `出生日期「${yyyymmdd}」晚于今天`;
  }
  return null;
}

/** Why `id` is not a valid 18-digit 公民身份号码 (Chinese), or null when it is valid. */
export function idCardProblem(id: string, opts: IdCardOptions = {}): string | null {
  const s = normalizeIdCard(id);
  if (s === '') return '身份证号为空';
  if (/^\d{15}$/.test(s)) return '这是15位旧身份证号,应填写18位号码';
  if (s.length !== 18) return `身份证号应为18位,实际为${s.length}位`;
  if (!/^\d{17}[\dX]$/.test(s)) return '身份证号应为17位数字加1位数字或X';
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return `前两位「${s.slice(0, 2)}」不是有效的省级行政区划代码`;
  const birth = birthProblem(s.slice(6, 14), opts.today ?? calendarToday());
  if (birth) return birth;
  const expected = idCardCheckChar(s.slice(0, 17));
  if (s[17] !== expected) return '校验位不符,号码可能录入有误';
  return null;
}

export function isValidIdCard(id: string, opts: IdCardOptions = {}): boolean {
  return idCardProblem(id, opts) === null;
}

/**
 * A 15-digit 第一代身份证号 (address, YYMMDD, sequence) as its 18-digit form: '19' century and a check
 * character. Null when the input is not 15 digits with a valid province code and birth date.
 */
export function upgradeIdCard15(id15: string): string | null {
  const s = normalizeIdCard(id15);
  if (!/^\d{15}$/.test(s)) return null;
  const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return null;
  if (birthProblem(first17.slice(6, 14), '9999-12-31')) return null;
  return first17 + idCardCheckChar(first17);
}

// ---------------------------------------------------------------------------
// 统一社会信用代码

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export function normalizeUscc(code: string): string {
  return compact(code).toUpperCase();
}

/** The check character for the first 17 characters of a 统一社会信用代码; null on a character outside the set. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return USCC_CHARS[c === 31 ? 0 : c]!;
}

export function isValidUscc(code: string): boolean {
  const s = normalizeUscc(code);
  if (s.length !== 18) return false;
  const check = usccCheckChar(s.slice(0, 17));
  return check !== null && s[17] === check;
}

// ---------------------------------------------------------------------------
// Phone numbers

const MOBILE = /^1[3-9]\d{9}$/;
/** 3-digit area codes: 010 and 02x; every other area code has 4 digits. */
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))-?(\d{7,8})(?:(?:-|转|#|ext\.?|x)(\d{1,6}))?$/i;

/**
 * Canonical form of a phone number: mobile '13812345678', landline '0571-87654321' or
 * '0571-87654321-123' (extension); null when `s` is neither.
 */
export function normalizePhone(s: string): string | null {
  let t = toHalfWidth(s)
    .replace(ANY_SPACE, '')
    .replace(/^['‘’`]/, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
  // (0571)87654321
  t = t.replace(/^\((0\d{2,3})\)-?/, '$1-');
  const mobile = t.replace(/[-.]/g, '').replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  if (MOBILE.test(mobile)) return mobile;
  const m = LANDLINE.exec(t.replace(/[.]/g, '-').replace(/--+/g, '-'));
  if (!m) return null;
  const [, area, local, ext] = m;
  // Local numbers do not start with 0 or 1; 3-digit area codes go with 8-digit local numbers.
  if (/^[01]/.test(local!) || (area!.length === 3 && local!.length !== 8)) return null;
  return ext ? `${area}-${local}-${ext}` : `${area}-${local}`;
}

export function isValidPhone(s: string): boolean {
  return normalizePhone(s) !== null;
}

// ---------------------------------------------------------------------------
// Masking (personal data on lists, exports and public portals)

/** Keeps the first 6 and last 4 characters: '510626********1234'. Short inputs are masked entirely. */
export function maskIdCard(id: string): string {
  const s = normalizeIdCard(id);
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** Mobile '138****5678'; landline keeps the area code and the last 2 digits: '0571-******21'. */
export function maskPhone(s: string): string {
  const n = normalizePhone(s);
  if (n && MOBILE.test(n)) return `${n.slice(0, 3)}****${n.slice(7)}`;
  if (n) {
    const [area, local] = n.split('-') as [string, string];
    return `${area}-${'*'.repeat(local.length - 2)}${local.slice(-2)}`;
  }
  const t = s.replace(ANY_SPACE, '');
  return t.length <= 2 ? '*'.repeat(t.length) : `${'*'.repeat(t.length - 2)}${t.slice(-2)}`;
}

/** First character and one '*' per remaining character: '张**'. A one-character name becomes '*'. */
export function maskName(name: string): string {
  const chars = Array.from(name.replace(ANY_SPACE, ''));
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
}
