import { sql } from 'drizzle-orm';
import type { IndicatorDef, IndicatorParams } from '../../kernel/module.js';
import { DEMO_VILLAGE } from './model.js';
import { dutyDone } from './service.js';

// Every column is table-qualified: list routes join other tables.

const held = (p: IndicatorParams) => sql`publicity_activity.held_on BETWEEN ${p.from} AND ${p.to}`;
const activities = {
  table: 'publicity_activity',
  drillPath: '/publicity',
  breakdowns: {
    乡镇: sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(publicity_activity.org_code, 1, 9) || '000')`,
    形式: sql`publicity_activity.form`,
    法律六进: sql`publicity_activity.venue_type`,
    主题: sql`publicity_activity.themes[1]`,
    月份: sql`to_char(publicity_activity.held_on, 'YYYY-MM')`,
  },
  serves: '深入开展法治宣传教育',
} as const;

const years = (p: IndicatorParams) =>
  sql`publicity_duty.year BETWEEN ${Number(p.from.slice(0, 4))} AND ${Number(p.to.slice(0, 4))}`;

/** Sites standing at the period's end: built (named) on or before `to`, or with no date recorded. */
const standing = (p: IndicatorParams) =>
  sql`(publicity_site.built_on IS NULL OR publicity_site.built_on <= ${p.to})`;
const sites = {
  table: 'publicity_site',
  drillPath: '/publicity/sites',
  breakdowns: {
    乡镇: sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(publicity_site.org_code, 1, 9) || '000')`,
    类型: sql`publicity_site.kind`,
  },
  serves: '法治宣传阵地建设',
} as const;

/**
 * 普法宣传 figures. Activities count by their day in [from, to]; the 谁执法谁普法 rate takes the
 * responsibility list of the years the period touches; sites count those standing at the period's end.
 */
export const publicityIndicators: IndicatorDef[] = [
  {
    ...activities,
    id: 'publicity.activities',
    name: '开展普法宣传活动场次',
    unit: '场',
    kind: 'count',
    formula: '期内普法宣传活动台账记录数',
    where: held,
  },
  {
    ...activities,
    id: 'publicity.inSchools',
    name: '普法进学校活动场次',
    unit: '场',
    kind: 'count',
    formula: '期内法律“六进”类型为“进学校”的活动数',
    where: (p) => sql`publicity_activity.venue_type = '进学校' AND ${held(p)}`,
  },
  {
    ...activities,
    id: 'publicity.reach',
    name: '普法活动受众人次',
    unit: '人次',
    kind: 'sum',
    sum: sql`publicity_activity.reach`,
    formula: '期内普法宣传活动受众人次之和',
    where: held,
  },
  {
    ...activities,
    id: 'publicity.materials',
    name: '发放普法宣传资料份数',
    unit: '份',
    kind: 'sum',
    sum: sql`publicity_activity.materials`,
    formula: '期内普法宣传活动发放宣传资料(手册、折页等)份数之和',
    where: held,
  },
  {
    ...activities,
    id: 'publicity.caseExplained',
    name: '以案释法活动场次',
    unit: '场',
    kind: 'count',
    formula: '期内形式为“以案释法”的活动数',
    where: (p) => sql`publicity_activity.form = '以案释法' AND ${held(p)}`,
  },
  {
    ...activities,
    id: 'publicity.constitutionWeek',
    name: '“12·4”国家宪法日(宪法宣传周)活动场次',
    unit: '场',
    kind: 'count',
    formula: '期内主题含“宪法宣传”、且在宪法宣传周(12月1日至12月7日)开展的活动数',
    where: (p) =>
      sql`'宪法宣传' = ANY(publicity_activity.themes) AND to_char(publicity_activity.held_on, 'MM-DD') BETWEEN '12-01' AND '12-07'
        AND ${held(p)}`,
  },
  {
    table: 'publicity_duty',
    drillPath: '/publicity/duties',
    breakdowns: {
      乡镇: sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(publicity_duty.org_code, 1, 9) || '000')`,
      年度: sql`publicity_duty.year::text`,
    },
    serves: '落实“谁执法谁普法”普法责任制',
    id: 'publicity.dutyCompletion',
    name: '“谁执法谁普法”责任单位完成率',
    unit: '%',
    kind: 'rate',
    formula:
      '期间所在年度普法责任清单中,年内登记在该责任下的活动数达到计划场次的责任单位数 ÷ 有计划的责任单位数 × 100%',
    where: (p) => sql`${years(p)} AND ${dutyDone()} >= publicity_duty.planned`,
    denominator: years,
  },
  {
    ...sites,
    id: 'publicity.sites',
    name: '法治宣传阵地数',
    unit: '个',
    kind: 'count',
    formula: '期末已建成的法治公园、法治文化广场、法治长廊、宣传栏、法治书屋等阵地数(不含民主法治示范村)',
    where: (p) => sql`publicity_site.kind <> ${DEMO_VILLAGE} AND ${standing(p)}`,
  },
  {
    ...sites,
    id: 'publicity.demoVillages',
    name: '民主法治示范村(社区)数',
    unit: '个',
    kind: 'count',
    formula: '期末已获命名的各级民主法治示范村(社区)数',
    where: (p) => sql`publicity_site.kind = ${DEMO_VILLAGE} AND ${standing(p)}`,
    breakdowns: { ...sites.breakdowns, 级别: sql`publicity_site.honour_level` },
  },
];
