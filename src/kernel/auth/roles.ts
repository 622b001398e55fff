/** The roles a user can hold at an org node. Names are the ones the county uses. */
export const ROLES = [
  '系统管理员',
  '县级监督',
  '镇级管理员',
  '经办人',
  '调解员',
  '网格员',
  '法律顾问',
  '领导',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Kernel permissions; modules add theirs through their manifest. */
const KERNEL_PERMISSIONS: Record<string, readonly Role[]> = {
  'orgs.read': ROLES,
  'orgs.manage': ['系统管理员'],
  'home.read': ROLES,
  'users.read': ['系统管理员', '镇级管理员', '县级监督'],
  'users.manage': ['系统管理员', '镇级管理员'],
  'deadlines.read': ROLES,
  'supervision.read': ['系统管理员', '县级监督', '镇级管理员', '经办人', '领导'],
  'supervision.manage': ['系统管理员', '县级监督'],
  'files.upload': ['系统管理员', '县级监督', '镇级管理员', '经办人', '调解员', '网格员', '法律顾问'],
  'files.read': ROLES,
  'audit.read': ['系统管理员', '县级监督'],
  // 年度报告: the clerk drafts, the 第一责任人 (领导) approves, the township sends it up and publishes it.
  'reports.read': ['系统管理员', '县级监督', '镇级管理员', '经办人', '法律顾问', '领导'],
  'reports.write': ['系统管理员', '镇级管理员', '经办人'],
  'reports.approve': ['系统管理员', '领导'],
  'reports.publish': ['系统管理员', '镇级管理员'],
  // 公开征求意见 and 合法性审核 records (kernel_consultation, kernel_comment, kernel_legal_review).
  'consultations.read': ['系统管理员', '县级监督', '镇级管理员', '经办人', '法律顾问', '领导'],
  'consultations.manage': ['系统管理员', '镇级管理员', '经办人'],
  'consultations.personal': ['系统管理员', '镇级管理员', '经办人'],
};

const permissions = new Map<string, Set<string>>();

export function registerPermissions(table: Record<string, readonly string[]>): void {
  for (const [perm, roles] of Object.entries(table)) {
    const set = permissions.get(perm) ?? new Set<string>();
    for (const r of roles) {
      if (!isRole(r)) throw new Error(`unknown role ${r} for permission ${perm}`);
      set.add(r);
    }
    permissions.set(perm, set);
  }
}

registerPermissions(KERNEL_PERMISSIONS);

export function roleHas(role: string, perm: string): boolean {
  const set = permissions.get(perm);
  if (!set) throw new Error(`unknown permission ${perm}`);
  return set.has(role);
}

export function allPermissions(): string[] {
  return [...permissions.keys()];
}

/** Roles a 镇级管理员 may hand out; county-level roles need a 系统管理员. */
export const ROLES_TOWNSHIP_ADMIN_MAY_GRANT: readonly Role[] = [
  '镇级管理员',
  '经办人',
  '调解员',
  '网格员',
  '法律顾问',
  '领导',
];
