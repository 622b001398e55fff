import { and, asc, desc, eq, inArray, isNotNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { addCalendarDays, today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { auditLog, deadlines, files, orgs, users } from '../../kernel/db/schema.js';
import { hasOverdueStep } from '../../kernel/deadline-sql.js';
import { completeDeadline, openDeadline } from '../../kernel/deadlines.js';
import { AppError } from '../../kernel/errors.js';
import { isInSubtree, levelOf } from '../../kernel/orgs/codes.js';
import { latestDate } from '../../kernel/procedure.js';
import { inSubtree } from '../../kernel/scope.js';
import { reserveNumbers } from '../../kernel/sequence.js';
import { containsPattern } from '../../kernel/sql-text.js';
import {
  idCardProblem,
  isValidPhone,
  isValidUscc,
  maskIdCard,
  maskName,
  maskPhone,
  normalizeIdCard,
  normalizePhone,
  normalizeUscc,
} from '../../kernel/validate.js';
import { auditTimeline } from '../../kernel/workflow.js';
import type { TCaseListQuery, TCreateCase, TEvidence, ZSteps } from './case-model.js';
import { PROCEDURE_LABELS, STATUS_LABELS, type Status } from './model.js';
import {
  certificateProblem,
  type DecisionState,
  type EnforcementSettings,
  earliestHearingOn,
  hearingApplicable,
  hearingRequestUntil,
  LIMITS,
  missingBeforeDecision,
  onSpotProblem,
  paymentDue,
  publicationDue,
  type StepName,
  stepProblem,
  surcharge,
  TRANSITIONS,
} from './rules.js';
import {
  enforcementCaseOfficers,
  enforcementCases,
  enforcementEvidence,
  enforcementItems,
  enforcementOfficers,
  enforcementPublications,
} from './schema.js';
import { effectiveSettings, selfAndAncestors } from './settings.js';

export const MODULE = 'enforcement';
export const ENTITY = 'enforcement.case';
type CaseRow = typeof enforcementCases.$inferSelect;
type OfficerRow = typeof enforcementOfficers.$inferSelect;
type ItemRow = typeof enforcementItems.$inferSelect;

/** 第五十九条 (五): 申请行政复议、提起行政诉讼的途径和期限 when the decision names none. */
export const DEFAULT_REMEDY =
  '如不服本决定,可以自收到本决定书之日起六十日内依法申请行政复议,或者在六个月内依法向人民法院提起行政诉讼。';
/** Decisions that are published (国办发〔2018〕118号). */
const PUBLISHED_KINDS = ['处罚', '其他决定'];

export function townshipOf(orgCode: string): string {
  return `${orgCode.slice(0, 9)}000`;
}

const deadlineKey = (id: number, step: string) => ({ module: MODULE, entity: 'case', entityId: id, step });

/** An officer may act for a case of `township`: own subtree, or an ancestor (county joint enforcement). */
export function officerInReach(officerOrg: string, township: string): boolean {
  return isInSubtree(officerOrg, township) || selfAndAncestors(township).includes(officerOrg);
}

/** An item applies to cases of `township` on `on`: the township's own or an ancestor's, in force that day. */
export function itemApplies(item: ItemRow, township: string, on: string): boolean {
  return (
    selfAndAncestors(township).includes(item.orgCode) &&
    item.effectiveFrom <= on &&
    (item.effectiveTo === null || item.effectiveTo >= on)
  );
}

async function caseNumber(tx: Tx, orgCode: string, year: string): Promise<string> {
  const n = await reserveNumbers(tx, `enforcement:${townshipOf(orgCode)}:${year}`, 1);
  return `ZF${year}-${orgCode.slice(6, 9)}-${String(n).padStart(4, '0')}`;
}

async function decisionNumber(tx: Tx, orgCode: string, year: string): Promise<string> {
  const township = townshipOf(orgCode);
  const n = await reserveNumbers(tx, `enforcement-decision:${township}:${year}`, 1);
  const [org] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.code, township));
  const name = org?.name ?? '';
  const short = name.replace(/(人民政府|街道办事处|街道|镇|乡)$/, '') || name;
  return `${short}罚决字〔${year}〕第${n}号`;
}

/** Officers who may be assigned: each checked, the first problem thrown naming the officer. */
async function checkOfficers(tx: Tx, ids: number[], township: string, on: string): Promise<OfficerRow[]> {
  const distinct = [...new Set(ids)];
  if (distinct.length < 2) {
    throw new AppError(
      'VALIDATION_FAILED',
      '执法人员不少于两人(《行政处罚法》第四十二条),请选择两名不同的执法人员',
    );
  }
  const rows = await tx.select().from(enforcementOfficers).where(inArray(enforcementOfficers.id, distinct));
  const byId = new Map(rows.map((o) => [o.id, o]));
  const list: OfficerRow[] = [];
  for (const id of distinct) {
    const o = byId.get(id);
    if (!o) throw new AppError('VALIDATION_FAILED', `执法人员(编号 ${id})不存在`);
    if (!o.active) throw new AppError('VALIDATION_FAILED', `${o.name}已不在执法岗位,不能承办案件`);
    const problem = certificateProblem(o, on);
    if (problem) throw new AppError('VALIDATION_FAILED', `${problem}(《行政处罚法》第四十二条)`);
    if (!officerInReach(o.orgCode, township)) {
      throw new AppError('VALIDATION_FAILED', `${o.name}不属于本乡镇(街道)或其上级执法机关,不能承办本案`);
    }
    list.push(o);
  }
  return list;
}

