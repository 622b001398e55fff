import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../kernel/calendar.js';
import { AppError } from '../../kernel/errors.js';
import type { KernelContext } from '../../kernel/module.js';
import { isOrgCode } from '../../kernel/orgs/codes.js';
import { portalAdvisers } from './service.js';

/** Public: each village's legal adviser (name, firm, duty schedule); never phone or licence number. */
export async function adviserPortalRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/villages',
    {
      config: { access: { public: true }, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => {
      const org = req.query.org;
      if (org && !isOrgCode(org)) throw new AppError('INVALID_ORG_CODE', `组织代码无效: ${org}`);
      return { on: today(), items: await portalAdvisers(ctx.database.db, org, today()) };
    },
  );
}
