/** Types of the 行政执法 (enforcement) module's API. */

import type { IndicatorMeta, TimelineEntry } from '../ledger/types';

export type EnforcementStatus =
  | 'filed'
  | 'investigated'
  | 'notified'
  | 'hearing'
  | 'decided'
  | 'served'
  | 'executed'
  | 'closed'
  | 'archived';

export type EnforcementStep =
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

export type Procedure = 'simple' | 'ordinary';

export interface EnforcementCan {
  handle: boolean;
  review: boolean;
  manage: boolean;
  inspect: boolean;
  evaluate: boolean;
  import: boolean;
  personal: boolean;
}

export interface EnforcementSettings {
  onSpotMaxPerson: number;
  onSpotMaxOrg: number;
  hearingFinePerson: number;
  hearingFineOrg: number;
  extensionMaxDays: number;
  extensionsAllowed: number;
  retainYearsPerson: number;
  retainYearsOther: number;
  reviewWorkdays: number;
  certReminderDays: number;
}

export interface EnforcementMeta {
  can: EnforcementCan;
  sources: string[];
  partyTypes: string[];
  penaltyTypes: string[];
  decisionKinds: string[];
  reviewResults: string[];
  serviceMethods: string[];
  evidenceKinds: string[];
  majorReasons: string[];
  itemTypes: string[];
  listKinds?: string[];
  statuses: { value: EnforcementStatus; label: string }[];
  steps: { step: EnforcementStep; label: string }[];
  settings: EnforcementSettings;
  indicators: IndicatorMeta[];
}

export interface CaseListItem {
  id: number;
  caseNo: string;
  orgCode: string;
  orgName: string | null;
  procedure: Procedure;
  procedureLabel: string;
  itemName: string;
  itemType: string;
  partyType: string;
  partyName: string;
  summary: string;
  status: EnforcementStatus;
  statusLabel: string;
  filedOn: string;
  decidedOn: string | null;
  decisionKind: string | null;
  major: boolean;
  fineAmount: number | null;
  nextDue: string | null;
  overdue: boolean;
}

export interface Paged<T> {
  total: number;
  items: T[];
}

export interface CaseDeadline {
  step: string;
  title: string;
  startsOn: string;
  dueOn: string;
  status: 'open' | 'done' | 'cancelled';
  doneOn: string | null;
  legalBasis: string | null;
  provisional: boolean;
  overdue: boolean;
  late: boolean;
}

export interface CaseOfficer {
  officerId: number;
  name: string;
  certNo: string;
  role: string;
}

export interface Evidence {
  id: number;
  step: string;
  kind: string;
  title: string;
  fileId: number;
  sha256: string;
  takenAt: string | null;
  place: string | null;
  note: string | null;
  recordedByName: string | null;
  recordedAt: string;
  removedAt: string | null;
  removedReason: string | null;
}

export interface Publication {
  id: number;
  category: string;
  decisionNo: string;
  decidedOn: string;
  dueOn: string;
  publishedOn: string;
  summary: Record<string, string | number | null>;
  retainUntil: string;
  withdrawnOn: string | null;
  withdrawReason: string | null;
}

export interface CaseDetail extends Omit<CaseListItem, 'itemName' | 'itemType' | 'nextDue' | 'overdue'> {
  itemId: number;
  source: string;
  partyIdNo: string | null;
  partyPhone: string | null;
  partyAddress: string | null;
  investigatedOn: string | null;
  findings: string | null;
  proposal: string | null;
  majorReasons: string[];
  collectiveRequired: boolean;
  notifiedOn: string | null;
  hearingApplicable: boolean;
  hearingRequestUntil: string | null;
  hearingRequestedOn: string | null;
  hearingWaived: boolean;
  hearingNoticeOn: string | null;
  hearingOn: string | null;
  hearingHost: string | null;
  hearingHeldOn: string | null;
  statementText: string | null;
  statementWaived: boolean;
  reviewSubmittedOn: string | null;
  reviewedOn: string | null;
  reviewResult: string | null;
  reviewerName: string | null;
  reviewOpinion: string | null;
  collectiveOn: string | null;
  collectiveAttendees: string | null;
  collectiveMinutes: string | null;
  extendedDays: number | null;
  extensionReason: string | null;
  extensionApprover: string | null;
  decisionNo: string | null;
  penaltyTypes: string[];
  confiscatedAmount: number | null;
  decisionFacts: string | null;
  decisionBasis: string | null;
  performance: string | null;
  remedy: string | null;
  servedOn: string | null;
  serviceMethod: string | null;
  paymentDueOn: string | null;
  paidOn: string | null;
  paidAmount: number | null;
  surcharge: number | null;
  executedOn: string | null;
  executionNote: string | null;
  closedOn: string | null;
  archivedOn: string | null;
  revokedOn: string | null;
  revokeReason: string | null;
  item: { id: number; itemCode: string; version: number; name: string; itemType: string; legalBasis: string };
  officers: CaseOfficer[];
  evidence: Evidence[];
  deadlines: CaseDeadline[];
  publication: Publication | null;
  missing: string[];
  allowedSteps: { step: EnforcementStep; label: string }[];
  timeline: TimelineEntry[];
}

