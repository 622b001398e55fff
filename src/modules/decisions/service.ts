import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import {
  commentsOf,
  consultationOf,
  consultationProblem,
  endConsultationEarly,
  openConsultation,
  periodDays,
  publishConsultationResults,
} from '../../kernel/consultation.js';
import type { Tx } from '../../kernel/db/client.js';
import { consultations, deadlines, files, orgs, users } from '../../kernel/db/schema.js';
import { completeDeadline, openDeadline } from '../../kernel/deadlines.js';
import { AppError } from '../../kernel/errors.js';
import {
  latestLegalReview,
  legalReviewsOf,
  recordLegalReview,
  submitLegalReview,
} from '../../kernel/legal-review.js';
import { isInSubtree, levelOf } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { nextNumber } from '../../kernel/sequence.js';
import { containsPattern } from '../../kernel/sql-text.js';
import { maskName } from '../../kernel/validate.js';
import { auditTimeline } from '../../kernel/workflow.js';
import {
  DISCUSSABLE_RESULTS,
  EVIDENCE_LABELS,
  MEETING_TYPES,
  MIN_REVIEW_WORKDAYS,
  PROCEDURE_LABELS,
  type Procedure,
  STATUS_LABELS,
  type Status,
  type StepInput,
  type StepName,
  type TCreateDecision,
  type TEvidence,
  type TListQuery,
} from './model.js';
import {
  expertRequired,
  hearingProblem,
  missingMessage,
  type ProcedureState,
  type Requirements,
  requiredProcedures,
  requirementProblem,
  riskRequired,
  thirdPartyProblem,
} from './rules.js';
import {
  decisionsCatalogues as catalogues,
  decisionsDecisions as decisions,
  decisionsEvidence as evidence,
  decisionsCatalogueItems as items,
  decisionsMeetings as meetings,
  decisionsReports as reports,
} from './schema.js';

export const MODULE = 'decisions';
/** The entity name in kernel consultation / legal review / deadline rows. */
export const ENTITY = 'decision';
/** The entity name in the audit log. */
export const AUDIT_ENTITY = 'decisions.decision';
type DecisionRow = typeof decisions.$inferSelect;

const key = (id: number) => ({ module: MODULE, entity: ENTITY, entityId: String(id) });

function checkLevel(orgCode: string) {
  const level = levelOf(orgCode);
  if (level !== 'county' && level !== 'township' && level !== 'office') {
    throw new AppError('INVALID_ORG_CODE', '重大行政决策应登记在县级或乡镇(街道)决策机关');
  }
}

async function orgExists(tx: Tx, code: string) {
  const [o] = await tx.select({ code: orgs.code }).from(orgs).where(eq(orgs.code, code));
  if (!o) throw new AppError('INVALID_ORG_CODE', `组织 ${code} 不存在`);
}

// ---------------------------------------------------------------------------
// 年度决策事项目录

export async function createCatalogue(
  tx: Tx,
  input: { orgCode: string; year: number; title?: string | null; note?: string | null },
  actor: Actor,
) {
  checkLevel(input.orgCode);
  await orgExists(tx, input.orgCode);
  const [dup] = await tx
    .select({ id: catalogues.id })
    .from(catalogues)
    .where(and(eq(catalogues.orgCode, input.orgCode), eq(catalogues.year, input.year)));
  if (dup) throw new AppError('DUPLICATE', `${input.year}年度决策事项目录已存在`);
  const [row] = await tx
    .insert(catalogues)
    .values({
      orgCode: input.orgCode,
      year: input.year,
      title: input.title?.trim() || `${input.year}年度重大行政决策事项目录`,
      note: input.note ?? null,
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: 'decisions.catalogue.create',
    entity: 'decisions.catalogue',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

async function lockCatalogue(tx: Tx, id: number) {
  const [c] = await tx.select().from(catalogues).where(eq(catalogues.id, id)).for('update');
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

/** Items may be added after publication: 动态调整 (第三条第三款), each with its date. */
export async function addCatalogueItem(
  tx: Tx,
  catalogueId: number,
  input: { title: string; category: string; sponsorUnit: string; plannedPeriod?: string | null },
  actor: Actor,
  today = todayCal(),
) {
  const c = await lockCatalogue(tx, catalogueId);
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`coalesce(max(${items.itemNo}), 0)::int` })
    .from(items)
    .where(eq(items.catalogueId, catalogueId));
  const [row] = await tx
    .insert(items)
    .values({
      catalogueId,
      orgCode: c.orgCode,
      itemNo: Number(n) + 1,
      title: input.title,
      category: input.category,
      sponsorUnit: input.sponsorUnit,
      plannedPeriod: input.plannedPeriod ?? null,
      addedOn: today,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: c.orgCode,
    action: 'decisions.catalogue.addItem',
    entity: 'decisions.catalogue',
    entityId: c.id,
    after: { ...row, adjusted: Boolean(c.publishedOn) },
  });
  return row!;
}

export async function removeCatalogueItem(
  tx: Tx,
  itemId: number,
  reason: string,
  actor: Actor,
  today = todayCal(),
) {
  const [it] = await tx.select().from(items).where(eq(items.id, itemId)).for('update');
  if (!it) throw new AppError('NOT_FOUND');
  if (it.removedOn) throw new AppError('INVALID_TRANSITION', '该事项已调出目录');
  const [row] = await tx
    .update(items)
    .set({ removedOn: today, removedReason: reason })
    .where(eq(items.id, itemId))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: it.orgCode,
    action: 'decisions.catalogue.removeItem',
    entity: 'decisions.catalogue',
    entityId: it.catalogueId,
    after: { itemId, removedOn: today, reason },
  });
  return row!;
}

