export const TEMPLATE_DB = 'fazhi_test_template';

/** The maintenance connection: same server, database `postgres`. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}
