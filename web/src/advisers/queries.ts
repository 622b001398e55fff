import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { moduleBase, queryString, useLedgerMeta } from '../ledger/queries';

export const MODULE = 'advisers';
export const BASE = moduleBase(MODULE);
/** The module's public API (the kernel mounts it at /portal/<module id>). */
export const PORTAL_BASE = '/portal/advisers';

type Params = Record<string, string | number | undefined | null>;

export interface AdvisersMeta {
  can: { manage: boolean; log: boolean; import: boolean; personal: boolean };
  firmKinds: string[];
  kinds: { value: ActivityKind; label: string }[];
  ways: string[];
  today: string;
  indicators: { id: string; name: string; unit: string; formula: string }[];
}

export type ActivityKind = '坐班' | '咨询' | '讲座' | '调解';

export interface OrgRef {
  code: string;
  name: string | null;
}

export interface ContractItem {
  id: number;
  orgCode: string;
  orgName: string | null;
  contractNo: string | null;
  adviserName: string;
  licenseNo: string | null;
  firm: string;
  firmKind: string;
  phone: string | null;
  userId: number | null;
  startsOn: string;
  endsOn: string;
  terminatedOn: string | null;
  fee: number | null;
  dutySchedule: string | null;
  active: boolean;
  overlapping: boolean;
  covers: OrgRef[];
}

export interface Activity {
  id: number;
  contractId?: number;
  adviserName?: string;
  firm?: string;
  kind: ActivityKind;
  on: string;
  orgCode: string;
  orgName: string | null;
  hours: number | null;
  people: number | null;
  way: string | null;
  topic: string | null;
  matters: string | null;
  source: string;
}

export interface LegalReview {
  id: number;
  orgCode: string;
  orgName: string | null;
  module: string;
  entity: string;
  entityId: string;
  title: string;
  submittedOn: string;
  dueOn: string;
  reviewedOn: string | null;
  reviewerName?: string | null;
  result: string | null;
  adviserInvolved?: boolean;
  contractId?: number | null;
  problem?: string;
}

export interface ContractDetail extends Omit<ContractItem, 'covers' | 'overlapping'> {
  note: string | null;
  terminationReason: string | null;
  covers: { code: string; name: string | null; level: string | null }[];
  overlaps: { contractId: number; adviserName: string; orgCode: string; orgName: string }[];
  activities: Activity[];
  totals: { kind: ActivityKind; n: number; people: number; hours: number }[];
  reviews: LegalReview[];
}

export interface CoverageVillage {
  code: string;
  name: string;
  township: string | null;
  advisers: { contractId: number; adviserName: string; firm: string; endsOn: string }[];
  covered: boolean;
  overlapping: boolean;
}

export interface Coverage {
  on: string;
  total: number;
  covered: number;
  rate: number | null;
  items: CoverageVillage[];
}

export interface IdleReport {
  year: number;
  quarter: number;
  from: string;
  to: string;
  open: boolean;
  idleAdvisers: {
    id: number;
    orgCode: string;
    orgName: string | null;
    adviserName: string;
    firm: string;
    startsOn: string;
    endsOn: string;
    userId: number | null;
    covers: string[];
    lastActivityOn: string | null;
  }[];
  reviews: LegalReview[];
}

export interface PortalVillage {
  code: string;
  name: string;
  township: string | null;
  advisers: { adviserName: string; firm: string; firmKind: string; dutySchedule: string | null }[];
}

export const useAdvisersMeta = (org: string | null | undefined) => useLedgerMeta<AdvisersMeta>(MODULE, org);

function useGet<T>(path: string, params: Params, enabled = true) {
  return useQuery({
    queryKey: [MODULE, path, params],
    queryFn: ({ signal }) => api.get<T>(`${BASE}${path}${queryString(params)}`, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export const useContracts = (p: Params, enabled = true) =>
  useGet<{ total: number; items: ContractItem[] }>('/contracts', p, enabled);
export const useContract = (id: string | undefined) =>
  useGet<ContractDetail>(`/contracts/${encodeURIComponent(id ?? '')}`, {}, Boolean(id));
export const useCoverage = (p: Params, enabled = true) => useGet<Coverage>('/coverage', p, enabled);
export const useActivities = (p: Params, enabled = true) =>
  useGet<{ total: number; consultations: number; items: Activity[] }>('/activities', p, enabled);
export const useReviews = (p: Params, enabled = true) =>
  useGet<{ total: number; items: LegalReview[] }>('/reviews', p, enabled);
export const useIdle = (p: Params, enabled = true) => useGet<IdleReport>('/idle', p, enabled);
export const useAccounts = (org: string | null | undefined, enabled = true) =>
  useGet<{ id: number; username: string; displayName: string; orgCode: string }[]>(
    '/accounts',
    { org },
    Boolean(org) && enabled,
  );

export function usePortalVillages(org: string | undefined) {
  return useQuery({
    queryKey: ['portal', MODULE, org ?? null],
    queryFn: ({ signal }) =>
      api.get<{ on: string; items: PortalVillage[] }>(`${PORTAL_BASE}/villages${queryString({ org })}`, {
        signal,
      }),
  });
}

/** A POST to the module; everything of the module (and figures) is refetched after. */
export function useAdvisersPost<Body, Out>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.post<Out>(`${BASE}${path}`, body),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) =>
          (q.queryKey[0] === MODULE && q.queryKey[1] !== 'meta') || q.queryKey[0] === 'indicators',
      }),
  });
}

export const MODULE_LABELS: Record<string, string> = {
  decisions: '重大行政决策',
  normdocs: '行政规范性文件',
  enforcement: '重大执法决定',
};
