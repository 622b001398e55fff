import { sql } from 'drizzle-orm';
import { deadlineExists } from '../../kernel/deadline-sql.js';
import type { IndicatorDef, IndicatorParams } from '../../kernel/module.js';

const inPeriod = (p: IndicatorParams) => sql`received_on BETWEEN ${p.from} AND ${p.to}`;
const accepted = sql`status IN ('accepted', 'mediating', 'resolved', 'failed')`;
const breakdowns = {
  纠纷类型: sql`category`,
  来源: sql`source`,
  状态: sql`CASE status WHEN 'registered' THEN '登记' WHEN 'accepted' THEN '已受理' WHEN 'rejected' THEN '不予受理'
    WHEN 'mediating' THEN '调解中' WHEN 'resolved' THEN '已化解' ELSE '调解不成' END`,
  月份: sql`to_char(received_on, 'YYYY-MM')`,
  乡镇: sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(disputes_case.org_code, 1, 9) || '000')`,
};
const base = {
  table: 'disputes_case',
  drillPath: '/disputes',
  breakdowns,
  serves: '社会矛盾纠纷依法有效化解',
} as const;

/** Period = 登记日期 in [from, to]; each figure counts the disputes registered in the period, as of now. */
export const disputeIndicators: IndicatorDef[] = [
  {
    ...base,
    id: 'disputes.screened',
    name: '矛盾纠纷排查数',
    unit: '起',
    kind: 'count',
    formula: '期内登记(排查、来访、上报等)的矛盾纠纷数',
    where: inPeriod,
  },
  {
    ...base,
    id: 'disputes.accepted',
    name: '矛盾纠纷受理数',
    unit: '起',
    kind: 'count',
    formula: '期内登记并已受理调解的纠纷数(不含不予受理)',
    where: (p) => sql`${inPeriod(p)} AND ${accepted}`,
  },
  {
    ...base,
    id: 'disputes.resolved',
    name: '矛盾纠纷化解数',
    unit: '起',
    kind: 'count',
    formula: '受理的纠纷中调解成功(已化解)的件数',
    where: (p) => sql`${inPeriod(p)} AND status = 'resolved'`,
  },
  {
    ...base,
    id: 'disputes.resolutionRate',
    name: '矛盾纠纷化解率',
    unit: '%',
    kind: 'rate',
    formula: '化解数 ÷ 受理数 × 100%',
    where: (p) => sql`${inPeriod(p)} AND status = 'resolved'`,
    denominator: (p) => sql`${inPeriod(p)} AND ${accepted}`,
  },
  {
    ...base,
    id: 'disputes.onTimeRate',
    name: '矛盾纠纷按期调结率',
    unit: '%',
    kind: 'rate',
    formula: '受理后30日内调结的件数 ÷ (已调结件数 + 逾期未调结件数) × 100%',
    where: (p) =>
      sql`${inPeriod(p)} AND ${deadlineExists('disputes', 'case', sql`disputes_case.id`, 'mediate', 'metOnTime', p.asOf)}`,
    denominator: (p) =>
      sql`${inPeriod(p)} AND ${deadlineExists('disputes', 'case', sql`disputes_case.id`, 'mediate', 'decided', p.asOf)}`,
  },
  {
    ...base,
    id: 'disputes.written',
    name: '书面调解协议数',
    unit: '份',
    kind: 'count',
    formula: '已化解纠纷中签订书面调解协议的件数',
    where: (p) => sql`${inPeriod(p)} AND status = 'resolved' AND agreement_form = '书面'`,
  },
  {
    ...base,
    id: 'disputes.judicialRate',
    name: '司法确认申请率',
    unit: '%',
    kind: 'rate',
    formula: '申请司法确认的书面协议数 ÷ 书面协议数 × 100%',
    where: (p) => sql`${inPeriod(p)} AND agreement_form = '书面' AND judicial_applied_on IS NOT NULL`,
    denominator: (p) => sql`${inPeriod(p)} AND status = 'resolved' AND agreement_form = '书面'`,
  },
];
