/** The dashboard's period: a year, a half, a quarter or a custom range, always sent as from/to. */

export type PeriodKind = 'year' | 'h1' | 'h2' | 'q1' | 'q2' | 'q3' | 'q4' | 'custom';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Only for `custom`: YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export const PERIOD_KINDS: { value: PeriodKind; label: string }[] = [
  { value: 'year', label: '全年' },
  { value: 'h1', label: '上半年' },
  { value: 'h2', label: '下半年' },
  { value: 'q1', label: '第一季度' },
  { value: 'q2', label: '第二季度' },
  { value: 'q3', label: '第三季度' },
  { value: 'q4', label: '第四季度' },
  { value: 'custom', label: '自定义' },
];

const MONTHS: Record<Exclude<PeriodKind, 'custom'>, [string, string]> = {
  year: ['01-01', '12-31'],
  h1: ['01-01', '06-30'],
  h2: ['07-01', '12-31'],
  q1: ['01-01', '03-31'],
  q2: ['04-01', '06-30'],
  q3: ['07-01', '09-30'],
  q4: ['10-01', '12-31'],
};

export function periodRange(p: Period): { from: string; to: string } {
  if (p.kind === 'custom') {
    return { from: p.from ?? `${p.year}-01-01`, to: p.to ?? `${p.year}-12-31` };
  }
  const [from, to] = MONTHS[p.kind];
  return { from: `${p.year}-${from}`, to: `${p.year}-${to}` };
}

export function periodLabel(p: Period): string {
  if (p.kind === 'custom') {
    const { from, to } = periodRange(p);
    return `${from} 至 ${to}`;
  }
  const kind = PERIOD_KINDS.find((k) => k.value === p.kind)?.label ?? '';
  return `${p.year}年${kind}`;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The same day a year earlier (29 February → 28 February). */
export function yearEarlier(iso: string): string {
  const year = Number(iso.slice(0, 4)) - 1;
  let rest = iso.slice(4);
  if (rest === '-02-29' && !isLeap(year)) rest = '-02-28';
  return `${year}${rest}`;
}

/** Every month (YYYY-MM) from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while ((y < endY || (y === endY && m <= endM)) && out.length < 240) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
