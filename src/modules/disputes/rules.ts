import { addCalendarDays, addDays } from '../../kernel/calendar.js';
import { type Transition, transitionProblem } from '../../kernel/procedure.js';
import { STATUS_LABELS, type Status, type StepName } from './model.js';

/** The procedure: 登记 → 受理 (或不予受理) → 调解中 → 已化解 | 调解不成(转办); 回访 and 司法确认 after 化解. */
export const TRANSITIONS: Record<StepName, Transition<Status>> = {
  accept: { from: ['registered'], to: 'accepted', label: '受理', perm: 'disputes.handle' },
  reject: { from: ['registered'], to: 'rejected', label: '不予受理', perm: 'disputes.handle' },
  mediate: { from: ['accepted'], to: 'mediating', label: '开始调解', perm: 'disputes.handle' },
  resolve: { from: ['mediating'], to: 'resolved', label: '调解成功(已化解)', perm: 'disputes.handle' },
  fail: { from: ['mediating'], to: 'failed', label: '调解不成(转办)', perm: 'disputes.handle' },
  followUp: { from: ['resolved'], to: null, label: '回访', perm: 'disputes.handle' },
  confirm: { from: ['resolved'], to: null, label: '司法确认', perm: 'disputes.handle' },
};

/** The steps allowed from a state (the detail page shows only these). */
export function allowedSteps(
  status: Status,
  opts: { hasWrittenAgreement?: boolean; confirmed?: boolean } = {},
): StepName[] {
  return (Object.keys(TRANSITIONS) as StepName[]).filter((s) => {
    if (!TRANSITIONS[s].from.includes(status)) return false;
    // 人民调解法第三十三条: 司法确认 applies to a written agreement, once.
    if (s === 'confirm') return Boolean(opts.hasWrittenAgreement) && !opts.confirmed;
    return true;
  });
}

/** Why a step cannot run now, in Chinese, or null. */
export function stepProblem(
  status: Status,
  step: StepName,
  on: string,
  lastOn: string,
  today: string,
): string | null {
  return transitionProblem(TRANSITIONS[step], status, STATUS_LABELS[status], on, lastOn, today);
}

/** 人民调解法第三十三条: 自调解协议生效之日起三十日内共同向人民法院申请司法确认. */
export function judicialConfirmDue(agreementOn: string): string {
  return addCalendarDays(agreementOn, 30).due;
}

/**
 * How a ledger's 调处结果 column reads in the wild → the state it means.
 * Returns null when the text says nothing we can map (the import reports it).
 */
export function statusFromLedger(text: string | null | undefined): Status | null {
  const t = (text ?? '').replace(/\s/g, '');
  if (!t) return 'registered';
  if (/不予受理|不受理/.test(t)) return 'rejected';
  if (/未化解|调解不成|不成功|未成功|调解失败|终止调解|未调解成功|转|移交|引导/.test(t)) return 'failed';
  if (/已化解|化解|调解成功|成功|已调结|调结|办结|结案|已解决|解决|达成协议|是/.test(t)) return 'resolved';
  if (/调解中|正在调解|在调|办理中|处理中|跟进/.test(t)) return 'mediating';
  if (/已受理|受理/.test(t)) return 'accepted';
  if (/登记|待受理|待处理|否/.test(t)) return 'registered';
  return null;
}

/** 预警 window: the same party or place in two or more disputes within this many days. */
export const WARNING_WINDOW_DAYS = 90;

export function warningWindowStart(asOf: string): string {
  return addDays(asOf, -WARNING_WINDOW_DAYS);
}
