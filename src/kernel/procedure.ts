/** What every procedure's transition table holds (a module's rules.ts), and the checks all steps share. */
export interface Transition<S extends string> {
  from: readonly S[];
  to: S | null; // null: recorded on the record without changing its state
  label: string;
  perm: string;
}

/** Why a step cannot run now, in Chinese, or null: the state must allow it, its date be neither future nor before the last step. */
export function transitionProblem<S extends string>(
  t: Transition<S>,
  status: S,
  statusLabel: string,
  on: string,
  lastOn: string,
  today: string,
): string | null {
  if (!t.from.includes(status)) return `当前状态为「${statusLabel}」,不能执行「${t.label}」`;
  if (on > today) return '日期不能晚于今天';
  if (on < lastOn) return `日期不能早于上一环节的日期 ${lastOn}`;
  return null;
}

/** The latest of a record's step dates (YYYY-MM-DD strings compare as dates). */
export function latestDate(dates: readonly (string | null | undefined)[]): string {
  return (
    dates
      .filter((d): d is string => Boolean(d))
      .sort()
      .at(-1) ?? ''
  );
}
