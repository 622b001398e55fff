import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../kernel/db/client.js';
import { inSubtree } from '../../kernel/scope.js';
import { ANSWER_REASONS, type AnswerType, CATEGORIES, ORG_SUB_KINDS } from './model.js';

/**
 * 政府信息公开工作年度报告 tables (国办公开办函〔2021〕30号《政府信息公开工作年度报告格式》), computed from
 * the ledgers. Row and column names follow DOMAIN.md §12; the exact layout of the official format beyond
 * that is UNVERIFIED (DOMAIN.md: 表格列细节 UNVERIFIED).
 */
export const APPLICANT_COLUMNS = ['自然人', ...ORG_SUB_KINDS, '总计'] as const;
const CN = ['一', '二', '三', '四', '五', '六', '七', '八'];

export interface RequestTableRow {
  key: string;
  label: string;
  level: 0 | 1 | 2; // 一、 / （一） / 1.
  values: number[]; // per APPLICANT_COLUMNS
}

export interface AnnualTables {
  year: number;
  orgCode: string;
  note: string;
  proactive: {
    documents: { label: string; issued: number | null; repealed: number | null; effective: number | null }[];
    decisions: { label: string; count: number | null }[];
    items: { category: string; published: number; onTime: number }[];
  };
  requests: { columns: readonly string[]; rows: RequestTableRow[] };
  review: {
    columns: string[];
    reconsideration: number[];
    lawsuitDirect: number[];
    lawsuitAfterReconsideration: number[];
    available: boolean;
  };
}

async function tableExists(db: Tx, name: string): Promise<boolean> {
  const [r] = await rows<{ t: string | null }>(db, sql`SELECT to_regclass(${name})::text AS t`);
  return Boolean(r?.t);
}

const colOf = sql`CASE WHEN r.applicant_kind = '自然人' THEN '自然人' ELSE coalesce(r.applicant_sub_kind, '其他') END`;

