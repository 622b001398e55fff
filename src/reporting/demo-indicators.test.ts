import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../kernel/db/client.js';
import { DEMO_COUNTY, seedDemo } from '../kernel/demo/seed.js';
import { DEMO_2024 } from '../kernel/demo/window.js';
import type { KernelContext } from '../kernel/module.js';
import { demoChecks as disclosureChecks } from '../modules/disclosure/demo-check.js';
import { demoChecks as learningChecks } from '../modules/learning/demo-check.js';
import { demoChecks as litigationChecks } from '../modules/litigation/demo-check.js';
import { demoChecks as publicityChecks } from '../modules/publicity/demo-check.js';
import { modules } from '../modules.js';
import { call, quickSession, testApp, testContext } from '../test/kernel.js';
import { computeFigures } from './indicators.js';

const AS_OF = '2025-11-01';

describe('indicators on the demo county equal hand-counted SQL', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let township: string;
  beforeAll(async () => {
    ctx = await testContext();
    await ctx.database.db.transaction((tx) => seedDemo(tx, 2024, modules, DEMO_2024));
    [{ code: township }] = (await rows<{ code: string }>(
      ctx.database.db,
      sql`SELECT code FROM kernel_org WHERE level = 'township' ORDER BY code LIMIT 1 OFFSET 4`,
    )) as [{ code: string }];
    app = await testApp(ctx);
  }, 180_000);

  /** The same figures, counted by hand in plain SQL. */
  async function byHand(prefix: string, from: string, to: string) {
    const [r] = await rows<Record<string, number>>(
      ctx.database.db,
      sql`SELECT count(*)::int AS screened,
                 count(*) FILTER (WHERE accepted_on IS NOT NULL)::int AS accepted,
                 count(*) FILTER (WHERE status = 'resolved')::int AS resolved,
                 count(*) FILTER (WHERE status = 'resolved' AND agreement_form = '书面')::int AS written
          FROM disputes_case WHERE org_code LIKE ${`${prefix}%`} AND received_on BETWEEN ${from} AND ${to}`,
    );
    const [t] = await rows<Record<string, number>>(
      ctx.database.db,
      sql`SELECT count(*) FILTER (WHERE d.status = 'done' AND d.done_on <= d.due_on)::int AS on_time,
                 count(*) FILTER (WHERE d.status = 'done' OR d.due_on < ${AS_OF})::int AS decided
          FROM kernel_deadline d JOIN disputes_case c ON c.id::text = d.entity_id
          WHERE d.module = 'disputes' AND d.step = 'mediate' AND c.org_code LIKE ${`${prefix}%`} AND c.received_on BETWEEN ${from} AND ${to}`,
    );
    return { ...r!, ...t! };
  }

  it.each([
    ['the county', () => DEMO_COUNTY.code, DEMO_COUNTY.code.slice(0, 6)],
    ['one township', () => township, null],
  ])('equal hand-counted SQL for %s in 2024 and in 2025 to date', async (_, org, prefixOf) => {
    for (const [from, to] of [
      ['2024-01-01', '2024-12-31'],
      ['2025-01-01', '2025-12-31'],
    ] as const) {
      const code = org();
      const prefix = prefixOf ?? code.slice(0, 9);
      const f = new Map(
        (await computeFigures(ctx.database.db, modules, { orgCode: code, from, to, asOf: AS_OF })).map(
          (x) => [x.id, x],
        ),
      );
      const h = await byHand(prefix, from, to);
      expect(h.screened).toBeGreaterThan(prefixOf ? 500 : 20);
      expect(f.get('disputes.screened')!.value).toBe(h.screened);
      expect(f.get('disputes.accepted')!.value).toBe(h.accepted);
      expect(f.get('disputes.resolved')!.value).toBe(h.resolved);
      expect(f.get('disputes.written')!.value).toBe(h.written);
      expect(f.get('disputes.resolutionRate')).toMatchObject({
        numerator: h.resolved,
        denominator: h.accepted,
        value: Math.round((h.resolved! * 1000) / h.accepted!) / 10,
      });
      expect(f.get('disputes.onTimeRate')).toMatchObject({ numerator: h.on_time, denominator: h.decided });
    }
  });

  it('petitions: counts, 批次/人次 and honest on-time rates', async () => {
    for (const [code, prefix] of [
      [DEMO_COUNTY.code, '510626'],
      [township, township.slice(0, 9)],
    ] as const) {
      const from = '2024-01-01';
      const to = '2024-12-31';
      const f = new Map(
        (await computeFigures(ctx.database.db, modules, { orgCode: code, from, to, asOf: AS_OF })).map(
          (x) => [x.id, x],
        ),
      );
      const [h] = await rows<Record<string, number>>(
        ctx.database.db,
        sql`SELECT count(*)::int AS count,
                   coalesce(sum(batch_count) FILTER (WHERE channel IN ('走访', '领导接访')), 0)::int AS batches,
                   coalesce(sum(person_count) FILTER (WHERE channel IN ('走访', '领导接访')), 0)::int AS persons,
                   count(*) FILTER (WHERE accepted_on IS NOT NULL)::int AS accepted,
                   count(*) FILTER (WHERE accepted_on IS NOT NULL AND resolved)::int AS resolved,
                   count(*) FILTER (WHERE is_repeat)::int AS repeats
            FROM petitions_case WHERE org_code LIKE ${`${prefix}%`} AND received_on BETWEEN ${from} AND ${to}`,
      );
      const [d] = await rows<Record<string, number>>(
        ctx.database.db,
        sql`SELECT count(*) FILTER (WHERE d.step = 'handle' AND d.status = 'done' AND d.done_on <= d.due_on)::int AS on_time,
                   count(*) FILTER (WHERE d.step = 'handle' AND (d.status = 'done' OR d.due_on < ${AS_OF}))::int AS decided,
                   count(*) FILTER (WHERE d.step = 'notify' AND d.status = 'done' AND d.done_on <= d.due_on)::int AS told,
                   count(*) FILTER (WHERE d.step = 'notify' AND (d.status = 'done' OR d.due_on < ${AS_OF}))::int AS tell_due
            FROM kernel_deadline d JOIN petitions_case c ON c.id::text = d.entity_id
            WHERE d.module = 'petitions' AND c.org_code LIKE ${`${prefix}%`} AND c.received_on BETWEEN ${from} AND ${to}`,
      );
      expect(h!.count).toBeGreaterThan(code === DEMO_COUNTY.code ? 200 : 3);
      expect(f.get('petitions.count')!.value).toBe(h!.count);
      expect(f.get('petitions.batches')!.value).toBe(h!.batches);
      expect(f.get('petitions.persons')!.value).toBe(h!.persons);
      expect(f.get('petitions.resolutionRate')).toMatchObject({
        numerator: h!.resolved,
        denominator: h!.accepted,
      });
      expect(f.get('petitions.repeatRate')).toMatchObject({ numerator: h!.repeats, denominator: h!.count });
      expect(f.get('petitions.onTimeCloseRate')).toMatchObject({
        numerator: d!.on_time,
        denominator: d!.decided,
      });
      expect(f.get('petitions.onTimeAcceptRate')).toMatchObject({
        numerator: d!.told,
        denominator: d!.tell_due,
      });
      // The demo has late ones, so an honest rate is below 100%.
      if (code === DEMO_COUNTY.code) expect(d!.on_time).not.toBe(d!.decided);
    }
  });

  it('enforcement: counts, 法制审核率, 公示及时率 and 持证率 equal hand-counted SQL', async () => {
    for (const code of [DEMO_COUNTY.code, township]) {
      const prefix = code === DEMO_COUNTY.code ? code.slice(0, 6) : code.slice(0, 9);
      const like = `${prefix}%`;
      const f = new Map(
        (
          await computeFigures(ctx.database.db, modules, {
            orgCode: code,
            from: '2024-01-01',
            to: '2024-12-31',
            asOf: AS_OF,
          })
        ).map((x) => [x.id, x]),
      );
      const [h] = await rows<Record<string, number>>(
        ctx.database.db,
        sql`SELECT
          (SELECT count(*)::int FROM enforcement_case WHERE org_code LIKE ${like} AND filed_on BETWEEN '2024-01-01' AND '2024-12-31') AS cases,
          (SELECT count(*)::int FROM enforcement_case WHERE org_code LIKE ${like} AND decided_on BETWEEN '2024-01-01' AND '2024-12-31' AND major) AS major,
          (SELECT count(*)::int FROM enforcement_case WHERE org_code LIKE ${like} AND decided_on BETWEEN '2024-01-01' AND '2024-12-31' AND major AND review_result = '同意' AND reviewed_on <= decided_on) AS reviewed,
          (SELECT count(*)::int FROM kernel_deadline d JOIN enforcement_case c ON c.id::text = d.entity_id
            WHERE d.module = 'enforcement' AND d.entity = 'case' AND d.step = 'publish' AND c.org_code LIKE ${like}
              AND c.decided_on BETWEEN '2024-01-01' AND '2024-12-31' AND d.status = 'done' AND d.done_on <= d.due_on) AS pub_on_time,
          (SELECT count(*)::int FROM kernel_deadline d JOIN enforcement_case c ON c.id::text = d.entity_id
            WHERE d.module = 'enforcement' AND d.entity = 'case' AND d.step = 'publish' AND c.org_code LIKE ${like}
              AND c.decided_on BETWEEN '2024-01-01' AND '2024-12-31' AND (d.status = 'done' OR d.due_on < ${AS_OF})) AS pub_due,
          (SELECT count(*)::int FROM enforcement_officer WHERE org_code LIKE ${like} AND active) AS officers,
          (SELECT count(*)::int FROM enforcement_officer WHERE org_code LIKE ${like} AND active AND cert_no IS NOT NULL
            AND status = '有效' AND valid_from <= '2024-12-31' AND valid_to >= '2024-12-31') AS certified`,
      );
      expect(h!.cases).toBeGreaterThan(code === DEMO_COUNTY.code ? 100 : 3);
      expect(f.get('enforcement.cases')!.value).toBe(h!.cases);
      expect(f.get('enforcement.majorReviewRate')).toMatchObject({
        numerator: h!.reviewed,
        denominator: h!.major,
      });
      expect(f.get('enforcement.publishOnTimeRate')).toMatchObject({
        numerator: h!.pub_on_time,
        denominator: h!.pub_due,
      });
      expect(f.get('enforcement.certifiedRate')).toMatchObject({
        numerator: h!.certified,
        denominator: h!.officers,
      });
      // The demo publishes some decisions late: the rate is honest, not 100%.
      if (code === DEMO_COUNTY.code) expect(h!.pub_on_time).toBeLessThan(h!.pub_due!);
    }
  });

  it('规范性文件, 重大决策 and 法律顾问 equal hand-counted SQL', async () => {
    const from = '2024-01-01';
    const to = '2024-12-31';
    for (const code of [DEMO_COUNTY.code, township]) {
      const like = `${code === DEMO_COUNTY.code ? code.slice(0, 6) : code.slice(0, 9)}%`;
      const f = new Map(
        (await computeFigures(ctx.database.db, modules, { orgCode: code, from, to, asOf: AS_OF })).map(
          (x) => [x.id, x],
        ),
      );
      const [h] = await rows<Record<string, number>>(
        ctx.database.db,
        sql`SELECT
          (SELECT count(*)::int FROM normdocs_document WHERE org_code LIKE ${like} AND published_on BETWEEN ${from} AND ${to}) AS issued,
          (SELECT count(*)::int FROM normdocs_document WHERE org_code LIKE ${like} AND published_on BETWEEN ${from} AND ${to} AND filed_on IS NOT NULL) AS filed,
          (SELECT count(*)::int FROM normdocs_document WHERE org_code LIKE ${like} AND published_on BETWEEN ${from} AND ${to} AND filed_on <= filing_due_on) AS filed_on_time,
          (SELECT count(*)::int FROM normdocs_document WHERE org_code LIKE ${like} AND published_on BETWEEN ${from} AND ${to}
             AND (filed_on IS NOT NULL OR filing_due_on < ${AS_OF})) AS filing_due,
          (SELECT count(*)::int FROM decisions_decision WHERE org_code LIKE ${like} AND kind = '重大行政决策' AND decided_on BETWEEN ${from} AND ${to}) AS decided,
          (SELECT coalesce(sum(people), 0)::int FROM advisers_activity WHERE org_code LIKE ${like} AND kind = '咨询' AND "on" BETWEEN ${from} AND ${to}) AS consultations,
          (SELECT count(*)::int FROM kernel_org WHERE level = 'village' AND code LIKE ${like}) AS villages,
          (SELECT count(DISTINCT v.org_code)::int FROM advisers_coverage v JOIN advisers_contract c ON c.id = v.contract_id
             JOIN kernel_org o ON o.code = v.org_code AND o.level = 'village'
             WHERE v.org_code LIKE ${like} AND c.starts_on <= ${to} AND c.ends_on >= ${to}
               AND (c.terminated_on IS NULL OR c.terminated_on > ${to})) AS covered`,
      );
      expect(h!.issued).toBeGreaterThan(code === DEMO_COUNTY.code ? 10 : 0);
      expect(f.get('normdocs.issued')!.value).toBe(h!.issued);
      expect(f.get('normdocs.filingRate')).toMatchObject({ numerator: h!.filed, denominator: h!.issued });
      expect(f.get('normdocs.filingOnTimeRate')).toMatchObject({
        numerator: h!.filed_on_time,
        denominator: h!.filing_due,
      });
      expect(f.get('decisions.decided')!.value).toBe(h!.decided);
      expect(f.get('advisers.consultations')!.value).toBe(h!.consultations);
      expect(f.get('advisers.coverageRate')).toMatchObject({
        numerator: h!.covered,
        denominator: h!.villages,
      });
    }
  });

  // Each module's own demo test seeds it alone; here its hand counts run on the whole demo county.
  it.each([
    ['学法用法', learningChecks],
    ['普法宣传', publicityChecks],
    ['复议应诉', litigationChecks],
    ['政务公开', disclosureChecks],
  ])('%s equals hand-counted SQL on the whole demo county', async (_, checks) => {
    for (const [code, prefix] of [
      [DEMO_COUNTY.code, DEMO_COUNTY.code.slice(0, 6)],
      [township, township.slice(0, 9)],
    ] as const) {
      for (const [from, to] of [
        ['2024-01-01', '2024-12-31'],
        ['2025-01-01', '2025-12-31'],
      ] as const) {
        const f = new Map(
          (await computeFigures(ctx.database.db, modules, { orgCode: code, from, to, asOf: AS_OF })).map(
            (x) => [x.id, x],
          ),
        );
        const h = await checks(ctx.database.db, prefix, from, to, AS_OF);
        expect(Object.keys(h).length).toBeGreaterThan(3);
        for (const [id, want] of Object.entries(h))
          expect(f.get(id), `${id} ${code} ${from}`).toMatchObject(want);
      }
    }
  });

  it('drills down to exactly the rows behind a figure, through the API', async () => {
    const county = await quickSession(
      ctx,
      (
        await rows<{ id: number }>(
          ctx.database.db,
          sql`SELECT id FROM kernel_user WHERE username = 'xian.jiandu'`,
        )
      )[0]!.id,
    );
    const q = `org=${DEMO_COUNTY.code}&from=2024-01-01&to=2024-12-31`;
    const figures = (await call(app, county, 'GET', `/api/indicators?${q}`)).json().figures as {
      id: string;
      value: number;
      numerator?: number;
      denominator?: number;
      drill: string;
    }[];
    for (const id of ['disputes.resolved', 'disputes.screened']) {
      const fig = figures.find((x) => x.id === id)!;
      expect(fig.drill).toBe(`/disputes?indicator=${id}&${q}`);
      const list = (
        await call(app, county, 'GET', `/api/disputes/cases?indicator=${id}&${q}&pageSize=5`)
      ).json();
      expect(list.total).toBe(fig.value);
    }
    for (const [id, part] of [
      ['enforcement.cases', 'numerator'],
      ['enforcement.publishOnTimeRate', 'denominator'],
    ] as const) {
      const fig = figures.find((x) => x.id === id)!;
      const list = (
        await call(app, county, 'GET', `/api/enforcement/cases?indicator=${id}&part=${part}&${q}&pageSize=5`)
      ).json();
      expect(list.total).toBe(part === 'numerator' ? fig.value : fig.denominator);
    }
    const rate = figures.find((x) => x.id === 'disputes.resolutionRate')!;
    const den = (
      await call(
        app,
        county,
        'GET',
        `/api/disputes/cases?indicator=disputes.resolutionRate&part=denominator&${q}`,
      )
    ).json();
    expect(den.total).toBe(rate.denominator);
    const byCategory = (
      await call(app, county, 'GET', `/api/indicators/breakdown?id=disputes.screened&by=纠纷类型&${q}`)
    ).json();
    expect(byCategory.items.reduce((n: number, i: { value: number }) => n + i.value, 0)).toBe(
      figures.find((x) => x.id === 'disputes.screened')!.value,
    );
  });
});
