import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../kernel/db/client.js';

type Figure = { value: number | null; numerator?: number; denominator?: number };

const rate = (n: number, d: number): Figure => ({
  value: d === 0 ? null : Math.round((n * 1000) / d) / 10,
  numerator: n,
  denominator: d,
});

/**
 * The litigation figures counted by hand in plain SQL (independent of indicators.ts), for the org subtree
 * whose codes start with `prefix`, over [from, to], with `asOf` as "today" for deadlines and hearings held.
 */
export async function demoChecks(
  db: Db,
  prefix: string,
  from: string,
  to: string,
  asOf: string,
): Promise<Record<string, Figure>> {
  const like = `${prefix}%`;
  const heldBy = to < asOf ? to : asOf;
  const corr = `('撤销','部分撤销','变更','确认违法','确认无效','责令履行','给付')`;
  const [rc] = await rows<Record<string, string | number>>(
    db,
    sql`SELECT
      count(*) FILTER (WHERE received_on BETWEEN ${from} AND ${to}) AS received,
      count(*) FILTER (WHERE decided_on BETWEEN ${from} AND ${to} AND decision_type IS NOT NULL
        AND decision_type NOT IN ('不予受理','驳回申请')) AS decided,
      count(*) FILTER (WHERE decided_on BETWEEN ${from} AND ${to} AND decision_type IN ${sql.raw(corr)}) AS corrected
      FROM litigation_reconsideration WHERE org_code LIKE ${like}`,
  );
  const [ls] = await rows<Record<string, string | number>>(
    db,
    sql`SELECT
      count(*) FILTER (WHERE filed_on BETWEEN ${from} AND ${to}) AS filed,
      count(*) FILTER (WHERE filed_on BETWEEN ${from} AND ${to} AND instance = '一审') AS first,
      count(*) FILTER (WHERE judged_on BETWEEN ${from} AND ${to} AND judgment_type IS NOT NULL AND judgment_type <> '撤诉') AS judged,
      count(*) FILTER (WHERE judged_on BETWEEN ${from} AND ${to} AND judgment_type IN ${sql.raw(corr)}) AS lost
      FROM litigation_lawsuit WHERE org_code LIKE ${like}`,
  );
  // 出庭: by case, over hearings held in [from, min(to, asOf)].
  const [hc] = await rows<Record<string, string | number>>(
    db,
    sql`SELECT count(DISTINCT h.lawsuit_id) AS held,
        count(DISTINCT h.lawsuit_id) FILTER (WHERE h.head_appeared) AS appeared
      FROM litigation_hearing h JOIN litigation_lawsuit l ON l.id = h.lawsuit_id
      WHERE l.org_code LIKE ${like} AND h.hearing_on >= ${from} AND h.hearing_on <= ${heldBy}`,
  );
  // On-time: a step done by its due date; the denominator also counts steps still open past due.
  const onTime = async (table: string, dateCol: string, entity: string, step: string) => {
    const [x] = await rows<Record<string, string | number>>(
      db,
      sql`SELECT count(*) FILTER (WHERE d.status = 'done' AND d.done_on <= d.due_on) AS met,
          count(*) FILTER (WHERE d.status = 'done' OR (d.status = 'open' AND d.due_on < ${asOf})) AS due
        FROM ${sql.raw(table)} t JOIN kernel_deadline d ON d.module = 'litigation' AND d.entity = ${entity}
          AND d.entity_id = t.id::text AND d.step = ${step}
        WHERE t.org_code LIKE ${like} AND t.${sql.raw(dateCol)} BETWEEN ${from} AND ${to}`,
    );
    return rate(Number(x?.met ?? 0), Number(x?.due ?? 0));
  };
  const n = (x: Record<string, string | number> | undefined, k: string) => Number(x?.[k] ?? 0);
  return {
    'litigation.reconsiderations': { value: n(rc, 'received') },
    'litigation.lawsuits': { value: n(ls, 'filed') },
    'litigation.firstInstance': { value: n(ls, 'first') },
    'litigation.corrected': { value: n(rc, 'corrected') },
    'litigation.correctionRate': rate(n(rc, 'corrected'), n(rc, 'decided')),
    'litigation.lost': { value: n(ls, 'lost') },
    'litigation.lossRate': rate(n(ls, 'lost'), n(ls, 'judged')),
    'litigation.headAppearanceRate': rate(n(hc, 'appeared'), n(hc, 'held')),
    'litigation.headAbsent': { value: n(hc, 'held') - n(hc, 'appeared') },
    'litigation.replyOnTime': await onTime(
      'litigation_reconsideration',
      'received_on',
      'reconsideration',
      'reply',
    ),
    'litigation.answerOnTime': await onTime('litigation_lawsuit', 'filed_on', 'lawsuit', 'answer'),
    'litigation.opinionRectifyOnTime': await onTime(
      'litigation_reconsideration',
      'opinion_received_on',
      'reconsideration',
      'rectify',
    ),
    'litigation.suggestionReplyOnTime': await onTime(
      'litigation_lawsuit',
      'suggestion_received_on',
      'lawsuit',
      'suggestion',
    ),
  };
}
