import { and, asc, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import { consultationOf, consultationProblem, openConsultation } from '../../kernel/consultation.js';
import type { Tx } from '../../kernel/db/client.js';
import { deadlines, orgs } from '../../kernel/db/schema.js';
import { completeDeadline, openDeadline } from '../../kernel/deadlines.js';
import { AppError } from '../../kernel/errors.js';
import {
  type LegalReviewResult,
  legalReviewsOf,
  recordLegalReview,
  submitLegalReview,
} from '../../kernel/legal-review.js';
import { levelOf, parentOf } from '../../kernel/orgs/codes.js';
import { latestDate } from '../../kernel/procedure.js';
import { inSubtree } from '../../kernel/scope.js';
import { nextNumber } from '../../kernel/sequence.js';
import { containsPattern } from '../../kernel/sql-text.js';
import { maskName, maskPhone } from '../../kernel/validate.js';
import { auditTimeline } from '../../kernel/workflow.js';
import {
  PASSING_REVIEW,
  STATUS_LABELS,
  type Status,
  type StepName,
  type TCreateDocument,
  type TListQuery,
  type ZFilingQuery,
  type ZFilingReview,
  type ZSteps,
} from './model.js';
import {
  BASIS,
  effectiveOnDefault,
  effectLabel,
  filingDue,
  filingRule,
  formatRegistrationNo,
  isTemporaryTitle,
  missingBefore,
  monthsBefore,
  stepProblem,
  TRANSITIONS,
  validUntilOf,
} from './rules.js';
import { normdocsDocuments as docs, normdocsCleanups, normdocsSuggestions } from './schema.js';
import { effectiveSettings } from './settings.js';

export const MODULE = 'normdocs';
export const ENTITY = 'normdocs.document';
/** The kernel's entity name for deadlines, consultations and legal reviews. */
export const KERNEL_ENTITY = 'document';
export type DocumentRow = typeof docs.$inferSelect;

const key = (id: number, step: string) => ({ module: MODULE, entity: KERNEL_ENTITY, entityId: id, step });

/** The county an org belongs to: where the public's 审查建议 land. */
export function countyOf(orgCode: string): string {
  return `${orgCode.slice(0, 6)}000000`;
}

export const TYPED_NUMBER_REFUSED =
  '统一登记号由系统按本机关登记序列自动编号(统一登记、统一编号、统一印发),不能手工填写';

function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
}

/** 起草: a draft in the issuing organ (乡镇 or the county). */
export async function createDocument(
  tx: Tx,
  input: TCreateDocument,
  actor: Actor,
  today = todayCal(),
): Promise<DocumentRow> {
  if (input.registrationNo !== undefined) throw new AppError('VALIDATION_FAILED', TYPED_NUMBER_REFUSED);
  const level = levelOf(input.orgCode);
  if (level !== 'township' && level !== 'county') {
    throw new AppError('INVALID_ORG_CODE', '行政规范性文件应由乡镇(街道)或县级机关制定');
  }
  const [org] = await tx.select({ code: orgs.code }).from(orgs).where(eq(orgs.code, input.orgCode));
  if (!org) throw new AppError('INVALID_ORG_CODE', `组织 ${input.orgCode} 不存在`);
  const draftedOn = input.draftedOn ?? today;
  if (draftedOn > today) throw new AppError('VALIDATION_FAILED', '起草日期不能晚于今天');
  const [row] = await tx
    .insert(docs)
    .values({
      orgCode: input.orgCode,
      title: input.title,
      docType: input.docType,
      draftUnit: input.draftUnit ?? null,
      summary: input.summary ?? null,
      body: input.body ?? null,
      temporary: input.temporary ?? isTemporaryTitle(input.title),
      status: 'draft',
      draftedOn,
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: 'normdocs.create',
    entity: ENTITY,
    entityId: row!.id,
    after: { ...row!, on: draftedOn, createdAt: undefined, updatedAt: undefined },
  });
  return row!;
}

