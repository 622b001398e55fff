import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import { rows as sqlRows, type Tx } from '../../kernel/db/client.js';
import { files, orgs } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import { isInSubtree, isOrgCode, levelOf } from '../../kernel/orgs/codes.js';
import { inSubtree } from '../../kernel/scope.js';
import { containsPattern } from '../../kernel/sql-text.js';
import {
  DEMO_VILLAGE,
  type Form,
  MODULE,
  type TActivity,
  type TDuty,
  type TSite,
  type VenueType,
} from './model.js';
import { publicityActivities, publicityDuties, publicityPhotos, publicitySites } from './schema.js';

export type Activity = typeof publicityActivities.$inferSelect;
export type Duty = typeof publicityDuties.$inferSelect;

/** The township (or street) an org belongs to: `510626100000` for `510626100201`, `510626100000K04`. */
export function townshipOf(code: string): string {
  return `${code.slice(0, 9)}000`;
}

/** SQL: the township name of an `org_code` column. */
export const townshipName = (col: SQL) =>
  sql`(SELECT t.name FROM kernel_org t WHERE t.code = substr(${col}, 1, 9) || '000')`;

/** The levels an activity, a duty or a site may belong to. */
const ACTIVITY_LEVELS = ['county', 'township', 'office', 'village'];

async function orgsExist(tx: Tx, codes: string[]) {
  const list = [...new Set(codes)].filter(isOrgCode);
  return list.length
    ? tx
        .select({ code: orgs.code, name: orgs.name, level: orgs.level })
        .from(orgs)
        .where(inArray(orgs.code, list))
    : [];
}

// ---------------------------------------------------------------------------
// Activities

export interface ActivityRow {
  orgCode: string;
  heldOn: string;
  title: string;
  themes: string[];
  form: Form;
  venueType: VenueType;
  venueName?: string | null;
  reach: number;
  materials: number;
  dutyId?: number | null;
  organiser?: string | null;
  note?: string | null;
  source?: 'staff' | 'import' | 'demo';
}

export interface ActivityProblem {
  index: number;
  field: keyof TActivity;
  message: string;
}

/**
 * The rules an activity meets: it has happened (not after today), its org is a county, township, office or
 * village that exists, and a 谁执法谁普法 duty it fulfils is of the same year and of a unit in whose township
 * (or county) the activity took place.
 */
export async function checkActivities(
  tx: Tx,
  list: readonly ActivityRow[],
  today: string,
): Promise<ActivityProblem[]> {
  const found = await orgsExist(
    tx,
    list.map((r) => r.orgCode),
  );
  const dutyIds = [...new Set(list.map((r) => r.dutyId).filter((d): d is number => Boolean(d)))];
  const duties = dutyIds.length
    ? await tx.select().from(publicityDuties).where(inArray(publicityDuties.id, dutyIds))
    : [];
  const out: ActivityProblem[] = [];
  list.forEach((r, index) => {
    const err = (field: keyof TActivity, message: string) => out.push({ index, field, message });
    const o = found.find((f) => f.code === r.orgCode);
    if (!o) err('orgCode', `组织「${r.orgCode}」不存在`);
    else if (!ACTIVITY_LEVELS.includes(o.level))
      err('orgCode', `「${o.name}」不能登记普法活动(应为县、乡镇、站所或村(社区))`);
    if (r.heldOn > today) err('heldOn', '活动日期不能晚于今天');
    if (r.heldOn < '2000-01-01') err('heldOn', '活动日期无效');
    if (!r.themes.length) err('themes', '请选择至少一个宣传主题');
    if (r.dutyId) {
      const d = duties.find((x) => x.id === r.dutyId);
      if (!d) err('dutyId', '普法责任清单条目不存在');
      else {
        const region = levelOf(d.orgCode) === 'office' ? townshipOf(d.orgCode) : d.orgCode;
        if (!isInSubtree(r.orgCode, region))
          err('dutyId', `活动单位不在责任单位「${d.unitName}」所在乡镇(街道)`);
        if (Number(r.heldOn.slice(0, 4)) !== d.year) err('dutyId', `活动日期不在责任清单年度(${d.year}年)内`);
      }
    }
  });
  return out;
}

