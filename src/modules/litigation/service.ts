import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import { rows as sqlRows, type Tx } from '../../kernel/db/client.js';
import { deadlines } from '../../kernel/db/schema.js';
import { hasOverdueStep } from '../../kernel/deadline-sql.js';
import {
  completeDeadline,
  type OpenDeadline,
  openDeadline,
  recordDeadlines,
} from '../../kernel/deadlines.js';
import { AppError } from '../../kernel/errors.js';
import { isInSubtree } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { containsPattern } from '../../kernel/sql-text.js';
import { maskIdCard, maskName, maskPhone } from '../../kernel/validate.js';
import { auditTimeline } from '../../kernel/workflow.js';
import { assertLinkableCase, revokeEnforcement, revokes } from './links.js';
import {
  BASIS,
  CORRECTING,
  LAWSUIT_STEP_LABELS,
  type LawsuitStep,
  LIMITS,
  MODULE,
  NOT_HEARD,
  RECONSIDERATION_STEP_LABELS,
  type ReconsiderationStep,
  SUGGESTION_REPLY_DAYS,
  suggestProcedure,
  type TAppearance,
  type TCreateLawsuit,
  type TCreateReconsideration,
} from './model.js';
import { hearings, lawsuits, reconsiderations } from './schema.js';

export type Reconsideration = typeof reconsiderations.$inferSelect;
export type NewReconsideration = typeof reconsiderations.$inferInsert;
export type Lawsuit = typeof lawsuits.$inferSelect;
export type NewLawsuit = typeof lawsuits.$inferInsert;
export type Hearing = typeof hearings.$inferSelect;
export type NewHearing = Omit<typeof hearings.$inferInsert, 'lawsuitId' | 'orgCode'>;

/** Audit entities (the timeline reads them) and kernel deadline entities. */
export const ENTITY = {
  reconsideration: 'litigation.reconsideration',
  lawsuit: 'litigation.lawsuit',
} as const;
const DL = { reconsideration: 'reconsideration', lawsuit: 'lawsuit', hearing: 'hearing' } as const;

const fail = (message: string) => new AppError('VALIDATION_FAILED', message);
const refuse = (message: string) => new AppError('INVALID_TRANSITION', message);

// ---------------------------------------------------------------------------
// Deadlines

export function replyDeadline(
  r: Pick<Reconsideration, 'id' | 'orgCode' | 'procedure' | 'receivedOn' | 'caseNo' | 'applicantName'>,
): OpenDeadline {
  return {
    orgCode: r.orgCode,
    module: MODULE,
    entity: DL.reconsideration,
    entityId: r.id,
    step: 'reply',
    title: `行政复议书面答复并提交证据 ${r.caseNo ?? ''}`.trim(),
    rule: r.procedure === '简易' ? LIMITS.replySimple : LIMITS.replyOrdinary,
    startsOn: r.receivedOn,
    legalBasis: BASIS.reply,
  };
}

export function rectifyDeadline(
  r: Pick<Reconsideration, 'id' | 'orgCode' | 'caseNo'>,
  receivedOn: string,
): OpenDeadline {
  return {
    orgCode: r.orgCode,
    module: MODULE,
    entity: DL.reconsideration,
    entityId: r.id,
    step: 'rectify',
    title: `行政复议意见书整改并报送 ${r.caseNo ?? ''}`.trim(),
    rule: LIMITS.rectify,
    startsOn: receivedOn,
    legalBasis: BASIS.rectify,
  };
}

export function answerDeadline(l: Pick<Lawsuit, 'id' | 'orgCode' | 'filedOn' | 'caseNo'>): OpenDeadline {
  return {
    orgCode: l.orgCode,
    module: MODULE,
    entity: DL.lawsuit,
    entityId: l.id,
    step: 'answer',
    title: `行政诉讼答辩并提交证据 ${l.caseNo ?? ''}`.trim(),
    rule: LIMITS.answer,
    startsOn: l.filedOn,
    legalBasis: BASIS.answer,
  };
}

export function suggestionDeadline(
  l: Pick<Lawsuit, 'id' | 'orgCode' | 'caseNo'>,
  kind: string,
  receivedOn: string,
  days: number,
): OpenDeadline {
  return {
    orgCode: l.orgCode,
    module: MODULE,
    entity: DL.lawsuit,
    entityId: l.id,
    step: 'suggestion',
    title: `回复${kind} ${l.caseNo ?? ''}`.trim(),
    rule: { kind: 'CAL_DAYS', n: days },
    startsOn: receivedOn,
    legalBasis: BASIS.suggestion,
  };
}

