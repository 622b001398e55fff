import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './db/client.js';
import { auditLog } from './db/schema.js';

export const GENESIS_HASH = '0'.repeat(64);
const CHAIN_LOCK = 7301002;

/**
 * The chain head as this transaction left it. The advisory lock is held to the end of the
 * transaction, so after the first append no one else can move the head: later appends in the same
 * transaction skip the lock and the lookup. A savepoint may move the head or undo appends, so nested
 * transactions go through `savepoint`, which drops the cached head of the transaction around it.
 */
const heads = new WeakMap<object, string>();

/** A savepoint in `tx` (a refusal inside rolls back only what ran inside); safe for the audit chain. */
export async function savepoint<T>(tx: Tx, fn: (sp: Tx) => Promise<T>): Promise<T> {
  heads.delete(tx);
  try {
    return await tx.transaction(fn);
  } finally {
    heads.delete(tx);
  }
}

export interface Actor {
  id: number | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: '系统' };

export interface AuditEntry {
  actor: Actor;
  orgCode: string | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted at every depth, so a value hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function normalise(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

interface StoredFields {
  at: Date;
  actorId: number | null;
  actor: string;
  orgCode: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export function entryHash(e: StoredFields): string {
  const body = canonicalJson({
    at: e.at.toISOString(),
    actorId: e.actorId,
    actor: e.actor,
    orgCode: e.orgCode,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
  });
  return createHash('sha256').update(e.prevHash).update('\n').update(body).digest('hex');
}

/**
 * Append entries to the hash chain inside the caller's transaction. The advisory lock
 * serialises writers until commit, so the chain has one order even across app servers.
 */
export async function appendAudit(tx: Tx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const inTx = tx instanceof PgTransaction;
  let prevHash = (inTx ? heads.get(tx) : undefined) ?? '';
  if (!prevHash) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const last = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(sql`${auditLog.id} DESC`)
      .limit(1);
    prevHash = last[0]?.hash ?? GENESIS_HASH;
  }
  const at = new Date();
  const values = list.map((e) => {
    const fields: StoredFields = {
      at,
      actorId: e.actor.id,
      actor: e.actor.name,
      orgCode: e.orgCode,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId === null ? null : String(e.entityId),
      before: normalise(e.before),
      after: normalise(e.after),
      prevHash,
    };
    const hash = entryHash(fields);
    prevHash = hash;
    return { ...fields, hash };
  });
  for (let i = 0; i < values.length; i += 500) {
    await tx.insert(auditLog).values(values.slice(i, i + 500));
  }
  if (inTx) heads.set(tx, prevHash);
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  brokenAt?: { id: number; position: number; reason: string };
}

/** Walk the whole chain in id order, recomputing every hash. */
export async function verifyAudit(db: Db): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let position = 0;
  let lastId = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(5000);
    if (batch.length === 0) break;
    for (const row of batch) {
      position++;
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          entries: position - 1,
          brokenAt: { id: row.id, position, reason: '前一条记录的哈希不匹配(记录被删除、插入或替换)' },
        };
      }
      const expected = entryHash({ ...row, before: row.before ?? null, after: row.after ?? null });
      if (expected !== row.hash) {
        return {
          ok: false,
          entries: position - 1,
          brokenAt: { id: row.id, position, reason: '记录内容与其哈希不符(记录被篡改)' },
        };
      }
      prevHash = row.hash;
      lastId = row.id;
    }
  }
  return { ok: true, entries: position };
}