function checkParty(input: TCreateCase, today: string): { idNo: string | null; phone: string | null } {
  let idNo: string | null = input.partyIdNo?.trim() || null;
  if (idNo) {
    if (input.partyType === '自然人') {
      idNo = normalizeIdCard(idNo);
      const problem = idCardProblem(idNo, { today });
      if (problem) throw new AppError('VALIDATION_FAILED', `当事人身份证号无效:${problem}`);
    } else {
      idNo = normalizeUscc(idNo);
      if (!isValidUscc(idNo))
        throw new AppError('VALIDATION_FAILED', '当事人统一社会信用代码无效(校验位不符)');
    }
  }
  const raw = input.partyPhone?.trim() || null;
  if (raw && !isValidPhone(raw)) throw new AppError('VALIDATION_FAILED', '当事人联系电话格式不正确');
  return { idNo, phone: raw ? (normalizePhone(raw) ?? raw) : null };
}

function maskedForAudit(row: CaseRow) {
  return {
    ...row,
    partyIdNo: row.partyIdNo ? maskIdCard(row.partyIdNo) : null,
    partyPhone: row.partyPhone ? maskPhone(row.partyPhone) : null,
  };
}

async function openDecisionDeadlines(tx: Tx, c: CaseRow, itemType: string, on: string, actor: Actor) {
  if (!PUBLISHED_KINDS.includes(c.decisionKind ?? '')) return;
  const p = publicationDue(itemType, on);
  const seven = p.basis === LIMITS.publish7.basis;
  await openDeadline(
    tx,
    {
      ...deadlineKey(c.id, 'publish'),
      orgCode: c.orgCode,
      title: `执法决定公示 ${c.caseNo}`,
      rule: (seven ? LIMITS.publish7 : LIMITS.publish20).rule,
      startsOn: on,
      dueOn: p.due,
      legalBasis: p.basis,
    },
    actor,
  );
}

/** 立案 (普通程序) or 当场处罚 (简易程序, decided and served on the spot). */
export async function createCase(
  tx: Tx,
  input: TCreateCase,
  actor: Actor,
  today = todayCal(),
): Promise<CaseRow> {
  const level = levelOf(input.orgCode);
  if (level !== 'township' && level !== 'office') {
    throw new AppError('INVALID_ORG_CODE', '执法案件应登记在乡镇(街道)或其执法机构');
  }
  const [org] = await tx.select({ code: orgs.code }).from(orgs).where(eq(orgs.code, input.orgCode));
  if (!org) throw new AppError('INVALID_ORG_CODE', `组织 ${input.orgCode} 不存在`);
  if (input.filedOn > today) throw new AppError('VALIDATION_FAILED', '立案日期不能晚于今天');
  const township = townshipOf(input.orgCode);
  const [item] = await tx.select().from(enforcementItems).where(eq(enforcementItems.id, input.itemId));
  if (!item) throw new AppError('VALIDATION_FAILED', `执法事项(编号 ${input.itemId})不存在`);
  if (!itemApplies(item, township, input.filedOn)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `执法事项「${item.name}」(第${item.version}版)在 ${input.filedOn} 不适用于本乡镇(街道):应为本级或上级清单中当日有效的事项`,
    );
  }
  const officers = await checkOfficers(tx, input.officerIds, township, input.filedOn);
  const party = checkParty(input, today);
  const settings = await effectiveSettings(tx, input.orgCode);
  const year = input.filedOn.slice(0, 4);
  const simple = input.procedure === 'simple';
  const values: typeof enforcementCases.$inferInsert = {
    orgCode: input.orgCode,
    caseNo: await caseNumber(tx, input.orgCode, year),
    itemId: item.id,
    procedure: input.procedure,
    source: input.source,
    partyType: input.partyType,
    partyName: input.partyName,
    partyIdNo: party.idNo,
    partyPhone: party.phone,
    partyAddress: input.partyAddress ?? null,
    summary: input.summary,
    status: 'filed',
    filedOn: input.filedOn,
    createdBy: actor.id,
  };
  if (simple) {
    if (item.itemType !== '行政处罚') {
      throw new AppError('VALIDATION_FAILED', '简易程序(当场处罚)只适用于行政处罚事项');
    }
    const penalties = input.penaltyTypes ?? [];
    const fine = input.fineAmount ?? 0;
    const problem = onSpotProblem(settings, input.partyType, penalties, fine);
    if (problem) throw new AppError('VALIDATION_FAILED', problem);
    if (penalties.includes('罚款') && !(fine > 0))
      throw new AppError('VALIDATION_FAILED', '给予罚款的,应写明罚款数额');
    Object.assign(values, {
      status: 'served',
      decidedOn: input.filedOn,
      decisionNo: await decisionNumber(tx, input.orgCode, year),
      decisionKind: '处罚',
      penaltyTypes: penalties,
      fineAmount: penalties.includes('罚款') ? fine : null,
      decisionFacts: input.decisionFacts || input.summary,
      decisionBasis: input.decisionBasis || item.legalBasis,
      performance: penalties.includes('罚款') ? '自收到本决定书之日起十五日内缴纳罚款' : '当场执行',
      remedy: DEFAULT_REMEDY,
      servedOn: input.filedOn,
      serviceMethod: '直接送达',
      paymentDueOn: penalties.includes('罚款') ? paymentDue(input.filedOn) : null,
    } satisfies Partial<CaseRow>);
  }
  const [row] = await tx.insert(enforcementCases).values(values).returning();
  const c = row!;
  await tx.insert(enforcementCaseOfficers).values(
    officers.map((o, i) => ({
      caseId: c.id,
      orgCode: c.orgCode,
      officerId: o.id,
      role: i === 0 ? '主办' : '承办',
      certNo: o.certNo!,
    })),
  );
  if (simple) {
    await openDecisionDeadlines(tx, c, item.itemType, input.filedOn, actor);
  } else {
    await openDeadline(
      tx,
      {
        ...deadlineKey(c.id, 'decide'),
        orgCode: c.orgCode,
        title: `执法案件办理 ${c.caseNo}`,
        rule: LIMITS.decide.rule,
        startsOn: c.filedOn,
        legalBasis: LIMITS.decide.basis,
      },
      actor,
    );
  }
  await appendAudit(tx, {
    actor,
    orgCode: c.orgCode,
    action: simple ? 'enforcement.onSpot' : 'enforcement.file',
    entity: ENTITY,
    entityId: c.id,
    after: {
      ...maskedForAudit(c),
      on: c.filedOn,
      officers: officers.map((o) => ({ id: o.id, name: o.name, certNo: o.certNo })),
    },
  });
  return c;
}