/** 经同级党委同意 (approve), then 向社会公布 (publish, after approval). */
export async function catalogueStep(
  tx: Tx,
  id: number,
  step: 'approve' | 'publish',
  on: string,
  actor: Actor,
  today = todayCal(),
) {
  const c = await lockCatalogue(tx, id);
  if (on > today) throw new AppError('INVALID_DATE', '日期不能晚于今天');
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(items)
    .where(and(eq(items.catalogueId, id), sql`${items.removedOn} IS NULL`));
  if (Number(n) === 0) throw new AppError('VALIDATION_FAILED', '目录中还没有决策事项');
  let set: Partial<typeof catalogues.$inferInsert>;
  if (step === 'approve') {
    if (c.partyApprovedOn)
      throw new AppError('INVALID_TRANSITION', `目录已于 ${c.partyApprovedOn} 经党委同意`);
    set = { partyApprovedOn: on };
  } else {
    if (!c.partyApprovedOn) {
      throw new AppError('INVALID_TRANSITION', '决策事项目录应当经同级党委同意后向社会公布(第三条)');
    }
    if (c.publishedOn) throw new AppError('INVALID_TRANSITION', `目录已于 ${c.publishedOn} 公布`);
    if (on < c.partyApprovedOn) throw new AppError('INVALID_DATE', '公布日期不能早于党委同意日期');
    set = { publishedOn: on };
  }
  const [row] = await tx.update(catalogues).set(set).where(eq(catalogues.id, id)).returning();
  await appendAudit(tx, {
    actor,
    orgCode: c.orgCode,
    action: `decisions.catalogue.${step}`,
    entity: 'decisions.catalogue',
    entityId: id,
    after: { ...set, on },
  });
  return row!;
}

export async function listCatalogues(db: Tx, orgCode: string | null, year?: number, publishedOnly = false) {
  const cond: SQL[] = orgCode ? [inSubtree(catalogues.orgCode, orgCode)] : [];
  if (year) cond.push(eq(catalogues.year, year));
  if (publishedOnly) cond.push(sql`${catalogues.publishedOn} IS NOT NULL`);
  const list = await db
    .select({ c: catalogues, orgName: orgs.name })
    .from(catalogues)
    .leftJoin(orgs, eq(orgs.code, catalogues.orgCode))
    .where(and(...cond))
    .orderBy(desc(catalogues.year), asc(catalogues.orgCode))
    .limit(200);
  const ids = list.map((r) => r.c.id);
  const rows = ids.length
    ? await db
        .select({
          it: items,
          decisionId: sql<
            number | null
          >`(SELECT d.id FROM decisions_decision d WHERE d.catalogue_item_id = ${items.id} ORDER BY d.id DESC LIMIT 1)`,
          decisionStatus: sql<
            string | null
          >`(SELECT d.status FROM decisions_decision d WHERE d.catalogue_item_id = ${items.id} ORDER BY d.id DESC LIMIT 1)`,
        })
        .from(items)
        .where(sql`${items.catalogueId} IN (${sql.join(ids, sql`, `)})`)
        .orderBy(asc(items.itemNo))
    : [];
  return list.map(({ c, orgName }) => ({
    ...c,
    orgName,
    items: rows
      .filter((r) => r.it.catalogueId === c.id && (!publishedOnly || r.it.removedOn === null))
      .map((r) => ({
        ...r.it,
        decisionId: publishedOnly ? undefined : r.decisionId,
        decisionStatus: r.decisionStatus,
        decisionStatusLabel: r.decisionStatus ? STATUS_LABELS[r.decisionStatus as Status] : null,
      })),
  }));
}

// ---------------------------------------------------------------------------
// Decisions

async function decisionNumber(tx: Tx, orgCode: string, year: string): Promise<string> {
  const n = await nextNumber(tx, `decisions:${orgCode}:${year}`);
  return `JC${year}-${orgCode.slice(6, 12)}-${String(n).padStart(3, '0')}`;
}

function requirements(
  d: Pick<DecisionRow, 'kind' | 'professional' | 'stabilityRisk' | 'expertWaivedReason' | 'riskWaivedReason'>,
): Requirements {
  return d;
}

