import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from './audit.js';
import type { Db, Tx } from './db/client.js';
import { auditLog } from './db/schema.js';
import { type AuthedRequest, actorOf, authed } from './http/access.js';

/** A procedure step as routes see it: who may run it, what it takes. */
export interface StepRoute {
  perm: string;
  body: z.ZodType;
}

/**
 * `POST <path>/:id/<step>` for every step of a procedure (STYLE: workflow steps as routes), each in
 * one transaction, answering with the record as `load` shows it afterwards.
 */
export function registerStepRoutes<S extends string>(
  base: FastifyInstance,
  db: Db,
  opts: {
    path: string; // e.g. '/cases'
    resource: string; // e.g. 'disputes.case'
    steps: Record<S, StepRoute>;
    run: (tx: Tx, id: number, step: S, input: unknown, actor: Actor) => Promise<unknown>;
    load: (id: number, req: AuthedRequest) => Promise<unknown>;
  },
): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ id: z.string().regex(/^\d{1,9}$/, '编号应为数字') });
  for (const step of Object.keys(opts.steps) as S[]) {
    const s = opts.steps[step];
    app.post(
      `${opts.path}/:id/${step}`,
      {
        config: { access: { perm: s.perm, org: { resource: opts.resource, param: 'id' } } },
        schema: { params, body: s.body },
      },
      async (req) => {
        const id = Number(req.params.id);
        await db.transaction((tx) => opts.run(tx, id, step, req.body, actorOf(req)));
        return opts.load(id, authed(req));
      },
    );
  }
}

/** A record's history from the audit chain: who did what, when, and the date the step says it happened. */
export async function auditTimeline(db: Tx, entity: string, id: number, labels: Record<string, string>) {
  const list = await db
    .select({ at: auditLog.at, actor: auditLog.actor, action: auditLog.action, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id))))
    .orderBy(asc(auditLog.id));
  return list.map((t) => {
    const after = (t.after ?? {}) as { on?: string; receivedOn?: string };
    return {
      at: t.at,
      actor: t.actor,
      action: t.action,
      label: labels[t.action] ?? t.action,
      on: after.on ?? after.receivedOn ?? null,
    };
  });
}
