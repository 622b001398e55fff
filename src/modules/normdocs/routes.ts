import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../kernel/calendar.js';
import { type AuthedRequest, actorOf, authed } from '../../kernel/http/access.js';
import { sendDownload } from '../../kernel/http/download.js';
import type { KernelContext } from '../../kernel/module.js';
import { registerStepRoutes } from '../../kernel/workflow.js';
import { exportRows } from '../../kernel/xlsx/export.js';
import { drillCondition } from '../../reporting/indicators.js';
import { normdocsIndicators } from './indicators.js';
import {
  CLEANUP_RESULTS,
  DELIBERATION_RESULTS,
  DOC_TYPES,
  DOCUMENT_LEDGER,
  FILING_RESULTS,
  PUBLISH_MEDIA,
  REVIEW_RESULTS,
  STATUS_LABELS,
  type StepName,
  ZCreateDocument,
  ZDate,
  ZFilingQuery,
  ZFilingReview,
  ZId,
  ZListQuery,
  ZSteps,
} from './model.js';
import { TRANSITIONS } from './rules.js';
import {
  createDocument,
  getDocument,
  listDocuments,
  listFilings,
  listSuggestions,
  replySuggestion,
  reviewFiling,
  runStep,
} from './service.js';
import { effectiveSettings, saveSettings } from './settings.js';

const CAN = ['draft', 'review', 'filingReview', 'supervise', 'manage', 'import', 'personal'] as const;

function perms(req: AuthedRequest) {
  const org = req.targetOrg!;
  return {
    draft: req.scope.can('normdocs.draft', org),
    review: req.scope.can('normdocs.review', org),
    filingReview: (filedTo: string) => req.scope.can('normdocs.filingReview', filedTo),
  };
}

/** 行政规范性文件: 发文台账, the lifecycle's steps, 备案审查, 审查建议, regional settings. */
export async function normdocsRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/meta',
    {
      config: { access: { perm: 'normdocs.read', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => ({
      can: Object.fromEntries(CAN.map((p) => [p, authed(req).scope.can(`normdocs.${p}`, req.targetOrg!)])),
      docTypes: DOC_TYPES,
      reviewResults: REVIEW_RESULTS,
      deliberationResults: DELIBERATION_RESULTS,
      publishMedia: PUBLISH_MEDIA,
      filingResults: FILING_RESULTS,
      cleanupResults: CLEANUP_RESULTS,
      statuses: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
      steps: Object.entries(TRANSITIONS).map(([step, t]) => ({ step, label: t.label })),
      settings: await effectiveSettings(db, req.targetOrg!),
      ledger: DOCUMENT_LEDGER.fields,
      indicators: normdocsIndicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        formula: i.formula,
      })),
    }),
  );

  app.get(
    '/documents',
    {
      config: { access: { perm: 'normdocs.read', org: { query: 'org' } } },
      schema: { querystring: ZListQuery },
    },
    async (req, reply) => {
      const org = req.targetOrg!;
      const q = req.query;
      const asOf = today();
      const extra = drillCondition(normdocsIndicators, q, org, asOf);
      const filters = q.indicator ? { ...q, from: undefined, to: undefined } : q;
      if (q.format === 'xlsx') {
        const all = await listDocuments(db, org, filters, asOf, extra, true);
        const buf = await exportRows(
          DOCUMENT_LEDGER,
          all.items.map((d) => ({ ...d, status: d.effect })),
          { title: '行政规范性文件发文台账' },
        );
        return sendDownload(reply, `发文台账-${asOf}.xlsx`, buf);
      }
      return listDocuments(db, org, filters, asOf, extra);
    },
  );

  app.get(
    '/documents/:id',
    {
      config: { access: { perm: 'normdocs.read', org: { resource: 'normdocs.document', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }) },
    },
    async (req) => getDocument(db, Number(req.params.id), perms(authed(req))),
  );

  app.post(
    '/documents',
    {
      config: { access: { perm: 'normdocs.draft', org: { body: 'orgCode' } } },
      schema: { body: ZCreateDocument },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createDocument(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id: row.id });
    },
  );

  registerStepRoutes(app, db, {
    path: '/documents',
    resource: 'normdocs.document',
    steps: Object.fromEntries(
      (Object.keys(ZSteps) as StepName[]).map((step) => [
        step,
        { perm: TRANSITIONS[step].perm, body: ZSteps[step] },
      ]),
    ) as Record<StepName, { perm: string; body: (typeof ZSteps)[StepName] }>,
    run: (tx, id, step, input, actor) => runStep(tx, id, step, input as never, actor),
    load: (id, req) => getDocument(db, id, perms(req)),
  });

  // 备案审查 by the organ filed to: the caller must hold the permission there, not only on the issuer.
  app.post(
    '/documents/:id/filingReview',
    {
      config: {
        access: { perm: 'normdocs.filingReview', org: { resource: 'normdocs.document', param: 'id' } },
      },
      schema: { params: z.strictObject({ id: ZId }), body: ZFilingReview },
    },
    async (req) => {
      const r = authed(req);
      const id = Number(req.params.id);
      await db.transaction((tx) =>
        reviewFiling(tx, id, req.body, actorOf(req), (filedTo) =>
          r.scope.can('normdocs.filingReview', filedTo),
        ),
      );
      return getDocument(db, id, perms(r));
    },
  );

  app.get(
    '/filings',
    {
      config: { access: { perm: 'normdocs.read', org: { query: 'org' } } },
      schema: { querystring: ZFilingQuery },
    },
    async (req) => listFilings(db, req.targetOrg!, req.query, today()),
  );

  app.get(
    '/suggestions',
    {
      config: { access: { perm: 'normdocs.supervise', org: { query: 'org' } } },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          pending: z.enum(['1']).optional(),
          page: z.coerce.number().int().min(1).default(1),
        }),
      },
    },
    async (req) =>
      listSuggestions(
        db,
        req.targetOrg!,
        req.query,
        authed(req).scope.can('normdocs.personal', req.targetOrg!),
      ),
  );

  app.post(
    '/suggestions/:id/reply',
    {
      config: {
        access: { perm: 'normdocs.supervise', org: { resource: 'normdocs.suggestion', param: 'id' } },
      },
      schema: {
        params: z.strictObject({ id: ZId }),
        body: z.strictObject({
          reply: z.string().trim().min(2, '请填写答复意见').max(5000),
          on: ZDate.optional(),
        }),
      },
    },
    async (req) => db.transaction((tx) => replySuggestion(tx, Number(req.params.id), req.body, actorOf(req))),
  );

  app.get(
    '/settings',
    {
      config: { access: { perm: 'normdocs.read', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => effectiveSettings(db, req.targetOrg!),
  );

  app.put(
    '/settings',
    {
      config: { access: { perm: 'normdocs.manage', org: { query: 'org' } } },
      schema: {
        querystring: z.strictObject({ org: z.string().optional() }),
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (req) => db.transaction((tx) => saveSettings(tx, req.targetOrg!, req.body, actorOf(req))),
  );
}