export async function createDecision(tx: Tx, input: TCreateDecision, actor: Actor, today = todayCal()) {
  checkLevel(input.orgCode);
  await orgExists(tx, input.orgCode);
  if (input.launchedOn > today) throw new AppError('INVALID_DATE', '启动日期不能晚于今天');
  const major = input.kind === '重大行政决策';
  if (major && !input.category) throw new AppError('VALIDATION_FAILED', '请选择决策事项类别(第三条)');
  if (!major && !input.matter) throw new AppError('VALIDATION_FAILED', '请选择“三重一大”事项类别');
  let catalogueItemId: number | null = null;
  let outOfCatalogueReason: string | null = null;
  if (input.catalogueItemId) {
    const [it] = await tx.select().from(items).where(eq(items.id, input.catalogueItemId));
    if (!it || it.removedOn) throw new AppError('VALIDATION_FAILED', '目录事项不存在或已调出目录');
    if (it.orgCode !== input.orgCode) throw new AppError('VALIDATION_FAILED', '目录事项不属于本决策机关');
    catalogueItemId = it.id;
  } else if (major) {
    outOfCatalogueReason = input.outOfCatalogueReason?.trim() || null;
    if (!outOfCatalogueReason) {
      throw new AppError('VALIDATION_FAILED', '未列入年度决策事项目录的,请说明理由');
    }
  }
  const req: Requirements = {
    kind: input.kind,
    professional: input.professional ?? false,
    stabilityRisk: input.stabilityRisk ?? false,
    expertWaivedReason: input.expertWaivedReason?.trim() || null,
    riskWaivedReason: input.riskWaivedReason?.trim() || null,
  };
  const problem = requirementProblem(req);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  const [row] = await tx
    .insert(decisions)
    .values({
      orgCode: input.orgCode,
      decisionNo: await decisionNumber(tx, input.orgCode, input.launchedOn.slice(0, 4)),
      kind: input.kind,
      matter: major ? null : (input.matter ?? null),
      title: input.title,
      category: major ? (input.category ?? null) : null,
      catalogueItemId,
      outOfCatalogueReason,
      sponsorUnit: input.sponsorUnit,
      draft: input.draft,
      launchedOn: input.launchedOn,
      status: 'drafting',
      professional: req.professional,
      stabilityRisk: req.stabilityRisk,
      expertWaivedReason: major ? (req.expertWaivedReason ?? null) : null,
      riskWaivedReason: major ? (req.riskWaivedReason ?? null) : null,
      expertRequired: expertRequired(req),
      riskRequired: riskRequired(req),
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: 'decisions.create',
    entity: AUDIT_ENTITY,
    entityId: row!.id,
    after: { ...row, on: row!.launchedOn },
  });
  return row!;
}

