import { sql } from 'drizzle-orm';
import type { IndicatorDef, IndicatorParams } from '../../kernel/module.js';

const formed = (p: IndicatorParams) => sql`disclosure_item.formed_on BETWEEN ${p.from} AND ${p.to}`;
const answered = (p: IndicatorParams) => sql`disclosure_request.answered_on BETWEEN ${p.from} AND ${p.to}`;
const items = {
  table: 'disclosure_item',
  drillPath: '/disclosure/items',
  breakdowns: {
    公开类别: sql`disclosure_item.category`,
    公开渠道: sql`disclosure_item.channel`,
    乡镇: sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(disclosure_item.org_code, 1, 9) || '000')`,
  },
  serves: '政务公开全面推进',
} as const;
const requests = {
  table: 'disclosure_request',
  drillPath: '/disclosure/requests',
  breakdowns: {
    答复类型: sql`disclosure_request.answer_type`,
    申请方式: sql`disclosure_request.channel`,
    申请人类型: sql`disclosure_request.applicant_kind`,
    乡镇: sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(disclosure_request.org_code, 1, 9) || '000')`,
  },
  serves: '政务公开全面推进',
} as const;
const byType = (id: string, type: string): IndicatorDef => ({
  ...requests,
  id: `disclosure.answered${id}`,
  name: `依申请公开${type}件数`,
  unit: '件',
  kind: 'count',
  formula: `期内答复类型为「${type}」的申请件数`,
  where: (p) => sql`${answered(p)} AND disclosure_request.answer_type = ${type}`,
});

/**
 * 主动公开: period = 生成日期 for the rate (an item not yet published past its due date counts late),
 * 公开日期 for the count. 依申请: period = 收到日期 for received, 答复日期 for answers.
 */
export const disclosureIndicators: IndicatorDef[] = [
  {
    ...items,
    id: 'disclosure.itemsPublished',
    name: '主动公开信息条数',
    unit: '条',
    kind: 'count',
    formula: '期内公开的主动公开信息条数',
    where: (p) => sql`disclosure_item.published_on BETWEEN ${p.from} AND ${p.to}`,
  },
  {
    ...items,
    id: 'disclosure.timelyRate',
    name: '主动公开及时率',
    unit: '%',
    kind: 'rate',
    formula: '20个工作日内公开的条数 ÷ (已公开条数 + 逾期未公开条数) × 100%,按生成日期计入期间',
    where: (p) => sql`${formed(p)} AND disclosure_item.published_on <= disclosure_item.due_on`,
    denominator: (p) =>
      sql`${formed(p)} AND (disclosure_item.published_on IS NOT NULL OR disclosure_item.due_on < ${p.asOf})`,
  },
  {
    ...requests,
    id: 'disclosure.requestsReceived',
    name: '收到政府信息公开申请件数',
    unit: '件',
    kind: 'count',
    formula: '期内收到(第三十一条确认收到)的依申请公开件数',
    where: (p) => sql`disclosure_request.received_on BETWEEN ${p.from} AND ${p.to}`,
  },
  {
    ...requests,
    id: 'disclosure.requestsAnswered',
    name: '依申请公开办结件数',
    unit: '件',
    kind: 'count',
    formula: '期内作出答复(含视为放弃)的件数',
    where: answered,
  },
  {
    ...requests,
    id: 'disclosure.onTimeReplyRate',
    name: '依申请按期答复率',
    unit: '%',
    kind: 'rate',
    formula: '在答复期限(20工作日+批准延长,扣除征求意见时间)内答复的件数 ÷ 答复件数 × 100%(视为放弃的不计)',
    where: (p) =>
      sql`${answered(p)} AND disclosure_request.due_on IS NOT NULL AND disclosure_request.answered_on <= disclosure_request.due_on`,
    denominator: (p) => sql`${answered(p)} AND disclosure_request.due_on IS NOT NULL`,
  },
  byType('Disclosed', '予以公开'),
  byType('Partial', '部分公开'),
  byType('Refused', '不予公开'),
  byType('Unavailable', '无法提供'),
];
