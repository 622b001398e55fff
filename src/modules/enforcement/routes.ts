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
import { CASE_LEDGER, ZCaseListQuery, ZCreateCase, ZEvidence, ZSteps } from './case-model.js';
import { buildCaseFile } from './casefile.js';
import { enforcementIndicators } from './indicators.js';
import {
  CASE_SOURCES,
  DECISION_KINDS,
  EVIDENCE_KINDS,
  ITEM_TYPES,
  MAJOR_REASONS,
  PARTY_TYPES,
  PENALTY_TYPES,
  PROCEDURE_LABELS,
  REVIEW_RESULTS,
  SERVICE_METHODS,
  STATUS_LABELS,
  ZDate,
  ZId,
} from './model.js';
import { type StepName, TRANSITIONS } from './rules.js';
import {
  addEvidence,
  createCase,
  eligibleOfficers,
  getCase,
  listCases,
  removeEvidence,
  runStep,
} from './service.js';
import { effectiveSettings } from './settings.js';

const CAN = ['handle', 'review', 'manage', 'inspect', 'evaluate', 'import', 'personal'] as const;

function perms(req: AuthedRequest) {
  const org = req.targetOrg!;
  return {
    personal: req.scope.can('enforcement.personal', org),
    handle: req.scope.can('enforcement.handle', org),
    review: req.scope.can('enforcement.review', org),
  };
}

/** 执法案件: 立案, the procedure's steps, evidence, 案卷 export. */
export async function caseRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/meta',
    {
      config: { access: { perm: 'enforcement.read', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => ({
      can: Object.fromEntries(CAN.map((p) => [p, authed(req).scope.can(`enforcement.${p}`, req.targetOrg!)])),
      sources: CASE_SOURCES,
      partyTypes: PARTY_TYPES,
      penaltyTypes: PENALTY_TYPES,
      decisionKinds: DECISION_KINDS,
      reviewResults: REVIEW_RESULTS,
      serviceMethods: SERVICE_METHODS,
      evidenceKinds: EVIDENCE_KINDS,
      majorReasons: MAJOR_REASONS,
      itemTypes: ITEM_TYPES,
      procedures: Object.entries(PROCEDURE_LABELS).map(([value, label]) => ({ value, label })),
      statuses: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
      steps: Object.entries(TRANSITIONS).map(([step, t]) => ({ step, label: t.label })),
      settings: await effectiveSettings(db, req.targetOrg!),
      indicators: enforcementIndicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        formula: i.formula,
      })),
    }),
  );

  app.get(
    '/officers/eligible',
    {
      config: { access: { perm: 'enforcement.read', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional(), on: ZDate.optional() }) },
    },
    async (req) => eligibleOfficers(db, req.targetOrg!, req.query.on ?? today()),
  );

  app.get(
    '/cases',
    {
      config: { access: { perm: 'enforcement.read', org: { query: 'org' } } },
      schema: { querystring: ZCaseListQuery },
    },
    async (req, reply) => {
      const org = req.targetOrg!;
      const q = req.query;
      const asOf = today();
      const personal = authed(req).scope.can('enforcement.personal', org);
      const extra = drillCondition(enforcementIndicators, q, org, asOf);
      const filters = q.indicator ? { ...q, from: undefined, to: undefined } : q;
      if (q.format === 'xlsx') {
        const all = await listCases(db, org, filters, asOf, personal, extra, true);
        const buf = await exportRows(CASE_LEDGER, all.items, { title: `${CASE_LEDGER.title}台账` });
        return sendDownload(reply, `行政执法案件台账-${asOf}.xlsx`, buf);
      }
      return listCases(db, org, filters, asOf, personal, extra);
    },
  );

  app.get(
    '/cases/:id',
    {
      config: { access: { perm: 'enforcement.read', org: { resource: 'enforcement.case', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }) },
    },
    async (req) => getCase(db, Number(req.params.id), perms(authed(req))),
  );

  app.get(
    '/cases/:id/casefile.zip',
    {
      config: { access: { perm: 'enforcement.read', org: { resource: 'enforcement.case', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }) },
    },
    async (req, reply) => {
      const { caseNo, data } = await buildCaseFile(
        db,
        ctx.files,
        Number(req.params.id),
        perms(authed(req)).personal,
      );
      return sendDownload(reply, `案卷-${caseNo}.zip`, data);
    },
  );

  app.post(
    '/cases',
    {
      config: { access: { perm: 'enforcement.handle', org: { body: 'orgCode' } } },
      schema: { body: ZCreateCase },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createCase(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id: row.id, caseNo: row.caseNo });
    },
  );

  app.post(
    '/cases/:id/evidence',
    {
      config: { access: { perm: 'enforcement.handle', org: { resource: 'enforcement.case', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }), body: ZEvidence },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) =>
        addEvidence(tx, Number(req.params.id), req.body, actorOf(req)),
      );
      return reply.status(201).send(row);
    },
  );

  // One :param per route (the kernel resolves it to its org): the evidence id alone names the case.
  app.post(
    '/evidence/:id/remove',
    {
      config: {
        access: { perm: 'enforcement.handle', org: { resource: 'enforcement.evidence', param: 'id' } },
      },
      schema: {
        params: z.strictObject({ id: ZId }),
        body: z.strictObject({ reason: z.string().trim().min(2, '请填写撤除原因').max(500) }),
      },
    },
    async (req) =>
      db.transaction((tx) => removeEvidence(tx, Number(req.params.id), req.body.reason, actorOf(req))),
  );

  registerStepRoutes(app, db, {
    path: '/cases',
    resource: 'enforcement.case',
    steps: Object.fromEntries(
      (Object.keys(ZSteps) as StepName[]).map((step) => [
        step,
        { perm: TRANSITIONS[step].perm, body: ZSteps[step] },
      ]),
    ) as Record<StepName, { perm: string; body: (typeof ZSteps)[StepName] }>,
    run: (tx, id, step, input, actor) => runStep(tx, id, step, input as never, actor),
    load: (id, req) => getCase(db, id, perms(req)),
  });
}
