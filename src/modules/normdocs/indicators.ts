import { sql } from 'drizzle-orm';
import { deadlineExists } from '../../kernel/deadline-sql.js';
import type { IndicatorDef, IndicatorParams } from '../../kernel/module.js';

// Every column table-qualified: the list route joins kernel_org.
// Period = 公布日期 in [from, to] unless the figure says otherwise.
const published = (p: IndicatorParams) =>
  sql`normdocs_document.published_on IS NOT NULL AND normdocs_document.published_on BETWEEN ${p.from} AND ${p.to}`;
const filed = sql`normdocs_document.filed_on IS NOT NULL`;
const filing = (part: 'metOnTime' | 'decided', p: IndicatorParams) =>
  deadlineExists('normdocs', 'document', sql`normdocs_document.id`, 'filing', part, p.asOf);
const township = sql`(SELECT o.name FROM kernel_org o WHERE o.code = normdocs_document.org_code)`;
const base = {
  table: 'normdocs_document',
  drillPath: '/normdocs',
  breakdowns: {
    制定机关: township,
    文件类型: sql`normdocs_document.doc_type`,
    月份: sql`to_char(normdocs_document.published_on, 'YYYY-MM')`,
  },
  serves: '行政规范性文件合法性审核和备案审查',
} as const;

export const normdocsIndicators: IndicatorDef[] = [
  {
    ...base,
    id: 'normdocs.issued',
    name: '制发规范性文件数',
    unit: '件',
    kind: 'count',
    formula: '期内公布的行政规范性文件件数',
    where: published,
  },
  {
    ...base,
    id: 'normdocs.reviewRate',
    name: '规范性文件合法性审核率',
    unit: '%',
    kind: 'rate',
    formula: '经合法性审核(合法或修改后合法)后公布的件数 ÷ 期内公布件数 × 100%',
    where: (p) =>
      sql`${published(p)} AND normdocs_document.reviewed_on IS NOT NULL AND normdocs_document.review_result IN ('合法', '修改后合法')`,
    denominator: published,
  },
  {
    ...base,
    id: 'normdocs.filingRate',
    name: '规范性文件报备率',
    unit: '%',
    kind: 'rate',
    formula: '已报送备案件数 ÷ 应报备件数(期内公布件数) × 100%',
    where: (p) => sql`${published(p)} AND ${filed}`,
    denominator: published,
  },
  {
    ...base,
    id: 'normdocs.filingOnTimeRate',
    name: '规范性文件报备及时率',
    unit: '%',
    kind: 'rate',
    formula: '在备案期限内报送件数 ÷ (已报送件数 + 逾期未报送件数) × 100%',
    where: (p) => sql`${published(p)} AND ${filing('metOnTime', p)}`,
    denominator: (p) => sql`${published(p)} AND ${filing('decided', p)}`,
  },
  {
    ...base,
    id: 'normdocs.filingPassRate',
    name: '规范性文件报备合格率',
    unit: '%',
    kind: 'rate',
    formula: '备案审查一次合格件数 ÷ 已报送件数 × 100%',
    where: (p) =>
      sql`${published(p)} AND ${filed} AND normdocs_document.filing_result = '合格' AND normdocs_document.filing_corrections = 0`,
    denominator: (p) => sql`${published(p)} AND ${filed}`,
  },
  {
    ...base,
    id: 'normdocs.expiring',
    name: '期内到期规范性文件数',
    unit: '件',
    kind: 'count',
    formula: '现行文件中有效期在期内届满的件数',
    where: (p) =>
      sql`normdocs_document.status = 'published' AND normdocs_document.valid_until IS NOT NULL AND normdocs_document.valid_until BETWEEN ${p.from} AND ${p.to}`,
  },
  {
    ...base,
    id: 'normdocs.cleanedUp',
    name: '清理规范性文件数',
    unit: '件',
    kind: 'count',
    formula: '期内经清理(继续有效、修改、废止或失效)的文件件数',
    where: (p) =>
      sql`EXISTS (SELECT 1 FROM normdocs_cleanup c WHERE c.document_id = normdocs_document.id AND c.reviewed_on BETWEEN ${p.from} AND ${p.to})`,
  },
];
