import { addCalendarDays, addWorkdays, computeDue } from '../../kernel/calendar.js';
import type { DeadlineRule } from '../../kernel/deadlines.js';
import { type Transition, transitionProblem } from '../../kernel/procedure.js';
import { SEVEN_DAY_TYPES, STATUS_LABELS, type Status } from './model.js';

export type StepName =
  | 'investigate'
  | 'markMajor'
  | 'notify'
  | 'statement'
  | 'requestHearing'
  | 'waiveHearing'
  | 'scheduleHearing'
  | 'holdHearing'
  | 'submitReview'
  | 'legalReview'
  | 'collective'
  | 'extend'
  | 'decide'
  | 'serve'
  | 'execute'
  | 'close'
  | 'archive'
  | 'publish'
  | 'revoke'
  | 'withdraw';

const BEFORE_DECISION: Status[] = ['filed', 'investigated', 'notified', 'hearing'];
const AFTER_DECISION: Status[] = ['decided', 'served', 'executed', 'closed', 'archived'];

export const TRANSITIONS: Record<StepName, Transition<Status>> = {
  investigate: { from: ['filed'], to: 'investigated', label: '调查终结', perm: 'enforcement.handle' },
  markMajor: { from: BEFORE_DECISION, to: null, label: '认定重大执法决定', perm: 'enforcement.handle' },
  notify: { from: ['investigated'], to: 'notified', label: '事先告知', perm: 'enforcement.handle' },
  statement: { from: ['notified', 'hearing'], to: null, label: '记录陈述申辩', perm: 'enforcement.handle' },
  requestHearing: { from: ['notified'], to: 'hearing', label: '登记听证申请', perm: 'enforcement.handle' },
  waiveHearing: { from: ['notified'], to: null, label: '当事人放弃听证', perm: 'enforcement.handle' },
  scheduleHearing: { from: ['hearing'], to: null, label: '通知听证', perm: 'enforcement.handle' },
  holdHearing: { from: ['hearing'], to: 'notified', label: '举行听证', perm: 'enforcement.handle' },
  submitReview: {
    from: ['investigated', 'notified'],
    to: null,
    label: '提交法制审核',
    perm: 'enforcement.handle',
  },
  legalReview: {
    from: ['investigated', 'notified'],
    to: null,
    label: '法制审核意见',
    perm: 'enforcement.review',
  },
  collective: {
    from: ['investigated', 'notified'],
    to: null,
    label: '集体讨论决定',
    perm: 'enforcement.handle',
  },
  extend: { from: BEFORE_DECISION, to: null, label: '延长办案期限', perm: 'enforcement.handle' },
  decide: {
    from: ['investigated', 'notified'],
    to: 'decided',
    label: '作出决定',
    perm: 'enforcement.handle',
  },
  serve: { from: ['decided'], to: 'served', label: '送达决定书', perm: 'enforcement.handle' },
  execute: { from: ['served'], to: 'executed', label: '执行', perm: 'enforcement.handle' },
  close: { from: ['served', 'executed'], to: 'closed', label: '结案', perm: 'enforcement.handle' },
  archive: { from: ['closed'], to: 'archived', label: '归档', perm: 'enforcement.handle' },
  publish: { from: AFTER_DECISION, to: null, label: '公示', perm: 'enforcement.handle' },
  revoke: {
    from: AFTER_DECISION,
    to: null,
    label: '决定被变更/撤销/确认违法',
    perm: 'enforcement.handle',
  },
  withdraw: { from: AFTER_DECISION, to: null, label: '撤回公示', perm: 'enforcement.handle' },
};