/** Insert many activities (chunks of 1,000) with one audit entry; the caller has checked them. */
export async function recordActivities(
  tx: Tx,
  list: readonly ActivityRow[],
  actor: Actor,
): Promise<{ id: number }[]> {
  if (!list.length) return [];
  const values = list.map((r) => ({
    orgCode: r.orgCode,
    heldOn: r.heldOn,
    title: r.title,
    themes: r.themes,
    form: r.form,
    venueType: r.venueType,
    venueName: r.venueName ?? null,
    reach: r.reach,
    materials: r.materials,
    dutyId: r.dutyId ?? null,
    organiser: r.organiser ?? null,
    note: r.note ?? null,
    source: r.source ?? 'staff',
    createdBy: actor.id,
  }));
  const inserted: { id: number }[] = [];
  for (let i = 0; i < values.length; i += 1000) {
    inserted.push(
      ...(await tx
        .insert(publicityActivities)
        .values(values.slice(i, i + 1000))
        .returning({ id: publicityActivities.id })),
    );
  }
  const orgsOf = [...new Set(values.map((v) => v.orgCode))];
  const dates = values.map((v) => v.heldOn).sort();
  await appendAudit(tx, {
    actor,
    orgCode: orgsOf.length === 1 ? orgsOf[0]! : null,
    action: `${MODULE}.activity.record`,
    entity: 'publicity.activity',
    entityId: inserted.length === 1 ? inserted[0]!.id : null,
    after:
      values.length === 1
        ? { id: inserted[0]!.id, ...values[0] }
        : {
            count: values.length,
            ids: inserted.map((r) => r.id),
            from: dates[0],
            to: dates[dates.length - 1],
            reach: values.reduce((a, v) => a + v.reach, 0),
            source: values[0]!.source,
          },
  });
  return inserted;
}

export async function addActivity(
  tx: Tx,
  input: TActivity,
  actor: Actor,
  today = todayCal(),
): Promise<{ id: number }> {
  const row: ActivityRow = { ...input, themes: [...new Set(input.themes)], source: 'staff' };
  const problems = await checkActivities(tx, [row], today);
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), problems);
  const [r] = await recordActivities(tx, [row], actor);
  return r!;
}

export async function removeActivity(tx: Tx, id: number, reason: string, actor: Actor) {
  const [a] = await tx.select().from(publicityActivities).where(eq(publicityActivities.id, id)).for('update');
  if (!a) throw new AppError('NOT_FOUND');
  await tx.delete(publicityActivities).where(eq(publicityActivities.id, id));
  await appendAudit(tx, {
    actor,
    orgCode: a.orgCode,
    action: `${MODULE}.activity.remove`,
    entity: 'publicity.activity',
    entityId: id,
    before: a,
    after: { reason },
  });
  return { id };
}

/** Attach an uploaded photo (kernel file) to an activity as evidence. */
export async function addPhoto(
  tx: Tx,
  activityId: number,
  input: { fileId: number; caption?: string | null },
  actor: Actor,
) {
  const [a] = await tx
    .select()
    .from(publicityActivities)
    .where(eq(publicityActivities.id, activityId))
    .for('update');
  if (!a) throw new AppError('NOT_FOUND');
  const [file] = await tx.select().from(files).where(eq(files.id, input.fileId));
  if (!file || !isInSubtree(file.orgCode, townshipOf(a.orgCode)))
    throw new AppError('VALIDATION_FAILED', '照片不存在或不属于本乡镇(街道)，请先上传文件');
  if (!file.mime.startsWith('image/'))
    throw new AppError('VALIDATION_FAILED', '活动照片应为图片(jpg、png、gif、webp)');
  const [row] = await tx
    .insert(publicityPhotos)
    .values({
      activityId,
      orgCode: a.orgCode,
      fileId: file.id,
      sha256: file.sha256,
      caption: input.caption ?? null,
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: a.orgCode,
    action: `${MODULE}.photo.add`,
    entity: 'publicity.activity',
    entityId: activityId,
    after: { photoId: row!.id, fileId: file.id, sha256: file.sha256, caption: row!.caption },
  });
  return row!;
}

