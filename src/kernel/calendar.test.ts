import chineseDays from 'chinese-days';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addCalendarDays,
  addDays,
  addMonths,
  addWorkdays,
  CALENDAR_DATA_FIRST_YEAR,
  CALENDAR_DATA_LAST_YEAR,
  CALENDAR_PROVISIONAL_FROM,
  compareDates,
  computeDue,
  type DeadlineKind,
  fixedDate,
  isProvisionalDate,
  isRestDay,
  isValidDate,
  isWorkday,
  today,
  workdaysBetween,
} from './calendar.js';

// Expectations checked against the 国务院办公厅 notices for 2024 (国办发明电〔2023〕7号) and
// 2025 (国办发明电〔2024〕12号) and against chinese-days data.

describe('isWorkday', () => {
  it.each([
    ['2024-09-29', true], // Sunday, 调休 working day
    ['2024-10-12', true], // Saturday, 调休 working day
    ['2024-10-01', false],
    ['2024-10-07', false],
    ['2024-10-08', true],
    ['2024-02-04', true],
    ['2024-02-09', true], // 除夕 2024 was not a statutory holiday
    ['2024-02-10', false],
    ['2024-02-18', true],
    ['2025-01-26', true],
    ['2025-01-28', false], // 除夕 2025 is a statutory holiday
    ['2025-02-08', true],
    ['2025-04-27', true],
    ['2025-09-28', true],
    ['2025-10-08', false],
    ['2025-10-11', true],
    ['2024-03-09', false], // ordinary Saturday
    ['2024-03-11', true],
  ])('%s → %s', (date, expected) => {
    expect(isWorkday(date)).toBe(expected);
    expect(isRestDay(date)).toBe(!expected);
  });

  // chinese-days builds its own tables with local-time getters, so they are a day off west of UTC.
  it.skipIf(new Date(2024, 0, 1).getTimezoneOffset() > 0)(
    'agrees with chinese-days on every covered day',
    () => {
      const mismatches: string[] = [];
      for (
        let d = `${CALENDAR_DATA_FIRST_YEAR}-01-01`;
        d <= `${CALENDAR_DATA_LAST_YEAR}-12-31`;
        d = addDays(d, 1)
      ) {
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        if (isWorkday(d) !== chineseDays.isWorkday(new Date(y, m - 1, day))) mismatches.push(d);
      }
      expect(mismatches).toEqual([]);
    },
  );

  it('covers 2004 through at least 2026', () => {
    expect(CALENDAR_DATA_FIRST_YEAR).toBe(2004);
    expect(CALENDAR_DATA_LAST_YEAR).toBeGreaterThanOrEqual(2026);
  });

  it('refuses dates before the data', () => {
    expect(() => isWorkday('2003-12-31')).toThrow(RangeError);
    expect(() => addCalendarDays('2003-12-01', 5)).toThrow(/早于节假日数据/);
  });

  it('falls back to Monday–Friday after the data', () => {
    const y = CALENDAR_DATA_LAST_YEAR + 2;
    const firstMonday = [1, 2, 3, 4, 5, 6, 7]
      .map((d) => `${y}-03-0${d}`)
      .find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)!;
    expect(isWorkday(firstMonday)).toBe(true);
    expect(isWorkday(addDays(firstMonday, 5))).toBe(false);
    expect(isWorkday(addDays(firstMonday, 6))).toBe(false);
  });
});

