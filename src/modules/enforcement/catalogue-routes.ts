import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today } from '../../kernel/calendar.js';
import type { Db, Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import { actorOf, authed } from '../../kernel/http/access.js';
import { sendDownload } from '../../kernel/http/download.js';
import { runImport } from '../../kernel/imports.js';
import type { ImportOutcome, KernelContext } from '../../kernel/module.js';
import { isOrgCode, levelOf } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { containsPattern } from '../../kernel/sql-text.js';
import { exportRows } from '../../kernel/xlsx/export.js';
import { buildTemplate } from '../../kernel/xlsx/template.js';
import { drillCondition } from '../../reporting/indicators.js';
import {
  createItem,
  createOfficer,
  createTarget,
  discretionText,
  getItem,
  listItems,
  listOfficers,
  listTargets,
  retireItem,
  reviseItem,
  updateOfficer,
  updateTarget,
  validCertOn,
  ZCreateItem,
  ZCreateOfficer,
  ZCreateTarget,
  ZItemQuery,
  ZOfficerQuery,
  ZRetireItem,
  ZReviseItem,
  ZTargetQuery,
  ZUpdateOfficer,
  ZUpdateTarget,
} from './catalogue.js';
import { importOfficers, importTargets } from './catalogue-import.js';
import {
  caseOrg,
  createReviewTemplate,
  getReview,
  listReviews,
  listTemplates,
  reviewCase,
  reviewSummary,
  updateReviewTemplate,
  ZCreateTemplate,
  ZReview,
  ZReviewQuery,
  ZUpdateTemplate,
} from './evaluation.js';
import { enforcementIndicators } from './indicators.js';
import {
  createInspection,
  drawInspection,
  getInspection,
  listInspections,
  publishInspection,
  recordResult,
  ZCreateInspection,
  ZDraw,
  ZInspectionQuery,
  ZPublish,
  ZResult,
} from './inspections.js';
import { ITEM_MODEL, OFFICER_MODEL, TARGET_MODEL } from './ledger-models.js';
import { ZDate, ZId } from './model.js';
import { DEFAULT_SETTINGS } from './rules.js';
import { enforcementOfficers, enforcementSettings } from './schema.js';
import { effectiveSettings, forgetSettings } from './settings.js';

const ZIdParams = z.strictObject({ id: ZId });
const ZOrgQuery = z.strictObject({ org: z.string().optional() });

async function uploaded(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
  const part = await req.file();
  if (!part) throw new AppError('VALIDATION_FAILED', '没有收到文件');
  const data = await part.toBuffer();
  if (part.file.truncated) throw new AppError('FILE_TOO_LARGE');
  return data;
}

/** Settings keys as a zod object: each an integer ≥ 0, unknown keys refused. */
const ZSettingsValues = z.strictObject(
  Object.fromEntries(
    Object.keys(DEFAULT_SETTINGS).map((k) => [
      k,
      z
        .number({ error: `${k} 应为数字` })
        .int(`${k} 应为整数`)
        .min(0, `${k} 不能为负数`)
        .max(100_000_000)
        .optional(),
    ]),
  ) as Record<keyof typeof DEFAULT_SETTINGS, z.ZodOptional<z.ZodNumber>>,
);
const ZSaveSettings = z.strictObject({ orgCode: z.string(), settings: ZSettingsValues });

async function saveSettings(
  tx: Tx,
  orgCode: string,
  values: Record<string, number | undefined>,
  actor: Actor,
) {
  const level = levelOf(orgCode);
  if (level !== 'county' && level !== 'township') {
    throw new AppError('VALIDATION_FAILED', '执法规则设置只能在县级或乡镇(街道)设置');
  }
  const settings = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const [old] = await tx.select().from(enforcementSettings).where(eq(enforcementSettings.orgCode, orgCode));
  forgetSettings(tx);
  await tx
    .insert(enforcementSettings)
    .values({ orgCode, settings, updatedBy: actor.id })
    .onConflictDoUpdate({
      target: enforcementSettings.orgCode,
      set: { settings, updatedBy: actor.id, updatedAt: new Date() },
    });
  await appendAudit(tx, {
    actor,
    orgCode,
    action: 'enforcement.settings.save',
    entity: 'enforcement.setting',
    entityId: orgCode,
    before: old?.settings ?? null,
    after: settings,
  });
}

const byTable = (table: string) => enforcementIndicators.filter((i) => i.table === table);

export async function catalogueRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db: Db = ctx.database.db;
  const can = (req: FastifyRequest, perm: string) => authed(req).scope.can(perm, req.targetOrg!);

  // ---- 执法事项清单
  app.get(
    '/items',
    {
      config: { access: { perm: 'enforcement.read', org: { query: 'org' } } },
      schema: { querystring: ZItemQuery },
    },
    async (req, reply) => {
      const q = req.query;
      if (q.format === 'xlsx') {
        const all = await listItems(db, req.targetOrg!, q, true);
        const buf = await exportRows(
          ITEM_MODEL,
          all.items.map((i) => ({ ...i, discretion: discretionText(i.discretion) })),
          { title: '执法事项清单' },
        );
        return sendDownload(reply, `执法事项清单-${today()}.xlsx`, buf);
      }
      return listItems(db, req.targetOrg!, q);
    },
  );
  app.post(
    '/items',
    {
      config: { access: { perm: 'enforcement.manage', org: { body: 'orgCode' } } },
      schema: { body: ZCreateItem },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createItem(tx, req.body, actorOf(req)));
      return reply.status(201).send(await getItem(db, row.id));
    },
  );
  app.get(
    '/items/:id',
    {
      config: { access: { perm: 'enforcement.read', org: { resource: 'enforcement.item', param: 'id' } } },
      schema: { params: ZIdParams },
    },
    async (req) => getItem(db, Number(req.params.id)),
  );
  app.post(
    '/items/:id/revise',
    {
      config: { access: { perm: 'enforcement.manage', org: { resource: 'enforcement.item', param: 'id' } } },
      schema: { params: ZIdParams, body: ZReviseItem },
    },
    async (req) => {
      const row = await db.transaction((tx) => reviseItem(tx, Number(req.params.id), req.body, actorOf(req)));
      return getItem(db, row.id);
    },
  );
  app.post(
    '/items/:id/retire',
    {
      config: { access: { perm: 'enforcement.manage', org: { resource: 'enforcement.item', param: 'id' } } },
      schema: { params: ZIdParams, body: ZRetireItem },
    },
    async (req) => {
      const row = await db.transaction((tx) =>
        retireItem(tx, Number(req.params.id), req.body.effectiveTo, actorOf(req)),
      );
      return getItem(db, row.id);
    },
  );

  // ---- 执法人员
  app.get(
    '/officers',
    {
      config: { access: { perm: 'enforcement.read', org: { query: 'org' } } },
      schema: { querystring: ZOfficerQuery },
    },
    async (req, reply) => {
      const q = req.query;
      const org = req.targetOrg!;
      const on = today();
      const personal = can(req, 'enforcement.personal');
      const extra = drillCondition(byTable('enforcement_officer'), q, org, on);
      if (q.format === 'xlsx') {
        const all = await listOfficers(db, org, q, personal, on, extra, true);
        const buf = await exportRows(OFFICER_MODEL, all.items, {
          title: '执法人员名册',
          fields: OFFICER_MODEL.fields.filter((f) => personal || !f.personal).map((f) => f.key),
        });
        return sendDownload(reply, `执法人员名册-${on}.xlsx`, buf);
      }
      return listOfficers(db, org, q, personal, on, extra);
    },
  );
  app.post(
    '/officers',
    {
      config: { access: { perm: 'enforcement.manage', org: { body: 'orgCode' } } },
      schema: { body: ZCreateOfficer },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createOfficer(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id: row.id });
    },
  );
  app.post(
    '/officers/:id/update',
    {
      config: {
        access: { perm: 'enforcement.manage', org: { resource: 'enforcement.officer', param: 'id' } },
      },
      schema: { params: ZIdParams, body: ZUpdateOfficer },
    },
    async (req) => {
      const row = await db.transaction((tx) =>
        updateOfficer(tx, Number(req.params.id), req.body, actorOf(req)),
      );
      return { id: row.id };
    },
  );
  app.get(
    '/officers/template.xlsx',
    { config: { access: { perm: 'enforcement.read' } } },
    async (_req, reply) =>
      sendDownload(
        reply,
        '执法人员名册-模板.xlsx',
        await buildTemplate(OFFICER_MODEL, { title: '执法人员名册' }),
      ),
  );
  const importRoute = (
    path: string,
    importer: (tx: Tx, data: Buffer, org: string, actor: Actor) => Promise<ImportOutcome>,
  ) =>
    app.post(
      path,
      {
        config: { access: { perm: 'enforcement.import', org: { query: 'org' } } },
        schema: { querystring: ZOrgQuery },
      },
      async (req, reply) => {
        const data = await uploaded(req);
        const result = await runImport(db, importer, data, req.targetOrg!, actorOf(req));
        return reply.status(result.errors.length ? 422 : 200).send(result);
      },
    );
  importRoute('/officers/import', (tx, data, org, actor) => importOfficers(tx, data, org, actor));

  // ---- 检查对象名录库
  app.get(
    '/targets',
    {
      config: { access: { perm: 'enforcement.read', org: { query: 'org' } } },
      schema: { querystring: ZTargetQuery },
    },
    async (req) => listTargets(db, req.targetOrg!, req.query),
  );
  app.post(
    '/targets',
    {
      config: { access: { perm: 'enforcement.manage', org: { body: 'orgCode' } } },
      schema: { body: ZCreateTarget },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createTarget(tx, req.body, actorOf(req)));
      return reply.status(201).send(row);
    },
  );
  app.post(
    '/targets/:id/update',
    {
      config: {
        access: { perm: 'enforcement.manage', org: { resource: 'enforcement.target', param: 'id' } },
      },
      schema: { params: ZIdParams, body: ZUpdateTarget },
    },
    async (req) => db.transaction((tx) => updateTarget(tx, Number(req.params.id), req.body, actorOf(req))),
  );
  app.get(
    '/targets/template.xlsx',
    { config: { access: { perm: 'enforcement.read' } } },
    async (_req, reply) =>
      sendDownload(
        reply,
        '检查对象名录库-模板.xlsx',
        await buildTemplate(TARGET_MODEL, { title: '检查对象名录库' }),
      ),
  );
  importRoute('/targets/import', (tx, data, org, actor) => importTargets(tx, data, org, actor));

  // ---- 双随机一公开
  app.get(
    '/inspections',
    {
      config: { access: { perm: 'enforcement.read', org: { query: 'org' } } },
      schema: { querystring: ZInspectionQuery },
    },
    async (req) => {
      const extra = drillCondition(byTable('enforcement_inspection'), req.query, req.targetOrg!, today());
      return listInspections(db, req.targetOrg!, req.query, false, extra);
    },
  );
  app.post(
    '/inspections',
    {
      config: { access: { perm: 'enforcement.inspect', org: { body: 'orgCode' } } },
      schema: { body: ZCreateInspection },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createInspection(tx, req.body, actorOf(req)));
      return reply.status(201).send(await getInspection(db, row.id));
    },
  );
  const inspectionAccess = (perm: string) => ({
    access: { perm, org: { resource: 'enforcement.inspection', param: 'id' } },
  });
  app.get(
    '/inspections/:id',
    { config: inspectionAccess('enforcement.read'), schema: { params: ZIdParams } },
    async (req) => getInspection(db, Number(req.params.id)),
  );
  app.post(
    '/inspections/:id/draw',
    { config: inspectionAccess('enforcement.inspect'), schema: { params: ZIdParams, body: ZDraw } },
    async (req) => {
      const id = Number(req.params.id);
      await db.transaction((tx) => drawInspection(tx, id, req.body, actorOf(req)));
      return getInspection(db, id);
    },
  );
  app.post(
    '/inspections/:id/results',
    { config: inspectionAccess('enforcement.inspect'), schema: { params: ZIdParams, body: ZResult } },
    async (req) => {
      const id = Number(req.params.id);
      await db.transaction((tx) => recordResult(tx, id, req.body, actorOf(req)));
      return getInspection(db, id);
    },
  );
  app.post(
    '/inspections/:id/publish',
    {
      config: inspectionAccess('enforcement.inspect'),
      schema: { params: ZIdParams, body: ZPublish },
    },
    async (req) => {
      const id = Number(req.params.id);
      await db.transaction((tx) => publishInspection(tx, id, req.body, actorOf(req)));
      return getInspection(db, id);
    },
  );

  // ---- 案卷评查
  app.get(
    '/review-templates',
    {
      config: { access: { perm: 'enforcement.read', org: { query: 'org' } } },
      schema: { querystring: ZOrgQuery },
    },
    async (req) => listTemplates(db, req.targetOrg!),
  );
  app.post(
    '/review-templates',
    {
      config: { access: { perm: 'enforcement.evaluate', org: { body: 'orgCode' } } },
      schema: { body: ZCreateTemplate },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createReviewTemplate(tx, req.body, actorOf(req)));
      return reply.status(201).send(row);
    },
  );
  app.post(
    '/review-templates/:id/update',
    {
      config: {
        access: {
          perm: 'enforcement.evaluate',
          org: { resource: 'enforcement.reviewTemplate', param: 'id' },
        },
      },
      schema: { params: ZIdParams, body: ZUpdateTemplate },
    },
    async (req) =>
      db.transaction((tx) => updateReviewTemplate(tx, Number(req.params.id), req.body, actorOf(req))),
  );
  app.get(
    '/reviews',
    {
      config: { access: { perm: 'enforcement.read', org: { query: 'org' } } },
      schema: { querystring: ZReviewQuery },
    },
    async (req) => {
      const q = req.query;
      const extra = drillCondition(byTable('enforcement_case_review'), q, req.targetOrg!, today());
      return listReviews(db, req.targetOrg!, q, extra);
    },
  );
  app.get(
    '/reviews/summary',
    {
      config: { access: { perm: 'enforcement.read', org: { query: 'org' } } },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          from: ZDate.optional(),
          to: ZDate.optional(),
        }),
      },
    },
    async (req) => reviewSummary(db, req.targetOrg!, req.query.from, req.query.to),
  );
  app.get(
    '/reviews/:id',
    {
      config: {
        access: { perm: 'enforcement.read', org: { resource: 'enforcement.caseReview', param: 'id' } },
      },
      schema: { params: ZIdParams },
    },
    async (req) => getReview(db, Number(req.params.id)),
  );
  // The body names a case, not an org: scope is checked against the case's org here.
  app.post(
    '/reviews',
    { config: { access: { perm: 'enforcement.evaluate' } }, schema: { body: ZReview } },
    async (req, reply) => {
      const scope = authed(req).scope;
      const org = await caseOrg(db, req.body.caseId);
      if (!org || !scope.canSee(org)) throw new AppError('NOT_FOUND');
      if (!scope.can('enforcement.evaluate', org)) throw new AppError('FORBIDDEN');
      const row = await db.transaction((tx) => reviewCase(tx, req.body, actorOf(req)));
      return reply.status(201).send(row);
    },
  );

  // ---- 规则设置
  app.get(
    '/settings',
    {
      config: { access: { perm: 'enforcement.read', org: { query: 'org' } } },
      schema: { querystring: ZOrgQuery },
    },
    async (req) => {
      const org = req.targetOrg!;
      const [own] = await db.select().from(enforcementSettings).where(eq(enforcementSettings.orgCode, org));
      return {
        orgCode: org,
        settings: await effectiveSettings(db, org),
        own: own?.settings ?? null,
        defaults: DEFAULT_SETTINGS,
      };
    },
  );
  app.post(
    '/settings',
    {
      config: { access: { perm: 'enforcement.manage', org: { body: 'orgCode' } } },
      schema: { body: ZSaveSettings },
    },
    async (req) => {
      await db.transaction((tx) => saveSettings(tx, req.body.orgCode, req.body.settings, actorOf(req)));
      return { orgCode: req.body.orgCode, settings: await effectiveSettings(db, req.body.orgCode) };
    },
  );
}

