import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import { isInSubtree, isOrgCode, levelOf, parentOf } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { validCertOn } from './catalogue.js';
import { DRAW_METHOD, drawSample, OFFICER_SEED, TARGET_SEED } from './draw.js';
import { INSPECTION_RESULTS, ZDate } from './model.js';
import {
  enforcementCases,
  enforcementInspectionResults,
  enforcementInspections,
  enforcementItems,
  enforcementOfficers,
  enforcementTargets,
} from './schema.js';
import { selfAndAncestors } from './settings.js';

export const INSPECTION_STATUS_LABELS: Record<string, string> = {
  planned: '已计划',
  drawn: '已抽取',
  done: '已检查',
  published: '已公开',
};

export const ZCreateInspection = z.strictObject({
  orgCode: z.string(),
  title: z.string().trim().min(1, '抽查任务名称不能为空').max(200),
  itemId: z.number().int().positive().nullable().optional(),
  plannedOn: ZDate,
  targetCount: z.number().int().min(1, '抽取检查对象数量至少为1').max(1000),
  inspectorCount: z.number().int().min(2, '执法人员不少于两人(《行政处罚法》第四十二条)').max(50),
});
export const ZDraw = z.strictObject({
  seed: z
    .string()
    .trim()
    .min(8, '随机种子至少8个字符')
    .max(128, '随机种子过长')
    .regex(/^[\x21-\x7e]+$/, '随机种子只能包含可见的英文字符、数字和符号')
    .optional(),
  on: ZDate.optional(),
});
export const ZPublish = z.strictObject({ on: ZDate.optional() });
export const ZResult = z.strictObject({
  targetId: z.number().int().positive(),
  inspectedOn: ZDate,
  result: z.enum(INSPECTION_RESULTS, { error: `检查结果应为:${INSPECTION_RESULTS.join('/')}` }),
  note: z.string().trim().max(2000).nullable().optional(),
  caseId: z.number().int().positive().nullable().optional(),
});

type InspectionRow = typeof enforcementInspections.$inferSelect;

/** The subtree whose targets and officers make the pools: an office draws from its parent's. */
export function poolRoot(orgCode: string): string {
  return levelOf(orgCode) === 'office' ? parentOf(orgCode)! : orgCode;
}

