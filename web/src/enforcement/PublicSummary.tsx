import { Descriptions } from 'antd';

/** Chinese labels of the summary keys a publication may carry, in display order (unknown keys last). */
const LABELS: Record<string, string> = {
  decisionNo: '决定书文号',
  caseNo: '案号',
  authority: '执法机关',
  orgName: '执法机关',
  partyType: '当事人类型',
  partyName: '当事人',
  uscc: '统一社会信用代码',
  itemName: '执法事项',
  itemType: '事项类型',
  summary: '案由',
  facts: '主要违法事实',
  decisionFacts: '主要违法事实',
  basis: '处罚依据',
  decisionBasis: '处罚依据',
  decisionKind: '决定类型',
  penalties: '处罚种类',
  penaltyTypes: '处罚种类',
  penalty: '处罚内容',
  fineAmount: '罚款金额(元)',
  confiscatedAmount: '没收金额(元)',
  performance: '履行方式和期限',
  decidedOn: '决定日期',
};
const ORDER = Object.keys(LABELS);
const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);

export function summaryLabel(key: string): string {
  return LABELS[key] ?? key;
}

/** The masked public summary of a decision, as label/value rows. */
export function PublicSummary(props: {
  summary: Record<string, string | number | null> | string;
  column?: number;
}) {
  const { summary } = props;
  if (typeof summary === 'string') return <span className="pre-wrap">{summary}</span>;
  const items = Object.entries(summary)
    .filter(([, v]) => v !== null && v !== '')
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([k, v]) => ({
      key: k,
      label: summaryLabel(k),
      children: <span className="pre-wrap">{Array.isArray(v) ? v.join('、') : String(v)}</span>,
    }));
  return <Descriptions size="small" bordered column={props.column ?? 1} items={items} />;
}