export interface NewCase {
  orgCode: string;
  procedure: Procedure;
  itemId: number;
  source: string;
  partyType: string;
  partyName: string;
  partyIdNo?: string;
  partyPhone?: string;
  partyAddress?: string;
  summary: string;
  filedOn: string;
  officerIds: number[];
  penaltyTypes?: string[];
  fineAmount?: number;
  decisionFacts?: string;
  decisionBasis?: string;
}

export interface Item {
  id: number;
  orgCode: string;
  orgName?: string | null;
  listKind: string;
  itemCode: string;
  version: number;
  name: string;
  itemType: string;
  legalBasis: string;
  office: string | null;
  delegated: boolean;
  discretion: { circumstance: string; range: string }[];
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface ItemDetail extends Item {
  versions: Item[];
}

export interface EligibleOfficer {
  id: number;
  name: string;
  certNo: string;
  orgName: string | null;
  validTo: string | null;
}

export interface Officer {
  id: number;
  orgCode: string;
  orgName?: string | null;
  name: string;
  idCard?: string | null;
  phone?: string | null;
  certNo: string | null;
  issuer: string | null;
  areas: string | null;
  validFrom: string | null;
  validTo: string | null;
  status: string;
  active: boolean;
  /** valid | expiring | expired | none, as the API computes it. */
  certState?: string;
  certStateLabel?: string;
  problem?: string | null;
}

export interface Target {
  id: number;
  name: string;
  uscc?: string | null;
  kind?: string;
  address?: string | null;
}

export interface InspectionResult {
  targetId: number;
  targetName?: string;
  inspectedOn: string;
  result: string;
  note: string | null;
  caseId: number | null;
}

export interface Inspection {
  id: number;
  orgCode: string;
  orgName?: string | null;
  title: string;
  itemId: number | null;
  item?: { id: number; name: string; itemCode: string } | null;
  plannedOn: string;
  targetCount: number;
  inspectorCount: number;
  status: string;
  statusLabel?: string;
  seed: string | null;
  drawnOn: string | null;
  publishedOn: string | null;
  doneOn?: string | null;
}

/** A pool member or a drawn one: the API may send ids or named rows. */
export type Named = number | { id: number; name: string | null; certNo?: string | null };

/** A drawn target with its result (null until entered). */
export interface DrawnTarget {
  id: number;
  name: string | null;
  uscc?: string | null;
  kind?: string | null;
  address?: string | null;
  inspectedOn: string | null;
  result: string | null;
  note: string | null;
  caseId: number | null;
}

export interface InspectionDetail extends Inspection {
  targetPool: Named[] | null;
  officerPool: Named[] | null;
  drawnTargets: DrawnTarget[] | null;
  drawnOfficers: Named[] | null;
  /** The server re-drew from the stored seed and got the same (null before the draw). */
  verified?: boolean | null;
  method?: string;
}

export interface ReviewTemplate {
  id: number;
  orgCode: string;
  name: string;
  items: { key: string; label: string; points: number }[];
  passScore: number;
  active: boolean;
}

export interface CaseReview {
  id: number;
  caseId: number;
  caseNo?: string;
  orgCode: string;
  orgName?: string | null;
  templateId: number;
  templateName?: string;
  reviewerName: string;
  reviewedOn: string;
  scores: Record<string, number>;
  total: number;
  passed: boolean;
  comments: string | null;
}

export interface SummaryRow {
  key?: string;
  orgCode?: string;
  orgName?: string | null;
  officerId?: number;
  name?: string;
  certNo?: string | null;
  count?: number;
  reviews?: number;
  reviewed?: number;
  averageScore?: number | null;
  passed?: number;
  passRate?: number | null;
  avgScore?: number | null;
  average?: number | null;
}

export interface ReviewSummary {
  offices?: SummaryRow[];
  byOffice?: SummaryRow[];
  officers?: SummaryRow[];
  byOfficer?: SummaryRow[];
}

export interface PortalPublication {
  id: number;
  orgName: string | null;
  category: string;
  decisionNo: string;
  decidedOn: string;
  publishedOn: string;
  summary: Record<string, string | number | null> | string;
}
