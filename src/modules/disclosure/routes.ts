import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../kernel/calendar.js';
import { orgs } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import { actorOf, authed } from '../../kernel/http/access.js';
import { sendDownload } from '../../kernel/http/download.js';
import { runImport } from '../../kernel/imports.js';
import type { KernelContext } from '../../kernel/module.js';
import { registerStepRoutes } from '../../kernel/workflow.js';
import { exportRows } from '../../kernel/xlsx/export.js';
import { buildTemplate } from '../../kernel/xlsx/template.js';
import { drillCondition } from '../../reporting/indicators.js';
import { annualTables, annualWorkbook } from './annual.js';
import { importRequests } from './import.js';
import { disclosureIndicators } from './indicators.js';
import {
  ANSWER_REASONS,
  APPLICANT_KINDS,
  CATEGORIES,
  ITEM_CHANNELS,
  ITEM_LEDGER,
  MAIL_KINDS,
  ORG_SUB_KINDS,
  REQUEST_CHANNELS,
  REQUEST_LEDGER,
  STATUS_LABELS,
  type StepName,
  THIRD_PARTY_OPINIONS,
  ZCreateItem,
  ZCreateRequest,
  ZItemQuery,
  ZPublish,
  ZRequestQuery,
  ZSteps,
} from './model.js';
import { TRANSITIONS } from './rules.js';
import {
  createItem,
  createRequest,
  getItem,
  getRequest,
  listItems,
  listRequests,
  publishItem,
  runStep,
} from './service.js';

const ZIdParam = z.strictObject({ id: z.string().regex(/^\d{1,9}$/, '编号应为数字') });

