/**
 * 合法性审核/审查 of a draft (DOMAIN.md §9, §10, §13.3): submitted with a period in 工作日 (a kernel
 * deadline, step 'legalReview'), then the reviewer's result and opinion. Kernel data, so the advisers
 * module counts the reviews its advisers took part in without importing the other modules.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { type Actor, appendAudit } from './audit.js';
import { addWorkdays, isValidDate } from './calendar.js';
import type { Tx } from './db/client.js';
import { grants, legalReviews, users } from './db/schema.js';
import { completeDeadline, openDeadline } from './deadlines.js';
import { AppError } from './errors.js';
import { isInSubtree, isOrgCode } from './orgs/codes.js';
import { inSubtree } from './scope.js';

export type LegalReviewRow = typeof legalReviews.$inferSelect;

export const LEGAL_REVIEW_RESULTS = ['合法', '修改后合法', '不合法', '明示法律风险'] as const;
export type LegalReviewResult = (typeof LEGAL_REVIEW_RESULTS)[number];

export const LEGAL_REVIEW_STEP = 'legalReview';
export const ADVISER_ROLE = '法律顾问';

export interface SubmitLegalReview {
  orgCode: string;
  module: string;
  entity: string;
  entityId: string | number;
  title: string;
  submittedOn: string;
  /** The period allowed to the reviewer, in 工作日 (决策条例第二十六条: 一般不少于7个工作日). */
  workdays: number;
  legalBasis?: string;
}

/** 送审: a new row (a re-submission after 不合法 starts over) and the reviewer's deadline. */
export async function submitLegalReview(
  tx: Tx,
  input: SubmitLegalReview,
  actor: Actor,
): Promise<LegalReviewRow> {
  if (!isOrgCode(input.orgCode)) throw new AppError('INVALID_ORG_CODE', `组织代码无效: ${input.orgCode}`);
  if (!isValidDate(input.submittedOn)) throw new AppError('INVALID_DATE', '送审日期应为 YYYY-MM-DD');
  if (!Number.isInteger(input.workdays) || input.workdays < 1 || input.workdays > 365) {
    throw new AppError('VALIDATION_FAILED', '审核期限应为1至365个工作日');
  }
  const title = input.title.trim();
  if (!title) throw new AppError('VALIDATION_FAILED', '请填写送审事项名称');
  const entityId = String(input.entityId);
  const pending = await latestLegalReview(tx, input.module, input.entity, entityId);
  if (pending && !pending.result) {
    throw new AppError(
      'INVALID_TRANSITION',
      `合法性审核正在进行中(${pending.submittedOn} 送审,尚未出具意见)`,
    );
  }
  const dueOn = addWorkdays(input.submittedOn, input.workdays).due;
  const [row] = await tx
    .insert(legalReviews)
    .values({
      orgCode: input.orgCode,
      module: input.module,
      entity: input.entity,
      entityId,
      title,
      submittedOn: input.submittedOn,
      dueOn,
    })
    .returning();
  await openDeadline(
    tx,
    {
      orgCode: input.orgCode,
      module: input.module,
      entity: input.entity,
      entityId,
      step: LEGAL_REVIEW_STEP,
      title: `合法性审核:${title}`,
      rule: { kind: 'WORK_DAYS', n: input.workdays },
      startsOn: input.submittedOn,
      legalBasis: input.legalBasis ?? '合法性审核期限',
      dueOn,
    },
    actor,
  );
  await appendAudit(tx, {
    actor,
    orgCode: input.orgCode,
    action: 'legalReview.submit',
    entity: 'kernel.legalReview',
    entityId: row!.id,
    after: { module: input.module, entity: input.entity, entityId, submittedOn: input.submittedOn, dueOn },
  });
  return row!;
}

export interface RecordLegalReview {
  module: string;
  entity: string;
  entityId: string | number;
  reviewedOn: string;
  result: LegalReviewResult;
  opinion: string;
  /** An adviser's written opinion is on file though the reviewer's account is not an adviser's. */
  adviserOpinionOnFile?: boolean;
}