describe('addWorkdays', () => {
  it('国庆 2024: 调休 Sunday 09-29 and Saturday 10-12 count', () => {
    expect(addWorkdays('2024-09-27', 7)).toEqual({ due: '2024-10-12', provisional: false });
  });

  it.each([
    // 春节 2024: 02-10..02-17 off, 02-04 (Sun) and 02-18 (Sun) working
    ['2024-02-02', 1, '2024-02-04'],
    ['2024-02-08', 2, '2024-02-18'],
    ['2024-02-08', 3, '2024-02-19'],
    ['2024-02-12', 1, '2024-02-18'], // start on a holiday
    // 春节 2025: 01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) working
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-24', 2, '2025-01-27'],
    ['2025-01-24', 3, '2025-02-05'],
    ['2025-02-05', 3, '2025-02-08'], // last day is a 调休 Saturday
    ['2025-01-30', 1, '2025-02-05'], // start on a holiday
    // 劳动节 2024: 05-01..05-05 off, 04-28 (Sun) and 05-11 (Sat) working
    ['2024-04-26', 1, '2024-04-28'],
    ['2024-04-28', 3, '2024-05-06'],
    ['2024-05-06', 5, '2024-05-11'],
    ['2024-05-02', 1, '2024-05-06'], // start on a holiday
    // 劳动节 2025: 05-01..05-05 off, 04-27 (Sun) working
    ['2025-04-25', 1, '2025-04-27'],
    ['2025-04-29', 2, '2025-05-06'],
    // 国庆 2025: 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) working
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-26', 3, '2025-09-30'],
    ['2025-09-26', 6, '2025-10-11'],
    ['2025-10-03', 1, '2025-10-09'], // start on a holiday
    ['2025-09-30', 20, '2025-11-04'],
  ])('addWorkdays(%s, %i) → %s', (from, n, due) => {
    expect(addWorkdays(from, n)).toEqual({ due, provisional: false });
  });

  it.each([
    ['2024-09-27', 7, '2024-10-12', '2024-10-15'],
    ['2024-05-06', 5, '2024-05-11', '2024-05-13'],
    ['2025-02-05', 3, '2025-02-08', '2025-02-10'],
    ['2025-09-26', 6, '2025-10-11', '2025-10-14'],
    ['2025-09-26', 1, '2025-09-28', '2025-09-29'],
  ])('countMakeupWorkdays:false — addWorkdays(%s, %i): %s vs %s', (from, n, withMakeup, withoutMakeup) => {
    expect(addWorkdays(from, n).due).toBe(withMakeup);
    expect(addWorkdays(from, n, { countMakeupWorkdays: true }).due).toBe(withMakeup);
    expect(addWorkdays(from, n, { countMakeupWorkdays: false }).due).toBe(withoutMakeup);
  });

  it('n = 0 returns the start date, even on a rest day', () => {
    expect(addWorkdays('2024-10-01', 0)).toEqual({ due: '2024-10-01', provisional: false });
  });
});

describe('addCalendarDays', () => {
  it('60 days from 2024-08-02 lands on 10-01 and rolls to 10-08', () => {
    expect(addCalendarDays('2024-08-02', 60)).toEqual({ due: '2024-10-08', provisional: false });
  });

  it.each([
    // 春节 2024
    ['2024-01-11', 30, '2024-02-18'], // 02-10 holiday → 调休 Sunday 02-18
    ['2024-02-12', 3, '2024-02-18'], // start on a holiday
    ['2024-02-02', 7, '2024-02-09'], // 除夕 2024, a working Friday
    ['2024-01-28', 7, '2024-02-04'], // last day is a 调休 Sunday
    // 春节 2025
    ['2025-01-21', 7, '2025-02-05'],
    ['2025-02-01', 7, '2025-02-08'], // start on a holiday, last day a 调休 Saturday: no roll
    ['2025-01-19', 7, '2025-01-26'],
    // 劳动节 2024
    ['2024-04-21', 10, '2024-05-06'],
    ['2024-05-03', 8, '2024-05-11'], // start on a holiday, last day a 调休 Saturday
    // 劳动节 2025
    ['2025-04-20', 15, '2025-05-06'],
    ['2025-04-12', 15, '2025-04-27'],
    // 国庆 2025
    ['2025-09-01', 30, '2025-10-09'],
    ['2025-10-04', 7, '2025-10-11'], // start on a holiday, last day a 调休 Saturday
    ['2025-09-21', 7, '2025-09-28'],
    // ordinary weekend
    ['2024-03-01', 8, '2024-03-11'],
    ['2024-03-01', 7, '2024-03-08'],
  ])('addCalendarDays(%s, %i) → %s', (from, n, due) => {
    expect(addCalendarDays(from, n)).toEqual({ due, provisional: false });
  });

  it('n = 0 returns the start date unchanged', () => {
    expect(addCalendarDays('2024-10-01', 0)).toEqual({ due: '2024-10-01', provisional: false });
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2023-12-31', 2, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-12-31', 2, '2025-02-28'],
    ['2025-08-31', 1, '2025-09-30'],
    ['2024-03-31', 6, '2024-09-30'],
    ['2024-08-01', 2, '2024-10-08'], // 10-01 holiday
    ['2024-07-13', 3, '2024-10-14'], // Sunday 10-13
    ['2025-12-15', 2, '2026-02-24'], // 春节 2026: 02-15..02-23
    ['2025-11-30', 3, '2026-02-28'], // Saturday 02-28 is a 调休 working day
    ['2025-01-10', 12, '2026-01-12'], // Saturday 01-10
    ['2025-06-15', 0, '2025-06-15'],
  ])('addMonths(%s, %i) → %s', (from, n, due) => {
    expect(addMonths(from, n)).toEqual({ due, provisional: false });
  });
});

