import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isValidDate, today } from '../kernel/calendar.js';
import { orgs } from '../kernel/db/schema.js';
import { AppError } from '../kernel/errors.js';
import { actorOf } from '../kernel/http/access.js';
import { sendDownload } from '../kernel/http/download.js';
import type { RecordModel } from '../kernel/model.js';
import type { KernelContext, ModuleManifest } from '../kernel/module.js';
import { exportRows } from '../kernel/xlsx/export.js';
import {
  composeReport,
  ensureReport,
  inbox,
  publishedReports,
  type ReportStep,
  runReportStep,
  saveDraft,
} from './annual.js';
import { checkReportText, readReportFile } from './checker/index.js';
import { compareWithLedger } from './checker/ledger.js';
import { renderReportDocx } from './docx.js';
import { breakdown, computeFigures, findIndicator } from './indicators.js';
import { docxToPdf } from './pdf.js';
import { annualReports } from './schema.js';

const ZPeriod = z.strictObject({
  org: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ids: z.string().max(2000).optional(),
});

/** from/to, or a whole year (default: this year to date). */
export function period(q: { from?: string; to?: string; year?: number }): { from: string; to: string } {
  if (q.from || q.to) {
    if (!q.from || !q.to || !isValidDate(q.from) || !isValidDate(q.to)) {
      throw new AppError('INVALID_DATE', '起止日期应为 YYYY-MM-DD,且须同时提供');
    }
    if (q.from > q.to) throw new AppError('INVALID_DATE', '开始日期不能晚于结束日期');
    return { from: q.from, to: q.to };
  }
  const year = q.year ?? Number(today().slice(0, 4));
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export async function reportingRoutes(
  base: FastifyInstance,
  ctx: KernelContext,
  modules: ModuleManifest[],
): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/indicators',
    { config: { access: { perm: 'home.read', org: { query: 'org' } } }, schema: { querystring: ZPeriod } },
    async (req) => {
      const p = { orgCode: req.targetOrg!, ...period(req.query), asOf: today() };
      const ids = req.query.ids ? req.query.ids.split(',').map((s) => s.trim()) : undefined;
      return { ...p, figures: await computeFigures(db, modules, p, ids) };
    },
  );

  app.get(
    '/indicators/breakdown',
    {
      config: { access: { perm: 'home.read', org: { query: 'org' } } },
      schema: { querystring: ZPeriod.extend({ id: z.string().max(80), by: z.string().min(1).max(20) }) },
    },
    async (req) => {
      const def = findIndicator(modules, req.query.id);
      const p = { orgCode: req.targetOrg!, ...period(req.query), asOf: today() };
      return {
        id: def.id,
        name: def.name,
        unit: def.unit,
        by: req.query.by,
        items: await breakdown(db, def, req.query.by, p),
      };
    },
  );
}

const ZReportId = z.strictObject({ id: z.string().regex(/^\d{1,9}$/, '编号应为数字') });
const ZNarrative = z.strictObject({
  heading: z.string().trim().max(60).optional(),
  text: z.string().max(20_000),
});
const ZDraft = z.strictObject({
  title: z.string().trim().min(4).max(120).optional(),
  narratives: z
    .strictObject({
      achievements: z.array(ZNarrative).max(50).optional(),
      shortcomings: z.array(ZNarrative).max(50).optional(),
      leadership: z.array(ZNarrative).max(50).optional(),
      plans: z.array(ZNarrative).max(50).optional(),
      other: z.array(ZNarrative).max(50).optional(),
    })
    .optional(),
  acceptedSuggestions: z.array(z.string().max(200)).max(100).optional(),
});

const FIGURES_SHEET: RecordModel = {
  id: 'reporting.figures',
  title: '指标',
  fields: [
    { key: 'org', label: '组织', type: 'text' },
    { key: 'name', label: '指标', type: 'text' },
    { key: 'value', label: '数值', type: 'decimal' },
    { key: 'unit', label: '单位', type: 'text' },
    { key: 'numerator', label: '分子', type: 'int' },
    { key: 'denominator', label: '分母', type: 'int' },
    { key: 'formula', label: '计算方法', type: 'text' },
    { key: 'from', label: '起始日期', type: 'date' },
    { key: 'to', label: '截止日期', type: 'date' },
  ],
};

