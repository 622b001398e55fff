import { Tag } from 'antd';
import type { DisputeStatus, WarningKind } from './types';

export const STATUS_COLORS: Record<DisputeStatus, string> = {
  registered: 'default',
  accepted: 'processing',
  mediating: 'gold',
  resolved: 'success',
  failed: 'error',
  rejected: 'warning',
};

/** Fallback labels when the meta has not loaded yet; the API's statusLabel wins. */
export const STATUS_LABELS: Record<DisputeStatus, string> = {
  registered: '登记',
  accepted: '已受理',
  rejected: '不予受理',
  mediating: '调解中',
  resolved: '已化解',
  failed: '调解不成',
};

export function StatusTag(props: { status: DisputeStatus; label?: string }) {
  return (
    <Tag color={STATUS_COLORS[props.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {props.label ?? STATUS_LABELS[props.status] ?? props.status}
    </Tag>
  );
}

export const WARNING_KINDS: Record<WarningKind, { title: string; hint: string; color: string }> = {
  risk: { title: '高风险未化解', hint: '风险等级为“高”且尚未化解的纠纷', color: 'red' },
  party: { title: '同一当事人多次纠纷', hint: '同一当事人90日内涉及2起以上纠纷', color: 'orange' },
  place: { title: '同一地点同类纠纷多发', hint: '同一村(社区)90日内发生2起以上同类纠纷', color: 'gold' },
};

export const RISK_COLORS: Record<string, string> = { 低: 'green', 中: 'orange', 高: 'red' };
