import { type SQL, sql } from 'drizzle-orm';
import type { IndicatorDef, IndicatorParams } from '../../kernel/module.js';

// Every column is table-qualified: the list route applies these conditions to decisions_decision.
const major = sql`decisions_decision.kind = '重大行政决策'`;
const decided = (p: IndicatorParams) =>
  sql`${major} AND decisions_decision.decided_on IS NOT NULL AND decisions_decision.decided_on BETWEEN ${p.from} AND ${p.to}`;
const discussed = (p: IndicatorParams) =>
  sql`${major} AND decisions_decision.meeting_on IS NOT NULL AND decisions_decision.meeting_on BETWEEN ${p.from} AND ${p.to}`;
const consultation = (
  extra: SQL,
) => sql`EXISTS (SELECT 1 FROM kernel_consultation k WHERE k.module = 'decisions'
  AND k.entity = 'decision' AND k.entity_id = decisions_decision.id::text AND ${extra})`;
const consulted = (p: IndicatorParams) =>
  sql`${major} AND ${consultation(sql`k.opens_on BETWEEN ${p.from} AND ${p.to}`)}`;
/** 第十五条: 30 days, both ends counted, or a reason for a shorter period. */
const periodCompliant = sql`((k.closes_on - k.opens_on + 1) >= 30 OR k.shortened_reason IS NOT NULL)`;
const legalOk = (extra: SQL) => sql`EXISTS (SELECT 1 FROM kernel_legal_review lr WHERE lr.module = 'decisions'
  AND lr.entity = 'decision' AND lr.entity_id = decisions_decision.id::text
  AND lr.result IN ('合法', '修改后合法', '明示法律风险') AND ${extra})`;
/** Every required procedure has its record: 公众参与, 专家论证/风险评估 unless waived, 合法性审查, 集体讨论. */
const allRecorded = sql`(${consultation(sql`TRUE`)}
    OR EXISTS (SELECT 1 FROM decisions_meeting m WHERE m.decision_id = decisions_decision.id))
  AND (NOT decisions_decision.expert_required OR decisions_decision.expert_on IS NOT NULL)
  AND (NOT decisions_decision.risk_required OR decisions_decision.risk_on IS NOT NULL)
  AND ${legalOk(sql`lr.reviewed_on <= decisions_decision.meeting_on`)}
  AND decisions_decision.meeting_on IS NOT NULL`;

const township = sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(decisions_decision.org_code, 1, 9) || '000')`;
const base = {
  table: 'decisions_decision',
  drillPath: '/decisions',
  serves: '健全依法决策机制',
  breakdowns: {
    决策机关: township,
    事项类别: sql`coalesce(decisions_decision.category, decisions_decision.matter)`,
    是否列入目录: sql`CASE WHEN decisions_decision.catalogue_item_id IS NULL THEN '目录外' ELSE '目录内' END`,
  },
} as const;

/** 重大行政决策 figures (DOMAIN.md §9 Indicators). Decisions count by 决定日期, reviews by 会议日期. */
export const decisionsIndicators: IndicatorDef[] = [
  {
    ...base,
    id: 'decisions.decided',
    name: '重大行政决策数',
    unit: '件',
    kind: 'count',
    formula: '期内经集体讨论作出决定的重大行政决策事项数',
    where: decided,
  },
  {
    ...base,
    id: 'decisions.procedureRate',
    name: '决策程序履行率',
    unit: '%',
    kind: 'rate',
    formula:
      '各项必经程序(公众参与、专家论证、风险评估、合法性审查、集体讨论决定)均有记录的事项数 ÷ 已决策事项数',
    where: (p) => sql`${decided(p)} AND ${allRecorded}`,
    denominator: decided,
  },
  {
    ...base,
    id: 'decisions.discussed',
    name: '提交集体讨论的决策事项数',
    unit: '件',
    kind: 'count',
    formula: '期内提交常务会议或全体会议讨论的重大行政决策事项数',
    where: discussed,
  },
  {
    ...base,
    id: 'decisions.legalReviewRate',
    name: '重大行政决策合法性审查率',
    unit: '%',
    kind: 'rate',
    formula: '经合法性审查(结论为合法、修改后合法或明示法律风险)后提交讨论的事项数 ÷ 提交讨论的事项数',
    where: (p) => sql`${discussed(p)} AND ${legalOk(sql`lr.reviewed_on <= decisions_decision.meeting_on`)}`,
    denominator: discussed,
  },
  {
    ...base,
    id: 'decisions.consulted',
    name: '公开征求意见的决策事项数',
    unit: '件',
    kind: 'count',
    formula: '期内开始公开征求意见的重大行政决策事项数',
    where: consulted,
  },
  {
    ...base,
    id: 'decisions.consultationRate',
    name: '征求意见期限合规率',
    unit: '%',
    kind: 'rate',
    formula: '征求意见期不少于30日(或说明缩短理由)的事项数 ÷ 公开征求意见的事项数',
    where: (p) =>
      sql`${major} AND ${consultation(sql`k.opens_on BETWEEN ${p.from} AND ${p.to} AND ${periodCompliant}`)}`,
    denominator: consulted,
  },
  {
    ...base,
    id: 'decisions.published',
    name: '公布的重大行政决策数',
    unit: '件',
    kind: 'count',
    formula: '期内向社会公布的重大行政决策数',
    where: (p) =>
      sql`${major} AND decisions_decision.published_on IS NOT NULL AND decisions_decision.published_on BETWEEN ${p.from} AND ${p.to}`,
  },
  {
    ...base,
    id: 'decisions.evaluated',
    name: '决策后评估完成数',
    unit: '件',
    kind: 'count',
    formula: '期内完成决策后评估的重大行政决策数',
    where: (p) =>
      sql`decisions_decision.eval_done_on IS NOT NULL AND decisions_decision.eval_done_on BETWEEN ${p.from} AND ${p.to}`,
  },
  {
    ...base,
    id: 'decisions.sanzhong',
    name: '“三重一大”集体决策事项数',
    unit: '项',
    kind: 'count',
    formula: '期内经集体讨论决定的“三重一大”事项数',
    where: (p) =>
      sql`decisions_decision.kind = '三重一大' AND decisions_decision.decided_on IS NOT NULL AND decisions_decision.decided_on BETWEEN ${p.from} AND ${p.to}`,
  },
];