/** Where each procedure stands: done, and if not, why. */
export async function procedureState(tx: Tx, d: DecisionRow, today: string) {
  const consultation = await consultationOf(tx, MODULE, ENTITY, d.id);
  const problem = await consultationProblem(tx, MODULE, ENTITY, d.id, today);
  const [{ n: meetingCount } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(meetings)
    .where(eq(meetings.decisionId, d.id));
  const legal = await latestLegalReview(tx, MODULE, ENTITY, d.id);
  const detail: Partial<Record<Procedure, string>> = {};
  let participation: boolean;
  if (consultation) {
    participation = problem === null;
    if (problem) detail.participation = problem;
  } else {
    participation = Boolean(d.noConsultationReason) && Number(meetingCount) > 0;
    detail.participation = d.noConsultationReason
      ? '应至少记录一次座谈会、听证会等公众参与活动'
      : '尚未公开征求意见';
  }
  const expert = d.expertOn !== null;
  const risk = d.riskOn !== null && d.riskControllable === true;
  if (d.riskOn && d.riskControllable !== true) detail.risk = '评估认为风险不可控,应调整决策草案后重新评估';
  const legalOk = Boolean(legal?.result && DISCUSSABLE_RESULTS.includes(legal.result));
  if (!legal) detail.legal = '尚未送请合法性审查';
  else if (!legal.result) detail.legal = `审查中(${legal.submittedOn} 送审,应于 ${legal.dueOn} 前出具意见)`;
  else if (!legalOk) detail.legal = `审查结论为「${legal.result}」,不得提交讨论(第二十八条)`;
  const state: ProcedureState = {
    participation,
    expert,
    risk,
    legal: legalOk,
    collective: d.meetingOn !== null && d.outcome === '通过',
  };
  return { state, detail, consultation, legal, meetingCount: Number(meetingCount) };
}

/** The required procedures not complete before the collective discussion, with reasons. */
export async function missingProcedures(tx: Tx, d: DecisionRow, today: string): Promise<string[]> {
  const { state, detail } = await procedureState(tx, d, today);
  return requiredProcedures(requirements(d))
    .filter((p) => p !== 'collective' && !state[p])
    .map((p) => (detail[p] ? `${PROCEDURE_LABELS[p]}(${detail[p]})` : PROCEDURE_LABELS[p]));
}

async function lockDecision(tx: Tx, id: number) {
  const [d] = await tx.select().from(decisions).where(eq(decisions.id, id)).for('update');
  if (!d) throw new AppError('NOT_FOUND');
  return d;
}

function notAfterToday(on: string, today: string) {
  if (on > today) throw new AppError('INVALID_DATE', '日期不能晚于今天');
}

function needStatus(d: DecisionRow, allowed: Status[], what: string) {
  if (!allowed.includes(d.status as Status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `当前状态为「${STATUS_LABELS[d.status as Status]}」,不能${what}`,
    );
  }
}

/** Split the draft into paragraphs for the comment form (blank lines or line breaks). */
export function paragraphsOf(draft: string): string[] {
  const byBlank = draft
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return byBlank.length > 1
    ? byBlank
    : draft
        .split(/\n/)
        .map((p) => p.trim())
        .filter(Boolean);
}

export async function runStep<S extends StepName>(
  tx: Tx,
  id: number,
  step: S,
  rawInput: StepInput<S>,
  actor: Actor,
  today = todayCal(),
): Promise<void> {
  const d = await lockDecision(tx, id);
  const major = d.kind === '重大行政决策';
  const input = rawInput as StepInput<StepName>;
  let set: Partial<typeof decisions.$inferInsert> = {};
  let audit: Record<string, unknown> = {};
  const majorOnly = (what: string) => {
    if (!major) throw new AppError('INVALID_TRANSITION', `“三重一大”事项无需${what}`);
  };
  switch (step) {
    case 'requirements': {
      needStatus(d, ['drafting'], '调整必经程序');
      majorOnly('设定专家论证、风险评估');
      const i = input as StepInput<'requirements'>;
      const req: Requirements = {
        kind: d.kind,
        professional: i.professional,
        stabilityRisk: i.stabilityRisk,
        expertWaivedReason: i.expertWaivedReason?.trim() || null,
        riskWaivedReason: i.riskWaivedReason?.trim() || null,
      };
      const problem = requirementProblem(req);
      if (problem) throw new AppError('VALIDATION_FAILED', problem);
      set = {
        professional: req.professional,
        stabilityRisk: req.stabilityRisk,
        expertWaivedReason: req.expertWaivedReason ?? null,
        riskWaivedReason: req.riskWaivedReason ?? null,
        expertRequired: expertRequired(req),
        riskRequired: riskRequired(req),
      };
      audit = set;
      break;
    }
    case 'consult': {
      needStatus(d, ['drafting'], '公开征求意见');
      majorOnly('公开征求意见');
      if (d.noConsultationReason) throw new AppError('INVALID_TRANSITION', '已记录不公开征求意见的理由');
      const i = input as StepInput<'consult'>;
      const c = await openConsultation(
        tx,
        {
          orgCode: d.orgCode,
          module: MODULE,
          entity: ENTITY,
          entityId: d.id,
          title: d.title,
          summary: i.summary ?? null,
          paragraphs: i.paragraphs?.length ? i.paragraphs : paragraphsOf(d.draft),
          opensOn: i.opensOn,
          closesOn: i.closesOn,
          shortenedReason: i.shortenedReason ?? null,
        },
        actor,
        today,
      );
      audit = { consultationId: c.id, opensOn: c.opensOn, closesOn: c.closesOn, on: c.opensOn };
      break;
    }
    case 'endConsultation': {
      // 提前结束: the period is cut to end yesterday, the reason recorded as the shortened-period reason.
      needStatus(d, ['drafting'], '结束征求意见');
      const c = await consultationOf(tx, MODULE, ENTITY, d.id);
      if (!c) throw new AppError('INVALID_TRANSITION', '尚未公开征求意见');
      const i = input as StepInput<'endConsultation'>;
      const { closesOn } = await endConsultationEarly(tx, c.id, i.reason, actor, today);
      audit = { consultationId: c.id, closesOn, reason: i.reason };
      break;
    }
    case 'noConsultation': {
      needStatus(d, ['drafting'], '记录不公开征求意见的理由');
      majorOnly('公众参与');
      if (await consultationOf(tx, MODULE, ENTITY, d.id)) {
        throw new AppError('INVALID_TRANSITION', '已公开征求意见');
      }
      set = { noConsultationReason: (input as StepInput<'noConsultation'>).reason };
      audit = set;
      break;
    }
    case 'meeting': {
      needStatus(d, ['drafting'], '记录公众参与');
      majorOnly('公众参与');
      const i = input as StepInput<'meeting'>;
      notAfterToday(i.heldOn, today);
      if (i.kind === '听证会') {
        const problem = hearingProblem(i.heldOn, i.materialsSentOn, i.listPublishedOn);
        if (problem) throw new AppError('VALIDATION_FAILED', problem);
      }
      const [m] = await tx
        .insert(meetings)
        .values({
          decisionId: d.id,
          orgCode: d.orgCode,
          kind: i.kind,
          heldOn: i.heldOn,
          listPublishedOn: i.listPublishedOn ?? null,
          materialsSentOn: i.materialsSentOn ?? null,
          participants: i.participants,
          opinions: i.opinions,
          recordedBy: actor.id,
        })
        .returning();
      audit = { meetingId: m!.id, kind: i.kind, on: i.heldOn };
      break;
    }
    case 'expert': {
      needStatus(d, ['drafting'], '记录专家论证');
      majorOnly('专家论证');
      const i = input as StepInput<'expert'>;
      notAfterToday(i.on, today);
      if (!i.conflictChecked) {
        throw new AppError(
          'VALIDATION_FAILED',
          '应当核查论证专家与决策事项无直接利害关系后再记录论证意见(第二十一条)',
        );
      }
      set = {
        expertOn: i.on,
        expertUnit: i.unit ?? null,
        experts: i.experts,
        expertOpinions: i.opinions,
        expertAdoption: i.adoption ?? null,
        expertConflictChecked: true,
        expertConflictNote: i.conflictNote ?? null,
        expertDisclosed: i.disclosed,
      };
      audit = { ...set, on: i.on };
      break;
    }
    case 'risk': {
      needStatus(d, ['drafting'], '记录风险评估');
      majorOnly('风险评估');
      const i = input as StepInput<'risk'>;
      notAfterToday(i.on, today);
      set = {
        riskOn: i.on,
        riskAssessor: i.assessor,
        riskReport: i.report,
        riskLevel: i.level,
        riskControllable: i.controllable,
      };
      audit = { ...set, on: i.on };
      break;
    }
    case 'legalSubmit': {
      needStatus(d, ['drafting'], '送请合法性审查');
      const i = input as StepInput<'legalSubmit'>;
      notAfterToday(i.on, today);
      if (i.workdays < MIN_REVIEW_WORKDAYS) {
        throw new AppError(
          'VALIDATION_FAILED',
          `送请合法性审查应当保证必要的审查时间,一般不少于${MIN_REVIEW_WORKDAYS}个工作日(第二十六条)`,
        );
      }
      const row = await submitLegalReview(
        tx,
        {
          orgCode: d.orgCode,
          ...key(d.id),
          title: d.title,
          submittedOn: i.on,
          workdays: i.workdays,
          legalBasis: '《重大行政决策程序暂行条例》第二十六条',
        },
        actor,
      );
      audit = { legalReviewId: row.id, dueOn: row.dueOn, on: i.on };
      break;
    }
    case 'legalReview': {
      needStatus(d, ['drafting'], '出具合法性审查意见');
      const i = input as StepInput<'legalReview'>;
      notAfterToday(i.on, today);
      const row = await recordLegalReview(
        tx,
        { ...key(d.id), reviewedOn: i.on, result: i.result, opinion: i.opinion },
        actor,
      );
      audit = { legalReviewId: row.id, result: row.result, adviserInvolved: row.adviserInvolved, on: i.on };
      break;
    }
    case 'collective': {
      needStatus(d, ['drafting'], '集体讨论决定');
      const i = input as StepInput<'collective'>;
      notAfterToday(i.on, today);
      if (major && !(MEETING_TYPES as readonly string[]).includes(i.meetingType)) {
        throw new AppError('VALIDATION_FAILED', '重大行政决策应当经常务会议或者全体会议讨论(第三十条)');
      }
      const missing = await missingProcedures(tx, d, today);
      if (missing.length) throw new AppError('INVALID_TRANSITION', missingMessage(missing));
      const { consultation, legal } = await procedureState(tx, d, today);
      if (consultation && i.on <= consultation.closesOn) {
        throw new AppError('INVALID_DATE', `会议日期应在征求意见截止(${consultation.closesOn})之后`);
      }
      if (legal?.reviewedOn && i.on < legal.reviewedOn) {
        throw new AppError('INVALID_DATE', `会议日期不能早于合法性审查意见出具日期(${legal.reviewedOn})`);
      }
      if (i.outcome === '通过' && !i.decisionText?.trim()) {
        throw new AppError('VALIDATION_FAILED', '请填写决定内容');
      }
      set = {
        meetingType: i.meetingType,
        meetingOn: i.on,
        attendees: i.attendees,
        minutes: i.minutes,
        dissent: i.dissent ?? null,
        headOpinion: i.headOpinion ?? null,
        outcome: i.outcome,
        decisionText: i.decisionText ?? null,
        partyReportedOn: i.partyReportedOn ?? null,
        decidedOn: i.outcome === '通过' ? i.on : null,
        status: i.outcome === '通过' ? 'decided' : i.outcome === '不予通过' ? 'rejected' : 'drafting',
      };
      audit = { ...set, on: i.on };
      break;
    }
    case 'publish': {
      needStatus(d, ['decided'], '公布');
      const i = input as StepInput<'publish'>;
      notAfterToday(i.on, today);
      if (i.on < d.decidedOn!) throw new AppError('INVALID_DATE', '公布日期不能早于决定日期');
      const c = await consultationOf(tx, MODULE, ENTITY, d.id);
      if (c && !c.resultsPublishedOn) {
        const note = i.adoptionNote?.trim();
        if (!note) throw new AppError('VALIDATION_FAILED', '请填写公众意见采纳情况说明(第三十二条)');
        await publishConsultationResults(tx, c.id, { adoptionNote: note }, actor, today);
      }
      set = { publishedOn: i.on, publishChannel: i.channel, publicText: i.publicText, status: 'published' };
      audit = { ...set, on: i.on };
      break;
    }
    case 'execute': {
      needStatus(d, ['decided', 'published'], '明确执行单位');
      set = { executionUnit: (input as StepInput<'execute'>).unit };
      audit = set;
      break;
    }
    case 'report': {
      needStatus(d, ['decided', 'published', 'evaluated'], '报告执行情况');
      if (!d.executionUnit) throw new AppError('INVALID_TRANSITION', '请先明确决策执行单位');
      const i = input as StepInput<'report'>;
      notAfterToday(i.on, today);
      const [r] = await tx
        .insert(reports)
        .values({
          decisionId: d.id,
          orgCode: d.orgCode,
          reportedOn: i.on,
          unit: i.unit,
          text: i.text,
          recordedBy: actor.id,
        })
        .returning();
      audit = { reportId: r!.id, on: i.on };
      break;
    }
    case 'evalPlan': {
      needStatus(d, ['decided', 'published'], '安排决策后评估');
      majorOnly('决策后评估');
      const i = input as StepInput<'evalPlan'>;
      if (d.decidedOn && i.on < d.decidedOn) throw new AppError('INVALID_DATE', '评估日期不能早于决定日期');
      if (i.thirdParty) {
        const problem = thirdPartyProblem(i.evaluator, {
          expertUnit: d.expertUnit,
          experts: d.experts,
          riskAssessor: d.riskAssessor,
        });
        if (problem) throw new AppError('VALIDATION_FAILED', problem);
      }
      set = {
        evalPlannedOn: i.on,
        evalTrigger: i.trigger,
        evalEvaluator: i.evaluator,
        evalThirdParty: i.thirdParty,
      };
      await openDeadline(
        tx,
        {
          orgCode: d.orgCode,
          ...key(d.id),
          step: 'evaluation',
          title: `决策后评估:${d.title}`,
          rule: { kind: 'FIXED_DATE', monthDay: i.on.slice(5), year: Number(i.on.slice(0, 4)) },
          startsOn: today,
          dueOn: i.on,
          legalBasis: '《重大行政决策程序暂行条例》第三十六条',
        },
        actor,
      );
      audit = set;
      break;
    }
    case 'evalDone': {
      needStatus(d, ['decided', 'published'], '记录决策后评估');
      if (!d.evalPlannedOn) throw new AppError('INVALID_TRANSITION', '请先安排决策后评估');
      const i = input as StepInput<'evalDone'>;
      notAfterToday(i.on, today);
      set = { evalDoneOn: i.on, evalReport: i.report, evalConclusion: i.conclusion, status: 'evaluated' };
      await completeDeadline(tx, { ...key(d.id), step: 'evaluation' }, i.on, actor);
      audit = { ...set, on: i.on };
      break;
    }
    default:
      throw new AppError('INVALID_TRANSITION');
  }
  if (Object.keys(set).length) {
    await tx
      .update(decisions)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(decisions.id, id));
  }
  await appendAudit(tx, {
    actor,
    orgCode: d.orgCode,
    action: `decisions.${step}`,
    entity: AUDIT_ENTITY,
    entityId: id,
    after: audit,
  });
}

