import { and, eq, ne, sql } from 'drizzle-orm';
import { type Actor, appendAudit } from '../kernel/audit.js';
import { addDays, fixedDate, today as todayCal } from '../kernel/calendar.js';
import type { Tx } from '../kernel/db/client.js';
import { deadlines, orgs } from '../kernel/db/schema.js';
import { completeDeadline, countDeadlines, openDeadline } from '../kernel/deadlines.js';
import { AppError } from '../kernel/errors.js';
import type { ModuleManifest, ReportSection } from '../kernel/module.js';
import { inSubtree } from '../kernel/scope.js';
import type { ReportBlock, ReportDocument, ReportRun } from './docx.js';
import { computeFigures, type Figure } from './indicators.js';
import { annualReports } from './schema.js';

export const SECTION_KEYS: ReportSection[] = ['achievements', 'shortcomings', 'leadership', 'plans', 'other'];

/** The five parts 《法治政府建设与责任落实督察工作规定》 requires, in order. */
export function sectionTitle(key: ReportSection, year: number): string {
  return {
    achievements: `${year}年推进法治政府建设的主要举措和成效`,
    shortcomings: `${year}年推进法治政府建设存在的不足和原因`,
    leadership: `${year}年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况`,
    plans: `${year + 1}年推进法治政府建设的主要安排`,
    other: '其他需要报告的情况',
  }[key];
}

export type ReportStatus = 'draft' | 'approved' | 'submitted' | 'published';
export const STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '起草',
  approved: '已审核',
  submitted: '已报送',
  published: '已公开',
};

export interface Narrative {
  heading?: string;
  text: string;
}
export type Narratives = Partial<Record<ReportSection, Narrative[]>>;

/** The government that signs: 马冲街道 → 马冲街道办事处, 青石镇 → 青石镇人民政府, 安和县 → 安和县人民政府. */
export function governmentName(name: string, level: string): string {
  if (level === 'township') return name.endsWith('街道') ? `${name}办事处` : `${name}人民政府`;
  if (['county', 'city', 'province'].includes(level)) return `${name}人民政府`;
  return name;
}

/** 报送 "每年3月1日之前", 公开 "每年4月1日之前" (DOMAIN.md §1): the day before is the last day. */
export function reportDueDates(year: number): { submit: string; publish: string } {
  return {
    submit: addDays(fixedDate(year + 1, '03-01').due, -1),
    publish: addDays(fixedDate(year + 1, '04-01').due, -1),
  };
}

/** A figure as the report prints it: rates with their %, counts bare (the template says 起/件/人次). */
export function formatFigure(f: Figure): string {
  if (f.value === null) return '—';
  if (f.unit === '%') return `${Number.isInteger(f.value) ? f.value : f.value.toFixed(1)}%`;
  return String(f.value);
}

/** `{id}` placeholders → runs, each figure keeping its id and drill-down. Unknown ids are an error in a template. */
export function renderTemplate(template: string, figures: ReadonlyMap<string, Figure>): ReportRun[] {
  const runs: ReportRun[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{([a-z][\w.]*)\}/gi)) {
    if (m.index! > last) runs.push({ text: template.slice(last, m.index) });
    const f = figures.get(m[1]!);
    if (!f) throw new Error(`report template refers to unknown indicator ${m[1]}`);
    runs.push({ text: formatFigure(f), figure: { id: f.id, value: formatFigure(f), drill: f.drill } });
    last = m.index! + m[0].length;
  }
  if (last < template.length) runs.push({ text: template.slice(last) });
  return runs;
}

export interface Suggestion {
  key: string;
  heading: string;
  runs: ReportRun[];
  accepted: boolean;
}

export interface ComposedReport {
  id: number;
  orgCode: string;
  orgName: string;
  year: number;
  status: ReportStatus;
  statusLabel: string;
  title: string;
  signature: string;
  date: string;
  narratives: Narratives;
  suggestions: Suggestion[];
  figures: Figure[];
  changedSinceApproval: { id: string; name: string; before: string; after: string }[];
  missingSections: string[];
  document: ReportDocument;
  approvedByName: string | null;
  submittedOn: string | null;
  publishedOn: string | null;
  due: { submit: string; publish: string };
}

