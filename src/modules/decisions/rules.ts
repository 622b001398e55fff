import { addDays } from '../../kernel/calendar.js';
import { HEARING_NOTICE_DAYS, PROCEDURE_LABELS, type Procedure } from './model.js';

/** What decides whether 专家论证 and 风险评估 are required (第十九、二十二条). */
export interface Requirements {
  kind: string;
  professional: boolean;
  stabilityRisk: boolean;
  expertWaivedReason?: string | null;
  riskWaivedReason?: string | null;
}

/**
 * Both are required by default; a waiver needs a reason, and none is possible when the decision is
 * flagged 专业性、技术性较强 (专家论证) or 涉及社会稳定风险 (风险评估).
 */
export function requirementProblem(r: Requirements): string | null {
  if (r.kind !== '重大行政决策') return null;
  if (r.professional && r.expertWaivedReason?.trim()) {
    return '专业性、技术性较强的决策事项应当组织专家论证,不能免于论证(第十九条)';
  }
  if (r.stabilityRisk && r.riskWaivedReason?.trim()) {
    return '可能对社会稳定造成不利影响的决策事项应当进行风险评估,不能免于评估(第二十二条)';
  }
  return null;
}

export function expertRequired(r: Requirements): boolean {
  return r.kind === '重大行政决策' && (r.professional || !r.expertWaivedReason?.trim());
}
export function riskRequired(r: Requirements): boolean {
  return r.kind === '重大行政决策' && (r.stabilityRisk || !r.riskWaivedReason?.trim());
}

/** The procedures a decision must complete before its collective discussion, in statutory order. */
export function requiredProcedures(r: Requirements): Procedure[] {
  if (r.kind !== '重大行政决策') return ['collective'];
  const out: Procedure[] = ['participation'];
  if (expertRequired(r)) out.push('expert');
  if (riskRequired(r)) out.push('risk');
  out.push('legal', 'collective');
  return out;
}

export interface ProcedureState {
  participation: boolean;
  expert: boolean;
  risk: boolean;
  legal: boolean;
  collective: boolean;
}

/** Required procedures (before the collective discussion) not yet complete, as labels. */
export function missingBefore(r: Requirements, done: ProcedureState): string[] {
  return requiredProcedures(r)
    .filter((p) => p !== 'collective' && !done[p])
    .map((p) => PROCEDURE_LABELS[p]);
}

export function missingMessage(missing: string[]): string {
  return `尚缺:${missing.join('、')}`;
}

/** 第十七条: 听证会材料7日前送达; the participant list published beforehand. */
export function hearingProblem(
  heldOn: string,
  materialsSentOn?: string | null,
  listPublishedOn?: string | null,
) {
  if (!materialsSentOn) return '听证会应当记录材料送达参加人的日期(第十七条)';
  if (materialsSentOn > addDays(heldOn, -HEARING_NOTICE_DAYS)) {
    return `听证会材料应当于召开听证会${HEARING_NOTICE_DAYS}日前送达参加人(第十七条):${materialsSentOn} 送达,${heldOn} 召开`;
  }
  if (listPublishedOn && listPublishedOn > heldOn) return '听证参加人名单应当在听证会前公布';
  return null;
}

const norm = (s: string) => s.replace(/[\s()（）·]/g, '');

/**
 * 第三十六条: a third-party post-evaluation may not be entrusted to one that did the main 论证/评估
 * before the decision. Compared by name (a name containing the other counts as the same).
 */
export function thirdPartyProblem(
  evaluator: string,
  earlier: {
    expertUnit?: string | null;
    experts?: { name: string; unit?: string | null }[] | null;
    riskAssessor?: string | null;
  },
): string | null {
  const e = norm(evaluator);
  if (!e) return null;
  const names = [
    earlier.expertUnit,
    earlier.riskAssessor,
    ...(earlier.experts ?? []).flatMap((x) => [x.name, x.unit]),
  ]
    .filter((x): x is string => Boolean(x?.trim()))
    .map(norm)
    .filter((x) => x.length >= 2);
  const hit = names.find((n) => n === e || n.includes(e) || e.includes(n));
  return hit
    ? `第三方评估机构「${evaluator}」曾承担决策前的论证或评估工作,不得受托开展决策后评估(第三十六条)`
    : null;
}
