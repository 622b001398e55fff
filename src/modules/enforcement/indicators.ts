import { type SQL, sql } from 'drizzle-orm';
import { addDays } from '../../kernel/calendar.js';
import { deadlineExists } from '../../kernel/deadline-sql.js';
import type { IndicatorDef, IndicatorParams } from '../../kernel/module.js';

// Every column is table-qualified: a list route may join other tables to enforcement_case.
// A nullable date is tested IS NOT NULL first: `NULL BETWEEN …` is NULL, not false, so AND would go on to evaluate
// the EXISTS subqueries after it for every undecided case.
const filed = (p: IndicatorParams) => sql`enforcement_case.filed_on BETWEEN ${p.from} AND ${p.to}`;
const decided = (p: IndicatorParams) =>
  sql`enforcement_case.decided_on IS NOT NULL AND enforcement_case.decided_on BETWEEN ${p.from} AND ${p.to}`;
const revoked = (p: IndicatorParams) =>
  sql`enforcement_case.revoked_on IS NOT NULL AND enforcement_case.revoked_on BETWEEN ${p.from} AND ${p.to}`;
const penalty = sql`enforcement_case.decision_kind = '处罚'`;
const ordinary = sql`enforcement_case.procedure = 'ordinary'`;
const major = sql`enforcement_case.major`;
const onTime = (step: string, part: 'metOnTime' | 'decided', p: IndicatorParams) =>
  deadlineExists('enforcement', 'case', sql`enforcement_case.id`, step, part, p.asOf);