/** Which steps make sense now (the server still checks each). */
export function allowedSteps(
  d: DecisionRow,
  x: { consultation: { closesOn: string; opensOn: string } | null; legalPending: boolean; today: string },
): StepName[] {
  const major = d.kind === '重大行政决策';
  if (d.status === 'drafting') {
    const out: StepName[] = [];
    if (major) {
      out.push('requirements');
      if (!x.consultation && !d.noConsultationReason) out.push('consult', 'noConsultation');
      if (x.consultation && x.consultation.closesOn >= x.today && x.consultation.opensOn < x.today)
        out.push('endConsultation');
      out.push('meeting', 'expert', 'risk');
    }
    out.push(x.legalPending ? 'legalReview' : 'legalSubmit', 'collective');
    return out;
  }
  if (d.status === 'decided')
    return [
      'publish',
      'execute',
      ...(d.executionUnit ? (['report'] as const) : []),
      ...(major ? (['evalPlan'] as const) : []),
    ];
  if (d.status === 'published') {
    const out: StepName[] = ['execute'];
    if (d.executionUnit) out.push('report');
    if (major) out.push('evalPlan');
    if (d.evalPlannedOn) out.push('evalDone');
    return out;
  }
  if (d.status === 'evaluated') return d.executionUnit ? ['report'] : [];
  return [];
}

