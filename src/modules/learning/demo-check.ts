import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../kernel/db/client.js';

type Check = { value: number | null; numerator?: number; denominator?: number };

const rate = (n: number, d: number): Check => ({
  value: d === 0 ? null : Math.round((n * 1000) / d) / 10,
  numerator: n,
  denominator: d,
});

/**
 * The 学法用法 figures counted by hand in plain SQL (independent of indicators.ts), for the org subtree
 * whose codes start with `prefix`, over [from, to].
 */
export async function demoChecks(
  db: Db,
  prefix: string,
  from: string,
  to: string,
  _asOf: string,
): Promise<Record<string, Check>> {
  const like = `${prefix}%`;
  const [s] = await rows<Record<string, number>>(
    db,
    sql`SELECT
          count(*) FILTER (WHERE kind = '党委理论学习中心组学法')::int AS central,
          count(*) FILTER (WHERE kind = '政府常务会议会前学法')::int AS pre,
          count(*) FILTER (WHERE kind = '专题法治讲座')::int AS lectures,
          count(*)::int AS total,
          coalesce(sum(attendees), 0)::int AS people
        FROM learning_session WHERE org_code LIKE ${like} AND held_on >= ${from} AND held_on <= ${to}`,
  );
  const [x] = await rows<Record<string, number>>(
    db,
    sql`SELECT
          count(*) FILTER (WHERE e.kind <> '执法资格考试' AND x.sat)::int AS sat,
          count(*) FILTER (WHERE e.kind <> '执法资格考试' AND x.required)::int AS required,
          count(*) FILTER (WHERE e.kind <> '执法资格考试' AND x.required AND x.sat)::int AS sat_required,
          count(*) FILTER (WHERE e.kind <> '执法资格考试' AND x.required AND x.study_hours > 0)::int AS studied,
          count(*) FILTER (WHERE e.kind <> '执法资格考试' AND x.sat AND x.passed)::int AS passed,
          count(*) FILTER (WHERE e.kind <> '执法资格考试' AND x.sat AND x.grade = '优秀')::int AS excellent,
          count(*) FILTER (WHERE e.kind = '执法资格考试' AND x.sat)::int AS cert_sat,
          count(*) FILTER (WHERE e.kind = '执法资格考试' AND x.sat AND x.passed)::int AS cert_passed
        FROM learning_exam_entry x JOIN learning_exam e ON e.id = x.exam_id
        WHERE x.org_code LIKE ${like} AND e.held_on >= ${from} AND e.held_on <= ${to}`,
  );
  const [t] = await rows<{ hours: number }>(
    db,
    sql`SELECT coalesce(sum(hours), 0)::float8 AS hours FROM learning_training
        WHERE org_code LIKE ${like} AND held_on >= ${from} AND held_on <= ${to}`,
  );
  const [o] = await rows<{ staff: number; met: number }>(
    db,
    sql`SELECT count(*)::int AS staff, count(*) FILTER (WHERE h.hours >= 60)::int AS met
        FROM enforcement_officer eo
        LEFT JOIN (SELECT officer_id, sum(hours) AS hours FROM learning_training
                   WHERE held_on >= ${from} AND held_on <= ${to} GROUP BY officer_id) h ON h.officer_id = eo.id
        WHERE eo.org_code LIKE ${like} AND eo.active AND eo.status <> '注销'`,
  );
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM learning_report
        WHERE org_code LIKE ${like} AND reported_on >= ${from} AND reported_on <= ${to}`,
  );
  return {
    'learning.centralGroupSessions': { value: s!.central! },
    'learning.preMeetingSessions': { value: s!.pre! },
    'learning.lectures': { value: s!.lectures! },
    'learning.sessions': { value: s!.total! },
    'learning.sessionAttendees': { value: s!.people! },
    'learning.examSat': { value: x!.sat! },
    'learning.examTakeRate': rate(x!.sat_required!, x!.required!),
    'learning.studyRate': rate(x!.studied!, x!.required!),
    'learning.examPassRate': rate(x!.passed!, x!.sat!),
    'learning.examExcellentRate': rate(x!.excellent!, x!.sat!),
    'learning.certExamPassRate': rate(x!.cert_passed!, x!.cert_sat!),
    'learning.trainingHours': { value: Number(t!.hours) },
    'learning.officerTrainingRate': rate(o!.met, o!.staff),
    'learning.lawReports': { value: r!.n },
  };
}