export async function annualTables(db: Tx, orgCode: string, year: number): Promise<AnnualTables> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const within = (col: string) => inSubtree(sql.raw(col), orgCode);
  const got = sql`coalesce(r.received_on, r.submitted_on)`;
  const counts = await rows<{ k: string; col: string; n: number }>(
    db,
    sql`SELECT k, col, count(*)::int AS n FROM (
          SELECT ${colOf} AS col, r.answer_type, r.answer_reason,
            ${got} AS got, r.answered_on FROM disclosure_request r WHERE ${within('r.org_code')}
        ) r0 CROSS JOIN LATERAL (VALUES
          (CASE WHEN r0.got BETWEEN ${start} AND ${end} THEN 'new' END),
          (CASE WHEN r0.got < ${start} AND (r0.answered_on IS NULL OR r0.answered_on >= ${start}) THEN 'carried' END),
          (CASE WHEN r0.answered_on BETWEEN ${start} AND ${end} THEN 'type:' || r0.answer_type END),
          (CASE WHEN r0.answered_on BETWEEN ${start} AND ${end} AND r0.answer_reason IS NOT NULL
             THEN 'reason:' || r0.answer_type || ':' || r0.answer_reason END),
          (CASE WHEN r0.got <= ${end} AND (r0.answered_on IS NULL OR r0.answered_on > ${end}) THEN 'forward' END)
        ) v(k) WHERE k IS NOT NULL GROUP BY k, col`,
  );
  const cell = new Map<string, number>();
  for (const c of counts) cell.set(`${c.k}|${c.col}`, Number(c.n));
  const line = (key: string): number[] => {
    const v = APPLICANT_COLUMNS.slice(0, -1).map((c) => cell.get(`${key}|${c}`) ?? 0);
    return [...v, v.reduce((a, b) => a + b, 0)];
  };
  const out: RequestTableRow[] = [
    { key: 'new', label: '一、本年新收政府信息公开申请数量', level: 0, values: line('new') },
    { key: 'carried', label: '二、上年结转政府信息公开申请数量', level: 0, values: line('carried') },
    { key: 'results', label: '三、本年度办理结果', level: 0, values: [] },
  ];
  const types = Object.keys(ANSWER_REASONS) as AnswerType[];
  const total = APPLICANT_COLUMNS.map(() => 0);
  types.forEach((t, i) => {
    const label =
      t === '部分公开'
        ? `（${CN[i]}）部分公开（区分处理的，只计这一情形，不计其他情形）`
        : `（${CN[i]}）${t}`;
    const values = line(`type:${t}`);
    values.forEach((v, j) => {
      total[j]! += v;
    });
    out.push({ key: `type:${t}`, label, level: 1, values });
    ANSWER_REASONS[t].forEach((reason, k) => {
      out.push({
        key: `reason:${t}:${reason}`,
        label: `${k + 1}.${reason}`,
        level: 2,
        values: line(`reason:${t}:${reason}`),
      });
    });
  });
  out.push({ key: 'total', label: '（七）总计', level: 1, values: total });
  out.push({ key: 'forward', label: '四、结转下年度继续办理', level: 0, values: line('forward') });

  // 二、主动公开: 规范性文件 and 行政处罚 from the other ledgers when they are there (plain SQL).
  const documents: AnnualTables['proactive']['documents'] = [
    { label: '规章', issued: null, repealed: null, effective: null },
  ];
  if (await tableExists(db, 'normdocs_document')) {
    const [d] = await rows<{ issued: number; repealed: number; effective: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE published_on BETWEEN ${start} AND ${end})::int AS issued,
                 count(*) FILTER (WHERE ended_on BETWEEN ${start} AND ${end})::int AS repealed,
                 count(*) FILTER (WHERE published_on <= ${end} AND (ended_on IS NULL OR ended_on > ${end}))::int AS effective
          FROM normdocs_document WHERE ${within('org_code')}`,
    );
    documents.push({
      label: '行政规范性文件',
      issued: Number(d?.issued ?? 0),
      repealed: Number(d?.repealed ?? 0),
      effective: Number(d?.effective ?? 0),
    });
  } else documents.push({ label: '行政规范性文件', issued: 0, repealed: 0, effective: 0 });
  let penalties = 0;
  if (await tableExists(db, 'enforcement_case')) {
    const [e] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM enforcement_case WHERE ${within('org_code')}
          AND decided_on BETWEEN ${start} AND ${end} AND decision_kind = '处罚'`,
    );
    penalties = Number(e?.n ?? 0);
  }
  const decisions = [
    { label: '行政许可', count: null },
    { label: '行政处罚', count: penalties },
    { label: '行政强制', count: null },
  ];
  const itemRows = await rows<{ category: string; published: number; on_time: number }>(
    db,
    sql`SELECT category, count(*)::int AS published, count(*) FILTER (WHERE published_on <= due_on)::int AS on_time
        FROM disclosure_item WHERE ${within('org_code')} AND published_on BETWEEN ${start} AND ${end}
        GROUP BY category`,
  );
  const items = CATEGORIES.map((c) => {
    const r = itemRows.find((x) => x.category === c);
    return { category: c, published: Number(r?.published ?? 0), onTime: Number(r?.on_time ?? 0) };
  });

  // 四、因政府信息公开工作被申请行政复议、提起行政诉讼: the litigation ledgers, act_kind = 政府信息公开.
  const columns = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const bucket = (col: string, on: string) =>
    sql`CASE WHEN ${sql.raw(col)} IS NULL OR ${sql.raw(on)} > ${end} THEN 3
          WHEN ${sql.raw(col)} IN ('维持', '驳回复议请求', '驳回诉讼请求') THEN 0
          WHEN ${sql.raw(col)} IN ('撤销', '部分撤销', '变更', '确认违法', '确认无效', '责令履行', '给付') THEN 1
          ELSE 2 END`;
  const five = (list: { b: number; n: number }[]) => {
    const v = [0, 1, 2, 3].map((b) => Number(list.find((x) => Number(x.b) === b)?.n ?? 0));
    return [...v, v.reduce((a, b) => a + b, 0)];
  };
  let reconsideration = five([]);
  let lawsuitDirect = five([]);
  let lawsuitAfterReconsideration = five([]);
  const available =
    (await tableExists(db, 'litigation_reconsideration')) && (await tableExists(db, 'litigation_lawsuit'));
  if (available) {
    reconsideration = five(
      await rows(
        db,
        sql`SELECT ${bucket('decision_type', 'decided_on')} AS b, count(*)::int AS n FROM litigation_reconsideration
            WHERE ${within('org_code')} AND act_kind = '政府信息公开' AND received_on BETWEEN ${start} AND ${end}
            GROUP BY 1`,
      ),
    );
    const suits = (after: boolean) =>
      rows<{ b: number; n: number }>(
        db,
        sql`SELECT ${bucket('judgment_type', 'judged_on')} AS b, count(*)::int AS n FROM litigation_lawsuit
            WHERE ${within('org_code')} AND act_kind = '政府信息公开' AND filed_on BETWEEN ${start} AND ${end}
            AND reconsideration_id IS ${after ? sql`NOT NULL` : sql`NULL`} GROUP BY 1`,
      );
    lawsuitDirect = five(await suits(false));
    lawsuitAfterReconsideration = five(await suits(true));
  }
  return {
    year,
    orgCode,
    note: '表格格式依国办公开办函〔2021〕30号；除DOMAIN.md所列行列外，具体行列设置未经核实（UNVERIFIED）。行政许可、行政强制不在本平台台账内，以“—”表示。',
    proactive: { documents, decisions, items },
    requests: { columns: APPLICANT_COLUMNS, rows: out },
    review: { columns, reconsideration, lawsuitDirect, lawsuitAfterReconsideration, available },
  };
}