/** Statutory limits as kernel deadline rules (《行政处罚法》2021; 第八十五条: 二、三、五、七日 are 工作日). */
export const LIMITS = {
  decide: {
    rule: { kind: 'CAL_DAYS', n: 90 } as DeadlineRule,
    basis: '《行政处罚法》第六十条:自立案之日起九十日内作出决定',
  },
  serve: {
    rule: { kind: 'WORK_DAYS', n: 7 } as DeadlineRule,
    basis: '《行政处罚法》第六十一条、第八十五条:当事人不在场的,七个工作日内送达',
  },
  publish7: {
    rule: { kind: 'WORK_DAYS', n: 7 } as DeadlineRule,
    basis: '国办发〔2018〕118号:行政许可、行政处罚决定自作出之日起7个工作日内公开',
  },
  publish20: {
    rule: { kind: 'WORK_DAYS', n: 20 } as DeadlineRule,
    basis: '国办发〔2018〕118号:执法决定自作出之日起20个工作日内公开',
  },
  withdraw: {
    rule: { kind: 'WORK_DAYS', n: 3 } as DeadlineRule,
    basis: '《行政处罚法》第四十八条、第八十五条:决定被变更、撤销、确认违法或无效的,三个工作日内撤回公开',
  },
  certExpiry: { basis: '执法证件有效期届满前换证(持证上岗)' },
} as const;

/** 第六十四条: 当事人要求听证的,应当在行政机关告知后五日(工作日)内提出. */
export const HEARING_REQUEST_WORKDAYS = 5;
/** 第六十四条: 行政机关应当在举行听证的七日(工作日)前通知听证时间、地点. */
export const HEARING_NOTICE_WORKDAYS = 7;
/** 第六十七条: 自收到行政处罚决定书之日起十五日内缴纳罚款. */
export const PAYMENT_DAYS = 15;

/** The rules left to regions and departments; a county overrides them (enforcement_setting). */
export interface EnforcementSettings {
  /** 第五十一条 当场处罚 ceilings (yuan): 公民200, 法人或其他组织3000. */
  onSpotMaxPerson: number;
  onSpotMaxOrg: number;
  /** 第六十三条 "较大数额" (yuan): at or above, the party must be told of the right to a hearing. */
  hearingFinePerson: number;
  hearingFineOrg: number;
  /** Extension of the 90-day limit (部门规章, UNVERIFIED nationally): days per extension, how many. */
  extensionMaxDays: number;
  extensionsAllowed: number;
  /** 公示 retention (years): decisions on natural persons, on others. */
  retainYearsPerson: number;
  retainYearsOther: number;
  /** 法制审核 period in 工作日 (no national limit). */
  reviewWorkdays: number;
  /** Days before a certificate expires that the reminder deadline falls due. */
  certReminderDays: number;
}

export const DEFAULT_SETTINGS: EnforcementSettings = {
  onSpotMaxPerson: 200,
  onSpotMaxOrg: 3000,
  hearingFinePerson: 10_000,
  hearingFineOrg: 100_000,
  extensionMaxDays: 30,
  extensionsAllowed: 1,
  retainYearsPerson: 2,
  retainYearsOther: 5,
  reviewWorkdays: 5,
  certReminderDays: 60,
};

/** The penalties that make 听证 applicable whatever the amount (第六十三条). */
const HEARING_PENALTIES = [
  '降低资质等级',
  '吊销许可证件',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '限制开展生产经营活动',
];

export function hearingApplicable(
  s: EnforcementSettings,
  partyType: string,
  penalties: readonly string[],
  fine: number,
  confiscated: number,
): boolean {
  if (penalties.some((p) => HEARING_PENALTIES.includes(p))) return true;
  const limit = partyType === '自然人' ? s.hearingFinePerson : s.hearingFineOrg;
  return fine >= limit || confiscated >= limit;
}

/** 第五十一条: why a penalty cannot be decided on the spot, or null. */
export function onSpotProblem(
  s: EnforcementSettings,
  partyType: string,
  penalties: readonly string[],
  fine: number,
): string | null {
  if (penalties.length === 0) return '当场处罚应写明处罚种类(警告或罚款)';
  const other = penalties.filter((p) => p !== '警告' && p !== '罚款');
  if (other.length) return `简易程序只能给予警告或罚款,不能给予${other.join('、')}(《行政处罚法》第五十一条)`;
  const max = partyType === '自然人' ? s.onSpotMaxPerson : s.onSpotMaxOrg;
  if (fine > max) {
    return `简易程序对${partyType === '自然人' ? '公民' : '法人或者其他组织'}罚款不得超过${max}元,应适用普通程序(《行政处罚法》第五十一条)`;
  }
  return null;
}