function lastStepOn(c: CaseRow): string {
  return latestDate([
    c.filedOn,
    c.investigatedOn,
    c.notifiedOn,
    c.hearingRequestedOn,
    c.hearingNoticeOn,
    c.hearingHeldOn,
    c.reviewSubmittedOn,
    c.reviewedOn,
    c.collectiveOn,
    c.decidedOn,
    c.servedOn,
    c.executedOn,
    c.closedOn,
    c.archivedOn,
    c.revokedOn,
  ]);
}

/** What the steps' applicability depends on beyond the case row. */
interface StepContext {
  extensions: number;
  settings: EnforcementSettings;
  publication: { withdrawnOn: string | null } | null;
}

/** The steps the case's state allows now (the permission filter comes on top). */
export function allowedSteps(c: CaseRow, x: StepContext): StepName[] {
  const status = c.status as Status;
  const hearing = c.hearingApplicable;
  return (Object.keys(TRANSITIONS) as StepName[]).filter((step) => {
    if (!TRANSITIONS[step].from.includes(status)) return false;
    switch (step) {
      case 'requestHearing':
        return hearing && !c.hearingRequestedOn && !c.hearingWaived;
      case 'waiveHearing':
        return hearing && !c.hearingWaived && !c.hearingHeldOn;
      case 'holdHearing':
        return c.hearingOn !== null;
      case 'submitReview':
        return !c.reviewSubmittedOn || (c.reviewedOn !== null && c.reviewResult !== '同意');
      case 'legalReview':
        return c.reviewSubmittedOn !== null && c.reviewedOn === null;
      case 'collective':
        return c.collectiveOn === null;
      case 'extend':
        return c.procedure === 'ordinary' && x.extensions < x.settings.extensionsAllowed;
      case 'publish':
        return PUBLISHED_KINDS.includes(c.decisionKind ?? '') && !x.publication && !c.revokedOn;
      case 'revoke':
        return c.revokedOn === null;
      case 'withdraw':
        return x.publication !== null && x.publication.withdrawnOn === null;
      default:
        return true;
    }
  });
}

async function countExtensions(tx: Tx, id: number): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, ENTITY),
        eq(auditLog.entityId, String(id)),
        eq(auditLog.action, 'enforcement.extend'),
      ),
    );
  return Number(r?.n ?? 0);
}

async function publicationOf(tx: Tx, id: number) {
  const [p] = await tx.select().from(enforcementPublications).where(eq(enforcementPublications.caseId, id));
  return p ?? null;
}

async function caseOfficers(tx: Tx, id: number) {
  return tx
    .select({
      officerId: enforcementCaseOfficers.officerId,
      name: enforcementOfficers.name,
      certNo: enforcementCaseOfficers.certNo,
      role: enforcementCaseOfficers.role,
      userId: enforcementOfficers.userId,
    })
    .from(enforcementCaseOfficers)
    .innerJoin(enforcementOfficers, eq(enforcementOfficers.id, enforcementCaseOfficers.officerId))
    .where(eq(enforcementCaseOfficers.caseId, id))
    .orderBy(asc(enforcementCaseOfficers.id));
}

export function decisionState(c: CaseRow, decisionKind: string, officerCount: number): DecisionState {
  return {
    decisionKind,
    notifiedOn: c.notifiedOn,
    statementWaived: c.statementWaived,
    hearingApplicable: c.hearingApplicable,
    hearingRequestUntil: c.hearingRequestUntil,
    hearingRequestedOn: c.hearingRequestedOn,
    hearingWaived: c.hearingWaived,
    hearingHeldOn: c.hearingHeldOn,
    major: c.major,
    reviewedOn: c.reviewedOn,
    reviewResult: c.reviewResult,
    collectiveRequired: c.collectiveRequired,
    collectiveOn: c.collectiveOn,
    officerCount,
  };
}

/** 法制审核 by someone who has not handled the case (第五十八条; 国办发〔2018〕118号: 审核与办案分离). */
async function reviewerProblem(tx: Tx, c: CaseRow, actor: Actor): Promise<string | null> {
  if (actor.id !== null && c.createdBy === actor.id) return '法制审核人员不能是本案的立案人';
  const officers = await caseOfficers(tx, c.id);
  const own = officers.find((o) => actor.id !== null && o.userId === actor.id);
  if (own) return `法制审核人员不能是本案的执法人员(${own.name})`;
  const who = actor.id !== null ? eq(auditLog.actorId, actor.id) : eq(auditLog.actor, actor.name);
  const [handled] = await tx
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, ENTITY),
        eq(auditLog.entityId, String(c.id)),
        who,
        ne(auditLog.action, 'enforcement.legalReview'),
      ),
    )
    .limit(1);
  if (handled)
    return `法制审核人员不能是本案的承办人员(已办理「${ACTION_LABELS[handled.action] ?? handled.action}」)`;
  return null;
}