/** "开庭 {date} 出庭记录", due on the hearing day; closed when the appearance is recorded. */
export function appearDeadline(
  h: { id: number; orgCode: string; hearingOn: string },
  caseNo: string | null,
  startsOn: string,
): OpenDeadline {
  return {
    orgCode: h.orgCode,
    module: MODULE,
    entity: DL.hearing,
    entityId: h.id,
    step: 'appear',
    title: `开庭 ${h.hearingOn} 出庭记录 ${caseNo ?? ''}`.trim(),
    rule: { kind: 'FIXED_DATE', monthDay: h.hearingOn.slice(5), year: Number(h.hearingOn.slice(0, 4)) },
    startsOn: startsOn < h.hearingOn ? startsOn : h.hearingOn,
    dueOn: h.hearingOn,
    legalBasis: BASIS.appear,
  };
}

// ---------------------------------------------------------------------------
// 行政复议

function checkDates(pairs: [string | null | undefined, string, string][]) {
  for (const [d, bound, message] of pairs) if (d && d < bound) throw fail(message);
}

export async function createReconsideration(
  tx: Tx,
  input: TCreateReconsideration,
  actor: Actor,
  today = todayCal(),
): Promise<Reconsideration> {
  if (input.receivedOn > today) throw fail('收到申请书副本日期不能晚于今天');
  if (input.actOn && input.actOn > input.receivedOn) throw fail('行政行为作出日期不能晚于收到申请书副本日期');
  if (input.enforcementCaseId) await assertLinkableCase(tx, input.enforcementCaseId, input.orgCode);
  const [row] = await insertReconsiderations(
    tx,
    [
      {
        orgCode: input.orgCode,
        authority: input.authority,
        caseNo: input.caseNo ?? null,
        applicantName: input.applicantName,
        applicantKind: input.applicantKind,
        applicantIdNo: input.applicantIdNo ?? null,
        applicantPhone: input.applicantPhone ?? null,
        act: input.act,
        actKind: input.actKind,
        actOn: input.actOn ?? null,
        amount: input.amount ?? null,
        enforcementCaseId: input.enforcementCaseId ?? null,
        procedure: input.procedure ?? suggestProcedure(input),
        receivedOn: input.receivedOn,
        note: input.note ?? null,
        createdBy: actor.id,
      },
    ],
    actor,
  );
  return row!;
}

const auditSafe = <T extends Record<string, unknown>>(r: T, keys: string[]): T => {
  const out: Record<string, unknown> = { ...r };
  for (const k of keys) if (typeof out[k] === 'string') out[k] = '***';
  return out as T;
};

/** Insert cases as recorded (new, imported or demo), with their deadlines closed where the ledger says so. */
export async function insertReconsiderations(
  tx: Tx,
  values: NewReconsideration[],
  actor: Actor,
): Promise<Reconsideration[]> {
  const out: Reconsideration[] = [];
  for (let i = 0; i < values.length; i += 1000)
    out.push(
      ...(await tx
        .insert(reconsiderations)
        .values(values.slice(i, i + 1000))
        .returning()),
    );
  const dls: (OpenDeadline & { doneOn?: string | null })[] = [];
  for (const r of out) {
    dls.push({ ...replyDeadline(r), doneOn: r.repliedOn });
    if (r.opinionReceivedOn) dls.push({ ...rectifyDeadline(r, r.opinionReceivedOn), doneOn: r.rectifiedOn });
  }
  await recordDeadlines(tx, dls, actor);
  if (out.length)
    await appendAudit(
      tx,
      out.map((r) => ({
        actor,
        orgCode: r.orgCode,
        action:
          r.source === 'staff' ? `${MODULE}.reconsideration.create` : `${MODULE}.reconsideration.${r.source}`,
        entity: ENTITY.reconsideration,
        entityId: r.id,
        after: { ...auditSafe(r, ['applicantIdNo', 'applicantPhone']), on: r.receivedOn },
      })),
    );
  return out;
}

export function reconsiderationSteps(r: Reconsideration): ReconsiderationStep[] {
  const out: ReconsiderationStep[] = [];
  // A reply recorded late (even after the decision) still closes its deadline, late.
  if (!r.repliedOn) out.push('reply');
  if (!r.hearingOn && !r.decisionType) out.push('hearing');
  if (!r.decisionType) out.push('decide');
  if (!r.opinionReceivedOn) out.push('opinion');
  if (r.opinionReceivedOn && !r.rectifiedOn) out.push('rectify');
  return out;
}

