/** Types of the 矛盾纠纷 (disputes) module's API. */

import type { CasePerson, IndicatorMeta, LedgerField, TimelineEntry } from '../ledger/types';

export type DisputeStatus = 'registered' | 'accepted' | 'rejected' | 'mediating' | 'resolved' | 'failed';

export type StepName = 'accept' | 'reject' | 'mediate' | 'resolve' | 'fail' | 'followUp' | 'confirm';

export type PartyRole = '申请人' | '被申请人' | '当事人';

/** What the signed-in user may do at the meta's org. */
export interface DisputesCan {
  register: boolean;
  handle: boolean;
  import: boolean;
  meeting: boolean;
  consult: boolean;
  personal: boolean;
}

export interface DisputesMeta {
  can: DisputesCan;
  sources: string[];
  categories: string[];
  riskLevels: string[];
  statuses: { value: DisputeStatus; label: string }[];
  agreementForms: string[];
  performance: string[];
  transferTargets: string[];
  steps: { step: StepName; label: string }[];
  ledger: LedgerField[];
  indicators: IndicatorMeta[];
}

export interface DisputeListItem {
  id: number;
  caseNo: string;
  orgCode: string;
  orgName: string | null;
  receivedOn: string;
  source: string;
  category: string;
  summary: string;
  riskLevel: string;
  mediatorName: string | null;
  status: DisputeStatus;
  statusLabel: string;
  partyNames: string;
  warning: boolean;
  acceptedOn: string | null;
  resolvedOn: string | null;
  failedOn: string | null;
  rejectedOn: string | null;
}

export interface DisputeListResponse {
  total: number;
  items: DisputeListItem[];
}

export interface Party extends CasePerson {
  role: PartyRole | string;
}

export interface DisputeDetail extends DisputeListItem {
  parties: Party[];
  allowedSteps: { step: StepName; label: string }[];
  timeline: TimelineEntry[];
  mediationOn: string | null;
  rejectReason: string | null;
  agreementForm: string | null;
  agreementText: string | null;
  performance: string | null;
  judicialDueOn: string | null;
  judicialAppliedOn: string | null;
  judicialCourt: string | null;
  judicialResult: string | null;
  followupOn: string | null;
  followupNote: string | null;
  transferTo: string | null;
  transferTarget: string | null;
  channel?: string;
  trackingCode?: string | null;
  contactPhone?: string | null;
}

export interface NewParty {
  name: string;
  idCard?: string;
  phone?: string;
  address?: string;
  role: PartyRole;
}

export interface NewDispute {
  orgCode: string;
  receivedOn: string;
  source: string;
  category: string;
  summary: string;
  riskLevel: string;
  mediatorName?: string;
  parties: NewParty[];
}

export type WarningKind = 'party' | 'place' | 'risk';

export interface DisputeWarning {
  kind: WarningKind;
  label: string;
  orgCode: string;
  orgName: string | null;
  caseIds: number[];
  caseNos: string[];
  latestOn: string;
}

export interface WarningsResponse {
  asOf: string;
  items: DisputeWarning[];
}

export interface Meeting {
  id: number;
  org_code: string;
  org_name: string | null;
  held_on: string;
  title: string;
  attendees: string;
  notes: string;
  cases: number;
}

export interface NewMeeting {
  orgCode: string;
  heldOn: string;
  title: string;
  attendees: string;
  notes: string;
  caseIds: number[];
}

export interface Consultation {
  id: number;
  orgName: string | null;
  name: string;
  phone: string | null;
  description: string;
  trackingCode: string;
  status: 'pending' | 'answered';
  answer: string | null;
  answeredOn: string | null;
  createdAt: string;
}

// ---------- public portal ----------

export interface Place {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface PortalRequest {
  kind: 'dispute' | 'consultation';
  name: string;
  phone: string;
  villageCode: string;
  description: string;
}

export interface PortalRequestCreated {
  trackingCode: string;
  message: string;
}

export type PortalTrackResult =
  | {
      kind: 'dispute';
      status: string;
      receivedOn: string;
      steps: { label: string; on: string }[];
      note: string | null;
    }
  | {
      kind: 'consultation';
      status: string;
      answer: string | null;
      answeredOn: string | null;
    };
