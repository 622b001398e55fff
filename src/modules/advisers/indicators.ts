import { sql } from 'drizzle-orm';
import type { IndicatorDef, IndicatorParams } from '../../kernel/module.js';

// Every column is table-qualified: list routes join other tables.

/** The day coverage is measured on: the period's last day, or today when the period is not over. */
export const coverageDay = (p: IndicatorParams): string => (p.to < p.asOf ? p.to : p.asOf);

const village = sql`kernel_org.level = 'village'`;
/** A contract in force on the day lists the village itself (a township-only contract does not count). */
const coveredOn = (day: string) => sql`EXISTS (SELECT 1 FROM advisers_coverage c
  JOIN advisers_contract k ON k.id = c.contract_id
  WHERE c.org_code = kernel_org.code AND k.starts_on <= ${day} AND k.ends_on >= ${day}
    AND (k.terminated_on IS NULL OR k.terminated_on > ${day}))`;
const villages = {
  table: 'kernel_org',
  orgColumn: 'code',
  drillPath: '/advisers/coverage',
  breakdowns: {
    乡镇: sql`(SELECT p.name FROM kernel_org p WHERE p.code = kernel_org.parent_code)`,
  },
  serves: '一村(社区)一法律顾问',
} as const;

const logged = (p: IndicatorParams) => sql`advisers_activity.on BETWEEN ${p.from} AND ${p.to}`;
const activities = {
  table: 'advisers_activity',
  drillPath: '/advisers/log',
  breakdowns: {
    乡镇: sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(advisers_activity.org_code, 1, 9) || '000')`,
    村社区: sql`(SELECT o.name FROM kernel_org o WHERE o.code = advisers_activity.org_code)`,
    法律顾问: sql`(SELECT k.adviser_name FROM advisers_contract k WHERE k.id = advisers_activity.contract_id)`,
    月份: sql`to_char(advisers_activity.on, 'YYYY-MM')`,
  },
  serves: '一村(社区)一法律顾问',
} as const;

const reviewed = (p: IndicatorParams) =>
  sql`kernel_legal_review.reviewed_on IS NOT NULL AND kernel_legal_review.reviewed_on BETWEEN ${p.from} AND ${p.to}`;
/** The latest review row of a record (a re-submission after 不合法 opens a new row). */
const latest = sql`NOT EXISTS (SELECT 1 FROM kernel_legal_review r2 WHERE r2.module = kernel_legal_review.module
  AND r2.entity = kernel_legal_review.entity AND r2.entity_id = kernel_legal_review.entity_id AND r2.id > kernel_legal_review.id)`;
const passed = sql`kernel_legal_review.reviewed_on IS NOT NULL AND kernel_legal_review.result IN ('合法', '修改后合法', '明示法律风险')`;
const reviews = {
  table: 'kernel_legal_review',
  drillPath: '/advisers/reviews',
  breakdowns: {
    乡镇: sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(kernel_legal_review.org_code, 1, 9) || '000')`,
    类别: sql`CASE kernel_legal_review.module WHEN 'decisions' THEN '重大行政决策' WHEN 'normdocs' THEN '行政规范性文件'
      ELSE kernel_legal_review.module END`,
    审核人: sql`kernel_legal_review.reviewer_name`,
    月份: sql`to_char(kernel_legal_review.reviewed_on, 'YYYY-MM')`,
  },
  serves: '法律顾问参与重大行政决策和规范性文件合法性审核',
} as const;

/**
 * 法律顾问 figures. Coverage counts the villages/communities (kernel_org level 'village') of the subtree
 * on the period's last day (or today). Work-log figures take the entry's day in [from, to]. Reviews read the
 * kernel's legality reviews (kernel_legal_review) by their review day.
 */
export const adviserIndicators: IndicatorDef[] = [
  {
    ...villages,
    id: 'advisers.coverageRate',
    name: '村(社区)法律顾问覆盖率',
    unit: '%',
    kind: 'rate',
    formula: '期末(或今日)有有效法律顾问合同覆盖的村(社区)数 ÷ 村(社区)总数 × 100%',
    where: (p) => sql`${village} AND ${coveredOn(coverageDay(p))}`,
    denominator: () => village,
  },
  {
    ...villages,
    id: 'advisers.coveredVillages',
    name: '配备法律顾问的村(社区)数',
    unit: '个',
    kind: 'count',
    formula: '期末(或今日)有有效法律顾问合同覆盖的村(社区)数',
    where: (p) => sql`${village} AND ${coveredOn(coverageDay(p))}`,
  },
  {
    ...activities,
    id: 'advisers.consultations',
    name: '法律顾问提供法律咨询人次',
    unit: '人次',
    kind: 'sum',
    sum: sql`advisers_activity.people`,
    formula: '期内法律顾问工作台账中“法律咨询”记录的人次之和',
    where: (p) => sql`advisers_activity.kind = '咨询' AND ${logged(p)}`,
    breakdowns: { ...activities.breakdowns, 咨询方式: sql`advisers_activity.way` },
  },
  {
    ...activities,
    id: 'advisers.dutyDays',
    name: '法律顾问驻村坐班天次',
    unit: '天次',
    kind: 'count',
    formula: '期内“坐班”记录数(每名顾问每天每个地点一条)',
    where: (p) => sql`advisers_activity.kind = '坐班' AND ${logged(p)}`,
  },
  {
    ...activities,
    id: 'advisers.lectures',
    name: '法律顾问开展法治讲座场次',
    unit: '场',
    kind: 'count',
    formula: '期内“法治讲座”记录数',
    where: (p) => sql`advisers_activity.kind = '讲座' AND ${logged(p)}`,
  },
  {
    ...activities,
    id: 'advisers.mediations',
    name: '法律顾问参与调解件数',
    unit: '件',
    kind: 'count',
    formula: '期内“参与调解”记录数',
    where: (p) => sql`advisers_activity.kind = '调解' AND ${logged(p)}`,
  },
  {
    ...reviews,
    id: 'advisers.reviews',
    name: '法律顾问参与合法性审核件数',
    unit: '件',
    kind: 'count',
    formula: '期内完成、且由法律顾问审核(adviser_involved)的合法性审核(审查)数',
    where: (p) => sql`${reviewed(p)} AND kernel_legal_review.adviser_involved`,
  },
  {
    ...reviews,
    id: 'advisers.reviewsWithoutAdviser',
    name: '未经法律顾问的合法性审核件数',
    unit: '件',
    kind: 'count',
    formula: '期内完成、但审核人不是法律顾问的合法性审核(审查)数',
    where: (p) => sql`${reviewed(p)} AND NOT kernel_legal_review.adviser_involved`,
  },
  {
    ...reviews,
    id: 'advisers.decisionsReviewedFirst',
    name: '重大行政决策提交审议前合法性审查率',
    unit: '%',
    kind: 'rate',
    formula:
      '期内送审的重大行政决策中,合法性审查已完成且结论为合法、修改后合法或明示法律风险的件数 ÷ 送审件数 × 100%(每项决策取最近一次送审)',
    where: (p) =>
      sql`kernel_legal_review.module = 'decisions' AND kernel_legal_review.submitted_on BETWEEN ${p.from} AND ${p.to}
        AND ${latest} AND ${passed}`,
    denominator: (p) =>
      sql`kernel_legal_review.module = 'decisions' AND kernel_legal_review.submitted_on BETWEEN ${p.from} AND ${p.to}
        AND ${latest}`,
  },
];
