import { addDays, computeDue } from '../../kernel/calendar.js';
import type { DeadlineRule } from '../../kernel/deadlines.js';
import { type Transition, transitionProblem } from '../../kernel/procedure.js';
import { PASSING_REVIEW, STATUS_LABELS, type Status, type StepName } from './model.js';

export const TRANSITIONS: Record<StepName, Transition<Status>> = {
  consult: { from: ['draft'], to: null, label: '公开征求意见', perm: 'normdocs.draft' },
  submitReview: {
    from: ['draft', 'reviewed'],
    to: 'review',
    label: '提交合法性审核',
    perm: 'normdocs.draft',
  },
  legalReview: { from: ['review'], to: 'reviewed', label: '合法性审核意见', perm: 'normdocs.review' },
  deliberate: { from: ['reviewed'], to: 'deliberated', label: '集体审议', perm: 'normdocs.draft' },
  register: {
    from: ['deliberated'],
    to: 'registered',
    label: '统一登记、编号、印发',
    perm: 'normdocs.draft',
  },
  publish: { from: ['registered'], to: 'published', label: '公布', perm: 'normdocs.draft' },
  file: { from: ['published'], to: null, label: '报送备案', perm: 'normdocs.draft' },
  cleanup: { from: ['published'], to: null, label: '清理', perm: 'normdocs.draft' },
};

/** The rules DOMAIN.md §10 leaves to regions; a county (or any ancestor) overrides them (normdocs_setting). */
export interface NormdocsSettings {
  /** 合法性审核 period in 工作日 (115号: 一般不少于5个工作日、最长不超过15个工作日 — UNVERIFIED). */
  reviewWorkdays: number;
  /** 备案: days from 公布 to report to the org above (某自治区办法第14条: 30日). */
  filingDays: number;
  /** 施行: days after 公布 (一般自公布之日起30日后施行). */
  effectiveAfterDays: number;
  /** 有效期 in years: ordinary, and 暂行/试行. */
  validityYears: number;
  temporaryValidityYears: number;
  /** Months before expiry the 评估 reminder falls due. */
  reminderMonths: number;
  /** 统一登记号 format: {short} org short name, {name} full name, {year}, {n}. */
  numberFormat: string;
}

export const DEFAULT_SETTINGS: NormdocsSettings = {
  reviewWorkdays: 5,
  filingDays: 30,
  effectiveAfterDays: 30,
  validityYears: 5,
  temporaryValidityYears: 2,
  reminderMonths: 6,
  numberFormat: '{short}规〔{year}〕{n}号',
};

export const BASIS = {
  review: '国办发〔2018〕115号:未经合法性审核或者经审核不合法的,不得提交集体审议',
  filing: (days: number) => `行政规范性文件应自公布之日起${days}日内报送上一级备案(本地规定)`,
  effective: '行政规范性文件一般自公布之日起30日后施行',
  expiry: (months: number) => `有效期届满前${months}个月评估是否继续施行(本地规定)`,
} as const;

/** 暂行/试行 in the title: the short validity applies. */
export function isTemporaryTitle(title: string): boolean {
  return /暂行|试行/.test(title);
}

/** The issuing org's short name: 甲镇人民政府 → 甲镇. */
export function shortName(name: string): string {
  return name.replace(/(人民政府|办事处)$/, '') || name;
}

export function formatRegistrationNo(
  format: string,
  v: { name: string; year: number | string; n: number },
): string {
  return format
    .replaceAll('{short}', shortName(v.name))
    .replaceAll('{name}', v.name)
    .replaceAll('{year}', String(v.year))
    .replaceAll('{n}', String(v.n));
}

/** Same month and day `years` later (02-29 → 02-28). */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** `months` before `date`, the day capped at the month's end. */
export function monthsBefore(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const idx = y * 12 + (m - 1) - months;
  const ty = Math.floor(idx / 12);
  const tm = (idx % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function effectiveOnDefault(s: NormdocsSettings, publishedOn: string): string {
  return addDays(publishedOn, s.effectiveAfterDays);
}

/** Last day of validity: N years from 施行, the day before the anniversary. */
export function validUntilOf(s: NormdocsSettings, effectiveOn: string, temporary: boolean): string {
  return addDays(addYears(effectiveOn, temporary ? s.temporaryValidityYears : s.validityYears), -1);
}

export function filingRule(s: NormdocsSettings): DeadlineRule {
  return { kind: 'CAL_DAYS', n: s.filingDays };
}

export function filingDue(s: NormdocsSettings, publishedOn: string): string {
  return computeDue(filingRule(s), publishedOn).due;
}

/** The document fields the guards read. */
export interface GuardState {
  reviewedOn: string | null;
  reviewResult: string | null;
  deliberatedOn: string | null;
  deliberationResult: string | null;
  registrationNo: string | null;
}

/** What is missing before 集体审议 / 登记 / 公布, in Chinese; empty when the step may go ahead. */
export function missingBefore(step: 'deliberate' | 'register' | 'publish', d: GuardState): string[] {
  const missing: string[] = [];
  if (!d.reviewedOn) missing.push('合法性审核(国办发〔2018〕115号:未经合法性审核的不得提交集体审议)');
  else if (!PASSING_REVIEW.includes(d.reviewResult ?? '')) {
    missing.push(`合法性审核结论为「${d.reviewResult}」,应修改后重新送审,审核结论为合法或修改后合法`);
  }
  if (step === 'deliberate') return missing;
  if (!d.deliberatedOn || d.deliberationResult === '不予通过') {
    missing.push('集体审议(经制定机关常务会议、办公会议或者全体会议审议通过)');
  }
  if (step === 'publish' && !d.registrationNo) missing.push('统一登记、统一编号、统一印发');
  return missing;
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

/** The status a published document shows on `asOf`: 尚未施行, 现行有效, 已失效 (expired by date). */
export function effectLabel(
  d: { status: string; effectiveOn: string | null; validUntil: string | null },
  asOf: string,
): string {
  if (d.status === 'repealed') return '已废止';
  if (d.status === 'expired') return '已失效';
  if (d.status !== 'published') return STATUS_LABELS[d.status as Status] ?? d.status;
  if (d.validUntil && d.validUntil < asOf) return '已失效';
  if (d.effectiveOn && d.effectiveOn > asOf) return '尚未施行';
  return '现行有效';
}
