/**
 * Statutory working-day calendar (DOMAIN.md §0.1, §14).
 *
 * Dates are plain calendar dates written 'YYYY-MM-DD'. All arithmetic is done on integer day numbers
 * (days since 1970-01-01 in the proleptic Gregorian calendar), never on Date objects, so results do not
 * depend on the process time zone.
 *
 * Holiday data is the published JSON of the `chinese-days` package (国务院办公厅 annual holiday notices).
 * Its runtime functions are not used: they read dates back with local-time getters, which shifts the
 * day in time zones west of UTC.
 */
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export type DeadlineKind = 'CAL_DAYS' | 'WORK_DAYS' | 'MONTHS' | 'FIXED_DATE';

export interface DueDate {
  due: string;
  /** True when the result depends on holiday arrangements that have not been published yet. */
  provisional: boolean;
}

export interface WorkdayOptions {
  /**
   * Count 调休 working Saturdays/Sundays (补班日) as working days. Default true: they are official
   * working days on which agencies are open.
   */
  countMakeupWorkdays?: boolean;
}

export interface DeadlineRule {
  kind: DeadlineKind;
  n?: number;
  /** 'MM-DD', FIXED_DATE only. */
  monthDay?: string;
  /** FIXED_DATE only; defaults to the year of the start date. */
  year?: number;
}

// ---------------------------------------------------------------------------
// Integer day math

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY_RE = /^(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day number of a civil date (H. Hinnant's days_from_civil); 1970-01-01 is 0. */
function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return [y, m, d];
}

const MIN_DAY = toDayNumber(MIN_YEAR, 1, 1);
const MAX_DAY = toDayNumber(MAX_YEAR, 12, 31);

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function outOfRange(): RangeError {
  return new RangeError(`日期超出支持范围(${MIN_YEAR}—${MAX_YEAR}年)`);
}

function format(day: number): string {
  if (!Number.isInteger(day) || day < MIN_DAY || day > MAX_DAY) throw outOfRange();
  const [y, m, d] = fromDayNumber(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function parseParts(date: string): [number, number, number] | null {
  if (typeof date !== 'string') return null;
  const match = DATE_RE.exec(date);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return [y, m, d];
}

function parse(date: string, label = '日期'): number {
  const parts = parseParts(date);
  if (!parts) {
    throw new RangeError(`${label}无效: ${JSON.stringify(date)},应为真实存在的日期,格式 YYYY-MM-DD`);
  }
  return toDayNumber(...parts);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`期间数值必须为非负整数,收到: ${String(n)}`);
  }
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isValidDate(date: string): boolean {
  return parseParts(date) !== null;
}

export function addDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`天数必须为整数,收到: ${String(n)}`);
  return format(parse(date) + n);
}

export function compareDates(a: string, b: string): number {
  return Math.sign(parse(a) - parse(b));
}

// ---------------------------------------------------------------------------
// Holiday data

function dataMap(key: 'holidays' | 'workdays'): Record<string, string> {
  const value: unknown = (holidayData as Record<string, unknown>)[key];
  if (typeof value !== 'object' || value === null) {
    throw new Error(`chinese-days 数据缺少 ${key} 字段`);
  }
  return value as Record<string, string>;
}

function daySet(map: Record<string, string>): Set<number> {
  return new Set(Object.keys(map).map((d) => parse(d, 'chinese-days 数据中的日期')));
}

/** Statutory holidays, including the weekend days inside a holiday block. */
const HOLIDAYS = daySet(dataMap('holidays'));
/** 调休 working days: Saturdays/Sundays declared working days (补班). */
const MAKEUP_WORKDAYS = daySet(dataMap('workdays'));

const dataYears = [...HOLIDAYS, ...MAKEUP_WORKDAYS].map((day) => fromDayNumber(day)[0]);

/** First year covered by the holiday data (2004 in chinese-days). */
export const CALENDAR_DATA_FIRST_YEAR: number = Math.min(...dataYears);
/** Last year whose 国务院办公厅 holiday notice is in the data. */
export const CALENDAR_DATA_LAST_YEAR: number = Math.max(...dataYears);

const DATA_FIRST_DAY = toDayNumber(CALENDAR_DATA_FIRST_YEAR, 1, 1);

/**
 * First day whose working-day status may still change. The next year's 元旦 notice has reassigned days
 * as early as 12-29 of the preceding year (2006, 2007, 2011, 2018), so the last days of the last covered
 * year are not settled either.
 */
export const CALENDAR_PROVISIONAL_FROM: string = `${pad(CALENDAR_DATA_LAST_YEAR, 4)}-12-29`;
const PROVISIONAL_FROM_DAY = parse(CALENDAR_PROVISIONAL_FROM);

function assertCovered(day: number): void {
  if (day < DATA_FIRST_DAY) {
    throw new RangeError(
      `日期 ${format(day)} 早于节假日数据起始年份(${CALENDAR_DATA_FIRST_YEAR}年),无法判断是否为工作日`,
    );
  }
}

/**
 * Beyond the data, Monday–Friday are assumed to be working days; any result that relied on such a day
 * is provisional.
 */
function workdayStatus(day: number, countMakeupWorkdays: boolean): boolean {
  assertCovered(day);
  if (MAKEUP_WORKDAYS.has(day)) return countMakeupWorkdays;
  if (HOLIDAYS.has(day)) return false;
  const wd = weekday(day);
  return wd !== 0 && wd !== 6;
}

/** True when the working-day status of `date` is not yet fixed by a published notice. */
export function isProvisionalDate(date: string): boolean {
  return parse(date) >= PROVISIONAL_FROM_DAY;
}

