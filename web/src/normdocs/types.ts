import type { TimelineEntry } from '../ledger/types';

export interface NormdocsSettings {
  reviewWorkdays: number;
  filingDays: number;
  effectiveAfterDays: number;
  validityYears: number;
  temporaryValidityYears: number;
  reminderMonths: number;
  numberFormat: string;
}

export interface NormdocsMeta {
  can: Record<'draft' | 'review' | 'filingReview' | 'supervise' | 'manage' | 'import' | 'personal', boolean>;
  docTypes: string[];
  reviewResults: string[];
  deliberationResults: string[];
  publishMedia: string[];
  filingResults: string[];
  cleanupResults: string[];
  statuses: { value: string; label: string }[];
  steps: { step: string; label: string }[];
  settings: NormdocsSettings;
  indicators: { id: string; name: string; unit: string; formula: string }[];
}

export interface DocumentListItem {
  id: number;
  orgCode: string;
  orgName: string | null;
  title: string;
  docType: string;
  draftUnit: string | null;
  docNo: string | null;
  registrationNo: string | null;
  temporary: boolean;
  status: string;
  statusLabel: string;
  effect: string;
  draftedOn: string;
  reviewedOn: string | null;
  reviewResult: string | null;
  deliberatedOn: string | null;
  meeting: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  validUntil: string | null;
  filingDueOn: string | null;
  filedOn: string | null;
  filingLate: boolean;
  filingResult: string | null;
  lastCleanupResult: string | null;
}

export interface FilingItem extends DocumentListItem {
  filedTo: string | null;
  filingReviewedOn: string | null;
  filingReason: string | null;
  filingReviewer: string | null;
  filingCorrections: number;
}

export interface ListResponse<T> {
  total: number;
  items: T[];
}

export interface DocDeadline {
  step: string;
  title: string;
  startsOn: string;
  dueOn: string;
  status: string;
  doneOn: string | null;
  legalBasis: string | null;
  overdue: boolean;
  late: boolean;
}

export interface DocumentDetail extends Omit<DocumentListItem, 'filingLate'> {
  summary: string | null;
  body: string | null;
  publishMedium: string | null;
  registeredOn: string | null;
  registrationSeq: number | null;
  reviewSubmittedOn: string | null;
  deliberationResult: string | null;
  filedTo: string | null;
  filedToName: string | null;
  filingReviewedOn: string | null;
  filingReason: string | null;
  filingReviewer: string | null;
  filingCorrections: number;
  lastCleanupOn: string | null;
  endedOn: string | null;
  consultation: {
    id: number;
    opensOn: string;
    closesOn: string;
    resultsPublishedOn: string | null;
    counts: { comments: number; answered: number };
  } | null;
  cleanups: { id: number; campaign: string; result: string; reviewedOn: string; note: string | null }[];
  deadlines: DocDeadline[];
  missing: string[];
  allowedSteps: { step: string; label: string }[];
  canFilingReview: boolean;
  timeline: TimelineEntry[];
}

export interface Suggestion {
  id: number;
  orgCode: string;
  documentId: number;
  title: string;
  registrationNo: string | null;
  text: string;
  authorName: string | null;
  contact: string | null;
  submittedOn: string;
  repliedOn: string | null;
  reply: string | null;
}

export interface PublicDocument {
  id: number;
  orgName: string | null;
  title: string;
  docType: string;
  registrationNo: string | null;
  docNo: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  validUntil: string | null;
  temporary: boolean;
  effect: string;
}

export interface PublicDocumentDetail extends PublicDocument {
  summary: string | null;
  body: string | null;
  history: { on: string; label: string }[];
}
