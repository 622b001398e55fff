import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  annualReportRoutes,
  dashboardRoutes,
  reportingRoutes,
  reportPortalRoutes,
} from '../../reporting/routes.js';
import { registerPermissions } from '../auth/roles.js';
import { AppError } from '../errors.js';
import { importRoutes } from '../imports.js';
import type { KernelContext, ModuleManifest } from '../module.js';
import { type Access, accessHook, registerResource, routeAccess } from './access.js';
import { consultationPortalRoutes, consultationRoutes } from './consultation-routes.js';
import { kernelRoutes } from './kernel-routes.js';

z.config(z.locales.zhCN());

// FAZHI_WEB_DIST: serve another build (parallel e2e runs each build their own).
export const WEB_DIST = process.env.FAZHI_WEB_DIST
  ? path.resolve(process.env.FAZHI_WEB_DIST)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

const registeredManifests = new WeakSet<ModuleManifest>();

function registerManifest(m: ModuleManifest): void {
  if (registeredManifests.has(m)) return;
  registeredManifests.add(m);
  if (m.permissions) registerPermissions(m.permissions);
  for (const [name, def] of Object.entries(m.resources ?? {})) registerResource(name, def);
}

registerResource('kernel.file', { table: 'kernel_file' });
registerResource('kernel.supervision', { table: 'kernel_supervision' });
registerResource('reporting.annual', { table: 'reporting_annual_report' });
registerResource('kernel.consultation', { table: 'kernel_consultation' });
registerResource('kernel.comment', { table: 'kernel_comment' });

function zodMessage(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join(';');
}

export async function buildApp(ctx: KernelContext, modules: ModuleManifest[]): Promise<FastifyInstance> {
  for (const m of modules) registerManifest(m);
  const app = Fastify({
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('registeredRoutes', [] as RegisteredRoute[]);

  // A route without an access declaration is a bug: refuse to start rather than serve it unguarded.
  app.addHook('onRoute', (route) => {
    const access = routeAccess(route);
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no config.access`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.registeredRoutes.push({ method, url: route.url, access });
    }
  });
  app.addHook('preValidation', accessHook(ctx));

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return reply
        .status(err.status)
        .send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : [])],
        message: v.message ?? '',
      }));
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: `提交的数据不符合要求:${zodMessage(issues)}`,
          details: issues,
        },
      });
    }
    const code = (err as FastifyError).code;
    const status = (err as FastifyError).statusCode ?? 500;
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && status === 400)) {
      return reply.status(400).send({ error: { code: 'INVALID_JSON', message: '请求体不是有效的 JSON' } });
    }
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send({ error: { code: 'INVALID_JSON', message: '请求体为空,应为 JSON' } });
    }
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
      return reply.status(413).send({ error: { code: 'BODY_TOO_LARGE', message: '提交的内容过大' } });
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
      return reply
        .status(415)
        .send({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' } });
    }
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'FILE_TOO_LARGE', message: '文件超过大小限制' } });
    }
    if (status === 429) {
      const built = (err as { error?: { message?: string } }).error;
      return reply
        .status(429)
        .send({ error: { code: 'RATE_LIMITED', message: built?.message ?? '请求过于频繁,请稍后再试' } });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'BAD_REQUEST', message: '请求无效' } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误' } });
  });

  await app.register(cookie);
  // Per-route limits on the public portal (config.rateLimit); signed-in routes are not limited.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error: { code: 'RATE_LIMITED', message: `请求过于频繁,请 ${Math.ceil(context.ttl / 1000)} 秒后再试` },
    }),
  });
  await app.register(multipart, {
    limits: { fileSize: ctx.config.maxUploadMb * 1048576, files: 1, fields: 10 },
  });

  await app.register(async (api) => kernelRoutes(api, ctx, modules), { prefix: '/api' });
  await app.register(
    async (api) => {
      await reportingRoutes(api, ctx, modules);
      await annualReportRoutes(api, ctx, modules);
      await dashboardRoutes(api, ctx, modules);
    },
    { prefix: '/api' },
  );
  // Under /portal/api: /portal/reports… are the app's pages.
  await app.register(async (portal) => reportPortalRoutes(portal, ctx, modules), { prefix: '/portal/api' });
  await app.register(async (api) => consultationRoutes(api, ctx), { prefix: '/api' });
  await app.register(async (portal) => consultationPortalRoutes(portal, ctx), { prefix: '/portal/api' });
  for (const m of modules) {
    await app.register(
      async (api) => {
        await importRoutes(api, ctx, m);
        await m.routes?.(api, ctx);
      },
      { prefix: `/api/${m.id}` },
    );
    if (m.portalRoutes)
      await app.register(async (portal) => m.portalRoutes!(portal, ctx), { prefix: `/portal/${m.id}` });
  }

  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
    for (const asset of fs.readdirSync(WEB_DIST)) {
      if (asset === 'index.html') continue;
      const isDir = fs.statSync(path.join(WEB_DIST, asset)).isDirectory();
      app.get(isDir ? `/${asset}/*` : `/${asset}`, { config: { access: { public: true } } }, (req, reply) =>
        reply.sendFile(decodeURIComponent(req.url.split('?')[0]!.slice(1))),
      );
    }
  }
  const indexHtml = hasWeb ? fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8') : null;
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/portal/api/') || req.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } });
    }
    if (!indexHtml) {
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send('<h1>前端尚未构建</h1><p>请运行 <code>npm run build</code> 后重启。</p>');
    }
    // The single-page app routes itself (/login, /orgs, …).
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });
  return app;
}