type Row = typeof annualReports.$inferSelect;

async function orgOf(tx: Tx, code: string) {
  const [o] = await tx
    .select({ code: orgs.code, name: orgs.name, level: orgs.level })
    .from(orgs)
    .where(eq(orgs.code, code));
  if (!o) throw new AppError('NOT_FOUND');
  return o;
}

/** The report of an org for a year, created (as 起草, with its two statutory deadlines) on first use. */
export async function ensureReport(tx: Tx, orgCode: string, year: number, actor: Actor): Promise<Row> {
  const [existing] = await tx
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.orgCode, orgCode), eq(annualReports.year, year)));
  if (existing) return existing;
  const org = await orgOf(tx, orgCode);
  if (!['county', 'township', 'city', 'province'].includes(org.level)) {
    throw new AppError('VALIDATION_FAILED', '年度报告由县(区)、乡镇(街道)编写');
  }
  const gov = governmentName(org.name, org.level);
  const [row] = await tx
    .insert(annualReports)
    .values({ orgCode, year, title: `${gov}关于${year}年度法治政府建设情况的报告`, signature: gov })
    .onConflictDoNothing()
    .returning();
  if (!row)
    return (
      await tx
        .select()
        .from(annualReports)
        .where(and(eq(annualReports.orgCode, orgCode), eq(annualReports.year, year)))
    )[0]!;
  const due = reportDueDates(year);
  const base = { orgCode, module: 'reporting', entity: 'annual', entityId: row.id };
  await openDeadline(
    tx,
    {
      ...base,
      step: 'submit',
      title: `${year}年度法治政府建设情况报告报送`,
      rule: { kind: 'FIXED_DATE', year: year + 1, monthDay: '03-01' },
      startsOn: `${year + 1}-01-01`,
      dueOn: due.submit,
      legalBasis: '《法治政府建设与责任落实督察工作规定》:每年3月1日之前向上一级党委和政府报告',
    },
    actor,
  );
  await openDeadline(
    tx,
    {
      ...base,
      step: 'publish',
      title: `${year}年度法治政府建设情况报告公开`,
      rule: { kind: 'FIXED_DATE', year: year + 1, monthDay: '04-01' },
      startsOn: `${year + 1}-01-01`,
      dueOn: due.publish,
      legalBasis: '《法治政府建设与责任落实督察工作规定》第二十四条:每年4月1日之前向社会公开',
    },
    actor,
  );
  await appendAudit(tx, {
    actor,
    orgCode,
    action: 'reporting.annual.create',
    entity: 'reporting.annual',
    entityId: row.id,
    after: row,
  });
  return row;
}