function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}

/** The portal's summary: a natural person's name masked, never an id number or phone. */
export function publicSummary(
  c: CaseRow,
  item: ItemRow,
  authority: string,
): Record<string, string | number | null> {
  const person = c.partyType === '自然人';
  const scrub = (s: string | null) => {
    if (!s) return s;
    let out = s;
    if (person && c.partyName) out = out.split(c.partyName).join(maskName(c.partyName));
    if (c.partyIdNo) out = out.split(c.partyIdNo).join(person ? maskIdCard(c.partyIdNo) : c.partyIdNo);
    if (c.partyPhone) out = out.split(c.partyPhone).join(maskPhone(c.partyPhone));
    // Any other 18-digit 身份证号 or mobile number written into the text.
    out = out.replace(/\b\d{17}[\dXx]\b/g, (m) => (m === c.partyIdNo && !person ? m : maskIdCard(m)));
    return out.replace(/\b1[3-9]\d{9}\b/g, (m) => maskPhone(m));
  };
  return {
    decisionNo: c.decisionNo,
    itemName: item.name,
    partyType: c.partyType,
    partyName: person ? maskName(c.partyName) : c.partyName,
    uscc: person ? null : c.partyIdNo,
    facts: scrub(c.decisionFacts),
    basis: scrub(c.decisionBasis),
    decisionKind: c.decisionKind,
    penalties: c.penaltyTypes.join('、') || null,
    fineAmount: c.fineAmount,
    confiscatedAmount: c.confiscatedAmount,
    performance: scrub(c.performance),
    authority,
    decidedOn: c.decidedOn,
  };
}

type StepInput<S extends StepName> = z.infer<(typeof ZSteps)[S]>;