export async function disclosureRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/meta',
    {
      config: { access: { perm: 'disclosure.read', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => ({
      can: Object.fromEntries(
        ['manage', 'import', 'personal', 'approveExtension'].map((p) => [
          p,
          authed(req).scope.can(`disclosure.${p}`, req.targetOrg!),
        ]),
      ),
      categories: CATEGORIES,
      itemChannels: ITEM_CHANNELS,
      applicantKinds: APPLICANT_KINDS,
      orgSubKinds: ORG_SUB_KINDS,
      requestChannels: REQUEST_CHANNELS,
      mailKinds: MAIL_KINDS,
      answerReasons: ANSWER_REASONS,
      thirdPartyOpinions: THIRD_PARTY_OPINIONS,
      statuses: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
      steps: Object.entries(TRANSITIONS).map(([step, t]) => ({ step, label: t.label })),
      indicators: disclosureIndicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        formula: i.formula,
      })),
    }),
  );

  // 主动公开 ------------------------------------------------------------------------------
  app.get(
    '/items',
    {
      config: { access: { perm: 'disclosure.read', org: { query: 'org' } } },
      schema: { querystring: ZItemQuery },
    },
    async (req, reply) => {
      const org = req.targetOrg!;
      const q = req.query;
      const asOf = today();
      const extra = drillCondition(disclosureIndicators, q, org, asOf);
      const filters = q.indicator ? { ...q, from: undefined, to: undefined } : q;
      if (q.format === 'xlsx') {
        const all = await listItems(db, org, filters, asOf, extra, true);
        const buf = await exportRows(ITEM_LEDGER, all.items, { title: `${ITEM_LEDGER.title}台账` });
        return sendDownload(reply, `主动公开台账-${asOf}.xlsx`, buf);
      }
      return listItems(db, org, filters, asOf, extra);
    },
  );

  app.get(
    '/items/:id',
    {
      config: { access: { perm: 'disclosure.read', org: { resource: 'disclosure.item', param: 'id' } } },
      schema: { params: ZIdParam },
    },
    async (req) => getItem(db, Number(req.params.id)),
  );

  app.post(
    '/items',
    {
      config: { access: { perm: 'disclosure.manage', org: { body: 'orgCode' } } },
      schema: { body: ZCreateItem },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createItem(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id: row.id, indexNo: row.indexNo, dueOn: row.dueOn });
    },
  );

  app.post(
    '/items/:id/publish',
    {
      config: { access: { perm: 'disclosure.manage', org: { resource: 'disclosure.item', param: 'id' } } },
      schema: { params: ZIdParam, body: ZPublish },
    },
    async (req) => {
      const id = Number(req.params.id);
      await db.transaction((tx) => publishItem(tx, id, req.body, actorOf(req)));
      return getItem(db, id);
    },
  );

  // 依申请公开 ----------------------------------------------------------------------------
  app.get(
    '/requests',
    {
      config: { access: { perm: 'disclosure.read', org: { query: 'org' } } },
      schema: { querystring: ZRequestQuery },
    },
    async (req, reply) => {
      const org = req.targetOrg!;
      const q = req.query;
      const asOf = today();
      const personal = authed(req).scope.can('disclosure.personal', org);
      const extra = drillCondition(disclosureIndicators, q, org, asOf);
      const filters = q.indicator ? { ...q, from: undefined, to: undefined } : q;
      if (q.format === 'xlsx') {
        const all = await listRequests(db, org, filters, asOf, personal, extra, true);
        const buf = await exportRows(
          REQUEST_LEDGER,
          all.items.map((r) => ({
            ...r,
            applicantKind: r.applicantKind === '自然人' ? '自然人' : (r.applicantSubKind ?? '其他'),
          })),
          {
            title: `${REQUEST_LEDGER.title}登记台账`,
            fields: REQUEST_LEDGER.fields.filter((f) => personal || !f.personal).map((f) => f.key),
          },
        );
        return sendDownload(reply, `依申请公开台账-${asOf}.xlsx`, buf);
      }
      return listRequests(db, org, filters, asOf, personal, extra);
    },
  );

  app.get(
    '/requests/:id',
    {
      config: { access: { perm: 'disclosure.read', org: { resource: 'disclosure.request', param: 'id' } } },
      schema: { params: ZIdParam },
    },
    async (req) => {
      const scope = authed(req).scope;
      const org = req.targetOrg!;
      return getRequest(db, Number(req.params.id), scope.can('disclosure.personal', org), {
        manage: scope.can('disclosure.manage', org),
        approve: scope.can('disclosure.approveExtension', org),
      });
    },
  );

  app.post(
    '/requests',
    {
      config: { access: { perm: 'disclosure.manage', org: { body: 'orgCode' } } },
      schema: { body: ZCreateRequest },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createRequest(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id: row.id, requestNo: row.requestNo, dueOn: row.dueOn });
    },
  );

  registerStepRoutes(app, db, {
    path: '/requests',
    resource: 'disclosure.request',
    steps: Object.fromEntries(
      (Object.keys(ZSteps) as StepName[]).map((step) => [
        step,
        { perm: TRANSITIONS[step].perm, body: ZSteps[step] },
      ]),
    ) as Record<StepName, { perm: string; body: (typeof ZSteps)[StepName] }>,
    run: (tx, id, step, input, actor) => runStep(tx, id, step, input as never, actor),
    load: (id, req) =>
      getRequest(db, id, req.scope.can('disclosure.personal', req.targetOrg!), {
        manage: req.scope.can('disclosure.manage', req.targetOrg!),
        approve: req.scope.can('disclosure.approveExtension', req.targetOrg!),
      }),
  });

  // 依申请公开登记台账: template and import (the kernel's /template.xlsx and /import take the 主动公开 ledger).
  app.get(
    '/requests/template.xlsx',
    { config: { access: { perm: 'disclosure.read' } } },
    async (_req, reply) => {
      const buf = await buildTemplate(REQUEST_LEDGER, { title: `${REQUEST_LEDGER.title}登记台账` });
      return sendDownload(reply, `${REQUEST_LEDGER.title}登记台账-模板.xlsx`, buf);
    },
  );

  app.post(
    '/requests/import',
    {
      config: { access: { perm: 'disclosure.import', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
      const part = await req.file();
      if (!part) throw new AppError('VALIDATION_FAILED', '没有收到文件');
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('FILE_TOO_LARGE');
      const result = await runImport(db, importRequests, data, req.targetOrg!, actorOf(req));
      return reply.status(result.errors.length ? 422 : 200).send(result);
    },
  );

  // 政府信息公开工作年度报告 tables.
  app.get(
    '/annual-report',
    {
      config: { access: { perm: 'disclosure.read', org: { query: 'org' } } },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          year: z.coerce.number().int().min(2008).max(2100),
          format: z.enum(['json', 'xlsx']).default('json'),
        }),
      },
    },
    async (req, reply) => {
      const org = req.targetOrg!;
      const t = await annualTables(db, org, req.query.year);
      if (req.query.format === 'xlsx') {
        const [o] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.code, org));
        const buf = await annualWorkbook(t, o?.name ?? '');
        return sendDownload(reply, `政府信息公开年度报告统计表-${req.query.year}.xlsx`, buf);
      }
      return t;
    },
  );
}
