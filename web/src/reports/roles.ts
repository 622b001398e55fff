import type { Me } from '../types';

/**
 * The roles the user holds over `orgCode`: a grant at the org itself or at any org above it
 * (a grant covers its whole subtree).
 */
export function rolesOver(me: Me, orgCode: string, parentOf: ReadonlyMap<string, string>): Set<string> {
  const chain = new Set<string>();
  let code: string | undefined = orgCode;
  while (code && !chain.has(code)) {
    chain.add(code);
    code = parentOf.get(code);
  }
  return new Set(me.grants.filter((g) => chain.has(g.orgCode)).map((g) => g.role));
}

const WRITE = ['系统管理员', '镇级管理员', '经办人'];
const APPROVE = ['系统管理员', '领导'];
const PUBLISH = ['系统管理员', '镇级管理员'];

export interface ReportPermissions {
  write: boolean;
  approve: boolean;
  publish: boolean;
}

/** What the roles allow on an annual report (the server checks again and says why not). */
export function reportPermissions(roles: ReadonlySet<string>): ReportPermissions {
  const any = (list: string[]) => list.some((r) => roles.has(r));
  return { write: any(WRITE), approve: any(APPROVE), publish: any(PUBLISH) };
}
