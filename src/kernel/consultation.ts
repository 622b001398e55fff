/**
 * 公开征求意见 (DOMAIN.md §9, §10): a draft published on the portal for a period, comments on the
 * whole text or a paragraph, an answer (采纳/部分采纳/不采纳 with a reason) to each after closing,
 * then the results published. Shared by the decisions and normdocs modules.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, appendAudit } from './audit.js';
import { addDays, isValidDate, today as todayCal } from './calendar.js';
import type { Tx } from './db/client.js';
import { comments, consultations } from './db/schema.js';
import { AppError } from './errors.js';
import { isOrgCode } from './orgs/codes.js';

export type ConsultationRow = typeof consultations.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;

export const COMMENT_DECISIONS = ['采纳', '部分采纳', '不采纳'] as const;
export type CommentDecision = (typeof COMMENT_DECISIONS)[number];

/** 《重大行政决策程序暂行条例》第十五条: 征求意见期限一般不少于30日. */
export const MIN_CONSULTATION_DAYS = 30;
export const CONSULTATION_BASIS = '《重大行政决策程序暂行条例》第十五条';

const PUBLIC_ACTOR: Actor = { id: null, name: '公众' };

/** scheduled: not yet open; open: taking comments; closed: period over; published: results public. */
export type ConsultationStatus = 'scheduled' | 'open' | 'closed' | 'published';
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = {
  scheduled: '未开始',
  open: '征求意见中',
  closed: '已截止',
  published: '已公布采纳情况',
};

export function consultationStatus(
  c: Pick<ConsultationRow, 'opensOn' | 'closesOn' | 'resultsPublishedOn'>,
  today: string,
): ConsultationStatus {
  if (c.resultsPublishedOn) return 'published';
  if (today < c.opensOn) return 'scheduled';
  if (today <= c.closesOn) return 'open';
  return 'closed';
}

/** Days of the period, both ends included: 3月1日至3月30日 is 30 days. */
export function periodDays(opensOn: string, closesOn: string): number {
  let n = 1;
  for (let d = opensOn; d < closesOn; d = addDays(d, 1)) n++;
  return n;
}

export interface OpenConsultation {
  orgCode: string;
  module: string;
  entity: string;
  entityId: string | number;
  title: string;
  summary?: string | null;
  paragraphs: string[] | { no: number; text: string }[];
  opensOn: string;
  closesOn: string;
  /** Required when the period is shorter than `minDays` (决策条例第十五条: 少于30日的应说明理由). */
  shortenedReason?: string | null;
  /** Default 30. */
  minDays?: number;
}

function normaliseParagraphs(input: OpenConsultation['paragraphs']): { no: number; text: string }[] {
  const list = input.map((p, i) =>
    typeof p === 'string' ? { no: i + 1, text: p.trim() } : { no: p.no, text: p.text.trim() },
  );
  const out = list.filter((p) => p.text !== '');
  if (out.length === 0) throw new AppError('VALIDATION_FAILED', '征求意见稿正文不能为空');
  const seen = new Set<number>();
  for (const p of out) {
    if (!Number.isInteger(p.no) || p.no < 1) throw new AppError('VALIDATION_FAILED', '段落编号应为正整数');
    if (seen.has(p.no)) throw new AppError('VALIDATION_FAILED', `段落编号重复: 第${p.no}段`);
    seen.add(p.no);
  }
  return out;
}

/** Publish a draft for public comment. One consultation per draft (module, entity, entityId). */
export async function openConsultation(
  tx: Tx,
  input: OpenConsultation,
  actor: Actor,
  _today: string = todayCal(),
): Promise<ConsultationRow> {
  if (!isOrgCode(input.orgCode)) throw new AppError('INVALID_ORG_CODE', `组织代码无效: ${input.orgCode}`);
  const title = input.title.trim();
  if (!title) throw new AppError('VALIDATION_FAILED', '请填写征求意见稿标题');
  if (!isValidDate(input.opensOn) || !isValidDate(input.closesOn)) {
    throw new AppError('INVALID_DATE', '征求意见起止日期应为 YYYY-MM-DD');
  }
  if (input.closesOn < input.opensOn) throw new AppError('INVALID_DATE', '截止日期不能早于开始日期');
  const paragraphs = normaliseParagraphs(input.paragraphs);
  const minDays = input.minDays ?? MIN_CONSULTATION_DAYS;
  const days = periodDays(input.opensOn, input.closesOn);
  const reason = input.shortenedReason?.trim() || null;
  if (days < minDays && !reason) {
    throw new AppError(
      'VALIDATION_FAILED',
      `征求意见期限为${days}日,少于${minDays}日,须说明理由(${CONSULTATION_BASIS})`,
    );
  }
  const entityId = String(input.entityId);
  const [existing] = await tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(
      and(
        eq(consultations.module, input.module),
        eq(consultations.entity, input.entity),
        eq(consultations.entityId, entityId),
      ),
    );
  if (existing) throw new AppError('DUPLICATE', '该草案已公开征求过意见');
  const [row] = await tx
    .insert(consultations)
    .values({
      orgCode: input.orgCode,
      module: input.module,
      entity: input.entity,
      entityId,
      title,
      summary: input.summary?.trim() || null,
      paragraphs,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      shortenedReason: days < minDays ? reason : null,
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: 'consultation.open',
    entity: 'kernel.consultation',
    entityId: row!.id,
    after: { ...row, createdAt: undefined },
  });
  return row!;
}