export async function runStep<S extends StepName>(
  tx: Tx,
  id: number,
  step: S,
  input: StepInput<S>,
  actor: Actor,
  today = todayCal(),
): Promise<CaseRow> {
  const [before] = await tx.select().from(enforcementCases).where(eq(enforcementCases.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND');
  const status = before.status as Status;
  const i = input as Record<string, unknown>;
  const on = (i.on as string | undefined) ?? today;
  const problem = stepProblem(status, step, on, lastStepOn(before), today);
  if (problem) throw new AppError('INVALID_TRANSITION', problem);
  const settings = await effectiveSettings(tx, before.orgCode);
  // Read only what this step's rules look at (a demo county runs thousands of steps in one go).
  const publication = ['publish', 'revoke', 'withdraw'].includes(step) ? await publicationOf(tx, id) : null;
  const extensions = step === 'extend' ? await countExtensions(tx, id) : 0;
  if (!allowedSteps(before, { extensions, settings, publication }).includes(step)) {
    throw new AppError('INVALID_TRANSITION', stepRefusal(before, step, settings));
  }
  const [item] =
    step === 'decide' || step === 'publish'
      ? await tx.select().from(enforcementItems).where(eq(enforcementItems.id, before.itemId))
      : [];
  const set: Partial<CaseRow> = { updatedAt: new Date() };
  const to = TRANSITIONS[step].to;
  if (to) set.status = to;
  const done = (s: string, how: 'done' | 'cancelled' = 'done') =>
    completeDeadline(tx, deadlineKey(id, s), on, actor, how);
  const fail = (message: string) => new AppError('INVALID_TRANSITION', message);
  const audit: Record<string, unknown> = {};

  switch (step) {
    case 'investigate': {
      const penalties = i.proposedPenalties as string[];
      set.investigatedOn = on;
      set.findings = i.findings as string;
      set.proposal = i.proposal as string;
      set.hearingApplicable = hearingApplicable(
        settings,
        before.partyType,
        penalties,
        (i.proposedFine as number | null) ?? 0,
        (i.proposedConfiscated as number | null) ?? 0,
      );
      Object.assign(audit, {
        proposedPenalties: penalties,
        proposedFine: i.proposedFine ?? null,
        proposedConfiscated: i.proposedConfiscated ?? null,
      });
      break;
    }
    case 'markMajor':
      set.major = true;
      set.majorReasons = i.reasons as string[];
      set.collectiveRequired = (i.collectiveRequired as boolean | undefined) ?? before.collectiveRequired;
      break;
    case 'notify':
      set.notifiedOn = on;
      if (before.hearingApplicable) set.hearingRequestUntil = hearingRequestUntil(on);
      audit.content = i.content;
      break;
    case 'statement':
      set.statementText = i.text as string;
      set.statementWaived = (i.waived as boolean | undefined) ?? false;
      break;
    case 'requestHearing':
      if (before.hearingRequestUntil && on > before.hearingRequestUntil) {
        throw fail(
          `已超过听证申请期限:当事人应在告知后五个工作日内(至 ${before.hearingRequestUntil})提出(《行政处罚法》第六十四条)`,
        );
      }
      set.hearingRequestedOn = on;
      break;
    case 'waiveHearing':
      set.hearingWaived = true;
      break;
    case 'scheduleHearing': {
      const hearingOn = i.hearingOn as string;
      const host = (i.host as string).trim();
      const earliest = earliestHearingOn(on);
      if (hearingOn < earliest) {
        throw fail(
          `应在举行听证的七个工作日前通知当事人,${on} 通知的听证最早于 ${earliest} 举行(《行政处罚法》第六十四条)`,
        );
      }
      const officers = await caseOfficers(tx, id);
      if (officers.some((o) => o.name === host)) {
        throw fail(`听证由行政机关指定的非本案调查人员主持,${host}是本案执法人员(《行政处罚法》第六十四条)`);
      }
      set.hearingNoticeOn = on;
      set.hearingOn = hearingOn;
      set.hearingHost = host;
      break;
    }
    case 'holdHearing':
      if (on < before.hearingOn!) throw fail(`听证定于 ${before.hearingOn} 举行,不能早于该日记录举行听证`);
      set.hearingHeldOn = on;
      audit.record = i.record;
      break;
    case 'submitReview':
      set.reviewSubmittedOn = on;
      set.reviewedOn = null;
      set.reviewResult = null;
      set.reviewOpinion = null;
      await openDeadline(
        tx,
        {
          ...deadlineKey(id, 'review'),
          orgCode: before.orgCode,
          title: `法制审核 ${before.caseNo}`,
          rule: { kind: 'WORK_DAYS', n: settings.reviewWorkdays },
          startsOn: on,
          legalBasis: `《行政处罚法》第五十八条;法制审核期限${settings.reviewWorkdays}个工作日(本地规定)`,
        },
        actor,
      );
      break;
    case 'legalReview': {
      const refused = await reviewerProblem(tx, before, actor);
      if (refused) throw fail(`${refused}(《行政处罚法》第五十八条:法制审核与案件办理相分离)`);
      set.reviewedOn = on;
      set.reviewResult = i.result as string;
      set.reviewOpinion = i.opinion as string;
      set.reviewerId = actor.id;
      set.reviewerName = actor.name;
      await done('review');
      break;
    }
    case 'collective':
      set.collectiveOn = on;
      set.collectiveAttendees = i.attendees as string;
      set.collectiveMinutes = i.minutes as string;
      break;
    case 'extend': {
      const days = i.days as number;
      if (days > settings.extensionMaxDays) {
        throw new AppError('VALIDATION_FAILED', `每次延长办案期限不得超过${settings.extensionMaxDays}日`);
      }
      const [limit] = await tx
        .select({ dueOn: deadlines.dueOn, status: deadlines.status })
        .from(deadlines)
        .where(
          and(
            eq(deadlines.module, MODULE),
            eq(deadlines.entity, 'case'),
            eq(deadlines.entityId, String(id)),
            eq(deadlines.step, 'decide'),
          ),
        );
      if (limit && on > limit.dueOn) {
        throw fail(`办案期限已于 ${limit.dueOn} 届满,不能再延期(延期应在期限内批准)`);
      }
      const total = (before.extendedDays ?? 0) + days;
      set.extendedDays = total;
      set.extensionReason = i.reason as string;
      set.extensionApprover = i.approver as string;
      await openDeadline(
        tx,
        {
          ...deadlineKey(id, 'decide'),
          orgCode: before.orgCode,
          title: `执法案件办理(延期${total}日) ${before.caseNo}`,
          rule: { kind: 'CAL_DAYS', n: 90 + total },
          startsOn: before.filedOn,
          dueOn: addCalendarDays(before.filedOn, 90 + total).due,
          legalBasis: `${LIMITS.decide.basis};经${i.approver as string}批准延长${days}日`,
        },
        actor,
      );
      break;
    }
    case 'decide': {
      const kind = i.decisionKind as string;
      const officers = await caseOfficers(tx, id);
      const missing = missingBeforeDecision(decisionState(before, kind, officers.length), on);
      if (missing.length) throw fail(`不能作出决定,尚缺:${missing.join(';')}`);
      const penalties = kind === '处罚' ? (i.penaltyTypes as string[]) : [];
      const fine = (i.fineAmount as number | null | undefined) ?? null;
      if (kind === '处罚' && penalties.length === 0) {
        throw new AppError('VALIDATION_FAILED', '处罚决定应写明行政处罚的种类(《行政处罚法》第五十九条)');
      }
      if (penalties.includes('罚款') && !(fine && fine > 0)) {
        throw new AppError('VALIDATION_FAILED', '给予罚款的,应写明罚款数额(《行政处罚法》第五十九条)');
      }
      const confiscated = (i.confiscatedAmount as number | null | undefined) ?? 0;
      if (
        kind === '处罚' &&
        !before.hearingApplicable &&
        hearingApplicable(settings, before.partyType, penalties, fine ?? 0, confiscated)
      ) {
        throw fail(
          '拟作出的处罚属于应当告知听证权利的情形,但事先告知时未告知当事人要求听证的权利,不能作出该决定(《行政处罚法》第六十三条)',
        );
      }
      set.decidedOn = on;
      set.decisionKind = kind;
      set.penaltyTypes = penalties;
      set.fineAmount = penalties.includes('罚款') ? fine : null;
      set.confiscatedAmount = (i.confiscatedAmount as number | null | undefined) ?? null;
      set.decisionFacts = i.facts as string;
      set.decisionBasis = i.basis as string;
      set.performance = i.performance as string;
      set.remedy = (i.remedy as string | null | undefined) || DEFAULT_REMEDY;
      set.decisionNo = await decisionNumber(tx, before.orgCode, on.slice(0, 4));
      await done('decide');
      await done('review', 'cancelled');
      await openDeadline(
        tx,
        {
          ...deadlineKey(id, 'serve'),
          orgCode: before.orgCode,
          title: `决定书送达 ${before.caseNo}`,
          rule: LIMITS.serve.rule,
          startsOn: on,
          legalBasis: LIMITS.serve.basis,
        },
        actor,
      );
      await openDecisionDeadlines(tx, { ...before, ...set } as CaseRow, item!.itemType, on, actor);
      break;
    }
    case 'serve':
      set.servedOn = on;
      set.serviceMethod = i.method as string;
      if (before.fineAmount && before.fineAmount > 0) set.paymentDueOn = paymentDue(on);
      await done('serve');
      break;
    case 'execute': {
      set.executedOn = on;
      set.executionNote = (i.note as string | null | undefined) ?? null;
      const paidOn = (i.paidOn as string | null | undefined) ?? null;
      if (paidOn) {
        if (paidOn > on) throw new AppError('VALIDATION_FAILED', '缴款日期不能晚于执行日期');
        set.paidOn = paidOn;
        set.paidAmount = (i.paidAmount as number | null | undefined) ?? before.fineAmount;
        if (before.fineAmount && before.paymentDueOn) {
          set.surcharge = surcharge(before.fineAmount, before.paymentDueOn, paidOn);
        }
      }
      break;
    }
    case 'close':
      set.closedOn = on;
      break;
    case 'archive':
      set.archivedOn = on;
      break;
    case 'publish': {
      const [org] = await tx
        .select({ name: orgs.name })
        .from(orgs)
        .where(eq(orgs.code, townshipOf(before.orgCode)));
      const due = publicationDue(item!.itemType, before.decidedOn!);
      const years = before.partyType === '自然人' ? settings.retainYearsPerson : settings.retainYearsOther;
      const [p] = await tx
        .insert(enforcementPublications)
        .values({
          caseId: id,
          orgCode: before.orgCode,
          category: item!.itemType,
          decisionNo: before.decisionNo!,
          decidedOn: before.decidedOn!,
          dueOn: due.due,
          publishedOn: on,
          summary: publicSummary(before, item!, org?.name ?? ''),
          retainUntil: addYears(before.decidedOn!, years),
        })
        .returning({ id: enforcementPublications.id });
      await done('publish');
      Object.assign(audit, { publicationId: p!.id, dueOn: due.due, late: on > due.due });
      break;
    }
    case 'revoke':
      set.revokedOn = on;
      set.revokeReason = `${i.kind as string}:${i.reason as string}`;
      if (publication && !publication.withdrawnOn) {
        await openDeadline(
          tx,
          {
            ...deadlineKey(id, 'withdraw'),
            orgCode: before.orgCode,
            title: `撤回执法决定公示 ${before.caseNo}`,
            rule: LIMITS.withdraw.rule,
            startsOn: on,
            legalBasis: LIMITS.withdraw.basis,
          },
          actor,
        );
      } else if (!publication) {
        await done('publish', 'cancelled');
      }
      break;
    case 'withdraw':
      await tx
        .update(enforcementPublications)
        .set({ withdrawnOn: on, withdrawReason: i.reason as string })
        .where(eq(enforcementPublications.caseId, id));
      await done('withdraw');
      audit.reason = i.reason;
      break;
  }
  const [after] = await tx.update(enforcementCases).set(set).where(eq(enforcementCases.id, id)).returning();
  await appendAudit(tx, {
    actor,
    orgCode: before.orgCode,
    action: `enforcement.${step}`,
    entity: ENTITY,
    entityId: id,
    before: { status: before.status },
    after: { ...set, ...audit, on, updatedAt: undefined },
  });
  return after!;
}

/** Why a step the state machine allows does not apply to this case. */
function stepRefusal(c: CaseRow, step: StepName, s: EnforcementSettings): string {
  const label = TRANSITIONS[step].label;
  switch (step) {
    case 'requestHearing':
    case 'waiveHearing':
      return c.hearingApplicable
        ? `「${label}」已办理,不能重复`
        : '本案拟作出的处罚不属于应当告知听证权利的情形(《行政处罚法》第六十三条)';
    case 'holdHearing':
      return '尚未通知听证时间、地点,不能举行听证';
    case 'legalReview':
      return c.reviewSubmittedOn ? '法制审核意见已记录,修改后应重新提交审核' : '案件尚未提交法制审核';
    case 'submitReview':
      return '案件已提交法制审核,尚待审核意见';
    case 'extend':
      return c.procedure === 'simple'
        ? '简易程序案件不适用延期'
        : `办案期限最多延长${s.extensionsAllowed}次,本案已延期`;
    case 'publish':
      return c.revokedOn ? '决定已被变更或撤销,不再公示' : '该决定已公示或不属于公示范围';
    case 'withdraw':
      return '该决定没有需要撤回的公示';
    default:
      return `「${label}」不适用于此案件`;
  }
}

// ---------------------------------------------------------------------------
// Evidence (全过程记录)

/** A step name, 'file' (立案), or the schema's coarse 'hearing' / 'review'. */
const EVIDENCE_STEPS: readonly string[] = ['file', 'hearing', 'review', ...Object.keys(TRANSITIONS)];

export async function addEvidence(tx: Tx, caseId: number, input: TEvidence, actor: Actor) {
  const [c] = await tx.select().from(enforcementCases).where(eq(enforcementCases.id, caseId)).for('update');
  if (!c) throw new AppError('NOT_FOUND');
  if (c.archivedOn) throw new AppError('INVALID_TRANSITION', '案件已归档,不能再添加证据材料');
  if (!EVIDENCE_STEPS.includes(input.step)) {
    throw new AppError('VALIDATION_FAILED', `环节「${input.step}」无效,应为立案(file)或案件办理环节之一`);
  }
  const [file] = await tx.select().from(files).where(eq(files.id, input.fileId));
  if (!file || !isInSubtree(file.orgCode, townshipOf(c.orgCode))) {
    throw new AppError('VALIDATION_FAILED', '附件不存在或不属于本乡镇(街道),请先上传文件');
  }
  const [row] = await tx
    .insert(enforcementEvidence)
    .values({
      caseId,
      orgCode: c.orgCode,
      step: input.step,
      kind: input.kind,
      title: input.title,
      fileId: file.id,
      sha256: file.sha256,
      takenAt: input.takenAt ? new Date(input.takenAt) : null,
      place: input.place ?? null,
      note: input.note ?? null,
      recordedBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: c.orgCode,
    action: 'enforcement.evidence.add',
    entity: ENTITY,
    entityId: caseId,
    after: {
      evidenceId: row!.id,
      step: row!.step,
      kind: row!.kind,
      title: row!.title,
      fileId: file.id,
      sha256: file.sha256,
    },
  });
  return row!;
}

/** Evidence is never deleted: the removal and its reason are recorded and audited. */
export async function removeEvidence(tx: Tx, evidenceId: number, reason: string, actor: Actor) {
  const [e] = await tx
    .select()
    .from(enforcementEvidence)
    .where(eq(enforcementEvidence.id, evidenceId))
    .for('update');
  if (!e) throw new AppError('NOT_FOUND');
  if (e.removedAt) throw new AppError('INVALID_TRANSITION', '该证据材料已撤除');
  const [c] = await tx
    .select({ archivedOn: enforcementCases.archivedOn })
    .from(enforcementCases)
    .where(eq(enforcementCases.id, e.caseId));
  if (c?.archivedOn) throw new AppError('INVALID_TRANSITION', '案件已归档,不能再撤除证据材料');
  const [row] = await tx
    .update(enforcementEvidence)
    .set({ removedAt: new Date(), removedReason: reason })
    .where(eq(enforcementEvidence.id, evidenceId))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: e.orgCode,
    action: 'enforcement.evidence.remove',
    entity: ENTITY,
    entityId: e.caseId,
    before: { evidenceId, title: e.title, sha256: e.sha256 },
    after: { evidenceId, reason },
  });
  return row!;
}