export async function runReconsiderationStep(
  tx: Tx,
  id: number,
  step: ReconsiderationStep,
  input: Record<string, unknown>,
  actor: Actor,
  today = todayCal(),
): Promise<{ warning: string | null }> {
  const [r] = await tx.select().from(reconsiderations).where(eq(reconsiderations.id, id)).for('update');
  if (!r) throw new AppError('NOT_FOUND');
  if (!reconsiderationSteps(r).includes(step))
    throw refuse(`该案件当前不能执行“${RECONSIDERATION_STEP_LABELS[step]}”`);
  const on = input.on as string;
  if (on > today) throw fail('日期不能晚于今天');
  if (on < r.receivedOn) throw fail(`日期不能早于收到申请书副本日期（${r.receivedOn}）`);
  const set: Partial<Reconsideration> = {};
  let warning: string | null = null;
  const key = { module: MODULE, entity: DL.reconsideration, entityId: id };
  switch (step) {
    case 'reply':
      set.repliedOn = on;
      await completeDeadline(tx, { ...key, step: 'reply' }, on, actor);
      break;
    case 'hearing': {
      const name = (input.headName as string | null | undefined) ?? null;
      if (input.headAttended && !name) throw fail('负责人参加听证的，请填写负责人姓名');
      set.hearingOn = on;
      set.hearingHeadAttended = input.headAttended as boolean;
      set.hearingHeadName = name;
      set.hearingNote = (input.note as string | null | undefined) ?? null;
      break;
    }
    case 'decide': {
      const type = input.decisionType as string;
      const servedOn = (input.servedOn as string | null | undefined) ?? null;
      checkDates([[servedOn, on, '送达日期不能早于决定日期']]);
      if (servedOn && servedOn > today) throw fail('送达日期不能晚于今天');
      set.decisionType = type;
      set.decidedOn = on;
      set.servedOn = servedOn;
      set.decisionNote = (input.note as string | null | undefined) ?? null;
      // Ended before the merits (不予受理/驳回申请, 和解撤回/终止) with no reply due any more.
      if (!r.repliedOn && ([...NOT_HEARD, '和解撤回', '终止'] as string[]).includes(type))
        await completeDeadline(tx, { ...key, step: 'reply' }, on, actor, 'cancelled');
      if (r.enforcementCaseId && revokes(type))
        warning = await revokeEnforcement(
          tx,
          r.enforcementCaseId,
          {
            on,
            outcome: type,
            reason: `行政复议决定${type}（${r.authority}${r.caseNo ? ` ${r.caseNo}` : ''}）`,
          },
          actor,
        );
      break;
    }
    case 'opinion':
      set.opinionReceivedOn = on;
      set.opinionContent = input.content as string;
      await openDeadline(tx, rectifyDeadline(r, on), actor);
      break;
    case 'rectify':
      if (on < r.opinionReceivedOn!)
        throw fail(`整改报送日期不能早于收到意见书日期（${r.opinionReceivedOn}）`);
      set.rectifiedOn = on;
      set.rectificationReport = input.report as string;
      await completeDeadline(tx, { ...key, step: 'rectify' }, on, actor);
      break;
  }
  await tx.update(reconsiderations).set(set).where(eq(reconsiderations.id, id));
  await appendAudit(tx, {
    actor,
    orgCode: r.orgCode,
    action: `${MODULE}.reconsideration.${step}`,
    entity: ENTITY.reconsideration,
    entityId: id,
    after: { ...set, on, warning },
  });
  return { warning };
}

// ---------------------------------------------------------------------------
// 行政诉讼

export async function createLawsuit(
  tx: Tx,
  input: TCreateLawsuit,
  actor: Actor,
  today = todayCal(),
): Promise<Lawsuit> {
  if (input.filedOn > today) throw fail('收到起诉状副本日期不能晚于今天');
  if (input.actOn && input.actOn > input.filedOn) throw fail('行政行为作出日期不能晚于收到起诉状副本日期');
  if (input.reconsiderationId) {
    const [r] = await tx
      .select({ orgCode: reconsiderations.orgCode })
      .from(reconsiderations)
      .where(eq(reconsiderations.id, input.reconsiderationId));
    if (!r || !isInSubtree(r.orgCode, input.orgCode)) throw fail('关联的行政复议案件不存在或不属于本单位');
  }
  if (input.enforcementCaseId) await assertLinkableCase(tx, input.enforcementCaseId, input.orgCode);
  const [row] = await insertLawsuits(
    tx,
    [
      {
        lawsuit: {
          orgCode: input.orgCode,
          court: input.court,
          instance: input.instance,
          caseNo: input.caseNo ?? null,
          plaintiffName: input.plaintiffName,
          plaintiffKind: input.plaintiffKind,
          plaintiffIdNo: input.plaintiffIdNo ?? null,
          plaintiffPhone: input.plaintiffPhone ?? null,
          act: input.act,
          actKind: input.actKind,
          actOn: input.actOn ?? null,
          enforcementCaseId: input.enforcementCaseId ?? null,
          reconsiderationId: input.reconsiderationId ?? null,
          filedOn: input.filedOn,
          note: input.note ?? null,
          createdBy: actor.id,
        },
        hearings: [],
      },
    ],
    actor,
  );
  return row!;
}

