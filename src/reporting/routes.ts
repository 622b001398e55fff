import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isValidDate, today } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import type { KernelContext, ModuleManifest } from '../kernel/module.js';
import { breakdown, computeFigures, findIndicator } from './indicators.js';

const ZPeriod = z.strictObject({
  org: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ids: z.string().max(2000).optional(),
});

/** from/to, or a whole year (default: this year to date). */
export function period(q: { from?: string; to?: string; year?: number }): { from: string; to: string } {
  if (q.from || q.to) {
    if (!q.from || !q.to || !isValidDate(q.from) || !isValidDate(q.to)) {
      throw new AppError('INVALID_DATE', '起止日期应为 YYYY-MM-DD,且须同时提供');
    }
    if (q.from > q.to) throw new AppError('INVALID_DATE', '开始日期不能晚于结束日期');
    return { from: q.from, to: q.to };
  }
  const year = q.year ?? Number(today().slice(0, 4));
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export async function reportingRoutes(
  base: FastifyInstance,
  ctx: KernelContext,
  modules: ModuleManifest[],
): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/indicators',
    { config: { access: { perm: 'home.read', org: { query: 'org' } } }, schema: { querystring: ZPeriod } },
    async (req) => {
      const p = { orgCode: req.targetOrg!, ...period(req.query), asOf: today() };
      const ids = req.query.ids ? req.query.ids.split(',').map((s) => s.trim()) : undefined;
      return { ...p, figures: await computeFigures(db, modules, p, ids) };
    },
  );

  app.get(
    '/indicators/breakdown',
    {
      config: { access: { perm: 'home.read', org: { query: 'org' } } },
      schema: { querystring: ZPeriod.extend({ id: z.string().max(80), by: z.string().min(1).max(20) }) },
    },
    async (req) => {
      const def = findIndicator(modules, req.query.id);
      const p = { orgCode: req.targetOrg!, ...period(req.query), asOf: today() };
      return {
        id: def.id,
        name: def.name,
        unit: def.unit,
        by: req.query.by,
        items: await breakdown(db, def, req.query.by, p),
      };
    },
  );
}
