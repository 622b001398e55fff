import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { EnforcementStatus, Officer } from './types';

export const STATUS_COLORS: Record<EnforcementStatus, string> = {
  filed: 'processing',
  investigated: 'cyan',
  notified: 'gold',
  hearing: 'orange',
  decided: 'purple',
  served: 'geekblue',
  executed: 'blue',
  closed: 'success',
  archived: 'default',
};

/** Fallback labels when the API's statusLabel is missing. */
export const STATUS_LABELS: Record<EnforcementStatus, string> = {
  filed: '调查取证',
  investigated: '审查',
  notified: '已告知',
  hearing: '听证',
  decided: '已决定',
  served: '已送达',
  executed: '已执行',
  closed: '已结案',
  archived: '已归档',
};

export const PROCEDURE_OPTIONS = [
  { value: 'simple', label: '简易程序' },
  { value: 'ordinary', label: '普通程序' },
];

export function StatusTag(props: { status: EnforcementStatus; label?: string }) {
  return (
    <Tag color={STATUS_COLORS[props.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {props.label ?? STATUS_LABELS[props.status] ?? props.status}
    </Tag>
  );
}

export function MajorTag(props: { major: boolean }) {
  if (!props.major) return null;
  return (
    <Tag color="red" style={{ marginInlineEnd: 0 }}>
      重大
    </Tag>
  );
}

/** The case step evidence is attached to (全过程记录). */
export const EVIDENCE_STEPS: { value: string; label: string }[] = [
  { value: 'file', label: '立案' },
  { value: 'investigate', label: '调查取证' },
  { value: 'notify', label: '事先告知' },
  { value: 'holdHearing', label: '听证' },
  { value: 'legalReview', label: '法制审核' },
  { value: 'collective', label: '集体讨论' },
  { value: 'decide', label: '决定' },
  { value: 'serve', label: '送达' },
  { value: 'execute', label: '执行' },
  { value: 'close', label: '结案' },
];
export const evidenceStepLabel = (step: string) =>
  EVIDENCE_STEPS.find((s) => s.value === step)?.label ?? step;

/** 环节 of the case's kernel deadlines. */
export const DEADLINE_STEPS: Record<string, string> = {
  decide: '作出决定',
  hearingRequest: '听证申请',
  serve: '送达',
  publish: '公示',
  withdraw: '撤回公示',
  payment: '缴纳罚款',
  review: '法制审核',
};

export const DEADLINE_STATUS: Record<string, { label: string; color: string }> = {
  open: { label: '进行中', color: 'processing' },
  done: { label: '已完成', color: 'success' },
  cancelled: { label: '已撤销', color: 'default' },
};

export type CertState = 'valid' | 'expiring' | 'expired' | 'none';

export const CERT_STATES: Record<CertState, { label: string; color: string }> = {
  valid: { label: '有效', color: 'success' },
  expiring: { label: '即将到期', color: 'warning' },
  expired: { label: '已过期', color: 'error' },
  none: { label: '无证', color: 'default' },
};

/** 有效/即将到期/已过期/无证 (the API's `cert` when it sends one). */
export function certState(o: Officer, reminderDays = 60, today = dayjs().format('YYYY-MM-DD')): CertState {
  if (o.certState && o.certState in CERT_STATES) return o.certState as CertState;
  if (!o.certNo) return 'none';
  if (o.status !== '有效') return 'expired';
  if (o.validTo && o.validTo < today) return 'expired';
  if (o.validTo && dayjs(o.validTo).diff(dayjs(today), 'day') <= reminderDays) return 'expiring';
  return 'valid';
}

export function CertTag(props: { state: CertState; status?: string }) {
  const info = CERT_STATES[props.state];
  const label =
    props.state === 'expired' && props.status && props.status !== '有效' ? props.status : info.label;
  return (
    <Tag color={info.color} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

export function dash(value: string | number | null | undefined): ReactNode {
  return value !== null && value !== undefined && value !== '' ? (
    value
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
}

export function long(value: string | null | undefined): ReactNode {
  return value ? <span className="pre-wrap">{value}</span> : dash(value);
}

export function yuan(value: number | null | undefined): ReactNode {
  if (value === null || value === undefined) return dash(null);
  return `${Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
}

export const options = (values: readonly string[] | undefined) =>
  (values ?? []).map((v) => ({ value: v, label: v }));
