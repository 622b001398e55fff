import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../kernel/calendar.js';
import { actorOf, authed } from '../../kernel/http/access.js';
import { sendDownload } from '../../kernel/http/download.js';
import type { KernelContext } from '../../kernel/module.js';
import { exportRows } from '../../kernel/xlsx/export.js';
import { drillCondition } from '../../reporting/indicators.js';
import { publicityIndicators } from './indicators.js';
import {
  ACTIVITY_LEDGER,
  FORMS,
  HONOUR_LEVELS,
  SITE_KINDS,
  THEME_HINTS,
  THEMES,
  VENUE_TYPES,
  ZActivity,
  ZActivityQuery,
  ZDuty,
  ZDutyQuery,
  ZId,
  ZPhoto,
  ZSite,
  ZSiteQuery,
} from './model.js';
import {
  addActivity,
  addPhoto,
  createDuty,
  createSite,
  getActivity,
  listActivities,
  listDuties,
  listSites,
  removeActivity,
  removePhoto,
  removeSite,
} from './service.js';

const CAN = ['manage', 'import', 'personal'] as const;
const ZReason = z.strictObject({ reason: z.string().trim().min(2, '请填写删除原因').max(500) });

/** 普法宣传: activities (with photos), the 谁执法谁普法 list and the 法治宣传阵地 register. */
export async function publicityRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const read = { perm: 'publicity.read', org: { query: 'org' } } as const;
  const activity = (perm: string) =>
    ({ perm, org: { resource: 'publicity.activity', param: 'id' } }) as const;

  app.get(
    '/meta',
    { config: { access: read }, schema: { querystring: z.strictObject({ org: z.string().optional() }) } },
    async (req) => ({
      can: Object.fromEntries(CAN.map((p) => [p, authed(req).scope.can(`publicity.${p}`, req.targetOrg!)])),
      themes: THEMES.map((value) => ({ value, hint: THEME_HINTS[value] ?? null })),
      forms: FORMS,
      venueTypes: VENUE_TYPES,
      siteKinds: SITE_KINDS,
      honourLevels: HONOUR_LEVELS,
      today: today(),
      indicators: publicityIndicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        formula: i.formula,
        drillPath: i.drillPath,
      })),
    }),
  );

  app.get(
    '/activities',
    { config: { access: read }, schema: { querystring: ZActivityQuery } },
    async (req, reply) => {
      const q = req.query;
      const asOf = today();
      const extra = drillCondition(publicityIndicators, q, req.targetOrg!, asOf);
      const filters = q.indicator ? { ...q, from: undefined, to: undefined } : q;
      if (q.format === 'xlsx') {
        const all = await listActivities(db, req.targetOrg!, filters, extra, true);
        const buf = await exportRows(
          ACTIVITY_LEDGER,
          all.items.map((a) => ({
            ...a,
            themes: (a.themes as string[]).join('、'),
            place: a.orgName,
            dutyUnit: a.dutyUnit,
          })),
          { title: `${ACTIVITY_LEDGER.title}台账` },
        );
        return sendDownload(reply, `普法宣传活动台账-${asOf}.xlsx`, buf);
      }
      return listActivities(db, req.targetOrg!, filters, extra);
    },
  );

  app.post(
    '/activities',
    {
      config: { access: { perm: 'publicity.manage', org: { body: 'orgCode' } } },
      schema: { body: ZActivity },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => addActivity(tx, req.body, actorOf(req)));
      return reply.status(201).send(row);
    },
  );

  app.get(
    '/activities/:id',
    {
      config: { access: activity('publicity.read') },
      schema: { params: z.strictObject({ id: ZId }) },
    },
    async (req) => getActivity(db, Number(req.params.id)),
  );

  app.post(
    '/activities/:id/photos',
    {
      config: { access: activity('publicity.manage') },
      schema: { params: z.strictObject({ id: ZId }), body: ZPhoto },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => addPhoto(tx, Number(req.params.id), req.body, actorOf(req)));
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/activities/:id/remove',
    {
      config: { access: activity('publicity.manage') },
      schema: { params: z.strictObject({ id: ZId }), body: ZReason },
    },
    async (req) =>
      db.transaction((tx) => removeActivity(tx, Number(req.params.id), req.body.reason, actorOf(req))),
  );

  app.post(
    '/photos/:id/remove',
    {
      config: { access: { perm: 'publicity.manage', org: { resource: 'publicity.photo', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }), body: ZReason },
    },
    async (req) =>
      db.transaction((tx) => removePhoto(tx, Number(req.params.id), req.body.reason, actorOf(req))),
  );

  app.get('/duties', { config: { access: read }, schema: { querystring: ZDutyQuery } }, async (req) => {
    const q = req.query;
    const extra = drillCondition(publicityIndicators, q, req.targetOrg!, today());
    return listDuties(db, req.targetOrg!, q.indicator ? { behind: q.behind } : q, extra);
  });

  app.post(
    '/duties',
    {
      config: { access: { perm: 'publicity.manage', org: { body: 'orgCode' } } },
      schema: { body: ZDuty },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createDuty(tx, req.body, actorOf(req)));
      return reply.status(201).send(row);
    },
  );

  app.get('/sites', { config: { access: read }, schema: { querystring: ZSiteQuery } }, async (req) => {
    const q = req.query;
    const extra = drillCondition(publicityIndicators, q, req.targetOrg!, today());
    return listSites(db, req.targetOrg!, q, extra);
  });

  app.post(
    '/sites',
    {
      config: { access: { perm: 'publicity.manage', org: { body: 'orgCode' } } },
      schema: { body: ZSite },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createSite(tx, req.body, actorOf(req)));
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/sites/:id/remove',
    {
      config: { access: { perm: 'publicity.manage', org: { resource: 'publicity.site', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }), body: ZReason },
    },
    async (req) =>
      db.transaction((tx) => removeSite(tx, Number(req.params.id), req.body.reason, actorOf(req))),
  );
}