// ---------------------------------------------------------------------------
// Reading

const NEXT_DUE = sql<
  string | null
>`(SELECT min(d.due_on)::text FROM kernel_deadline d WHERE d.module = 'enforcement' AND d.entity = 'case' AND d.entity_id = ${enforcementCases.id}::text AND d.status = 'open')`;

export function listConditions(orgCode: string, q: TCaseListQuery, asOf: string, extra?: SQL): SQL[] {
  const c: SQL[] = [inSubtree(enforcementCases.orgCode, orgCode)];
  if (q.status) c.push(eq(enforcementCases.status, q.status));
  if (q.procedure) c.push(eq(enforcementCases.procedure, q.procedure));
  if (q.itemType) c.push(eq(enforcementItems.itemType, q.itemType));
  if (q.major) c.push(eq(enforcementCases.major, true));
  if (q.from) c.push(sql`${enforcementCases.filedOn} >= ${q.from}`);
  if (q.to) c.push(sql`${enforcementCases.filedOn} <= ${q.to}`);
  if (q.q) {
    const like = containsPattern(q.q);
    c.push(
      or(
        sql`${enforcementCases.caseNo} LIKE ${like}`,
        sql`${enforcementCases.partyName} LIKE ${like}`,
        sql`${enforcementCases.summary} LIKE ${like}`,
        sql`${enforcementCases.decisionNo} LIKE ${like}`,
      )!,
    );
  }
  if (q.overdue) c.push(hasOverdueStep(MODULE, 'case', enforcementCases.id, asOf));
  if (extra) c.push(extra);
  return c;
}

