import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/errors.js';
import type { KernelContext } from '../../kernel/module.js';
import { isOrgCode } from '../../kernel/orgs/codes.js';
import { VENUE_TYPES } from './model.js';
import { portalActivities, portalSites } from './service.js';

const ZOrg = z.string().optional();
function checkOrg(org: string | undefined) {
  if (org && !isOrgCode(org)) throw new AppError('INVALID_ORG_CODE', `组织代码无效：${org}`);
}

/** Public: recent 普法 activities (date, place, theme, form, 六进, reach) and the 阵地 register; no names, no photos. */
export async function publicityPortalRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  app.get(
    '/activities',
    {
      config: { access: { public: true }, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        querystring: z.strictObject({
          org: ZOrg,
          theme: z.string().trim().max(30).optional(),
          venueType: z.enum(VENUE_TYPES).optional(),
          page: z.coerce.number().int().min(1).max(500).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(30),
        }),
      },
    },
    async (req) => {
      checkOrg(req.query.org);
      return portalActivities(db, req.query);
    },
  );
  app.get(
    '/sites',
    {
      config: { access: { public: true }, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { querystring: z.strictObject({ org: ZOrg }) },
    },
    async (req) => {
      checkOrg(req.query.org);
      return { items: await portalSites(db, req.query.org) };
    },
  );
}
