import {
  and,
  asc,
  desc,
  eq,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { addDays, today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { completeDeadline, openDeadline } from '../../kernel/deadlines.js';
import { AppError } from '../../kernel/errors.js';
import { isOrgCode, levelOf } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { nextNumber } from '../../kernel/sequence.js';
import { containsPattern } from '../../kernel/sql-text.js';
import {
  idCardProblem,
  isValidPhone,
  isValidUscc,
  maskIdCard,
  maskPhone,
  normalizeIdCard,
  normalizePhone,
  normalizeUscc,
} from '../../kernel/validate.js';
import { ITEM_TYPES, LIST_KINDS, TARGET_KINDS, ZDate } from './model.js';
import { certificateProblem, LIMITS } from './rules.js';
import { enforcementCases, enforcementItems, enforcementOfficers, enforcementTargets } from './schema.js';
import { effectiveSettings, selfAndAncestors } from './settings.js';

export const MODULE = 'enforcement';

async function orgName(tx: Tx, code: string): Promise<string> {
  const [o] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.code, code));
  if (!o) throw new AppError('NOT_FOUND');
  return o.name;
}

// ---------------------------------------------------------------------------
// 执法事项清单

export const ZDiscretion = z
  .array(
    z.strictObject({
      circumstance: z.string().trim().min(1, '裁量情节不能为空').max(500),
      range: z.string().trim().min(1, '处罚幅度不能为空').max(500),
    }),
  )
  .max(50);

const itemFields = {
  listKind: z.enum(LIST_KINDS, { error: `清单类别应为:${LIST_KINDS.join('/')}` }),
  name: z.string().trim().min(1, '事项名称不能为空').max(300),
  itemType: z.enum(ITEM_TYPES, { error: `事项类型应为:${ITEM_TYPES.join('/')}` }),
  legalBasis: z.string().trim().min(1, '实施依据不能为空').max(5000),
  office: z.string().trim().max(200).nullable().optional(),
  delegated: z.boolean().optional(),
  discretion: ZDiscretion.optional(),
};

export const ZCreateItem = z.strictObject({
  orgCode: z.string(),
  /** Omitted: numbered by the system (<县/乡代码前缀>-0001). */
  itemCode: z.string().trim().min(1, '事项编码不能为空').max(64).optional(),
  effectiveFrom: ZDate,
  ...itemFields,
});
export type CreateItem = z.infer<typeof ZCreateItem>;

export const ZReviseItem = z.strictObject({
  effectiveFrom: ZDate,
  listKind: itemFields.listKind.optional(),
  name: itemFields.name.optional(),
  itemType: itemFields.itemType.optional(),
  legalBasis: itemFields.legalBasis.optional(),
  office: itemFields.office,
  delegated: itemFields.delegated,
  discretion: itemFields.discretion,
});
export const ZRetireItem = z.strictObject({ effectiveTo: ZDate });

type ItemRow = typeof enforcementItems.$inferSelect;

function itemOwnerProblem(orgCode: string): string | null {
  const level = levelOf(orgCode);
  if (level === 'county' || level === 'township' || level === 'office') return null;
  return '执法事项清单应由县级或乡镇(街道)编制';
}

