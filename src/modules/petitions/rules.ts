import { addCalendarDays, computeDue } from '../../kernel/calendar.js';
import type { DeadlineRule } from '../../kernel/deadlines.js';
import { type Transition, transitionProblem } from '../../kernel/procedure.js';
import { STATUS_LABELS, type Status, type StepName } from './model.js';

export const TRANSITIONS: Record<StepName, Transition<Status>> = {
  accept: { from: ['registered'], to: 'accepted', label: '受理并书面告知', perm: 'petitions.handle' },
  notAccept: { from: ['registered'], to: 'notAccepted', label: '不予受理并告知', perm: 'petitions.handle' },
  object: { from: ['registered'], to: 'objected', label: '提出异议(不属本机关)', perm: 'petitions.handle' },
  extend: { from: ['accepted'], to: null, label: '延期办理', perm: 'petitions.handle' },
  close: { from: ['accepted'], to: 'closed', label: '出具处理意见书(办结)', perm: 'petitions.handle' },
  resolve: {
    from: ['closed', 'reviewed', 'rechecked'],
    to: null,
    label: '标记已化解',
    perm: 'petitions.handle',
  },
  requestReview: { from: ['closed'], to: 'reviewRequested', label: '登记复查请求', perm: 'petitions.handle' },
  review: { from: ['reviewRequested'], to: 'reviewed', label: '出具复查意见', perm: 'petitions.handle' },
  requestRecheck: {
    from: ['reviewed'],
    to: 'recheckRequested',
    label: '登记复核请求',
    perm: 'petitions.handle',
  },
  hearing: { from: ['recheckRequested'], to: null, label: '记录复核听证', perm: 'petitions.handle' },
  recheck: { from: ['recheckRequested'], to: 'rechecked', label: '出具复核意见', perm: 'petitions.handle' },
};

/** The limits of 《信访工作条例》, as kernel deadline rules. */
export const LIMITS = {
  // 第二十三条: 自收到之日起15日内书面告知信访人
  notify: {
    rule: { kind: 'CAL_DAYS', n: 15 } as DeadlineRule,
    basis: '《信访工作条例》第二十三条:收到之日起15日内书面告知',
  },
  // 第二十三条: 转送、交办事项不属于本机关职权范围的,5个工作日内提出异议
  objection: {
    rule: { kind: 'WORK_DAYS', n: 5 } as DeadlineRule,
    basis: '《信访工作条例》第二十三条:不属于本机关的,5个工作日内提出异议',
  },
  // 第三十四条: 自受理之日起60日内办结,延长不超过30日
  handle: {
    rule: { kind: 'CAL_DAYS', n: 60 } as DeadlineRule,
    basis: '《信访工作条例》第三十四条:自受理之日起60日内办结',
  },
  // 第三十五条: 复查机关自收到复查请求之日起30日内提出复查意见
  review: {
    rule: { kind: 'CAL_DAYS', n: 30 } as DeadlineRule,
    basis: '《信访工作条例》第三十五条:收到复查请求之日起30日内提出复查意见',
  },
  // 第三十六条: 复核机关自收到复核请求之日起30日内提出复核意见,听证时间不计入
  recheck: {
    rule: { kind: 'CAL_DAYS', n: 30 } as DeadlineRule,
    basis: '《信访工作条例》第三十六条:30日内提出复核意见,听证时间不计算在内',
  },
} as const;

export const MAX_EXTENSION_DAYS = 30;
/** 第三十五条/第三十六条: 信访人自收到书面答复之日起30日内请求复查(复核). */
export const REQUEST_WINDOW_DAYS = 30;
/** 第二十条: 多人采用走访形式提出同一信访事项的,推选代表,代表人数不超过5人. */
export const MAX_REPRESENTATIVES = 5;

export function allowedSteps(
  status: Status,
  opts: { origin: string; extended: boolean; resolved: boolean },
): StepName[] {
  return (Object.keys(TRANSITIONS) as StepName[]).filter((s) => {
    if (!TRANSITIONS[s].from.includes(status)) return false;
    if (s === 'object') return opts.origin === '转送交办';
    if (s === 'extend') return !opts.extended; // 第三十四条: extended once
    if (s === 'resolve') return !opts.resolved;
    return true;
  });
}

export function stepProblem(
  status: Status,
  step: StepName,
  on: string,
  lastOn: string,
  today: string,
): string | null {
  return transitionProblem(TRANSITIONS[step], status, STATUS_LABELS[status], on, lastOn, today);
}

/** Due date of 办理 after an approved extension of `days` (≤30) — 60 + days from 受理. */
export function extendedHandleDue(acceptedOn: string, days: number): string {
  return computeDue({ kind: 'CAL_DAYS', n: 60 + days }, acceptedOn).due;
}

/** 复核 opinion due: 30 days from the request, plus the hearing days, which are not counted. */
export function recheckDue(requestOn: string, hearingDays: number): string {
  return addCalendarDays(requestOn, 30 + hearingDays).due;
}

/** Last day the petitioner may ask for 复查/复核 after receiving the written reply. */
export function requestWindowEnd(replyReceivedOn: string): string {
  return addCalendarDays(replyReceivedOn, REQUEST_WINDOW_DAYS).due;
}