const township = (table: string) =>
  sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(${sql.identifier(table)}.org_code, 1, 9) || '000')`;
const itemType = sql`(SELECT i.item_type FROM enforcement_item i WHERE i.id = enforcement_case.item_id)`;
const procedure = sql`CASE enforcement_case.procedure WHEN 'simple' THEN '简易程序' ELSE '普通程序' END`;
const common = {
  程序: procedure,
  事项类型: itemType,
  案件来源: sql`enforcement_case.source`,
  当事人类型: sql`enforcement_case.party_type`,
  乡镇: township('enforcement_case'),
};
/** Breakdowns of figures counted by 立案日期. */
const byFiled = {
  ...common,
  决定类型: sql`coalesce(enforcement_case.decision_kind, '尚未决定')`,
  状态: sql`CASE enforcement_case.status WHEN 'filed' THEN '调查取证' WHEN 'investigated' THEN '审查'
    WHEN 'notified' THEN '已告知' WHEN 'hearing' THEN '听证' WHEN 'decided' THEN '已决定' WHEN 'served' THEN '已送达'
    WHEN 'executed' THEN '已执行' WHEN 'closed' THEN '已结案' ELSE '已归档' END`,
  月份: sql`to_char(enforcement_case.filed_on, 'YYYY-MM')`,
};
/** Breakdowns of figures counted by 决定日期. */
const byDecided = {
  ...common,
  决定类型: sql`enforcement_case.decision_kind`,
  月份: sql`to_char(enforcement_case.decided_on, 'YYYY-MM')`,
};
const cases = {
  table: 'enforcement_case',
  drillPath: '/enforcement',
  serves: '严格规范公正文明执法',
} as const;

/** The day a certificate must be valid on: the period's last day, or today when the period is not over. */
const certDay = (p: IndicatorParams) => (p.to < p.asOf ? p.to : p.asOf);
const activeOfficer = sql`enforcement_officer.active`;
const validOn = (
  day: string,
) => sql`enforcement_officer.cert_no IS NOT NULL AND enforcement_officer.status = '有效'
  AND (enforcement_officer.valid_from IS NULL OR enforcement_officer.valid_from <= ${day})
  AND (enforcement_officer.valid_to IS NULL OR enforcement_officer.valid_to >= ${day})`;
/** Certificates expiring within this many days after `asOf` are "expiring". */
export const EXPIRING_DAYS = 90;
const officers = {
  table: 'enforcement_officer',
  drillPath: '/enforcement/officers',
  breakdowns: {
    乡镇: township('enforcement_officer'),
    证件状态: sql`CASE WHEN enforcement_officer.cert_no IS NULL THEN '未取得执法证' ELSE enforcement_officer.status END`,
    执法区域: sql`enforcement_officer.areas`,
  },
  serves: '严格规范公正文明执法',
} as const;

const reviewed = (p: IndicatorParams) =>
  sql`enforcement_case_review.reviewed_on BETWEEN ${p.from} AND ${p.to}`;
const reviews = {
  table: 'enforcement_case_review',
  drillPath: '/enforcement/reviews',
  breakdowns: {
    乡镇: township('enforcement_case_review'),
    评查人: sql`enforcement_case_review.reviewer_name`,
    月份: sql`to_char(enforcement_case_review.reviewed_on, 'YYYY-MM')`,
  },
  serves: '严格规范公正文明执法',
} as const;

const planned = (p: IndicatorParams) => sql`enforcement_inspection.planned_on BETWEEN ${p.from} AND ${p.to}`;
const inspectionDone = sql`enforcement_inspection.status IN ('done', 'published')`;
const inspections = {
  table: 'enforcement_inspection',
  drillPath: '/enforcement/inspections',
  breakdowns: {
    乡镇: township('enforcement_inspection'),
    状态: sql`CASE enforcement_inspection.status WHEN 'planned' THEN '待抽取' WHEN 'drawn' THEN '已抽取'
      WHEN 'done' THEN '已完成' ELSE '已公开' END`,
    月份: sql`to_char(enforcement_inspection.planned_on, 'YYYY-MM')`,
  },
  serves: '严格规范公正文明执法',
} as const;

const published: SQL = sql`EXISTS (SELECT 1 FROM enforcement_publication pub WHERE pub.case_id = enforcement_case.id)`;
/** The publication's category is the item type of the case (行政处罚 | 行政许可 | …). */
const penaltyPublished: SQL = sql`EXISTS (SELECT 1 FROM enforcement_publication pub
  WHERE pub.case_id = enforcement_case.id AND pub.category = '行政处罚')`;

/**
 * 行政执法 figures. Case counts take 立案日期 in [from, to]; decisions and what follows them (处罚、罚款、
 * 重大执法决定、法制审核、公示) take 决定日期. On-time rates read the kernel deadlines ('decide', 'publish',
 * 'withdraw' of entity 'case'): a step still open past its due date counts as late.
 */
export const enforcementIndicators: IndicatorDef[] = [
  {
    ...cases,
    breakdowns: byFiled,
    id: 'enforcement.cases',
    name: '行政执法案件数',
    unit: '件',
    kind: 'count',
    formula: '期内立案(简易程序为当场作出决定)的行政执法案件数',
    where: filed,
  },
  {
    ...cases,
    breakdowns: byFiled,
    id: 'enforcement.simpleCases',
    name: '简易程序案件数',
    unit: '件',
    kind: 'count',
    formula: '期内适用简易程序当场作出决定的案件数',
    where: (p) => sql`${filed(p)} AND enforcement_case.procedure = 'simple'`,
  },
  {
    ...cases,
    breakdowns: byFiled,
    id: 'enforcement.ordinaryCases',
    name: '普通程序案件数',
    unit: '件',
    kind: 'count',
    formula: '期内适用普通程序立案的案件数',
    where: (p) => sql`${filed(p)} AND ${ordinary}`,
  },
  {
    ...cases,
    breakdowns: byDecided,
    id: 'enforcement.decisions',
    name: '作出执法决定数',
    unit: '件',
    kind: 'count',
    formula: '期内作出决定(处罚、不予处罚、移送司法机关及其他决定)的案件数',
    where: decided,
  },
  {
    ...cases,
    breakdowns: byDecided,
    id: 'enforcement.penalties',
    name: '行政处罚决定数',
    unit: '件',
    kind: 'count',
    formula: '期内作出行政处罚决定的案件数(含简易程序)',
    where: (p) => sql`${decided(p)} AND ${penalty}`,
  },
  {
    ...cases,
    breakdowns: byDecided,
    id: 'enforcement.fines',
    name: '罚款金额',
    unit: '元',
    kind: 'sum',
    formula: '期内作出且未被变更、撤销或确认违法无效的行政处罚决定的罚款金额合计(元,取整)',
    where: (p) => sql`${decided(p)} AND ${penalty} AND enforcement_case.revoked_on IS NULL`,
    sum: sql`enforcement_case.fine_amount`,
  },
  {
    ...cases,
    breakdowns: byDecided,
    id: 'enforcement.majorDecisions',
    name: '重大执法决定数',
    unit: '件',
    kind: 'count',
    formula: '期内作出的重大执法决定数(《行政处罚法》第五十八条情形)',
    where: (p) => sql`${decided(p)} AND ${major}`,
  },
  {
    ...cases,
    breakdowns: byDecided,
    id: 'enforcement.majorReviewRate',
    name: '重大执法决定法制审核率',
    unit: '%',
    kind: 'rate',
    formula: '决定前经法制审核且审核意见为“同意”的重大执法决定数 ÷ 期内作出的重大执法决定数 × 100%',
    where: (p) =>
      sql`${decided(p)} AND ${major} AND enforcement_case.review_result = '同意'
        AND enforcement_case.reviewed_on <= enforcement_case.decided_on`,
    denominator: (p) => sql`${decided(p)} AND ${major}`,
  },
  {
    ...cases,
    breakdowns: byDecided,
    id: 'enforcement.published',
    name: '公示执法决定数',
    unit: '条',
    kind: 'count',
    formula: '期内作出并已在门户公示的执法决定数',
    where: (p) => sql`${decided(p)} AND ${published}`,
  },
  {
    ...cases,
    breakdowns: byDecided,
    id: 'enforcement.penaltiesPublished',
    name: '公示行政处罚决定数',
    unit: '条',
    kind: 'count',
    formula: '期内作出并已公示的行政处罚类(事项类型为行政处罚)决定数',
    where: (p) => sql`${decided(p)} AND ${penaltyPublished}`,
  },
  {
    ...cases,
    breakdowns: byDecided,
    id: 'enforcement.publishOnTimeRate',
    name: '执法决定公示及时率',
    unit: '%',
    kind: 'rate',
    formula:
      '决定后7个工作日(行政处罚、行政许可)或20个工作日(其他)内公示的件数 ÷ (已公示件数 + 逾期未公示件数) × 100%',
    where: (p) => sql`${decided(p)} AND ${onTime('publish', 'metOnTime', p)}`,
    denominator: (p) => sql`${decided(p)} AND ${onTime('publish', 'decided', p)}`,
  },
  {
    ...cases,
    breakdowns: byFiled,
    id: 'enforcement.onTimeRate',
    name: '执法案件按期办结率',
    unit: '%',
    kind: 'rate',
    formula:
      '普通程序案件中立案后90日(含批准延期)内作出决定的件数 ÷ (已作出决定件数 + 逾期未决定件数) × 100%(简易程序当场决定,不计)',
    // Simple cases open no 'decide' deadline: skip their two probes.
    where: (p) => sql`${filed(p)} AND ${ordinary} AND ${onTime('decide', 'metOnTime', p)}`,
    denominator: (p) => sql`${filed(p)} AND ${ordinary} AND ${onTime('decide', 'decided', p)}`,
  },
  {
    ...cases,
    breakdowns: byDecided,
    id: 'enforcement.hearingNoticeRate',
    name: '听证权利告知率',
    unit: '%',
    kind: 'rate',
    formula: '依法适用听证且已事先告知听证权利的处罚决定数 ÷ 依法适用听证的处罚决定数 × 100%',
    where: (p) =>
      sql`${decided(p)} AND ${penalty} AND enforcement_case.hearing_applicable
        AND enforcement_case.notified_on IS NOT NULL AND enforcement_case.notified_on <= enforcement_case.decided_on`,
    denominator: (p) => sql`${decided(p)} AND ${penalty} AND enforcement_case.hearing_applicable`,
  },
  {
    ...cases,
    breakdowns: { ...common, 月份: sql`to_char(enforcement_case.revoked_on, 'YYYY-MM')` },
    id: 'enforcement.withdrawOnTimeRate',
    name: '公示撤回及时率',
    unit: '%',
    kind: 'rate',
    formula:
      '决定被变更、撤销或确认违法无效后3个工作日内撤回公示的件数 ÷ (已撤回件数 + 逾期未撤回件数) × 100%',
    where: (p) => sql`${revoked(p)} AND ${onTime('withdraw', 'metOnTime', p)}`,
    denominator: (p) => sql`${revoked(p)} AND ${onTime('withdraw', 'decided', p)}`,
  },
  {
    ...officers,
    id: 'enforcement.officers',
    name: '在岗执法人员数',
    unit: '人',
    kind: 'count',
    formula: '在岗的行政执法人员数(含未取得执法证的人员)',
    where: () => activeOfficer,
  },
  {
    ...officers,
    id: 'enforcement.certifiedOfficers',
    name: '持证执法人员数',
    unit: '人',
    kind: 'count',
    formula: '在岗且执法证在期末(期间未结束的为今日)有效的执法人员数',
    where: (p) => sql`${activeOfficer} AND ${validOn(certDay(p))}`,
  },
  {
    ...officers,
    id: 'enforcement.certifiedRate',
    name: '执法人员持证率',
    unit: '%',
    kind: 'rate',
    formula: '执法证在期末(期间未结束的为今日)有效的在岗执法人员数 ÷ 在岗执法人员数 × 100%',
    where: (p) => sql`${activeOfficer} AND ${validOn(certDay(p))}`,
    denominator: () => activeOfficer,
  },
  {
    ...officers,
    id: 'enforcement.expiringCerts',
    name: '即将到期执法证数',
    unit: '人',
    kind: 'count',
    formula: `在岗人员中今日有效、${EXPIRING_DAYS}日内(含第${EXPIRING_DAYS}日)到期的执法证数`,
    where: (p) =>
      sql`${activeOfficer} AND ${validOn(p.asOf)} AND enforcement_officer.valid_to <= ${addDays(p.asOf, EXPIRING_DAYS)}`,
  },
  {
    ...officers,
    id: 'enforcement.expiredCerts',
    name: '执法证过期人数',
    unit: '人',
    kind: 'count',
    formula: '在岗人员中执法证在期末(期间未结束的为今日)已过有效期的人数',
    where: (p) =>
      sql`${activeOfficer} AND enforcement_officer.cert_no IS NOT NULL AND enforcement_officer.valid_to < ${certDay(p)}`,
  },
  {
    ...reviews,
    id: 'enforcement.reviews',
    name: '案卷评查数',
    unit: '件',
    kind: 'count',
    formula: '期内评查的行政执法案卷数',
    where: reviewed,
  },
  {
    ...reviews,
    id: 'enforcement.reviewPassRate',
    name: '案卷评查合格率',
    unit: '%',
    kind: 'rate',
    formula: '评查得分达到合格分的案卷数 ÷ 期内评查的案卷数 × 100%',
    where: (p) => sql`${reviewed(p)} AND enforcement_case_review.passed`,
    denominator: reviewed,
  },
  {
    ...inspections,
    id: 'enforcement.inspectionsPlanned',
    name: '双随机抽查计划数',
    unit: '次',
    kind: 'count',
    formula: '计划日期在期内的“双随机、一公开”抽查任务数',
    where: planned,
  },
  {
    ...inspections,
    id: 'enforcement.inspectionsDone',
    name: '双随机抽查完成数',
    unit: '次',
    kind: 'count',
    formula: '计划日期在期内、已完成(含已公开结果)的抽查任务数',
    where: (p) => sql`${planned(p)} AND ${inspectionDone}`,
  },
  {
    ...inspections,
    id: 'enforcement.inspectionsPublished',
    name: '抽查结果公开数',
    unit: '次',
    kind: 'count',
    formula: '计划日期在期内、抽查结果已向社会公开的抽查任务数',
    where: (p) => sql`${planned(p)} AND enforcement_inspection.status = 'published'`,
  },
  {
    ...inspections,
    id: 'enforcement.inspectionDoneRate',
    name: '双随机抽查完成率',
    unit: '%',
    kind: 'rate',
    formula: '已完成的抽查任务数 ÷ 计划日期在期内的抽查任务数 × 100%',
    where: (p) => sql`${planned(p)} AND ${inspectionDone}`,
    denominator: planned,
  },
];
