/** Types of the indicator, dashboard, annual-report, portal and checker APIs. */
import type { Figure } from '../ledger/types';

export type { Figure };

export interface FiguresResponse {
  orgCode: string;
  from: string;
  to: string;
  asOf: string;
  figures: Figure[];
}

export interface BreakdownItem {
  key: string;
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface BreakdownResponse {
  id: string;
  name: string;
  unit: string;
  by: string;
  items: BreakdownItem[];
}

export interface CompareItem {
  code: string;
  name: string;
  level: string;
  figures: Figure[];
}

export interface CompareResponse {
  from: string;
  to: string;
  items: CompareItem[];
}

export type ReportStatus = 'draft' | 'approved' | 'submitted' | 'published';
export type SectionKey = 'achievements' | 'shortcomings' | 'leadership' | 'plans' | 'other';

export interface Narrative {
  heading?: string;
  text: string;
}

export type Narratives = Partial<Record<SectionKey, Narrative[]>>;

export interface ReportRun {
  text: string;
  figure?: { id: string; value: string; drill?: string };
}

export interface ReportBlock {
  kind: 'heading1' | 'heading2' | 'heading3' | 'paragraph';
  runs: ReportRun[];
}

export interface ReportDocument {
  docNumber?: string;
  title: string;
  recipient?: string;
  blocks: ReportBlock[];
  signature: string;
  date: string;
}

export interface Suggestion {
  key: string;
  heading: string;
  runs: ReportRun[];
  accepted: boolean;
}

export interface ComposedReport {
  id: number;
  orgCode: string;
  orgName: string;
  year: number;
  status: ReportStatus;
  statusLabel: string;
  title: string;
  signature: string;
  date: string;
  narratives: Narratives;
  suggestions: Suggestion[];
  figures: Figure[];
  changedSinceApproval: { id: string; name: string; before: string; after: string }[];
  missingSections: string[];
  document: ReportDocument;
  approvedByName: string | null;
  submittedOn: string | null;
  publishedOn: string | null;
  due: { submit: string; publish: string };
}

export interface ReportListItem {
  id: number;
  year: number;
  title: string;
  status: ReportStatus;
  submittedOn: string | null;
  publishedOn: string | null;
}

export interface InboxItem extends ReportListItem {
  orgCode: string;
  orgName: string | null;
  submitDue: string | null;
}

export interface PortalReportItem {
  id: number;
  orgCode: string;
  orgName: string | null;
  year: number;
  title: string;
  publishedOn: string | null;
}

export interface PortalReport {
  id: number;
  orgName: string;
  year: number;
  title: string;
  publishedOn: string | null;
  document: ReportDocument;
}

export interface SectionFinding {
  found: boolean;
  heading: string | null;
  offset: number | null;
}

export interface Claim {
  text: string;
  metric: string;
  numerator: number | null;
  denominator: number | null;
  stated: number | null;
  computed: number | null;
  consistent: boolean | null;
  kind: 'rate' | 'count';
  unit?: string;
  offset?: number;
  note?: string;
  approximate?: boolean;
}

export interface LedgerComparison {
  text: string;
  offset?: number;
  indicator: string;
  name: string;
  stated: number;
  ledger: number | null;
  consistent: boolean;
  note: string;
}

export interface CheckResponse {
  text: string;
  sections: Record<SectionKey, SectionFinding>;
  claims: Claim[];
  mismatches: Claim[];
  ledger: LedgerComparison[];
}
