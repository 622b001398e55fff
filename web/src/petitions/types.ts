/** Types of the 信访 (petitions) module's API. */

import type { CasePerson, IndicatorMeta, LedgerField, TimelineEntry } from '../ledger/types';

export type PetitionStatus =
  | 'registered'
  | 'accepted'
  | 'notAccepted'
  | 'objected'
  | 'closed'
  | 'reviewRequested'
  | 'reviewed'
  | 'recheckRequested'
  | 'rechecked';

export type PetitionStep =
  | 'accept'
  | 'notAccept'
  | 'object'
  | 'extend'
  | 'close'
  | 'resolve'
  | 'requestReview'
  | 'review'
  | 'requestRecheck'
  | 'hearing'
  | 'recheck';

/** What the signed-in user may do at the meta's org. */
export interface PetitionsCan {
  register: boolean;
  handle: boolean;
  import: boolean;
  personal: boolean;
}

export interface PetitionsMeta {
  can: PetitionsCan;
  channels: string[];
  categories: string[];
  origins: string[];
  opinions: string[];
  reviewResults: string[];
  statuses: { value: PetitionStatus; label: string }[];
  steps: { step: PetitionStep; label: string }[];
  ledger: LedgerField[];
  indicators: IndicatorMeta[];
}

export interface PetitionListItem {
  id: number;
  petitionNo: string;
  orgCode: string;
  orgName: string | null;
  receivedOn: string;
  channel: string;
  origin: string;
  transferredFrom: string | null;
  category: string;
  subject: string;
  summary: string;
  personCount: number;
  batchCount: number;
  isRepeat: boolean;
  repeatOfId: number | null;
  officeCode: string | null;
  leaderName: string | null;
  leaderPlan: string | null;
  status: PetitionStatus;
  statusLabel: string;
  petitionerNames: string;
  acceptedOn: string | null;
  closedOn: string | null;
  opinion: string | null;
  resolved: boolean;
  resolvedOn: string | null;
  nextDue: string | null;
  overdue: boolean;
}

export interface PetitionListResponse {
  total: number;
  items: PetitionListItem[];
}

export interface Petitioner extends CasePerson {
  isRepresentative: boolean;
}

export type DeadlineStatus = 'open' | 'done' | 'cancelled';

/** A statutory limit of the case (《信访工作条例》): when it started, when it runs out, how it ended. */
export interface CaseDeadline {
  step: string;
  title: string;
  startsOn: string;
  dueOn: string;
  status: DeadlineStatus;
  doneOn: string | null;
  legalBasis: string | null;
  provisional: boolean;
  overdue: boolean;
  late: boolean;
}

export interface PetitionDetail extends Omit<PetitionListItem, 'petitionerNames' | 'nextDue' | 'overdue'> {
  petitioners: Petitioner[];
  deadlines: CaseDeadline[];
  allowedSteps: { step: PetitionStep; label: string }[];
  timeline: TimelineEntry[];
  notAcceptedOn: string | null;
  notAcceptedReason: string | null;
  objectedOn: string | null;
  objectionReason: string | null;
  extendedDays: number | null;
  extensionReason: string | null;
  extensionApprover: string | null;
  extensionNotifiedOn: string | null;
  opinionText: string | null;
  reviewRequestedOn: string | null;
  reviewedOn: string | null;
  reviewResult: string | null;
  reviewText: string | null;
  recheckRequestedOn: string | null;
  recheckHearingDays: number;
  recheckedOn: string | null;
  recheckResult: string | null;
  recheckText: string | null;
}

export interface NewPetitioner {
  name: string;
  idCard?: string;
  phone?: string;
  address?: string;
  isRepresentative: boolean;
}

export interface NewPetition {
  orgCode: string;
  receivedOn: string;
  channel: string;
  origin: string;
  transferredFrom?: string;
  category: string;
  subject: string;
  summary: string;
  batchCount?: number;
  personCount: number;
  officeCode?: string;
  repeatOfId?: number;
  leaderName?: string;
  leaderPlan?: string;
  petitioners: NewPetitioner[];
}
