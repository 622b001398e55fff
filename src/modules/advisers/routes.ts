import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../kernel/calendar.js';
import { rows } from '../../kernel/db/client.js';
import { AppError } from '../../kernel/errors.js';
import { actorOf, authed } from '../../kernel/http/access.js';
import type { KernelContext } from '../../kernel/module.js';
import { parentOf } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { drillCondition } from '../../reporting/indicators.js';
import { adviserIndicators, coverageDay } from './indicators.js';
import {
  ACTIVITY_KINDS,
  ACTIVITY_LABELS,
  FIRM_KINDS,
  WAYS,
  ZActivity,
  ZActivityQuery,
  ZContractQuery,
  ZCoverageQuery,
  ZCreateContract,
  ZId,
  ZIdleQuery,
  ZReviewQuery,
  ZTerminate,
} from './model.js';
import { adviserContracts } from './schema.js';
import {
  addActivity,
  coverage,
  createContract,
  getContract,
  idleReport,
  listActivities,
  listContracts,
  listReviews,
  quarterOf,
  removeActivity,
  terminateContract,
} from './service.js';

const CAN = ['manage', 'log', 'import', 'personal'] as const;

/** 法律顾问: contracts, 一村一法律顾问 coverage, the work log, legality reviews and 聘而不用. */
export async function adviserRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const read = { perm: 'advisers.read', org: { query: 'org' } } as const;

  app.get(
    '/meta',
    { config: { access: read }, schema: { querystring: z.strictObject({ org: z.string().optional() }) } },
    async (req) => ({
      can: Object.fromEntries(CAN.map((p) => [p, authed(req).scope.can(`advisers.${p}`, req.targetOrg!)])),
      firmKinds: FIRM_KINDS,
      kinds: ACTIVITY_KINDS.map((value) => ({ value, label: ACTIVITY_LABELS[value] })),
      ways: WAYS,
      today: today(),
      indicators: adviserIndicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        formula: i.formula,
      })),
    }),
  );

  app.get('/contracts', { config: { access: read }, schema: { querystring: ZContractQuery } }, async (req) =>
    listContracts(
      db,
      req.targetOrg!,
      req.query,
      authed(req).scope.can('advisers.personal', req.targetOrg!),
      today(),
    ),
  );

  app.post(
    '/contracts',
    {
      config: { access: { perm: 'advisers.manage', org: { body: 'orgCode' } } },
      schema: { body: ZCreateContract },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => createContract(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id: row.id, overlaps: row.overlaps });
    },
  );

  app.get(
    '/contracts/:id',
    {
      config: { access: { perm: 'advisers.read', org: { resource: 'advisers.contract', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }) },
    },
    async (req) =>
      getContract(
        db,
        Number(req.params.id),
        authed(req).scope.can('advisers.personal', req.targetOrg!),
        today(),
      ),
  );

  app.post(
    '/contracts/:id/terminate',
    {
      config: { access: { perm: 'advisers.manage', org: { resource: 'advisers.contract', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }), body: ZTerminate },
    },
    async (req) =>
      db.transaction((tx) => terminateContract(tx, Number(req.params.id), req.body, actorOf(req))),
  );

  app.get('/coverage', { config: { access: read }, schema: { querystring: ZCoverageQuery } }, async (req) => {
    const q = req.query;
    const asOf = today();
    const extra = drillCondition(adviserIndicators, q, req.targetOrg!, asOf);
    const on =
      q.indicator && q.to
        ? coverageDay({ orgCode: req.targetOrg!, from: q.from!, to: q.to, asOf })
        : (q.on ?? asOf);
    return coverage(db, req.targetOrg!, on, extra, q.covered);
  });

  app.get(
    '/activities',
    { config: { access: read }, schema: { querystring: ZActivityQuery } },
    async (req) => {
      const q = req.query;
      const extra = drillCondition(adviserIndicators, q, req.targetOrg!, today());
      return listActivities(
        db,
        req.targetOrg!,
        q.indicator ? { ...q, from: undefined, to: undefined } : q,
        extra,
      );
    },
  );

  app.post(
    '/activities',
    {
      config: { access: { perm: 'advisers.log', org: { body: 'orgCode' } } },
      schema: { body: ZActivity },
    },
    async (req, reply) => {
      const r = authed(req);
      // An adviser's own account logs only its own contract's work; staff log any.
      if (!r.scope.can('advisers.import', req.targetOrg!)) {
        const [c] = await db
          .select({ userId: adviserContracts.userId })
          .from(adviserContracts)
          .where(and(eq(adviserContracts.id, req.body.contractId)));
        if (!c || c.userId !== r.principal.id)
          throw new AppError('FORBIDDEN', '法律顾问只能登记本人合同的工作记录');
      }
      const row = await db.transaction((tx) => addActivity(tx, req.body, actorOf(req)));
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/activities/:id/remove',
    {
      config: { access: { perm: 'advisers.import', org: { resource: 'advisers.activity', param: 'id' } } },
      schema: {
        params: z.strictObject({ id: ZId }),
        body: z.strictObject({ reason: z.string().trim().min(2, '请填写删除原因').max(500) }),
      },
    },
    async (req) =>
      db.transaction((tx) => removeActivity(tx, Number(req.params.id), req.body.reason, actorOf(req))),
  );

  app.get('/reviews', { config: { access: read }, schema: { querystring: ZReviewQuery } }, async (req) => {
    const q = req.query;
    const extra = drillCondition(adviserIndicators, q, req.targetOrg!, today());
    return listReviews(db, req.targetOrg!, q.indicator ? { ...q, from: undefined, to: undefined } : q, extra);
  });

  app.get('/idle', { config: { access: read }, schema: { querystring: ZIdleQuery } }, async (req) => {
    const now = today();
    const cur = quarterOf(now);
    return idleReport(db, req.targetOrg!, req.query.year ?? cur.year, req.query.quarter ?? cur.quarter, now);
  });

  // Accounts holding the 法律顾问 role at or above the org, to link a contract to its adviser's login.
  app.get(
    '/accounts',
    {
      config: { access: { perm: 'advisers.manage', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => {
      const org = req.targetOrg!;
      const above: string[] = [];
      for (let c = parentOf(org); c; c = parentOf(c)) above.push(c);
      return rows(
        db,
        sql`SELECT DISTINCT u.id, u.username, u.display_name AS "displayName", g.org_code AS "orgCode"
            FROM kernel_grant g JOIN kernel_user u ON u.id = g.user_id
            WHERE g.role = '法律顾问' AND NOT u.disabled
              AND (${inSubtree(sql`g.org_code`, org)}${
                above.length
                  ? sql` OR g.org_code IN (${sql.join(
                      above.map((a) => sql`${a}`),
                      sql`, `,
                    )})`
                  : sql``
              })
            ORDER BY u.id LIMIT 200`,
      );
    },
  );
}
