import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload } from '../api';
import { queryString } from '../ledger/queries';
import type {
  Catalogue,
  DecisionDetail,
  DecisionListItem,
  DecisionsMeta,
  PortalDecision,
  PortalDecisionItem,
} from './types';

export const MODULE = 'decisions';
export const BASE = '/api/decisions';
/** The module's public JSON API (the kernel mounts it at /portal/<module id>); pages live at /portal/major-decisions. */
export const PORTAL_API = '/portal/decisions';
type Params = Record<string, string | number | undefined | null>;

export function useDecisionsMeta(org: string | null | undefined) {
  return useQuery({
    queryKey: [MODULE, 'meta', org ?? null],
    queryFn: ({ signal }) =>
      api.get<DecisionsMeta>(`${BASE}/meta${queryString({ org: org ?? undefined })}`, { signal }),
    enabled: Boolean(org),
    staleTime: 10 * 60_000,
  });
}

export function useDecisions(params: Params, enabled = true) {
  return useQuery({
    queryKey: [MODULE, 'list', params],
    queryFn: ({ signal }) =>
      api.get<{ total: number; items: DecisionListItem[] }>(`${BASE}/decisions${queryString(params)}`, {
        signal,
      }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useDecision(id: string | undefined) {
  return useQuery({
    queryKey: [MODULE, 'decision', id],
    queryFn: ({ signal }) => api.get<DecisionDetail>(`${BASE}/decisions/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

function invalidate(client: ReturnType<typeof useQueryClient>) {
  return client.invalidateQueries({
    predicate: (q) =>
      (q.queryKey[0] === MODULE && q.queryKey[1] !== 'meta') ||
      q.queryKey[0] === 'indicators' ||
      q.queryKey[0] === 'consultations' ||
      q.queryKey[0] === 'legal-reviews',
  });
}

export function useCreateDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<{ id: number; decisionNo: string }>(`${BASE}/decisions`, body),
    onSuccess: () => invalidate(client),
  });
}

export function useDecisionStep(id: number | string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { step: string; body: Record<string, unknown> }) =>
      api.post<DecisionDetail>(`${BASE}/decisions/${id}/${input.step}`, input.body),
    onSuccess: (updated) => {
      client.setQueryData([MODULE, 'decision', String(id)], updated);
      void invalidate(client);
    },
  });
}

export function useAddEvidence(id: number, orgCode: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { file: File; procedure: string; title: string; note?: string }) => {
      const form = new FormData();
      form.append('file', input.file, input.file.name);
      const uploaded = await apiUpload<{ id: number }>(`/api/files${queryString({ org: orgCode })}`, form);
      const { file: _f, ...rest } = input;
      return api.post(`${BASE}/decisions/${id}/evidence`, { fileId: uploaded.data.id, ...rest });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: [MODULE, 'decision', String(id)] }),
  });
}

export function useCatalogues(org: string | null, year?: number) {
  return useQuery({
    queryKey: [MODULE, 'catalogues', org, year ?? null],
    queryFn: ({ signal }) =>
      api.get<Catalogue[]>(`${BASE}/catalogues${queryString({ org, year })}`, { signal }),
    enabled: Boolean(org),
  });
}

export function useCatalogueAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { path: string; body: Record<string, unknown> }) =>
      api.post(`${BASE}${input.path}`, input.body),
    onSuccess: () => invalidate(client),
  });
}

export function usePortalCatalogues() {
  return useQuery({
    queryKey: ['portal', MODULE, 'catalogues'],
    queryFn: ({ signal }) => api.get<Catalogue[]>(`${PORTAL_API}/catalogues`, { signal }),
  });
}

export function usePortalDecisions(page: number) {
  return useQuery({
    queryKey: ['portal', MODULE, 'list', page],
    queryFn: ({ signal }) =>
      api.get<{ total: number; items: PortalDecisionItem[] }>(
        `${PORTAL_API}/decisions${queryString({ page })}`,
        {
          signal,
        },
      ),
  });
}

export function usePortalDecision(id: string | undefined) {
  return useQuery({
    queryKey: ['portal', MODULE, 'decision', id],
    queryFn: ({ signal }) => api.get<PortalDecision>(`${PORTAL_API}/decisions/${id}`, { signal }),
    enabled: Boolean(id),
  });
}
