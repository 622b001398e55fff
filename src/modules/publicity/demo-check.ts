import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../kernel/db/client.js';

type Check = { value: number | null; numerator?: number; denominator?: number };

/**
 * The 普法宣传 figures counted by hand in plain SQL (independent of indicators.ts), for the org codes
 * starting with `prefix` (county: 6 digits, township: 9) over [from, to].
 */
export async function demoChecks(
  db: Db,
  prefix: string,
  from: string,
  to: string,
  _asOf: string,
): Promise<Record<string, Check>> {
  const like = `${prefix}%`;
  const [a] = await rows<Record<string, string | number>>(
    db,
    sql`SELECT count(*) AS activities,
          count(*) FILTER (WHERE venue_type = '进学校') AS schools,
          coalesce(sum(reach), 0) AS reach,
          coalesce(sum(materials), 0) AS materials,
          count(*) FILTER (WHERE form = '以案释法') AS cases,
          count(*) FILTER (WHERE '宪法宣传' = ANY(themes)
            AND extract(month FROM held_on) = 12 AND extract(day FROM held_on) BETWEEN 1 AND 7) AS constitution
        FROM publicity_activity
        WHERE org_code LIKE ${like} AND held_on >= ${from}::date AND held_on <= ${to}::date`,
  );
  const y1 = Number(from.slice(0, 4));
  const y2 = Number(to.slice(0, 4));
  const [d] = await rows<{ met: string | number; total: string | number }>(
    db,
    sql`WITH done AS (
          SELECT d.id, d.planned,
            (SELECT count(*) FROM publicity_activity x
              WHERE x.duty_id = d.id AND extract(year FROM x.held_on) = d.year) AS n
          FROM publicity_duty d
          WHERE d.org_code LIKE ${like} AND d.year >= ${y1} AND d.year <= ${y2})
        SELECT count(*) FILTER (WHERE n >= planned) AS met, count(*) AS total FROM done`,
  );
  const [s] = await rows<{ sites: string | number; villages: string | number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE kind <> '民主法治示范村(社区)') AS sites,
          count(*) FILTER (WHERE kind = '民主法治示范村(社区)') AS villages
        FROM publicity_site
        WHERE org_code LIKE ${like} AND (built_on IS NULL OR built_on <= ${to}::date)`,
  );
  const met = Number(d?.met ?? 0);
  const total = Number(d?.total ?? 0);
  return {
    'publicity.activities': { value: Number(a?.activities ?? 0) },
    'publicity.inSchools': { value: Number(a?.schools ?? 0) },
    'publicity.reach': { value: Number(a?.reach ?? 0) },
    'publicity.materials': { value: Number(a?.materials ?? 0) },
    'publicity.caseExplained': { value: Number(a?.cases ?? 0) },
    'publicity.constitutionWeek': { value: Number(a?.constitution ?? 0) },
    'publicity.dutyCompletion': {
      value: total ? Math.round((met * 1000) / total) / 10 : null,
      numerator: met,
      denominator: total,
    },
    'publicity.sites': { value: Number(s?.sites ?? 0) },
    'publicity.demoVillages': { value: Number(s?.villages ?? 0) },
  };
}
