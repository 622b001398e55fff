import { randomBytes } from 'node:crypto';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { deadlines, orgs } from '../../kernel/db/schema.js';
import { completeDeadline, openDeadline } from '../../kernel/deadlines.js';
import { AppError } from '../../kernel/errors.js';
import { levelOf } from '../../kernel/orgs/codes.js';
import { latestDate, transitionProblem } from '../../kernel/procedure.js';
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
import {
  ABANDONED_REASON,
  ANSWER_REASONS,
  type AnswerType,
  MODULE,
  STATUS_LABELS,
  type Status,
  type StepName,
  type TCreateItem,
  type TCreateRequest,
  type ZItemQuery,
  type ZPublish,
  type ZRequestQuery,
  type ZSteps,
} from './model.js';
import {
  allowedSteps,
  CORRECTION_WINDOW_WORKDAYS,
  correctionWindowEnd,
  evidenceLabel,
  PUBLISH_BASIS,
  PUBLISH_RULE,
  pausedFor,
  publishDue,
  REPLY_BASIS,
  REPLY_WORKDAYS,
  receivedOnOf,
  replyDue,
  TRANSITIONS,
} from './rules.js';
import { disclosureItems, disclosureRequests } from './schema.js';

export { MODULE };

const ITEM = 'disclosure.item';
const REQUEST = 'disclosure.request';
export type ItemRow = typeof disclosureItems.$inferSelect;
export type RequestRow = typeof disclosureRequests.$inferSelect;

const itemKey = (id: number) => ({ module: MODULE, entity: 'item', entityId: id, step: 'publish' });
const replyKey = (id: number) => ({ module: MODULE, entity: 'request', entityId: id, step: 'reply' });

/** The organ a request or item belongs to: a township, the county or a township's office. */
async function checkOrgan(tx: Tx, orgCode: string, noun: string): Promise<void> {
  const level = levelOf(orgCode);
  if (!level || !['county', 'township', 'office'].includes(level)) {
    throw new AppError('INVALID_ORG_CODE', `${noun}应登记在县、乡镇(街道)或其科室（行政机关）`);
  }
  const [org] = await tx.select({ code: orgs.code }).from(orgs).where(eq(orgs.code, orgCode));
  if (!org) throw new AppError('INVALID_ORG_CODE', `组织 ${orgCode} 不存在`);
}

// ---------------------------------------------------------------------------------------------
// 主动公开

/** 索引号: `<org code>/<year>-<5 digits>`, from the org's sequence for the year. */
export async function indexNumbers(tx: Tx, orgCode: string, year: string, n: number): Promise<string[]> {
  const first = await reserveNumbers(tx, `disclosure:item:${orgCode}:${year}`, n);
  return Array.from({ length: n }, (_, i) => `${orgCode}/${year}-${String(first + i).padStart(5, '0')}`);
}

export async function createItem(tx: Tx, input: TCreateItem, actor: Actor, today = todayCal()) {
  await checkOrgan(tx, input.orgCode, '主动公开信息');
  if (input.formedOn > today) throw new AppError('VALIDATION_FAILED', '生成日期不能晚于今天');
  if (input.publishedOn) {
    if (input.publishedOn > today) throw new AppError('VALIDATION_FAILED', '公开日期不能晚于今天');
    if (input.publishedOn < input.formedOn)
      throw new AppError('VALIDATION_FAILED', '公开日期不能早于生成日期');
    if (!input.channel) throw new AppError('VALIDATION_FAILED', '已公开的信息须填写公开渠道');
  }
  const [indexNo] = await indexNumbers(tx, input.orgCode, input.formedOn.slice(0, 4), 1);
  const [row] = await tx
    .insert(disclosureItems)
    .values({
      orgCode: input.orgCode,
      indexNo: indexNo!,
      title: input.title,
      category: input.category,
      formedOn: input.formedOn,
      dueOn: publishDue(input.formedOn),
      publishedOn: input.publishedOn ?? null,
      channel: input.publishedOn ? (input.channel ?? null) : null,
      summary: input.summary ?? null,
      url: input.url ?? null,
      createdBy: actor.id,
    })
    .returning();
  await openDeadline(
    tx,
    {
      ...itemKey(row!.id),
      orgCode: row!.orgCode,
      title: `主动公开 ${row!.title}`,
      rule: PUBLISH_RULE,
      startsOn: row!.formedOn,
      dueOn: row!.dueOn,
      legalBasis: PUBLISH_BASIS,
    },
    actor,
  );
  if (row!.publishedOn) await completeDeadline(tx, itemKey(row!.id), row!.publishedOn, actor);
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: 'disclosure.item.create',
    entity: ITEM,
    entityId: row!.id,
    after: { ...row, on: row!.formedOn },
  });
  return row!;
}

