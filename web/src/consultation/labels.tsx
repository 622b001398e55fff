import { Tag } from 'antd';
import type { CommentDecision, ConsultationStatus, LegalReviewResult } from './types';

const STATUS_COLORS: Record<ConsultationStatus, string> = {
  scheduled: 'default',
  open: 'processing',
  closed: 'warning',
  published: 'success',
};

export function ConsultationStatusTag(props: { status: ConsultationStatus; label: string }) {
  return <Tag color={STATUS_COLORS[props.status]}>{props.label}</Tag>;
}

const DECISION_COLORS: Record<CommentDecision, string> = {
  采纳: 'success',
  部分采纳: 'gold',
  不采纳: 'default',
};

export function DecisionTag(props: { decision: CommentDecision | null }) {
  if (!props.decision) return <Tag>待答复</Tag>;
  return <Tag color={DECISION_COLORS[props.decision]}>{props.decision}</Tag>;
}

const RESULT_COLORS: Record<LegalReviewResult, string> = {
  合法: 'success',
  修改后合法: 'cyan',
  不合法: 'error',
  明示法律风险: 'warning',
};

export function LegalResultTag(props: { result: LegalReviewResult | null }) {
  if (!props.result) return <Tag color="processing">审核中</Tag>;
  return <Tag color={RESULT_COLORS[props.result]}>{props.result}</Tag>;
}

/** 全文 or 第N段. */
export function paragraphLabel(no: number | null): string {
  return no === null ? '全文' : `第${no}段`;
}
