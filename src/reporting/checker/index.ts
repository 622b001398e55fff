/**
 * The report checker: reads a 法治政府建设情况报告 written by anyone, finds its five parts and every
 * figure, and flags rates and totals that do not add up.
 */
import { extractClaims } from './claims.js';
import { findSections } from './sections.js';
import type { CheckResult } from './types.js';

export { readReportFile } from './read-file.js';
export type { CheckResult, Claim, SectionFinding, SectionKey } from './types.js';

export function checkReportText(text: string): CheckResult {
  const sections = findSections(text);
  const claims = extractClaims(text);
  return { sections, claims, mismatches: claims.filter((c) => c.consistent === false) };
}
