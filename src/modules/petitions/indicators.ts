import { sql } from 'drizzle-orm';
import { deadlineExists } from '../../kernel/deadline-sql.js';
import type { IndicatorDef, IndicatorParams } from '../../kernel/module.js';

const inPeriod = (p: IndicatorParams) => sql`petitions_case.received_on BETWEEN ${p.from} AND ${p.to}`;
const visits = sql`petitions_case.channel IN ('走访', '领导接访')`;
const accepted = sql`petitions_case.accepted_on IS NOT NULL`;
const onTime = (step: string, part: 'metOnTime' | 'decided', p: IndicatorParams) =>
  deadlineExists('petitions', 'case', sql`petitions_case.id`, step, part, p.asOf);
const breakdowns = {
  信访形式: sql`petitions_case.channel`,
  信访类别: sql`petitions_case.category`,
  月份: sql`to_char(petitions_case.received_on, 'YYYY-MM')`,
  乡镇: sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(petitions_case.org_code, 1, 9) || '000')`,
};
const base = {
  table: 'petitions_case',
  drillPath: '/petitions',
  breakdowns,
  serves: '社会矛盾纠纷依法有效化解',
} as const;

/** Period = 来信来访日期 in [from, to]. On-time rates count an open step past its due date as late. */
export const petitionIndicators: IndicatorDef[] = [
  {
    ...base,
    id: 'petitions.count',
    name: '信访件数',
    unit: '件',
    kind: 'count',
    formula: '期内登记的信访件数(各渠道)',
    where: inPeriod,
  },
  {
    ...base,
    id: 'petitions.batches',
    name: '来访批次',
    unit: '批',
    kind: 'sum',
    formula: '走访(含领导接访)登记的批次合计',
    where: (p) => sql`${inPeriod(p)} AND ${visits}`,
    sum: sql`petitions_case.batch_count`,
  },
  {
    ...base,
    id: 'petitions.persons',
    name: '来访人次',
    unit: '人次',
    kind: 'sum',
    formula: '走访(含领导接访)登记的人次合计',
    where: (p) => sql`${inPeriod(p)} AND ${visits}`,
    sum: sql`petitions_case.person_count`,
  },
  {
    ...base,
    id: 'petitions.accepted',
    name: '信访受理数',
    unit: '件',
    kind: 'count',
    formula: '期内登记并已受理的信访件数',
    where: (p) => sql`${inPeriod(p)} AND ${accepted}`,
  },
  {
    ...base,
    id: 'petitions.closed',
    name: '信访办结数',
    unit: '件',
    kind: 'count',
    formula: '已出具处理意见书的信访件数',
    where: (p) => sql`${inPeriod(p)} AND petitions_case.closed_on IS NOT NULL`,
  },
  {
    ...base,
    id: 'petitions.onTimeAcceptRate',
    name: '信访按期受理率',
    unit: '%',
    kind: 'rate',
    formula: '15日内书面告知的件数 ÷ (已告知件数 + 逾期未告知件数) × 100%',
    where: (p) => sql`${inPeriod(p)} AND ${onTime('notify', 'metOnTime', p)}`,
    denominator: (p) => sql`${inPeriod(p)} AND ${onTime('notify', 'decided', p)}`,
  },
  {
    ...base,
    id: 'petitions.onTimeCloseRate',
    name: '信访按期办结率',
    unit: '%',
    kind: 'rate',
    formula: '60日(含批准延期)内办结的件数 ÷ (已办结件数 + 逾期未办结件数) × 100%',
    where: (p) => sql`${inPeriod(p)} AND ${onTime('handle', 'metOnTime', p)}`,
    denominator: (p) => sql`${inPeriod(p)} AND ${onTime('handle', 'decided', p)}`,
  },
  {
    ...base,
    id: 'petitions.resolutionRate',
    name: '信访化解率',
    unit: '%',
    kind: 'rate',
    formula: '已化解件数 ÷ 受理件数 × 100%',
    where: (p) => sql`${inPeriod(p)} AND ${accepted} AND petitions_case.resolved`,
    denominator: (p) => sql`${inPeriod(p)} AND ${accepted}`,
  },
  {
    ...base,
    id: 'petitions.repeatRate',
    name: '重复信访率',
    unit: '%',
    kind: 'rate',
    formula: '重复信访件数 ÷ 信访件数 × 100%',
    where: (p) => sql`${inPeriod(p)} AND petitions_case.is_repeat`,
    denominator: inPeriod,
  },
];