/** Insert lawsuits with their hearings as recorded; deadlines closed where the ledger says so. */
export async function insertLawsuits(
  tx: Tx,
  items: { lawsuit: NewLawsuit; hearings: NewHearing[] }[],
  actor: Actor,
): Promise<Lawsuit[]> {
  const out: Lawsuit[] = [];
  for (let i = 0; i < items.length; i += 1000)
    out.push(
      ...(await tx
        .insert(lawsuits)
        .values(items.slice(i, i + 1000).map((x) => x.lawsuit))
        .returning()),
    );
  const hs = items.flatMap((x, i) =>
    x.hearings.map((h) => ({ ...h, lawsuitId: out[i]!.id, orgCode: out[i]!.orgCode })),
  );
  const hRows: Hearing[] = [];
  for (let i = 0; i < hs.length; i += 1000)
    hRows.push(
      ...(await tx
        .insert(hearings)
        .values(hs.slice(i, i + 1000))
        .returning()),
    );
  const dls: (OpenDeadline & { doneOn?: string | null })[] = [];
  for (const l of out) {
    dls.push({ ...answerDeadline(l), doneOn: l.answeredOn });
    if (l.suggestionReceivedOn)
      dls.push({
        ...suggestionDeadline(
          l,
          l.suggestionKind ?? '司法建议',
          l.suggestionReceivedOn,
          SUGGESTION_REPLY_DAYS,
        ),
        doneOn: l.suggestionRepliedOn,
      });
  }
  for (const h of hRows) {
    const l = out.find((x) => x.id === h.lawsuitId)!;
    dls.push({
      ...appearDeadline(h, l.caseNo, l.filedOn),
      doneOn: h.headAppeared === null ? null : h.hearingOn,
    });
  }
  await recordDeadlines(tx, dls, actor);
  if (out.length)
    await appendAudit(
      tx,
      out.map((l) => ({
        actor,
        orgCode: l.orgCode,
        action: l.source === 'staff' ? `${MODULE}.lawsuit.create` : `${MODULE}.lawsuit.${l.source}`,
        entity: ENTITY.lawsuit,
        entityId: l.id,
        after: {
          ...auditSafe(l, ['plaintiffIdNo', 'plaintiffPhone']),
          on: l.filedOn,
          hearings: hRows.filter((h) => h.lawsuitId === l.id).length,
        },
      })),
    );
  return out;
}

export function lawsuitSteps(l: Lawsuit): LawsuitStep[] {
  const out: LawsuitStep[] = [];
  if (!l.answeredOn) out.push('answer');
  if (!l.judgmentType) out.push('judge');
  if (l.judgmentType && !l.appealed) out.push('appeal');
  if (!l.suggestionReceivedOn) out.push('suggestion');
  if (l.suggestionReceivedOn && !l.suggestionRepliedOn) out.push('replySuggestion');
  return out;
}