export async function removePhoto(tx: Tx, id: number, reason: string, actor: Actor) {
  const [p] = await tx.select().from(publicityPhotos).where(eq(publicityPhotos.id, id));
  if (!p) throw new AppError('NOT_FOUND');
  await tx.delete(publicityPhotos).where(eq(publicityPhotos.id, id));
  await appendAudit(tx, {
    actor,
    orgCode: p.orgCode,
    action: `${MODULE}.photo.remove`,
    entity: 'publicity.activity',
    entityId: p.activityId,
    before: p,
    after: { reason },
  });
  return { id, activityId: p.activityId };
}

const ACTIVITY_COLUMNS = sql`publicity_activity.id, publicity_activity.org_code AS "orgCode", o.name AS "orgName",
  ${townshipName(sql`publicity_activity.org_code`)} AS township,
  publicity_activity.held_on::text AS "heldOn", publicity_activity.title, publicity_activity.themes,
  publicity_activity.form, publicity_activity.venue_type AS "venueType", publicity_activity.venue_name AS "venueName",
  publicity_activity.reach, publicity_activity.materials, publicity_activity.duty_id AS "dutyId",
  d.unit_name AS "dutyUnit", publicity_activity.organiser, publicity_activity.note, publicity_activity.source,
  (SELECT count(*)::int FROM publicity_photo p WHERE p.activity_id = publicity_activity.id) AS photos`;

