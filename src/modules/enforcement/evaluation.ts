import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import { rows, type Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import { isOrgCode, levelOf } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { ZDate } from './model.js';
import { enforcementCaseReviews, enforcementCases, enforcementReviewTemplates } from './schema.js';
import { selfAndAncestors } from './settings.js';

const ZTemplateItem = z.strictObject({
  key: z
    .string()
    .trim()
    .min(1, '评查项目标识不能为空')
    .max(40)
    .regex(/^[A-Za-z0-9_]+$/, '评查项目标识只能包含字母、数字和下划线'),
  label: z.string().trim().min(1, '评查项目名称不能为空').max(200),
  points: z.number().int('分值应为整数').min(1, '分值至少为1').max(100),
});
const templateFields = {
  name: z.string().trim().min(1, '模板名称不能为空').max(100),
  items: z.array(ZTemplateItem).min(1, '评查模板至少应有一个评查项目').max(100),
  passScore: z.number().int('合格分应为整数').min(0),
  active: z.boolean().optional(),
};
export const ZCreateTemplate = z.strictObject({ orgCode: z.string(), ...templateFields });
export const ZUpdateTemplate = z.strictObject(templateFields);

export const ZReview = z.strictObject({
  caseId: z.number().int().positive(),
  templateId: z.number().int().positive(),
  reviewedOn: ZDate,
  scores: z.record(z.string(), z.number({ error: '得分应为数字' })),
  comments: z.string().trim().max(5000).nullable().optional(),
});

function templateProblem(t: z.infer<typeof ZUpdateTemplate>): string | null {
  const keys = new Set<string>();
  for (const i of t.items) {
    if (keys.has(i.key)) return `评查项目标识「${i.key}」重复`;
    keys.add(i.key);
  }
  const max = t.items.reduce((s, i) => s + i.points, 0);
  if (t.passScore > max) return `合格分(${t.passScore})不能高于总分(${max})`;
  return null;
}

export async function createReviewTemplate(tx: Tx, input: z.infer<typeof ZCreateTemplate>, actor: Actor) {
  if (!isOrgCode(input.orgCode)) throw new AppError('INVALID_ORG_CODE');
  if (levelOf(input.orgCode) !== 'county') throw new AppError('VALIDATION_FAILED', '案卷评查模板由县级制定');
  const problem = templateProblem(input);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  const [row] = await tx
    .insert(enforcementReviewTemplates)
    .values({
      orgCode: input.orgCode,
      name: input.name,
      items: input.items,
      passScore: input.passScore,
      active: input.active ?? true,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: 'enforcement.reviewTemplate.create',
    entity: 'enforcement.reviewTemplate',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/** Edited in place while unused; once a review used it, it is frozen (create a new template instead). */
export async function updateReviewTemplate(
  tx: Tx,
  id: number,
  input: z.infer<typeof ZUpdateTemplate>,
  actor: Actor,
) {
  const [old] = await tx
    .select()
    .from(enforcementReviewTemplates)
    .where(eq(enforcementReviewTemplates.id, id));
  if (!old) throw new AppError('NOT_FOUND');
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(enforcementCaseReviews)
    .where(eq(enforcementCaseReviews.templateId, id));
  const onlyActive =
    JSON.stringify(old.items) === JSON.stringify(input.items) &&
    old.name === input.name &&
    old.passScore === input.passScore;
  if (Number(n) > 0 && !onlyActive) {
    throw new AppError(
      'CONFLICT',
      `该模板已用于${n}份案卷评查,不能修改评分项目或合格分;请新建模板(可停用本模板)`,
    );
  }
  const problem = templateProblem(input);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  const [row] = await tx
    .update(enforcementReviewTemplates)
    .set({
      name: input.name,
      items: input.items,
      passScore: input.passScore,
      active: input.active ?? old.active,
    })
    .where(eq(enforcementReviewTemplates.id, id))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: old.orgCode,
    action: 'enforcement.reviewTemplate.update',
    entity: 'enforcement.reviewTemplate',
    entityId: id,
    before: old,
    after: row,
  });
  return row!;
}

/** Templates usable for `orgCode`'s cases (its own and its ancestors') and those of its subtree. */
export async function listTemplates(db: Tx, orgCode: string) {
  const list = await db
    .select({
      t: enforcementReviewTemplates,
      orgName: orgs.name,
      used: sql<number>`(SELECT count(*)::int FROM enforcement_case_review r WHERE r.template_id = ${enforcementReviewTemplates.id})`,
    })
    .from(enforcementReviewTemplates)
    .leftJoin(orgs, eq(orgs.code, enforcementReviewTemplates.orgCode))
    .where(
      sql`(${inArray(enforcementReviewTemplates.orgCode, selfAndAncestors(orgCode))} OR ${inSubtree(enforcementReviewTemplates.orgCode, orgCode)})`,
    )
    .orderBy(desc(enforcementReviewTemplates.active), asc(enforcementReviewTemplates.id));
  return {
    items: list.map((r) => ({
      ...r.t,
      orgName: r.orgName,
      maxScore: r.t.items.reduce((s, i) => s + i.points, 0),
      used: Number(r.used),
    })),
  };
}

/** The case's org, for the route's scope check (the body names a case, not an org). */
export async function caseOrg(db: Tx, caseId: number): Promise<string | null> {
  const [c] = await db
    .select({ orgCode: enforcementCases.orgCode })
    .from(enforcementCases)
    .where(eq(enforcementCases.id, caseId));
  return c?.orgCode ?? null;
}

/** 案卷评查 of a closed or archived case file against a template. */
export async function reviewCase(tx: Tx, input: z.infer<typeof ZReview>, actor: Actor, today = todayCal()) {
  const [c] = await tx.select().from(enforcementCases).where(eq(enforcementCases.id, input.caseId));
  if (!c) throw new AppError('NOT_FOUND');
  if (c.status !== 'closed' && c.status !== 'archived') {
    throw new AppError('INVALID_TRANSITION', `案件 ${c.caseNo} 尚未结案,只能评查已结案或已归档的案卷`);
  }
  const [t] = await tx
    .select()
    .from(enforcementReviewTemplates)
    .where(eq(enforcementReviewTemplates.id, input.templateId));
  if (!t || !selfAndAncestors(c.orgCode).includes(t.orgCode)) {
    throw new AppError('VALIDATION_FAILED', '评查模板不存在或不适用于该案件所属单位');
  }
  if (!t.active) throw new AppError('VALIDATION_FAILED', `评查模板「${t.name}」已停用`);
  if (input.reviewedOn > today) throw new AppError('VALIDATION_FAILED', '评查日期不能晚于今天');
  if (c.closedOn && input.reviewedOn < c.closedOn) {
    throw new AppError('VALIDATION_FAILED', `评查日期不能早于结案日期(${c.closedOn})`);
  }
  const known = new Set(t.items.map((i) => i.key));
  for (const k of Object.keys(input.scores)) {
    if (!known.has(k)) throw new AppError('VALIDATION_FAILED', `评查模板中没有评查项目「${k}」`);
  }
  let total = 0;
  for (const i of t.items) {
    const s = input.scores[i.key];
    if (s === undefined) throw new AppError('VALIDATION_FAILED', `缺少评查项目「${i.label}」的得分`);
    if (!Number.isInteger(s) || s < 0 || s > i.points) {
      throw new AppError('VALIDATION_FAILED', `「${i.label}」的得分应为 0 至 ${i.points} 之间的整数`);
    }
    total += s;
  }
  const [dup] = await tx
    .select({ id: enforcementCaseReviews.id })
    .from(enforcementCaseReviews)
    .where(and(eq(enforcementCaseReviews.caseId, c.id), eq(enforcementCaseReviews.templateId, t.id)))
    .limit(1);
  if (dup) throw new AppError('DUPLICATE', `案件 ${c.caseNo} 已按「${t.name}」评查过`);
  const [row] = await tx
    .insert(enforcementCaseReviews)
    .values({
      caseId: c.id,
      orgCode: c.orgCode,
      templateId: t.id,
      reviewerId: actor.id,
      reviewerName: actor.name,
      reviewedOn: input.reviewedOn,
      scores: input.scores,
      total,
      passed: total >= t.passScore,
      comments: input.comments ?? null,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: c.orgCode,
    action: 'enforcement.caseReview.create',
    entity: 'enforcement.caseReview',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

export const ZReviewQuery = z.strictObject({
  org: z.string().optional(),
  passed: z.enum(['0', '1']).optional(),
  indicator: z.string().max(100).optional(),
  part: z.enum(['numerator', 'denominator']).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export async function listReviews(db: Tx, orgCode: string, q: z.infer<typeof ZReviewQuery>, extra?: SQL) {
  const conds: (SQL | undefined)[] = [inSubtree(enforcementCaseReviews.orgCode, orgCode), extra];
  if (q.passed) conds.push(eq(enforcementCaseReviews.passed, q.passed === '1'));
  if (!q.indicator && q.from) conds.push(sql`${enforcementCaseReviews.reviewedOn} >= ${q.from}`);
  if (!q.indicator && q.to) conds.push(sql`${enforcementCaseReviews.reviewedOn} <= ${q.to}`);
  const where = and(...conds);
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enforcementCaseReviews)
    .where(where);
  const list = await db
    .select({
      r: enforcementCaseReviews,
      orgName: orgs.name,
      caseNo: enforcementCases.caseNo,
      summary: enforcementCases.summary,
      templateName: enforcementReviewTemplates.name,
      passScore: enforcementReviewTemplates.passScore,
    })
    .from(enforcementCaseReviews)
    .leftJoin(orgs, eq(orgs.code, enforcementCaseReviews.orgCode))
    .leftJoin(enforcementCases, eq(enforcementCases.id, enforcementCaseReviews.caseId))
    .leftJoin(
      enforcementReviewTemplates,
      eq(enforcementReviewTemplates.id, enforcementCaseReviews.templateId),
    )
    .where(where)
    .orderBy(desc(enforcementCaseReviews.reviewedOn), desc(enforcementCaseReviews.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    total: Number(n),
    items: list.map((x) => ({
      ...x.r,
      orgName: x.orgName,
      caseNo: x.caseNo,
      summary: x.summary,
      templateName: x.templateName,
      passScore: x.passScore,
    })),
  };
}

export async function getReview(db: Tx, id: number) {
  const [x] = await db
    .select({ r: enforcementCaseReviews, caseNo: enforcementCases.caseNo, t: enforcementReviewTemplates })
    .from(enforcementCaseReviews)
    .leftJoin(enforcementCases, eq(enforcementCases.id, enforcementCaseReviews.caseId))
    .leftJoin(
      enforcementReviewTemplates,
      eq(enforcementReviewTemplates.id, enforcementCaseReviews.templateId),
    )
    .where(eq(enforcementCaseReviews.id, id));
  if (!x) throw new AppError('NOT_FOUND');
  return { ...x.r, caseNo: x.caseNo, template: x.t };
}

const rate = (passed: number, n: number) => (n ? Math.round((passed / n) * 1000) / 10 : null);

/** 评查 results per office (the case's org) and per officer on the case (enforcement_case_officer). */
export async function reviewSummary(db: Tx, orgCode: string, from?: string, to?: string) {
  const period = sql`${from ? sql` AND r.reviewed_on >= ${from}` : sql``}${to ? sql` AND r.reviewed_on <= ${to}` : sql``}`;
  const scope = inSubtree(sql`r.org_code`, orgCode);
  const offices = await rows<{
    org_code: string;
    org_name: string | null;
    n: number;
    passed: number;
    avg: string | null;
  }>(
    db,
    sql`SELECT r.org_code, o.name AS org_name, count(*)::int AS n, count(*) FILTER (WHERE r.passed)::int AS passed,
               round(avg(r.total), 1)::text AS avg
        FROM enforcement_case_review r LEFT JOIN kernel_org o ON o.code = r.org_code
        WHERE ${scope}${period}
        GROUP BY r.org_code, o.name ORDER BY r.org_code`,
  );
  const officers = await rows<{
    officer_id: number;
    name: string;
    cert_no: string | null;
    org_name: string | null;
    n: number;
    passed: number;
    avg: string | null;
  }>(
    db,
    sql`SELECT f.id AS officer_id, f.name, f.cert_no, o.name AS org_name, count(*)::int AS n,
               count(*) FILTER (WHERE r.passed)::int AS passed, round(avg(r.total), 1)::text AS avg
        FROM enforcement_case_review r
        JOIN enforcement_case_officer co ON co.case_id = r.case_id
        JOIN enforcement_officer f ON f.id = co.officer_id
        LEFT JOIN kernel_org o ON o.code = f.org_code
        WHERE ${scope}${period}
        GROUP BY f.id, f.name, f.cert_no, o.name ORDER BY f.id`,
  );
  return {
    offices: offices.map((r) => ({
      orgCode: r.org_code,
      orgName: r.org_name,
      reviewed: Number(r.n),
      passed: Number(r.passed),
      passRate: rate(Number(r.passed), Number(r.n)),
      averageScore: r.avg === null ? null : Number(r.avg),
    })),
    officers: officers.map((r) => ({
      officerId: Number(r.officer_id),
      name: r.name,
      certNo: r.cert_no,
      orgName: r.org_name,
      reviewed: Number(r.n),
      passed: Number(r.passed),
      passRate: rate(Number(r.passed), Number(r.n)),
      averageScore: r.avg === null ? null : Number(r.avg),
    })),
  };
}
