import { type SQL, sql } from 'drizzle-orm';
import { deadlineExists } from '../../kernel/deadline-sql.js';
import type { IndicatorDef, IndicatorParams } from '../../kernel/module.js';
import { CORRECTING, MODULE, NOT_HEARD, NOT_JUDGED } from './model.js';

// Every column is table-qualified: list routes join other tables. Formulas are this module's
// (DOMAIN §7, §8: the official definitions are UNVERIFIED); each states its own 口径.

const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

const township = (col: string) =>
  sql`(SELECT o.name FROM kernel_org o WHERE o.code = substr(${sql.raw(col)}, 1, 9) || '000')`;

const recons = {
  table: 'litigation_reconsideration',
  drillPath: '/litigation/reconsiderations',
  breakdowns: {
    乡镇: township('litigation_reconsideration.org_code'),
    行为类别: sql`litigation_reconsideration.act_kind`,
    复议决定: sql`coalesce(litigation_reconsideration.decision_type, '尚未审结')`,
    审理程序: sql`litigation_reconsideration.procedure`,
  },
  serves: '依法化解行政争议（行政复议）',
} as const;

const suits = {
  table: 'litigation_lawsuit',
  drillPath: '/litigation/lawsuits',
  breakdowns: {
    乡镇: township('litigation_lawsuit.org_code'),
    审级: sql`litigation_lawsuit.instance`,
    行为类别: sql`litigation_lawsuit.act_kind`,
    裁判结果: sql`coalesce(litigation_lawsuit.judgment_type, '尚未审结')`,
  },
  serves: '规范行政应诉（行政机关负责人出庭应诉）',
} as const;

const received = (p: IndicatorParams) =>
  sql`litigation_reconsideration.received_on BETWEEN ${p.from} AND ${p.to}`;
const filed = (p: IndicatorParams) => sql`litigation_lawsuit.filed_on BETWEEN ${p.from} AND ${p.to}`;
const decided = (p: IndicatorParams) =>
  sql`litigation_reconsideration.decision_type IS NOT NULL AND litigation_reconsideration.decided_on BETWEEN ${p.from} AND ${p.to}
    AND litigation_reconsideration.decision_type NOT IN (${list(NOT_HEARD)})`;
const judged = (p: IndicatorParams) =>
  sql`litigation_lawsuit.judgment_type IS NOT NULL AND litigation_lawsuit.judged_on BETWEEN ${p.from} AND ${p.to}
    AND litigation_lawsuit.judgment_type NOT IN (${list(NOT_JUDGED)})`;

/** The last day a hearing counts as held: the period's end, or today when the period is not over. */
const heldBy = (p: IndicatorParams) => (p.to < p.asOf ? p.to : p.asOf);
/** The lawsuit has a hearing held in the period (matching `extra`). */
const hearingIn = (p: IndicatorParams, extra: SQL = sql`TRUE`) =>
  sql`EXISTS (SELECT 1 FROM litigation_hearing h WHERE h.lawsuit_id = litigation_lawsuit.id
    AND h.hearing_on BETWEEN ${p.from} AND ${heldBy(p)} AND ${extra})`;
const appeared = sql`h.head_appeared`;

const onTime = (entity: string, id: SQL, step: string, p: IndicatorParams, c: 'metOnTime' | 'decided') =>
  deadlineExists(MODULE, entity, id, step, c, p.asOf);
const rid = sql`litigation_reconsideration.id`;
const lid = sql`litigation_lawsuit.id`;