export async function listCases(
  db: Tx,
  orgCode: string,
  q: TCaseListQuery,
  asOf: string,
  canSeePersonal: boolean,
  extra?: SQL,
  all = false,
) {
  const where = and(...listConditions(orgCode, q, asOf, extra));
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enforcementCases)
    .leftJoin(enforcementItems, eq(enforcementItems.id, enforcementCases.itemId))
    .where(where);
  const base = db
    .select({
      c: enforcementCases,
      orgName: orgs.name,
      itemName: enforcementItems.name,
      itemType: enforcementItems.itemType,
      nextDue: NEXT_DUE,
    })
    .from(enforcementCases)
    .leftJoin(enforcementItems, eq(enforcementItems.id, enforcementCases.itemId))
    .leftJoin(orgs, eq(orgs.code, enforcementCases.orgCode))
    .where(where)
    .orderBy(desc(enforcementCases.filedOn), desc(enforcementCases.id));
  const list = all
    ? await base.limit(100_000)
    : await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return {
    total: Number(n),
    items: list.map(({ c, ...r }) => ({
      id: c.id,
      caseNo: c.caseNo,
      orgCode: c.orgCode,
      orgName: r.orgName,
      procedure: c.procedure,
      procedureLabel: PROCEDURE_LABELS[c.procedure as 'simple' | 'ordinary'],
      itemName: r.itemName,
      itemType: r.itemType,
      partyType: c.partyType,
      partyName: c.partyType === '自然人' && !canSeePersonal ? maskName(c.partyName) : c.partyName,
      summary: c.summary,
      status: c.status,
      statusLabel: STATUS_LABELS[c.status as Status],
      filedOn: c.filedOn,
      decidedOn: c.decidedOn,
      decisionNo: c.decisionNo,
      decisionKind: c.decisionKind,
      major: c.major,
      fineAmount: c.fineAmount,
      nextDue: r.nextDue,
      overdue: Boolean(r.nextDue && r.nextDue < asOf),
    })),
  };
}

