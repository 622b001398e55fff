export interface Option {
  value: string;
  label: string;
}

export interface DecisionsMeta {
  can: { handle: boolean; review: boolean; manage: boolean };
  today: string;
  kinds: string[];
  categories: string[];
  sanzhong: string[];
  meetingTypes: string[];
  sanzhongMeetingTypes: string[];
  participationKinds: string[];
  riskLevels: string[];
  outcomes: string[];
  evalTriggers: string[];
  evalConclusions: string[];
  minReviewWorkdays: number;
  procedures: Option[];
  evidenceProcedures: Option[];
  statuses: Option[];
  indicators: { id: string; name: string; unit: string; formula: string }[];
}

export interface DecisionListItem {
  id: number;
  decisionNo: string;
  orgCode: string;
  orgName: string | null;
  kind: string;
  matter: string | null;
  title: string;
  category: string | null;
  sponsorUnit: string;
  launchedOn: string;
  status: string;
  statusLabel: string;
  inCatalogue: boolean;
  consultationClosesOn: string | null;
  legalResult: string | null;
  decidedOn: string | null;
  publishedOn: string | null;
  evalDoneOn: string | null;
}

export interface ProcedureItem {
  procedure: string;
  label: string;
  required: boolean;
  done: boolean;
  detail: string | null;
  waivedReason: string | null;
}

export interface DecisionDetail {
  id: number;
  decisionNo: string;
  orgCode: string;
  orgName: string | null;
  kind: string;
  matter: string | null;
  title: string;
  category: string | null;
  catalogueItem: { id: number; itemNo: number; title: string; year: number } | null;
  outOfCatalogueReason: string | null;
  sponsorUnit: string;
  draft: string;
  launchedOn: string;
  status: string;
  statusLabel: string;
  professional: boolean;
  stabilityRisk: boolean;
  expertRequired: boolean;
  expertWaivedReason: string | null;
  riskRequired: boolean;
  riskWaivedReason: string | null;
  noConsultationReason: string | null;
  expertOn: string | null;
  expertUnit: string | null;
  experts: { name: string; title?: string | null; unit?: string | null }[] | null;
  expertOpinions: string | null;
  expertAdoption: string | null;
  expertConflictChecked: boolean;
  expertConflictNote: string | null;
  expertDisclosed: boolean;
  riskOn: string | null;
  riskAssessor: string | null;
  riskReport: string | null;
  riskLevel: string | null;
  riskControllable: boolean | null;
  meetingType: string | null;
  meetingOn: string | null;
  attendees: string | null;
  minutes: string | null;
  dissent: string | null;
  headOpinion: string | null;
  outcome: string | null;
  decisionText: string | null;
  decidedOn: string | null;
  partyReportedOn: string | null;
  publishedOn: string | null;
  publishChannel: string | null;
  publicText: string | null;
  executionUnit: string | null;
  evalPlannedOn: string | null;
  evalTrigger: string | null;
  evalEvaluator: string | null;
  evalThirdParty: boolean;
  evalDoneOn: string | null;
  evalReport: string | null;
  evalConclusion: string | null;
  procedures: ProcedureItem[];
  missing: string[];
  consultation: {
    id: number;
    opensOn: string;
    closesOn: string;
    days: number;
    shortenedReason: string | null;
    resultsPublishedOn: string | null;
    counts: { comments: number; answered: number };
  } | null;
  meetings: {
    id: number;
    kind: string;
    heldOn: string;
    materialsSentOn: string | null;
    participants: string;
    opinions: string;
  }[];
  reports: { id: number; reportedOn: string; unit: string; text: string }[];
  evidence: {
    id: number;
    procedure: string;
    procedureLabel: string;
    title: string;
    fileId: number;
    sha256: string;
    recordedByName: string | null;
    recordedAt: string;
    removedAt: string | null;
  }[];
  deadlines: {
    step: string;
    title: string;
    dueOn: string;
    status: string;
    doneOn: string | null;
    overdue: boolean;
  }[];
  allowedSteps: { step: string }[];
  timeline: { at: string; actor: string; action: string; label: string; on: string | null }[];
}

export interface CatalogueItem {
  id: number;
  itemNo: number;
  title: string;
  category: string;
  sponsorUnit: string;
  plannedPeriod: string | null;
  addedOn: string;
  removedOn: string | null;
  decisionId?: number | null;
  decisionStatusLabel: string | null;
}

export interface Catalogue {
  id: number;
  orgCode: string;
  orgName: string | null;
  year: number;
  title: string;
  partyApprovedOn: string | null;
  publishedOn: string | null;
  items: CatalogueItem[];
}

export interface PortalDecisionItem {
  id: number;
  decisionNo: string;
  orgName: string | null;
  kind: string;
  title: string;
  category: string | null;
  decidedOn: string | null;
  publishedOn: string | null;
  commentCount: number;
}

export interface PortalDecision {
  id: number;
  decisionNo: string;
  orgName: string | null;
  kind: string;
  matter: string | null;
  title: string;
  category: string | null;
  sponsorUnit: string;
  meetingType: string | null;
  decidedOn: string | null;
  publishedOn: string | null;
  publishChannel: string | null;
  publicText: string | null;
  executionUnit: string | null;
  expert: {
    on: string | null;
    unit: string | null;
    experts: { name: string; title?: string | null; unit?: string | null }[] | null;
    opinions: string | null;
    adoption: string | null;
  } | null;
  consultation: {
    id: number;
    opensOn: string;
    closesOn: string;
    days: number;
    shortenedReason: string | null;
    resultsPublishedOn: string | null;
    adoptionNote: string | null;
    commentCount: number;
    comments: {
      id: number;
      paragraphNo: number | null;
      text: string;
      authorName: string | null;
      decision: string | null;
      reason: string | null;
    }[];
  } | null;
  evaluation: {
    doneOn: string;
    evaluator: string | null;
    thirdParty: boolean;
    conclusion: string | null;
  } | null;
}
