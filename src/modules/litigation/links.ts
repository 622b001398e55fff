/**
 * The one place this module touches another: a 复议决定/裁判 that 撤销/部分撤销/变更/确认违法/确认无效 an
 * enforcement decision records it on the enforcement case (its 公示 then gets a 撤回 deadline). The
 * outcome is recorded here whatever happens there; a refusal comes back as a Chinese warning.
 */

import { sql } from 'drizzle-orm';
import { type Actor, savepoint } from '../../kernel/audit.js';
import { rows, type Tx } from '../../kernel/db/client.js';
import { AppError } from '../../kernel/errors.js';
import { isInSubtree } from '../../kernel/orgs/codes.js';
import { runStep } from '../enforcement/service.js';

type RevokeKind = '变更' | '撤销' | '确认违法' | '确认无效';

/** Our outcome → the enforcement module's kind; 部分撤销 changes what was decided, so it is a 变更 there. */
const KIND: Record<string, RevokeKind> = {
  撤销: '撤销',
  部分撤销: '变更',
  变更: '变更',
  确认违法: '确认违法',
  确认无效: '确认无效',
};

/**
 * A case may only link an enforcement case of its own org subtree: another township's case must not be
 * revoked from here, nor its existence revealed.
 */
export async function assertLinkableCase(tx: Tx, caseId: number, orgCode: string): Promise<void> {
  const [c] = await rows<{ orgCode: string }>(
    tx,
    sql`SELECT org_code AS "orgCode" FROM enforcement_case WHERE id = ${caseId}`,
  );
  if (!c || !isInSubtree(c.orgCode, orgCode))
    throw new AppError('VALIDATION_FAILED', `关联的执法案件（编号${caseId}）不存在或不属于本单位`);
}

export function revokes(outcome: string): boolean {
  return outcome in KIND;
}

export async function revokeEnforcement(
  tx: Tx,
  caseId: number,
  input: { on: string; outcome: string; reason: string },
  actor: Actor,
): Promise<string | null> {
  const kind = KIND[input.outcome];
  if (!kind) return null;
  const revoked = await attempt(tx, caseId, `记录“${kind}”`, (sp) =>
    runStep(sp, caseId, 'revoke', { on: input.on, kind, reason: input.reason }, actor),
  );
  if (revoked) return revoked;
  // The decision no longer stands as published: its 公示 is withdrawn the same day, with the reason.
  const [pub] = await rows<{ id: number }>(
    tx,
    sql`SELECT id FROM enforcement_publication WHERE case_id = ${caseId} AND withdrawn_on IS NULL`,
  );
  if (!pub) return null;
  return attempt(tx, caseId, '撤回公示', (sp) =>
    runStep(sp, caseId, 'withdraw', { on: input.on, reason: input.reason }, actor),
  );
}

/** Run one enforcement step in a savepoint: a refusal there must not spoil this transaction. */
async function attempt(
  tx: Tx,
  caseId: number,
  what: string,
  step: (sp: Tx) => Promise<unknown>,
): Promise<string | null> {
  try {
    await savepoint(tx, step);
    return null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return err.code === 'NOT_FOUND'
      ? `关联的执法案件（编号${caseId}）不存在，未同步撤回公示`
      : `关联的执法案件未能${what}：${err.message}`;
  }
}