describe('fixedDate and computeDue', () => {
  it('returns the hard date without roll-forward', () => {
    expect(fixedDate(2025, '03-01')).toEqual({ due: '2025-03-01', provisional: false });
    expect(fixedDate(2024, '10-01')).toEqual({ due: '2024-10-01', provisional: false });
    expect(fixedDate(2024, '02-29')).toEqual({ due: '2024-02-29', provisional: false });
  });

  it.each<[{ kind: DeadlineKind; n?: number; monthDay?: string; year?: number }, string, string]>([
    [{ kind: 'CAL_DAYS', n: 60 }, '2024-08-02', '2024-10-08'],
    [{ kind: 'WORK_DAYS', n: 7 }, '2024-09-27', '2024-10-12'],
    [{ kind: 'MONTHS', n: 1 }, '2024-01-31', '2024-02-29'],
    [{ kind: 'FIXED_DATE', monthDay: '03-01', year: 2026 }, '2025-06-01', '2026-03-01'],
    [{ kind: 'FIXED_DATE', monthDay: '03-01' }, '2025-06-01', '2025-03-01'],
  ])('computeDue(%o, %s) → %s', (rule, from, due) => {
    expect(computeDue(rule, from).due).toBe(due);
  });

  it('rejects incomplete rules', () => {
    expect(() => computeDue({ kind: 'CAL_DAYS' }, '2024-01-01')).toThrow(RangeError);
    expect(() => computeDue({ kind: 'FIXED_DATE' }, '2024-01-01')).toThrow(RangeError);
    expect(() => computeDue({ kind: 'WEEKS' as DeadlineKind, n: 1 }, '2024-01-01')).toThrow(/未知的期限类型/);
  });
});

describe('provisional', () => {
  const last = CALENDAR_DATA_LAST_YEAR;

  it('is set when the due date falls in a year without published holidays', () => {
    const cal = addCalendarDays(`${last}-12-01`, 60);
    expect(cal.provisional).toBe(true);
    expect(cal.due.startsWith(`${last + 1}-`)).toBe(true);
    expect(addWorkdays(`${last}-12-20`, 15).provisional).toBe(true);
    expect(addMonths(`${last}-11-15`, 3).provisional).toBe(true);
    expect(addCalendarDays(`${last + 1}-03-01`, 10).provisional).toBe(true);
  });

  it('is not set within the data', () => {
    expect(addCalendarDays(`${last}-06-01`, 30).provisional).toBe(false);
    expect(addWorkdays(`${last}-06-01`, 5).provisional).toBe(false);
    expect(addMonths(`${last}-01-15`, 6).provisional).toBe(false);
  });

  it('covers the last days of the last year, which the next 元旦 notice may reassign', () => {
    expect(CALENDAR_PROVISIONAL_FROM).toBe(`${last}-12-29`);
    expect(isProvisionalDate(`${last}-12-28`)).toBe(false);
    expect(isProvisionalDate(`${last}-12-29`)).toBe(true);
  });

  it('never applies to fixed dates', () => {
    expect(fixedDate(last + 1, '03-01')).toEqual({ due: `${last + 1}-03-01`, provisional: false });
  });
});