/** Comparison one level down, exports, and the report checker. */
export async function dashboardRoutes(
  base: FastifyInstance,
  ctx: KernelContext,
  modules: ModuleManifest[],
): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  // Every org one level down (townships of a county, villages of a township), each with its figures.
  app.get(
    '/indicators/compare',
    { config: { access: { perm: 'home.read', org: { query: 'org' } } }, schema: { querystring: ZPeriod } },
    async (req) => {
      const range = period(req.query);
      const ids = req.query.ids ? req.query.ids.split(',').map((s) => s.trim()) : undefined;
      const children = await db
        .select({ code: orgs.code, name: orgs.name, level: orgs.level })
        .from(orgs)
        .where(and(eq(orgs.parentCode, req.targetOrg!), inArray(orgs.level, ['township', 'village'])))
        .orderBy(orgs.sort, orgs.code);
      const items = [];
      for (const c of children) {
        const figures = await computeFigures(db, modules, { orgCode: c.code, ...range, asOf: today() }, ids);
        items.push({ ...c, figures });
      }
      return { ...range, items };
    },
  );

  app.get(
    '/indicators/export.xlsx',
    { config: { access: { perm: 'home.read', org: { query: 'org' } } }, schema: { querystring: ZPeriod } },
    async (req, reply) => {
      const range = period(req.query);
      const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.code, req.targetOrg!));
      const figures = await computeFigures(db, modules, { orgCode: req.targetOrg!, ...range, asOf: today() });
      const buf = await exportRows(
        FIGURES_SHEET,
        figures.map((f) => ({ org: org?.name ?? req.targetOrg, ...f, ...range })),
        { title: `${org?.name ?? ''}法治政府建设指标(${range.from}至${range.to})` },
      );
      return sendDownload(reply, `指标-${org?.name ?? req.targetOrg}-${range.from}-${range.to}.xlsx`, buf);
    },
  );

  // The report checker on an uploaded .txt/.docx; with a year, claims are compared with this org's ledgers.
  app.post(
    '/reports/check',
    {
      config: { access: { perm: 'reports.read', org: { query: 'org' } } },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          year: z.coerce.number().int().min(2000).max(2100).optional(),
        }),
      },
    },
    async (req) => {
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .txt 或 .docx 文件');
      const part = await req.file();
      if (!part) throw new AppError('VALIDATION_FAILED', '没有收到文件');
      const ext = part.filename.toLowerCase().split('.').pop();
      if (ext !== 'txt' && ext !== 'docx')
        throw new AppError('FILE_TYPE_NOT_ALLOWED', '请上传 .txt 或 .docx 文件(.doc 请另存为 .docx)');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-check-'));
      try {
        const file = path.join(dir, `report.${ext}`);
        fs.writeFileSync(file, await part.toBuffer());
        const text = await readReportFile(file);
        const result = checkReportText(text);
        const ledger = req.query.year
          ? compareWithLedger(
              result.claims,
              await computeFigures(db, modules, {
                orgCode: req.targetOrg!,
                ...period({ year: req.query.year }),
                asOf: today(),
              }),
              modules.flatMap((m) => m.reportClaims ?? []),
            )
          : [];
        return { text, ...result, ledger };
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError(
          'VALIDATION_FAILED',
          `无法读取文件:${err instanceof Error ? err.message : String(err)}`,
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}

/** The annual report: drafts, the four-step workflow, the upper level's inbox, downloads. */
export async function annualReportRoutes(
  base: FastifyInstance,
  ctx: KernelContext,
  modules: ModuleManifest[],
): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const load = async (id: number) => {
    const [row] = await db.select().from(annualReports).where(eq(annualReports.id, id));
    if (!row) throw new AppError('NOT_FOUND');
    return composeReport(db, row, modules);
  };

  app.post(
    '/reports/annual',
    {
      config: { access: { perm: 'reports.write', org: { body: 'orgCode' } } },
      schema: { body: z.strictObject({ orgCode: z.string(), year: z.number().int().min(2019).max(2100) }) },
    },
    async (req) => {
      const row = await db.transaction((tx) => ensureReport(tx, req.targetOrg!, req.body.year, actorOf(req)));
      return load(row.id);
    },
  );

  app.get(
    '/reports/annual',
    {
      config: { access: { perm: 'reports.read', org: { query: 'org' } } },
      schema: {
        querystring: z.strictObject({ org: z.string().optional(), year: z.coerce.number().int().optional() }),
      },
    },
    async (req) => {
      const cond = [eq(annualReports.orgCode, req.targetOrg!)];
      if (req.query.year) cond.push(eq(annualReports.year, req.query.year));
      const list = await db
        .select()
        .from(annualReports)
        .where(and(...cond))
        .orderBy(desc(annualReports.year));
      return {
        items: list.map((r) => ({
          id: r.id,
          year: r.year,
          title: r.title,
          status: r.status,
          submittedOn: r.submittedOn,
          publishedOn: r.publishedOn,
        })),
      };
    },
  );

  app.get(
    '/reports/annual/:id',
    {
      config: { access: { perm: 'reports.read', org: { resource: 'reporting.annual', param: 'id' } } },
      schema: { params: ZReportId },
    },
    async (req) => load(Number(req.params.id)),
  );

  app.put(
    '/reports/annual/:id',
    {
      config: { access: { perm: 'reports.write', org: { resource: 'reporting.annual', param: 'id' } } },
      schema: { params: ZReportId, body: ZDraft },
    },
    async (req) => {
      await db.transaction((tx) => saveDraft(tx, Number(req.params.id), req.body, actorOf(req)));
      return load(Number(req.params.id));
    },
  );

  const steps: { step: ReportStep; perm: string }[] = [
    { step: 'approve', perm: 'reports.approve' },
    { step: 'submit', perm: 'reports.write' },
    { step: 'publish', perm: 'reports.publish' },
  ];
  for (const { step, perm } of steps) {
    app.post(
      `/reports/annual/:id/${step}`,
      {
        config: { access: { perm, org: { resource: 'reporting.annual', param: 'id' } } },
        schema: {
          params: ZReportId,
          body: z.strictObject({ confidentialityReviewed: z.boolean().optional() }),
        },
      },
      async (req) => {
        const id = Number(req.params.id);
        await db.transaction((tx) => runReportStep(tx, id, step, actorOf(req), modules, req.body));
        return load(id);
      },
    );
  }

  app.get(
    '/reports/annual/:id/docx',
    {
      config: { access: { perm: 'reports.read', org: { resource: 'reporting.annual', param: 'id' } } },
      schema: { params: ZReportId },
    },
    async (req, reply) => {
      const r = await load(Number(req.params.id));
      return sendDownload(reply, `${r.title}.docx`, await renderReportDocx(r.document));
    },
  );

  app.get(
    '/reports/annual/:id/pdf',
    {
      config: { access: { perm: 'reports.read', org: { resource: 'reporting.annual', param: 'id' } } },
      schema: { params: ZReportId },
    },
    async (req, reply) => {
      const r = await load(Number(req.params.id));
      const pdf = await docxToPdf(await renderReportDocx(r.document));
      if (!pdf)
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          '服务器未安装 LibreOffice,无法生成 PDF;请下载 Word 版本',
        );
      return sendDownload(reply, `${r.title}.pdf`, pdf);
    },
  );

  app.get(
    '/reports/inbox',
    {
      config: { access: { perm: 'reports.read', org: { query: 'org' } } },
      schema: {
        querystring: z.strictObject({ org: z.string().optional(), year: z.coerce.number().int().optional() }),
      },
    },
    async (req) => ({ items: await inbox(db, req.targetOrg!, req.query.year) }),
  );
}

/** Published reports on the public portal. */
export async function reportPortalRoutes(
  base: FastifyInstance,
  ctx: KernelContext,
  modules: ModuleManifest[],
): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const published = async (id: number) => {
    const [row] = await db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.id, id), eq(annualReports.status, 'published')));
    if (!row) throw new AppError('NOT_FOUND', '报告不存在或尚未公开');
    return composeReport(db, row, modules);
  };
  app.get('/reports', { config: { access: { public: true } } }, async () => ({
    items: await publishedReports(db),
  }));
  app.get(
    '/reports/:id',
    { config: { access: { public: true } }, schema: { params: ZReportId } },
    async (req) => {
      const r = await published(Number(req.params.id));
      return {
        id: r.id,
        orgName: r.orgName,
        year: r.year,
        title: r.title,
        publishedOn: r.publishedOn,
        document: r.document,
      };
    },
  );
  app.get(
    '/reports/:id/docx',
    { config: { access: { public: true } }, schema: { params: ZReportId } },
    async (req, reply) => {
      const r = await published(Number(req.params.id));
      return sendDownload(reply, `${r.title}.docx`, await renderReportDocx(r.document));
    },
  );
}