export async function createItem(tx: Tx, input: CreateItem, actor: Actor): Promise<ItemRow> {
  const problem = itemOwnerProblem(input.orgCode);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  await orgName(tx, input.orgCode);
  const itemCode =
    input.itemCode ??
    `${input.orgCode.slice(0, 9)}-${String(await nextNumber(tx, `enforcement.item.${input.orgCode}`)).padStart(4, '0')}`;
  const [dup] = await tx
    .select({ id: enforcementItems.id })
    .from(enforcementItems)
    .where(and(eq(enforcementItems.orgCode, input.orgCode), eq(enforcementItems.itemCode, itemCode)))
    .limit(1);
  if (dup) {
    throw new AppError('DUPLICATE', `事项编码「${itemCode}」已存在;修改事项内容请使用“修订”生成新版本`);
  }
  const [row] = await tx
    .insert(enforcementItems)
    .values({
      orgCode: input.orgCode,
      listKind: input.listKind,
      itemCode,
      version: 1,
      name: input.name,
      itemType: input.itemType,
      legalBasis: input.legalBasis,
      office: input.office ?? null,
      delegated: input.delegated ?? false,
      discretion: input.discretion ?? [],
      effectiveFrom: input.effectiveFrom,
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: 'enforcement.item.create',
    entity: 'enforcement.item',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

async function latestVersion(tx: Tx, id: number): Promise<ItemRow> {
  const [row] = await tx.select().from(enforcementItems).where(eq(enforcementItems.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const [newer] = await tx
    .select({ version: enforcementItems.version })
    .from(enforcementItems)
    .where(
      and(
        eq(enforcementItems.orgCode, row.orgCode),
        eq(enforcementItems.itemCode, row.itemCode),
        gt(enforcementItems.version, row.version),
      ),
    )
    .limit(1);
  if (newer) {
    throw new AppError(
      'INVALID_TRANSITION',
      `这是「${row.name}」的第${row.version}版,已有第${newer.version}版;只能修订或废止现行版本`,
    );
  }
  return row;
}

/**
 * A new version effective from `effectiveFrom`; the previous one ends the day before. Rows are never
 * changed in substance, so a case keeps the version it was opened under.
 */
export async function reviseItem(
  tx: Tx,
  id: number,
  input: z.infer<typeof ZReviseItem>,
  actor: Actor,
): Promise<ItemRow> {
  const old = await latestVersion(tx, id);
  if (input.effectiveFrom <= old.effectiveFrom) {
    throw new AppError('VALIDATION_FAILED', `新版本生效日期应晚于现行版本的生效日期(${old.effectiveFrom})`);
  }
  const closeOn = addDays(input.effectiveFrom, -1);
  if (old.effectiveTo && old.effectiveTo < closeOn) {
    throw new AppError('INVALID_TRANSITION', `该事项已于 ${old.effectiveTo} 废止,不能修订`);
  }
  const [late] = await tx
    .select({ caseNo: enforcementCases.caseNo, filedOn: enforcementCases.filedOn })
    .from(enforcementCases)
    .where(
      and(eq(enforcementCases.itemId, old.id), sql`${enforcementCases.filedOn} >= ${input.effectiveFrom}`),
    )
    .limit(1);
  if (late) {
    throw new AppError(
      'CONFLICT',
      `案件 ${late.caseNo} 于 ${late.filedOn} 按现行版本立案,新版本生效日期应晚于该日期`,
    );
  }
  await tx.update(enforcementItems).set({ effectiveTo: closeOn }).where(eq(enforcementItems.id, old.id));
  const [row] = await tx
    .insert(enforcementItems)
    .values({
      orgCode: old.orgCode,
      listKind: input.listKind ?? old.listKind,
      itemCode: old.itemCode,
      version: old.version + 1,
      name: input.name ?? old.name,
      itemType: input.itemType ?? old.itemType,
      legalBasis: input.legalBasis ?? old.legalBasis,
      office: input.office === undefined ? old.office : input.office,
      delegated: input.delegated ?? old.delegated,
      discretion: input.discretion ?? old.discretion,
      effectiveFrom: input.effectiveFrom,
      effectiveTo: null,
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: old.orgCode,
    action: 'enforcement.item.revise',
    entity: 'enforcement.item',
    entityId: row!.id,
    before: { id: old.id, version: old.version, effectiveTo: old.effectiveTo },
    after: { ...row, previousId: old.id, previousEffectiveTo: closeOn },
  });
  return row!;
}

export async function retireItem(tx: Tx, id: number, effectiveTo: string, actor: Actor): Promise<ItemRow> {
  const old = await latestVersion(tx, id);
  if (effectiveTo < old.effectiveFrom) {
    throw new AppError('VALIDATION_FAILED', `废止日期不能早于该版本的生效日期(${old.effectiveFrom})`);
  }
  const [row] = await tx
    .update(enforcementItems)
    .set({ effectiveTo })
    .where(eq(enforcementItems.id, id))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: old.orgCode,
    action: 'enforcement.item.retire',
    entity: 'enforcement.item',
    entityId: id,
    before: { effectiveTo: old.effectiveTo },
    after: { effectiveTo },
  });
  return row!;
}

export const ZItemQuery = z.strictObject({
  org: z.string().optional(),
  listKind: z.enum(LIST_KINDS).optional(),
  itemType: z.enum(ITEM_TYPES).optional(),
  q: z.string().trim().max(100).optional(),
  on: ZDate.optional(),
  applicable: z.enum(['0', '1']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  format: z.enum(['json', 'xlsx']).optional(),
});
export type ItemQuery = z.infer<typeof ZItemQuery>;

const effectiveOn = (d: string) =>
  and(
    lte(enforcementItems.effectiveFrom, d),
    or(isNull(enforcementItems.effectiveTo), sql`${enforcementItems.effectiveTo} >= ${d}`),
  )!;

const isLatest = sql`NOT EXISTS (SELECT 1 FROM enforcement_item n WHERE n.org_code = ${enforcementItems.orgCode} AND n.item_code = ${enforcementItems.itemCode} AND n.version > ${enforcementItems.version})`;

/**
 * Current versions of the subtree's items; with `applicable=1`, the versions in force on `on` of the
 * org's own and its ancestors' items (what a case of `org` may be filed under).
 */
export async function listItems(db: Tx, orgCode: string | null, q: ItemQuery, all = false) {
  const conds: SQL[] = [];
  if (q.applicable === '1' && orgCode) {
    conds.push(inArray(enforcementItems.orgCode, selfAndAncestors(orgCode)));
    conds.push(effectiveOn(q.on ?? todayCal()));
  } else {
    if (orgCode) conds.push(inSubtree(enforcementItems.orgCode, orgCode));
    if (q.on) conds.push(effectiveOn(q.on));
    else conds.push(isLatest);
  }
  if (q.listKind) conds.push(eq(enforcementItems.listKind, q.listKind));
  if (q.itemType) conds.push(eq(enforcementItems.itemType, q.itemType));
  if (q.q) {
    const p = containsPattern(q.q);
    conds.push(or(ilike(enforcementItems.name, p), ilike(enforcementItems.itemCode, p))!);
  }
  const where = and(...conds);
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enforcementItems)
    .where(where);
  const base = db
    .select({ i: enforcementItems, orgName: orgs.name })
    .from(enforcementItems)
    .leftJoin(orgs, eq(orgs.code, enforcementItems.orgCode))
    .where(where)
    .orderBy(asc(enforcementItems.orgCode), asc(enforcementItems.itemCode), desc(enforcementItems.version));
  const list = all
    ? await base.limit(100_000)
    : await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return {
    total: Number(n),
    items: list.map((r) => ({ ...r.i, orgName: r.orgName })),
  };
}

export async function getItem(db: Tx, id: number) {
  const [row] = await db
    .select({ i: enforcementItems, orgName: orgs.name })
    .from(enforcementItems)
    .leftJoin(orgs, eq(orgs.code, enforcementItems.orgCode))
    .where(eq(enforcementItems.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const versions = await db
    .select()
    .from(enforcementItems)
    .where(and(eq(enforcementItems.orgCode, row.i.orgCode), eq(enforcementItems.itemCode, row.i.itemCode)))
    .orderBy(desc(enforcementItems.version));
  return { ...row.i, orgName: row.orgName, current: versions[0]?.id === row.i.id, versions };
}

/** 裁量基准 text → [{ circumstance, range }]: lines or ;-separated, each "情节:幅度". */
export function parseDiscretion(
  text: string | null | undefined,
): { value: { circumstance: string; range: string }[] } | { error: string } {
  if (!text?.trim()) return { value: [] };
  const parts = text
    .replace(/；/g, ';')
    .split(/[;\r\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: { circumstance: string; range: string }[] = [];
  for (const p of parts) {
    const m = /^([^:：]+)[:：](.+)$/.exec(p);
    if (!m || !m[1]!.trim() || !m[2]!.trim()) {
      return { error: `无法识别的裁量基准「${p}」,应写作“情节:处罚幅度”,多条以分号或换行分隔` };
    }
    out.push({ circumstance: m[1]!.trim(), range: m[2]!.trim() });
  }
  return { value: out };
}

export function discretionText(d: { circumstance: string; range: string }[]): string {
  return d.map((x) => `${x.circumstance}:${x.range}`).join(';');
}

// ---------------------------------------------------------------------------
// 执法人员

const officerFields = {
  name: z.string().trim().min(1, '姓名不能为空').max(50),
  idCard: z.string().trim().max(30).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  userId: z.number().int().positive().nullable().optional(),
  certNo: z.string().trim().max(64).nullable().optional(),
  issuer: z.string().trim().max(200).nullable().optional(),
  areas: z.string().trim().max(500).nullable().optional(),
  validFrom: ZDate.nullable().optional(),
  validTo: ZDate.nullable().optional(),
  status: z.enum(['有效', '暂扣', '注销'], { error: '证件状态应为:有效/暂扣/注销' }).optional(),
  active: z.boolean().optional(),
};
export const ZCreateOfficer = z.strictObject({ orgCode: z.string(), ...officerFields });
export type CreateOfficer = z.infer<typeof ZCreateOfficer>;
export const ZUpdateOfficer = z.strictObject({ ...officerFields, name: officerFields.name.optional() });
export type UpdateOfficer = z.infer<typeof ZUpdateOfficer>;

type OfficerRow = typeof enforcementOfficers.$inferSelect;

function cleanOfficer<T extends Partial<CreateOfficer>>(v: T): T {
  const out = { ...v };
  for (const k of ['idCard', 'phone', 'certNo', 'issuer', 'areas'] as const) {
    if (typeof out[k] === 'string' && out[k] === '') (out as Record<string, unknown>)[k] = null;
  }
  if (out.idCard) {
    const problem = idCardProblem(out.idCard);
    if (problem) throw new AppError('VALIDATION_FAILED', `身份证号有误:${problem}`);
    out.idCard = normalizeIdCard(out.idCard);
  }
  if (out.phone) {
    if (!isValidPhone(out.phone)) throw new AppError('VALIDATION_FAILED', '联系电话格式不正确');
    out.phone = normalizePhone(out.phone) ?? out.phone;
  }
  return out;
}

async function assertCertNoFree(tx: Tx, certNo: string | null | undefined, exceptId?: number) {
  if (!certNo) return;
  const [dup] = await tx
    .select({ id: enforcementOfficers.id })
    .from(enforcementOfficers)
    .where(
      and(
        eq(enforcementOfficers.certNo, certNo),
        exceptId === undefined ? undefined : ne(enforcementOfficers.id, exceptId),
      ),
    )
    .limit(1);
  if (dup) throw new AppError('DUPLICATE', `执法证号「${certNo}」已被登记,同一证号不能重复登记`);
}

function certDatesProblem(o: { validFrom?: string | null; validTo?: string | null; certNo?: string | null }) {
  if (o.validFrom && o.validTo && o.validTo < o.validFrom) return '执法证有效期至不能早于有效期起';
  if (!o.certNo && (o.validFrom || o.validTo)) return '填写了有效期但未填写执法证号';
  return null;
}

export const CERT_STEP = 'certExpiry';

/** The 换证 reminder: a kernel deadline due `certReminderDays` before the certificate expires. */
export async function syncCertDeadline(tx: Tx, o: OfficerRow, actor: Actor, today = todayCal()) {
  const key = { module: MODULE, entity: 'officer', entityId: o.id, step: CERT_STEP };
  if (!o.certNo || !o.validTo || o.status !== '有效' || !o.active) {
    await completeDeadline(tx, key, today, actor, 'cancelled');
    return;
  }
  const s = await effectiveSettings(tx, o.orgCode);
  const dueOn = addDays(o.validTo, -s.certReminderDays);
  const startsOn = o.validFrom && o.validFrom <= dueOn ? o.validFrom : dueOn;
  await openDeadline(
    tx,
    {
      orgCode: o.orgCode,
      module: MODULE,
      entity: 'officer',
      entityId: o.id,
      step: CERT_STEP,
      title: `执法证换证 ${o.name}(${o.certNo},${o.validTo}到期)`,
      rule: { kind: 'CAL_DAYS', n: 0 },
      startsOn,
      dueOn,
      legalBasis: LIMITS.certExpiry.basis,
    },
    actor,
  );
}

const personalView = (o: OfficerRow) => ({
  ...o,
  idCard: o.idCard ? maskIdCard(o.idCard) : null,
  phone: o.phone ? maskPhone(o.phone) : null,
});

export async function createOfficer(
  tx: Tx,
  input: CreateOfficer,
  actor: Actor,
  today = todayCal(),
): Promise<OfficerRow> {
  if (!isOrgCode(input.orgCode)) throw new AppError('INVALID_ORG_CODE');
  await orgName(tx, input.orgCode);
  const v = cleanOfficer(input);
  const problem = certDatesProblem(v);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  await assertCertNoFree(tx, v.certNo);
  const [row] = await tx
    .insert(enforcementOfficers)
    .values({
      orgCode: v.orgCode,
      name: v.name,
      idCard: v.idCard ?? null,
      phone: v.phone ?? null,
      userId: v.userId ?? null,
      certNo: v.certNo ?? null,
      issuer: v.issuer ?? null,
      areas: v.areas ?? null,
      validFrom: v.validFrom ?? null,
      validTo: v.validTo ?? null,
      status: v.status ?? '有效',
      active: v.active ?? true,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: 'enforcement.officer.create',
    entity: 'enforcement.officer',
    entityId: row!.id,
    after: personalView(row!),
  });
  await syncCertDeadline(tx, row!, actor, today);
  return row!;
}

export async function updateOfficer(
  tx: Tx,
  id: number,
  patch: UpdateOfficer,
  actor: Actor,
  today = todayCal(),
): Promise<OfficerRow> {
  const [old] = await tx.select().from(enforcementOfficers).where(eq(enforcementOfficers.id, id));
  if (!old) throw new AppError('NOT_FOUND');
  const v = cleanOfficer(patch);
  const merged = {
    ...old,
    ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)),
  } as OfficerRow;
  const problem = certDatesProblem(merged);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  if (merged.certNo !== old.certNo) await assertCertNoFree(tx, merged.certNo, id);
  const [row] = await tx
    .update(enforcementOfficers)
    .set({
      name: merged.name,
      idCard: merged.idCard,
      phone: merged.phone,
      userId: merged.userId,
      certNo: merged.certNo,
      issuer: merged.issuer,
      areas: merged.areas,
      validFrom: merged.validFrom,
      validTo: merged.validTo,
      status: merged.status,
      active: merged.active,
      updatedAt: new Date(),
    })
    .where(eq(enforcementOfficers.id, id))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: old.orgCode,
    action: 'enforcement.officer.update',
    entity: 'enforcement.officer',
    entityId: id,
    before: personalView(old),
    after: personalView(row!),
  });
  const certChanged = (['certNo', 'validFrom', 'validTo', 'status', 'active'] as const).some(
    (k) => old[k] !== row![k],
  );
  if (certChanged) await syncCertDeadline(tx, row!, actor, today);
  return row!;
}

export const CERT_FILTERS = ['valid', 'expiring', 'expired', 'none'] as const;
export const CERT_LABELS: Record<(typeof CERT_FILTERS)[number], string> = {
  valid: '有效',
  expiring: '即将到期',
  expired: '已过期或失效',
  none: '未持证',
};
export const EXPIRING_DAYS = 90;

export const ZOfficerQuery = z.strictObject({
  org: z.string().optional(),
  q: z.string().trim().max(100).optional(),
  cert: z.enum(CERT_FILTERS).optional(),
  indicator: z.string().max(100).optional(),
  part: z.enum(['numerator', 'denominator']).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  format: z.enum(['json', 'xlsx']).optional(),
});
export type OfficerQuery = z.infer<typeof ZOfficerQuery>;

/** A certificate valid on `on` (the SQL twin of certificateProblem() === null). */
export function validCertOn(on: string): SQL {
  return and(
    isNotNull(enforcementOfficers.certNo),
    eq(enforcementOfficers.status, '有效'),
    or(isNull(enforcementOfficers.validFrom), lte(enforcementOfficers.validFrom, on)),
    or(isNull(enforcementOfficers.validTo), sql`${enforcementOfficers.validTo} >= ${on}`),
  )!;
}

function certCondition(cert: (typeof CERT_FILTERS)[number], on: string): SQL {
  switch (cert) {
    case 'valid':
      return validCertOn(on);
    case 'expiring':
      return and(validCertOn(on), lte(enforcementOfficers.validTo, addDays(on, EXPIRING_DAYS)))!;
    case 'expired':
      return and(
        isNotNull(enforcementOfficers.certNo),
        or(ne(enforcementOfficers.status, '有效'), lt(enforcementOfficers.validTo, on)),
      )!;
    case 'none':
      return isNull(enforcementOfficers.certNo);
  }
}

export function certState(o: OfficerRow, on: string): (typeof CERT_FILTERS)[number] {
  if (!o.certNo) return 'none';
  if (certificateProblem(o, on))
    return o.validFrom && on < o.validFrom && o.status === '有效' ? 'valid' : 'expired';
  if (o.validTo && o.validTo <= addDays(on, EXPIRING_DAYS)) return 'expiring';
  return 'valid';
}

export async function listOfficers(
  db: Tx,
  orgCode: string,
  q: OfficerQuery,
  personal: boolean,
  on = todayCal(),
  extra?: SQL,
  all = false,
) {
  const conds: (SQL | undefined)[] = [inSubtree(enforcementOfficers.orgCode, orgCode), extra];
  if (q.cert) conds.push(certCondition(q.cert, on));
  if (q.q) {
    const p = containsPattern(q.q);
    conds.push(or(ilike(enforcementOfficers.name, p), ilike(enforcementOfficers.certNo, p)));
  }
  const where = and(...conds);
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enforcementOfficers)
    .where(where);
  const base = db
    .select({ o: enforcementOfficers, orgName: orgs.name })
    .from(enforcementOfficers)
    .leftJoin(orgs, eq(orgs.code, enforcementOfficers.orgCode))
    .where(where)
    .orderBy(asc(enforcementOfficers.orgCode), asc(enforcementOfficers.id));
  const list = all
    ? await base.limit(100_000)
    : await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return {
    total: Number(n),
    items: list.map((r) => {
      const state = certState(r.o, on);
      const shown = personal ? r.o : personalView(r.o);
      return {
        ...shown,
        orgName: r.orgName,
        certState: state,
        certStateLabel: CERT_LABELS[state],
        problem: certificateProblem(r.o, on),
      };
    }),
  };
}

// ---------------------------------------------------------------------------
// 检查对象名录库

export const ZCreateTarget = z.strictObject({
  orgCode: z.string(),
  name: z.string().trim().min(1, '检查对象名称不能为空').max(200),
  uscc: z.string().trim().max(30).nullable().optional(),
  kind: z.enum(TARGET_KINDS, { error: `主体类型应为:${TARGET_KINDS.join('/')}` }).optional(),
  industry: z.string().trim().max(100).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
});
export type CreateTarget = z.infer<typeof ZCreateTarget>;

export function usccProblem(uscc: string | null | undefined): string | null {
  if (!uscc) return null;
  return isValidUscc(normalizeUscc(uscc)) ? null : `统一社会信用代码「${uscc}」校验不通过`;
}

export async function createTarget(tx: Tx, input: CreateTarget, actor: Actor) {
  if (!isOrgCode(input.orgCode)) throw new AppError('INVALID_ORG_CODE');
  await orgName(tx, input.orgCode);
  const problem = usccProblem(input.uscc);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  const uscc = input.uscc ? normalizeUscc(input.uscc) : null;
  if (uscc) {
    const [dup] = await tx
      .select({ id: enforcementTargets.id })
      .from(enforcementTargets)
      .where(and(eq(enforcementTargets.uscc, uscc), inSubtree(enforcementTargets.orgCode, input.orgCode)))
      .limit(1);
    if (dup) throw new AppError('DUPLICATE', `统一社会信用代码「${uscc}」已在名录库中`);
  }
  const [row] = await tx
    .insert(enforcementTargets)
    .values({
      orgCode: input.orgCode,
      name: input.name,
      uscc,
      kind: input.kind ?? '企业',
      industry: input.industry ?? null,
      address: input.address ?? null,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: 'enforcement.target.create',
    entity: 'enforcement.target',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

export const ZUpdateTarget = z.strictObject({
  name: ZCreateTarget.shape.name.optional(),
  uscc: ZCreateTarget.shape.uscc,
  kind: ZCreateTarget.shape.kind,
  industry: ZCreateTarget.shape.industry,
  address: ZCreateTarget.shape.address,
  /** false: no longer operating, left out of future draws (past draws keep their snapshot). */
  active: z.boolean().optional(),
});

export async function updateTarget(tx: Tx, id: number, patch: z.infer<typeof ZUpdateTarget>, actor: Actor) {
  const [old] = await tx.select().from(enforcementTargets).where(eq(enforcementTargets.id, id));
  if (!old) throw new AppError('NOT_FOUND');
  const problem = usccProblem(patch.uscc);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  const uscc = patch.uscc === undefined ? old.uscc : patch.uscc ? normalizeUscc(patch.uscc) : null;
  if (uscc && uscc !== old.uscc) {
    const [dup] = await tx
      .select({ id: enforcementTargets.id })
      .from(enforcementTargets)
      .where(and(eq(enforcementTargets.uscc, uscc), inSubtree(enforcementTargets.orgCode, old.orgCode)))
      .limit(1);
    if (dup) throw new AppError('DUPLICATE', `统一社会信用代码「${uscc}」已在名录库中`);
  }
  const [row] = await tx
    .update(enforcementTargets)
    .set({
      name: patch.name ?? old.name,
      uscc,
      kind: patch.kind ?? old.kind,
      industry: patch.industry === undefined ? old.industry : patch.industry,
      address: patch.address === undefined ? old.address : patch.address,
      active: patch.active ?? old.active,
    })
    .where(eq(enforcementTargets.id, id))
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: old.orgCode,
    action: 'enforcement.target.update',
    entity: 'enforcement.target',
    entityId: id,
    before: old,
    after: row,
  });
  return row!;
}

export const ZTargetQuery = z.strictObject({
  org: z.string().optional(),
  q: z.string().trim().max(100).optional(),
  active: z.enum(['0', '1']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

export async function listTargets(db: Tx, orgCode: string, q: z.infer<typeof ZTargetQuery>) {
  const conds: (SQL | undefined)[] = [inSubtree(enforcementTargets.orgCode, orgCode)];
  if (q.active) conds.push(eq(enforcementTargets.active, q.active === '1'));
  if (q.q) {
    const p = containsPattern(q.q);
    conds.push(or(ilike(enforcementTargets.name, p), ilike(enforcementTargets.uscc, p)));
  }
  const where = and(...conds);
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enforcementTargets)
    .where(where);
  const list = await db
    .select({ t: enforcementTargets, orgName: orgs.name })
    .from(enforcementTargets)
    .leftJoin(orgs, eq(orgs.code, enforcementTargets.orgCode))
    .where(where)
    .orderBy(asc(enforcementTargets.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: Number(n), items: list.map((r) => ({ ...r.t, orgName: r.orgName })) };
}
