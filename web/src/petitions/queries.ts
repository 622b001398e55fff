import { useQuery } from '@tanstack/react-query';
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
import type { NewPetition, PetitionDetail, PetitionListResponse, PetitionsMeta } from './types';

export const MODULE = 'petitions';
export const BASE = moduleBase(MODULE);

export function usePetitionsMeta(org: string | null | undefined) {
  return useLedgerMeta<PetitionsMeta>(MODULE, org);
}

export function usePetitionCases(params: CaseListParams, enabled = true) {
  return useLedgerCases<PetitionListResponse>(MODULE, params, enabled);
}

export function usePetition(id: string | undefined) {
  return useLedgerCase<PetitionDetail>(MODULE, id);
}

export function useCreatePetition() {
  return useCreateCase<NewPetition, { id: number; petitionNo: string }>(MODULE);
}

export function usePetitionStep(id: number | string) {
  return useCaseStep<PetitionDetail>(MODULE, id);
}

/**
 * The township's earlier petitions matching `q` (name, subject or number), received no later than
 * `to` — the candidates for 重复信访's 原信访件.
 */
export function useEarlierPetitions(township: string | undefined, q: string, to: string | undefined) {
  return useQuery({
    queryKey: [MODULE, 'cases', 'earlier', township, q, to],
    queryFn: ({ signal }) =>
      api.get<PetitionListResponse>(
        `${BASE}/cases${queryString({ org: township, q: q || undefined, to, pageSize: 20 })}`,
        { signal },
      ),
    enabled: Boolean(township),
    placeholderData: (previous) => previous,
  });
}
