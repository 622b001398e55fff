import { and, desc, eq, gte, isNull, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../kernel/calendar.js';
import { orgs } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import type { KernelContext } from '../../kernel/module.js';
import { isOrgCode } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { containsPattern } from '../../kernel/sql-text.js';
import { ZId } from './model.js';
import { enforcementPublications as pub } from './schema.js';

const PUBLIC = { public: true } as const;

/** 行政执法公示: decisions' public summaries (masked when built), not withdrawn, within retention. */
export async function casePortalRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const visible = (): SQL[] => [isNull(pub.withdrawnOn), gte(pub.retainUntil, today())];
  const columns = {
    id: pub.id,
    orgName: orgs.name,
    category: pub.category,
    decisionNo: pub.decisionNo,
    decidedOn: pub.decidedOn,
    publishedOn: pub.publishedOn,
    summary: pub.summary,
  };

  app.get(
    '/publications',
    {
      config: { access: PUBLIC, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          q: z.string().trim().max(50).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      const cond = visible();
      if (q.org) {
        if (!isOrgCode(q.org)) throw new AppError('INVALID_ORG_CODE', `组织代码无效: ${q.org}`);
        cond.push(inSubtree(pub.orgCode, q.org));
      }
      if (q.q) {
        const like = containsPattern(q.q);
        cond.push(sql`(${pub.decisionNo} LIKE ${like} OR ${pub.summary}::text LIKE ${like})`);
      }
      const where = and(...cond);
      const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(pub).where(where);
      const items = await db
        .select(columns)
        .from(pub)
        .leftJoin(orgs, eq(orgs.code, pub.orgCode))
        .where(where)
        .orderBy(desc(pub.publishedOn), desc(pub.id))
        .limit(20)
        .offset((q.page - 1) * 20);
      return { total: Number(n), items };
    },
  );

  app.get(
    '/publications/:id',
    {
      config: { access: PUBLIC, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { params: z.strictObject({ id: ZId }) },
    },
    async (req) => {
      const [row] = await db
        .select(columns)
        .from(pub)
        .leftJoin(orgs, eq(orgs.code, pub.orgCode))
        .where(and(eq(pub.id, Number(req.params.id)), ...visible()));
      if (!row) throw new AppError('NOT_FOUND', '该公示不存在或已撤回');
      return row;
    },
  );
}
