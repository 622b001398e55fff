import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../kernel/calendar.js';
import { actorOf, authed } from '../../kernel/http/access.js';
import { sendDownload } from '../../kernel/http/download.js';
import type { KernelContext } from '../../kernel/module.js';
import { registerStepRoutes } from '../../kernel/workflow.js';
import { exportRows } from '../../kernel/xlsx/export.js';
import { drillCondition } from '../../reporting/indicators.js';
import { petitionIndicators } from './indicators.js';
import {
  CATEGORIES,
  CHANNELS,
  OPINIONS,
  ORIGINS,
  PETITION_LEDGER,
  REVIEW_RESULTS,
  STATUS_LABELS,
  type StepName,
  ZCreatePetition,
  ZListQuery,
  ZSteps,
} from './model.js';
import { TRANSITIONS } from './rules.js';
import { createPetition, getPetition, listPetitions, runStep } from './service.js';

export async function petitionRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/meta',
    {
      config: { access: { perm: 'petitions.read', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => ({
      can: Object.fromEntries(
        ['register', 'handle', 'import', 'personal'].map((p) => [
          p,
          authed(req).scope.can(`petitions.${p}`, req.targetOrg!),
        ]),
      ),
      channels: CHANNELS,
      categories: CATEGORIES,
      origins: ORIGINS,
      opinions: OPINIONS,
      reviewResults: REVIEW_RESULTS,
      statuses: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
      steps: Object.entries(TRANSITIONS).map(([step, t]) => ({ step, label: t.label })),
      ledger: PETITION_LEDGER.fields,
      indicators: petitionIndicators.map((i) => ({
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
      config: { access: { perm: 'petitions.read', org: { query: 'org' } } },
      schema: { querystring: ZListQuery },
    },
    async (req, reply) => {
      const org = req.targetOrg!;
      const q = req.query;
      const asOf = today();
      const extra = drillCondition(petitionIndicators, q, org, asOf);
      const filters = q.indicator ? { ...q, from: undefined, to: undefined } : q;
      if (q.format === 'xlsx') {
        const all = await listPetitions(db, org, filters, asOf, extra, true);
        const buf = await exportRows(
          PETITION_LEDGER,
          all.items.map((c) => ({
            petitionNo: c.petitionNo,
            receivedOn: c.receivedOn,
            village: c.orgName,
            channel: c.channel,
            origin: c.origin,
            petitionerName: c.petitionerNames,
            personCount: c.personCount,
            category: c.category,
            subject: c.subject,
            summary: c.summary,
            leaderName: c.leaderName,
            isRepeat: c.isRepeat,
            acceptedOn: c.acceptedOn,
            closedOn: c.closedOn,
            opinion: c.opinion,
            resolved: c.resolved,
          })),
          {
            title: `${PETITION_LEDGER.title}台账`,
            fields: PETITION_LEDGER.fields.filter((f) => !f.personal).map((f) => f.key),
          },
        );
        return sendDownload(reply, `信访台账-${asOf}.xlsx`, buf);
      }
      return listPetitions(db, org, filters, asOf, extra);
    },
  );

  app.get(
    '/cases/:id',
    {
      config: { access: { perm: 'petitions.read', org: { resource: 'petitions.case', param: 'id' } } },
      schema: { params: z.strictObject({ id: z.string().regex(/^\d{1,9}$/, '编号应为数字') }) },
    },
    async (req) =>
      getPetition(db, Number(req.params.id), authed(req).scope.can('petitions.personal', req.targetOrg!)),
  );

  app.post(
    '/cases',
    {
      config: { access: { perm: 'petitions.register', org: { body: 'orgCode' } } },
      schema: { body: ZCreatePetition },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createPetition(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id: row.id, petitionNo: row.petitionNo });
    },
  );

  registerStepRoutes(app, db, {
    path: '/cases',
    resource: 'petitions.case',
    steps: Object.fromEntries(
      (Object.keys(ZSteps) as StepName[]).map((step) => [
        step,
        { perm: TRANSITIONS[step].perm, body: ZSteps[step] },
      ]),
    ) as Record<StepName, { perm: string; body: (typeof ZSteps)[StepName] }>,
    run: (tx, id, step, input, actor) => runStep(tx, id, step, input as never, actor),
    load: (id, req) =>
      getPetition(
        db,
        id,
        req.scope.can('petitions.personal', req.targetOrg!),
        req.scope.can('petitions.handle', req.targetOrg!),
      ),
  });
}
