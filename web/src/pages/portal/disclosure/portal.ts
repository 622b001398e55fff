export interface PortalItem {
  id: number;
  indexNo: string;
  title: string;
  category: string;
  formedOn: string;
  publishedOn: string;
  channel: string | null;
  summary: string | null;
  url: string | null;
  orgName: string | null;
}

export interface PortalTrack {
  requestNo: string;
  statusLabel: string;
  submittedOn: string;
  receivedOn: string | null;
  correctionRequestedOn: string | null;
  correctionItems: string | null;
  correctionDueOn: string | null;
  extendedDays: number | null;
  dueOn: string | null;
  answeredOn: string | null;
  answerType: string | null;
  orgName: string | null;
}

export const PORTAL_BASE = '/portal/disclosure';
