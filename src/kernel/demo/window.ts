import { today as todayCal } from '../calendar.js';

/**
 * The span the demo ledgers cover: all of `year` and `year + 1` up to `today` (31 October), so a first
 * start shows this year's work and last year's in full. Seeds are written for the 2024 window and move
 * their dates with `at`; tests pin `DEMO_2024` so their figures do not depend on the day they run.
 */
export interface DemoWindow {
  year: number;
  today: string;
}

export const DEMO_2024: DemoWindow = { year: 2024, today: '2025-10-31' };

/** The latest window that has ended by `on`. */
export function demoWindow(on: string = todayCal()): DemoWindow {
  const y = Number(on.slice(0, 4));
  const year = on >= `${y}-10-31` ? y - 1 : y - 2;
  return { year, today: `${year + 1}-10-31` };
}

/** A date written for the 2024 window, in window `w` (29 February becomes 28 February). */
export function at(w: DemoWindow, iso: string): string {
  const year = Number(iso.slice(0, 4)) + w.year - DEMO_2024.year;
  const moved = `${year}${iso.slice(4)}`;
  return iso.slice(5) === '02-29' && !isLeap(year) ? `${year}-02-28` : moved;
}

/** Days from `from` to `to` (both ISO dates); spans written as constants for 2024 change with leap years. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** What a module's `seedDemo` is given. */
export interface DemoOptions {
  seed: number;
  countyCode: string;
  window: DemoWindow;
}
