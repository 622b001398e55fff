import { describe, expect, it } from 'vitest';
import { at, DEMO_2024, daysFrom, demoWindow } from './window.js';

describe('the demo window', () => {
  it('ends on the latest 31 October that has passed', () => {
    expect(demoWindow('2026-11-23')).toEqual({ year: 2025, today: '2026-10-31' });
    expect(demoWindow('2026-10-31')).toEqual({ year: 2025, today: '2026-10-31' });
    expect(demoWindow('2026-10-30')).toEqual({ year: 2024, today: '2025-10-31' });
    expect(demoWindow('2027-01-01')).toEqual({ year: 2025, today: '2026-10-31' });
  });

  it('moves a date written for 2024 into another window, 29 February included', () => {
    expect(at(DEMO_2024, '2025-03-01')).toBe('2025-03-01');
    const w = demoWindow('2026-11-23');
    expect(at(w, '2024-01-02')).toBe('2025-01-02');
    expect(at(w, '2025-10-31')).toBe(w.today);
    expect(at(w, '2024-02-29')).toBe('2025-02-28');
    expect(at({ year: 2027, today: '2028-10-31' }, '2025-02-28')).toBe('2028-02-28');
  });

  it('counts days between dates across a leap year', () => {
    expect(daysFrom('2024-01-02', '2025-10-31')).toBe(668);
    expect(daysFrom('2025-01-02', '2026-10-31')).toBe(667);
    expect(daysFrom('2025-10-31', '2025-10-31')).toBe(0);
  });
});