/**
 * Whether agencies work on `date`: Monday–Friday that is not a statutory holiday, or a 调休 working
 * Saturday/Sunday. Throws for dates before CALENDAR_DATA_FIRST_YEAR; after the data it falls back to
 * Monday–Friday.
 */
export function isWorkday(date: string): boolean {
  return workdayStatus(parse(date), true);
}

export function isRestDay(date: string): boolean {
  return !isWorkday(date);
}

// ---------------------------------------------------------------------------
// Deadlines

function result(day: number, lastConsulted: number | null): DueDate {
  return { due: format(day), provisional: lastConsulted !== null && lastConsulted >= PROVISIONAL_FROM_DAY };
}

/**
 * 民法典第二百零三条 / 民事诉讼法第八十五条: 期间的最后一日是法定休假日的,以法定休假日结束的次日为
 * 期间的最后一日. A 调休 working Saturday/Sunday is a working day and does not roll.
 */
function rollForward(day: number): DueDate {
  let d = day;
  while (!workdayStatus(d, true)) {
    d += 1;
    if (d > MAX_DAY) throw outOfRange();
  }
  return result(d, d);
}

/**
 * 自然日 deadline. 民法典第二百零一条: 开始的当日不计入, so the period ends on `from + n`, rolled
 * forward to the next working day if that is a rest day. n = 0 returns `from` unchanged (never occurs
 * in statute).
 */
export function addCalendarDays(from: string, n: number): DueDate {
  assertCount(n);
  const start = parse(from);
  if (n === 0) return result(start, null);
  return rollForward(start + n);
}

/**
 * 工作日 deadline (e.g. 行政许可法第八十二条: 以工作日计算,不含法定节假日): the n-th working day after
 * `from`, the start day not counted. n = 0 returns `from` unchanged (never occurs in statute).
 */
export function addWorkdays(from: string, n: number, opts: WorkdayOptions = {}): DueDate {
  assertCount(n);
  const countMakeup = opts.countMakeupWorkdays ?? true;
  let d = parse(from);
  if (n === 0) return result(d, null);
  let remaining = n;
  while (remaining > 0) {
    d += 1;
    if (d > MAX_DAY) throw outOfRange();
    if (workdayStatus(d, countMakeup)) remaining -= 1;
  }
  return result(d, d);
}

/**
 * 月 deadline. 民法典第二百零二条: 到期月的对应日为期间的最后一日;没有对应日的,月末日为期间的最后一日.
 * Then rolled forward like addCalendarDays. n = 0 returns `from` unchanged.
 */
export function addMonths(from: string, n: number): DueDate {
  assertCount(n);
  const start = parse(from);
  if (n === 0) return result(start, null);
  const [y, m, d] = fromDayNumber(start);
  const monthIndex = y * 12 + (m - 1) + n;
  const ty = Math.floor(monthIndex / 12);
  const tm = (monthIndex % 12) + 1;
  if (ty > MAX_YEAR) throw outOfRange();
  return rollForward(toDayNumber(ty, tm, Math.min(d, daysInMonth(ty, tm))));
}

/**
 * Fixed annual date such as 每年3月1日之前: `monthDay` ('MM-DD') in `year`. A hard date: no roll-forward,
 * never provisional.
 */
export function fixedDate(year: number, monthDay: string): DueDate {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`年份无效: ${String(year)}`);
  }
  const match = typeof monthDay === 'string' ? MONTH_DAY_RE.exec(monthDay) : null;
  if (!match) throw new RangeError(`月日格式无效: ${JSON.stringify(monthDay)},应为 MM-DD`);
  const date = `${pad(year, 4)}-${match[1]}-${match[2]}`;
  return { due: format(parse(date, `${year}年的月日`)), provisional: false };
}

/** Dispatcher used by the deadline service. FIXED_DATE uses `rule.year`, else the year of `from`. */
export function computeDue(rule: DeadlineRule, from: string): DueDate {
  if (rule.kind === 'FIXED_DATE') {
    if (rule.monthDay === undefined) throw new RangeError('FIXED_DATE 期限缺少 monthDay');
    return fixedDate(rule.year ?? fromDayNumber(parse(from))[0], rule.monthDay);
  }
  if (rule.n === undefined) throw new RangeError(`${rule.kind} 期限缺少 n`);
  switch (rule.kind) {
    case 'CAL_DAYS':
      return addCalendarDays(from, rule.n);
    case 'WORK_DAYS':
      return addWorkdays(from, rule.n);
    case 'MONTHS':
      return addMonths(from, rule.n);
    default:
      throw new RangeError(`未知的期限类型: ${String((rule as { kind: unknown }).kind)}`);
  }
}

/**
 * Working days after `from` up to and including `to`; 0 if `to` <= `from`. Inverse of addWorkdays:
 * workdaysBetween(from, addWorkdays(from, n).due) === n.
 */
export function workdaysBetween(from: string, to: string, opts: WorkdayOptions = {}): number {
  const countMakeup = opts.countMakeupWorkdays ?? true;
  const start = parse(from);
  const end = parse(to);
  let count = 0;
  for (let d = start + 1; d <= end; d += 1) {
    if (workdayStatus(d, countMakeup)) count += 1;
  }
  return count;
}

/**
 * Today's date in `tz` (default Asia/Shanghai). FAZHI_TODAY=YYYY-MM-DD overrides it to freeze time in
 * tests. `now` is injectable for the same reason.
 */
export function today(tz = 'Asia/Shanghai', now: Date = new Date()): string {
  const override = process.env.FAZHI_TODAY;
  if (override !== undefined && override !== '') {
    parse(override, '环境变量 FAZHI_TODAY');
    return override;
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return format(toDayNumber(get('year'), get('month'), get('day')));
}