/** The case fields the decision guard reads. */
export interface DecisionState {
  decisionKind: string;
  notifiedOn: string | null;
  statementWaived: boolean;
  hearingApplicable: boolean;
  hearingRequestUntil: string | null;
  hearingRequestedOn: string | null;
  hearingWaived: boolean;
  hearingHeldOn: string | null;
  major: boolean;
  reviewedOn: string | null;
  reviewResult: string | null;
  collectiveRequired: boolean;
  collectiveOn: string | null;
  officerCount: number;
}

/**
 * The steps still missing before a decision may be recorded (普通程序), in Chinese, each naming
 * the article that requires it. Empty: the decision may be made on `on`.
 */
export function missingBeforeDecision(c: DecisionState, on: string): string[] {
  const missing: string[] = [];
  if (c.officerCount < 2) missing.push('执法人员不少于两人(《行政处罚法》第四十二条)');
  if (c.decisionKind === '处罚') {
    if (!c.notifiedOn && !c.statementWaived) {
      missing.push('事先告知拟作出的处罚内容及陈述、申辩、听证权利(《行政处罚法》第四十四条、第六十二条)');
    }
    if (c.hearingApplicable && c.notifiedOn) {
      if (c.hearingRequestedOn && !c.hearingHeldOn && !c.hearingWaived) {
        missing.push('当事人已申请听证,应先举行听证(《行政处罚法》第六十五条)');
      } else if (
        !c.hearingRequestedOn &&
        !c.hearingWaived &&
        c.hearingRequestUntil &&
        on <= c.hearingRequestUntil
      ) {
        missing.push(
          `听证申请期限(告知后五个工作日,至 ${c.hearingRequestUntil})届满或当事人放弃听证(《行政处罚法》第六十四条)`,
        );
      }
    }
  }
  if (c.major) {
    if (!c.reviewedOn) missing.push('重大执法决定法制审核(《行政处罚法》第五十八条)');
    else if (c.reviewResult !== '同意') missing.push(`法制审核未通过(审核意见:${c.reviewResult})`);
  }
  if (c.collectiveRequired && !c.collectiveOn) missing.push('集体讨论决定(《行政处罚法》第五十七条)');
  return missing;
}

/** 公示 due date: 7 工作日 for 处罚/许可, 20 for other decisions. */
export function publicationDue(itemType: string, decidedOn: string): { due: string; basis: string } {
  const seven = SEVEN_DAY_TYPES.includes(itemType);
  const limit = seven ? LIMITS.publish7 : LIMITS.publish20;
  return { due: computeDue(limit.rule, decidedOn).due, basis: limit.basis };
}

export function hearingRequestUntil(notifiedOn: string): string {
  return addWorkdays(notifiedOn, HEARING_REQUEST_WORKDAYS).due;
}

/** 第六十四条: the hearing date must leave 7 工作日 after the notice. */
export function earliestHearingOn(noticeOn: string): string {
  return addWorkdays(noticeOn, HEARING_NOTICE_WORKDAYS).due;
}

export function paymentDue(servedOn: string): string {
  return addCalendarDays(servedOn, PAYMENT_DAYS).due;
}

/** 第七十二条: 3% of the fine per day late, never more than the fine itself (yuan, 2 decimals). */
export function surcharge(fine: number, dueOn: string, paidOn: string): number {
  if (paidOn <= dueOn || fine <= 0) return 0;
  const days = Math.round((Date.parse(paidOn) - Date.parse(dueOn)) / 86_400_000);
  return Math.min(fine, Math.round(fine * 0.03 * days * 100) / 100);
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

/** Why an officer may not act on `on` (第四十二条: 具有行政执法资格), or null. */
export function certificateProblem(
  o: {
    name: string;
    certNo: string | null;
    validFrom: string | null;
    validTo: string | null;
    status: string;
  },
  on: string,
): string | null {
  if (!o.certNo) return `${o.name}未取得行政执法证件,不能从事执法`;
  if (o.status !== '有效') return `${o.name}的执法证(${o.certNo})已${o.status},不能从事执法`;
  if (o.validFrom && on < o.validFrom)
    return `${o.name}的执法证(${o.certNo})自 ${o.validFrom} 起有效,${on} 尚未生效`;
  if (o.validTo && on > o.validTo) return `${o.name}的执法证(${o.certNo})已于 ${o.validTo} 过期`;
  return null;
}
