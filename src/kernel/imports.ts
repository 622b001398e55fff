import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from './audit.js';
import type { Db } from './db/client.js';
import { AppError } from './errors.js';
import { actorOf } from './http/access.js';
import { sendDownload } from './http/download.js';
import type { ImportOutcome, KernelContext, ModuleManifest } from './module.js';
import { buildTemplate } from './xlsx/template.js';

class RollBack extends Error {}

/** An import commits whole or not at all: any row error rolls back every row written. */
export async function runImport(
  db: Db,
  importer: NonNullable<ModuleManifest['importLedger']>,
  data: Buffer,
  orgCode: string,
  actor: Actor,
): Promise<ImportOutcome> {
  let result: ImportOutcome = { imported: 0, errors: [], warnings: [] };
  try {
    await db.transaction(async (tx) => {
      result = await importer(tx, data, orgCode, actor);
      if (result.errors.length) throw new RollBack();
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
    return { ...result, imported: 0 };
  }
  return result;
}

/** `GET /api/<module>/template.xlsx` and `POST /api/<module>/import` for every module that imports a ledger. */
export async function importRoutes(
  base: FastifyInstance,
  ctx: KernelContext,
  m: ModuleManifest,
): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const model = m.models?.[0];
  if (model) {
    app.get('/template.xlsx', { config: { access: { perm: `${m.id}.read` } } }, async (_req, reply) => {
      const buf = await buildTemplate(model, { title: `${model.title}台账` });
      return sendDownload(reply, `${model.title}台账-模板.xlsx`, buf);
    });
  }
  const importer = m.importLedger;
  if (!importer) return;
  app.post(
    '/import',
    {
      config: { access: { perm: `${m.id}.import`, org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
      const part = await req.file();
      if (!part) throw new AppError('VALIDATION_FAILED', '没有收到文件');
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('FILE_TOO_LARGE');
      const result = await runImport(ctx.database.db, importer, data, req.targetOrg!, actorOf(req));
      return reply.status(result.errors.length ? 422 : 200).send(result);
    },
  );
}