function lastStepOn(d: DocumentRow): string {
  return latestDate([
    d.draftedOn,
    d.reviewSubmittedOn,
    d.reviewedOn,
    d.deliberatedOn,
    d.registeredOn,
    d.publishedOn,
    d.filedOn,
    d.filingReviewedOn,
    d.lastCleanupOn,
  ]);
}

/** The steps the document's state allows now (the permission filter comes on top). */
export function allowedSteps(d: DocumentRow, hasConsultation: boolean): StepName[] {
  const status = d.status as Status;
  return (Object.keys(TRANSITIONS) as StepName[]).filter((step) => {
    if (!TRANSITIONS[step].from.includes(status)) return false;
    switch (step) {
      case 'consult':
        return !hasConsultation;
      case 'submitReview':
        return status === 'draft' || !PASSING_REVIEW.includes(d.reviewResult ?? '');
      case 'file':
        return d.filedOn === null || d.filingResult === '纠正';
      default:
        return true;
    }
  });
}

function refusal(d: DocumentRow, step: StepName): string {
  switch (step) {
    case 'consult':
      return '该文件已公开征求过意见';
    case 'submitReview':
      return '合法性审核已通过,无需重新送审';
    case 'file':
      return d.filingResult === '合格' ? '该文件已备案审查合格' : '该文件已报送备案,正在备案审查中';
    default:
      return `「${TRANSITIONS[step].label}」不适用于该文件`;
  }
}

async function orgName(tx: Tx, code: string): Promise<string> {
  const [o] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.code, code));
  return o?.name ?? code;
}

type StepInput<S extends StepName> = z.infer<(typeof ZSteps)[S]>;

