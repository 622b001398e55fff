import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload } from '../api';
import { queryString } from '../ledger/queries';
import type {
  BreakdownResponse,
  CheckResponse,
  CompareResponse,
  ComposedReport,
  FiguresResponse,
  InboxItem,
  Narratives,
  PortalReport,
  PortalReportItem,
  ReportListItem,
} from './types';

export interface Range {
  from: string;
  to: string;
}

export function useFigures(org: string | null, range: Range) {
  return useQuery({
    queryKey: ['indicators', 'figures', org, range.from, range.to],
    queryFn: ({ signal }) =>
      api.get<FiguresResponse>(`/api/indicators${queryString({ org, from: range.from, to: range.to })}`, {
        signal,
      }),
    enabled: Boolean(org),
    placeholderData: keepPreviousData,
  });
}

export function useBreakdown(org: string | null, id: string, by: string, range: Range, enabled = true) {
  return useQuery({
    queryKey: ['indicators', 'breakdown', org, id, by, range.from, range.to],
    queryFn: ({ signal }) =>
      api.get<BreakdownResponse>(
        `/api/indicators/breakdown${queryString({ id, by, org, from: range.from, to: range.to })}`,
        { signal },
      ),
    enabled: Boolean(org) && enabled,
  });
}

export function useCompare(org: string | null, id: string, range: Range, enabled = true) {
  return useQuery({
    queryKey: ['indicators', 'compare', org, id, range.from, range.to],
    queryFn: ({ signal }) =>
      api.get<CompareResponse>(
        `/api/indicators/compare${queryString({ org, ids: id, from: range.from, to: range.to })}`,
        { signal },
      ),
    enabled: Boolean(org) && enabled,
  });
}

export function exportHref(org: string | null, range: Range): string {
  return `/api/indicators/export.xlsx${queryString({ org, from: range.from, to: range.to })}`;
}

const reportKey = (id: number | string) => ['reports', 'annual', String(id)] as const;

export function useReports(org: string | null) {
  return useQuery({
    queryKey: ['reports', 'list', org],
    queryFn: ({ signal }) =>
      api.get<{ items: ReportListItem[] }>(`/api/reports/annual${queryString({ org })}`, { signal }),
    enabled: Boolean(org),
  });
}

export function useInbox(org: string | null, year: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'inbox', org, year ?? null],
    queryFn: ({ signal }) =>
      api.get<{ items: InboxItem[] }>(`/api/reports/inbox${queryString({ org, year })}`, { signal }),
    enabled: Boolean(org) && enabled,
  });
}

export function useReport(id: string | undefined) {
  return useQuery({
    queryKey: reportKey(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<ComposedReport>(`/api/reports/annual/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Every report list and the inbox may be stale after a change. */
function invalidateLists(client: ReturnType<typeof useQueryClient>) {
  return client.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'reports' && q.queryKey[1] !== 'annual',
  });
}

/** `POST /api/reports/annual`: the org's report for the year, created on first use. */
export function useOpenReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { orgCode: string; year: number }) =>
      api.post<ComposedReport>('/api/reports/annual', input),
    onSuccess: (report) => {
      client.setQueryData(reportKey(report.id), report);
      void invalidateLists(client);
    },
  });
}

export interface DraftInput {
  title?: string;
  narratives?: Narratives;
  acceptedSuggestions?: string[];
}

export type ReportAction =
  | { kind: 'save'; body: DraftInput }
  | { kind: 'approve' }
  | { kind: 'submit' }
  | { kind: 'publish'; confidentialityReviewed: boolean };

/** Saving the draft and the workflow steps; the answer (the composed report) replaces the cached one. */
export function useReportAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: ReportAction) => {
      const base = `/api/reports/annual/${id}`;
      if (action.kind === 'save') return api.put<ComposedReport>(base, action.body);
      if (action.kind === 'publish')
        return api.post<ComposedReport>(`${base}/publish`, {
          confidentialityReviewed: action.confidentialityReviewed,
        });
      return api.post<ComposedReport>(`${base}/${action.kind}`, {});
    },
    onSuccess: (report) => {
      client.setQueryData(reportKey(report.id), report);
      void invalidateLists(client);
      void client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'home' || q.queryKey[0] === 'supervision',
      });
    },
  });
}

export function docxHref(id: number): string {
  return `/api/reports/annual/${id}/docx`;
}

export function usePortalReports() {
  return useQuery({
    queryKey: ['portal', 'reports'],
    queryFn: ({ signal }) =>
      api.get<{ items: PortalReportItem[] }>('/portal/api/reports', { signal, redirectOn401: false }),
  });
}

export function usePortalReport(id: string | undefined) {
  return useQuery({
    queryKey: ['portal', 'reports', id],
    queryFn: ({ signal }) =>
      api.get<PortalReport>(`/portal/api/reports/${encodeURIComponent(id ?? '')}`, {
        signal,
        redirectOn401: false,
      }),
    enabled: Boolean(id),
  });
}

export function portalDocxHref(id: number | string): string {
  return `/portal/api/reports/${id}/docx`;
}

/** `POST /api/reports/check` with the file; with a year the claims are compared with the ledgers. */
export function useCheckReport() {
  return useMutation({
    mutationFn: async (input: { file: File; org: string | null; year?: number }) => {
      const form = new FormData();
      form.append('file', input.file, input.file.name);
      const { data } = await apiUpload<CheckResponse>(
        `/api/reports/check${queryString({ org: input.org, year: input.year })}`,
        form,
      );
      return data;
    },
  });
}