export async function addEvidence(tx: Tx, id: number, input: TEvidence, actor: Actor) {
  const d = await lockDecision(tx, id);
  const [file] = await tx.select().from(files).where(eq(files.id, input.fileId));
  if (!file || !isInSubtree(file.orgCode, d.orgCode.slice(0, 12))) {
    throw new AppError('VALIDATION_FAILED', '附件不存在或不属于本决策机关,请先上传文件');
  }
  const [row] = await tx
    .insert(evidence)
    .values({
      decisionId: id,
      orgCode: d.orgCode,
      procedure: input.procedure,
      title: input.title,
      fileId: file.id,
      sha256: file.sha256,
      note: input.note ?? null,
      recordedBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: d.orgCode,
    action: 'decisions.evidence.add',
    entity: AUDIT_ENTITY,
    entityId: id,
    after: {
      evidenceId: row!.id,
      procedure: row!.procedure,
      title: row!.title,
      fileId: file.id,
      sha256: file.sha256,
    },
  });
  return row!;
}

export async function removeEvidence(tx: Tx, evidenceId: number, reason: string, actor: Actor) {
  const [e] = await tx.select().from(evidence).where(eq(evidence.id, evidenceId)).for('update');
  if (!e) throw new AppError('NOT_FOUND');
  if (e.removedAt) throw new AppError('INVALID_TRANSITION', '该材料已撤除');
  const [row] = await tx
    .update(evidence)
    .set({ removedAt: new Date(), removedReason: reason })
    .where(eq(evidence.id, evidenceId))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: e.orgCode,
    action: 'decisions.evidence.remove',
    entity: AUDIT_ENTITY,
    entityId: e.decisionId,
    after: { evidenceId, reason },
  });
  return row!;
}

