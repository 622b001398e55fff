import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { IndicatorsResponse } from './types';

/** Query string from the defined, non-empty entries. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') q.set(key, String(value));
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The list's API parameters (filters, paging, or an indicator's drill-down). */
export type CaseListParams = Record<string, string | undefined>;

/** `/api/<module>` */
export function moduleBase(module: string): string {
  return `/api/${module}`;
}

/** `GET /api/<module>/meta?org=` — what the user may do there (`can`) and the module's vocabularies. */
export function useLedgerMeta<T>(module: string, org: string | null | undefined) {
  return useQuery({
    queryKey: [module, 'meta', org ?? null],
    queryFn: ({ signal }) =>
      api.get<T>(`${moduleBase(module)}/meta${queryString({ org: org ?? undefined })}`, { signal }),
    enabled: Boolean(org),
    staleTime: 10 * 60_000,
  });
}

export function useLedgerCases<T>(module: string, params: CaseListParams, enabled = true) {
  return useQuery({
    queryKey: [module, 'cases', params],
    queryFn: ({ signal }) => api.get<T>(`${moduleBase(module)}/cases${queryString(params)}`, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useLedgerCase<T>(module: string, id: string | undefined) {
  return useQuery({
    queryKey: [module, 'case', id],
    queryFn: ({ signal }) =>
      api.get<T>(`${moduleBase(module)}/cases/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Everything a change to a module's cases may make stale (lists, warnings, figures, 督办, home). */
function invalidateModule(client: ReturnType<typeof useQueryClient>, module: string) {
  return client.invalidateQueries({
    predicate: (q) =>
      (q.queryKey[0] === module && q.queryKey[1] !== 'case' && q.queryKey[1] !== 'meta') ||
      q.queryKey[0] === 'indicators' ||
      q.queryKey[0] === 'supervision' ||
      q.queryKey[0] === 'home',
  });
}

export function useCreateCase<Body, Created>(module: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.post<Created>(`${moduleBase(module)}/cases`, body),
    onSuccess: () => invalidateModule(client, module),
  });
}

/** `POST /api/<module>/cases/:id/<step>`; the answer (the updated case) replaces the cached detail. */
export function useCaseStep<T>(module: string, id: number | string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { step: string; body: Record<string, unknown> }) =>
      api.post<T>(`${moduleBase(module)}/cases/${id}/${input.step}`, input.body),
    onSuccess: (updated) => {
      client.setQueryData([module, 'case', String(id)], updated);
      void invalidateModule(client, module);
    },
  });
}

export function useIndicators(org: string | null, year: number, ids: readonly string[]) {
  return useQuery({
    queryKey: ['indicators', org, year, ids],
    queryFn: ({ signal }) =>
      api.get<IndicatorsResponse>(
        `/api/indicators${queryString({ org: org ?? undefined, year, ids: ids.join(',') })}`,
        { signal },
      ),
    enabled: Boolean(org),
  });
}
