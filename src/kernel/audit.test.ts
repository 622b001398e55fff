import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTree, testContext } from '../test/kernel.js';
import { appendAudit, canonicalJson, SYSTEM_ACTOR, savepoint, verifyAudit } from './audit.js';
import { rows } from './db/client.js';
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

  it('stays intact across savepoints, whether they are released or rolled back', async () => {
    const entry = (n: number) => ({
      actor: SYSTEM_ACTOR,
      orgCode: '510626100000',
      action: 'test.savepoint',
      entity: 'thing',
      entityId: n,
    });
    await ctx.database.db.transaction(async (tx) => {
      await appendAudit(tx, entry(1));
      await savepoint(tx, (sp) => appendAudit(sp, entry(2)));
      await appendAudit(tx, entry(3));
      await savepoint(tx, async (sp) => {
        await appendAudit(sp, entry(4));
        throw new Error('refused');
      }).catch(() => undefined);
      await appendAudit(tx, entry(5));
    });
    expect(await verifyAudit(ctx.database.db)).toMatchObject({ ok: true });
    const [n] = await rows<{ n: number }>(
      ctx.database.db,
      sql`SELECT count(*)::int AS n FROM kernel_audit WHERE action = 'test.savepoint'`,
    );
    expect(n!.n).toBe(4);
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
