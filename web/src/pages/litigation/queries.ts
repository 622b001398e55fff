import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { type CaseListParams, queryString, useLedgerMeta } from '../../ledger/queries';
import type { TimelineEntry } from '../../ledger/types';

export const MODULE = 'litigation';
export const BASE = '/api/litigation';

export interface LitigationMeta {
  can: { manage: boolean; import: boolean; personal: boolean };
  actKinds: string[];
  partyKinds: string[];
  procedures: string[];
  decisionTypes: string[];
  judgmentTypes: string[];
  instances: string[];
  headRoles: string[];
  absenceReasons: string[];
  suggestionKinds: string[];
  appealBy: string[];
  suggestionReplyDays: number;
  today: string;
  indicators: { id: string; name: string; unit: string; formula: string }[];
}

export interface Deadline {
  entity: string;
  entityId: string;
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

export interface ReconsiderationItem {
  id: number;
  orgCode: string;
  orgName: string | null;
  authority: string;
  caseNo: string | null;
  applicantName: string;
  applicantKind: string;
  applicantIdNo: string | null;
  applicantPhone: string | null;
  act: string;
  actKind: string;
  actOn: string | null;
  procedure: string;
  receivedOn: string;
  repliedOn: string | null;
  hearingOn: string | null;
  decisionType: string | null;
  decidedOn: string | null;
  opinionReceivedOn: string | null;
  rectifiedOn: string | null;
  enforcementCaseId: number | null;
  replyDueOn: string | null;
  overdue: boolean;
}

export interface ReconsiderationDetail extends ReconsiderationItem {
  amount: number | null;
  hearingHeadAttended: boolean | null;
  hearingHeadName: string | null;
  hearingNote: string | null;
  servedOn: string | null;
  decisionNote: string | null;
  opinionContent: string | null;
  rectificationReport: string | null;
  note: string | null;
  corrected: boolean;
  deadlines: Deadline[];
  allowedSteps: { step: string; label: string }[];
  lawsuits: { id: number; caseNo: string | null; court: string; instance: string }[];
  timeline: TimelineEntry[];
  warning?: string | null;
}

export interface HearingBrief {
  id: number;
  hearingOn: string;
  headAppeared: boolean | null;
  headName: string | null;
  headPost: string | null;
}

export interface LawsuitItem {
  id: number;
  orgCode: string;
  orgName: string | null;
  court: string;
  instance: string;
  caseNo: string | null;
  plaintiffName: string;
  plaintiffKind: string;
  plaintiffIdNo: string | null;
  plaintiffPhone: string | null;
  act: string;
  actKind: string;
  filedOn: string;
  answeredOn: string | null;
  judgmentType: string | null;
  judgedOn: string | null;
  appealed: boolean;
  suggestionKind: string | null;
  suggestionReceivedOn: string | null;
  suggestionRepliedOn: string | null;
  reconsiderationId: number | null;
  enforcementCaseId: number | null;
  answerDueOn: string | null;
  hearings: HearingBrief[];
  overdue: boolean;
}

export interface Hearing {
  id: number;
  hearingOn: string;
  courtNotifiedHead: boolean;
  headAppeared: boolean | null;
  headName: string | null;
  headPost: string | null;
  headRole: string | null;
  delegateName: string | null;
  delegatePost: string | null;
  absenceReason: string | null;
  proofSubmitted: boolean | null;
  note: string | null;
  held: boolean;
}

export interface LawsuitDetail extends Omit<LawsuitItem, 'hearings'> {
  actOn: string | null;
  judgmentNote: string | null;
  appealedOn: string | null;
  appealBy: string | null;
  suggestionContent: string | null;
  suggestionReply: string | null;
  note: string | null;
  lost: boolean;
  hearings: Hearing[];
  deadlines: Deadline[];
  allowedSteps: { step: string; label: string }[];
  timeline: TimelineEntry[];
  warning?: string | null;
}

interface ListResponse<T> {
  total: number;
  items: T[];
}

export function useLitigationMeta(org: string | null | undefined) {
  return useLedgerMeta<LitigationMeta>(MODULE, org);
}

export function useLitigationList<T>(
  path: 'reconsiderations' | 'lawsuits',
  params: CaseListParams,
  enabled = true,
) {
  return useQuery({
    queryKey: [MODULE, path, params],
    queryFn: ({ signal }) => api.get<ListResponse<T>>(`${BASE}/${path}${queryString(params)}`, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useLitigationRecord<T>(path: 'reconsiderations' | 'lawsuits', id: string | undefined) {
  return useQuery({
    queryKey: [MODULE, 'case', path, id],
    queryFn: ({ signal }) => api.get<T>(`${BASE}/${path}/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === MODULE && q.queryKey[1] !== 'meta' });
    void qc.invalidateQueries({ queryKey: ['indicators'] });
    void qc.invalidateQueries({ queryKey: ['supervision'] });
    void qc.invalidateQueries({ queryKey: ['home'] });
  };
}

/** `POST /api/litigation/<path>`; the answer replaces the cached record when it is one. */
export function useLitigationPost<T>(
  path: string,
  record?: { path: 'reconsiderations' | 'lawsuits'; id: string },
) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<T>(`${BASE}${path}`, body),
    onSuccess: (data) => {
      if (record) qc.setQueryData([MODULE, 'case', record.path, record.id], data);
      invalidate();
    },
  });
}

export function useLitigationStep<T>(path: 'reconsiderations' | 'lawsuits', id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { step: string; body: Record<string, unknown> }) =>
      api.post<T>(`${BASE}/${path}/${id}/${input.step}`, input.body),
    onSuccess: (data) => {
      qc.setQueryData([MODULE, 'case', path, id], data);
      invalidate();
    },
  });
}
