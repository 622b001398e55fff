import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';

export function toDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format(DATE_FORMAT) : undefined;
}

export function fromDate(value: string | null | undefined): Dayjs | undefined {
  if (!value) return undefined;
  const d = dayjs(value);
  return d.isValid() ? d : undefined;
}

/** DatePicker: no dates after today. */
export function disableFuture(current: Dayjs): boolean {
  return current.isAfter(dayjs(), 'day');
}

export function todayIso(): string {
  return dayjs().format(DATE_FORMAT);
}

/** 'YYYY-MM-DD HH:mm' from an ISO timestamp. */
export function formatTime(at: string | null | undefined): string {
  if (!at) return '';
  const d = dayjs(at);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : at;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return dayjs(to).diff(dayjs(from), 'day');
}