export function listConditions(orgCode: string, q: TListQuery, extra?: SQL): SQL[] {
  const c: SQL[] = [inSubtree(decisions.orgCode, orgCode)];
  if (q.kind) c.push(eq(decisions.kind, q.kind));
  if (q.status) c.push(eq(decisions.status, q.status));
  if (q.year) c.push(sql`extract(year from ${decisions.launchedOn}) = ${q.year}`);
  if (q.from) c.push(sql`${decisions.launchedOn} >= ${q.from}`);
  if (q.to) c.push(sql`${decisions.launchedOn} <= ${q.to}`);
  if (q.q) {
    const like = containsPattern(q.q);
    c.push(
      sql`(${decisions.title} LIKE ${like} OR ${decisions.decisionNo} LIKE ${like} OR ${decisions.sponsorUnit} LIKE ${like})`,
    );
  }
  if (extra) c.push(extra);
  return c;
}

export async function listDecisions(db: Tx, orgCode: string, q: TListQuery, extra?: SQL) {
  const where = and(...listConditions(orgCode, q, extra));
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(decisions).where(where);
  const list = await db
    .select({
      d: decisions,
      orgName: orgs.name,
      consultationClosesOn: consultations.closesOn,
      legalResult: sql<
        string | null
      >`(SELECT lr.result FROM kernel_legal_review lr WHERE lr.module = 'decisions' AND lr.entity = 'decision' AND lr.entity_id = ${decisions.id}::text ORDER BY lr.id DESC LIMIT 1)`,
    })
    .from(decisions)
    .leftJoin(orgs, eq(orgs.code, decisions.orgCode))
    .leftJoin(
      consultations,
      and(
        eq(consultations.module, MODULE),
        eq(consultations.entity, ENTITY),
        eq(consultations.entityId, sql`${decisions.id}::text`),
      ),
    )
    .where(where)
    .orderBy(desc(decisions.launchedOn), desc(decisions.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    total: Number(n),
    items: list.map(({ d, orgName, consultationClosesOn, legalResult }) => ({
      id: d.id,
      decisionNo: d.decisionNo,
      orgCode: d.orgCode,
      orgName,
      kind: d.kind,
      matter: d.matter,
      title: d.title,
      category: d.category,
      sponsorUnit: d.sponsorUnit,
      launchedOn: d.launchedOn,
      status: d.status,
      statusLabel: STATUS_LABELS[d.status as Status],
      inCatalogue: d.catalogueItemId !== null,
      consultationClosesOn,
      legalResult,
      decidedOn: d.decidedOn,
      publishedOn: d.publishedOn,
      evalDoneOn: d.evalDoneOn,
    })),
  };
}

const ACTION_LABELS: Record<string, string> = {
  'decisions.create': '决策启动',
  'decisions.requirements': '设定必经程序',
  'decisions.consult': '公开征求意见',
  'decisions.endConsultation': '提前结束征求意见',
  'decisions.noConsultation': '不公开征求意见',
  'decisions.meeting': '公众参与活动',
  'decisions.expert': '专家论证',
  'decisions.risk': '风险评估',
  'decisions.legalSubmit': '送请合法性审查',
  'decisions.legalReview': '合法性审查意见',
  'decisions.collective': '集体讨论决定',
  'decisions.publish': '公布',
  'decisions.execute': '明确执行单位',
  'decisions.report': '执行情况报告',
  'decisions.evalPlan': '安排决策后评估',
  'decisions.evalDone': '决策后评估',
  'decisions.evidence.add': '归档材料',
  'decisions.evidence.remove': '撤除材料',
};

export async function getDecision(
  db: Tx,
  id: number,
  opts: { handle: boolean; review: boolean },
  today = todayCal(),
) {
  const [row] = await db
    .select({ d: decisions, orgName: orgs.name })
    .from(decisions)
    .leftJoin(orgs, eq(orgs.code, decisions.orgCode))
    .where(eq(decisions.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const d = row.d;
  const { state, detail, consultation, legal } = await procedureState(db, d, today);
  const [item] = d.catalogueItemId
    ? await db
        .select({ it: items, year: catalogues.year })
        .from(items)
        .innerJoin(catalogues, eq(catalogues.id, items.catalogueId))
        .where(eq(items.id, d.catalogueItemId))
    : [];
  const required = requiredProcedures(requirements(d));
  const procedures = (['participation', 'expert', 'risk', 'legal', 'collective'] as Procedure[])
    .filter((p) => d.kind === '重大行政决策' || p === 'collective' || p === 'legal')
    .map((p) => ({
      procedure: p,
      label: PROCEDURE_LABELS[p],
      required: required.includes(p),
      done: state[p],
      detail: state[p] ? null : (detail[p] ?? null),
      waivedReason:
        p === 'expert' && !d.expertRequired
          ? d.expertWaivedReason
          : p === 'risk' && !d.riskRequired
            ? d.riskWaivedReason
            : null,
    }));
  const missing =
    d.status === 'drafting'
      ? required
          .filter((p) => p !== 'collective' && !state[p])
          .map((p) => (detail[p] ? `${PROCEDURE_LABELS[p]}(${detail[p]})` : PROCEDURE_LABELS[p]))
      : [];
  const ev = await db
    .select({
      id: evidence.id,
      procedure: evidence.procedure,
      title: evidence.title,
      fileId: evidence.fileId,
      sha256: evidence.sha256,
      note: evidence.note,
      recordedByName: users.displayName,
      recordedAt: evidence.recordedAt,
      removedAt: evidence.removedAt,
      removedReason: evidence.removedReason,
    })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.recordedBy))
    .where(eq(evidence.decisionId, id))
    .orderBy(asc(evidence.id));
  const limits = await db
    .select({
      step: deadlines.step,
      title: deadlines.title,
      dueOn: deadlines.dueOn,
      status: deadlines.status,
      doneOn: deadlines.doneOn,
      legalBasis: deadlines.legalBasis,
    })
    .from(deadlines)
    .where(
      and(eq(deadlines.module, MODULE), eq(deadlines.entity, ENTITY), eq(deadlines.entityId, String(id))),
    )
    .orderBy(deadlines.id);
  const steps = allowedSteps(d, {
    consultation,
    legalPending: Boolean(legal && !legal.result),
    today,
  }).filter((s) => (s === 'legalReview' ? opts.review : opts.handle));
  return {
    ...d,
    orgName: row.orgName,
    statusLabel: STATUS_LABELS[d.status as Status],
    catalogueItem: item ? { ...item.it, year: item.year } : null,
    procedures,
    missing,
    consultation: consultation
      ? {
          id: consultation.id,
          opensOn: consultation.opensOn,
          closesOn: consultation.closesOn,
          days: periodDays(consultation.opensOn, consultation.closesOn),
          shortenedReason: consultation.shortenedReason,
          resultsPublishedOn: consultation.resultsPublishedOn,
          counts: consultation.counts,
        }
      : null,
    legalReviews: await legalReviewsOf(db, d.orgCode, MODULE, ENTITY, id),
    meetings: await db
      .select()
      .from(meetings)
      .where(eq(meetings.decisionId, id))
      .orderBy(asc(meetings.heldOn)),
    reports: await db
      .select()
      .from(reports)
      .where(eq(reports.decisionId, id))
      .orderBy(asc(reports.reportedOn)),
    evidence: ev.map((e) => ({
      ...e,
      procedureLabel: EVIDENCE_LABELS[e.procedure as keyof typeof EVIDENCE_LABELS],
    })),
    deadlines: limits.map((x) => ({ ...x, overdue: x.status === 'open' && x.dueOn < today })),
    allowedSteps: steps.map((s) => ({ step: s })),
    timeline: await auditTimeline(db, AUDIT_ENTITY, id, ACTION_LABELS),
  };
}

/** What the portal shows of a published decision: the decision, and the comments with their adoption. */
export async function publicDecision(db: Tx, d: DecisionRow & { orgName: string | null }) {
  const c = await consultationOf(db, MODULE, ENTITY, d.id);
  const list = c?.resultsPublishedOn ? await commentsOf(db, c.id) : [];
  return {
    id: d.id,
    decisionNo: d.decisionNo,
    orgName: d.orgName,
    kind: d.kind,
    matter: d.matter,
    title: d.title,
    category: d.category,
    sponsorUnit: d.sponsorUnit,
    meetingType: d.meetingType,
    decidedOn: d.decidedOn,
    publishedOn: d.publishedOn,
    publishChannel: d.publishChannel,
    publicText: d.publicText,
    executionUnit: d.executionUnit,
    expert: d.expertDisclosed
      ? {
          on: d.expertOn,
          unit: d.expertUnit,
          experts: d.experts,
          opinions: d.expertOpinions,
          adoption: d.expertAdoption,
        }
      : null,
    consultation: c
      ? {
          id: c.id,
          opensOn: c.opensOn,
          closesOn: c.closesOn,
          days: periodDays(c.opensOn, c.closesOn),
          shortenedReason: c.shortenedReason,
          resultsPublishedOn: c.resultsPublishedOn,
          adoptionNote: c.adoptionNote,
          commentCount: c.counts.comments,
          comments: list.map((x) => ({
            id: x.id,
            paragraphNo: x.paragraphNo,
            text: x.text,
            authorName: x.authorName ? maskName(x.authorName) : null,
            submittedAt: x.submittedAt,
            decision: x.decision,
            reason: x.reason,
          })),
        }
      : null,
    evaluation: d.evalDoneOn
      ? {
          doneOn: d.evalDoneOn,
          evaluator: d.evalEvaluator,
          thirdParty: d.evalThirdParty,
          conclusion: d.evalConclusion,
        }
      : null,
  };
}