/** Assemble the report from the ledgers (figures computed now) and what the clerk wrote. */
export async function composeReport(
  tx: Tx,
  row: Row,
  modules: readonly ModuleManifest[],
  asOf = todayCal(),
): Promise<ComposedReport> {
  const org = await orgOf(tx, row.orgCode);
  const figures = await computeFigures(tx, modules, {
    orgCode: row.orgCode,
    from: `${row.year}-01-01`,
    to: `${row.year}-12-31`,
    asOf,
  });
  const byId = new Map(figures.map((f) => [f.id, f]));
  const values = new Map(figures.map((f) => [f.id, { value: f.value }]));
  const narratives = (row.narratives ?? {}) as Narratives;
  const accepted = new Set((row.acceptedSuggestions ?? []) as string[]);

  const contributed = new Map<ReportSection, Map<string, ReportRun[][]>>();
  const suggestions: Suggestion[] = [];
  for (const m of modules) {
    for (const p of m.report?.(values) ?? []) {
      const runs = renderTemplate(p.template, byId);
      if (p.section === 'shortcomings') {
        const key = `${m.id}:${p.heading}`;
        suggestions.push({ key, heading: p.heading, runs, accepted: accepted.has(key) });
        if (!accepted.has(key)) continue;
      }
      const section = contributed.get(p.section) ?? new Map<string, ReportRun[][]>();
      section.set(p.heading, [...(section.get(p.heading) ?? []), runs]);
      contributed.set(p.section, section);
    }
  }
  // Steps past their statutory deadline are a shortcoming the data shows, whatever the module.
  const late = await countDeadlines(tx, row.orgCode, asOf);
  if (late.overdue > 0) {
    const key = 'kernel:overdue';
    const runs = [
      {
        text: `截至${asOf.slice(0, 4)}年${Number(asOf.slice(5, 7))}月${Number(asOf.slice(8, 10))}日,仍有${late.overdue}项法定程序环节超过期限未办结,程序时限意识有待进一步增强。`,
      },
    ];
    suggestions.push({ key, heading: '依法履职时效有待提高', runs, accepted: accepted.has(key) });
    if (accepted.has(key)) {
      const section = contributed.get('shortcomings') ?? new Map<string, ReportRun[][]>();
      section.set('依法履职时效有待提高', [runs]);
      contributed.set('shortcomings', section);
    }
  }

  const blocks: ReportBlock[] = [];
  const missingSections: string[] = [];
  for (const key of SECTION_KEYS) {
    blocks.push({ kind: 'heading1', runs: [{ text: sectionTitle(key, row.year) }] });
    const before = blocks.length;
    const written = narratives[key] ?? [];
    for (const n of written.filter((x) => !x.heading && x.text.trim()))
      blocks.push({ kind: 'paragraph', runs: [{ text: n.text.trim() }] });
    for (const n of written.filter((x) => x.heading && x.text.trim())) {
      blocks.push({ kind: 'heading2', runs: [{ text: n.heading!.trim() }] });
      blocks.push({ kind: 'paragraph', runs: [{ text: n.text.trim() }] });
    }
    for (const [heading, paragraphs] of contributed.get(key) ?? []) {
      blocks.push({ kind: 'heading2', runs: [{ text: heading }] });
      for (const runs of paragraphs) blocks.push({ kind: 'paragraph', runs });
    }
    if (blocks.length === before) missingSections.push(sectionTitle(key, row.year));
  }

  const approved = (row.approvedFigures ?? null) as Record<string, string> | null;
  const changedSinceApproval = approved
    ? figures
        .filter((f) => f.id in approved && approved[f.id] !== formatFigure(f))
        .map((f) => ({ id: f.id, name: f.name, before: approved[f.id]!, after: formatFigure(f) }))
    : [];
  const date = row.approvedAt ? row.approvedAt.toISOString().slice(0, 10) : asOf;
  const status = row.status as ReportStatus;
  return {
    id: row.id,
    orgCode: row.orgCode,
    orgName: org.name,
    year: row.year,
    status,
    statusLabel: STATUS_LABELS[status],
    title: row.title,
    signature: row.signature,
    date,
    narratives,
    suggestions,
    figures,
    changedSinceApproval,
    missingSections,
    document: { title: row.title, blocks, signature: row.signature, date },
    approvedByName: row.approvedByName,
    submittedOn: row.submittedOn,
    publishedOn: row.publishedOn,
    due: reportDueDates(row.year),
  };
}

