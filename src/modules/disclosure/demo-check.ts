import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../kernel/db/client.js';

/**
 * The module's figures counted by hand in plain SQL (independent of indicators.ts), for the org
 * subtree whose codes start with `prefix`.
 */
export async function demoChecks(
  db: Db,
  prefix: string,
  from: string,
  to: string,
  asOf: string,
): Promise<Record<string, { value: number | null; numerator?: number; denominator?: number }>> {
  const like = `${prefix}%`;
  const [i] = await rows<Record<string, string | number>>(
    db,
    sql`SELECT
          count(*) FILTER (WHERE published_on >= ${from} AND published_on <= ${to}) AS published,
          count(*) FILTER (WHERE formed_on >= ${from} AND formed_on <= ${to} AND published_on IS NOT NULL
                           AND published_on <= due_on) AS timely,
          count(*) FILTER (WHERE formed_on >= ${from} AND formed_on <= ${to}
                           AND (published_on IS NOT NULL OR due_on < ${asOf})) AS due
        FROM disclosure_item WHERE org_code LIKE ${like}`,
  );
  const [q] = await rows<Record<string, string | number>>(
    db,
    sql`SELECT
          count(*) FILTER (WHERE received_on >= ${from} AND received_on <= ${to}) AS received,
          count(*) FILTER (WHERE answered_on >= ${from} AND answered_on <= ${to}) AS answered,
          count(*) FILTER (WHERE answered_on >= ${from} AND answered_on <= ${to} AND due_on IS NOT NULL
                           AND answered_on <= due_on) AS on_time,
          count(*) FILTER (WHERE answered_on >= ${from} AND answered_on <= ${to} AND due_on IS NOT NULL) AS replied,
          count(*) FILTER (WHERE answered_on >= ${from} AND answered_on <= ${to} AND answer_type = '予以公开') AS disclosed,
          count(*) FILTER (WHERE answered_on >= ${from} AND answered_on <= ${to} AND answer_type = '部分公开') AS partial,
          count(*) FILTER (WHERE answered_on >= ${from} AND answered_on <= ${to} AND answer_type = '不予公开') AS refused,
          count(*) FILTER (WHERE answered_on >= ${from} AND answered_on <= ${to} AND answer_type = '无法提供') AS unavailable
        FROM disclosure_request WHERE org_code LIKE ${like}`,
  );
  const n = (r: Record<string, string | number> | undefined, k: string) => Number(r?.[k] ?? 0);
  const rate = (num: number, den: number) => ({
    value: den === 0 ? null : Math.round((num * 1000) / den) / 10,
    numerator: num,
    denominator: den,
  });
  return {
    'disclosure.itemsPublished': { value: n(i, 'published') },
    'disclosure.timelyRate': rate(n(i, 'timely'), n(i, 'due')),
    'disclosure.requestsReceived': { value: n(q, 'received') },
    'disclosure.requestsAnswered': { value: n(q, 'answered') },
    'disclosure.onTimeReplyRate': rate(n(q, 'on_time'), n(q, 'replied')),
    'disclosure.answeredDisclosed': { value: n(q, 'disclosed') },
    'disclosure.answeredPartial': { value: n(q, 'partial') },
    'disclosure.answeredRefused': { value: n(q, 'refused') },
    'disclosure.answeredUnavailable': { value: n(q, 'unavailable') },
  };
}
