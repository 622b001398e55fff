import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db/client.js';
import { DEMO_COUNTY, seedDemo } from '../../kernel/demo/seed.js';
import { DEMO_2024 } from '../../kernel/demo/window.js';
import type { KernelContext } from '../../kernel/module.js';
import { computeFigures } from '../../reporting/indicators.js';
import { addUser, call, quickSession, testApp, testContext } from '../../test/kernel.js';
import { demoChecks } from './demo-check.js';
import { disclosureModule } from './manifest.js';

const AS_OF = '2025-11-01';

describe('disclosure demo: indicators equal hand-counted SQL', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let township: string;
  beforeAll(async () => {
    ctx = await testContext();
    await ctx.database.db.transaction((tx) => seedDemo(tx, 2024, [disclosureModule], DEMO_2024));
    [{ code: township }] = (await rows<{ code: string }>(
      ctx.database.db,
      sql`SELECT code FROM kernel_org WHERE level = 'township' ORDER BY code LIMIT 1 OFFSET 3`,
    )) as [{ code: string }];
    app = await testApp(ctx);
  }, 180_000);

  it('has plausible volumes', async () => {
    const [n] = await rows<{ items: number; requests: number }>(
      ctx.database.db,
      sql`SELECT (SELECT count(*)::int FROM disclosure_item) AS items, (SELECT count(*)::int FROM disclosure_request) AS requests`,
    );
    expect(n!.items).toBeGreaterThan(18 * 40);
    expect(n!.requests).toBeGreaterThan(18 * 2);
    console.info(`disclosure demo: ${n!.items} items, ${n!.requests} requests`);
  });

  for (const [label, from, to] of [
    ['2024', '2024-01-01', '2024-12-31'],
    ['2025', '2025-01-01', '2025-10-31'],
  ] as const) {
    it(`county and one township, ${label}`, async () => {
      for (const org of [DEMO_COUNTY.code, township]) {
        const prefix = org === DEMO_COUNTY.code ? org.slice(0, 6) : org.slice(0, 9);
        const figures = await computeFigures(ctx.database.db, [disclosureModule], {
          orgCode: org,
          from,
          to,
          asOf: AS_OF,
        });
        const hand = await demoChecks(ctx.database.db, prefix, from, to, AS_OF);
        for (const f of figures) {
          const h = hand[f.id];
          expect(h, f.id).toBeDefined();
          expect({ id: f.id, value: f.value, numerator: f.numerator, denominator: f.denominator }).toEqual({
            id: f.id,
            value: h!.value,
            numerator: h!.numerator,
            denominator: h!.denominator,
          });
        }
        if (org === DEMO_COUNTY.code) {
          const rate = figures.find((f) => f.id === 'disclosure.timelyRate')!.value!;
          expect(rate).toBeGreaterThan(80);
          expect(rate).toBeLessThan(100);
        }
      }
    });
  }

  it('drills down to exactly the counted rows', async () => {
    const admin = await quickSession(ctx, await addUser(ctx, 'drill.admin', '县级监督', DEMO_COUNTY.code));
    const hand = await demoChecks(
      ctx.database.db,
      DEMO_COUNTY.code.slice(0, 6),
      '2024-01-01',
      '2024-12-31',
      AS_OF,
    );
    const q = `org=${DEMO_COUNTY.code}&from=2024-01-01&to=2024-12-31&pageSize=1`;
    const items = await call(
      app,
      admin,
      'GET',
      `/api/disclosure/items?indicator=disclosure.timelyRate&part=denominator&${q}`,
    );
    expect(items.json().total).toBe(hand['disclosure.timelyRate']!.denominator);
    const reqs = await call(
      app,
      admin,
      'GET',
      `/api/disclosure/requests?indicator=disclosure.requestsAnswered&${q}`,
    );
    expect(reqs.json().total).toBe(hand['disclosure.requestsAnswered']!.value);
  });
});
