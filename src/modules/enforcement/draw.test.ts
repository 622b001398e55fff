import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db/client.js';
import type { KernelContext } from '../../kernel/module.js';
import {
  addUser,
  call,
  quickSession,
  type Session,
  seedTree,
  T,
  testApp,
  testContext,
} from '../../test/kernel.js';
import { drawSample } from './draw.js';

/** The method as the portal describes it, written again from the text (BigInt, no shared code). */
function citizenDraw(seed: string, pool: number[], k: number): number[] {
  const a = [...pool].sort((x, y) => x - y);
  for (let i = 0; i < k; i++) {
    const hex = createHash('sha256').update(`${seed}:${i}`).digest('hex');
    const x = BigInt(`0x${hex.slice(0, 12)}`);
    const j = i + Number(x % BigInt(a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

describe('drawSample: a pure, documented draw', () => {
  const pool = Array.from({ length: 40 }, (_, i) => 100 + i * 3);

  it('gives the same sample for the same seed and pool, whatever the pool order', () => {
    const a = drawSample('3f1c9a0b7d2e4f56', pool, 6);
    expect(a).toEqual(drawSample('3f1c9a0b7d2e4f56', [...pool].reverse(), 6));
    expect(new Set(a).size).toBe(6);
    for (const id of a) expect(pool).toContain(id);
    expect(a).toEqual(citizenDraw('3f1c9a0b7d2e4f56', pool, 6));
  });

  it('gives a different sample for a different seed', () => {
    expect(drawSample('seed-one-0001', pool, 6)).not.toEqual(drawSample('seed-two-0002', pool, 6));
  });

  it('refuses a pool smaller than the sample, and k = n is a permutation', () => {
    expect(() => drawSample('abc', [1, 2], 3)).toThrow(/少于抽取数量/);
    expect([...drawSample('abc', [5, 1, 3], 3)].sort()).toEqual([1, 3, 5]);
  });
});

describe('双随机一公开: inspections drawn reproducibly and published with their seed', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let clerk: Session;
  let admin: Session;
  const officerIds: Record<string, number> = {};
  const targetIds: number[] = [];

  beforeAll(async () => {
    process.env.FAZHI_TODAY = '2025-06-01';
    ctx = await testContext();
    await seedTree(ctx);
    clerk = await quickSession(ctx, await addUser(ctx, 'jia.jingban', '经办人', T.townA));
    admin = await quickSession(ctx, await addUser(ctx, 'jia.admin', '镇级管理员', T.townA));
    const yi = await quickSession(ctx, await addUser(ctx, 'yi.admin', '镇级管理员', T.townB));
    app = await testApp(ctx);
    const officers: [string, Session, string, Record<string, unknown>][] = [
      ['a', admin, T.townA, { certNo: '51062610001', validFrom: '2023-01-01', validTo: '2027-12-31' }],
      ['b', admin, T.officeA, { certNo: '51062610002', validFrom: '2023-01-01', validTo: '2027-12-31' }],
      ['c', admin, T.townA, { certNo: '51062610003', validFrom: '2023-01-01', validTo: '2025-07-31' }],
      ['expired', admin, T.townA, { certNo: '51062610004', validFrom: '2020-01-01', validTo: '2025-06-30' }],
      ['none', admin, T.townA, {}],
      ['suspended', admin, T.townA, { certNo: '51062610005', validTo: '2028-01-01', status: '暂扣' }],
      ['neighbour', yi, T.townB, { certNo: '51062610101', validFrom: '2023-01-01', validTo: '2027-12-31' }],
    ];
    for (const [key, s, org, cert] of officers) {
      const res = await call(app, s, 'POST', '/api/enforcement/officers', {
        orgCode: org,
        name: `人员${key}`,
        ...cert,
      });
      expect(res.statusCode, res.body).toBe(201);
      officerIds[key] = res.json().id;
    }
    for (let i = 0; i < 6; i++) {
      const res = await call(app, admin, 'POST', '/api/enforcement/targets', {
        orgCode: i % 2 ? T.villageA1 : T.townA,
        name: `甲镇检查对象${i}`,
        kind: '个体工商户',
      });
      expect(res.statusCode, res.body).toBe(201);
      targetIds.push(res.json().id);
    }
    await call(app, yi, 'POST', '/api/enforcement/targets', {
      orgCode: T.townB,
      name: '乙镇对象',
      kind: '企业',
    });
    // A closed business is left out of the pool.
    const closed = await call(app, admin, 'POST', '/api/enforcement/targets', {
      orgCode: T.townA,
      name: '已注销商户',
    });
    const off = await call(app, admin, 'POST', `/api/enforcement/targets/${closed.json().id}/update`, {
      active: false,
    });
    expect(off.statusCode, off.body).toBe(200);
  });
  afterAll(() => {
    delete process.env.FAZHI_TODAY;
  });

  const plan = async (body: Record<string, unknown> = {}) => {
    const res = await call(app, clerk, 'POST', '/api/enforcement/inspections', {
      orgCode: T.townA,
      title: '2025年上半年餐饮门店双随机抽查',
      plannedOn: '2025-07-15',
      targetCount: 3,
      inspectorCount: 2,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };

  it('snapshots the pools (only certificates valid on the planned day) and re-draws the same from the stored seed', async () => {
    const id = await plan();
    const res = await call(app, clerk, 'POST', `/api/enforcement/inspections/${id}/draw`, {
      seed: 'c0ffee00deadbeef',
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.status).toBe('drawn');
    expect(d.targetPool).toEqual([...targetIds].sort((x, y) => x - y));
    // 07-15: c (to 07-31) still valid; expired (to 06-30), uncertified, suspended and the neighbour's are not.
    expect(d.officerPool).toEqual([officerIds.a, officerIds.b, officerIds.c].sort((x, y) => x! - y!));
    expect(d.drawnTargetIds).toEqual(citizenDraw('c0ffee00deadbeef/targets', d.targetPool, 3));
    expect(d.drawnOfficerIds).toEqual(citizenDraw('c0ffee00deadbeef/officers', d.officerPool, 2));
    expect(d.verified).toBe(true);
    expect(
      d.drawnTargets.map((t: { name: string }) => t.name).every((n: string) => n.startsWith('甲镇')),
    ).toBe(true);

    // A second plan with the same seed and pools draws the same; another seed differs.
    const same = await plan();
    const again = (
      await call(app, clerk, 'POST', `/api/enforcement/inspections/${same}/draw`, {
        seed: 'c0ffee00deadbeef',
      })
    ).json();
    expect(again.drawnTargetIds).toEqual(d.drawnTargetIds);
    const other = await plan();
    const diff = (
      await call(app, clerk, 'POST', `/api/enforcement/inspections/${other}/draw`, {
        seed: 'another-seed-42',
      })
    ).json();
    expect(diff.drawnTargetIds).not.toEqual(d.drawnTargetIds);

    // Drawn once only.
    const twice = await call(app, clerk, 'POST', `/api/enforcement/inspections/${id}/draw`, {});
    expect(twice.statusCode).toBe(409);
  });

  it('excludes a certificate expired by the planned day: two valid officers cannot make three inspectors', async () => {
    const later = await plan({ plannedOn: '2025-08-15', inspectorCount: 3 });
    // On 08-15 c has expired too: two left.
    const res = await call(app, clerk, 'POST', `/api/enforcement/inspections/${later}/draw`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('持有效执法证的执法人员只有2名');
    const big = await plan({ targetCount: 7 });
    const r2 = await call(app, clerk, 'POST', `/api/enforcement/inspections/${big}/draw`, {});
    expect(r2.statusCode).toBe(409);
    expect(r2.json().error.message).toContain('只有6个在册对象');
    const one = await call(app, clerk, 'POST', '/api/enforcement/inspections', {
      orgCode: T.townA,
      title: '一人检查',
      plannedOn: '2025-07-15',
      targetCount: 1,
      inspectorCount: 1,
    });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.message).toContain('第四十二条');
  });

  it('draws a server seed when none is given, records results, publishes; the portal verifies and detects tampering', async () => {
    const id = await plan();
    const drawn = (
      await call(app, clerk, 'POST', `/api/enforcement/inspections/${id}/draw`, { on: '2025-05-15' })
    ).json();
    expect(drawn.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(drawn.drawnTargetIds).toEqual(citizenDraw(`${drawn.seed}/targets`, drawn.targetPool, 3));

    // Not public before publication.
    expect((await call(app, null, 'GET', `/portal/enforcement/inspections/${id}`)).statusCode).toBe(404);
    const early = await call(app, clerk, 'POST', `/api/enforcement/inspections/${id}/publish`, {});
    expect(early.statusCode).toBe(409);

    const outsider = targetIds.find((t) => !drawn.drawnTargetIds.includes(t))!;
    const wrong = await call(app, clerk, 'POST', `/api/enforcement/inspections/${id}/results`, {
      targetId: outsider,
      inspectedOn: '2025-05-20',
      result: '未发现问题',
    });
    expect(wrong.statusCode).toBe(400);
    const first = drawn.drawnTargetIds[0] as number;
    const beforeDraw = await call(app, clerk, 'POST', `/api/enforcement/inspections/${id}/results`, {
      targetId: first,
      inspectedOn: '2025-05-14',
      result: '未发现问题',
    });
    expect(beforeDraw.json().error.message).toContain('不能早于抽取日期');
    const noCase = await call(app, clerk, 'POST', `/api/enforcement/inspections/${id}/results`, {
      targetId: first,
      inspectedOn: '2025-05-20',
      result: '立案查处',
    });
    expect(noCase.json().error.message).toContain('应关联所立的执法案件');
    for (const [i, t] of (drawn.drawnTargetIds as number[]).entries()) {
      const r = await call(app, clerk, 'POST', `/api/enforcement/inspections/${id}/results`, {
        targetId: t,
        inspectedOn: `2025-05-2${i}`,
        result: i === 0 ? '发现问题已责令整改' : '未发现问题',
        note: '现场检查',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const pub = await call(app, clerk, 'POST', `/api/enforcement/inspections/${id}/publish`, {});
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({
      status: 'published',
      publishedOn: '2025-06-01',
      doneOn: '2025-05-22',
    });

    const list = (await call(app, null, 'GET', `/portal/enforcement/inspections?org=${T.townA}`)).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([id]);
    const portal = await call(app, null, 'GET', `/portal/enforcement/inspections/${id}`);
    expect(portal.statusCode).toBe(200);
    const p = portal.json();
    expect(p).toMatchObject({
      seed: drawn.seed,
      targetPool: drawn.targetPool,
      officerPool: drawn.officerPool,
      verified: true,
    });
    expect(p.drawnTargets.map((t: { result: string }) => t.result)).toEqual([
      '发现问题已责令整改',
      '未发现问题',
      '未发现问题',
    ]);
    expect(p.drawnOfficers.every((o: { name: string; certNo: string }) => o.name && o.certNo)).toBe(true);
    expect(p.method).toContain('SHA-256');
    // A citizen re-draws from what the portal shows.
    expect(citizenDraw(`${p.seed}/targets`, p.targetPool, p.targetCount)).toEqual(p.drawnTargetIds);

    // Someone swaps a drawn target in the database: the portal no longer verifies.
    const swapped = [outsider, ...drawn.drawnTargetIds.slice(1)];
    await rows(
      ctx.database.db,
      sql`UPDATE enforcement_inspection SET drawn_targets = ${JSON.stringify(swapped)}::jsonb WHERE id = ${id}`,
    );
    expect((await call(app, null, 'GET', `/portal/enforcement/inspections/${id}`)).json().verified).toBe(
      false,
    );
  });

  it('keeps inspections to their township: the neighbour cannot see them, the county can', async () => {
    const id = await plan();
    const yi = await quickSession(ctx, await addUser(ctx, 'yi.jingban', '经办人', T.townB));
    expect((await call(app, yi, 'GET', `/api/enforcement/inspections/${id}`)).statusCode).toBe(404);
    expect((await call(app, yi, 'GET', `/api/enforcement/inspections?org=${T.townA}`)).statusCode).toBe(404);
    const county = await quickSession(ctx, await addUser(ctx, 'xian.jiandu', '县级监督', T.county));
    const res = await call(app, county, 'GET', `/api/enforcement/inspections?org=${T.county}`);
    expect(res.json().items.some((i: { id: number }) => i.id === id)).toBe(true);
    expect((await call(app, county, 'POST', `/api/enforcement/inspections/${id}/draw`, {})).statusCode).toBe(
      403,
    );
  });
});
