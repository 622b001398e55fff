import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../kernel/calendar.js';
import { orgs } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import type { KernelContext } from '../../kernel/module.js';
import { isOrgCode, levelOf } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { CATEGORIES, STATUS_LABELS, type Status, ZPortalRequest } from './model.js';
import { disclosureItems, disclosureRequests } from './schema.js';
import { createRequest } from './service.js';

const PUBLIC = { id: null, name: '公众(网上申请)' };

/**
 * Public: the 政府信息公开目录 (published items only), the online 依申请公开 form (channel 网络; received
 * when staff confirm it, 第三十一条) and tracking by 查询码. Never any personal data.
 */
export async function disclosurePortalRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/organs',
    { config: { access: { public: true }, rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async () => ({
      items: await db
        .select({ code: orgs.code, name: orgs.name, level: orgs.level })
        .from(orgs)
        .where(inArray(orgs.level, ['county', 'township']))
        .orderBy(orgs.code),
    }),
  );

  app.get(
    '/items',
    {
      config: { access: { public: true }, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          category: z.enum(CATEGORIES).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      if (q.org && !isOrgCode(q.org)) throw new AppError('INVALID_ORG_CODE', `组织代码无效：${q.org}`);
      const where = and(
        isNotNull(disclosureItems.publishedOn),
        q.org ? inSubtree(disclosureItems.orgCode, q.org) : undefined,
        q.category ? eq(disclosureItems.category, q.category) : undefined,
      );
      const [{ n } = { n: 0 }] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(disclosureItems)
        .where(where);
      const counts = await db
        .select({ category: disclosureItems.category, n: sql<number>`count(*)::int` })
        .from(disclosureItems)
        .where(
          and(
            isNotNull(disclosureItems.publishedOn),
            q.org ? inSubtree(disclosureItems.orgCode, q.org) : undefined,
          ),
        )
        .groupBy(disclosureItems.category);
      const list = await db
        .select({
          id: disclosureItems.id,
          indexNo: disclosureItems.indexNo,
          title: disclosureItems.title,
          category: disclosureItems.category,
          formedOn: disclosureItems.formedOn,
          publishedOn: disclosureItems.publishedOn,
          channel: disclosureItems.channel,
          summary: disclosureItems.summary,
          url: disclosureItems.url,
          orgName: orgs.name,
        })
        .from(disclosureItems)
        .leftJoin(orgs, eq(orgs.code, disclosureItems.orgCode))
        .where(where)
        .orderBy(desc(disclosureItems.publishedOn), desc(disclosureItems.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      return {
        total: Number(n),
        categories: CATEGORIES.map((c) => ({
          category: c,
          n: Number(counts.find((x) => x.category === c)?.n ?? 0),
        })),
        items: list,
      };
    },
  );

  app.post(
    '/requests',
    {
      config: { access: { public: true }, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { body: ZPortalRequest },
    },
    async (req, reply) => {
      const body = req.body;
      const level = levelOf(body.orgCode);
      if (level !== 'township' && level !== 'county')
        throw new AppError('VALIDATION_FAILED', '请选择受理申请的县或乡镇(街道)人民政府');
      if (!body.phone?.trim()) throw new AppError('VALIDATION_FAILED', '请填写联系电话，以便确认收到申请');
      const row = await db.transaction((tx) =>
        createRequest(tx, { ...body, channel: '网络', submittedOn: today() }, PUBLIC, today(), 'portal'),
      );
      return reply.status(201).send({ requestNo: row.requestNo, trackingCode: row.trackingCode });
    },
  );

  app.get(
    '/track/:code',
    {
      config: { access: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { params: z.strictObject({ code: z.string().trim().min(6).max(20) }) },
    },
    async (req) => {
      const [r] = await db
        .select({
          requestNo: disclosureRequests.requestNo,
          status: disclosureRequests.status,
          submittedOn: disclosureRequests.submittedOn,
          receivedOn: disclosureRequests.receivedOn,
          correctionRequestedOn: disclosureRequests.correctionRequestedOn,
          correctionItems: disclosureRequests.correctionItems,
          correctionDueOn: disclosureRequests.correctionDueOn,
          extendedDays: disclosureRequests.extendedDays,
          dueOn: disclosureRequests.dueOn,
          answeredOn: disclosureRequests.answeredOn,
          answerType: disclosureRequests.answerType,
          orgName: orgs.name,
        })
        .from(disclosureRequests)
        .leftJoin(orgs, eq(orgs.code, disclosureRequests.orgCode))
        .where(eq(disclosureRequests.trackingCode, req.params.code.toUpperCase()));
      if (!r) throw new AppError('NOT_FOUND', '未找到该查询码对应的申请');
      return { ...r, statusLabel: STATUS_LABELS[r.status as Status] };
    },
  );
}
