import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Tag, Typography } from 'antd';
import { api } from '../../api';
import { queryString } from '../../ledger/queries';
import type { TimelineEntry } from '../../ledger/types';

export const BASE = '/api/disclosure';

export interface DisclosureMeta {
  can: { manage: boolean; import: boolean; personal: boolean; approveExtension: boolean };
  categories: string[];
  itemChannels: string[];
  applicantKinds: string[];
  orgSubKinds: string[];
  requestChannels: string[];
  mailKinds: string[];
  answerReasons: Record<string, string[]>;
  thirdPartyOpinions: string[];
  statuses: { value: string; label: string }[];
  indicators: { id: string; name: string; unit: string; formula: string }[];
}

export interface Item {
  id: number;
  orgCode: string;
  orgName: string | null;
  indexNo: string;
  title: string;
  category: string;
  formedOn: string;
  dueOn: string;
  publishedOn: string | null;
  channel: string | null;
  summary: string | null;
  url: string | null;
  late: boolean;
  overdue?: boolean;
}

export interface RequestRow {
  id: number;
  orgCode: string;
  orgName: string | null;
  requestNo: string;
  trackingCode: string | null;
  applicantKind: string;
  applicantSubKind: string | null;
  applicantName: string;
  idNo: string | null;
  phone: string | null;
  address: string | null;
  channel: string;
  mailKind: string | null;
  submittedOn: string;
  signedOn: string | null;
  confirmedOn: string | null;
  receivedOn: string | null;
  content: string;
  purpose: string | null;
  status: string;
  statusLabel: string;
  correctionRequestedOn: string | null;
  correctionItems: string | null;
  correctionDueOn: string | null;
  correctionReceivedOn: string | null;
  thirdParty: string | null;
  thirdPartySentOn: string | null;
  thirdPartyRepliedOn: string | null;
  thirdPartyOpinion: string | null;
  pausedWorkdays: number;
  extendedDays: number | null;
  extensionReason: string | null;
  extensionApprover: string | null;
  extensionApprovedOn: string | null;
  extensionNotifiedOn: string | null;
  dueOn: string | null;
  answerType: string | null;
  answerReason: string | null;
  answerText: string | null;
  answeredOn: string | null;
  source: string;
  overdue: boolean;
  onTime: boolean | null;
  correctionWindowEnd: string | null;
  evidenceLabel: string;
}

export interface RequestDetail extends RequestRow {
  deadlines: {
    step: string;
    title: string;
    startsOn: string;
    dueOn: string;
    status: string;
    doneOn: string | null;
    legalBasis: string | null;
  }[];
  allowedSteps: { step: string; label: string }[];
  timeline: TimelineEntry[];
}

export interface Page<T> {
  total: number;
  items: T[];
}

export function useDisclosureMeta(org: string | null | undefined) {
  return useQuery({
    queryKey: ['disclosure', 'meta', org ?? null],
    queryFn: ({ signal }) =>
      api.get<DisclosureMeta>(`${BASE}/meta${queryString({ org: org ?? undefined })}`, { signal }),
    enabled: Boolean(org),
    staleTime: 10 * 60_000,
  });
}

export function useDisclosureList<T>(
  kind: 'items' | 'requests',
  params: Record<string, string | undefined>,
  enabled = true,
) {
  return useQuery({
    queryKey: ['disclosure', kind, params],
    queryFn: ({ signal }) => api.get<Page<T>>(`${BASE}/${kind}${queryString(params)}`, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useRequestDetail(id: string | undefined) {
  return useQuery({
    queryKey: ['disclosure', 'request', id],
    queryFn: ({ signal }) =>
      api.get<RequestDetail>(`${BASE}/requests/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

function invalidate(client: ReturnType<typeof useQueryClient>) {
  return client.invalidateQueries({
    predicate: (q) =>
      (q.queryKey[0] === 'disclosure' && q.queryKey[1] !== 'meta' && q.queryKey[1] !== 'request') ||
      q.queryKey[0] === 'indicators' ||
      q.queryKey[0] === 'supervision' ||
      q.queryKey[0] === 'home',
  });
}

export function useDisclosurePost<T>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<T>(`${BASE}${path}`, body),
    onSuccess: () => invalidate(client),
  });
}

export function useRequestStep(id: number | string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { step: string; body: Record<string, unknown> }) =>
      api.post<RequestDetail>(`${BASE}/requests/${id}/${input.step}`, input.body),
    onSuccess: (updated) => {
      client.setQueryData(['disclosure', 'request', String(id)], updated);
      void invalidate(client);
    },
  });
}

const STATUS_COLORS: Record<string, string> = {
  submitted: 'gold',
  received: 'blue',
  correcting: 'orange',
  consulting: 'purple',
  closed: 'green',
};

export function StatusTag(props: { status: string; label: string }) {
  return (
    <Tag color={STATUS_COLORS[props.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {props.label}
    </Tag>
  );
}

/** 答复期限: red once passed while open; after the answer, 按期/逾期. */
export function DueText(props: { r: Pick<RequestRow, 'dueOn' | 'overdue' | 'onTime' | 'status'> }) {
  const { dueOn, overdue, onTime, status } = props.r;
  if (!dueOn)
    return (
      <Typography.Text type="secondary">{status === 'correcting' ? '待补正（暂停）' : '—'}</Typography.Text>
    );
  if (status === 'closed')
    return onTime ? (
      <Typography.Text type="success" data-testid="on-time">
        {dueOn}（按期）
      </Typography.Text>
    ) : (
      <Typography.Text type="danger">{dueOn}（逾期答复）</Typography.Text>
    );
  return overdue ? (
    <Typography.Text type="danger" strong>
      {dueOn}（逾期）
    </Typography.Text>
  ) : (
    <span>{dueOn}</span>
  );
}