export async function runStep<S extends StepName>(
  tx: Tx,
  id: number,
  step: S,
  input: StepInput<S>,
  actor: Actor,
  today = todayCal(),
): Promise<DocumentRow> {
  const [before] = await tx.select().from(docs).where(eq(docs.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND');
  const i = input as Record<string, unknown>;
  if ('registrationNo' in i && i.registrationNo !== undefined) {
    throw new AppError('VALIDATION_FAILED', TYPED_NUMBER_REFUSED);
  }
  const on = step === 'consult' ? (i.opensOn as string) : ((i.on as string | undefined) ?? today);
  const fail = (message: string) => new AppError('INVALID_TRANSITION', message);
  // Guards that name what is missing come before the state machine's generic refusal.
  if (step === 'deliberate' || step === 'register' || step === 'publish') {
    const missing = missingBefore(step, before);
    if (missing.length) throw fail(`不能${TRANSITIONS[step].label},尚缺:${missing.join(';')}`);
  }
  if (step === 'deliberate') {
    const problem = await consultationProblem(tx, MODULE, KERNEL_ENTITY, id, today);
    if (problem) throw fail(`不能提交集体审议:${problem}`);
  }
  const status = before.status as Status;
  if (step !== 'consult') {
    const problem = stepProblem(status, step, on, lastStepOn(before), today);
    if (problem) throw fail(problem);
  } else if (!TRANSITIONS.consult.from.includes(status)) {
    throw fail(`当前状态为「${STATUS_LABELS[status]}」,只有起草阶段的文件可以公开征求意见`);
  }
  const consultation = step === 'consult' ? await consultationOf(tx, MODULE, KERNEL_ENTITY, id) : null;
  if (!allowedSteps(before, consultation !== null).includes(step)) throw fail(refusal(before, step));

  const settings = await effectiveSettings(tx, before.orgCode);
  const set: Partial<DocumentRow> = { updatedAt: new Date() };
  const to = TRANSITIONS[step].to;
  if (to) set.status = to;
  const audit: Record<string, unknown> = {};

  switch (step) {
    case 'consult': {
      const paragraphs =
        (i.paragraphs as string[] | undefined) ??
        (before.body ?? '')
          .split(/\n+/)
          .map((s) => s.trim())
          .filter(Boolean);
      const c = await openConsultation(
        tx,
        {
          orgCode: before.orgCode,
          module: MODULE,
          entity: KERNEL_ENTITY,
          entityId: id,
          title: `${before.title}(征求意见稿)`,
          summary: before.summary,
          paragraphs: paragraphs.length ? paragraphs : [before.title],
          opensOn: i.opensOn as string,
          closesOn: i.closesOn as string,
          shortenedReason: (i.shortenedReason as string | null | undefined) ?? null,
        },
        actor,
        today,
      );
      Object.assign(audit, { consultationId: c.id, closesOn: c.closesOn });
      break;
    }
    case 'submitReview':
      await submitLegalReview(
        tx,
        {
          orgCode: before.orgCode,
          module: MODULE,
          entity: KERNEL_ENTITY,
          entityId: id,
          title: before.title,
          submittedOn: on,
          workdays: settings.reviewWorkdays,
          legalBasis: `国办发〔2018〕115号;合法性审核期限${settings.reviewWorkdays}个工作日(本地规定)`,
        },
        actor,
      );
      set.reviewSubmittedOn = on;
      set.reviewedOn = null;
      set.reviewResult = null;
      break;
    case 'legalReview':
      await recordLegalReview(
        tx,
        {
          module: MODULE,
          entity: KERNEL_ENTITY,
          entityId: id,
          reviewedOn: on,
          result: i.result as LegalReviewResult,
          opinion: i.opinion as string,
        },
        actor,
      );
      set.reviewedOn = on;
      set.reviewResult = i.result as string;
      break;
    case 'deliberate':
      set.deliberatedOn = on;
      set.meeting = i.meeting as string;
      set.deliberationResult = i.result as string;
      if (i.result === '不予通过') set.status = 'reviewed';
      break;
    case 'register': {
      const year = Number(on.slice(0, 4));
      const name = await orgName(tx, before.orgCode);
      // The org's sequence; a number an imported ledger already holds is skipped, never reused.
      for (let tries = 0; ; tries++) {
        const n = await nextNumber(tx, `normdocs:${before.orgCode}:${year}`);
        const no = formatRegistrationNo(settings.numberFormat, { name, year, n });
        const [clash] = await tx.select({ id: docs.id }).from(docs).where(eq(docs.registrationNo, no));
        if (!clash || tries >= 1000) {
          set.registrationSeq = n;
          set.registrationNo = no;
          break;
        }
      }
      set.registeredOn = on;
      set.registrationYear = year;
      set.docNo = (i.docNo as string | null | undefined) ?? null;
      break;
    }
    case 'publish': {
      const byDefault = effectiveOnDefault(settings, on);
      const effectiveOn = (i.effectiveOn as string | undefined) ?? byDefault;
      if (effectiveOn < on) throw new AppError('VALIDATION_FAILED', '施行日期不能早于公布日期');
      if (effectiveOn < byDefault && !(i.effectiveReason as string | null | undefined)) {
        throw new AppError(
          'VALIDATION_FAILED',
          `施行日期早于公布后${settings.effectiveAfterDays}日(${byDefault}),须说明理由(如涉及国家安全、货币政策或不立即施行将有碍执行)`,
        );
      }
      const validUntil = validUntilOf(settings, effectiveOn, before.temporary);
      const filedTo = parentOf(before.orgCode);
      const dueOn = filingDue(settings, on);
      set.publishedOn = on;
      set.publishMedium = i.medium as string;
      set.effectiveOn = effectiveOn;
      set.validUntil = validUntil;
      set.filedTo = filedTo;
      set.filingDueOn = dueOn;
      await openDeadline(
        tx,
        {
          ...key(id, 'filing'),
          orgCode: before.orgCode,
          title: `规范性文件报送备案 ${before.registrationNo}`,
          rule: filingRule(settings),
          startsOn: on,
          legalBasis: BASIS.filing(settings.filingDays),
        },
        actor,
      );
      const remindOn = monthsBefore(validUntil, settings.reminderMonths);
      const reminder = remindOn < on ? on : remindOn;
      await openDeadline(
        tx,
        {
          ...key(id, 'expiryReminder'),
          orgCode: before.orgCode,
          title: `规范性文件有效期届满评估 ${before.registrationNo}(${validUntil}到期)`,
          rule: { kind: 'CAL_DAYS', n: daysBetween(on, reminder) },
          startsOn: on,
          dueOn: reminder,
          legalBasis: BASIS.expiry(settings.reminderMonths),
        },
        actor,
      );
      Object.assign(audit, { effectiveReason: i.effectiveReason ?? null });
      break;
    }
    case 'file': {
      if (before.filedOn === null) {
        set.filedOn = on;
        await completeDeadline(tx, key(id, 'filing'), on, actor);
        audit.late = before.filingDueOn !== null && on > before.filingDueOn;
      } else {
        // 纠正后重新报送: the first filing's date stays (报备及时率); the review starts over.
        set.filingResult = null;
        set.filingReviewedOn = null;
        audit.refiled = true;
      }
      audit.filedTo = before.filedTo;
      audit.note = i.note ?? null;
      break;
    }
    case 'cleanup': {
      const result = i.result as string;
      await tx.insert(normdocsCleanups).values({
        documentId: id,
        orgCode: before.orgCode,
        campaign: i.campaign as string,
        result,
        reviewedOn: on,
        note: (i.note as string | null | undefined) ?? null,
        createdBy: actor.id,
      });
      set.lastCleanupOn = on;
      set.lastCleanupResult = result;
      if (result === '废止' || result === '失效') {
        set.status = result === '废止' ? 'repealed' : 'expired';
        set.endedOn = on;
        await completeDeadline(tx, key(id, 'expiryReminder'), on, actor, 'cancelled');
      } else {
        await completeDeadline(tx, key(id, 'expiryReminder'), on, actor);
      }
      Object.assign(audit, { campaign: i.campaign, result, note: i.note ?? null });
      break;
    }
  }
  const [after] = await tx.update(docs).set(set).where(eq(docs.id, id)).returning();
  await appendAudit(tx, {
    actor,
    orgCode: before.orgCode,
    action: `normdocs.${step}`,
    entity: ENTITY,
    entityId: id,
    before: { status: before.status },
    after: { ...set, ...audit, on, updatedAt: undefined },
  });
  return after!;
}

/**
 * 备案审查 by the organ the document was filed to: 合格, or 纠正 with the reason.
 * `mayReview(filedTo)`: the caller holds normdocs.filingReview on the organ filed to (not only on the issuer).
 */
export async function reviewFiling(
  tx: Tx,
  id: number,
  input: z.infer<typeof ZFilingReview>,
  actor: Actor,
  mayReview: (filedTo: string) => boolean,
  today = todayCal(),
): Promise<DocumentRow> {
  const [d] = await tx.select().from(docs).where(eq(docs.id, id)).for('update');
  if (!d) throw new AppError('NOT_FOUND');
  if (!d.filedOn) throw new AppError('INVALID_TRANSITION', '该文件尚未报送备案');
  if (d.filingResult) throw new AppError('INVALID_TRANSITION', `该备案已审查(${d.filingResult})`);
  if (!d.filedTo || !mayReview(d.filedTo)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `备案审查由备案机关(${d.filedTo ? await orgName(tx, d.filedTo) : '上一级'})进行`,
    );
  }
  const on = input.on ?? today;
  if (on > today) throw new AppError('VALIDATION_FAILED', '日期不能晚于今天');
  if (on < d.filedOn) throw new AppError('VALIDATION_FAILED', `审查日期不能早于报备日期 ${d.filedOn}`);
  const reason = input.reason?.trim() || null;
  if (input.result === '纠正' && (!reason || reason.length < 2)) {
    throw new AppError('VALIDATION_FAILED', '审查结果为「纠正」的,应写明纠正理由');
  }
  const set: Partial<DocumentRow> = {
    filingReviewedOn: on,
    filingResult: input.result,
    filingReason: reason,
    filingReviewer: actor.name,
    updatedAt: new Date(),
  };
  if (input.result === '纠正') set.filingCorrections = d.filingCorrections + 1;
  const [after] = await tx.update(docs).set(set).where(eq(docs.id, id)).returning();
  await appendAudit(tx, {
    actor,
    orgCode: d.orgCode,
    action: 'normdocs.filingReview',
    entity: ENTITY,
    entityId: id,
    after: { ...set, on, updatedAt: undefined },
  });
  return after!;
}

// ---------------------------------------------------------------------------
// Reading

const inForce = (asOf: string): SQL =>
  sql`(${docs.status} = 'published' AND ${docs.effectiveOn} <= ${asOf} AND (${docs.validUntil} IS NULL OR ${docs.validUntil} >= ${asOf}))`;
/** Published and not yet past its validity: what the portal library shows (尚未施行 included). */
export const publicLibrary = (asOf: string): SQL =>
  sql`(${docs.status} = 'published' AND (${docs.validUntil} IS NULL OR ${docs.validUntil} >= ${asOf}))`;

export function listConditions(orgCode: string, q: TListQuery, asOf: string, extra?: SQL): SQL[] {
  const c: SQL[] = [inSubtree(docs.orgCode, orgCode)];
  if (q.status) c.push(eq(docs.status, q.status));
  if (q.docType) c.push(eq(docs.docType, q.docType));
  if (q.from) c.push(sql`coalesce(${docs.publishedOn}, ${docs.draftedOn}) >= ${q.from}`);
  if (q.to) c.push(sql`coalesce(${docs.publishedOn}, ${docs.draftedOn}) <= ${q.to}`);
  if (q.inForce) c.push(inForce(asOf));
  if (q.unfiled)
    c.push(sql`${docs.status} IN ('published', 'repealed', 'expired') AND ${docs.filedOn} IS NULL`);
  if (q.expiringBefore) {
    c.push(sql`${docs.status} = 'published' AND ${docs.validUntil} <= ${q.expiringBefore}`);
  }
  if (q.q) {
    const like = containsPattern(q.q);
    c.push(
      or(
        sql`${docs.title} LIKE ${like}`,
        sql`${docs.docNo} LIKE ${like}`,
        sql`${docs.registrationNo} LIKE ${like}`,
      )!,
    );
  }
  if (extra) c.push(extra);
  return c;
}

function ledgerItem(d: DocumentRow, orgNameText: string | null, asOf: string) {
  return {
    id: d.id,
    orgCode: d.orgCode,
    orgName: orgNameText,
    title: d.title,
    docType: d.docType,
    draftUnit: d.draftUnit,
    docNo: d.docNo,
    registrationNo: d.registrationNo,
    temporary: d.temporary,
    status: d.status,
    statusLabel: STATUS_LABELS[d.status as Status] ?? d.status,
    effect: effectLabel(d, asOf),
    draftedOn: d.draftedOn,
    reviewedOn: d.reviewedOn,
    reviewResult: d.reviewResult,
    deliberatedOn: d.deliberatedOn,
    meeting: d.meeting,
    publishedOn: d.publishedOn,
    effectiveOn: d.effectiveOn,
    validUntil: d.validUntil,
    filingDueOn: d.filingDueOn,
    filedOn: d.filedOn,
    filingLate: Boolean(d.filingDueOn && (d.filedOn ? d.filedOn > d.filingDueOn : asOf > d.filingDueOn)),
    filingResult: d.filingResult,
    lastCleanupResult: d.lastCleanupResult,
  };
}

export async function listDocuments(
  db: Tx,
  orgCode: string,
  q: TListQuery,
  asOf: string,
  extra?: SQL,
  all = false,
) {
  const where = and(...listConditions(orgCode, q, asOf, extra));
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(docs).where(where);
  const base = db
    .select({ d: docs, orgName: orgs.name })
    .from(docs)
    .leftJoin(orgs, eq(orgs.code, docs.orgCode))
    .where(where)
    .orderBy(sql`coalesce(${docs.publishedOn}, ${docs.draftedOn}) DESC`, desc(docs.id));
  const list = all
    ? await base.limit(100_000)
    : await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { total: Number(n), items: list.map((r) => ledgerItem(r.d, r.orgName, asOf)) };
}

/** 备案审查: the filings made to `orgCode` or an org in its subtree (the county sees every township's). */
export async function listFilings(db: Tx, orgCode: string, q: z.infer<typeof ZFilingQuery>, asOf: string) {
  const c: SQL[] = [sql`${docs.filedOn} IS NOT NULL`, inSubtree(docs.filedTo, orgCode)];
  if (q.pending) c.push(isNull(docs.filingResult));
  if (q.result) c.push(eq(docs.filingResult, q.result));
  const where = and(...c);
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(docs).where(where);
  const list = await db
    .select({ d: docs, orgName: orgs.name })
    .from(docs)
    .leftJoin(orgs, eq(orgs.code, docs.orgCode))
    .where(where)
    .orderBy(desc(docs.filedOn), desc(docs.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    total: Number(n),
    items: list.map((r) => ({
      ...ledgerItem(r.d, r.orgName, asOf),
      filedTo: r.d.filedTo,
      filingReviewedOn: r.d.filingReviewedOn,
      filingReason: r.d.filingReason,
      filingReviewer: r.d.filingReviewer,
      filingCorrections: r.d.filingCorrections,
    })),
  };
}

export const ACTION_LABELS: Record<string, string> = {
  'normdocs.create': '起草',
  'normdocs.import': '从发文台账导入',
  'normdocs.filingReview': '备案审查',
  ...Object.fromEntries(Object.entries(TRANSITIONS).map(([k, t]) => [`normdocs.${k}`, t.label])),
};

export async function getDocument(
  db: Tx,
  id: number,
  opts: { draft: boolean; review: boolean; filingReview: (org: string) => boolean },
  asOf = todayCal(),
) {
  const [row] = await db
    .select({ d: docs, orgName: orgs.name })
    .from(docs)
    .leftJoin(orgs, eq(orgs.code, docs.orgCode))
    .where(eq(docs.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const d = row.d;
  const consultation = await consultationOf(db, MODULE, KERNEL_ENTITY, id);
  const reviews = await legalReviewsOf(db, d.orgCode, MODULE, KERNEL_ENTITY, id);
  const cleanups = await db
    .select()
    .from(normdocsCleanups)
    .where(eq(normdocsCleanups.documentId, id))
    .orderBy(asc(normdocsCleanups.id));
  const limits = await db
    .select({
      step: deadlines.step,
      title: deadlines.title,
      startsOn: deadlines.startsOn,
      dueOn: deadlines.dueOn,
      status: deadlines.status,
      doneOn: deadlines.doneOn,
      legalBasis: deadlines.legalBasis,
    })
    .from(deadlines)
    .where(
      and(
        eq(deadlines.module, MODULE),
        eq(deadlines.entity, KERNEL_ENTITY),
        eq(deadlines.entityId, String(id)),
      ),
    )
    .orderBy(deadlines.id);
  const steps = allowedSteps(d, consultation !== null).filter((s) =>
    TRANSITIONS[s].perm === 'normdocs.review' ? opts.review : opts.draft,
  );
  const missing =
    d.status === 'draft' || d.status === 'review' || d.status === 'reviewed'
      ? missingBefore('deliberate', d)
      : d.status === 'deliberated' || d.status === 'registered'
        ? missingBefore('publish', d)
        : [];
  const consultationBlock =
    d.status === 'reviewed' ? await consultationProblem(db, MODULE, KERNEL_ENTITY, id, asOf) : null;
  return {
    ...d,
    orgName: row.orgName,
    filedToName: d.filedTo ? await orgName(db, d.filedTo) : null,
    statusLabel: STATUS_LABELS[d.status as Status] ?? d.status,
    effect: effectLabel(d, asOf),
    consultation: consultation
      ? {
          id: consultation.id,
          opensOn: consultation.opensOn,
          closesOn: consultation.closesOn,
          resultsPublishedOn: consultation.resultsPublishedOn,
          counts: consultation.counts,
        }
      : null,
    legalReviews: reviews,
    cleanups,
    deadlines: limits.map((l) => ({
      ...l,
      overdue: l.status === 'open' && l.dueOn < asOf,
      late: l.status === 'done' && l.doneOn !== null && l.doneOn > l.dueOn,
    })),
    missing: consultationBlock ? [...missing, consultationBlock] : missing,
    allowedSteps: steps.map((s) => ({ step: s, label: TRANSITIONS[s].label })),
    canFilingReview:
      d.filedOn !== null && d.filingResult === null && d.filedTo !== null && opts.filingReview(d.filedTo),
    timeline: await auditTimeline(db, ENTITY, id, ACTION_LABELS),
  };
}

// ---------------------------------------------------------------------------
// 审查建议 (public requests to review a document)

/** Documents the public may see: published at some point (in force, expired or repealed). */
const everPublished = sql`${docs.publishedOn} IS NOT NULL`;

export async function submitSuggestion(
  tx: Tx,
  documentId: number,
  input: { text: string; authorName?: string | null; contact?: string | null },
  today = todayCal(),
) {
  const [d] = await tx
    .select({ id: docs.id, orgCode: docs.orgCode, title: docs.title })
    .from(docs)
    .where(and(eq(docs.id, documentId), everPublished));
  if (!d) throw new AppError('NOT_FOUND', '该文件不存在或尚未公布');
  const [row] = await tx
    .insert(normdocsSuggestions)
    .values({
      orgCode: countyOf(d.orgCode),
      documentId,
      text: input.text,
      authorName: input.authorName?.trim() || null,
      contact: input.contact?.trim() || null,
      submittedOn: today,
    })
    .returning();
  await appendAudit(tx, {
    actor: { id: null, name: '公众' },
    orgCode: row!.orgCode,
    action: 'normdocs.suggestion',
    entity: 'normdocs.suggestion',
    entityId: row!.id,
    after: {
      documentId,
      text: row!.text,
      authorName: row!.authorName ? maskName(row!.authorName) : null,
      contact: row!.contact ? maskPhone(row!.contact) : null,
      on: today,
    },
  });
  return { id: row!.id, submittedOn: row!.submittedOn, handledBy: await orgName(tx, row!.orgCode) };
}

export async function listSuggestions(
  db: Tx,
  orgCode: string,
  q: { pending?: '1'; page: number },
  personal: boolean,
) {
  const c: SQL[] = [inSubtree(normdocsSuggestions.orgCode, orgCode)];
  if (q.pending) c.push(isNull(normdocsSuggestions.repliedOn));
  const where = and(...c);
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(normdocsSuggestions)
    .where(where);
  const list = await db
    .select({ s: normdocsSuggestions, title: docs.title, registrationNo: docs.registrationNo })
    .from(normdocsSuggestions)
    .innerJoin(docs, eq(docs.id, normdocsSuggestions.documentId))
    .where(where)
    .orderBy(desc(normdocsSuggestions.submittedOn), desc(normdocsSuggestions.id))
    .limit(20)
    .offset((q.page - 1) * 20);
  return {
    total: Number(n),
    items: list.map(({ s, ...r }) => ({
      ...s,
      ...r,
      authorName: s.authorName && !personal ? maskName(s.authorName) : s.authorName,
      contact: s.contact && !personal ? maskPhone(s.contact) : s.contact,
    })),
  };
}

export async function replySuggestion(
  tx: Tx,
  id: number,
  input: { reply: string; on?: string },
  actor: Actor,
  today = todayCal(),
) {
  const [s] = await tx.select().from(normdocsSuggestions).where(eq(normdocsSuggestions.id, id)).for('update');
  if (!s) throw new AppError('NOT_FOUND');
  if (s.repliedOn) throw new AppError('INVALID_TRANSITION', '该审查建议已答复');
  const on = input.on ?? today;
  if (on > today || on < s.submittedOn) {
    throw new AppError('VALIDATION_FAILED', `答复日期应在 ${s.submittedOn} 至今天之间`);
  }
  const [row] = await tx
    .update(normdocsSuggestions)
    .set({ repliedOn: on, reply: input.reply, repliedBy: actor.id })
    .where(eq(normdocsSuggestions.id, id))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: s.orgCode,
    action: 'normdocs.suggestion.reply',
    entity: 'normdocs.suggestion',
    entityId: id,
    after: { reply: input.reply, on },
  });
  return row!;
}

// ---------------------------------------------------------------------------
// Portal

export async function publicList(db: Tx, q: { org?: string; q?: string; page: number }, asOf: string) {
  const c: SQL[] = [publicLibrary(asOf)];
  if (q.org) c.push(inSubtree(docs.orgCode, q.org));
  if (q.q) {
    const like = containsPattern(q.q);
    c.push(or(sql`${docs.title} LIKE ${like}`, sql`${docs.registrationNo} LIKE ${like}`)!);
  }
  const where = and(...c);
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(docs).where(where);
  const list = await db
    .select({ d: docs, orgName: orgs.name })
    .from(docs)
    .leftJoin(orgs, eq(orgs.code, docs.orgCode))
    .where(where)
    .orderBy(desc(docs.publishedOn), desc(docs.id))
    .limit(20)
    .offset((q.page - 1) * 20);
  return { total: Number(n), items: list.map((r) => publicView(r.d, r.orgName, asOf)) };
}

function publicView(d: DocumentRow, orgNameText: string | null, asOf: string) {
  return {
    id: d.id,
    orgName: orgNameText,
    title: d.title,
    docType: d.docType,
    registrationNo: d.registrationNo,
    docNo: d.docNo,
    publishedOn: d.publishedOn,
    effectiveOn: d.effectiveOn,
    validUntil: d.validUntil,
    temporary: d.temporary,
    effect: effectLabel(d, asOf),
  };
}

export async function publicDocument(db: Tx, id: number, asOf: string) {
  const [row] = await db
    .select({ d: docs, orgName: orgs.name })
    .from(docs)
    .leftJoin(orgs, eq(orgs.code, docs.orgCode))
    .where(and(eq(docs.id, id), everPublished));
  if (!row) throw new AppError('NOT_FOUND', '该文件不存在或尚未公布');
  const d = row.d;
  const cleanups = await db
    .select({
      campaign: normdocsCleanups.campaign,
      result: normdocsCleanups.result,
      reviewedOn: normdocsCleanups.reviewedOn,
    })
    .from(normdocsCleanups)
    .where(eq(normdocsCleanups.documentId, id))
    .orderBy(asc(normdocsCleanups.id));
  const history = [
    d.reviewedOn && { on: d.reviewedOn, label: `合法性审核(${d.reviewResult})` },
    d.deliberatedOn && { on: d.deliberatedOn, label: `集体审议:${d.meeting ?? ''}` },
    d.registeredOn && { on: d.registeredOn, label: `统一登记编号 ${d.registrationNo}` },
    d.publishedOn && { on: d.publishedOn, label: `公布(${d.publishMedium ?? '政府网站'})` },
    d.effectiveOn && { on: d.effectiveOn, label: '施行' },
    d.filedOn && { on: d.filedOn, label: '报送备案' },
    ...cleanups.map((c) => ({ on: c.reviewedOn, label: `${c.campaign}:${c.result}` })),
  ].filter((h): h is { on: string; label: string } => Boolean(h));
  history.sort((a, b) => a.on.localeCompare(b.on));
  return { ...publicView(d, row.orgName, asOf), summary: d.summary, body: d.body, history };
}
