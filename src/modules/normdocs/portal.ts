import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../kernel/calendar.js';
import { AppError } from '../../kernel/errors.js';
import type { KernelContext } from '../../kernel/module.js';
import { isOrgCode } from '../../kernel/orgs/codes.js';
import { ZId } from './model.js';
import { publicDocument, publicList, submitSuggestion } from './service.js';

const PUBLIC = { public: true } as const;

/** Under /portal/normdocs: the library of documents in force, and citizens' 审查建议. */
export async function normdocsPortalRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/documents',
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
      if (req.query.org && !isOrgCode(req.query.org)) {
        throw new AppError('INVALID_ORG_CODE', `组织代码无效: ${req.query.org}`);
      }
      return publicList(db, req.query, today());
    },
  );

  app.get(
    '/documents/:id',
    {
      config: { access: PUBLIC, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { params: z.strictObject({ id: ZId }) },
    },
    async (req) => publicDocument(db, Number(req.params.id), today()),
  );

  app.post(
    '/documents/:id/suggestions',
    {
      config: { access: PUBLIC, rateLimit: { max: 5, timeWindow: '10 minutes' } },
      schema: {
        params: z.strictObject({ id: ZId }),
        body: z.strictObject({
          text: z.string().trim().min(10, '审查建议至少10个字,请写明认为文件存在的问题').max(5000),
          authorName: z.string().trim().max(50).nullish(),
          contact: z.string().trim().max(50).nullish(),
        }),
      },
    },
    async (req, reply) => {
      const r = await db.transaction((tx) => submitSuggestion(tx, Number(req.params.id), req.body));
      return reply.status(201).send(r);
    },
  );
}