export async function getConsultation(tx: Tx, id: number): Promise<ConsultationRow | null> {
  const [row] = await tx.select().from(consultations).where(eq(consultations.id, id));
  return row ?? null;
}

async function counts(tx: Tx, consultationId: number): Promise<{ comments: number; answered: number }> {
  const [c] = await tx
    .select({
      comments: sql<number>`count(*)::int`,
      answered: sql<number>`count(*) FILTER (WHERE ${comments.decision} IS NOT NULL)::int`,
    })
    .from(comments)
    .where(eq(comments.consultationId, consultationId));
  return { comments: Number(c?.comments ?? 0), answered: Number(c?.answered ?? 0) };
}

export type ConsultationWithCounts = ConsultationRow & { counts: { comments: number; answered: number } };

/** The consultation on a draft, with its comment counts; null when there was none. */
export async function consultationOf(
  tx: Tx,
  module: string,
  entity: string,
  entityId: string | number,
): Promise<ConsultationWithCounts | null> {
  const [row] = await tx
    .select()
    .from(consultations)
    .where(
      and(
        eq(consultations.module, module),
        eq(consultations.entity, entity),
        eq(consultations.entityId, String(entityId)),
      ),
    );
  if (!row) return null;
  return { ...row, counts: await counts(tx, row.id) };
}

/**
 * What stands in the way of the next step: null when there was no consultation, or it closed and
 * every comment was answered; otherwise the reason in Chinese.
 */
export async function consultationProblem(
  tx: Tx,
  module: string,
  entity: string,
  entityId: string | number,
  today: string = todayCal(),
): Promise<string | null> {
  const c = await consultationOf(tx, module, entity, entityId);
  if (!c) return null;
  if (c.closesOn >= today) return `征求意见期未届满(至 ${c.closesOn})`;
  const open = c.counts.comments - c.counts.answered;
  if (open > 0) return `尚有${open}条公众意见未逐条答复`;
  return null;
}

export async function commentsOf(tx: Tx, consultationId: number): Promise<CommentRow[]> {
  return tx
    .select()
    .from(comments)
    .where(eq(comments.consultationId, consultationId))
    .orderBy(asc(comments.submittedAt), asc(comments.id));
}

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** Now, or — when `today` is another day (a frozen clock, back-filled data) — that day at the current time. */
function submittedAtOn(today: string): Date {
  const now = new Date();
  const [date, time] = SHANGHAI.format(now).split(' ') as [string, string];
  return date === today ? now : new Date(`${today}T${time}+08:00`);
}

export interface SubmitComment {
  paragraphNo?: number | null;
  text: string;
  authorName?: string | null;
  contact?: string | null;
}

/** A citizen's comment, accepted only while the period is open. */
export async function submitComment(
  tx: Tx,
  consultationId: number,
  input: SubmitComment,
  today: string = todayCal(),
): Promise<CommentRow> {
  const c = await getConsultation(tx, consultationId);
  if (!c || today < c.opensOn) throw new AppError('NOT_FOUND', '征求意见稿不存在或尚未公开');
  if (today > c.closesOn || c.resultsPublishedOn) {
    throw new AppError('INVALID_TRANSITION', `征求意见已于 ${c.closesOn} 截止,不再接收意见`);
  }
  const text = input.text.trim();
  if (text.length < 2) throw new AppError('VALIDATION_FAILED', '请填写意见内容');
  if (text.length > 5000) throw new AppError('VALIDATION_FAILED', '意见内容不能超过5000字');
  const paragraphNo = input.paragraphNo ?? null;
  if (paragraphNo !== null && !c.paragraphs.some((p) => p.no === paragraphNo)) {
    throw new AppError('VALIDATION_FAILED', `征求意见稿没有第${paragraphNo}段`);
  }
  const [row] = await tx
    .insert(comments)
    .values({
      consultationId,
      submittedAt: submittedAtOn(today),
      orgCode: c.orgCode,
      paragraphNo,
      text,
      authorName: input.authorName?.trim() || null,
      contact: input.contact?.trim() || null,
    })
    .returning();
  // The contact stays out of the audit trail: it is personal data, kept in one place.
  await appendAudit(tx, {
    actor: PUBLIC_ACTOR,
    orgCode: c.orgCode,
    action: 'consultation.comment',
    entity: 'kernel.comment',
    entityId: row!.id,
    after: { consultationId, paragraphNo, text },
  });
  return row!;
}

