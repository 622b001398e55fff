import type { OrgLevel, SupervisionStatus } from './types';

export const LEVEL_LABELS: Record<OrgLevel, string> = {
  province: '省',
  city: '市',
  county: '县/区',
  township: '乡镇/街道',
  village: '村/社区',
  office: '科室',
  grid: '网格',
};

export const LEVEL_COLORS: Record<OrgLevel, string> = {
  province: 'magenta',
  city: 'purple',
  county: 'geekblue',
  township: 'blue',
  village: 'green',
  office: 'orange',
  grid: 'cyan',
};

export function levelLabel(level: string): string {
  return (LEVEL_LABELS as Record<string, string>)[level] ?? level;
}

export const SUPERVISION_STATUS: Record<SupervisionStatus, { label: string; color: string }> = {
  open: { label: '督办中', color: 'processing' },
  resolved: { label: '已办结', color: 'success' },
  closed: { label: '已销号', color: 'default' },
};

/** Password policy: at least 8 characters and at least 3 of upper / lower / digit / symbol. */
export function passwordPolicyError(password: string): string | null {
  if (password.length < 8) return '密码至少需要 8 个字符';
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码需至少包含大写字母、小写字母、数字、符号中的 3 类';
  return null;
}