export async function runLawsuitStep(
  tx: Tx,
  id: number,
  step: LawsuitStep,
  input: Record<string, unknown>,
  actor: Actor,
  today = todayCal(),
): Promise<{ warning: string | null }> {
  const [l] = await tx.select().from(lawsuits).where(eq(lawsuits.id, id)).for('update');
  if (!l) throw new AppError('NOT_FOUND');
  if (!lawsuitSteps(l).includes(step)) throw refuse(`该案件当前不能执行“${LAWSUIT_STEP_LABELS[step]}”`);
  const on = input.on as string;
  if (on > today) throw fail('日期不能晚于今天');
  if (on < l.filedOn) throw fail(`日期不能早于收到起诉状副本日期（${l.filedOn}）`);
  const set: Partial<Lawsuit> = {};
  let warning: string | null = null;
  const key = { module: MODULE, entity: DL.lawsuit, entityId: id };
  switch (step) {
    case 'answer':
      set.answeredOn = on;
      await completeDeadline(tx, { ...key, step: 'answer' }, on, actor);
      break;
    case 'judge': {
      const type = input.judgmentType as string;
      set.judgmentType = type;
      set.judgedOn = on;
      set.judgmentNote = (input.note as string | null | undefined) ?? null;
      if (l.enforcementCaseId && revokes(type))
        warning = await revokeEnforcement(
          tx,
          l.enforcementCaseId,
          { on, outcome: type, reason: `人民法院判决${type}（${l.court}${l.caseNo ? ` ${l.caseNo}` : ''}）` },
          actor,
        );
      break;
    }
    case 'appeal':
      if (on < l.judgedOn!) throw fail(`上诉日期不能早于裁判日期（${l.judgedOn}）`);
      set.appealed = true;
      set.appealedOn = on;
      set.appealBy = input.by as string;
      break;
    case 'suggestion': {
      const days = (input.replyDays as number | null | undefined) ?? SUGGESTION_REPLY_DAYS;
      set.suggestionKind = input.kind as string;
      set.suggestionReceivedOn = on;
      set.suggestionContent = input.content as string;
      await openDeadline(tx, suggestionDeadline(l, input.kind as string, on, days), actor);
      break;
    }
    case 'replySuggestion':
      if (on < l.suggestionReceivedOn!)
        throw fail(`回复日期不能早于收到建议日期（${l.suggestionReceivedOn}）`);
      set.suggestionRepliedOn = on;
      set.suggestionReply = input.reply as string;
      await completeDeadline(tx, { ...key, step: 'suggestion' }, on, actor);
      break;
  }
  await tx.update(lawsuits).set(set).where(eq(lawsuits.id, id));
  await appendAudit(tx, {
    actor,
    orgCode: l.orgCode,
    action: `${MODULE}.lawsuit.${step}`,
    entity: ENTITY.lawsuit,
    entityId: id,
    after: { ...set, on, warning },
  });
  return { warning };
}

/** Schedule a 开庭: opens the "出庭记录" deadline due on the hearing day. */
export async function addHearing(
  tx: Tx,
  lawsuitId: number,
  input: { hearingOn: string; courtNotifiedHead: boolean },
  actor: Actor,
  today = todayCal(),
): Promise<Hearing> {
  const [l] = await tx.select().from(lawsuits).where(eq(lawsuits.id, lawsuitId)).for('update');
  if (!l) throw new AppError('NOT_FOUND');
  if (input.hearingOn < l.filedOn) throw fail(`开庭日期不能早于收到起诉状副本日期（${l.filedOn}）`);
  if (l.judgmentType && input.hearingOn > l.judgedOn!) throw refuse('案件已作出裁判，不能再登记之后的开庭');
  const same = await tx
    .select({ id: hearings.id })
    .from(hearings)
    .where(and(eq(hearings.lawsuitId, lawsuitId), eq(hearings.hearingOn, input.hearingOn)));
  if (same.length) throw new AppError('DUPLICATE', `${input.hearingOn} 的开庭已登记`);
  const [h] = await tx
    .insert(hearings)
    .values({
      lawsuitId,
      orgCode: l.orgCode,
      hearingOn: input.hearingOn,
      courtNotifiedHead: input.courtNotifiedHead,
      createdBy: actor.id,
    })
    .returning();
  await openDeadline(
    tx,
    appearDeadline(h!, l.caseNo, today < input.hearingOn ? today : input.hearingOn),
    actor,
  );
  await appendAudit(tx, {
    actor,
    orgCode: l.orgCode,
    action: `${MODULE}.lawsuit.hearing`,
    entity: ENTITY.lawsuit,
    entityId: lawsuitId,
    after: {
      hearingId: h!.id,
      hearingOn: input.hearingOn,
      courtNotifiedHead: input.courtNotifiedHead,
      on: today,
    },
  });
  return h!;
}

/** Why an appearance record is incomplete (最高法规定第二、三、八、九条), or null. */
export function appearanceProblem(i: TAppearance): string | null {
  if (i.headAppeared) {
    if (!i.headName) return '负责人出庭的，请填写出庭负责人姓名';
    if (!i.headPost) return '请填写出庭负责人职务';
    if (!i.headRole) return '请选择负责人类别（正职/副职/分管副职/其他负责人）';
    if (/下级|受委托|派出/.test(i.headPost))
      return '受委托组织或者下级行政机关的负责人不能作为被诉行政机关负责人出庭';
    return null;
  }
  if (!i.delegateName) return '负责人不能出庭的，应当委托相应的工作人员出庭，请填写委托出庭人员';
  if (!i.absenceReason) return '请选择负责人不能出庭的事由';
  return null;
}