export const ACTION_LABELS: Record<string, string> = {
  'enforcement.file': '立案',
  'enforcement.onSpot': '当场处罚(简易程序)',
  'enforcement.evidence.add': '添加证据材料',
  'enforcement.evidence.remove': '撤除证据材料',
  ...Object.fromEntries(Object.entries(TRANSITIONS).map(([k, t]) => [`enforcement.${k}`, t.label])),
};

export async function getCase(
  db: Tx,
  id: number,
  opts: { personal: boolean; handle: boolean; review: boolean },
  asOf = todayCal(),
) {
  const [row] = await db
    .select({ c: enforcementCases, orgName: orgs.name })
    .from(enforcementCases)
    .leftJoin(orgs, eq(orgs.code, enforcementCases.orgCode))
    .where(eq(enforcementCases.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const c = row.c;
  const [item] = await db.select().from(enforcementItems).where(eq(enforcementItems.id, c.itemId));
  const officers = await caseOfficers(db, id);
  const evidence = await db
    .select({
      id: enforcementEvidence.id,
      step: enforcementEvidence.step,
      kind: enforcementEvidence.kind,
      title: enforcementEvidence.title,
      fileId: enforcementEvidence.fileId,
      sha256: enforcementEvidence.sha256,
      takenAt: enforcementEvidence.takenAt,
      place: enforcementEvidence.place,
      note: enforcementEvidence.note,
      recordedByName: users.displayName,
      recordedAt: enforcementEvidence.recordedAt,
      removedAt: enforcementEvidence.removedAt,
      removedReason: enforcementEvidence.removedReason,
    })
    .from(enforcementEvidence)
    .leftJoin(users, eq(users.id, enforcementEvidence.recordedBy))
    .where(eq(enforcementEvidence.caseId, id))
    .orderBy(asc(enforcementEvidence.id));
  const limits = await db
    .select({
      step: deadlines.step,
      title: deadlines.title,
      startsOn: deadlines.startsOn,
      dueOn: deadlines.dueOn,
      status: deadlines.status,
      doneOn: deadlines.doneOn,
      legalBasis: deadlines.legalBasis,
      provisional: deadlines.provisional,
    })
    .from(deadlines)
    .where(
      and(eq(deadlines.module, MODULE), eq(deadlines.entity, 'case'), eq(deadlines.entityId, String(id))),
    )
    .orderBy(deadlines.id);
  const publication = await publicationOf(db, id);
  const settings = await effectiveSettings(db, c.orgCode);
  const extensions = await countExtensions(db, id);
  const steps = allowedSteps(c, { extensions, settings, publication }).filter((s) =>
    TRANSITIONS[s].perm === 'enforcement.review' ? opts.review : opts.handle,
  );
  const undecided = c.decidedOn === null && c.procedure === 'ordinary';
  return {
    ...c,
    partyIdNo:
      c.partyIdNo && !opts.personal && c.partyType === '自然人' ? maskIdCard(c.partyIdNo) : c.partyIdNo,
    partyPhone: c.partyPhone && !opts.personal ? maskPhone(c.partyPhone) : c.partyPhone,
    orgName: row.orgName,
    statusLabel: STATUS_LABELS[c.status as Status],
    procedureLabel: PROCEDURE_LABELS[c.procedure as 'simple' | 'ordinary'],
    item: item
      ? {
          id: item.id,
          itemCode: item.itemCode,
          version: item.version,
          name: item.name,
          itemType: item.itemType,
          legalBasis: item.legalBasis,
        }
      : null,
    officers: officers.map(({ userId: _u, ...o }) => o),
    evidence,
    deadlines: limits.map((d) => ({
      ...d,
      overdue: d.status === 'open' && d.dueOn < asOf,
      late: d.status === 'done' && d.doneOn! > d.dueOn,
    })),
    publication,
    missing: undecided ? missingBeforeDecision(decisionState(c, '处罚', officers.length), asOf) : [],
    allowedSteps: steps.map((s) => ({ step: s, label: TRANSITIONS[s].label })),
    timeline: await auditTimeline(db, ENTITY, id, ACTION_LABELS),
  };
}

/** Officers who may act on a case of `orgCode` on `on`. */
export async function eligibleOfficers(db: Tx, orgCode: string, on: string) {
  const level = levelOf(orgCode);
  const base =
    level === 'township' || level === 'office' || level === 'village' || level === 'grid'
      ? townshipOf(orgCode)
      : orgCode;
  const rows = await db
    .select({ o: enforcementOfficers, orgName: orgs.name })
    .from(enforcementOfficers)
    .leftJoin(orgs, eq(orgs.code, enforcementOfficers.orgCode))
    .where(
      and(
        eq(enforcementOfficers.active, true),
        isNotNull(enforcementOfficers.certNo),
        or(
          inSubtree(enforcementOfficers.orgCode, base),
          inArray(enforcementOfficers.orgCode, selfAndAncestors(base)),
        ),
      ),
    )
    .orderBy(asc(enforcementOfficers.orgCode), asc(enforcementOfficers.id))
    .limit(2000);
  return rows
    .filter((r) => certificateProblem(r.o, on) === null)
    .map((r) => ({
      id: r.o.id,
      name: r.o.name,
      certNo: r.o.certNo,
      orgName: r.orgName,
      validTo: r.o.validTo,
    }));
}
