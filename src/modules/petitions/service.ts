import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { deadlines, orgs } from '../../kernel/db/schema.js';
import { hasOverdueStep } from '../../kernel/deadline-sql.js';
import { completeDeadline, type OpenDeadline, openDeadline } from '../../kernel/deadlines.js';
import { AppError } from '../../kernel/errors.js';
import { isInSubtree, levelOf } from '../../kernel/orgs/codes.js';
import { checkPersons, maskPerson } from '../../kernel/persons.js';
import { latestDate } from '../../kernel/procedure.js';
import { inSubtree } from '../../kernel/scope.js';
import { reserveNumbers } from '../../kernel/sequence.js';
import { containsPattern } from '../../kernel/sql-text.js';
import { maskIdCard } from '../../kernel/validate.js';
import { auditTimeline } from '../../kernel/workflow.js';
import {
  STATUS_LABELS,
  type Status,
  type StepName,
  type TCreatePetition,
  VISIT_CHANNELS,
  type ZListQuery,
  type ZSteps,
} from './model.js';
import {
  allowedSteps,
  extendedHandleDue,
  LIMITS,
  MAX_REPRESENTATIVES,
  recheckDue,
  requestWindowEnd,
  stepProblem,
  TRANSITIONS,
} from './rules.js';
import { petitionCases, petitioners } from './schema.js';

export const MODULE = 'petitions';
const ENTITY = 'petitions.case';
type CaseRow = typeof petitionCases.$inferSelect;

export function townshipOf(orgCode: string): string {
  return `${orgCode.slice(0, 9)}000`;
}

export async function petitionNumbers(tx: Tx, orgCode: string, year: string, n: number): Promise<string[]> {
  const first = await reserveNumbers(tx, `petitions:${townshipOf(orgCode)}:${year}`, n);
  return Array.from(
    { length: n },
    (_, i) => `XF${year}-${orgCode.slice(6, 9)}-${String(first + i).padStart(4, '0')}`,
  );
}

const deadlineKey = (id: number, step: string) => ({ module: MODULE, entity: 'case', entityId: id, step });

/** The kernel deadlines a newly received petition starts (第二十三条). */
export function intakeDeadlines(c: {
  id: number;
  orgCode: string;
  petitionNo: string;
  receivedOn: string;
  origin: string;
}): OpenDeadline[] {
  const list: OpenDeadline[] = [
    {
      ...deadlineKey(c.id, 'notify'),
      orgCode: c.orgCode,
      title: `信访件书面告知 ${c.petitionNo}`,
      rule: LIMITS.notify.rule,
      startsOn: c.receivedOn,
      legalBasis: LIMITS.notify.basis,
    },
  ];
  if (c.origin === '转送交办') {
    list.push({
      ...deadlineKey(c.id, 'objection'),
      orgCode: c.orgCode,
      title: `转送交办件异议 ${c.petitionNo}`,
      rule: LIMITS.objection.rule,
      startsOn: c.receivedOn,
      legalBasis: LIMITS.objection.basis,
    });
  }
  return list;
}