describe('workdaysBetween', () => {
  it('counts working days after from up to and including to', () => {
    expect(workdaysBetween('2024-09-27', '2024-10-12')).toBe(7);
    expect(workdaysBetween('2024-09-27', '2024-10-12', { countMakeupWorkdays: false })).toBe(5);
    expect(workdaysBetween('2024-09-30', '2024-10-07')).toBe(0);
    expect(workdaysBetween('2024-10-12', '2024-10-12')).toBe(0);
    expect(workdaysBetween('2024-10-12', '2024-09-27')).toBe(0);
  });

  it('inverts addWorkdays', () => {
    for (let from = '2024-01-01'; from <= '2025-12-31'; from = addDays(from, 3)) {
      for (const n of [1, 5, 15, 20]) {
        expect(workdaysBetween(from, addWorkdays(from, n).due)).toBe(n);
      }
    }
  });
});

describe('date arithmetic', () => {
  it('addDays and compareDates', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-10', 1)).toBe('2024-03-11');
    expect(addDays('2024-10-27', 1)).toBe('2024-10-28');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(compareDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareDates('2024-01-02', '2024-01-01')).toBe(1);
    expect(compareDates('2024-01-01', '2024-01-01')).toBe(0);
  });

  it('matches Date.UTC day by day', () => {
    const start = Date.UTC(1999, 0, 1);
    for (let i = 0; i < 20000; i += 1) {
      expect(addDays('1999-01-01', i)).toBe(new Date(start + i * 86_400_000).toISOString().slice(0, 10));
    }
  });
});

describe('today', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('uses Asia/Shanghai around midnight', () => {
    vi.stubEnv('FAZHI_TODAY', '');
    expect(today('Asia/Shanghai', new Date('2024-09-30T15:59:59.999Z'))).toBe('2024-09-30');
    expect(today(undefined, new Date('2024-09-30T16:00:00.000Z'))).toBe('2024-10-01');
    expect(today('UTC', new Date('2024-09-30T16:00:00.000Z'))).toBe('2024-09-30');
    expect(today('America/Los_Angeles', new Date('2024-10-01T06:59:59.999Z'))).toBe('2024-09-30');
    expect(today('Asia/Shanghai', new Date('2024-12-31T16:00:00.000Z'))).toBe('2025-01-01');
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(isValidDate(today())).toBe(true);
  });

  it('honours FAZHI_TODAY', () => {
    vi.stubEnv('FAZHI_TODAY', '2024-10-01');
    expect(today()).toBe('2024-10-01');
    expect(today('UTC')).toBe('2024-10-01');
    vi.stubEnv('FAZHI_TODAY', '2024-02-30');
    expect(() => today()).toThrow(RangeError);
  });
});

describe('validation', () => {
  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '2024-2-3',
    '2024/02/03',
    '20240203',
    ' 2024-02-03',
    '2024-02-03T00:00:00Z',
    '0000-01-01',
    '',
  ])('rejects %j', (bad) => {
    expect(isValidDate(bad)).toBe(false);
    expect(() => addDays(bad, 1)).toThrow(RangeError);
    expect(() => isWorkday(bad)).toThrow(/日期无效/);
    expect(() => addCalendarDays(bad, 1)).toThrow(RangeError);
    expect(() => addWorkdays(bad, 1)).toThrow(RangeError);
    expect(() => addMonths(bad, 1)).toThrow(RangeError);
    expect(() => workdaysBetween(bad, '2024-01-01')).toThrow(RangeError);
    expect(() => compareDates(bad, '2024-01-01')).toThrow(RangeError);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects n = %s', (n) => {
    expect(() => addCalendarDays('2024-01-01', n)).toThrow(/非负整数/);
    expect(() => addWorkdays('2024-01-01', n)).toThrow(RangeError);
    expect(() => addMonths('2024-01-01', n)).toThrow(RangeError);
  });

  it('rejects bad fixed dates', () => {
    expect(() => fixedDate(2025, '02-29')).toThrow(RangeError);
    expect(() => fixedDate(2025, '3-1')).toThrow(/月日格式无效/);
    expect(() => fixedDate(2025, '2025-03-01')).toThrow(RangeError);
    expect(() => fixedDate(2025.5, '03-01')).toThrow(/年份无效/);
  });

  it('rejects results beyond year 9999', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
  });
});
