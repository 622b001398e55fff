import { and, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAudit } from '../audit.js';
import { ROLES, ROLES_TOWNSHIP_ADMIN_MAY_GRANT } from '../auth/roles.js';
import { changePassword, createUser, login, logout, type Principal } from '../auth/service.js';
import { today } from '../calendar.js';
import { grants, orgs, supervision, users } from '../db/schema.js';
import {
  closeSupervision,
  countDeadlines,
  listDeadlines,
  listSupervision,
  sweepDeadlines,
} from '../deadlines.js';
import { AppError } from '../errors.js';
import type { KernelContext, ModuleManifest } from '../module.js';
import { isInSubtree, ORG_LEVEL_LABELS } from '../orgs/codes.js';
import { countBelow, getOrg, orgPath, orgTree } from '../orgs/service.js';
import { inSubtree } from '../scope.js';
import { actorOf, authed, CSRF_HEADER, SESSION_COOKIE } from './access.js';

const ZLogin = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
const ZPassword = z.strictObject({
  oldPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
const ZOrgQuery = z.strictObject({ org: z.string().optional() });
const ZCode = z.strictObject({ code: z.string() });
const ZId = z.strictObject({ id: z.string().regex(/^\d{1,15}$/, '编号应为数字') });
const ZNewUser = z.strictObject({
  username: z.string().trim(),
  displayName: z.string().trim().min(1).max(50),
  password: z.string(),
  phone: z.string().trim().max(20).optional(),
  role: z.enum(ROLES),
  orgCode: z.string(),
});

async function orgNames(ctx: KernelContext, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const found = await ctx.database.db
    .select({ code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(
      sql`${orgs.code} IN (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  return new Map(found.map((f) => [f.code, f.name]));
}

async function me(ctx: KernelContext, p: Principal) {
  const names = await orgNames(
    ctx,
    p.grants.map((g) => g.orgCode),
  );
  return {
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    homeOrg: p.grants[0]?.orgCode ?? null,
    grants: p.grants.map((g) => ({
      role: g.role,
      orgCode: g.orgCode,
      orgName: names.get(g.orgCode) ?? g.orgCode,
    })),
  };
}

export async function kernelRoutes(
  base: FastifyInstance,
  ctx: KernelContext,
  modules: ModuleManifest[],
): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.secureCookie === '1',
  };

  app.get('/health', { config: { access: { public: true } } }, async () => {
    await db.execute(sql`SELECT 1`);
    return { status: 'ok', db: ctx.database.kind };
  });

  app.post(
    '/auth/login',
    { config: { access: { public: true } }, schema: { body: ZLogin } },
    async (req, reply) => {
      const result = await login(db, req.body.username, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return { user: await me(ctx, result.principal), csrfToken: result.csrfToken };
    },
  );

  app.get('/auth/me', { config: { access: { perm: 'home.read' } } }, async (req) => {
    const r = authed(req);
    return { user: await me(ctx, r.principal), csrfToken: r.csrfToken, csrfHeader: CSRF_HEADER };
  });

  app.post('/auth/logout', { config: { access: { perm: 'home.read' } } }, async (req, reply) => {
    await logout(db, authed(req).sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.post(
    '/auth/password',
    { config: { access: { perm: 'home.read' } }, schema: { body: ZPassword } },
    async (req, reply) => {
      const r = authed(req);
      await changePassword(db, r.principal, r.sessionId, req.body.oldPassword, req.body.newPassword);
      return reply.status(204).send();
    },
  );

  app.get('/modules', { config: { access: { perm: 'home.read' } } }, async () => ({
    modules: modules.flatMap((m) =>
      (m.nav ?? [{ path: `/${m.id}`, title: m.title }]).map((n) => ({
        id: m.id,
        title: n.title,
        path: n.path,
        icon: n.icon,
      })),
    ),
  }));

  app.get('/orgs/tree', { config: { access: { perm: 'orgs.read' } } }, async (req) => {
    const r = authed(req);
    const roots = [];
    for (const code of r.scope.roots) {
      const tree = await orgTree(db, code);
      if (tree) roots.push(tree);
    }
    return { roots };
  });

  app.get(
    '/orgs/:code',
    { config: { access: { perm: 'orgs.read', org: { params: 'code' } } }, schema: { params: ZCode } },
    async (req) => {
      const code = req.targetOrg!;
      const org = await getOrg(db, code);
      if (!org) throw new AppError('NOT_FOUND');
      const children = await db
        .select({ code: orgs.code, name: orgs.name, level: orgs.level })
        .from(orgs)
        .where(eq(orgs.parentCode, code))
        .orderBy(orgs.sort, orgs.code);
      const path = await orgPath(db, code);
      return {
        ...org,
        levelLabel: ORG_LEVEL_LABELS[org.level as keyof typeof ORG_LEVEL_LABELS],
        path,
        children,
      };
    },
  );

  app.get(
    '/home',
    { config: { access: { perm: 'home.read', org: { query: 'org' } } }, schema: { querystring: ZOrgQuery } },
    async (req) => {
      const code = req.targetOrg!;
      const org = await getOrg(db, code);
      if (!org) throw new AppError('NOT_FOUND');
      const counts = await countBelow(db, code);
      const [userCount] = await db
        .select({ n: sql<number>`count(DISTINCT ${grants.userId})::int` })
        .from(grants)
        .where(inSubtree(grants.orgCode, code));
      const [supervisionCount] = await db
        .select({ n: count() })
        .from(supervision)
        .where(and(eq(supervision.status, 'open'), inSubtree(supervision.orgCode, code)));
      return {
        org: { code: org.code, name: org.name, level: org.level },
        orgs: {
          township: counts.township,
          village: counts.village,
          office: counts.office,
          grid: counts.grid,
        },
        users: Number(userCount?.n ?? 0),
        deadlines: await countDeadlines(db, code),
        supervision: { open: Number(supervisionCount?.n ?? 0) },
        today: today(),
      };
    },
  );

  app.get(
    '/deadlines',
    {
      config: { access: { perm: 'deadlines.read', org: { query: 'org' } } },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          filter: z.enum(['open', 'dueSoon', 'overdue']).default('open'),
        }),
      },
    },
    async (req) => ({ items: await listDeadlines(db, req.targetOrg!, req.query.filter) }),
  );

  // 立即巡检: the sweep the server runs hourly, on demand (idempotent).
  app.post('/deadlines/sweep', { config: { access: { perm: 'supervision.manage' } } }, async () =>
    sweepDeadlines(db, today()),
  );

  app.get(
    '/supervision',
    {
      config: { access: { perm: 'supervision.read', org: { query: 'org' } } },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          status: z.enum(['open', 'all']).default('open'),
        }),
      },
    },
    async (req) => ({ items: await listSupervision(db, req.targetOrg!, req.query.status) }),
  );

  app.post(
    '/supervision/:id/close',
    {
      config: {
        access: { perm: 'supervision.manage', org: { resource: 'kernel.supervision', param: 'id' } },
      },
      schema: {
        params: ZId,
        body: z.strictObject({ note: z.string().trim().min(1, '请填写督办意见').max(1000) }),
      },
    },
    async (req) => {
      await db.transaction((tx) => closeSupervision(tx, Number(req.params.id), req.body.note, actorOf(req)));
      return { ok: true };
    },
  );

  app.get(
    '/users',
    { config: { access: { perm: 'users.read', org: { query: 'org' } } }, schema: { querystring: ZOrgQuery } },
    async (req) => {
      const list = await db
        .select({
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          role: grants.role,
          orgCode: grants.orgCode,
          orgName: orgs.name,
          disabled: users.disabled,
          phone: users.phone,
        })
        .from(grants)
        .innerJoin(users, eq(users.id, grants.userId))
        .innerJoin(orgs, eq(orgs.code, grants.orgCode))
        .where(inSubtree(grants.orgCode, req.targetOrg!))
        .orderBy(grants.orgCode, users.username)
        .limit(1000);
      // 手机号属于个人信息: only administrators see it whole.
      const seesPhone = authed(req).scope.can('users.manage', req.targetOrg!);
      return {
        items: list.map((u) => ({
          ...u,
          phone: u.phone && !seesPhone ? `${u.phone.slice(0, 3)}****${u.phone.slice(-4)}` : u.phone,
        })),
      };
    },
  );

  app.post(
    '/users',
    { config: { access: { perm: 'users.manage', org: { body: 'orgCode' } } }, schema: { body: ZNewUser } },
    async (req, reply) => {
      const r = authed(req);
      const body = req.body;
      // A township administrator hands out township roles only, inside their own subtree.
      const isSysAdmin = r.principal.grants.some(
        (g) => g.role === '系统管理员' && isInSubtree(body.orgCode, g.orgCode),
      );
      if (!isSysAdmin && !ROLES_TOWNSHIP_ADMIN_MAY_GRANT.includes(body.role)) {
        throw new AppError('FORBIDDEN', `镇级管理员不能授予「${body.role}」角色`);
      }
      const id = await db.transaction((tx) =>
        createUser(
          tx,
          {
            username: body.username,
            displayName: body.displayName,
            password: body.password,
            phone: body.phone ?? null,
            grants: [{ role: body.role, orgCode: body.orgCode }],
          },
          actorOf(req),
        ),
      );
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/files',
    {
      config: { access: { perm: 'files.upload', org: { query: 'org' } } },
      schema: { querystring: ZOrgQuery },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
      const part = await req.file();
      if (!part) throw new AppError('VALIDATION_FAILED', '没有收到文件');
      const data = await part.toBuffer();
      if (part.file.truncated)
        throw new AppError('FILE_TOO_LARGE', `文件超过大小限制(最大 ${ctx.config.maxUploadMb} MB)`);
      const stored = await db.transaction((tx) =>
        ctx.files.save(tx, { name: part.filename, data, orgCode: req.targetOrg! }, actorOf(req)),
      );
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/files/:id',
    {
      config: { access: { perm: 'files.read', org: { resource: 'kernel.file', param: 'id' } } },
      schema: { params: ZId },
    },
    async (req, reply) => {
      const file = await ctx.files.get(db, Number(req.params.id));
      if (!file) throw new AppError('NOT_FOUND');
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-sha256', file.sha256)
        .send(ctx.files.read(file));
    },
  );

  app.get('/audit/verify', { config: { access: { perm: 'audit.read' } } }, async () => verifyAudit(db));
}
