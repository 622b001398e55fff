import { describe, expect, it } from 'vitest';
import {
  certificateProblem,
  DEFAULT_SETTINGS,
  type DecisionState,
  earliestHearingOn,
  hearingApplicable,
  hearingRequestUntil,
  missingBeforeDecision,
  onSpotProblem,
  paymentDue,
  publicationDue,
  stepProblem,
  surcharge,
} from './rules.js';

const S = DEFAULT_SETTINGS;

describe('enforcement rules (《行政处罚法》2021; 第八十五条: 二三五七日 are 工作日)', () => {
  it('publishes within 7 工作日 (处罚/许可) or 20 工作日 (others) across 国庆/中秋 2025', () => {
    // 2025: 10-01..10-08 off; 09-28 (Sunday) and 10-11 (Saturday) are 调休 working days.
    expect(publicationDue('行政处罚', '2025-09-28').due).toBe('2025-10-14');
    expect(publicationDue('行政处罚', '2025-09-30').due).toBe('2025-10-16');
    expect(publicationDue('行政许可', '2025-09-30').due).toBe('2025-10-16');
    // 20 工作日 from 09-30: 10-09 … 10-31 is 18 working days (incl. 10-11), then 11-03, 11-04.
    expect(publicationDue('行政检查', '2025-09-30').due).toBe('2025-11-04');
    expect(publicationDue('行政处罚', '2025-09-30').basis).toContain('7个工作日');
  });

  it('counts the hearing request window and the hearing notice in 工作日 (第六十四条)', () => {
    expect(hearingRequestUntil('2025-08-15')).toBe('2025-08-22');
    expect(hearingRequestUntil('2025-09-26')).toBe('2025-10-10');
    expect(earliestHearingOn('2025-10-10')).toBe('2025-10-20');
    expect(earliestHearingOn('2025-09-30')).toBe('2025-10-16');
  });

  it('gives 15 calendar days to pay, rolled past a rest day, and caps the 3% surcharge at the fine', () => {
    expect(paymentDue('2025-10-09')).toBe('2025-10-24');
    expect(paymentDue('2025-09-20')).toBe('2025-10-09'); // 10-05 falls in the holiday
    expect(surcharge(1000, '2025-10-24', '2025-10-24')).toBe(0);
    expect(surcharge(1000, '2025-10-24', '2025-10-25')).toBe(30);
    expect(surcharge(1000, '2025-10-24', '2025-11-03')).toBe(300);
    expect(surcharge(1000, '2025-10-24', '2025-12-31')).toBe(1000);
    expect(surcharge(0, '2025-10-24', '2025-12-31')).toBe(0);
    expect(surcharge(333.33, '2025-10-24', '2025-10-25')).toBe(10);
  });

  it('applies the hearing right to 较大数额 and to the heavier penalties (第六十三条)', () => {
    expect(hearingApplicable(S, '自然人', ['罚款'], 9999, 0)).toBe(false);
    expect(hearingApplicable(S, '自然人', ['罚款'], 10_000, 0)).toBe(true);
    expect(hearingApplicable(S, '法人', ['罚款'], 50_000, 0)).toBe(false);
    expect(hearingApplicable(S, '法人', ['没收违法所得'], 0, 100_000)).toBe(true);
    expect(hearingApplicable(S, '法人', ['吊销许可证件'], 0, 0)).toBe(true);
    expect(hearingApplicable(S, '自然人', ['警告'], 0, 0)).toBe(false);
  });

  it('keeps 当场处罚 to 警告 or small fines (第五十一条)', () => {
    expect(onSpotProblem(S, '自然人', ['罚款'], 200)).toBeNull();
    expect(onSpotProblem(S, '自然人', ['罚款'], 201)).toContain('200元');
    expect(onSpotProblem(S, '其他组织', ['罚款'], 3000)).toBeNull();
    expect(onSpotProblem(S, '法人', ['罚款'], 3001)).toContain('3000元');
    expect(onSpotProblem(S, '自然人', ['警告'], 0)).toBeNull();
    expect(onSpotProblem(S, '自然人', ['没收违法所得'], 0)).toContain('没收违法所得');
    expect(onSpotProblem(S, '自然人', [], 0)).toContain('处罚种类');
  });

  const base: DecisionState = {
    decisionKind: '处罚',
    notifiedOn: '2025-08-15',
    statementWaived: false,
    hearingApplicable: true,
    hearingRequestUntil: '2025-08-22',
    hearingRequestedOn: null,
    hearingWaived: false,
    hearingHeldOn: null,
    major: false,
    reviewedOn: null,
    reviewResult: null,
    collectiveRequired: false,
    collectiveOn: null,
    officerCount: 2,
  };

  it('names every step missing before a decision', () => {
    expect(missingBeforeDecision(base, '2025-08-25')).toEqual([]);
    expect(missingBeforeDecision(base, '2025-08-22').join()).toContain('第六十四条');
    expect(missingBeforeDecision({ ...base, hearingWaived: true }, '2025-08-20')).toEqual([]);
    expect(
      missingBeforeDecision({ ...base, hearingRequestedOn: '2025-08-20' }, '2025-09-01').join(),
    ).toContain('第六十五条');
    expect(
      missingBeforeDecision({ ...base, notifiedOn: null, hearingRequestUntil: null }, '2025-09-01').join(),
    ).toContain('第四十四条');
    expect(missingBeforeDecision({ ...base, officerCount: 1 }, '2025-09-01').join()).toContain('第四十二条');
    expect(missingBeforeDecision({ ...base, major: true }, '2025-09-01').join()).toContain('法制审核');
    expect(
      missingBeforeDecision(
        { ...base, major: true, reviewedOn: '2025-08-30', reviewResult: '不同意' },
        '2025-09-01',
      ).join(),
    ).toContain('法制审核未通过');
    expect(
      missingBeforeDecision(
        { ...base, major: true, reviewedOn: '2025-08-30', reviewResult: '同意' },
        '2025-09-01',
      ),
    ).toEqual([]);
    expect(missingBeforeDecision({ ...base, collectiveRequired: true }, '2025-09-01').join()).toContain(
      '集体讨论',
    );
    // 不予处罚: no 事先告知 needed.
    expect(
      missingBeforeDecision({ ...base, decisionKind: '不予处罚', notifiedOn: null }, '2025-09-01'),
    ).toEqual([]);
  });

  it('refuses officers without a valid certificate on the day', () => {
    const o = { name: '张三', certNo: 'A1', validFrom: '2023-01-01', validTo: '2025-12-31', status: '有效' };
    expect(certificateProblem(o, '2025-12-31')).toBeNull();
    expect(certificateProblem(o, '2026-01-01')).toContain('已于 2025-12-31 过期');
    expect(certificateProblem(o, '2022-12-31')).toContain('尚未生效');
    expect(certificateProblem({ ...o, certNo: null }, '2025-01-01')).toContain('未取得');
    expect(certificateProblem({ ...o, status: '暂扣' }, '2025-01-01')).toContain('已暂扣');
  });

  it('checks state and dates of a step', () => {
    expect(stepProblem('filed', 'decide', '2025-01-02', '2025-01-01', '2025-01-03')).toContain('当前状态');
    expect(stepProblem('investigated', 'decide', '2025-01-04', '2025-01-01', '2025-01-03')).toContain(
      '晚于今天',
    );
    expect(stepProblem('investigated', 'decide', '2024-12-31', '2025-01-01', '2025-01-03')).toContain('早于');
    expect(stepProblem('investigated', 'decide', '2025-01-02', '2025-01-01', '2025-01-03')).toBeNull();
  });
});