/** Does `userId` hold the 法律顾问 role on an org whose subtree holds `orgCode`? */
export async function isAdviserFor(tx: Tx, userId: number | null, orgCode: string): Promise<boolean> {
  if (userId === null) return false;
  const held = await tx
    .select({ orgCode: grants.orgCode })
    .from(grants)
    .where(and(eq(grants.userId, userId), eq(grants.role, ADVISER_ROLE)));
  return held.some((g) => isInSubtree(orgCode, g.orgCode));
}

/** 出具审核意见 on the latest open review; completes the deadline. */
export async function recordLegalReview(
  tx: Tx,
  input: RecordLegalReview,
  actor: Actor,
): Promise<LegalReviewRow> {
  const latest = await latestLegalReview(tx, input.module, input.entity, input.entityId);
  if (!latest || latest.result)
    throw new AppError('INVALID_TRANSITION', '没有待出具意见的合法性审核,请先送审');
  if (!isValidDate(input.reviewedOn)) throw new AppError('INVALID_DATE', '审核日期应为 YYYY-MM-DD');
  if (input.reviewedOn < latest.submittedOn) {
    throw new AppError('INVALID_DATE', `审核日期不能早于送审日期(${latest.submittedOn})`);
  }
  if (!(LEGAL_REVIEW_RESULTS as readonly string[]).includes(input.result)) {
    throw new AppError('VALIDATION_FAILED', `审核结论应为:${LEGAL_REVIEW_RESULTS.join('、')}`);
  }
  const opinion = input.opinion.trim();
  if (!opinion) throw new AppError('VALIDATION_FAILED', '请填写合法性审核意见');
  let reviewerName = actor.name;
  if (actor.id !== null) {
    const [u] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.id));
    if (u) reviewerName = u.name;
  }
  const adviserInvolved =
    (await isAdviserFor(tx, actor.id, latest.orgCode)) || input.adviserOpinionOnFile === true;
  const [row] = await tx
    .update(legalReviews)
    .set({
      reviewedOn: input.reviewedOn,
      reviewerId: actor.id,
      reviewerName,
      adviserInvolved,
      result: input.result,
      opinion,
    })
    .where(and(eq(legalReviews.id, latest.id), isNull(legalReviews.result)))
    .returning();
  if (!row) throw new AppError('CONFLICT');
  await completeDeadline(
    tx,
    { module: input.module, entity: input.entity, entityId: String(input.entityId), step: LEGAL_REVIEW_STEP },
    input.reviewedOn,
    actor,
  );
  await appendAudit(tx, {
    actor,
    orgCode: row.orgCode,
    action: 'legalReview.record',
    entity: 'kernel.legalReview',
    entityId: row.id,
    after: {
      reviewedOn: row.reviewedOn,
      result: row.result,
      opinion,
      adviserInvolved,
      late: row.reviewedOn! > row.dueOn,
    },
  });
  return row;
}

/** The most recent review of a record (open or done), or null. */
export async function latestLegalReview(
  tx: Tx,
  module: string,
  entity: string,
  entityId: string | number,
): Promise<LegalReviewRow | null> {
  const [row] = await tx
    .select()
    .from(legalReviews)
    .where(
      and(
        eq(legalReviews.module, module),
        eq(legalReviews.entity, entity),
        eq(legalReviews.entityId, String(entityId)),
      ),
    )
    .orderBy(desc(legalReviews.id))
    .limit(1);
  return row ?? null;
}

/** Every review of a record inside `orgCode`'s subtree, newest first. */
export async function legalReviewsOf(
  tx: Tx,
  orgCode: string,
  module: string,
  entity: string,
  entityId: string | number,
): Promise<LegalReviewRow[]> {
  return tx
    .select()
    .from(legalReviews)
    .where(
      and(
        inSubtree(legalReviews.orgCode, orgCode),
        eq(legalReviews.module, module),
        eq(legalReviews.entity, entity),
        eq(legalReviews.entityId, String(entityId)),
      ),
    )
    .orderBy(desc(legalReviews.id));
}
