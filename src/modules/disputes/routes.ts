import { and, desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../kernel/audit.js';
import { today } from '../../kernel/calendar.js';
import { orgs } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import { actorOf, authed } from '../../kernel/http/access.js';
import { sendDownload } from '../../kernel/http/download.js';
import type { KernelContext } from '../../kernel/module.js';
import { inSubtree } from '../../kernel/scope.js';
import { maskPhone } from '../../kernel/validate.js';
import { registerStepRoutes } from '../../kernel/workflow.js';
import { exportRows } from '../../kernel/xlsx/export.js';
import { drillCondition } from '../../reporting/indicators.js';
import { disputeIndicators } from './indicators.js';
import {
  AGREEMENT_FORMS,
  CATEGORIES,
  DISPUTE_LEDGER,
  PERFORMANCE,
  RISK_LEVELS,
  SOURCES,
  STATUS_LABELS,
  type StepName,
  TRANSFER_TARGETS,
  ZCreateDispute,
  ZListQuery,
  ZMeeting,
  ZSteps,
} from './model.js';
import { TRANSITIONS } from './rules.js';
import { disputeConsultations } from './schema.js';
import {
  createDispute,
  createMeeting,
  getDispute,
  listDisputes,
  listMeetings,
  listWarnings,
  maskParty,
  runStep,
} from './service.js';

const ZId = z.strictObject({ id: z.string().regex(/^\d{1,9}$/, '编号应为数字') });

export async function disputeRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/meta',
    {
      config: { access: { perm: 'disputes.read', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => ({
      // What this user may do at the org: the UI shows only these actions.
      can: Object.fromEntries(
        ['register', 'handle', 'import', 'meeting', 'consult', 'personal'].map((p) => [
          p,
          authed(req).scope.can(`disputes.${p}`, req.targetOrg!),
        ]),
      ),
      sources: SOURCES,
      categories: CATEGORIES,
      riskLevels: RISK_LEVELS,
      statuses: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
      agreementForms: AGREEMENT_FORMS,
      performance: PERFORMANCE,
      transferTargets: TRANSFER_TARGETS,
      steps: Object.entries(TRANSITIONS).map(([step, t]) => ({ step, label: t.label })),
      ledger: DISPUTE_LEDGER.fields,
      indicators: disputeIndicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        formula: i.formula,
      })),
    }),
  );

  app.get(
    '/cases',
    {
      config: { access: { perm: 'disputes.read', org: { query: 'org' } } },
      schema: { querystring: ZListQuery },
    },
    async (req, reply) => {
      const r = authed(req);
      const org = req.targetOrg!;
      const q = req.query;
      const asOf = today();
      const extra = drillCondition(disputeIndicators, q, org, asOf);
      // An indicator's own period replaces the list's date filter (the same rows, no more, no less).
      const filters = q.indicator ? { ...q, from: undefined, to: undefined } : q;
      const canSee = r.scope.can('disputes.personal', org);
      if (q.format === 'xlsx') {
        const all = await listDisputes(db, org, filters, asOf, extra, true);
        const buf = await exportRows(
          DISPUTE_LEDGER,
          all.items.map((c) => ({
            caseNo: c.caseNo,
            receivedOn: c.receivedOn,
            village: c.orgName,
            source: c.source,
            category: c.category,
            partyName: c.partyNames,
            summary: c.summary,
            riskLevel: c.riskLevel,
            mediatorName: c.mediatorName,
            status: c.statusLabel,
            closedOn: c.resolvedOn ?? c.failedOn ?? c.rejectedOn,
            agreementForm: c.agreementForm,
            agreementText: c.agreementText,
            performance: c.performance,
            transferTo: c.transferTo,
            followupOn: c.followupOn,
          })),
          {
            title: `${DISPUTE_LEDGER.title}台账`,
            fields: DISPUTE_LEDGER.fields.filter((f) => !f.personal).map((f) => f.key),
          },
        );
        return sendDownload(reply, `矛盾纠纷台账-${asOf}.xlsx`, buf);
      }
      const result = await listDisputes(db, org, filters, asOf, extra);
      return {
        ...result,
        items: result.items.map((c) => ({
          ...c,
          contactPhone: c.contactPhone && !canSee ? maskPhone(c.contactPhone) : c.contactPhone,
        })),
      };
    },
  );

  app.get(
    '/cases/:id',
    {
      config: { access: { perm: 'disputes.read', org: { resource: 'disputes.case', param: 'id' } } },
      schema: { params: ZId },
    },
    async (req) =>
      getDispute(db, Number(req.params.id), authed(req).scope.can('disputes.personal', req.targetOrg!)),
  );

  app.post(
    '/cases',
    {
      config: { access: { perm: 'disputes.register', org: { body: 'orgCode' } } },
      schema: { body: ZCreateDispute },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createDispute(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id: row.id, caseNo: row.caseNo });
    },
  );

  registerStepRoutes(app, db, {
    path: '/cases',
    resource: 'disputes.case',
    steps: Object.fromEntries(
      (Object.keys(ZSteps) as StepName[]).map((step) => [
        step,
        { perm: TRANSITIONS[step].perm, body: ZSteps[step] },
      ]),
    ) as Record<StepName, { perm: string; body: (typeof ZSteps)[StepName] }>,
    run: (tx, id, step, input, actor) => runStep(tx, id, step, input as never, actor),
    load: (id, req) =>
      getDispute(
        db,
        id,
        req.scope.can('disputes.personal', req.targetOrg!),
        req.scope.can('disputes.handle', req.targetOrg!),
      ),
  });

  app.get(
    '/warnings',
    {
      config: { access: { perm: 'disputes.read', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => ({
      asOf: today(),
      items: await listWarnings(
        db,
        req.targetOrg!,
        today(),
        authed(req).scope.can('disputes.personal', req.targetOrg!),
      ),
    }),
  );

  app.get(
    '/meetings',
    {
      config: { access: { perm: 'disputes.read', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => ({ items: await listMeetings(db, req.targetOrg!) }),
  );

  app.post(
    '/meetings',
    {
      config: { access: { perm: 'disputes.meeting', org: { body: 'orgCode' } } },
      schema: { body: ZMeeting },
    },
    async (req, reply) => {
      const id = await db.transaction((tx) => createMeeting(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/consultations',
    {
      config: { access: { perm: 'disputes.read', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => {
      const canSee = authed(req).scope.can('disputes.personal', req.targetOrg!);
      const list = await db
        .select({ c: disputeConsultations, orgName: orgs.name })
        .from(disputeConsultations)
        .leftJoin(orgs, eq(orgs.code, disputeConsultations.orgCode))
        .where(inSubtree(disputeConsultations.orgCode, req.targetOrg!))
        .orderBy(desc(disputeConsultations.id))
        .limit(500);
      return {
        items: list.map((r) => ({ ...maskParty({ ...r.c, idCard: null }, canSee), orgName: r.orgName })),
      };
    },
  );

  app.post(
    '/consultations/:id/answer',
    {
      config: {
        access: { perm: 'disputes.consult', org: { resource: 'disputes.consultation', param: 'id' } },
      },
      schema: {
        params: ZId,
        body: z.strictObject({ answer: z.string().trim().min(2, '请填写答复内容').max(5000) }),
      },
    },
    async (req) => {
      const id = Number(req.params.id);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(disputeConsultations)
          .set({
            status: 'answered',
            answer: req.body.answer,
            answeredOn: today(),
            answeredBy: authed(req).principal.id,
          })
          .where(and(eq(disputeConsultations.id, id), eq(disputeConsultations.status, 'pending')))
          .returning();
        if (!row) throw new AppError('INVALID_TRANSITION', '该咨询已答复');
        await appendAudit(tx, {
          actor: actorOf(req),
          orgCode: row.orgCode,
          action: 'disputes.consultation.answer',
          entity: 'disputes.consultation',
          entityId: id,
          after: { answer: req.body.answer },
        });
      });
      return { ok: true };
    },
  );

  // Counts for the module's own header (the dashboard is the reporting issue's).
  app.get(
    '/summary',
    {
      config: { access: { perm: 'disputes.read', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => {
      const [row] = await db
        .execute(
          sql`SELECT count(*) FILTER (WHERE status IN ('registered','accepted','mediating'))::int AS open,
                   count(*) FILTER (WHERE risk_level = '高' AND status IN ('registered','accepted','mediating'))::int AS "highRisk"
            FROM disputes_case WHERE ${inSubtree(sql`org_code`, req.targetOrg!)}`,
        )
        .then((r) => (r as unknown as { rows: { open: number; highRisk: number }[] }).rows);
      return row;
    },
  );
}