export async function publishItem(
  tx: Tx,
  id: number,
  input: z.infer<typeof ZPublish>,
  actor: Actor,
  today = todayCal(),
) {
  const [before] = await tx.select().from(disclosureItems).where(eq(disclosureItems.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND');
  if (before.publishedOn) throw new AppError('INVALID_TRANSITION', `该信息已于 ${before.publishedOn} 公开`);
  if (input.on > today) throw new AppError('VALIDATION_FAILED', '公开日期不能晚于今天');
  if (input.on < before.formedOn) throw new AppError('VALIDATION_FAILED', '公开日期不能早于生成日期');
  const [after] = await tx
    .update(disclosureItems)
    .set({ publishedOn: input.on, channel: input.channel, url: input.url ?? before.url })
    .where(eq(disclosureItems.id, id))
    .returning();
  await completeDeadline(tx, itemKey(id), input.on, actor);
  await appendAudit(tx, {
    actor,
    orgCode: before.orgCode,
    action: 'disclosure.item.publish',
    entity: ITEM,
    entityId: id,
    after: { ...input, late: input.on > before.dueOn },
  });
  return after!;
}

export function itemConditions(orgCode: string, q: z.infer<typeof ZItemQuery>, extra?: SQL): SQL[] {
  const c: SQL[] = [inSubtree(disclosureItems.orgCode, orgCode)];
  if (q.category) c.push(eq(disclosureItems.category, q.category));
  if (q.published === '1') c.push(sql`${disclosureItems.publishedOn} IS NOT NULL`);
  if (q.published === '0') c.push(sql`${disclosureItems.publishedOn} IS NULL`);
  if (q.late) c.push(sql`coalesce(${disclosureItems.publishedOn}, '9999-12-31') > ${disclosureItems.dueOn}`);
  if (q.from) c.push(sql`${disclosureItems.formedOn} >= ${q.from}`);
  if (q.to) c.push(sql`${disclosureItems.formedOn} <= ${q.to}`);
  if (q.q) {
    const like = containsPattern(q.q);
    c.push(sql`(${disclosureItems.title} LIKE ${like} OR ${disclosureItems.indexNo} LIKE ${like})`);
  }
  if (extra) c.push(extra);
  return c;
}

export async function listItems(
  db: Tx,
  orgCode: string,
  q: z.infer<typeof ZItemQuery>,
  asOf: string,
  extra?: SQL,
  all = false,
) {
  const where = and(...itemConditions(orgCode, q, extra));
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(disclosureItems)
    .where(where);
  const base = db
    .select({ i: disclosureItems, orgName: orgs.name })
    .from(disclosureItems)
    .leftJoin(orgs, eq(orgs.code, disclosureItems.orgCode))
    .where(where)
    .orderBy(desc(disclosureItems.formedOn), desc(disclosureItems.id));
  const list = all
    ? await base.limit(100_000)
    : await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return {
    total: Number(n),
    items: list.map((r) => ({
      ...r.i,
      orgName: r.orgName,
      late: r.i.publishedOn ? r.i.publishedOn > r.i.dueOn : r.i.dueOn < asOf,
      overdue: !r.i.publishedOn && r.i.dueOn < asOf,
    })),
  };
}

export async function getItem(db: Tx, id: number, asOf = todayCal()) {
  const [row] = await db
    .select({ i: disclosureItems, orgName: orgs.name })
    .from(disclosureItems)
    .leftJoin(orgs, eq(orgs.code, disclosureItems.orgCode))
    .where(eq(disclosureItems.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return {
    ...row.i,
    orgName: row.orgName,
    late: row.i.publishedOn ? row.i.publishedOn > row.i.dueOn : row.i.dueOn < asOf,
    timeline: await auditTimeline(db, ITEM, id, {
      'disclosure.item.create': '登记',
      'disclosure.item.import': '从台账导入',
      'disclosure.item.publish': '公开',
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// 依申请公开

export function townshipOf(orgCode: string): string {
  return levelOf(orgCode) === 'county' ? orgCode : `${orgCode.slice(0, 9)}000`;
}

export async function requestNumbers(tx: Tx, orgCode: string, year: string, n: number): Promise<string[]> {
  const town = townshipOf(orgCode);
  const first = await reserveNumbers(tx, `disclosure:request:${town}:${year}`, n);
  return Array.from(
    { length: n },
    (_, i) => `YSQ${year}-${town.slice(6, 9)}-${String(first + i).padStart(4, '0')}`,
  );
}

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 查询码: 10 characters without look-alikes, random (the portal's only key to a request). */
export function trackingCode(): string {
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => CODE_CHARS[b % CODE_CHARS.length]).join('');
}

/** Normalise and check the applicant's id number (身份证 for 自然人, 统一社会信用代码 for organisations) and phone. */
export function checkApplicant(a: {
  applicantKind: string;
  applicantSubKind?: string | null;
  idNo?: string | null;
  phone?: string | null;
}): { idNo: string | null; phone: string | null; applicantSubKind: string | null } {
  let idNo: string | null = a.idNo?.trim() || null;
  if (idNo && a.applicantKind === '自然人') {
    idNo = normalizeIdCard(idNo);
    const problem = idCardProblem(idNo);
    if (problem) throw new AppError('VALIDATION_FAILED', `申请人身份证号无效：${problem}`);
  } else if (idNo) {
    idNo = normalizeUscc(idNo);
    if (!isValidUscc(idNo)) throw new AppError('VALIDATION_FAILED', '统一社会信用代码无效');
  }
  const raw = a.phone?.trim() || null;
  if (raw && !isValidPhone(raw)) throw new AppError('VALIDATION_FAILED', '联系电话格式不正确');
  return {
    idNo,
    phone: raw ? (normalizePhone(raw) ?? raw) : null,
    applicantSubKind: a.applicantKind === '自然人' ? null : (a.applicantSubKind ?? '其他'),
  };
}

/** (Re)open or cancel the reply deadline so it always equals `replyDue(row)`. */
async function syncReplyDeadline(tx: Tx, r: RequestRow, actor: Actor, closedOn?: string, abandoned = false) {
  if (closedOn) {
    await completeDeadline(tx, replyKey(r.id), closedOn, actor, abandoned ? 'cancelled' : 'done');
    return;
  }
  if (!r.dueOn) {
    await completeDeadline(
      tx,
      replyKey(r.id),
      latestDate([r.receivedOn, r.correctionRequestedOn]),
      actor,
      'cancelled',
    );
    return;
  }
  const start = r.correctionReceivedOn ?? r.receivedOn!;
  const extra = (r.extendedDays ?? 0) + r.pausedWorkdays;
  await openDeadline(
    tx,
    {
      ...replyKey(r.id),
      orgCode: r.orgCode,
      title: `依申请公开答复 ${r.requestNo}`,
      rule: { kind: 'WORK_DAYS', n: REPLY_WORKDAYS + extra },
      startsOn: start,
      dueOn: r.dueOn,
      legalBasis: REPLY_BASIS,
    },
    actor,
  );
}

export async function createRequest(
  tx: Tx,
  input: TCreateRequest,
  actor: Actor,
  today = todayCal(),
  source: 'staff' | 'portal' = 'staff',
): Promise<RequestRow> {
  await checkOrgan(tx, input.orgCode, '政府信息公开申请');
  const a = checkApplicant(input);
  if (input.submittedOn > today) throw new AppError('VALIDATION_FAILED', '提交日期不能晚于今天');
  for (const [k, label] of [
    ['signedOn', '签收日期'],
    ['confirmedOn', '确认日期'],
  ] as const) {
    const v = input[k];
    if (v && v > today) throw new AppError('VALIDATION_FAILED', `${label}不能晚于今天`);
    if (v && v < input.submittedOn) throw new AppError('VALIDATION_FAILED', `${label}不能早于提交日期`);
  }
  const mailKind = input.channel === '邮寄' ? (input.mailKind ?? '挂号或快递') : null;
  const evidence = {
    channel: input.channel,
    mailKind,
    submittedOn: input.submittedOn,
    signedOn: input.channel === '邮寄' ? (input.signedOn ?? null) : null,
    confirmedOn: input.channel === '当面' ? null : (input.confirmedOn ?? null),
  };
  const receivedOn = receivedOnOf(evidence);
  const [requestNo] = await requestNumbers(tx, input.orgCode, input.submittedOn.slice(0, 4), 1);
  const [row] = await tx
    .insert(disclosureRequests)
    .values({
      orgCode: input.orgCode,
      requestNo: requestNo!,
      trackingCode: trackingCode(),
      applicantKind: input.applicantKind,
      applicantSubKind: a.applicantSubKind,
      applicantName: input.applicantName,
      idNo: a.idNo,
      phone: a.phone,
      address: input.address ?? null,
      ...evidence,
      receivedOn,
      content: input.content,
      purpose: input.purpose ?? null,
      status: receivedOn ? 'received' : 'submitted',
      dueOn: replyDue({ receivedOn }),
      source,
      createdBy: actor.id,
    })
    .returning();
  if (row!.dueOn) await syncReplyDeadline(tx, row!, actor);
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: 'disclosure.request.create',
    entity: REQUEST,
    entityId: row!.id,
    after: {
      ...row,
      on: row!.submittedOn,
      applicantName: row!.applicantKind === '自然人' ? maskName(row!.applicantName) : row!.applicantName,
      idNo: row!.idNo ? maskIdCard(row!.idNo) : null,
      phone: row!.phone ? maskPhone(row!.phone) : null,
      address: null,
    },
  });
  return row!;
}

function lastStepOn(r: RequestRow): string {
  return latestDate([
    r.submittedOn,
    r.receivedOn,
    r.correctionRequestedOn,
    r.correctionReceivedOn,
    r.thirdPartySentOn,
    r.thirdPartyRepliedOn,
    r.extensionApprovedOn,
    r.answeredOn,
  ]);
}

type StepInput<S extends StepName> = z.infer<(typeof ZSteps)[S]>;

export async function runStep<S extends StepName>(
  tx: Tx,
  id: number,
  step: S,
  input: StepInput<S>,
  actor: Actor,
  today = todayCal(),
): Promise<RequestRow> {
  const [before] = await tx
    .select()
    .from(disclosureRequests)
    .where(eq(disclosureRequests.id, id))
    .for('update');
  if (!before) throw new AppError('NOT_FOUND');
  const status = before.status as Status;
  const i = input as Record<string, unknown>;
  const on = i.on as string;
  const t = TRANSITIONS[step];
  const problem = transitionProblem(t, status, STATUS_LABELS[status], on, lastStepOn(before), today);
  if (problem) throw new AppError('INVALID_TRANSITION', problem);
  if (!allowedSteps(status, before).includes(step)) {
    throw new AppError('INVALID_TRANSITION', `「${t.label}」不适用于此申请（只能进行一次）`);
  }
  const set: Partial<RequestRow> = { updatedAt: new Date() };
  if (t.to) set.status = t.to;
  let closed: { on: string; abandoned: boolean } | undefined;
  switch (step) {
    case 'confirm': {
      if (before.channel === '当面')
        throw new AppError('INVALID_TRANSITION', '当面提交的申请以提交之日为收到日');
      if (before.channel === '邮寄' && before.mailKind !== '平信') set.signedOn = on;
      else set.confirmedOn = on;
      set.receivedOn = receivedOnOf({ ...before, ...set });
      break;
    }
    case 'requestCorrection': {
      const last = correctionWindowEnd(before.receivedOn!);
      if (on > last) {
        throw new AppError(
          'INVALID_TRANSITION',
          `补正告知应自收到申请之日（${before.receivedOn}）起${CORRECTION_WINDOW_WORKDAYS}个工作日内（至 ${last}）一次性作出（《政府信息公开条例》第三十条），已逾期`,
        );
      }
      if (i.dueOn && (i.dueOn as string) <= on)
        throw new AppError('VALIDATION_FAILED', '补正期限应晚于告知日期');
      set.correctionRequestedOn = on;
      set.correctionItems = i.items as string;
      set.correctionDueOn = (i.dueOn as string | null | undefined) ?? null;
      break;
    }
    case 'receiveCorrection':
      set.correctionReceivedOn = on;
      break;
    case 'abandon':
      if (before.correctionDueOn && on <= before.correctionDueOn) {
        throw new AppError(
          'INVALID_TRANSITION',
          `补正期限至 ${before.correctionDueOn}，期限届满后方可视为放弃`,
        );
      }
      set.answeredOn = on;
      set.answerType = '其他处理';
      set.answerReason = ABANDONED_REASON;
      closed = { on, abandoned: true };
      break;
    case 'consult':
      set.thirdParty = i.thirdParty as string;
      set.thirdPartySentOn = on;
      break;
    case 'consultReply':
      set.thirdPartyRepliedOn = on;
      set.thirdPartyOpinion = i.opinion as string;
      set.pausedWorkdays = before.pausedWorkdays + pausedFor(before.thirdPartySentOn!, on);
      break;
    case 'extend': {
      // 第三十三条: the extension is agreed within the period, not after it has run out.
      if (before.dueOn && on > before.dueOn) {
        throw new AppError('INVALID_TRANSITION', `答复期限已于 ${before.dueOn} 届满，不能再延长`);
      }
      const notifiedOn = i.notifiedOn as string;
      if (notifiedOn < on) throw new AppError('VALIDATION_FAILED', '告知申请人日期不能早于负责人同意日期');
      if (notifiedOn > today) throw new AppError('VALIDATION_FAILED', '告知申请人日期不能晚于今天');
      if (before.dueOn && notifiedOn > before.dueOn) {
        throw new AppError('VALIDATION_FAILED', `应在答复期限（${before.dueOn}）届满前告知申请人延期`);
      }
      set.extendedDays = i.days as number;
      set.extensionReason = i.reason as string;
      set.extensionApprover = i.approver as string;
      set.extensionApprovedOn = on;
      set.extensionNotifiedOn = notifiedOn;
      break;
    }
    case 'answer': {
      const type = i.type as AnswerType;
      const reasons: readonly string[] = ANSWER_REASONS[type];
      const reason = (i.reason as string | null | undefined) ?? null;
      if (reasons.length && !reason) throw new AppError('VALIDATION_FAILED', `「${type}」须选择具体理由`);
      if (reason && !reasons.includes(reason)) {
        throw new AppError('VALIDATION_FAILED', `「${type}」的理由应为：${reasons.join('、') || '（无）'}`);
      }
      if (type === '其他处理' && reason === ABANDONED_REASON) {
        throw new AppError('VALIDATION_FAILED', '逾期不补正请使用「逾期不补正（视为放弃）」环节');
      }
      set.answeredOn = on;
      set.answerType = type;
      set.answerReason = reason;
      set.answerText = (i.text as string | null | undefined) ?? null;
      closed = { on, abandoned: false };
      break;
    }
  }
  const merged = { ...before, ...set };
  set.dueOn = closed?.abandoned ? null : closed ? before.dueOn : replyDue(merged);
  const [after] = await tx
    .update(disclosureRequests)
    .set(set)
    .where(eq(disclosureRequests.id, id))
    .returning();
  if (closed) await syncReplyDeadline(tx, after!, actor, closed.on, closed.abandoned);
  else if (after!.dueOn !== before.dueOn || step === 'confirm' || step === 'requestCorrection')
    await syncReplyDeadline(tx, after!, actor);
  await appendAudit(tx, {
    actor,
    orgCode: before.orgCode,
    action: `disclosure.${step}`,
    entity: REQUEST,
    entityId: id,
    before: { status: before.status, dueOn: before.dueOn },
    after: { ...set, on, updatedAt: undefined },
  });
  return after!;
}

export function requestConditions(
  orgCode: string,
  q: z.infer<typeof ZRequestQuery>,
  asOf: string,
  extra?: SQL,
): SQL[] {
  const c: SQL[] = [inSubtree(disclosureRequests.orgCode, orgCode)];
  if (q.status) c.push(eq(disclosureRequests.status, q.status));
  if (q.channel) c.push(eq(disclosureRequests.channel, q.channel));
  if (q.answerType) c.push(eq(disclosureRequests.answerType, q.answerType));
  if (q.from)
    c.push(sql`coalesce(${disclosureRequests.receivedOn}, ${disclosureRequests.submittedOn}) >= ${q.from}`);
  if (q.to)
    c.push(sql`coalesce(${disclosureRequests.receivedOn}, ${disclosureRequests.submittedOn}) <= ${q.to}`);
  if (q.overdue)
    c.push(sql`${disclosureRequests.status} <> 'closed' AND ${disclosureRequests.dueOn} < ${asOf}`);
  if (q.q) {
    const like = containsPattern(q.q);
    c.push(sql`(${disclosureRequests.requestNo} LIKE ${like} OR ${disclosureRequests.content} LIKE ${like})`);
  }
  if (extra) c.push(extra);
  return c;
}

/** Personal data of an applicant, masked unless the caller holds disclosure.personal. */
export function maskApplicant<
  T extends Pick<RequestRow, 'applicantKind' | 'applicantName' | 'idNo' | 'phone' | 'address'>,
>(r: T, canSee: boolean): T {
  if (canSee) return r;
  const person = r.applicantKind === '自然人';
  return {
    ...r,
    applicantName: person ? maskName(r.applicantName) : r.applicantName,
    idNo: r.idNo ? (person ? maskIdCard(r.idNo) : r.idNo) : null,
    phone: r.phone ? maskPhone(r.phone) : null,
    address: r.address ? `${Array.from(r.address).slice(0, 6).join('')}****` : null,
  };
}

function requestView(r: RequestRow, asOf: string) {
  const closed = r.status === 'closed';
  return {
    statusLabel: STATUS_LABELS[r.status as Status],
    overdue: !closed && Boolean(r.dueOn && r.dueOn < asOf),
    onTime: closed && r.dueOn ? r.answeredOn! <= r.dueOn : null,
    correctionWindowEnd: r.receivedOn ? correctionWindowEnd(r.receivedOn) : null,
    evidenceLabel: evidenceLabel(r.channel, r.mailKind),
  };
}

export async function listRequests(
  db: Tx,
  orgCode: string,
  q: z.infer<typeof ZRequestQuery>,
  asOf: string,
  canSeePersonal: boolean,
  extra?: SQL,
  all = false,
) {
  const where = and(...requestConditions(orgCode, q, asOf, extra));
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(disclosureRequests)
    .where(where);
  const base = db
    .select({ r: disclosureRequests, orgName: orgs.name })
    .from(disclosureRequests)
    .leftJoin(orgs, eq(orgs.code, disclosureRequests.orgCode))
    .where(where)
    .orderBy(desc(disclosureRequests.submittedOn), desc(disclosureRequests.id));
  const list = all
    ? await base.limit(100_000)
    : await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return {
    total: Number(n),
    items: list.map((x) => ({
      ...maskApplicant(x.r, canSeePersonal),
      trackingCode: undefined,
      orgName: x.orgName,
      ...requestView(x.r, asOf),
    })),
  };
}

const ACTION_LABELS: Record<string, string> = {
  'disclosure.request.create': '登记申请',
  'disclosure.request.portal': '网上提交申请',
  'disclosure.request.import': '从台账导入',
  ...Object.fromEntries(Object.entries(TRANSITIONS).map(([k, t]) => [`disclosure.${k}`, t.label])),
};

export async function getRequest(
  db: Tx,
  id: number,
  canSeePersonal: boolean,
  can: { manage: boolean; approve: boolean } = { manage: true, approve: true },
  asOf = todayCal(),
) {
  const [row] = await db
    .select({ r: disclosureRequests, orgName: orgs.name })
    .from(disclosureRequests)
    .leftJoin(orgs, eq(orgs.code, disclosureRequests.orgCode))
    .where(eq(disclosureRequests.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const r = row.r;
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
      and(eq(deadlines.module, MODULE), eq(deadlines.entity, 'request'), eq(deadlines.entityId, String(id))),
    );
  return {
    ...maskApplicant(r, canSeePersonal),
    trackingCode: canSeePersonal ? r.trackingCode : null,
    orgName: row.orgName,
    ...requestView(r, asOf),
    deadlines: limits,
    allowedSteps: allowedSteps(r.status as Status, r)
      .filter((s) => (TRANSITIONS[s].perm === 'disclosure.approveExtension' ? can.approve : can.manage))
      .map((s) => ({ step: s, label: TRANSITIONS[s].label })),
    timeline: await auditTimeline(db, REQUEST, id, ACTION_LABELS),
  };
}