export async function createPetition(
  tx: Tx,
  input: TCreatePetition,
  actor: Actor,
  today = todayCal(),
): Promise<CaseRow> {
  const level = levelOf(input.orgCode);
  if (!level || !['township', 'village', 'grid'].includes(level)) {
    throw new AppError('INVALID_ORG_CODE', '信访件应登记在乡镇(街道)、村(社区)或网格');
  }
  const [org] = await tx.select({ code: orgs.code }).from(orgs).where(eq(orgs.code, input.orgCode));
  if (!org) throw new AppError('INVALID_ORG_CODE', `组织 ${input.orgCode} 不存在`);
  if (input.receivedOn > today) throw new AppError('VALIDATION_FAILED', '来信来访日期不能晚于今天');
  if (
    input.officeCode &&
    (levelOf(input.officeCode) !== 'office' || !isInSubtree(input.officeCode, townshipOf(input.orgCode)))
  ) {
    throw new AppError('VALIDATION_FAILED', '责任科室应为本乡镇(街道)的科室');
  }
  const visit = VISIT_CHANNELS.includes(input.channel);
  if (!visit && input.batchCount !== 1) throw new AppError('VALIDATION_FAILED', '批次只适用于走访');
  const people = checkPersons(input.petitioners, '信访人');
  const reps = people.filter((p) => p.isRepresentative).length;
  // 第二十条: 多人走访推选代表,代表人数不超过5人
  if (visit && input.personCount >= 5 && (reps < 1 || reps > MAX_REPRESENTATIVES)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `集体走访须推选代表,代表人数为1至${MAX_REPRESENTATIVES}人(《信访工作条例》第二十条)`,
    );
  }
  if (input.repeatOfId) {
    const [earlier] = await tx
      .select({ id: petitionCases.id, receivedOn: petitionCases.receivedOn })
      .from(petitionCases)
      .where(
        and(
          eq(petitionCases.id, input.repeatOfId),
          inSubtree(petitionCases.orgCode, townshipOf(input.orgCode)),
        ),
      );
    if (!earlier) throw new AppError('VALIDATION_FAILED', '所关联的原信访件不存在或不属于本乡镇');
    if (earlier.receivedOn > input.receivedOn)
      throw new AppError('VALIDATION_FAILED', '重复信访所关联的原信访件应早于本件');
  }
  const [petitionNo] = await petitionNumbers(tx, input.orgCode, input.receivedOn.slice(0, 4), 1);
  const [row] = await tx
    .insert(petitionCases)
    .values({
      orgCode: input.orgCode,
      petitionNo: petitionNo!,
      channel: input.channel,
      origin: input.origin,
      transferredFrom: input.transferredFrom ?? null,
      category: input.category,
      subject: input.subject,
      summary: input.summary,
      batchCount: visit ? input.batchCount : 1,
      personCount: input.personCount,
      officeCode: input.officeCode ?? null,
      isRepeat: Boolean(input.repeatOfId),
      repeatOfId: input.repeatOfId ?? null,
      leaderName: input.leaderName ?? null,
      leaderPlan: input.leaderPlan ?? null,
      status: 'registered',
      receivedOn: input.receivedOn,
      createdBy: actor.id,
    })
    .returning();
  await tx.insert(petitioners).values(people.map((p) => ({ ...p, caseId: row!.id, orgCode: input.orgCode })));
  for (const d of intakeDeadlines(row!)) await openDeadline(tx, d, actor);
  await appendAudit(tx, {
    actor,
    orgCode: input.orgCode,
    action: 'petitions.register',
    entity: ENTITY,
    entityId: row!.id,
    after: {
      ...row,
      petitioners: people.map((p) => ({ ...p, idCard: p.idCard ? maskIdCard(p.idCard) : null })),
    },
  });
  return row!;
}