export async function saveDraft(
  tx: Tx,
  id: number,
  input: { title?: string; narratives?: Narratives; acceptedSuggestions?: string[] },
  actor: Actor,
): Promise<void> {
  const [row] = await tx.select().from(annualReports).where(eq(annualReports.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status === 'submitted' || row.status === 'published') {
    throw new AppError('INVALID_TRANSITION', '报告已报送,不能再修改');
  }
  const set = {
    ...(input.title ? { title: input.title } : {}),
    ...(input.narratives ? { narratives: input.narratives } : {}),
    ...(input.acceptedSuggestions ? { acceptedSuggestions: input.acceptedSuggestions } : {}),
    // An approved report that is edited goes back to 起草: the leader approves what is sent.
    status: 'draft',
    approvedAt: null,
    approvedBy: null,
    approvedByName: null,
    approvedFigures: null,
    updatedAt: new Date(),
  };
  await tx.update(annualReports).set(set).where(eq(annualReports.id, id));
  await appendAudit(tx, {
    actor,
    orgCode: row.orgCode,
    action: 'reporting.annual.edit',
    entity: 'reporting.annual',
    entityId: id,
    before: { status: row.status },
    after: input,
  });
}

export type ReportStep = 'approve' | 'submit' | 'publish';

export async function runReportStep(
  tx: Tx,
  id: number,
  step: ReportStep,
  actor: Actor,
  modules: readonly ModuleManifest[],
  opts: { confidentialityReviewed?: boolean } = {},
  today = todayCal(),
): Promise<void> {
  const [row] = await tx.select().from(annualReports).where(eq(annualReports.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  const need: Record<ReportStep, string> = { approve: 'draft', submit: 'approved', publish: 'submitted' };
  if (row.status !== need[step]) {
    const label = { approve: '审核通过', submit: '报送', publish: '公开' }[step];
    throw new AppError(
      'INVALID_TRANSITION',
      `报告当前为「${STATUS_LABELS[row.status as ReportStatus]}」,不能${label}`,
    );
  }
  const key = { module: 'reporting', entity: 'annual', entityId: id };
  if (step === 'approve') {
    const composed = await composeReport(tx, row, modules, today);
    if (composed.missingSections.length) {
      throw new AppError(
        'VALIDATION_FAILED',
        `以下部分尚无内容,不能审核通过:${composed.missingSections.join(';')}`,
      );
    }
    await tx
      .update(annualReports)
      .set({
        status: 'approved',
        approvedBy: actor.id,
        approvedByName: actor.name,
        approvedAt: new Date(),
        approvedFigures: Object.fromEntries(composed.figures.map((f) => [f.id, formatFigure(f)])),
        updatedAt: new Date(),
      })
      .where(eq(annualReports.id, id));
  } else if (step === 'submit') {
    await tx
      .update(annualReports)
      .set({ status: 'submitted', submittedOn: today, updatedAt: new Date() })
      .where(eq(annualReports.id, id));
    await completeDeadline(tx, { ...key, step: 'submit' }, today, actor);
  } else {
    // 公开前须经保密审查 (DOMAIN.md §1).
    if (!opts.confidentialityReviewed) throw new AppError('VALIDATION_FAILED', '公开前须确认已完成保密审查');
    await tx
      .update(annualReports)
      .set({ status: 'published', publishedOn: today, updatedAt: new Date() })
      .where(eq(annualReports.id, id));
    await completeDeadline(tx, { ...key, step: 'publish' }, today, actor);
  }
  await appendAudit(tx, {
    actor,
    orgCode: row.orgCode,
    action: `reporting.annual.${step}`,
    entity: 'reporting.annual',
    entityId: id,
    before: { status: row.status },
    after: { on: today, ...opts },
  });
}

/** Reports the orgs below have sent up (报送) or published: the upper level's inbox. */
export async function inbox(tx: Tx, orgCode: string, year?: number) {
  const cond = [
    inSubtree(annualReports.orgCode, orgCode),
    ne(annualReports.orgCode, orgCode),
    sql`${annualReports.status} IN ('submitted', 'published')`,
  ];
  if (year) cond.push(eq(annualReports.year, year));
  return tx
    .select({
      id: annualReports.id,
      orgCode: annualReports.orgCode,
      orgName: orgs.name,
      year: annualReports.year,
      title: annualReports.title,
      status: annualReports.status,
      submittedOn: annualReports.submittedOn,
      publishedOn: annualReports.publishedOn,
      submitDue: deadlines.dueOn,
    })
    .from(annualReports)
    .leftJoin(orgs, eq(orgs.code, annualReports.orgCode))
    .leftJoin(
      deadlines,
      and(
        eq(deadlines.module, 'reporting'),
        eq(deadlines.entityId, sql`${annualReports.id}::text`),
        eq(deadlines.step, 'submit'),
      ),
    )
    .where(and(...cond))
    .orderBy(annualReports.orgCode);
}

export async function publishedReports(tx: Tx) {
  return tx
    .select({
      id: annualReports.id,
      orgCode: annualReports.orgCode,
      orgName: orgs.name,
      year: annualReports.year,
      title: annualReports.title,
      publishedOn: annualReports.publishedOn,
    })
    .from(annualReports)
    .leftJoin(orgs, eq(orgs.code, annualReports.orgCode))
    .where(eq(annualReports.status, 'published'))
    .orderBy(sql`${annualReports.year} DESC`, annualReports.orgCode)
    .limit(500);
}
