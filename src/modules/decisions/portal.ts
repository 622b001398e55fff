import { and, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgs } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import type { KernelContext } from '../../kernel/module.js';
import { isOrgCode } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { containsPattern } from '../../kernel/sql-text.js';
import { ZId } from './model.js';
import { decisionsDecisions as decisions } from './schema.js';
import { listCatalogues, publicDecision } from './service.js';

const PUBLIC = { public: true } as const;
const LIMIT = { max: 120, timeWindow: '1 minute' } as const;

function orgFilter(org: string | undefined, column: Parameters<typeof inSubtree>[0]): SQL[] {
  if (!org) return [];
  if (!isOrgCode(org)) throw new AppError('INVALID_ORG_CODE', `组织代码无效: ${org}`);
  return [inSubtree(column, org)];
}

/** Public: the published 年度决策事项目录 and the published decisions with their comments' adoption. */
export async function decisionPortalRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/catalogues',
    {
      config: { access: PUBLIC, rateLimit: LIMIT },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          year: z.coerce.number().int().min(2000).max(2100).optional(),
        }),
      },
    },
    async (req) => {
      const org = req.query.org;
      if (org && !isOrgCode(org)) throw new AppError('INVALID_ORG_CODE', `组织代码无效: ${org}`);
      const list = await listCatalogues(db, org ?? null, req.query.year, true);
      return list.map(({ createdBy: _c, note: _n, ...c }) => c);
    },
  );

  app.get(
    '/decisions',
    {
      config: { access: PUBLIC, rateLimit: LIMIT },
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
      const cond: SQL[] = [isNotNull(decisions.publishedOn), ...orgFilter(q.org, decisions.orgCode)];
      if (q.q) {
        const like = containsPattern(q.q);
        cond.push(sql`(${decisions.title} LIKE ${like} OR ${decisions.decisionNo} LIKE ${like})`);
      }
      const where = and(...cond);
      const [{ n } = { n: 0 }] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(decisions)
        .where(where);
      const items = await db
        .select({
          id: decisions.id,
          decisionNo: decisions.decisionNo,
          orgName: orgs.name,
          kind: decisions.kind,
          title: decisions.title,
          category: decisions.category,
          decidedOn: decisions.decidedOn,
          publishedOn: decisions.publishedOn,
          commentCount: sql<number>`(SELECT count(*)::int FROM kernel_comment c JOIN kernel_consultation k ON k.id = c.consultation_id
            WHERE k.module = 'decisions' AND k.entity = 'decision' AND k.entity_id = ${decisions.id}::text)`,
        })
        .from(decisions)
        .leftJoin(orgs, eq(orgs.code, decisions.orgCode))
        .where(where)
        .orderBy(desc(decisions.publishedOn), desc(decisions.id))
        .limit(20)
        .offset((q.page - 1) * 20);
      return { total: Number(n), items };
    },
  );

  app.get(
    '/decisions/:id',
    {
      config: { access: PUBLIC, rateLimit: LIMIT },
      schema: { params: z.strictObject({ id: ZId }) },
    },
    async (req) => {
      const [row] = await db
        .select({ d: decisions, orgName: orgs.name })
        .from(decisions)
        .leftJoin(orgs, eq(orgs.code, decisions.orgCode))
        .where(and(eq(decisions.id, Number(req.params.id)), isNotNull(decisions.publishedOn)));
      if (!row) throw new AppError('NOT_FOUND', '该决策不存在或尚未公布');
      return publicDecision(db, { ...row.d, orgName: row.orgName });
    },
  );
}