export async function recordAppearance(
  tx: Tx,
  hearingId: number,
  input: TAppearance,
  actor: Actor,
  today = todayCal(),
): Promise<Hearing> {
  const [h] = await tx.select().from(hearings).where(eq(hearings.id, hearingId)).for('update');
  if (!h) throw new AppError('NOT_FOUND');
  if (h.hearingOn > today) throw refuse(`开庭日期（${h.hearingOn}）未到，不能登记出庭情况`);
  const problem = appearanceProblem(input);
  if (problem) throw fail(problem);
  const set = {
    headAppeared: input.headAppeared,
    headName: input.headAppeared ? (input.headName ?? null) : null,
    headPost: input.headAppeared ? (input.headPost ?? null) : null,
    headRole: input.headAppeared ? (input.headRole ?? null) : null,
    delegateName: input.delegateName ?? null,
    delegatePost: input.delegatePost ?? null,
    absenceReason: input.headAppeared ? null : (input.absenceReason ?? null),
    proofSubmitted: input.headAppeared ? null : (input.proofSubmitted ?? false),
    note: input.note ?? null,
  };
  const [row] = await tx.update(hearings).set(set).where(eq(hearings.id, hearingId)).returning();
  await completeDeadline(
    tx,
    { module: MODULE, entity: DL.hearing, entityId: hearingId, step: 'appear' },
    h.hearingOn,
    actor,
  );
  await appendAudit(tx, {
    actor,
    orgCode: h.orgCode,
    action: `${MODULE}.lawsuit.appearance`,
    entity: ENTITY.lawsuit,
    entityId: h.lawsuitId,
    after: { hearingId, ...set, on: h.hearingOn },
  });
  return row!;
}

// ---------------------------------------------------------------------------
// Lists and details

export interface ListQuery {
  q?: string;
  actKind?: string;
  from?: string;
  to?: string;
  open?: '1';
  overdue?: '1';
  decision?: string;
  instance?: string;
  judgment?: string;
  page: number;
  pageSize: number;
}

const R = sql.identifier('litigation_reconsideration');
const L = sql.identifier('litigation_lawsuit');

function maskParty<T extends Record<string, unknown>>(
  row: T,
  prefix: 'applicant' | 'plaintiff',
  personal: boolean,
): T {
  if (personal) return row;
  const out: Record<string, unknown> = { ...row };
  const name = out[`${prefix}Name`];
  if (typeof name === 'string' && out[`${prefix}Kind`] === '自然人') out[`${prefix}Name`] = maskName(name);
  const id = out[`${prefix}IdNo`];
  if (typeof id === 'string' && id) out[`${prefix}IdNo`] = maskIdCard(id);
  const phone = out[`${prefix}Phone`];
  if (typeof phone === 'string' && phone) out[`${prefix}Phone`] = maskPhone(phone);
  return out as T;
}

export async function listReconsiderations(
  tx: Tx,
  org: string,
  q: ListQuery,
  personal: boolean,
  asOf: string,
  extra?: SQL,
) {
  const cond: SQL[] = [inSubtree(sql`${R}.org_code`, org)];
  if (extra) cond.push(extra);
  if (q.q) {
    const like = containsPattern(q.q);
    cond.push(
      sql`(${R}.case_no LIKE ${like} OR ${R}.applicant_name LIKE ${like} OR ${R}.act LIKE ${like} OR ${R}.authority LIKE ${like})`,
    );
  }
  if (q.actKind) cond.push(sql`${R}.act_kind = ${q.actKind}`);
  if (q.from) cond.push(sql`${R}.received_on >= ${q.from}`);
  if (q.to) cond.push(sql`${R}.received_on <= ${q.to}`);
  if (q.decision) cond.push(sql`${R}.decision_type = ${q.decision}`);
  if (q.open) cond.push(sql`${R}.decision_type IS NULL`);
  if (q.overdue) cond.push(hasOverdueStep(MODULE, DL.reconsideration, sql`${R}.id`, asOf));
  const where = sql.join(cond, sql` AND `);
  const [{ n } = { n: 0 }] = await sqlRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM litigation_reconsideration WHERE ${where}`,
  );
  const items = await sqlRows<Record<string, unknown>>(
    tx,
    sql`SELECT ${R}.id, ${R}.org_code AS "orgCode", o.name AS "orgName", ${R}.authority, ${R}.case_no AS "caseNo",
          ${R}.applicant_name AS "applicantName", ${R}.applicant_kind AS "applicantKind",
          ${R}.applicant_id_no AS "applicantIdNo", ${R}.applicant_phone AS "applicantPhone",
          ${R}.act, ${R}.act_kind AS "actKind", ${R}.act_on::text AS "actOn", ${R}.procedure,
          ${R}.received_on::text AS "receivedOn", ${R}.replied_on::text AS "repliedOn",
          ${R}.hearing_on::text AS "hearingOn", ${R}.decision_type AS "decisionType",
          ${R}.decided_on::text AS "decidedOn", ${R}.opinion_received_on::text AS "opinionReceivedOn",
          ${R}.rectified_on::text AS "rectifiedOn", ${R}.enforcement_case_id AS "enforcementCaseId",
          ${R}.note,
          (SELECT d.due_on::text FROM kernel_deadline d WHERE d.module = ${MODULE} AND d.entity = ${DL.reconsideration}
             AND d.entity_id = ${R}.id::text AND d.step = 'reply') AS "replyDueOn",
          ${hasOverdueStep(MODULE, DL.reconsideration, sql`${R}.id`, asOf)} AS overdue
        FROM litigation_reconsideration LEFT JOIN kernel_org o ON o.code = ${R}.org_code
        WHERE ${where}
        ORDER BY ${R}.received_on DESC, ${R}.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { total: n, items: items.map((r) => maskParty(r, 'applicant', personal)) };
}

