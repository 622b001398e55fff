import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
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
  Consultation,
  DisputeDetail,
  DisputeListResponse,
  DisputesMeta,
  Meeting,
  NewDispute,
  NewMeeting,
  Place,
  WarningsResponse,
} from './types';

export const MODULE = 'disputes';
export const BASE = moduleBase(MODULE);

export function useDisputesMeta(org: string | null | undefined) {
  return useLedgerMeta<DisputesMeta>(MODULE, org);
}

export function useDisputeCases(params: CaseListParams, enabled = true) {
  return useLedgerCases<DisputeListResponse>(MODULE, params, enabled);
}

export function useDispute(id: string | undefined) {
  return useLedgerCase<DisputeDetail>(MODULE, id);
}

export function useCreateDispute() {
  return useCreateCase<NewDispute, { id: number; caseNo: string }>(MODULE);
}

export function useDisputeStep(id: number | string) {
  return useCaseStep<DisputeDetail>(MODULE, id);
}

export function useWarnings(org: string | null) {
  return useQuery({
    queryKey: ['disputes', 'warnings', org],
    queryFn: ({ signal }) => api.get<WarningsResponse>(`${BASE}/warnings${queryString({ org })}`, { signal }),
    enabled: Boolean(org),
  });
}

export function useMeetings(org: string | null) {
  return useQuery({
    queryKey: ['disputes', 'meetings', org],
    queryFn: ({ signal }) =>
      api.get<{ items: Meeting[] }>(`${BASE}/meetings${queryString({ org })}`, { signal }),
    enabled: Boolean(org),
  });
}

export function useCreateMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMeeting) => api.post<{ id: number }>(`${BASE}/meetings`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['disputes', 'meetings'] }),
  });
}

export function useConsultations(org: string | null) {
  return useQuery({
    queryKey: ['disputes', 'consultations', org],
    queryFn: ({ signal }) =>
      api.get<{ items: Consultation[] }>(`${BASE}/consultations${queryString({ org })}`, { signal }),
    enabled: Boolean(org),
  });
}

export function useAnswerConsultation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; answer: string }) =>
      api.post<{ ok: true }>(`${BASE}/consultations/${input.id}/answer`, { answer: input.answer }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['disputes', 'consultations'] }),
  });
}

/** Public portal: villages and townships (no login; a 401 must not send the citizen to /login). */
export function usePortalPlaces() {
  return useQuery({
    queryKey: ['portal', 'places'],
    queryFn: ({ signal }) =>
      api.get<{ places: Place[] }>('/portal/disputes/places', { signal, redirectOn401: false }),
    staleTime: 30 * 60_000,
  });
}
