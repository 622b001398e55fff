import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../kernel/db/schema.js';
import { seedDemo } from '../../kernel/demo/seed.js';
import { DEMO_2024 } from '../../kernel/demo/window.js';
import type { KernelContext } from '../../kernel/module.js';
import { computeFigures } from '../../reporting/indicators.js';
import { call, quickSession, testApp, testContext } from '../../test/kernel.js';
import { demoChecks } from './demo-check.js';
import { publicityModule } from './manifest.js';

describe('publicity demo: indicators equal hand-counted SQL', () => {
  let ctx: KernelContext;
  let township = '';
  const p = { from: '2024-01-01', to: '2024-12-31', asOf: '2025-10-31' };

  beforeAll(async () => {
    ctx = await testContext();
    const shape = await ctx.database.db.transaction((tx) => seedDemo(tx, 2024, [publicityModule], DEMO_2024));
    township = shape.townships[4]!.code;
  });

  const compare = async (org: string, prefix: string) => {
    const figures = await computeFigures(ctx.database.db, [publicityModule], { orgCode: org, ...p });
    const checks = await demoChecks(ctx.database.db, prefix, p.from, p.to, p.asOf);
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
    const town = await compare(township, township.slice(0, 9));
    const n = (m: Map<string, { value: number | null }>, id: string) => m.get(id)!.value!;
    // A township: 50-odd activities, about ten in schools, thousands of handbooks, >10,000 reached.
    expect(n(town, 'publicity.activities')).toBeGreaterThanOrEqual(45);
    expect(n(town, 'publicity.inSchools')).toBeGreaterThanOrEqual(5);
    expect(n(town, 'publicity.materials')).toBeGreaterThan(3000);
    expect(n(town, 'publicity.reach')).toBeGreaterThan(10000);
    expect(n(county, 'publicity.constitutionWeek')).toBeGreaterThan(0);
    // Some units fall behind their plan: the rate is not 100%.
    const rate = n(county, 'publicity.dutyCompletion');
    expect(rate).toBeGreaterThan(10);
    expect(rate).toBeLessThan(100);
    expect(n(county, 'publicity.demoVillages')).toBeGreaterThanOrEqual(18);
  });

  it('drills down through the list API to exactly the counted rows', async () => {
    const app = await testApp(ctx);
    const [u] = await ctx.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'xian.jiandu'));
    const s = await quickSession(ctx, u!.id);
    const figures = await computeFigures(ctx.database.db, [publicityModule], { orgCode: township, ...p }, [
      'publicity.inSchools',
      'publicity.dutyCompletion',
    ]);
    const q = `org=${township}&from=${p.from}&to=${p.to}`;
    const list = await call(
      app,
      s,
      'GET',
      `/api/publicity/activities?indicator=publicity.inSchools&${q}&pageSize=200`,
    );
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(figures[0]!.value);
    expect(list.json().items.every((a: { venueType: string }) => a.venueType === '进学校')).toBe(true);
    const duties = await call(
      app,
      s,
      'GET',
      `/api/publicity/duties?indicator=publicity.dutyCompletion&part=denominator&${q}`,
    );
    expect(duties.json().total).toBe(figures[1]!.denominator);
    const met = await call(app, s, 'GET', `/api/publicity/duties?indicator=publicity.dutyCompletion&${q}`);
    expect(met.json().total).toBe(figures[1]!.numerator);
  });
});
