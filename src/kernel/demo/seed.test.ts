import { count, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../../test/kernel.js';
import { verifyAudit } from '../audit.js';
import { ROLES } from '../auth/roles.js';
import { grants, orgs } from '../db/schema.js';
import type { KernelContext } from '../module.js';
import { levelOf } from '../orgs/codes.js';
import { buildDemoOrgs, seedDemo } from './seed.js';
import { DEMO_2024 } from './window.js';

describe('demo county', () => {
  it('is deterministic for a seed, and differs across seeds', () => {
    expect(buildDemoOrgs(7).list).toEqual(buildDemoOrgs(7).list);
    expect(buildDemoOrgs(7).list).not.toEqual(buildDemoOrgs(8).list);
  });

  it('has the size the issue asks for, with valid unique codes', () => {
    const { list, shape } = buildDemoOrgs(2024);
    expect(shape.townships.length).toBeGreaterThanOrEqual(15);
    expect(shape.townships.reduce((n, t) => n + t.villages.length, 0)).toBeGreaterThanOrEqual(200);
    expect(new Set(list.map((o) => o.code)).size).toBe(list.length);
    for (const o of list) expect(levelOf(o.code), o.code).not.toBeNull();
    const names = list.filter((o) => ['township', 'village'].includes(levelOf(o.code)!)).map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
  });

  describe('seeded into a database', () => {
    let ctx: KernelContext;
    beforeAll(async () => {
      ctx = await testContext();
      await ctx.database.db.transaction((tx) => seedDemo(tx, 2024, [], DEMO_2024));
    }, 120_000);

    it('holds users for every role and an intact audit chain', async () => {
      const roles = await ctx.database.db
        .select({ role: grants.role, n: count() })
        .from(grants)
        .groupBy(grants.role);
      expect(roles.map((r) => r.role).sort()).toEqual([...ROLES].sort());
      const levels = await ctx.database.db
        .select({ level: orgs.level, n: sql<number>`count(*)::int` })
        .from(orgs)
        .groupBy(orgs.level);
      const byLevel = Object.fromEntries(levels.map((l) => [l.level, Number(l.n)]));
      expect(byLevel.township).toBeGreaterThanOrEqual(15);
      expect(byLevel.village).toBeGreaterThanOrEqual(200);
      expect(byLevel.grid).toBeGreaterThan(byLevel.village!);
      expect(byLevel.office).toBe(byLevel.township! * 5);
      const audit = await verifyAudit(ctx.database.db);
      expect(audit.ok).toBe(true);
      expect(audit.entries).toBeGreaterThan(1000);
    });
  });
});
