import { asc, eq, sql } from 'drizzle-orm';
import { type Actor, appendAudit, SYSTEM_ACTOR } from '../audit.js';
import type { Tx } from '../db/client.js';
import { orgs } from '../db/schema.js';
import { AppError } from '../errors.js';
import { inSubtree } from '../scope.js';
import { levelOf, type OrgLevel, parentOf } from './codes.js';

export interface OrgRow {
  code: string;
  parentCode: string | null;
  name: string;
  level: string;
}

export interface OrgNode {
  code: string;
  name: string;
  level: string;
  children: OrgNode[];
}

export interface NewOrg {
  code: string;
  name: string;
  sort?: number;
}

/** Validate and insert org nodes (parents before children), audited as one batch. */
export async function createOrgs(tx: Tx, list: NewOrg[], actor: Actor = SYSTEM_ACTOR): Promise<void> {
  if (list.length === 0) return;
  const known = new Set<string>();
  const parents = [
    ...new Set(list.map((o) => levelOf(o.code) && parentOf(o.code)).filter(Boolean)),
  ] as string[];
  if (parents.length) {
    const found = await tx
      .select({ code: orgs.code })
      .from(orgs)
      .where(
        sql`${orgs.code} IN (${sql.join(
          parents.map((p) => sql`${p}`),
          sql`, `,
        )})`,
      );
    for (const f of found) known.add(f.code);
  }
  const values = list.map((o, i) => {
    const level = levelOf(o.code);
    if (!level) throw new AppError('INVALID_ORG_CODE', `组织代码无效: ${o.code}`);
    const name = o.name.trim();
    if (!name) throw new AppError('VALIDATION_FAILED', `组织 ${o.code} 缺少名称`);
    const parentCode = parentOf(o.code);
    // An installation may start at a province, city or county; from the township down the parent must exist.
    if (parentCode && !known.has(parentCode) && !['city', 'county'].includes(level)) {
      throw new AppError('INVALID_ORG_CODE', `组织 ${o.code} 的上级 ${parentCode} 不存在`);
    }
    known.add(o.code);
    return {
      code: o.code,
      parentCode: parentCode && known.has(parentCode) ? parentCode : null,
      name,
      level,
      sort: o.sort ?? i,
    };
  });
  for (let i = 0; i < values.length; i += 500) {
    await tx
      .insert(orgs)
      .values(values.slice(i, i + 500))
      .onConflictDoNothing()
      .returning({ code: orgs.code })
      .then((inserted) => {
        if (inserted.length !== Math.min(500, values.length - i)) {
          throw new AppError('DUPLICATE', '组织代码已存在');
        }
      });
  }
  await appendAudit(
    tx,
    values.map((v) => ({
      actor,
      orgCode: v.code,
      action: 'org.create',
      entity: 'org',
      entityId: v.code,
      after: v,
    })),
  );
}

export async function getOrg(tx: Tx, code: string): Promise<OrgRow | null> {
  const [row] = await tx
    .select({ code: orgs.code, parentCode: orgs.parentCode, name: orgs.name, level: orgs.level })
    .from(orgs)
    .where(eq(orgs.code, code));
  return row ?? null;
}

/** Every node in the subtree of `root`, ordered for display. */
export async function subtreeRows(tx: Tx, root: string): Promise<OrgRow[]> {
  return tx
    .select({ code: orgs.code, parentCode: orgs.parentCode, name: orgs.name, level: orgs.level })
    .from(orgs)
    .where(inSubtree(orgs.code, root))
    .orderBy(asc(orgs.sort), asc(orgs.code));
}

export function buildTree(rows: OrgRow[], root: string): OrgNode | null {
  const nodes = new Map<string, OrgNode>();
  for (const r of rows) nodes.set(r.code, { code: r.code, name: r.name, level: r.level, children: [] });
  for (const r of rows) {
    if (r.code === root || !r.parentCode) continue;
    nodes.get(r.parentCode)?.children.push(nodes.get(r.code)!);
  }
  return nodes.get(root) ?? null;
}

export async function orgTree(tx: Tx, root: string): Promise<OrgNode | null> {
  return buildTree(await subtreeRows(tx, root), root);
}

/** Ancestors from the top of the stored tree down to the node itself. */
export async function orgPath(
  tx: Tx,
  code: string,
): Promise<{ code: string; name: string; level: string }[]> {
  const chain: string[] = [];
  for (let c: string | null = code; c; c = parentOf(c)) chain.unshift(c);
  const found = await tx
    .select({ code: orgs.code, name: orgs.name, level: orgs.level })
    .from(orgs)
    .where(
      sql`${orgs.code} IN (${sql.join(
        chain.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  const byCode = new Map(found.map((f) => [f.code, f]));
  return chain.map((c) => byCode.get(c)).filter((x): x is NonNullable<typeof x> => Boolean(x));
}

export async function countBelow(tx: Tx, code: string): Promise<Record<OrgLevel, number>> {
  const result = await tx
    .select({ level: orgs.level, n: sql<number>`count(*)::int` })
    .from(orgs)
    .where(sql`${inSubtree(orgs.code, code)} AND ${orgs.code} <> ${code}`)
    .groupBy(orgs.level);
  const counts = { province: 0, city: 0, county: 0, township: 0, village: 0, office: 0, grid: 0 } as Record<
    OrgLevel,
    number
  >;
  for (const r of result) counts[r.level as OrgLevel] = Number(r.n);
  return counts;
}
