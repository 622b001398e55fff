import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTree, testContext } from '../test/kernel.js';
import { appendAudit, canonicalJson, SYSTEM_ACTOR, verifyAudit } from './audit.js';
import type { KernelContext } from './module.js';

describe('audit chain', () => {
  let ctx: KernelContext;
  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    await ctx.database.db.transaction((tx) =>
      appendAudit(tx, {
        actor: { id: 7, name: 'tester' },
        orgCode: '510626100000',
        action: 'test.write',
        entity: 'thing',
        entityId: 1,
        before: { b: 1, a: [1, { y: 2, x: '中文' }] },
        after: { when: new Date('2024-10-01T08:00:00Z'), n: 1.5 },
      }),
    );
  });

  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('verifies an intact chain, counting every entry', async () => {
    const r = await verifyAudit(ctx.database.db);
    expect(r.ok).toBe(true);
    expect(r.entries).toBeGreaterThan(10);
  });

  it('refuses updates and deletes at the database', async () => {
    await expect(
      ctx.database.db.execute(sql`UPDATE kernel_audit SET actor = 'x' WHERE id = 1`),
    ).rejects.toThrow();
    await expect(ctx.database.db.execute(sql`DELETE FROM kernel_audit WHERE id = 1`)).rejects.toThrow();
  });

  it('names the first broken entry after tampering, and a rolled-back write leaves the chain intact', async () => {
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await appendAudit(tx, {
          actor: SYSTEM_ACTOR,
          orgCode: null,
          action: 'x',
          entity: 'x',
          entityId: null,
        });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await verifyAudit(ctx.database.db)).ok).toBe(true);

    const [target] = (
      (await ctx.database.db.execute(
        sql`SELECT id FROM kernel_audit WHERE action = 'test.write'`,
      )) as unknown as {
        rows: { id: number }[];
      }
    ).rows;
    // An attacker with database rights: switch the guard off, alter one entry.
    await ctx.database.db.execute(sql`ALTER TABLE kernel_audit DISABLE TRIGGER kernel_audit_no_update`);
    await ctx.database.db.execute(
      sql`UPDATE kernel_audit SET after = jsonb_set(after, '{n}', '2') WHERE id = ${Number(target!.id)}`,
    );
    await ctx.database.db.execute(sql`ALTER TABLE kernel_audit ENABLE TRIGGER kernel_audit_no_update`);
    const r = await verifyAudit(ctx.database.db);
    expect(r.ok).toBe(false);
    expect(r.brokenAt?.id).toBe(Number(target!.id));
    expect(r.brokenAt?.reason).toContain('篡改');
  });
});
