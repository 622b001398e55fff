import { Tag } from 'antd';
import type { CaseDeadline, DeadlineStatus, PetitionDetail, PetitionStatus } from './types';

export const STATUS_COLORS: Record<PetitionStatus, string> = {
  registered: 'default',
  accepted: 'processing',
  notAccepted: 'warning',
  objected: 'purple',
  closed: 'success',
  reviewRequested: 'gold',
  reviewed: 'cyan',
  recheckRequested: 'orange',
  rechecked: 'geekblue',
};

/** Fallback labels when the API's statusLabel is missing. */
export const STATUS_LABELS: Record<PetitionStatus, string> = {
  registered: '登记',
  accepted: '办理中',
  notAccepted: '不予受理',
  objected: '异议退回',
  closed: '已办结',
  reviewRequested: '复查中',
  reviewed: '复查已答复',
  recheckRequested: '复核中',
  rechecked: '复核已答复',
};

export function StatusTag(props: { status: PetitionStatus; label?: string }) {
  return (
    <Tag color={STATUS_COLORS[props.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {props.label ?? STATUS_LABELS[props.status] ?? props.status}
    </Tag>
  );
}

/** 《信访工作条例》第十七条: 走访 (and 领导接访, a visit received by a leader) count 批次. */
export const VISIT_CHANNELS: readonly string[] = ['走访', '领导接访'];
export const isVisit = (channel: string | undefined) => Boolean(channel && VISIT_CHANNELS.includes(channel));

/** 第二十条: 多人采用走访形式提出同一信访事项的，应当推选代表，代表人数不超过5人. */
export const COLLECTIVE_VISIT_PERSONS = 5;
export const MAX_REPRESENTATIVES = 5;

/** 环节 of each kernel deadline the module opens. */
export const DEADLINE_STEPS: Record<string, string> = {
  notify: '书面告知',
  objection: '提出异议',
  handle: '办理',
  review: '复查',
  recheck: '复核',
};

export const DEADLINE_STATUS: Record<DeadlineStatus, { label: string; color: string }> = {
  open: { label: '进行中', color: 'processing' },
  done: { label: '已完成', color: 'success' },
  cancelled: { label: '已撤销', color: 'default' },
};

/** The limit in words, e.g. “60日（延期10日）”. */
export function limitText(d: CaseDeadline, c: PetitionDetail): string {
  switch (d.step) {
    case 'notify':
      return '15日';
    case 'objection':
      return '5个工作日';
    case 'handle':
      return c.extendedDays ? `60日＋延期${c.extendedDays}日` : '60日';
    case 'review':
      return '30日';
    case 'recheck':
      return c.recheckHearingDays ? `30日（听证${c.recheckHearingDays}日不计入）` : '30日';
    default:
      return '';
  }
}