// ---------------------------------------------------------------------------
// Portal: 事前公示 (officers, items) and 双随机抽查结果

const PUBLIC = { public: true } as const;
const ZPortalQuery = z.strictObject({
  org: z
    .string()
    .refine((s) => isOrgCode(s), '组织代码无效')
    .optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export async function registryPortalRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/officers', { config: { access: PUBLIC }, schema: { querystring: ZPortalQuery } }, async (req) => {
    const q = req.query;
    const on = today();
    const where = and(
      validCertOn(on),
      eq(enforcementOfficers.active, true),
      q.org ? inSubtree(enforcementOfficers.orgCode, q.org) : undefined,
      q.q
        ? or(
            ilike(enforcementOfficers.name, containsPattern(q.q)),
            ilike(enforcementOfficers.certNo, containsPattern(q.q)),
          )
        : undefined,
    );
    const [{ n } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(enforcementOfficers)
      .where(where);
    const list = await db
      .select({
        name: enforcementOfficers.name,
        certNo: enforcementOfficers.certNo,
        areas: enforcementOfficers.areas,
        orgName: orgs.name,
        validTo: enforcementOfficers.validTo,
      })
      .from(enforcementOfficers)
      .leftJoin(orgs, eq(orgs.code, enforcementOfficers.orgCode))
      .where(where)
      .orderBy(asc(enforcementOfficers.orgCode), asc(enforcementOfficers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return { total: Number(n), items: list };
  });

  app.get(
    '/items',
    {
      config: { access: PUBLIC },
      schema: {
        querystring: ZPortalQuery.extend({
          itemType: ZItemQuery.shape.itemType,
          listKind: ZItemQuery.shape.listKind,
        }),
      },
    },
    async (req) => {
      const q = req.query;
      // With an org: what that org enforces (its own items and its ancestors'), in force today.
      const res = await listItems(db, q.org ?? null, {
        ...q,
        on: today(),
        applicable: q.org ? '1' : undefined,
      });
      return {
        total: res.total,
        items: res.items.map((i) => ({
          id: i.id,
          orgName: i.orgName,
          listKind: i.listKind,
          itemCode: i.itemCode,
          version: i.version,
          name: i.name,
          itemType: i.itemType,
          legalBasis: i.legalBasis,
          office: i.office,
          delegated: i.delegated,
          discretion: i.discretion,
          effectiveFrom: i.effectiveFrom,
        })),
      };
    },
  );

  app.get(
    '/inspections',
    { config: { access: PUBLIC }, schema: { querystring: ZPortalQuery } },
    async (req) => {
      const q = req.query;
      return listInspections(db, q.org ?? null, q, true);
    },
  );

  app.get('/inspections/:id', { config: { access: PUBLIC }, schema: { params: ZIdParams } }, async (req) =>
    getInspection(db, Number(req.params.id), true),
  );
}