async function load(tx: Tx, id: number): Promise<InspectionRow> {
  const [row] = await tx.select().from(enforcementInspections).where(eq(enforcementInspections.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function createInspection(tx: Tx, input: z.infer<typeof ZCreateInspection>, actor: Actor) {
  if (!isOrgCode(input.orgCode)) throw new AppError('INVALID_ORG_CODE');
  const [o] = await tx.select({ code: orgs.code }).from(orgs).where(eq(orgs.code, input.orgCode));
  if (!o) throw new AppError('NOT_FOUND');
  if (input.itemId) {
    const [item] = await tx.select().from(enforcementItems).where(eq(enforcementItems.id, input.itemId));
    if (!item || !selfAndAncestors(input.orgCode).includes(item.orgCode)) {
      throw new AppError('VALIDATION_FAILED', '所选检查事项不属于本单位或上级的事项清单');
    }
    if (item.itemType !== '行政检查') {
      throw new AppError('VALIDATION_FAILED', `「${item.name}」不是行政检查事项`);
    }
  }
  const [row] = await tx
    .insert(enforcementInspections)
    .values({
      orgCode: input.orgCode,
      title: input.title,
      itemId: input.itemId ?? null,
      plannedOn: input.plannedOn,
      targetCount: input.targetCount,
      inspectorCount: input.inspectorCount,
      status: 'planned',
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: 'enforcement.inspection.create',
    entity: 'enforcement.inspection',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/** The pools as a snapshot: ids ascending. Targets active in the subtree; officers certified on the day. */
export async function drawPools(tx: Tx, orgCode: string, on: string) {
  const root = poolRoot(orgCode);
  const targets = await tx
    .select({ id: enforcementTargets.id })
    .from(enforcementTargets)
    .where(and(inSubtree(enforcementTargets.orgCode, root), eq(enforcementTargets.active, true)))
    .orderBy(asc(enforcementTargets.id));
  const officers = await tx
    .select({ id: enforcementOfficers.id })
    .from(enforcementOfficers)
    .where(
      and(
        inSubtree(enforcementOfficers.orgCode, root),
        eq(enforcementOfficers.active, true),
        validCertOn(on),
      ),
    )
    .orderBy(asc(enforcementOfficers.id));
  return { targetPool: targets.map((t) => t.id), officerPool: officers.map((o) => o.id) };
}

/**
 * 双随机: snapshot both pools, draw targets and inspectors from the seed (given, or 128 random bits
 * from the server), store everything so the draw can be re-done by anyone (see draw.ts).
 */
export async function drawInspection(
  tx: Tx,
  id: number,
  input: z.infer<typeof ZDraw>,
  actor: Actor,
  today = todayCal(),
) {
  const insp = await load(tx, id);
  if (insp.status !== 'planned') {
    throw new AppError(
      'INVALID_TRANSITION',
      `该抽查任务${INSPECTION_STATUS_LABELS[insp.status]},不能重新抽取`,
    );
  }
  const { targetPool, officerPool } = await drawPools(tx, insp.orgCode, insp.plannedOn);
  if (targetPool.length < insp.targetCount) {
    throw new AppError(
      'CONFLICT',
      `检查对象名录库中只有${targetPool.length}个在册对象,少于拟抽取的${insp.targetCount}个`,
    );
  }
  if (officerPool.length < insp.inspectorCount) {
    throw new AppError(
      'CONFLICT',
      `${insp.plannedOn} 持有效执法证的执法人员只有${officerPool.length}名,少于拟抽取的${insp.inspectorCount}名`,
    );
  }
  const drawnOn = input.on ?? today;
  if (drawnOn > today) throw new AppError('VALIDATION_FAILED', '抽取日期不能晚于今天');
  const seed = input.seed ?? randomBytes(16).toString('hex');
  const drawnTargets = drawSample(TARGET_SEED(seed), targetPool, insp.targetCount);
  const drawnOfficers = drawSample(OFFICER_SEED(seed), officerPool, insp.inspectorCount);
  const [row] = await tx
    .update(enforcementInspections)
    .set({ status: 'drawn', seed, drawnOn, targetPool, officerPool, drawnTargets, drawnOfficers })
    .where(eq(enforcementInspections.id, id))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: insp.orgCode,
    action: 'enforcement.inspection.draw',
    entity: 'enforcement.inspection',
    entityId: id,
    after: { seed, drawnOn, targetPool, officerPool, drawnTargets, drawnOfficers },
  });
  return row!;
}

export async function recordResult(
  tx: Tx,
  id: number,
  input: z.infer<typeof ZResult>,
  actor: Actor,
  today = todayCal(),
) {
  const insp = await load(tx, id);
  if (insp.status !== 'drawn' && insp.status !== 'done') {
    throw new AppError(
      'INVALID_TRANSITION',
      `该抽查任务${INSPECTION_STATUS_LABELS[insp.status]},不能登记检查结果`,
    );
  }
  if (!(insp.drawnTargets ?? []).includes(input.targetId)) {
    throw new AppError('VALIDATION_FAILED', '该检查对象不在本次抽取结果中');
  }
  if (input.inspectedOn > today) throw new AppError('VALIDATION_FAILED', '检查日期不能晚于今天');
  if (insp.drawnOn && input.inspectedOn < insp.drawnOn) {
    throw new AppError('VALIDATION_FAILED', `检查日期不能早于抽取日期 ${insp.drawnOn}`);
  }
  if (input.result === '立案查处' && !input.caseId) {
    throw new AppError('VALIDATION_FAILED', '检查结果为「立案查处」的,应关联所立的执法案件');
  }
  if (input.caseId) {
    const [c] = await tx
      .select({ orgCode: enforcementCases.orgCode })
      .from(enforcementCases)
      .where(eq(enforcementCases.id, input.caseId));
    if (!c || !isInSubtree(c.orgCode, poolRoot(insp.orgCode))) {
      throw new AppError('VALIDATION_FAILED', '关联的执法案件不存在');
    }
  }
  const values = {
    inspectionId: id,
    orgCode: insp.orgCode,
    targetId: input.targetId,
    inspectedOn: input.inspectedOn,
    result: input.result,
    note: input.note ?? null,
    caseId: input.caseId ?? null,
  };
  await tx
    .insert(enforcementInspectionResults)
    .values(values)
    .onConflictDoUpdate({
      target: [enforcementInspectionResults.inspectionId, enforcementInspectionResults.targetId],
      set: values,
    });
  const results = await tx
    .select({ inspectedOn: enforcementInspectionResults.inspectedOn })
    .from(enforcementInspectionResults)
    .where(eq(enforcementInspectionResults.inspectionId, id));
  const complete = results.length >= (insp.drawnTargets ?? []).length;
  if (complete) {
    const doneOn = results
      .map((r) => r.inspectedOn)
      .sort()
      .at(-1)!;
    await tx
      .update(enforcementInspections)
      .set({ status: 'done', doneOn })
      .where(eq(enforcementInspections.id, id));
  }
  await appendAudit(tx, {
    actor,
    orgCode: insp.orgCode,
    action: 'enforcement.inspection.result',
    entity: 'enforcement.inspection',
    entityId: id,
    after: { ...values, complete },
  });
}

export async function publishInspection(
  tx: Tx,
  id: number,
  input: z.infer<typeof ZPublish>,
  actor: Actor,
  today = todayCal(),
) {
  const insp = await load(tx, id);
  const on = input.on ?? today;
  if (on > today) throw new AppError('VALIDATION_FAILED', '公开日期不能晚于今天');
  if (insp.doneOn && on < insp.doneOn)
    throw new AppError('VALIDATION_FAILED', `公开日期不能早于检查完成日期(${insp.doneOn})`);
  if (insp.status !== 'done') {
    throw new AppError(
      'INVALID_TRANSITION',
      insp.status === 'published' ? '该抽查结果已公开' : '抽取的检查对象尚未全部登记检查结果,不能公开',
    );
  }
  await tx
    .update(enforcementInspections)
    .set({ status: 'published', publishedOn: on })
    .where(eq(enforcementInspections.id, id));
  await appendAudit(tx, {
    actor,
    orgCode: insp.orgCode,
    action: 'enforcement.inspection.publish',
    entity: 'enforcement.inspection',
    entityId: id,
    after: { publishedOn: on },
  });
}

/** Re-draw from the stored seed and pools: true when the stored draw is what the seed gives. */
export function verifyDraw(i: InspectionRow): boolean {
  if (!i.seed || !i.targetPool || !i.officerPool || !i.drawnTargets || !i.drawnOfficers) return false;
  try {
    const t = drawSample(TARGET_SEED(i.seed), i.targetPool, i.targetCount);
    const o = drawSample(OFFICER_SEED(i.seed), i.officerPool, i.inspectorCount);
    const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, k) => x === b[k]);
    return same(t, i.drawnTargets) && same(o, i.drawnOfficers);
  } catch {
    return false;
  }
}

export const ZInspectionQuery = z.strictObject({
  org: z.string().optional(),
  status: z.enum(['planned', 'drawn', 'done', 'published']).optional(),
  indicator: z.string().max(100).optional(),
  part: z.enum(['numerator', 'denominator']).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export async function listInspections(
  db: Tx,
  orgCode: string | null,
  q: { status?: string; page: number; pageSize: number },
  publishedOnly = false,
  extra?: SQL,
) {
  const where = and(
    extra,
    orgCode ? inSubtree(enforcementInspections.orgCode, orgCode) : undefined,
    publishedOnly ? eq(enforcementInspections.status, 'published') : undefined,
    q.status ? eq(enforcementInspections.status, q.status) : undefined,
  );
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enforcementInspections)
    .where(where);
  const list = await db
    .select({
      i: enforcementInspections,
      orgName: orgs.name,
      resultCount: sql<number>`(SELECT count(*)::int FROM enforcement_inspection_result r WHERE r.inspection_id = ${enforcementInspections.id})`,
    })
    .from(enforcementInspections)
    .leftJoin(orgs, eq(orgs.code, enforcementInspections.orgCode))
    .where(where)
    .orderBy(desc(enforcementInspections.plannedOn), desc(enforcementInspections.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    total: Number(n),
    items: list.map((r) => ({
      id: r.i.id,
      orgCode: r.i.orgCode,
      orgName: r.orgName,
      title: r.i.title,
      plannedOn: r.i.plannedOn,
      targetCount: r.i.targetCount,
      inspectorCount: r.i.inspectorCount,
      status: r.i.status,
      statusLabel: INSPECTION_STATUS_LABELS[r.i.status] ?? r.i.status,
      drawnOn: r.i.drawnOn,
      doneOn: r.i.doneOn,
      publishedOn: r.i.publishedOn,
      resultCount: Number(r.resultCount),
      ...(publishedOnly ? { seed: r.i.seed } : {}),
    })),
  };
}

/** An inspection with names; `publicView` leaves out what the portal must not show. */
export async function getInspection(db: Tx, id: number, publicView = false) {
  const [row] = await db
    .select({ i: enforcementInspections, orgName: orgs.name })
    .from(enforcementInspections)
    .leftJoin(orgs, eq(orgs.code, enforcementInspections.orgCode))
    .where(eq(enforcementInspections.id, id));
  if (!row || (publicView && row.i.status !== 'published')) throw new AppError('NOT_FOUND');
  const i = row.i;
  const targetIds = i.drawnTargets ?? [];
  const officerIds = i.drawnOfficers ?? [];
  const targets = targetIds.length
    ? await db.select().from(enforcementTargets).where(inArray(enforcementTargets.id, targetIds))
    : [];
  const officers = officerIds.length
    ? await db
        .select({
          id: enforcementOfficers.id,
          name: enforcementOfficers.name,
          certNo: enforcementOfficers.certNo,
        })
        .from(enforcementOfficers)
        .where(inArray(enforcementOfficers.id, officerIds))
    : [];
  const results = await db
    .select()
    .from(enforcementInspectionResults)
    .where(eq(enforcementInspectionResults.inspectionId, id));
  const [item] = i.itemId
    ? await db
        .select({ id: enforcementItems.id, name: enforcementItems.name, itemCode: enforcementItems.itemCode })
        .from(enforcementItems)
        .where(eq(enforcementItems.id, i.itemId))
    : [];
  const tById = new Map(targets.map((t) => [t.id, t]));
  const oById = new Map(officers.map((o) => [o.id, o]));
  const rByTarget = new Map(results.map((r) => [r.targetId, r]));
  const drawnTargets = targetIds.map((tid) => {
    const t = tById.get(tid);
    const r = rByTarget.get(tid);
    return {
      id: tid,
      name: t?.name ?? null,
      uscc: t?.uscc ?? null,
      kind: t?.kind ?? null,
      ...(publicView ? {} : { address: t?.address ?? null }),
      inspectedOn: r?.inspectedOn ?? null,
      result: r?.result ?? null,
      note: publicView ? null : (r?.note ?? null),
      caseId: publicView ? null : (r?.caseId ?? null),
    };
  });
  return {
    id: i.id,
    orgCode: i.orgCode,
    orgName: row.orgName,
    title: i.title,
    item: item ?? null,
    plannedOn: i.plannedOn,
    targetCount: i.targetCount,
    inspectorCount: i.inspectorCount,
    status: i.status,
    statusLabel: INSPECTION_STATUS_LABELS[i.status] ?? i.status,
    seed: i.seed,
    drawnOn: i.drawnOn,
    doneOn: i.doneOn,
    publishedOn: i.publishedOn,
    targetPool: i.targetPool,
    officerPool: i.officerPool,
    drawnTargetIds: targetIds,
    drawnOfficerIds: officerIds,
    drawnTargets,
    drawnOfficers: officerIds.map((oid) => ({
      id: oid,
      name: oById.get(oid)?.name ?? null,
      certNo: oById.get(oid)?.certNo ?? null,
    })),
    verified: i.seed ? verifyDraw(i) : null,
    method: DRAW_METHOD,
  };
}