function lastStepOn(c: CaseRow): string {
  return latestDate([
    c.receivedOn,
    c.acceptedOn,
    c.notAcceptedOn,
    c.objectedOn,
    c.closedOn,
    c.resolvedOn,
    c.reviewRequestedOn,
    c.reviewedOn,
    c.recheckRequestedOn,
    c.recheckedOn,
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
): Promise<CaseRow> {
  const [before] = await tx.select().from(petitionCases).where(eq(petitionCases.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND');
  const status = before.status as Status;
  const i = input as Record<string, unknown>;
  const on = (i.on as string | undefined) ?? today;
  const problem = stepProblem(status, step, on, lastStepOn(before), today);
  if (problem) throw new AppError('INVALID_TRANSITION', problem);
  if (
    !allowedSteps(status, {
      origin: before.origin,
      extended: before.extendedDays !== null,
      resolved: before.resolved,
    }).includes(step)
  ) {
    throw new AppError('INVALID_TRANSITION', `「${TRANSITIONS[step].label}」不适用于此信访件`);
  }
  const set: Partial<CaseRow> = { updatedAt: new Date() };
  const to = TRANSITIONS[step].to;
  if (to) set.status = to;
  const done = (s: string, how: 'done' | 'cancelled' = 'done') =>
    completeDeadline(tx, deadlineKey(id, s), on, actor, how);

  switch (step) {
    case 'accept':
      set.acceptedOn = on;
      await done('notify');
      await done('objection', 'cancelled');
      await openDeadline(
        tx,
        {
          ...deadlineKey(id, 'handle'),
          orgCode: before.orgCode,
          title: `信访件办理 ${before.petitionNo}`,
          rule: LIMITS.handle.rule,
          startsOn: on,
          legalBasis: LIMITS.handle.basis,
        },
        actor,
      );
      break;
    case 'notAccept':
      set.notAcceptedOn = on;
      set.notAcceptedReason = [i.reason, i.redirectTo ? `告知向${i.redirectTo}提出` : null]
        .filter(Boolean)
        .join(';');
      await done('notify');
      await done('objection', 'cancelled');
      break;
    case 'object':
      set.objectedOn = on;
      set.objectionReason = i.reason as string;
      await done('objection');
      await done('notify', 'cancelled');
      break;
    case 'extend': {
      const [handle] = await tx
        .select({ dueOn: deadlines.dueOn })
        .from(deadlines)
        .where(
          and(eq(deadlines.module, MODULE), eq(deadlines.entityId, String(id)), eq(deadlines.step, 'handle')),
        );
      // 第三十四条: the extension is approved within the limit, not after it has run out.
      if (handle && on > handle.dueOn)
        throw new AppError('INVALID_TRANSITION', `办理期限已于 ${handle.dueOn} 届满,不能再延期`);
      const days = i.days as number;
      set.extendedDays = days;
      set.extensionReason = i.reason as string;
      set.extensionApprover = i.approver as string;
      set.extensionNotifiedOn = i.notifiedOn as string;
      await openDeadline(
        tx,
        {
          ...deadlineKey(id, 'handle'),
          orgCode: before.orgCode,
          title: `信访件办理(延期${days}日) ${before.petitionNo}`,
          rule: { kind: 'CAL_DAYS', n: 60 + days },
          startsOn: before.acceptedOn!,
          dueOn: extendedHandleDue(before.acceptedOn!, days),
          legalBasis: `${LIMITS.handle.basis};经${i.approver as string}批准延长${days}日`,
        },
        actor,
      );
      break;
    }
    case 'close':
      set.closedOn = on;
      set.opinion = i.opinion as string;
      set.opinionText = i.opinionText as string;
      if (i.resolved) {
        set.resolved = true;
        set.resolvedOn = on;
      }
      await done('handle');
      break;
    case 'resolve':
      set.resolved = true;
      set.resolvedOn = on;
      break;
    case 'requestReview':
    case 'requestRecheck': {
      const reply =
        (i.replyReceivedOn as string | undefined) ??
        (step === 'requestReview' ? before.closedOn! : before.reviewedOn!);
      const last = requestWindowEnd(reply);
      if (on > last) {
        throw new AppError(
          'INVALID_TRANSITION',
          `已超过请求期限:应自收到书面答复之日(${reply})起30日内(至 ${last})提出(《信访工作条例》第三十五、三十六条)`,
        );
      }
      const review = step === 'requestReview';
      if (review) set.reviewRequestedOn = on;
      else set.recheckRequestedOn = on;
      const limit = review ? LIMITS.review : LIMITS.recheck;
      await openDeadline(
        tx,
        {
          ...deadlineKey(id, review ? 'review' : 'recheck'),
          orgCode: before.orgCode,
          title: `信访件${review ? '复查' : '复核'} ${before.petitionNo}`,
          rule: limit.rule,
          startsOn: on,
          legalBasis: limit.basis,
        },
        actor,
      );
      break;
    }
    case 'review':
      set.reviewedOn = on;
      set.reviewResult = i.result as string;
      set.reviewText = i.text as string;
      await done('review');
      break;
    case 'hearing': {
      const total = before.recheckHearingDays + (i.days as number);
      set.recheckHearingDays = total;
      await openDeadline(
        tx,
        {
          ...deadlineKey(id, 'recheck'),
          orgCode: before.orgCode,
          title: `信访件复核(听证${total}日不计入) ${before.petitionNo}`,
          rule: { kind: 'CAL_DAYS', n: 30 + total },
          startsOn: before.recheckRequestedOn!,
          dueOn: recheckDue(before.recheckRequestedOn!, total),
          legalBasis: LIMITS.recheck.basis,
        },
        actor,
      );
      break;
    }
    case 'recheck':
      set.recheckedOn = on;
      set.recheckResult = i.result as string;
      set.recheckText = i.text as string;
      await done('recheck');
      break;
  }
  const [after] = await tx.update(petitionCases).set(set).where(eq(petitionCases.id, id)).returning();
  await appendAudit(tx, {
    actor,
    orgCode: before.orgCode,
    action: `petitions.${step}`,
    entity: ENTITY,
    entityId: id,
    before: { status: before.status },
    after: { ...set, on, updatedAt: undefined },
  });
  return after!;
}

export function listConditions(
  orgCode: string,
  q: z.infer<typeof ZListQuery>,
  asOf: string,
  extra?: SQL,
): SQL[] {
  const c: SQL[] = [inSubtree(petitionCases.orgCode, orgCode)];
  if (q.status) c.push(eq(petitionCases.status, q.status));
  if (q.channel) c.push(eq(petitionCases.channel, q.channel));
  if (q.category) c.push(eq(petitionCases.category, q.category));
  if (q.from) c.push(sql`${petitionCases.receivedOn} >= ${q.from}`);
  if (q.to) c.push(sql`${petitionCases.receivedOn} <= ${q.to}`);
  if (q.repeat) c.push(eq(petitionCases.isRepeat, true));
  if (q.q) {
    const like = containsPattern(q.q);
    c.push(
      sql`(${petitionCases.subject} LIKE ${like} OR ${petitionCases.petitionNo} LIKE ${like} OR EXISTS (SELECT 1 FROM petitions_petitioner p WHERE p.case_id = ${petitionCases.id} AND p.name LIKE ${like}))`,
    );
  }
  if (q.overdue) {
    c.push(hasOverdueStep('petitions', 'case', petitionCases.id, asOf));
  }
  if (extra) c.push(extra);
  return c;
}

export async function listPetitions(
  db: Tx,
  orgCode: string,
  q: z.infer<typeof ZListQuery>,
  asOf: string,
  extra?: SQL,
  all = false,
) {
  const where = and(...listConditions(orgCode, q, asOf, extra));
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(petitionCases)
    .where(where);
  const base = db
    .select({
      c: petitionCases,
      orgName: orgs.name,
      names: sql<string>`coalesce((SELECT string_agg(p.name, '、' ORDER BY p.id) FROM petitions_petitioner p WHERE p.case_id = ${petitionCases.id}), '')`,
      nextDue: sql<
        string | null
      >`(SELECT min(d.due_on)::text FROM kernel_deadline d WHERE d.module = 'petitions' AND d.entity = 'case' AND d.entity_id = ${petitionCases.id}::text AND d.status = 'open')`,
    })
    .from(petitionCases)
    .leftJoin(orgs, eq(orgs.code, petitionCases.orgCode))
    .where(where)
    .orderBy(desc(petitionCases.receivedOn), desc(petitionCases.id));
  const list = all
    ? await base.limit(100_000)
    : await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return {
    total: Number(n),
    items: list.map((r) => ({
      ...r.c,
      orgName: r.orgName,
      petitionerNames: r.names,
      statusLabel: STATUS_LABELS[r.c.status as Status],
      nextDue: r.nextDue,
      overdue: Boolean(r.nextDue && r.nextDue < asOf),
    })),
  };
}

const ACTION_LABELS: Record<string, string> = {
  'petitions.register': '登记',
  'petitions.import': '从台账导入',
  ...Object.fromEntries(Object.entries(TRANSITIONS).map(([k, t]) => [`petitions.${k}`, t.label])),
};

export async function getPetition(
  db: Tx,
  id: number,
  canSeePersonal: boolean,
  canHandle = true,
  asOf = todayCal(),
) {
  const [row] = await db
    .select({ c: petitionCases, orgName: orgs.name })
    .from(petitionCases)
    .leftJoin(orgs, eq(orgs.code, petitionCases.orgCode))
    .where(eq(petitionCases.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const c = row.c;
  const people = await db
    .select()
    .from(petitioners)
    .where(eq(petitioners.caseId, id))
    .orderBy(petitioners.id);
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
  return {
    ...c,
    orgName: row.orgName,
    statusLabel: STATUS_LABELS[c.status as Status],
    petitioners: people.map((p) => maskPerson(p, canSeePersonal)),
    deadlines: limits.map((d) => ({
      ...d,
      overdue: d.status === 'open' && d.dueOn < asOf,
      late: d.status === 'done' && d.doneOn! > d.dueOn,
    })),
    // Only the steps this user may run now.
    allowedSteps: canHandle
      ? allowedSteps(c.status as Status, {
          origin: c.origin,
          extended: c.extendedDays !== null,
          resolved: c.resolved,
        }).map((s) => ({ step: s, label: TRANSITIONS[s].label }))
      : [],
    timeline: await auditTimeline(db, ENTITY, id, ACTION_LABELS),
  };
}
