import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../kernel/calendar.js';
import { type AuthedRequest, actorOf, authed } from '../../kernel/http/access.js';
import type { KernelContext } from '../../kernel/module.js';
import { registerStepRoutes } from '../../kernel/workflow.js';
import { drillCondition } from '../../reporting/indicators.js';
import { decisionsIndicators } from './indicators.js';
import {
  CATEGORIES,
  EVAL_CONCLUSIONS,
  EVAL_TRIGGERS,
  EVIDENCE_LABELS,
  KINDS,
  MEETING_TYPES,
  MIN_REVIEW_WORKDAYS,
  OUTCOMES,
  PARTICIPATION_KINDS,
  PROCEDURE_LABELS,
  RISK_LEVELS,
  SANZHONG,
  SANZHONG_MEETING_TYPES,
  STATUS_LABELS,
  type StepName,
  ZCatalogue,
  ZCatalogueItem,
  ZCreateDecision,
  ZEvidence,
  ZId,
  ZListQuery,
  ZOnDate,
  ZSteps,
} from './model.js';
import {
  addCatalogueItem,
  addEvidence,
  catalogueStep,
  createCatalogue,
  createDecision,
  getDecision,
  listCatalogues,
  listDecisions,
  removeCatalogueItem,
  removeEvidence,
  runStep,
} from './service.js';

const CAN = ['handle', 'review', 'manage'] as const;
/** Steps the legality reviewer runs; the rest are the sponsor's. */
const STEP_PERM: Partial<Record<StepName, string>> = { legalReview: 'decisions.review' };

function perms(req: AuthedRequest) {
  const org = req.targetOrg!;
  return { handle: req.scope.can('decisions.handle', org), review: req.scope.can('decisions.review', org) };
}

export async function decisionRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/meta',
    {
      config: { access: { perm: 'decisions.read', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => ({
      can: Object.fromEntries(CAN.map((p) => [p, authed(req).scope.can(`decisions.${p}`, req.targetOrg!)])),
      today: today(),
      kinds: KINDS,
      categories: CATEGORIES,
      sanzhong: SANZHONG,
      meetingTypes: MEETING_TYPES,
      sanzhongMeetingTypes: SANZHONG_MEETING_TYPES,
      participationKinds: PARTICIPATION_KINDS,
      riskLevels: RISK_LEVELS,
      outcomes: OUTCOMES,
      evalTriggers: EVAL_TRIGGERS,
      evalConclusions: EVAL_CONCLUSIONS,
      minReviewWorkdays: MIN_REVIEW_WORKDAYS,
      procedures: Object.entries(PROCEDURE_LABELS).map(([value, label]) => ({ value, label })),
      evidenceProcedures: Object.entries(EVIDENCE_LABELS).map(([value, label]) => ({ value, label })),
      statuses: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
      indicators: decisionsIndicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        formula: i.formula,
      })),
    }),
  );

  // 年度决策事项目录
  app.get(
    '/catalogues',
    {
      config: { access: { perm: 'decisions.read', org: { query: 'org' } } },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          year: z.coerce.number().int().min(2000).max(2100).optional(),
        }),
      },
    },
    async (req) => listCatalogues(db, req.targetOrg!, req.query.year),
  );

  app.post(
    '/catalogues',
    {
      config: { access: { perm: 'decisions.manage', org: { body: 'orgCode' } } },
      schema: { body: ZCatalogue },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createCatalogue(tx, req.body, actorOf(req)));
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/catalogues/:id/items',
    {
      config: { access: { perm: 'decisions.manage', org: { resource: 'decisions.catalogue', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }), body: ZCatalogueItem },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) =>
        addCatalogueItem(tx, Number(req.params.id), req.body, actorOf(req)),
      );
      return reply.status(201).send(row);
    },
  );

  for (const step of ['approve', 'publish'] as const) {
    app.post(
      `/catalogues/:id/${step}`,
      {
        config: {
          access: { perm: 'decisions.manage', org: { resource: 'decisions.catalogue', param: 'id' } },
        },
        schema: { params: z.strictObject({ id: ZId }), body: ZOnDate },
      },
      async (req) =>
        db.transaction((tx) => catalogueStep(tx, Number(req.params.id), step, req.body.on, actorOf(req))),
    );
  }

  app.post(
    '/catalogue-items/:id/remove',
    {
      config: {
        access: { perm: 'decisions.manage', org: { resource: 'decisions.catalogueItem', param: 'id' } },
      },
      schema: {
        params: z.strictObject({ id: ZId }),
        body: z.strictObject({ reason: z.string().trim().min(2, '请填写调出目录的理由').max(500) }),
      },
    },
    async (req) =>
      db.transaction((tx) => removeCatalogueItem(tx, Number(req.params.id), req.body.reason, actorOf(req))),
  );

  // 决策
  app.get(
    '/decisions',
    {
      config: { access: { perm: 'decisions.read', org: { query: 'org' } } },
      schema: { querystring: ZListQuery },
    },
    async (req) => {
      const org = req.targetOrg!;
      const q = req.query;
      const extra = drillCondition(decisionsIndicators, q, org, today());
      return listDecisions(db, org, q.indicator ? { ...q, from: undefined, to: undefined } : q, extra);
    },
  );

  app.get(
    '/decisions/:id',
    {
      config: { access: { perm: 'decisions.read', org: { resource: 'decisions.decision', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }) },
    },
    async (req) => getDecision(db, Number(req.params.id), perms(authed(req))),
  );

  app.post(
    '/decisions',
    {
      config: { access: { perm: 'decisions.handle', org: { body: 'orgCode' } } },
      schema: { body: ZCreateDecision },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createDecision(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id: row.id, decisionNo: row.decisionNo });
    },
  );

  app.post(
    '/decisions/:id/evidence',
    {
      config: { access: { perm: 'decisions.handle', org: { resource: 'decisions.decision', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }), body: ZEvidence },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) =>
        addEvidence(tx, Number(req.params.id), req.body, actorOf(req)),
      );
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/evidence/:id/remove',
    {
      config: { access: { perm: 'decisions.handle', org: { resource: 'decisions.evidence', param: 'id' } } },
      schema: {
        params: z.strictObject({ id: ZId }),
        body: z.strictObject({ reason: z.string().trim().min(2, '请填写撤除原因').max(500) }),
      },
    },
    async (req) =>
      db.transaction((tx) => removeEvidence(tx, Number(req.params.id), req.body.reason, actorOf(req))),
  );

  registerStepRoutes(app, db, {
    path: '/decisions',
    resource: 'decisions.decision',
    steps: Object.fromEntries(
      (Object.keys(ZSteps) as StepName[]).map((step) => [
        step,
        { perm: STEP_PERM[step] ?? 'decisions.handle', body: ZSteps[step] },
      ]),
    ) as Record<StepName, { perm: string; body: (typeof ZSteps)[StepName] }>,
    run: (tx, id, step, input, actor) => runStep(tx, id, step, input as never, actor),
    load: (id, req) => getDecision(db, id, perms(req)),
  });
}
