/**
 * Test databases carry their run's start time (base 36) so that several runs can share one server:
 * a run drops only its own databases, and leftovers of runs older than three hours.
 */
export const RUN_ID = `${Math.floor(Date.now() / 1000).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
export const TEMPLATE_DB = `fazhi_tpl_${RUN_ID}`;
export const STALE_AFTER_S = 3 * 3600;

export function isStaleTestDb(name: string, nowS = Date.now() / 1000): boolean {
  const m = /^fazhi_(?:tpl|t)_([0-9a-z]{6})/.exec(name);
  return Boolean(m) && nowS - Number.parseInt(m![1]!, 36) > STALE_AFTER_S;
}

/** The maintenance connection: same server, database `postgres`. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}
