/**
 * Client-side checks of Chinese identifiers and phone numbers, mirroring the server's rules so a
 * mediator sees a mistake before submitting.
 *
 * - 公民身份号码: GB 11643-1999, 18 characters, check character by ISO 7064 MOD 11-2.
 * - Phone: mainland mobile (11 digits starting 1[3-9]) or landline 区号-号码[-分机].
 */

const PROVINCES: ReadonlySet<number> = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** Full-width ASCII and spaces of every kind removed or converted to half-width. */
function compact(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]/g, '');
}

/** Trimmed, half-width, upper-case X. */
export function normalizeIdCard(id: string): string {
  return compact(id).toUpperCase();
}

/** The check character (0-9 or X) for the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份证号本体码应为17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Why `id` is not a valid 18-character 公民身份号码 (Chinese), or null when it is valid. */
export function idCardProblem(id: string, today: string = localToday()): string | null {
  const s = normalizeIdCard(id);
  if (s === '') return '身份证号为空';
  if (/^\d{15}$/.test(s)) return '这是15位旧身份证号，请填写18位号码';
  if (s.length !== 18) return `身份证号应为18位，当前为${s.length}位`;
  if (!/^\d{17}[\dX]$/.test(s)) return '身份证号应为17位数字加1位数字或X';
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return `前两位「${s.slice(0, 2)}」不是有效的省级行政区划代码`;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return `出生日期「${s.slice(6, 14)}」不是有效日期`;
  if (y < 1900) return `出生日期「${s.slice(6, 14)}」早于1900年`;
  if (`${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}` > today) {
    return `出生日期「${s.slice(6, 14)}」晚于今天`;
  }
  if (s[17] !== idCardCheckChar(s.slice(0, 17))) return '校验位不符，号码可能录入有误';
  return null;
}

export function isValidIdCard(id: string): boolean {
  return idCardProblem(id) === null;
}

const MOBILE = /^1[3-9]\d{9}$/;
/** 3-digit area codes: 010 and 02x; every other area code has 4 digits. */
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))-?(\d{7,8})(?:(?:-|转|#|ext\.?|x)(\d{1,6}))?$/i;

/** Mainland mobile (optionally +86) or landline with area code, e.g. 0571-87654321 (same rules as the server). */
export function isValidPhone(phone: string): boolean {
  const t = compact(phone)
    .replace(/^['‘’`]/, '')
    .replace(/^\((0\d{2,3})\)-?/, '$1-');
  const mobile = t.replace(/[-.]/g, '').replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  if (MOBILE.test(mobile)) return true;
  const m = LANDLINE.exec(t.replace(/[.]/g, '-').replace(/--+/g, '-'));
  if (!m) return false;
  const area = m[1]!;
  const local = m[2]!;
  // Local numbers do not start with 0 or 1; 3-digit area codes go with 8-digit local numbers.
  return !/^[01]/.test(local) && !(area.length === 3 && local.length !== 8);
}
