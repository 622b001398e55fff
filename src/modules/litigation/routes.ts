import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../kernel/calendar.js';
import { actorOf, authed } from '../../kernel/http/access.js';
import { sendDownload } from '../../kernel/http/download.js';
import type { KernelContext } from '../../kernel/module.js';
import { exportRows } from '../../kernel/xlsx/export.js';
import { buildTemplate } from '../../kernel/xlsx/template.js';
import { drillCondition } from '../../reporting/indicators.js';
import { litigationIndicators } from './indicators.js';
import {
  ABSENCE_REASONS,
  ACT_KINDS,
  APPEAL_BY,
  DECISION_TYPES,
  HEAD_ROLES,
  INSTANCES,
  JUDGMENT_TYPES,
  LAWSUIT_LEDGER,
  LAWSUIT_STEP_LABELS,
  type LawsuitStep,
  PARTY_KINDS,
  PROCEDURES,
  RECONSIDERATION_LEDGER,
  RECONSIDERATION_STEP_LABELS,
  type ReconsiderationStep,
  SUGGESTION_KINDS,
  SUGGESTION_REPLY_DAYS,
  suggestProcedure,
  ZAppearance,
  ZCreateLawsuit,
  ZCreateReconsideration,
  ZHearing,
  ZId,
  ZLawsuitQuery,
  ZLawsuitSteps,
  ZReconsiderationQuery,
  ZReconsiderationSteps,
} from './model.js';
import {
  addHearing,
  createLawsuit,
  createReconsideration,
  getLawsuit,
  getReconsideration,
  listLawsuits,
  listReconsiderations,
  recordAppearance,
  runLawsuitStep,
  runReconsiderationStep,
} from './service.js';

const CAN = ['manage', 'import', 'personal'] as const;
const EXPORT_MAX = 5000;

