import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Actor } from '../audit.js';
import { type Principal, resolveSession } from '../auth/service.js';
import { rows } from '../db/client.js';
import { AppError } from '../errors.js';
import type { KernelContext, ResourceDef } from '../module.js';
import { isOrgCode } from '../orgs/codes.js';
import { Scope } from '../scope.js';

export const SESSION_COOKIE = 'fazhi_sid';
export const CSRF_HEADER = 'x-csrf-token';

/** Where the org a request acts on comes from. */
export type OrgRef =
  | { query: string } // ?org=… (defaults to the user's home org when absent)
  | { params: string } // /…/:code
  | { body: string } // { orgCode: … }
  | { resource: string; param: string }; // a record id whose row carries org_code

export type Access = { public: true } | { perm: string; org?: OrgRef };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal?: Principal;
    scope?: Scope;
    sessionId?: string;
    csrfToken?: string;
    /** The org this request acts on, checked against the caller's scope. */
    targetOrg?: string;
  }
}

export interface AuthedRequest extends FastifyRequest {
  principal: Principal;
  scope: Scope;
  sessionId: string;
  csrfToken: string;
}

export function actorOf(req: FastifyRequest): Actor {
  return req.principal ? { id: req.principal.id, name: req.principal.username } : { id: null, name: '公众' };
}

export function authed(req: FastifyRequest): AuthedRequest {
  if (!req.principal || !req.scope) throw new AppError('UNAUTHENTICATED');
  return req as AuthedRequest;
}

const resources = new Map<string, ResourceDef>();

export function registerResource(name: string, def: ResourceDef): void {
  if (resources.has(name)) throw new Error(`resource ${name} registered twice`);
  resources.set(name, def);
}

export function routeAccess(route: Pick<RouteOptions, 'config'>): Access | undefined {
  return (route.config as { access?: Access } | undefined)?.access;
}

function pick(source: unknown, key: string): string | undefined {
  if (!source || typeof source !== 'object') return undefined;
  const v = (source as Record<string, unknown>)[key];
  return typeof v === 'string' ? v.trim() : undefined;
}

async function resourceOrg(ctx: KernelContext, name: string, id: string): Promise<string | null> {
  const def = resources.get(name);
  if (!def) throw new Error(`unknown resource ${name}`);
  if (!/^\d{1,15}$/.test(id)) return null;
  const found = await rows<{ org: string }>(
    ctx.database.db,
    sql`SELECT ${sql.identifier(def.orgColumn ?? 'org_code')} AS org FROM ${sql.identifier(def.table)} WHERE ${sql.identifier(def.idColumn ?? 'id')} = ${Number(id)}`,
  );
  return found[0]?.org ?? null;
}

/**
 * The one place access is decided, for every route: session → CSRF → target org in scope
 * (404 otherwise, so existence never leaks) → permission for that org (403).
 */
export function accessHook(ctx: KernelContext) {
  return async function checkAccess(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const access = req.routeOptions.config.access;
    if (!access && req.is404) return; // the not-found handler answers 404 or serves the app shell
    if (!access) throw new AppError('INTERNAL', '路由缺少访问控制声明');
    if ('public' in access) return;

    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    const session = await resolveSession(ctx.database.db, token);
    if (session === 'expired') throw new AppError('SESSION_EXPIRED');
    if (!session) throw new AppError('UNAUTHENTICATED');
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('CSRF_FAILED');
    }
    const scope = new Scope(session.principal.grants);
    req.principal = session.principal;
    req.scope = scope;
    req.sessionId = session.sessionId;
    req.csrfToken = session.csrfToken;

    let target: string | undefined;
    const ref = access.org;
    if (ref) {
      if ('resource' in ref) {
        const id = pick(req.params, ref.param) ?? '';
        const org = await resourceOrg(ctx, ref.resource, id);
        if (!org || !scope.canSee(org)) throw new AppError('NOT_FOUND');
        target = org;
      } else {
        const raw =
          'query' in ref
            ? pick(req.query, ref.query)
            : 'params' in ref
              ? pick(req.params, ref.params)
              : pick(req.body, ref.body);
        target = raw || ('query' in ref ? scope.homeOrg : undefined);
        if (target === undefined) throw new AppError('VALIDATION_FAILED', '缺少组织代码');
        if (!isOrgCode(target)) throw new AppError('INVALID_ORG_CODE', `组织代码无效: ${target}`);
        if (!scope.canSee(target)) throw new AppError('NOT_FOUND');
      }
      req.targetOrg = target;
      if (!scope.can(access.perm, target)) throw new AppError('FORBIDDEN');
    } else if (!scope.hasPermission(access.perm)) {
      throw new AppError('FORBIDDEN');
    }
  };
}