export interface AnswerComment {
  decision: CommentDecision;
  reason?: string | null;
}

/** 逐条答复: after the period closed, before the results are published. */
export async function answerComment(
  tx: Tx,
  commentId: number,
  input: AnswerComment,
  actor: Actor,
  today: string = todayCal(),
): Promise<CommentRow> {
  const [cm] = await tx.select().from(comments).where(eq(comments.id, commentId));
  if (!cm) throw new AppError('NOT_FOUND');
  const c = (await getConsultation(tx, cm.consultationId))!;
  if (today <= c.closesOn) {
    throw new AppError('INVALID_TRANSITION', `征求意见期未届满(至 ${c.closesOn}),截止后再逐条答复`);
  }
  if (c.resultsPublishedOn) throw new AppError('INVALID_TRANSITION', '采纳情况已公布,不能再修改答复');
  if (!(COMMENT_DECISIONS as readonly string[]).includes(input.decision)) {
    throw new AppError('VALIDATION_FAILED', '采纳情况应为 采纳、部分采纳 或 不采纳');
  }
  const reason = input.reason?.trim() || null;
  if (input.decision !== '采纳' && !reason) {
    throw new AppError('VALIDATION_FAILED', `「${input.decision}」须说明理由`);
  }
  const [row] = await tx
    .update(comments)
    .set({ decision: input.decision, reason, answeredBy: actor.id, answeredOn: today })
    .where(eq(comments.id, commentId))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: cm.orgCode,
    action: 'consultation.answer',
    entity: 'kernel.comment',
    entityId: commentId,
    before: { decision: cm.decision, reason: cm.reason },
    after: { decision: row!.decision, reason: row!.reason },
  });
  return row!;
}

/** 公布意见采纳情况: once every comment has its answer. */
export async function publishConsultationResults(
  tx: Tx,
  consultationId: number,
  input: { adoptionNote: string },
  actor: Actor,
  today: string = todayCal(),
): Promise<ConsultationRow> {
  const c = await getConsultation(tx, consultationId);
  if (!c) throw new AppError('NOT_FOUND');
  if (c.resultsPublishedOn)
    throw new AppError('INVALID_TRANSITION', `采纳情况已于 ${c.resultsPublishedOn} 公布`);
  if (today <= c.closesOn) throw new AppError('INVALID_TRANSITION', `征求意见期未届满(至 ${c.closesOn})`);
  const n = await counts(tx, consultationId);
  if (n.answered < n.comments) {
    throw new AppError('INVALID_TRANSITION', `尚有${n.comments - n.answered}条公众意见未逐条答复`);
  }
  const adoptionNote = input.adoptionNote.trim();
  if (!adoptionNote) throw new AppError('VALIDATION_FAILED', '请填写意见采纳情况说明');
  const [row] = await tx
    .update(consultations)
    .set({ resultsPublishedOn: today, adoptionNote })
    .where(eq(consultations.id, consultationId))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: c.orgCode,
    action: 'consultation.publish',
    entity: 'kernel.consultation',
    entityId: consultationId,
    after: { resultsPublishedOn: today, adoptionNote, ...n },
  });
  return row!;
}

/**
 * End an open period early (a staff decision with its reason): it is recorded as closing yesterday,
 * the reason kept as the period's shortened-period reason, so compliance figures see it.
 */
export async function endConsultationEarly(
  tx: Tx,
  id: number,
  reason: string,
  actor: Actor,
  today: string = todayCal(),
): Promise<ConsultationRow> {
  const c = await getConsultation(tx, id);
  if (!c) throw new AppError('NOT_FOUND');
  if (c.closesOn < today) throw new AppError('INVALID_TRANSITION', `征求意见已于 ${c.closesOn} 截止`);
  const closesOn = addDays(today, -1);
  if (closesOn < c.opensOn) throw new AppError('INVALID_TRANSITION', '征求意见当日开始的,不能当日结束');
  const shortenedReason = `提前结束:${reason}`;
  const [row] = await tx
    .update(consultations)
    .set({ closesOn, shortenedReason })
    .where(eq(consultations.id, id))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: c.orgCode,
    action: 'consultation.closeEarly',
    entity: 'kernel.consultation',
    entityId: id,
    before: { closesOn: c.closesOn, shortenedReason: c.shortenedReason },
    after: { closesOn, shortenedReason, days: periodDays(c.opensOn, closesOn) },
  });
  return row!;
}