/** Hearing-level SQL over the lawsuit row `litigation_lawsuit`. */
const hearingsJson = sql`(SELECT coalesce(json_agg(json_build_object('id', h.id, 'hearingOn', h.hearing_on::text,
    'headAppeared', h.head_appeared, 'headName', h.head_name, 'headPost', h.head_post) ORDER BY h.hearing_on), '[]')
    FROM litigation_hearing h WHERE h.lawsuit_id = ${L}.id)`;

export async function listLawsuits(
  tx: Tx,
  org: string,
  q: ListQuery,
  personal: boolean,
  asOf: string,
  extra?: SQL,
) {
  const cond: SQL[] = [inSubtree(sql`${L}.org_code`, org)];
  if (extra) cond.push(extra);
  if (q.q) {
    const like = containsPattern(q.q);
    cond.push(
      sql`(${L}.case_no LIKE ${like} OR ${L}.plaintiff_name LIKE ${like} OR ${L}.act LIKE ${like} OR ${L}.court LIKE ${like})`,
    );
  }
  if (q.actKind) cond.push(sql`${L}.act_kind = ${q.actKind}`);
  if (q.from) cond.push(sql`${L}.filed_on >= ${q.from}`);
  if (q.to) cond.push(sql`${L}.filed_on <= ${q.to}`);
  if (q.instance) cond.push(sql`${L}.instance = ${q.instance}`);
  if (q.judgment) cond.push(sql`${L}.judgment_type = ${q.judgment}`);
  if (q.open) cond.push(sql`${L}.judgment_type IS NULL`);
  const overdue = sql`(${hasOverdueStep(MODULE, DL.lawsuit, sql`${L}.id`, asOf)} OR EXISTS (SELECT 1 FROM litigation_hearing h
      WHERE h.lawsuit_id = ${L}.id AND ${hasOverdueStep(MODULE, DL.hearing, sql`h.id`, asOf)}))`;
  if (q.overdue) cond.push(overdue);
  const where = sql.join(cond, sql` AND `);
  const [{ n } = { n: 0 }] = await sqlRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM litigation_lawsuit WHERE ${where}`,
  );
  const items = await sqlRows<Record<string, unknown>>(
    tx,
    sql`SELECT ${L}.id, ${L}.org_code AS "orgCode", o.name AS "orgName", ${L}.court, ${L}.instance, ${L}.case_no AS "caseNo",
          ${L}.plaintiff_name AS "plaintiffName", ${L}.plaintiff_kind AS "plaintiffKind",
          ${L}.plaintiff_id_no AS "plaintiffIdNo", ${L}.plaintiff_phone AS "plaintiffPhone",
          ${L}.act, ${L}.act_kind AS "actKind", ${L}.filed_on::text AS "filedOn", ${L}.answered_on::text AS "answeredOn",
          ${L}.judgment_type AS "judgmentType", ${L}.judged_on::text AS "judgedOn", ${L}.appealed,
          ${L}.suggestion_kind AS "suggestionKind", ${L}.suggestion_received_on::text AS "suggestionReceivedOn",
          ${L}.suggestion_replied_on::text AS "suggestionRepliedOn", ${L}.reconsideration_id AS "reconsiderationId",
          ${L}.enforcement_case_id AS "enforcementCaseId", ${L}.note,
          (SELECT d.due_on::text FROM kernel_deadline d WHERE d.module = ${MODULE} AND d.entity = ${DL.lawsuit}
             AND d.entity_id = ${L}.id::text AND d.step = 'answer') AS "answerDueOn",
          ${hearingsJson} AS hearings,
          ${overdue} AS overdue
        FROM litigation_lawsuit LEFT JOIN kernel_org o ON o.code = ${L}.org_code
        WHERE ${where}
        ORDER BY ${L}.filed_on DESC, ${L}.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { total: n, items: items.map((r) => maskParty(r, 'plaintiff', personal)) };
}