/** The tables as an .xlsx workbook (one sheet, the three parts one below the other). */
export async function annualWorkbook(t: AnnualTables, orgName: string): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${t.year}年度`);
  ws.columns = [{ width: 56 }, ...Array.from({ length: 8 }, () => ({ width: 14 }))];
  const bold = (r: import('exceljs').Row) => {
    r.font = { bold: true };
  };
  bold(ws.addRow([`${orgName}${t.year}年政府信息公开工作年度报告（统计表）`]));
  ws.addRow([t.note]);
  ws.addRow([]);
  bold(ws.addRow(['二、主动公开政府信息情况']));
  bold(ws.addRow(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']));
  for (const d of t.proactive.documents)
    ws.addRow([d.label, d.issued ?? '—', d.repealed ?? '—', d.effective ?? '—']);
  bold(ws.addRow(['信息内容', '本年处理决定数量']));
  for (const d of t.proactive.decisions) ws.addRow([d.label, d.count ?? '—']);
  bold(ws.addRow(['主动公开目录类别（平台统计）', '本年公开条数', '其中按期公开']));
  for (const d of t.proactive.items) ws.addRow([d.category, d.published, d.onTime]);
  ws.addRow([]);
  bold(ws.addRow(['三、收到和处理政府信息公开申请情况']));
  bold(ws.addRow(['本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', '申请人情况']));
  bold(ws.addRow(['', '自然人', '法人或其他组织', '', '', '', '', '总计']));
  bold(ws.addRow(['', '', ...ORG_SUB_KINDS, '']));
  for (const r of t.requests.rows) ws.addRow([`${'  '.repeat(r.level)}${r.label}`, ...r.values]);
  ws.addRow([]);
  bold(ws.addRow(['四、政府信息公开行政复议、行政诉讼情况']));
  bold(ws.addRow(['', ...t.review.columns]));
  ws.addRow(['行政复议', ...t.review.reconsideration]);
  ws.addRow(['行政诉讼（未经复议直接起诉）', ...t.review.lawsuitDirect]);
  ws.addRow(['行政诉讼（复议后起诉）', ...t.review.lawsuitAfterReconsideration]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
