/** One quantitative statement found in a report. */
export interface Claim {
  /** The sentence fragment the claim comes from (exactly `text.slice(offset, offset + text.length)`). */
  text: string;
  /** What is measured, normalised: '化解率', '办结率', '参考率', '出庭应诉率', '信访', '合计' … */
  metric: string;
  numerator: number | null;
  denominator: number | null;
  /** The stated value: a percentage for rates, a count for counts (the total for '合计'). */
  stated: number | null;
  /** Recomputed percentage for rates with both counts; for '合计' the sum of the parts. */
  computed: number | null;
  /** Null when it cannot be checked (missing counts, approximate figures, bare counts). */
  consistent: boolean | null;
  kind: 'rate' | 'count';
  /** 件, 起, 宗, 人次, 批, 场次, 人 … (for rates: the unit of the counts). */
  unit?: string;
  /** Character offset of `text` in the checked text (for highlighting). */
  offset?: number;
  /** Chinese explanation of the check. */
  note?: string;
  /** The figure is approximate (余, 多, 近, 约, 以上 …) and is never flagged. */
  approximate?: boolean;
}

export type SectionKey = 'achievements' | 'shortcomings' | 'leadership' | 'plans' | 'other';

export interface SectionFinding {
  found: boolean;
  heading: string | null;
  offset: number | null;
}

export interface CheckResult {
  sections: Record<SectionKey, SectionFinding>;
  claims: Claim[];
  /** The claims with consistent === false. */
  mismatches: Claim[];
}
