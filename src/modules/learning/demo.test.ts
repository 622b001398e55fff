import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../kernel/db/schema.js';
import { seedDemo } from '../../kernel/demo/seed.js';
import { DEMO_2024 } from '../../kernel/demo/window.js';
import type { KernelContext } from '../../kernel/module.js';
import { modules } from '../../modules.js';
import { renderTemplate } from '../../reporting/annual.js';
import { extractClaims } from '../../reporting/checker/claims.js';
import { compareWithLedger } from '../../reporting/checker/ledger.js';
import { computeFigures } from '../../reporting/indicators.js';
import { call, quickSession, testApp, testContext } from '../../test/kernel.js';
import { demoChecks } from './demo-check.js';
import { learningModule } from './manifest.js';

describe('learning demo: indicators equal hand-counted SQL', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let township = '';

  beforeAll(async () => {
    ctx = await testContext();
    const shape = await ctx.database.db.transaction((tx) => seedDemo(tx, 2024, [learningModule], DEMO_2024));
    township = shape.townships[0]!.code;
    app = await testApp(ctx);
  }, 120_000);

  for (const which of ['county', 'township'] as const)
    it(`matches for the ${which} in 2024`, async () => {
      const org = which === 'county' ? '510626000000' : township;
      const prefix = which === 'county' ? '510626' : township.slice(0, 9);
      const p = { orgCode: org, from: '2024-01-01', to: '2024-12-31', asOf: '2025-10-31' };
      const figures = await computeFigures(ctx.database.db, [learningModule], p);
      const hand = await demoChecks(ctx.database.db, prefix, p.from, p.to, p.asOf);
      for (const f of figures) {
        const h = hand[f.id];
        expect(h, f.id).toBeDefined();
        expect({ id: f.id, value: f.value, n: f.numerator, d: f.denominator }).toEqual({
          id: f.id,
          value: h!.value,
          n: h!.numerator,
          d: h!.denominator,
        });
      }
      // Plausible against the seeds: about 13 中心组学法 and 30-odd 会前学法 a year in a township.
      const byId = new Map(figures.map((f) => [f.id, f.value]));
      if (which === 'township') {
        expect(byId.get('learning.centralGroupSessions')).toBeGreaterThanOrEqual(8);
        expect(byId.get('learning.preMeetingSessions')).toBeGreaterThanOrEqual(12);
        expect(byId.get('learning.examSat')).toBeGreaterThan(50);
      } else {
        expect(byId.get('learning.examTakeRate')).toBeLessThan(100);
        expect(byId.get('learning.trainingHours')).toBeGreaterThan(0);
      }
    });

  it('drills down to exactly the counted rows', async () => {
    const [u] = await ctx.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'zhen01.jingban'));
    const s = await quickSession(ctx, u!.id);
    const q = `org=${township}&from=2024-01-01&to=2024-12-31`;
    const figures = await computeFigures(ctx.database.db, [learningModule], {
      orgCode: township,
      from: '2024-01-01',
      to: '2024-12-31',
      asOf: '2025-10-31',
    });
    const f = (id: string) => figures.find((x) => x.id === id)!;
    const sessions = await call(
      app,
      s,
      'GET',
      `/api/learning/sessions?indicator=learning.centralGroupSessions&${q}`,
    );
    expect(sessions.statusCode).toBe(200);
    expect(sessions.json().total).toBe(f('learning.centralGroupSessions').value);
    const sat = await call(
      app,
      s,
      'GET',
      `/api/learning/entries?indicator=learning.examPassRate&part=denominator&${q}&pageSize=500`,
    );
    expect(sat.json().total).toBe(f('learning.examPassRate').denominator);
    expect(sat.json().items.every((x: { sat: boolean }) => x.sat)).toBe(true);
    // 身份证号 is visible to 经办人 (learning.personal).
    expect(sat.json().items[0].idCard).toMatch(/^\d{17}[\dX]$/);
  });

  it('writes report paragraphs that the checker reads back as consistent with the ledgers', async () => {
    const figures = await computeFigures(ctx.database.db, [learningModule], {
      orgCode: '510626000000',
      from: '2024-01-01',
      to: '2024-12-31',
      asOf: '2025-10-31',
    });
    const byId = new Map(figures.map((f) => [f.id, f]));
    const paragraphs = learningModule.report!(byId);
    expect(paragraphs.map((p) => p.section).sort()).toEqual(['achievements', 'leadership', 'shortcomings']);
    const text = paragraphs
      .map((p) =>
        renderTemplate(p.template, byId)
          .map((r) => r.text)
          .join(''),
      )
      .join('\n');
    const ledger = compareWithLedger(
      extractClaims(text),
      figures,
      modules.flatMap((m) => m.reportClaims ?? []),
    );
    expect(ledger.filter((l) => !l.consistent)).toEqual([]);
    expect(new Set(ledger.map((l) => l.indicator))).toEqual(
      new Set([
        'learning.centralGroupSessions',
        'learning.preMeetingSessions',
        'learning.studyRate',
        'learning.examTakeRate',
        'learning.examPassRate',
        'learning.examExcellentRate',
        'learning.examSat',
        'learning.lawReports',
        'learning.lectures',
      ]),
    );
  });
});
