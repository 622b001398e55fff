import { addWorkdays, workdaysBetween } from '../../kernel/calendar.js';
import type { DeadlineRule } from '../../kernel/deadlines.js';
import type { Transition } from '../../kernel/procedure.js';
import type { RequestChannel, Status, StepName } from './model.js';

/** 《政府信息公开条例》 limits, in 工作日. */
export const PUBLISH_WORKDAYS = 20; // 第二十六条
export const REPLY_WORKDAYS = 20; // 第三十三条第二款
export const MAX_EXTENSION_WORKDAYS = 20; // 第三十三条第二款
export const CORRECTION_WINDOW_WORKDAYS = 7; // 第三十条
export const THIRD_PARTY_WORKDAYS = 15; // 第三十二条

export const PUBLISH_RULE: DeadlineRule = { kind: 'WORK_DAYS', n: PUBLISH_WORKDAYS };
export const PUBLISH_BASIS =
  '《政府信息公开条例》第二十六条：自该政府信息形成或者变更之日起20个工作日内予以公开';
export const REPLY_BASIS =
  '《政府信息公开条例》第三十三条：收到申请之日起20个工作日内答复（补正的自收到补正之日起算，征求第三方意见时间不计入）';

export const TRANSITIONS: Record<StepName, Transition<Status>> = {
  confirm: { from: ['submitted'], to: 'received', label: '确认收到申请', perm: 'disclosure.manage' },
  requestCorrection: {
    from: ['received'],
    to: 'correcting',
    label: '一次性告知补正',
    perm: 'disclosure.manage',
  },
  receiveCorrection: { from: ['correcting'], to: 'received', label: '收到补正', perm: 'disclosure.manage' },
  abandon: { from: ['correcting'], to: 'closed', label: '逾期不补正（视为放弃）', perm: 'disclosure.manage' },
  consult: { from: ['received'], to: 'consulting', label: '征求第三方意见', perm: 'disclosure.manage' },
  consultReply: { from: ['consulting'], to: 'received', label: '收到第三方意见', perm: 'disclosure.manage' },
  extend: {
    from: ['received', 'consulting'],
    to: null,
    label: '延长答复期限',
    perm: 'disclosure.approveExtension',
  },
  answer: { from: ['received'], to: 'closed', label: '作出答复', perm: 'disclosure.manage' },
};

/** The evidence a channel's receipt date rests on (第三十一条). */
export interface ReceiptEvidence {
  channel: RequestChannel | string;
  mailKind?: string | null;
  submittedOn: string;
  signedOn?: string | null;
  confirmedOn?: string | null;
}

/**
 * 第三十一条: 当面提交的，以提交之日为收到申请之日；邮寄的，以签收之日为收到申请之日（平信以与申请人确认之日）；
 * 通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日. Null while the evidence is not there yet.
 */
export function receivedOnOf(e: ReceiptEvidence): string | null {
  switch (e.channel) {
    case '当面':
      return e.submittedOn;
    case '邮寄':
      return (e.mailKind === '平信' ? e.confirmedOn : e.signedOn) ?? null;
    default:
      return e.confirmedOn ?? null;
  }
}

/** What the label of a channel's evidence date is, for forms and errors. */
export function evidenceLabel(channel: string, mailKind?: string | null): string {
  if (channel === '当面') return '当面提交日期';
  if (channel === '邮寄') return mailKind === '平信' ? '与申请人确认日期（平信）' : '签收日期';
  return '双方确认日期';
}

export interface DueInput {
  receivedOn: string | null;
  correctionRequestedOn?: string | null;
  correctionReceivedOn?: string | null;
  extendedDays?: number | null;
  pausedWorkdays?: number | null;
  thirdPartySentOn?: string | null;
  thirdPartyRepliedOn?: string | null;
}

/** Workdays not counted for a third-party consultation: from sending to the reply, at most 15 (第三十二条). */
export function pausedFor(sentOn: string, repliedOn: string): number {
  return Math.min(workdaysBetween(sentOn, repliedOn), THIRD_PARTY_WORKDAYS);
}

/**
 * The reply due date, one pure function of the request: from the receipt (or the correction's receipt,
 * 第三十条) 20 工作日 + approved extension + the workdays a third-party consultation paused the clock
 * (while it is still out: its full 15 工作日). Null while there is no start (not yet received, or a
 * correction is awaited).
 */
export function replyDue(r: DueInput): string | null {
  if (!r.receivedOn) return null;
  if (r.correctionRequestedOn && !r.correctionReceivedOn) return null;
  const start = r.correctionReceivedOn ?? r.receivedOn;
  const pending = r.thirdPartySentOn && !r.thirdPartyRepliedOn ? THIRD_PARTY_WORKDAYS : 0;
  const n = REPLY_WORKDAYS + (r.extendedDays ?? 0) + (r.pausedWorkdays ?? 0) + pending;
  return addWorkdays(start, n).due;
}

/** Last day to ask for a correction: 7 工作日 from receipt (第三十条). */
export function correctionWindowEnd(receivedOn: string): string {
  return addWorkdays(receivedOn, CORRECTION_WINDOW_WORKDAYS).due;
}

/** 主动公开 due date: 20 工作日 after the information was formed or changed (第二十六条). */
export function publishDue(formedOn: string): string {
  return addWorkdays(formedOn, PUBLISH_WORKDAYS).due;
}

export function allowedSteps(
  status: Status,
  r: { extendedDays: number | null; correctionRequestedOn: string | null; thirdPartySentOn: string | null },
): StepName[] {
  return (Object.keys(TRANSITIONS) as StepName[]).filter((s) => {
    if (!TRANSITIONS[s].from.includes(status)) return false;
    if (s === 'extend') return r.extendedDays === null; // once
    if (s === 'requestCorrection') return r.correctionRequestedOn === null; // 一次性告知
    if (s === 'consult') return r.thirdPartySentOn === null;
    return true;
  });
}
