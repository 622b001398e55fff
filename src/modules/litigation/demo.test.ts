import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../kernel/db/schema.js';
import { seedDemo } from '../../kernel/demo/seed.js';
import { DEMO_2024 } from '../../kernel/demo/window.js';
import type { KernelContext } from '../../kernel/module.js';
import { computeFigures } from '../../reporting/indicators.js';
import { call, quickSession, testApp, testContext } from '../../test/kernel.js';
import { demoChecks } from './demo-check.js';
import { litigationModule } from './manifest.js';

describe('litigation demo: indicators equal hand-counted SQL', () => {
  let ctx: KernelContext;
  let township = '';
  const p = { from: '2024-01-01', to: '2024-12-31', asOf: '2025-10-31' };

  beforeAll(async () => {
    ctx = await testContext();
    const shape = await ctx.database.db.transaction((tx) =>
      seedDemo(tx, 2024, [litigationModule], DEMO_2024),
    );
    township = shape.townships[4]!.code;
  });

  const compare = async (org: string, prefix: string, period = p) => {
    const figures = await computeFigures(ctx.database.db, [litigationModule], { orgCode: org, ...period });
    const checks = await demoChecks(ctx.database.db, prefix, period.from, period.to, period.asOf);
    for (const f of figures) {
      const c = checks[f.id];
      expect(c, f.id).toBeDefined();
      expect({ id: f.id, value: f.value, numerator: f.numerator, denominator: f.denominator }).toEqual({
        id: f.id,
        value: c!.value,
        numerator: c!.numerator,
        denominator: c!.denominator,
      });
    }
    return new Map(figures.map((f) => [f.id, f]));
  };

  it('for the county and one township in 2024, with plausible figures', async () => {
    const county = await compare('510626000000', '510626');
    await compare(township, township.slice(0, 9));
    // The demo's "today" is 2025-10-31: open steps past due count late.
    await compare('510626000000', '510626', { from: '2025-01-01', to: '2025-10-31', asOf: '2025-10-31' });
    const n = (id: string) => county.get(id)!.value!;
    // A handful of cases per township a year; some corrected, some lost, a few heads absent.
    expect(n('litigation.reconsiderations')).toBeGreaterThan(10);
    expect(n('litigation.lawsuits')).toBeGreaterThan(15);
    expect(n('litigation.headAppearanceRate')).toBeGreaterThan(70);
    expect(n('litigation.headAppearanceRate')).toBeLessThan(100);
    expect(n('litigation.answerOnTime')).toBeLessThan(100);
    expect(n('litigation.correctionRate')).toBeGreaterThan(0);
  });

  it('drills down through the list API to exactly the counted rows', async () => {
    const app = await testApp(ctx);
    const [u] = await ctx.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'xian.jiandu'));
    const s = await quickSession(ctx, u!.id);
    const org = '510626000000';
    const [lawsuits, rate] = await computeFigures(
      ctx.database.db,
      [litigationModule],
      { orgCode: org, ...p },
      ['litigation.lawsuits', 'litigation.headAppearanceRate'],
    );
    const q = `org=${org}&from=${p.from}&to=${p.to}&pageSize=200`;
    const list = await call(app, s, 'GET', `/api/litigation/lawsuits?indicator=litigation.lawsuits&${q}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(lawsuits!.value);
    const held = await call(
      app,
      s,
      'GET',
      `/api/litigation/lawsuits?indicator=litigation.headAppearanceRate&part=denominator&${q}`,
    );
    expect(held.json().total).toBe(rate!.denominator);
    const appeared = await call(
      app,
      s,
      'GET',
      `/api/litigation/lawsuits?indicator=litigation.headAppearanceRate&${q}`,
    );
    expect(appeared.json().total).toBe(rate!.numerator);
  });
});