async function deadlinesOf(tx: Tx, entity: string, ids: number[], asOf: string) {
  if (ids.length === 0) return [];
  const list = await tx
    .select({
      entity: deadlines.entity,
      entityId: deadlines.entityId,
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
        eq(deadlines.entity, entity),
        sql`${deadlines.entityId} IN (${sql.join(
          ids.map((i) => sql`${String(i)}`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(asc(deadlines.dueOn), asc(deadlines.id));
  return list.map((d) => ({
    ...d,
    overdue: d.status === 'open' && d.dueOn < asOf,
    late: d.status === 'done' && d.doneOn !== null && d.doneOn > d.dueOn,
  }));
}

const ACTION_LABELS: Record<string, string> = {
  [`${MODULE}.reconsideration.create`]: '登记复议案件',
  [`${MODULE}.reconsideration.import`]: '从台账导入',
  [`${MODULE}.reconsideration.demo`]: '演示数据',
  ...Object.fromEntries(
    Object.entries(RECONSIDERATION_STEP_LABELS).map(([k, v]) => [`${MODULE}.reconsideration.${k}`, v]),
  ),
  [`${MODULE}.lawsuit.create`]: '登记应诉案件',
  [`${MODULE}.lawsuit.import`]: '从台账导入',
  [`${MODULE}.lawsuit.demo`]: '演示数据',
  [`${MODULE}.lawsuit.hearing`]: '登记开庭',
  [`${MODULE}.lawsuit.appearance`]: '登记出庭情况',
  ...Object.fromEntries(Object.entries(LAWSUIT_STEP_LABELS).map(([k, v]) => [`${MODULE}.lawsuit.${k}`, v])),
};

export async function getReconsideration(tx: Tx, id: number, personal: boolean, asOf = todayCal()) {
  const [row] = await sqlRows<Reconsideration & { orgName: string | null }>(
    tx,
    sql`SELECT r.*, o.name AS "orgName" FROM litigation_reconsideration r LEFT JOIN kernel_org o ON o.code = r.org_code
        WHERE r.id = ${id}`,
  );
  if (!row) throw new AppError('NOT_FOUND');
  const [r] = await tx.select().from(reconsiderations).where(eq(reconsiderations.id, id));
  const lawsuitsAfter = await tx
    .select({ id: lawsuits.id, caseNo: lawsuits.caseNo, court: lawsuits.court, instance: lawsuits.instance })
    .from(lawsuits)
    .where(eq(lawsuits.reconsiderationId, id));
  return {
    ...maskParty(r!, 'applicant', personal),
    orgName: row.orgName,
    corrected: r!.decisionType !== null && (CORRECTING as readonly string[]).includes(r!.decisionType),
    deadlines: await deadlinesOf(tx, DL.reconsideration, [id], asOf),
    allowedSteps: reconsiderationSteps(r!).map((s) => ({ step: s, label: RECONSIDERATION_STEP_LABELS[s] })),
    lawsuits: lawsuitsAfter,
    timeline: await auditTimeline(tx, ENTITY.reconsideration, id, ACTION_LABELS),
  };
}

export async function getLawsuit(tx: Tx, id: number, personal: boolean, asOf = todayCal()) {
  const [l] = await tx.select().from(lawsuits).where(eq(lawsuits.id, id));
  if (!l) throw new AppError('NOT_FOUND');
  const [o] = await sqlRows<{ name: string }>(tx, sql`SELECT name FROM kernel_org WHERE code = ${l.orgCode}`);
  const hs = await tx
    .select()
    .from(hearings)
    .where(eq(hearings.lawsuitId, id))
    .orderBy(asc(hearings.hearingOn));
  const hDeadlines = await deadlinesOf(
    tx,
    DL.hearing,
    hs.map((h) => h.id),
    asOf,
  );
  return {
    ...maskParty(l, 'plaintiff', personal),
    orgName: o?.name ?? null,
    lost: l.judgmentType !== null && (CORRECTING as readonly string[]).includes(l.judgmentType),
    hearings: hs.map((h) => ({ ...h, held: h.hearingOn <= asOf })),
    deadlines: [...(await deadlinesOf(tx, DL.lawsuit, [id], asOf)), ...hDeadlines],
    allowedSteps: lawsuitSteps(l).map((s) => ({ step: s, label: LAWSUIT_STEP_LABELS[s] })),
    timeline: await auditTimeline(tx, ENTITY.lawsuit, id, ACTION_LABELS),
  };
}

/** The county's default 复议机关 name for a new case's form (行政复议法第二十四条: 县级以上地方人民政府). */
export function defaultAuthority(countyName: string | null): string {
  return countyName ? `${countyName}人民政府` : '';
}
