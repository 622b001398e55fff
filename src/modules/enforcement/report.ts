import type { ReportParagraph } from '../../kernel/module.js';

// PLACEHOLDER (helper D replaces this file)
export function enforcementReport(
  _figures: ReadonlyMap<string, { value: number | null }>,
): ReportParagraph[] {
  return [];
}