/** 行政复议 (as 被申请人) and 行政应诉 (as 被告): ledgers, procedure steps, 出庭 records. */
export async function litigationRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const read = { perm: 'litigation.read', org: { query: 'org' } } as const;
  const params = z.strictObject({ id: ZId });
  const personal = (req: Parameters<typeof authed>[0]) =>
    authed(req).scope.can('litigation.personal', req.targetOrg!);

  app.get(
    '/meta',
    { config: { access: read }, schema: { querystring: z.strictObject({ org: z.string().optional() }) } },
    async (req) => ({
      can: Object.fromEntries(CAN.map((p) => [p, authed(req).scope.can(`litigation.${p}`, req.targetOrg!)])),
      actKinds: ACT_KINDS,
      partyKinds: PARTY_KINDS,
      procedures: PROCEDURES,
      decisionTypes: DECISION_TYPES,
      judgmentTypes: JUDGMENT_TYPES,
      instances: INSTANCES,
      headRoles: HEAD_ROLES,
      absenceReasons: ABSENCE_REASONS,
      suggestionKinds: SUGGESTION_KINDS,
      appealBy: APPEAL_BY,
      suggestionReplyDays: SUGGESTION_REPLY_DAYS,
      today: today(),
      indicators: litigationIndicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        formula: i.formula,
      })),
    }),
  );

  // 第五十三条: the 简易程序 default for a new 复议 case (the clerk still chooses).
  app.get(
    '/procedure',
    {
      config: { access: read },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          actKind: z.enum(ACT_KINDS),
          amount: z.coerce.number().min(0).optional(),
          act: z.string().max(500).optional(),
        }),
      },
    },
    async (req) => ({ procedure: suggestProcedure(req.query) }),
  );

  // ---- 行政复议
  // The kernel serves the first model's template (行政应诉); this is the 复议台账's.
  app.get(
    '/reconsiderations/template.xlsx',
    { config: { access: { perm: 'litigation.read' } } },
    async (_req, reply) => {
      const buf = await buildTemplate(RECONSIDERATION_LEDGER, { title: '行政复议案件台账' });
      return sendDownload(reply, '行政复议案件台账-模板.xlsx', buf);
    },
  );

  app.get(
    '/reconsiderations',
    { config: { access: read }, schema: { querystring: ZReconsiderationQuery } },
    async (req, reply) => {
      const q = req.query;
      const org = req.targetOrg!;
      const asOf = today();
      const extra = drillCondition(litigationIndicators, q, org, asOf);
      const filters = q.indicator ? { ...q, from: undefined, to: undefined } : q;
      if (q.format === 'xlsx') {
        const all = await listReconsiderations(
          db,
          org,
          { ...filters, page: 1, pageSize: EXPORT_MAX },
          personal(req),
          asOf,
          extra,
        );
        const buf = await exportRows(RECONSIDERATION_LEDGER, all.items, { title: '行政复议案件台账' });
        return sendDownload(reply, `行政复议案件台账-${asOf}.xlsx`, buf);
      }
      return listReconsiderations(db, org, filters, personal(req), asOf, extra);
    },
  );

  app.post(
    '/reconsiderations',
    {
      config: { access: { perm: 'litigation.manage', org: { body: 'orgCode' } } },
      schema: { body: ZCreateReconsideration },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createReconsideration(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id: row.id, procedure: row.procedure });
    },
  );

  const reconResource = { resource: 'litigation.reconsideration', param: 'id' } as const;
  app.get(
    '/reconsiderations/:id',
    { config: { access: { perm: 'litigation.read', org: reconResource } }, schema: { params } },
    async (req) => getReconsideration(db, Number(req.params.id), personal(req)),
  );

  for (const step of Object.keys(RECONSIDERATION_STEP_LABELS) as ReconsiderationStep[]) {
    app.post(
      `/reconsiderations/:id/${step}`,
      {
        config: { access: { perm: 'litigation.manage', org: reconResource } },
        schema: { params, body: ZReconsiderationSteps[step] },
      },
      async (req) => {
        const id = Number(req.params.id);
        const { warning } = await db.transaction((tx) =>
          runReconsiderationStep(tx, id, step, req.body as Record<string, unknown>, actorOf(req)),
        );
        return { ...(await getReconsideration(db, id, personal(req))), warning };
      },
    );
  }

  // ---- 行政应诉
  app.get(
    '/lawsuits',
    { config: { access: read }, schema: { querystring: ZLawsuitQuery } },
    async (req, reply) => {
      const q = req.query;
      const org = req.targetOrg!;
      const asOf = today();
      const extra = drillCondition(litigationIndicators, q, org, asOf);
      const filters = q.indicator ? { ...q, from: undefined, to: undefined } : q;
      if (q.format === 'xlsx') {
        const all = await listLawsuits(
          db,
          org,
          { ...filters, page: 1, pageSize: EXPORT_MAX },
          personal(req),
          asOf,
          extra,
        );
        const flat = all.items.map((l) => {
          const hs = (l.hearings ?? []) as {
            hearingOn: string;
            headAppeared: boolean | null;
            headName: string | null;
            headPost: string | null;
          }[];
          const first = hs.find((h) => h.headAppeared) ?? hs[0];
          return {
            ...l,
            hearingOn: first?.hearingOn ?? null,
            headAppeared: first ? first.headAppeared : null,
            headName: first?.headName ?? null,
            headPost: first?.headPost ?? null,
          };
        });
        const buf = await exportRows(LAWSUIT_LEDGER, flat, { title: '行政应诉案件台账' });
        return sendDownload(reply, `行政应诉案件台账-${asOf}.xlsx`, buf);
      }
      return listLawsuits(db, org, filters, personal(req), asOf, extra);
    },
  );

  app.post(
    '/lawsuits',
    {
      config: { access: { perm: 'litigation.manage', org: { body: 'orgCode' } } },
      schema: { body: ZCreateLawsuit },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createLawsuit(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id: row.id });
    },
  );

  const suitResource = { resource: 'litigation.lawsuit', param: 'id' } as const;
  app.get(
    '/lawsuits/:id',
    { config: { access: { perm: 'litigation.read', org: suitResource } }, schema: { params } },
    async (req) => getLawsuit(db, Number(req.params.id), personal(req)),
  );

  for (const step of Object.keys(LAWSUIT_STEP_LABELS) as LawsuitStep[]) {
    app.post(
      `/lawsuits/:id/${step}`,
      {
        config: { access: { perm: 'litigation.manage', org: suitResource } },
        schema: { params, body: ZLawsuitSteps[step] },
      },
      async (req) => {
        const id = Number(req.params.id);
        const { warning } = await db.transaction((tx) =>
          runLawsuitStep(tx, id, step, req.body as Record<string, unknown>, actorOf(req)),
        );
        return { ...(await getLawsuit(db, id, personal(req))), warning };
      },
    );
  }

  app.post(
    '/lawsuits/:id/hearings',
    {
      config: { access: { perm: 'litigation.manage', org: suitResource } },
      schema: { params, body: ZHearing },
    },
    async (req, reply) => {
      const id = Number(req.params.id);
      const h = await db.transaction((tx) => addHearing(tx, id, req.body, actorOf(req)));
      return reply.status(201).send({ id: h.id, hearingOn: h.hearingOn });
    },
  );

  app.post(
    '/hearings/:id/appearance',
    {
      config: { access: { perm: 'litigation.manage', org: { resource: 'litigation.hearing', param: 'id' } } },
      schema: { params, body: ZAppearance },
    },
    async (req) => {
      const h = await db.transaction((tx) =>
        recordAppearance(tx, Number(req.params.id), req.body, actorOf(req)),
      );
      return getLawsuit(db, h.lawsuitId, personal(req));
    },
  );
}