export interface ActivityListQuery {
  theme?: string;
  form?: string;
  venueType?: string;
  month?: string;
  duty?: number;
  q?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function activityFilters(org: string, q: Omit<ActivityListQuery, 'page' | 'pageSize'>, extra?: SQL) {
  const cond: SQL[] = [inSubtree(sql`publicity_activity.org_code`, org)];
  if (q.theme) cond.push(sql`${q.theme} = ANY(publicity_activity.themes)`);
  if (q.form) cond.push(sql`publicity_activity.form = ${q.form}`);
  if (q.venueType) cond.push(sql`publicity_activity.venue_type = ${q.venueType}`);
  if (q.month) cond.push(sql`to_char(publicity_activity.held_on, 'YYYY-MM') = ${q.month}`);
  if (q.duty) cond.push(sql`publicity_activity.duty_id = ${q.duty}`);
  if (q.from) cond.push(sql`publicity_activity.held_on >= ${q.from}`);
  if (q.to) cond.push(sql`publicity_activity.held_on <= ${q.to}`);
  if (q.q) {
    const like = containsPattern(q.q);
    cond.push(
      sql`(publicity_activity.title LIKE ${like} OR publicity_activity.venue_name LIKE ${like} OR publicity_activity.organiser LIKE ${like})`,
    );
  }
  if (extra) cond.push(extra);
  return sql.join(cond, sql` AND `);
}

export async function listActivities(tx: Tx, org: string, q: ActivityListQuery, extra?: SQL, all = false) {
  const where = activityFilters(org, q, extra);
  const [s = { n: 0, reach: 0, materials: 0 }] = await sqlRows<{
    n: number;
    reach: number;
    materials: number;
  }>(
    tx,
    sql`SELECT count(*)::int AS n, coalesce(sum(reach), 0)::int AS reach, coalesce(sum(materials), 0)::int AS materials
        FROM publicity_activity WHERE ${where}`,
  );
  const items = await sqlRows<Record<string, unknown>>(
    tx,
    sql`SELECT ${ACTIVITY_COLUMNS}
        FROM publicity_activity
        LEFT JOIN kernel_org o ON o.code = publicity_activity.org_code
        LEFT JOIN publicity_duty d ON d.id = publicity_activity.duty_id
        WHERE ${where}
        ORDER BY publicity_activity.held_on DESC, publicity_activity.id DESC
        ${all ? sql`LIMIT 20000` : sql`LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`}`,
  );
  return { total: Number(s.n), reach: Number(s.reach), materials: Number(s.materials), items };
}

export async function getActivity(tx: Tx, id: number) {
  const [a] = await sqlRows<Record<string, unknown>>(
    tx,
    sql`SELECT ${ACTIVITY_COLUMNS}, publicity_activity.created_at AS "createdAt",
          u.display_name AS "createdByName"
        FROM publicity_activity
        LEFT JOIN kernel_org o ON o.code = publicity_activity.org_code
        LEFT JOIN publicity_duty d ON d.id = publicity_activity.duty_id
        LEFT JOIN kernel_user u ON u.id = publicity_activity.created_by
        WHERE publicity_activity.id = ${id}`,
  );
  if (!a) throw new AppError('NOT_FOUND');
  const photos = await sqlRows(
    tx,
    sql`SELECT p.id, p.file_id AS "fileId", p.sha256, p.caption, f.name, f.mime, f.size,
          p.created_at AS "createdAt"
        FROM publicity_photo p LEFT JOIN kernel_file f ON f.id = p.file_id
        WHERE p.activity_id = ${id} ORDER BY p.id`,
  );
  return { ...a, photoList: photos };
}

// ---------------------------------------------------------------------------
// 谁执法谁普法 responsibility list

export async function createDuty(tx: Tx, input: TDuty, actor: Actor): Promise<Duty> {
  const [o] = await orgsExist(tx, [input.orgCode]);
  if (!o) throw new AppError('VALIDATION_FAILED', `组织「${input.orgCode}」不存在`);
  if (!['county', 'township', 'office'].includes(o.level))
    throw new AppError('VALIDATION_FAILED', `「${o.name}」不能作为普法责任单位(应为县、乡镇或站所)`);
  const [dup] = await tx
    .select({ id: publicityDuties.id })
    .from(publicityDuties)
    .where(
      sql`${publicityDuties.orgCode} = ${input.orgCode} AND ${publicityDuties.year} = ${input.year}
        AND ${publicityDuties.unitName} = ${input.unitName}`,
    );
  if (dup) throw new AppError('DUPLICATE', `「${input.unitName}」${input.year}年的普法责任已登记`);
  const [row] = await tx
    .insert(publicityDuties)
    .values({ ...input, note: input.note ?? null, createdBy: actor.id })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: `${MODULE}.duty.create`,
    entity: 'publicity.duty',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/** SQL: activities recorded against duty alias `t` in its year. */
export const dutyDone = (t = 'publicity_duty') => {
  const d = sql.identifier(t);
  return sql`(SELECT count(*) FROM publicity_activity a WHERE a.duty_id = ${d}.id
    AND a.held_on BETWEEN make_date(${d}.year, 1, 1) AND make_date(${d}.year, 12, 31))`;
};

export async function listDuties(tx: Tx, org: string, q: { year?: number; behind?: '1' }, extra?: SQL) {
  const cond: SQL[] = [inSubtree(sql`publicity_duty.org_code`, org)];
  if (q.year) cond.push(sql`publicity_duty.year = ${q.year}`);
  if (q.behind) cond.push(sql`${dutyDone()} < publicity_duty.planned`);
  if (extra) cond.push(extra);
  const items = await sqlRows<{ planned: number; done: number }>(
    tx,
    sql`SELECT publicity_duty.id, publicity_duty.org_code AS "orgCode", o.name AS "orgName",
          ${townshipName(sql`publicity_duty.org_code`)} AS township,
          publicity_duty.year, publicity_duty.unit_name AS "unitName", publicity_duty.duties,
          publicity_duty.planned, publicity_duty.note, ${dutyDone()}::int AS done
        FROM publicity_duty LEFT JOIN kernel_org o ON o.code = publicity_duty.org_code
        WHERE ${sql.join(cond, sql` AND `)}
        ORDER BY publicity_duty.year DESC, publicity_duty.org_code, publicity_duty.id
        LIMIT 2000`,
  );
  const list = items.map((d) => ({
    ...d,
    progress: d.planned ? Math.round((d.done * 1000) / d.planned) / 10 : null,
    met: d.done >= d.planned,
  }));
  return {
    total: list.length,
    met: list.filter((d) => d.met).length,
    planned: list.reduce((a, d) => a + d.planned, 0),
    done: list.reduce((a, d) => a + Math.min(d.done, d.planned), 0),
    items: list,
  };
}

// ---------------------------------------------------------------------------
// 法治宣传阵地

export async function createSite(tx: Tx, input: TSite, actor: Actor, today = todayCal()) {
  const [o] = await orgsExist(tx, [input.orgCode]);
  if (!o) throw new AppError('VALIDATION_FAILED', `组织「${input.orgCode}」不存在`);
  if (!['county', 'township', 'village'].includes(o.level))
    throw new AppError('VALIDATION_FAILED', `「${o.name}」不是县、乡镇或村(社区)`);
  if (input.kind === DEMO_VILLAGE) {
    if (o.level !== 'village')
      throw new AppError('VALIDATION_FAILED', '民主法治示范村(社区)应登记在村(社区)');
    if (!input.honourLevel) throw new AppError('VALIDATION_FAILED', '请填写示范村(社区)的命名级别');
  } else if (input.honourLevel) throw new AppError('VALIDATION_FAILED', '只有民主法治示范村(社区)有命名级别');
  if (input.builtOn && input.builtOn > today)
    throw new AppError('VALIDATION_FAILED', '建成(命名)日期不能晚于今天');
  const [row] = await tx
    .insert(publicitySites)
    .values({
      orgCode: input.orgCode,
      kind: input.kind,
      name: input.name,
      builtOn: input.builtOn ?? null,
      honourLevel: input.honourLevel ?? null,
      note: input.note ?? null,
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    orgCode: row!.orgCode,
    action: `${MODULE}.site.create`,
    entity: 'publicity.site',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

export async function removeSite(tx: Tx, id: number, reason: string, actor: Actor) {
  const [s] = await tx.select().from(publicitySites).where(eq(publicitySites.id, id));
  if (!s) throw new AppError('NOT_FOUND');
  await tx.delete(publicitySites).where(eq(publicitySites.id, id));
  await appendAudit(tx, {
    actor,
    orgCode: s.orgCode,
    action: `${MODULE}.site.remove`,
    entity: 'publicity.site',
    entityId: id,
    before: s,
    after: { reason },
  });
  return { id };
}

export async function listSites(tx: Tx, org: string, q: { kind?: string }, extra?: SQL) {
  const cond: SQL[] = [inSubtree(sql`publicity_site.org_code`, org)];
  if (q.kind) cond.push(sql`publicity_site.kind = ${q.kind}`);
  if (extra) cond.push(extra);
  const items = await sqlRows(
    tx,
    sql`SELECT publicity_site.id, publicity_site.org_code AS "orgCode", o.name AS "orgName",
          ${townshipName(sql`publicity_site.org_code`)} AS township, publicity_site.kind, publicity_site.name,
          publicity_site.built_on::text AS "builtOn", publicity_site.honour_level AS "honourLevel", publicity_site.note
        FROM publicity_site LEFT JOIN kernel_org o ON o.code = publicity_site.org_code
        WHERE ${sql.join(cond, sql` AND `)}
        ORDER BY publicity_site.org_code, publicity_site.kind, publicity_site.id LIMIT 5000`,
  );
  return { total: items.length, items };
}

// ---------------------------------------------------------------------------
// Portal: public, no personal data (no organiser person, no photos, no notes)

export async function portalActivities(
  tx: Tx,
  q: { org?: string; theme?: string; venueType?: string; page: number; pageSize: number },
) {
  const cond: SQL[] = [sql`true`];
  if (q.org) cond.push(inSubtree(sql`a.org_code`, q.org));
  if (q.theme) cond.push(sql`${q.theme} = ANY(a.themes)`);
  if (q.venueType) cond.push(sql`a.venue_type = ${q.venueType}`);
  const where = sql.join(cond, sql` AND `);
  const [{ n } = { n: 0 }] = await sqlRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM publicity_activity a WHERE ${where}`,
  );
  const items = await sqlRows(
    tx,
    sql`SELECT a.id, a.held_on::text AS "heldOn", ${townshipName(sql`a.org_code`)} AS township, o.name AS "orgName",
          a.title, a.themes, a.form, a.venue_type AS "venueType", a.reach
        FROM publicity_activity a LEFT JOIN kernel_org o ON o.code = a.org_code
        WHERE ${where}
        ORDER BY a.held_on DESC, a.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { total: Number(n), items };
}

export async function portalSites(tx: Tx, org?: string) {
  return sqlRows(
    tx,
    sql`SELECT s.id, ${townshipName(sql`s.org_code`)} AS township, o.name AS "orgName", s.kind, s.name,
          s.built_on::text AS "builtOn", s.honour_level AS "honourLevel"
        FROM publicity_site s LEFT JOIN kernel_org o ON o.code = s.org_code
        ${org ? sql`WHERE ${inSubtree(sql`s.org_code`, org)}` : sql``}
        ORDER BY s.org_code, s.kind, s.id LIMIT 2000`,
  );
}