/** 复议/应诉 figures: counts by the day the copy was received; outcomes by the decision/judgment day. */
export const litigationIndicators: IndicatorDef[] = [
  {
    ...recons,
    id: 'litigation.reconsiderations',
    name: '行政复议案件数（被申请）',
    unit: '件',
    kind: 'count',
    formula: '期内收到行政复议申请书副本（答复通知书）的案件数',
    where: received,
  },
  {
    ...suits,
    id: 'litigation.lawsuits',
    name: '行政诉讼案件数（被诉）',
    unit: '件',
    kind: 'count',
    formula: '期内收到起诉状副本的行政诉讼案件数（一审、二审、再审各计一件，可按审级分组）',
    where: filed,
  },
  {
    ...suits,
    id: 'litigation.firstInstance',
    name: '一审行政诉讼案件数',
    unit: '件',
    kind: 'count',
    formula: '期内收到起诉状副本的一审行政诉讼案件数',
    where: (p) => sql`${filed(p)} AND litigation_lawsuit.instance = '一审'`,
  },
  {
    ...recons,
    id: 'litigation.corrected',
    name: '行政复议被纠错件数',
    unit: '件',
    kind: 'count',
    formula: '期内复议决定为撤销、部分撤销、变更、确认违法、确认无效、责令履行的件数',
    where: (p) => sql`${decided(p)} AND litigation_reconsideration.decision_type IN (${list(CORRECTING)})`,
  },
  {
    ...recons,
    id: 'litigation.correctionRate',
    name: '行政复议纠错率',
    unit: '%',
    kind: 'rate',
    formula:
      '期内被纠错（撤销、部分撤销、变更、确认违法、确认无效、责令履行）的复议决定数 ÷ 期内审结数 × 100%；审结数不含不予受理、驳回申请（程序性结案），含调解、和解撤回、终止（直接纠错率口径，官方定义UNVERIFIED）',
    where: (p) => sql`${decided(p)} AND litigation_reconsideration.decision_type IN (${list(CORRECTING)})`,
    denominator: decided,
  },
  {
    ...suits,
    id: 'litigation.lost',
    name: '行政诉讼败诉件数',
    unit: '件',
    kind: 'count',
    formula: '期内裁判为撤销、部分撤销、变更、确认违法、确认无效、责令履行、给付的件数',
    where: (p) => sql`${judged(p)} AND litigation_lawsuit.judgment_type IN (${list(CORRECTING)})`,
  },
  {
    ...suits,
    id: 'litigation.lossRate',
    name: '行政诉讼败诉率',
    unit: '%',
    kind: 'rate',
    formula:
      '期内对行政机关不利的裁判（撤销、部分撤销、变更、确认违法、确认无效、责令履行、给付）数 ÷ 期内审结数 × 100%；审结数不含撤诉，含裁定驳回起诉、调解（官方定义UNVERIFIED）',
    where: (p) => sql`${judged(p)} AND litigation_lawsuit.judgment_type IN (${list(CORRECTING)})`,
    denominator: judged,
  },
  {
    ...suits,
    id: 'litigation.headAppearanceRate',
    name: '行政机关负责人出庭应诉率',
    unit: '%',
    kind: 'rate',
    formula:
      '期内开庭审理的案件中，至少有一次开庭由行政机关负责人（正职、副职、分管副职或其他参与分管的负责人）出庭的案件数 ÷ 期内开庭审理的案件数 × 100%（按案件计；含一审、二审、再审；开庭未登记出庭情况的按未出庭计；口径UNVERIFIED）',
    where: (p) => hearingIn(p, appeared),
    denominator: (p) => hearingIn(p),
  },
  {
    ...suits,
    id: 'litigation.headAbsent',
    name: '负责人未出庭应诉案件数',
    unit: '件',
    kind: 'count',
    formula: '期内开庭审理、但没有一次开庭由负责人出庭的案件数',
    where: (p) => sql`${hearingIn(p)} AND NOT ${hearingIn(p, appeared)}`,
  },
  {
    ...recons,
    id: 'litigation.replyOnTime',
    name: '行政复议按期答复率',
    unit: '%',
    kind: 'rate',
    formula:
      '期内收到申请书副本的案件中，在10个工作日（简易程序5个工作日）内书面答复并提交证据的件数 ÷ 已答复或已逾期的件数 × 100%（《行政复议法》第四十八、五十四条）',
    where: (p) => sql`${received(p)} AND ${onTime('reconsideration', rid, 'reply', p, 'metOnTime')}`,
    denominator: (p) => sql`${received(p)} AND ${onTime('reconsideration', rid, 'reply', p, 'decided')}`,
  },
  {
    ...suits,
    id: 'litigation.answerOnTime',
    name: '行政应诉按期答辩率',
    unit: '%',
    kind: 'rate',
    formula:
      '期内收到起诉状副本的案件中，在15日内提交答辩状及证据的件数 ÷ 已答辩或已逾期的件数 × 100%（《行政诉讼法》第六十七条）',
    where: (p) => sql`${filed(p)} AND ${onTime('lawsuit', lid, 'answer', p, 'metOnTime')}`,
    denominator: (p) => sql`${filed(p)} AND ${onTime('lawsuit', lid, 'answer', p, 'decided')}`,
  },
  {
    ...recons,
    id: 'litigation.opinionRectifyOnTime',
    name: '行政复议意见书按期整改率',
    unit: '%',
    kind: 'rate',
    formula:
      '期内收到行政复议意见书的案件中，60日内报送整改情况的件数 ÷ 已报送或已逾期的件数 × 100%（《行政复议法》第七十六条）',
    where: (p) =>
      sql`litigation_reconsideration.opinion_received_on BETWEEN ${p.from} AND ${p.to}
        AND ${onTime('reconsideration', rid, 'rectify', p, 'metOnTime')}`,
    denominator: (p) =>
      sql`litigation_reconsideration.opinion_received_on BETWEEN ${p.from} AND ${p.to}
        AND ${onTime('reconsideration', rid, 'rectify', p, 'decided')}`,
  },
  {
    ...suits,
    id: 'litigation.suggestionReplyOnTime',
    name: '司法建议、检察建议按期回复率',
    unit: '%',
    kind: 'rate',
    formula:
      '期内收到司法建议、检察建议的案件中，在建议书载明期限（未载明按30日，UNVERIFIED）内回复的件数 ÷ 已回复或已逾期的件数 × 100%',
    where: (p) =>
      sql`litigation_lawsuit.suggestion_received_on BETWEEN ${p.from} AND ${p.to}
        AND ${onTime('lawsuit', lid, 'suggestion', p, 'metOnTime')}`,
    denominator: (p) =>
      sql`litigation_lawsuit.suggestion_received_on BETWEEN ${p.from} AND ${p.to}
        AND ${onTime('lawsuit', lid, 'suggestion', p, 'decided')}`,
  },
];
