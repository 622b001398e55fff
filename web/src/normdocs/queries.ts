import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { type CaseListParams, queryString, useLedgerMeta } from '../ledger/queries';
import type {
  DocumentDetail,
  DocumentListItem,
  FilingItem,
  ListResponse,
  NormdocsMeta,
  PublicDocument,
  PublicDocumentDetail,
  Suggestion,
} from './types';

export const MODULE = 'normdocs';
export const BASE = '/api/normdocs';
export const PORTAL = '/portal/normdocs';

export function useNormdocsMeta(org: string | null | undefined) {
  return useLedgerMeta<NormdocsMeta>(MODULE, org);
}

export function useDocuments(params: CaseListParams, enabled = true) {
  return useQuery({
    queryKey: [MODULE, 'documents', params],
    queryFn: ({ signal }) =>
      api.get<ListResponse<DocumentListItem>>(`${BASE}/documents${queryString(params)}`, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: [MODULE, 'case', id],
    queryFn: ({ signal }) =>
      api.get<DocumentDetail>(`${BASE}/documents/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Everything a change may make stale: lists, figures, the kernel's review and consultation cards. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === MODULE && q.queryKey[1] !== 'meta' });
    void qc.invalidateQueries({ queryKey: ['indicators'] });
    void qc.invalidateQueries({ queryKey: ['legal-reviews'] });
  };
}

export function useCreateDocument() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<{ id: number }>(`${BASE}/documents`, body),
    onSuccess: invalidate,
  });
}

export function useDocumentStep(id: number | string) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { step: string; body: Record<string, unknown> }) =>
      api.post<DocumentDetail>(`${BASE}/documents/${id}/${input.step}`, input.body),
    onSuccess: (doc) => {
      qc.setQueryData([MODULE, 'case', String(id)], doc);
      invalidate();
    },
  });
}

export function useFilings(params: CaseListParams, enabled = true) {
  return useQuery({
    queryKey: [MODULE, 'filings', params],
    queryFn: ({ signal }) =>
      api.get<ListResponse<FilingItem>>(`${BASE}/filings${queryString(params)}`, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useSuggestions(params: CaseListParams, enabled = true) {
  return useQuery({
    queryKey: [MODULE, 'suggestions', params],
    queryFn: ({ signal }) =>
      api.get<ListResponse<Suggestion>>(`${BASE}/suggestions${queryString(params)}`, { signal }),
    enabled,
  });
}

export function useReplySuggestion() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: number; reply: string }) =>
      api.post<Suggestion>(`${BASE}/suggestions/${input.id}/reply`, { reply: input.reply }),
    onSuccess: invalidate,
  });
}

export function usePortalDocuments(params: { q?: string; page: number }) {
  return useQuery({
    queryKey: ['portal', MODULE, 'documents', params],
    queryFn: ({ signal }) =>
      api.get<ListResponse<PublicDocument>>(`${PORTAL}/documents${queryString(params)}`, {
        signal,
        redirectOn401: false,
      }),
    placeholderData: (previous) => previous,
  });
}

export function usePortalDocument(id: string | undefined) {
  return useQuery({
    queryKey: ['portal', MODULE, 'document', id],
    queryFn: ({ signal }) =>
      api.get<PublicDocumentDetail>(`${PORTAL}/documents/${encodeURIComponent(id ?? '')}`, {
        signal,
        redirectOn401: false,
      }),
    enabled: Boolean(id),
  });
}

export function useSubmitSuggestion(id: number | string) {
  return useMutation({
    mutationFn: (body: { text: string; authorName?: string; contact?: string }) =>
      api.post<{ id: number; submittedOn: string; handledBy: string }>(
        `${PORTAL}/documents/${id}/suggestions`,
        body,
        { redirectOn401: false },
      ),
  });
}
