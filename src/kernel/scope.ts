import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { roleHas } from './auth/roles.js';
import { AppError } from './errors.js';
import { isInSubtree, isOrgCode, prefixUpperBound, scopePrefix } from './orgs/codes.js';

export interface Grant {
  role: string;
  orgCode: string;
}

/**
 * What a signed-in user may see and do: the union of the subtrees of their grants,
 * with each grant's role deciding the permissions inside its subtree.
 */
export class Scope {
  constructor(readonly grants: readonly Grant[]) {}

  /** The node the user works at by default (their first grant). */
  get homeOrg(): string {
    const first = this.grants[0];
    if (!first) throw new AppError('FORBIDDEN', '该账户没有任何角色');
    return first.orgCode;
  }

  /** Grant nodes that are not inside another grant's subtree. */
  get roots(): string[] {
    const codes = [...new Set(this.grants.map((g) => g.orgCode))];
    return codes.filter((c) => !codes.some((o) => o !== c && isInSubtree(c, o)));
  }

  canSee(orgCode: string): boolean {
    return isOrgCode(orgCode) && this.grants.some((g) => isInSubtree(orgCode, g.orgCode));
  }

  /** May the user exercise `perm` on something belonging to `orgCode`? */
  can(perm: string, orgCode: string): boolean {
    return this.grants.some((g) => roleHas(g.role, perm) && isInSubtree(orgCode, g.orgCode));
  }

  /** Does any grant carry `perm` (wherever)? */
  hasPermission(perm: string): boolean {
    return this.grants.some((g) => roleHas(g.role, perm));
  }

  /** Throws 404 when out of scope, so existence never leaks. */
  assertVisible(orgCode: string): void {
    if (!isOrgCode(orgCode)) throw new AppError('INVALID_ORG_CODE', `组织代码无效: ${orgCode}`);
    if (!this.canSee(orgCode)) throw new AppError('NOT_FOUND');
  }
}

/** `column` lies in the subtree of `orgCode`: one range predicate a btree on a "C"-collated column serves. */
export function inSubtree(column: AnyPgColumn | SQL, orgCode: string): SQL {
  const prefix = scopePrefix(orgCode);
  return sql`(${column} >= ${prefix} AND ${column} < ${prefixUpperBound(prefix)})`;
}
