import { describe, expect, it } from 'vitest';
import { allowedSteps, judicialConfirmDue, statusFromLedger, stepProblem } from './rules.js';

describe('dispute procedure rules', () => {
  it.each([
    ['registered', ['accept', 'reject']],
    ['accepted', ['mediate']],
    ['mediating', ['resolve', 'fail']],
    ['resolved', ['followUp']],
    ['rejected', []],
    ['failed', []],
  ] as const)('from %s allows %j', (status, steps) => {
    expect(allowedSteps(status)).toEqual(steps);
  });

  it('offers 司法确认 only for a written agreement, once', () => {
    expect(allowedSteps('resolved', { hasWrittenAgreement: true })).toEqual(['followUp', 'confirm']);
    expect(allowedSteps('resolved', { hasWrittenAgreement: true, confirmed: true })).toEqual(['followUp']);
  });

  it('refuses illegal transitions and impossible dates with a Chinese reason', () => {
    expect(stepProblem('registered', 'resolve', '2024-05-02', '2024-05-01', '2024-06-01')).toBe(
      '当前状态为「登记」,不能执行「调解成功(已化解)」',
    );
    expect(stepProblem('registered', 'accept', '2024-07-01', '2024-05-01', '2024-06-01')).toBe(
      '日期不能晚于今天',
    );
    expect(stepProblem('registered', 'accept', '2024-04-30', '2024-05-01', '2024-06-01')).toContain(
      '不能早于',
    );
    expect(stepProblem('registered', 'accept', '2024-05-01', '2024-05-01', '2024-06-01')).toBeNull();
  });

  it('computes the 30-day 司法确认 window on the statutory calendar', () => {
    // 30 days from 2024-09-07 is 2024-10-07, inside 国庆: rolls to 2024-10-08.
    expect(judicialConfirmDue('2024-09-07')).toBe('2024-10-08');
    expect(judicialConfirmDue('2024-03-01')).toBe('2024-04-01');
  });

  it.each([
    ['调解成功', 'resolved'],
    ['已化解', 'resolved'],
    [' 化解 ', 'resolved'],
    ['达成协议', 'resolved'],
    ['未化解', 'failed'],
    ['调解不成，引导诉讼', 'failed'],
    ['正在调解', 'mediating'],
    ['已受理', 'accepted'],
    ['不予受理', 'rejected'],
    ['', 'registered'],
    ['？？', null],
  ] as const)('reads the ledger result %j as %s', (text, status) => {
    expect(statusFromLedger(text)).toBe(status);
  });
});
