import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload } from '../api';
import {
  type CaseListParams,
  moduleBase,
  queryString,
  useCaseStep,
  useCreateCase,
  useLedgerCase,
  useLedgerCases,
  useLedgerMeta,
} from '../ledger/queries';
import type {
  CaseDetail,
  CaseListItem,
  CaseReview,
  EligibleOfficer,
  EnforcementMeta,
  Evidence,
  Inspection,
  InspectionDetail,
  Item,
  ItemDetail,
  NewCase,
  Officer,
  Paged,
  PortalPublication,
  ReviewSummary,
  ReviewTemplate,
  Target,
} from './types';

export const MODULE = 'enforcement';
export const BASE = moduleBase(MODULE);
/** The module's public API (the kernel mounts it at /portal/<module id>). */
export const PORTAL_BASE = '/portal/enforcement';

type Params = Record<string, string | number | undefined | null>;

export function useEnforcementMeta(org: string | null | undefined) {
  return useLedgerMeta<EnforcementMeta>(MODULE, org);
}

export function useEnforcementCases(params: CaseListParams, enabled = true) {
  return useLedgerCases<Paged<CaseListItem>>(MODULE, params, enabled);
}

export function useEnforcementCase(id: string | undefined) {
  return useLedgerCase<CaseDetail>(MODULE, id);
}

export function useCreateEnforcementCase() {
  return useCreateCase<NewCase, { id: number; caseNo: string }>(MODULE);
}

export function useEnforcementStep(id: number | string) {
  return useCaseStep<CaseDetail>(MODULE, id);
}

/** A GET of the module under `path` with `params`, cached by both. */
export function useModuleGet<T>(path: string, params: Params, enabled = true) {
  return useQuery({
    queryKey: [MODULE, path, params],
    queryFn: ({ signal }) => api.get<T>(`${BASE}${path}${queryString(params)}`, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** A POST of the module; everything of the module but the meta is refetched after it. */
export function useModulePost<Body, Answer = unknown>() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { path: string; body: Body }) => api.post<Answer>(`${BASE}${input.path}`, input.body),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) =>
          (q.queryKey[0] === MODULE && q.queryKey[1] !== 'meta') || q.queryKey[0] === 'indicators',
      }),
  });
}

export function useApplicableItems(org: string | undefined, on: string | undefined) {
  return useModuleGet<Paged<Item>>('/items', { org, on, applicable: 1, pageSize: 500 }, Boolean(org && on));
}

export function useEligibleOfficers(org: string | undefined, on: string | undefined) {
  return useModuleGet<EligibleOfficer[] | Paged<EligibleOfficer>>(
    '/officers/eligible',
    { org, on },
    Boolean(org && on),
  );
}

export const useItems = (params: Params, enabled = true) =>
  useModuleGet<Paged<Item>>('/items', params, enabled);
export const useItem = (id: number | null) => useModuleGet<ItemDetail>(`/items/${id ?? 0}`, {}, id !== null);
export const useOfficers = (params: Params, enabled = true) =>
  useModuleGet<Paged<Officer>>('/officers', params, enabled);
export const useTargets = (params: Params, enabled = true) =>
  useModuleGet<Paged<Target>>('/targets', params, enabled);
export const useInspections = (params: Params, enabled = true) =>
  useModuleGet<Paged<Inspection>>('/inspections', params, enabled);
export const useInspection = (id: string | undefined) =>
  useModuleGet<InspectionDetail>(`/inspections/${id ?? 0}`, {}, Boolean(id));
export const useReviewTemplates = (org: string | null | undefined) =>
  useModuleGet<ReviewTemplate[] | Paged<ReviewTemplate>>('/review-templates', { org }, Boolean(org));
export const useReviews = (params: Params, enabled = true) =>
  useModuleGet<Paged<CaseReview>>('/reviews', params, enabled);
export const useReviewSummary = (params: Params, enabled = true) =>
  useModuleGet<ReviewSummary>('/reviews/summary', params, enabled);

/** Lists may come bare or paged. */
export function rowsOf<T>(data: T[] | Paged<T> | undefined): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items;
}

/** 全过程记录: upload the file at the case's org, then attach it to the case step. */
export function useAddEvidence(caseId: number, orgCode: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      file: File;
      step: string;
      kind: string;
      title: string;
      takenAt?: string;
      place?: string;
      note?: string;
    }) => {
      const form = new FormData();
      form.append('file', input.file, input.file.name);
      const uploaded = await apiUpload<{ id: number }>(`/api/files${queryString({ org: orgCode })}`, form);
      const { file: _file, ...rest } = input;
      return api.post<Evidence>(`${BASE}/cases/${caseId}/evidence`, { fileId: uploaded.data.id, ...rest });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: [MODULE, 'case', String(caseId)] }),
  });
}

export function useRemoveEvidence(caseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { evidenceId: number; reason: string }) =>
      api.post(`${BASE}/evidence/${input.evidenceId}/remove`, { reason: input.reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: [MODULE, 'case', String(caseId)] }),
  });
}

function usePortalGet<T>(path: string, params: Params, enabled = true) {
  return useQuery({
    queryKey: ['portal', MODULE, path, params],
    queryFn: ({ signal }) =>
      api.get<T>(`${PORTAL_BASE}${path}${queryString(params)}`, { signal, redirectOn401: false }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export const usePortalPublications = (params: Params) =>
  usePortalGet<Paged<PortalPublication>>('/publications', params);
export const usePortalPublication = (id: string | undefined) =>
  usePortalGet<PortalPublication>(`/publications/${id ?? 0}`, {}, Boolean(id));
export const usePortalOfficers = (params: Params) => usePortalGet<Paged<Officer>>('/officers', params);
export const usePortalInspections = (params: Params) =>
  usePortalGet<Paged<Inspection> | Inspection[]>('/inspections', params);
export const usePortalInspection = (id: string | undefined) =>
  usePortalGet<InspectionDetail>(`/inspections/${id ?? 0}`, {}, Boolean(id));
