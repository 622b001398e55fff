import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type {
  CommentDecision,
  ConsultationDetail,
  ConsultationListItem,
  LegalReview,
  PortalConsultation,
  PortalConsultationItem,
} from './types';

export interface RecordRef {
  module: string;
  entity: string;
  entityId: string | number;
  orgCode: string;
}

function qs(params: Record<string, string | number | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
}

/** The consultation on a record (null when none), with its comments. */
export function useConsultationOf(ref: RecordRef) {
  return useQuery({
    queryKey: ['consultations', 'of', ref.module, ref.entity, String(ref.entityId), ref.orgCode],
    queryFn: async (): Promise<ConsultationDetail | null> => {
      const list = await api.get<{ items: ConsultationListItem[] }>(
        `/api/consultations${qs({ org: ref.orgCode, module: ref.module, entity: ref.entity, entityId: String(ref.entityId) })}`,
      );
      const first = list.items[0];
      if (!first) return null;
      return api.get<ConsultationDetail>(`/api/consultations/${first.id}`);
    },
  });
}

export function useAnswerComment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; decision: CommentDecision; reason?: string }) =>
      api.post(`/api/comments/${v.id}/answer`, { decision: v.decision, reason: v.reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['consultations'] }),
  });
}

export function usePublishResults() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; adoptionNote: string }) =>
      api.post(`/api/consultations/${v.id}/results`, { adoptionNote: v.adoptionNote }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['consultations'] }),
  });
}

export function legalReviewsKey(ref: RecordRef) {
  return ['legal-reviews', ref.module, ref.entity, String(ref.entityId), ref.orgCode] as const;
}

export function useLegalReviews(ref: RecordRef) {
  return useQuery({
    queryKey: legalReviewsKey(ref),
    queryFn: () =>
      api.get<{ items: LegalReview[]; today: string }>(
        `/api/legal-reviews${qs({ org: ref.orgCode, module: ref.module, entity: ref.entity, entityId: String(ref.entityId) })}`,
      ),
  });
}

export const PORTAL_API = '/portal/api/consultations';

export function usePortalConsultations(status?: 'open' | 'closed') {
  return useQuery({
    queryKey: ['portal', 'consultations', status ?? 'all'],
    queryFn: () =>
      api.get<{ items: PortalConsultationItem[]; today: string }>(`${PORTAL_API}${qs({ status })}`, {
        redirectOn401: false,
      }),
  });
}

export function usePortalConsultation(id: string | undefined) {
  return useQuery({
    queryKey: ['portal', 'consultation', id],
    enabled: Boolean(id),
    queryFn: () => api.get<PortalConsultation>(`${PORTAL_API}/${id}`, { redirectOn401: false }),
  });
}

export function useSubmitComment(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { paragraphNo?: number | null; text: string; authorName?: string; contact?: string }) =>
      api.post<{ id: number; message: string }>(`${PORTAL_API}/${id}/comments`, v, { redirectOn401: false }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portal', 'consultation', String(id)] }),
  });
}
