import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { moduleBase, queryString, useLedgerMeta } from '../../ledger/queries';

export const MODULE = 'learning';
export const BASE = moduleBase(MODULE);

type Params = Record<string, string | number | undefined | null>;

export interface LearningMeta {
  can: { manage: boolean; import: boolean; personal: boolean };
  sessionKinds: string[];
  examKinds: string[];
  roles: string[];
  statuses: string[];
  grades: string[];
  occasions: string[];
  evaluations: string[];
  trainingMinHours: number;
  today: string;
  indicators: { id: string; name: string; unit: string; formula: string }[];
}

export interface Session {
  id: number;
  orgCode: string;
  orgName: string | null;
  kind: string;
  heldOn: string;
  topic: string;
  laws: string | null;
  lecturer: string | null;
  attendees: number | null;
  hours: number | null;
  source: string;
}

export interface Stats {
  required: number;
  satRequired: number;
  studied: number;
  sat: number;
  passed: number;
  excellent: number;
  failed: number;
  total: number;
  studyRate: number | null;
  takeRate: number | null;
  passRate: number | null;
  excellentRate: number | null;
}

export interface ExamItem extends Stats {
  id: number;
  orgCode: string;
  orgName: string | null;
  year: number;
  kind: string;
  name: string;
  heldOn: string;
  passScore: number;
  excellentScore: number;
}

export interface Entry {
  id: number;
  examId: number;
  orgCode: string;
  orgName: string | null;
  personName: string;
  idCard: string | null;
  unitName: string | null;
  role: string | null;
  required: boolean;
  sat: boolean;
  status: string;
  score: number | null;
  attempts: number | null;
  passed: boolean;
  grade: string | null;
  makeupScore: number | null;
  studyHours: number | null;
  sittedOn: string | null;
  source: string;
  examName: string;
  examKind: string;
  examHeldOn: string;
}

export interface ExamDetail {
  id: number;
  orgCode: string;
  orgName: string | null;
  year: number;
  kind: string;
  name: string;
  heldOn: string;
  passScore: number;
  goodScore: number;
  excellentScore: number;
  note: string | null;
  stats: Stats;
  entries: Entry[];
  history: {
    id: number;
    at: string;
    actorName: string;
    action: string;
    after: Record<string, unknown> | null;
  }[];
}

export interface Training {
  id: number;
  orgCode: string;
  orgName: string | null;
  officerId: number | null;
  personName: string;
  heldOn: string;
  course: string;
  hours: number;
  organiser: string | null;
}

export interface OfficerHours {
  id: number;
  orgCode: string;
  orgName: string | null;
  name: string;
  certNo: string | null;
  status: string;
  hours: number;
  courses: number;
  met: boolean;
}

export interface Report {
  id: number;
  orgCode: string;
  orgName: string | null;
  year: number;
  leaderName: string;
  post: string;
  reportedOn: string;
  occasion: string;
  summary: string | null;
  evaluation: string | null;
}

export const useLearningMeta = (org: string | null | undefined) => useLedgerMeta<LearningMeta>(MODULE, org);

function useList<T>(path: string, params: Params, enabled = true) {
  return useQuery({
    queryKey: [MODULE, path, params],
    queryFn: ({ signal }) => api.get<T>(`${BASE}/${path}${queryString(params)}`, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export const useSessions = (p: Params, enabled = true) =>
  useList<{ total: number; attendees: number; byKind: { kind: string; n: number }[]; items: Session[] }>(
    'sessions',
    p,
    enabled,
  );
export const useExams = (p: Params, enabled = true) =>
  useList<{ total: number; items: ExamItem[] }>('exams', p, enabled);
export const useEntries = (p: Params, enabled = true) =>
  useList<{ total: number; items: Entry[] }>('entries', p, enabled);
export const useTrainings = (p: Params, enabled = true) =>
  useList<{ total: number; hours: number; items: Training[] }>('trainings', p, enabled);
export const useOfficers = (p: Params, enabled = true) =>
  useList<{
    total: number;
    met: number;
    rate: number | null;
    averageHours: number | null;
    minHours: number;
    from: string;
    to: string;
    items: OfficerHours[];
  }>('officers', p, enabled);
export const useOfficerChoices = (org: string | undefined, enabled = true) =>
  useList<{ id: number; name: string; orgCode: string }[]>(
    'officer-choices',
    { org },
    enabled && Boolean(org),
  );
export const useReports = (p: Params, enabled = true) =>
  useList<{ total: number; items: Report[] }>('reports', p, enabled);

export function useExam(id: string | undefined) {
  return useQuery({
    queryKey: [MODULE, 'exam', id],
    queryFn: ({ signal }) => api.get<ExamDetail>(`${BASE}/exams/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** POST to the module; every list, the exam detail and the figures refresh afterwards. */
export function useLearningPost<T = unknown>() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { path: string; body: unknown }) => api.post<T>(`${BASE}/${input.path}`, input.body),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === MODULE && q.queryKey[1] !== 'meta',
      }),
  });
}

export const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
