import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows, type Tx } from '../../kernel/db/client.js';
import { completeDeadline, openDeadline } from '../../kernel/deadlines.js';
import type { IndicatorParams, KernelContext } from '../../kernel/module.js';
import { renderTemplate } from '../../reporting/annual.js';
import { checkReportText } from '../../reporting/checker/index.js';
import { compareWithLedger, indicatorFor } from '../../reporting/checker/ledger.js';
import { breakdown, computeFigures, type Figure, indicatorCondition } from '../../reporting/indicators.js';
import { seedTree, T, testContext } from '../../test/kernel.js';
import { enforcementIndicators } from './indicators.js';
import { enforcementModule } from './manifest.js';
import { enforcementReport } from './report.js';
import { LIMITS, publicationDue } from './rules.js';
import {
  enforcementCaseReviews,
  enforcementCases,
  enforcementInspections,
  enforcementItems,
  enforcementOfficers,
  enforcementPublications,
  enforcementReviewTemplates,
} from './schema.js';

const YEAR = { from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' };
const atA: IndicatorParams = { orgCode: T.townA, ...YEAR };
const atCounty: IndicatorParams = { orgCode: T.county, ...YEAR };
const modules = [enforcementModule];
const def = (id: string) => enforcementIndicators.find((d) => d.id === id)!;

interface CaseSpec {
  key: string;
  org?: string;
  item?: 'penalty' | 'other';
  procedure?: 'simple' | 'ordinary';
  filedOn: string;
  decidedOn?: string;
  decisionKind?: string;
  fine?: number;
  major?: boolean;
  reviewedOn?: string;
  hearingApplicable?: boolean;
  notifiedOn?: string;
  revokedOn?: string;
  /** 'decide' deadline: done on the decision date (simple cases open none). */
  publishedOn?: string; // a publication row and the 'publish' deadline done on this day
  withdrawnOn?: string | null; // revoked: the 'withdraw' deadline done on this day, null = still open
}

/**
 * 甲镇 (A, with its 司法所 office) and 乙镇 (B), 2024, as of 2024-12-31:
 * a1 major, reviewed before deciding, published on time; a2 major reviewed AFTER the decision, published late;
 * a3 simple, published, then revoked and withdrawn in time; a4 undecided past its 90 days; a5 a 行政强制 decision
 * published within 20 工作日 (late at 7); a6 decided, never published (open past due); a7 filed in 2023, decided in 2024;
 * a8 at the office; b1 major, revoked and never withdrawn.
 */
const CASES: CaseSpec[] = [
  {
    key: 'a1',
    filedOn: '2024-03-01',
    decidedOn: '2024-04-10',
    decisionKind: '处罚',
    fine: 5000,
    major: true,
    reviewedOn: '2024-04-08',
    publishedOn: '2024-04-12',
  },
  {
    key: 'a2',
    filedOn: '2024-05-06',
    decidedOn: '2024-06-03',
    decisionKind: '处罚',
    fine: 20000,
    major: true,
    reviewedOn: '2024-06-05',
    hearingApplicable: true,
    notifiedOn: '2024-05-20',
    publishedOn: '2024-06-28',
  },
  {
    key: 'a3',
    procedure: 'simple',
    filedOn: '2024-07-01',
    decidedOn: '2024-07-01',
    decisionKind: '处罚',
    fine: 200,
    publishedOn: '2024-07-02',
    revokedOn: '2024-08-01',
    withdrawnOn: '2024-08-02',
  },
  { key: 'a4', filedOn: '2024-10-01' },
  {
    key: 'a5',
    item: 'other',
    filedOn: '2024-11-20',
    decidedOn: '2024-12-02',
    decisionKind: '其他决定',
    publishedOn: '2024-12-25',
  },
  {
    key: 'a6',
    filedOn: '2024-08-01',
    decidedOn: '2024-09-02',
    decisionKind: '处罚',
    fine: 1000,
    hearingApplicable: true,
  },
  {
    key: 'a7',
    filedOn: '2023-12-15',
    decidedOn: '2024-01-10',
    decisionKind: '处罚',
    fine: 300,
    publishedOn: '2024-01-15',
  },
  {
    key: 'a8',
    org: T.officeA,
    filedOn: '2024-04-01',
    decidedOn: '2024-05-06',
    decisionKind: '处罚',
    fine: 800,
    publishedOn: '2024-05-10',
  },
  {
    key: 'b1',
    org: T.townB,
    filedOn: '2024-02-01',
    decidedOn: '2024-03-01',
    decisionKind: '处罚',
    fine: 3000,
    major: true,
    reviewedOn: '2024-02-28',
    publishedOn: '2024-03-05',
    revokedOn: '2024-06-03',
    withdrawnOn: null,
  },
];

describe('enforcement figures, from the ledgers', () => {
  let ctx: KernelContext;
  let db: Tx;
  const ids: Record<string, number> = {};
  const officerIds: Record<string, number> = {};

  const figures = async (p: IndicatorParams) =>
    new Map((await computeFigures(db, modules, p)).map((f) => [f.id, f] as const));
  const value = async (p: IndicatorParams, id: string) => (await figures(p)).get(id)!.value;
  /** The ids of the rows behind a figure, through the same condition the list routes apply. */
  const drill = async (id: string, part: 'numerator' | 'denominator', p: IndicatorParams) => {
    const d = def(id);
    return (
      await rows<{ id: number }>(
        db,
        sql`SELECT id FROM ${sql.identifier(d.table)} WHERE ${indicatorCondition(d, part, p)} ORDER BY id`,
      )
    ).map((r) => Number(r.id));
  };
  const caseKeys = (list: number[]) =>
    list.map((id) => Object.entries(ids).find(([, v]) => v === id)![0]).sort();
  const count = async (q: SQL) => Number((await rows<{ n: string }>(db, q))[0]!.n);

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    db = ctx.database.db;
    const [penaltyItem] = await db
      .insert(enforcementItems)
      .values({
        orgCode: T.county,
        listKind: '行政执法权责事项',
        itemCode: 'XZCF-001',
        name: '对违法占用道路行为的处罚',
        itemType: '行政处罚',
        legalBasis: '《城市道路管理条例》第四十二条',
        delegated: true,
        effectiveFrom: '2023-01-01',
      })
      .returning();
    const [otherItem] = await db
      .insert(enforcementItems)
      .values({
        orgCode: T.townA,
        listKind: '行政执法权责事项',
        itemCode: 'XZQZ-001',
        name: '查封、扣押违法占道物品',
        itemType: '行政强制',
        legalBasis: '《行政强制法》第二十二条',
        effectiveFrom: '2023-01-01',
      })
      .returning();
    for (const c of CASES) {
      const org = c.org ?? T.townA;
      const decided = !!c.decidedOn;
      const [row] = await db
        .insert(enforcementCases)
        .values({
          orgCode: org,
          caseNo: `测执〔2024〕${c.key}号`,
          itemId: c.item === 'other' ? otherItem!.id : penaltyItem!.id,
          procedure: c.procedure ?? 'ordinary',
          source: '日常巡查',
          partyType: '自然人',
          partyName: '张三',
          summary: `案件${c.key}`,
          status: decided ? 'decided' : 'filed',
          filedOn: c.filedOn,
          major: c.major ?? false,
          majorReasons: c.major ? ['涉及重大公共利益'] : [],
          hearingApplicable: c.hearingApplicable ?? false,
          notifiedOn: c.notifiedOn ?? null,
          reviewedOn: c.reviewedOn ?? null,
          reviewResult: c.reviewedOn ? '同意' : null,
          decidedOn: c.decidedOn ?? null,
          decisionNo: decided ? `测罚决〔2024〕${c.key}号` : null,
          decisionKind: c.decisionKind ?? null,
          penaltyTypes: c.fine ? ['罚款'] : [],
          fineAmount: c.fine ?? null,
          revokedOn: c.revokedOn ?? null,
        })
        .returning({ id: enforcementCases.id });
      const id = row!.id;
      ids[c.key] = id;
      const key = { module: 'enforcement', entity: 'case', entityId: id };
      if ((c.procedure ?? 'ordinary') === 'ordinary') {
        await openDeadline(db, {
          ...key,
          orgCode: org,
          step: 'decide',
          title: `作出决定 ${c.key}`,
          rule: LIMITS.decide.rule,
          startsOn: c.filedOn,
        });
        if (c.decidedOn) await completeDeadline(db, { ...key, step: 'decide' }, c.decidedOn);
      }
      if (c.decidedOn) {
        const itemType = c.item === 'other' ? '行政强制' : '行政处罚';
        const due = publicationDue(itemType, c.decidedOn);
        await openDeadline(db, {
          ...key,
          orgCode: org,
          step: 'publish',
          title: `公示 ${c.key}`,
          rule: itemType === '行政强制' ? LIMITS.publish20.rule : LIMITS.publish7.rule,
          startsOn: c.decidedOn,
          dueOn: due.due,
        });
        if (c.publishedOn) {
          await db.insert(enforcementPublications).values({
            caseId: id,
            orgCode: org,
            category: itemType,
            decisionNo: `测罚决〔2024〕${c.key}号`,
            decidedOn: c.decidedOn,
            dueOn: due.due,
            publishedOn: c.publishedOn,
            summary: { 案由: `案件${c.key}` },
            retainUntil: '2029-12-31',
            withdrawnOn: c.withdrawnOn ?? null,
          });
          await completeDeadline(db, { ...key, step: 'publish' }, c.publishedOn);
        }
      }
      if (c.revokedOn) {
        await openDeadline(db, {
          ...key,
          orgCode: org,
          step: 'withdraw',
          title: `撤回公示 ${c.key}`,
          rule: LIMITS.withdraw.rule,
          startsOn: c.revokedOn,
        });
        if (c.withdrawnOn) await completeDeadline(db, { ...key, step: 'withdraw' }, c.withdrawnOn);
      }
    }

    const officer = async (
      key: string,
      org: string,
      o: { certNo?: string; validTo?: string; status?: string; active?: boolean },
    ) => {
      const [row] = await db
        .insert(enforcementOfficers)
        .values({
          orgCode: org,
          name: `执法员${key}`,
          certNo: o.certNo ?? null,
          issuer: o.certNo ? '四川省人民政府' : null,
          validFrom: o.certNo ? '2021-01-01' : null,
          validTo: o.certNo ? (o.validTo ?? '2026-12-31') : null,
          status: o.status ?? '有效',
          active: o.active ?? true,
        })
        .returning({ id: enforcementOfficers.id });
      officerIds[key] = row!.id;
    };
    await officer('o1', T.townA, { certNo: '51060001' });
    await officer('o2', T.townA, { certNo: '51060002', validTo: '2024-06-30' }); // expired
    await officer('o3', T.townA, {}); // no certificate
    await officer('o4', T.townA, { certNo: '51060004', validTo: '2025-02-15' }); // expiring within 90 days
    await officer('o5', T.townA, { certNo: '51060005', active: false }); // left the staff
    await officer('o6', T.officeA, { certNo: '51060006', validTo: '2027-06-30' });
    await officer('o7', T.townB, { certNo: '51060007' });
    await officer('o8', T.county, { certNo: '51060008', status: '暂扣' });

    const [tpl] = await db
      .insert(enforcementReviewTemplates)
      .values({ orgCode: T.county, name: '行政处罚案卷评查标准', items: [], passScore: 80 })
      .returning();
    const review = (key: string, org: string, on: string, total: number) =>
      db.insert(enforcementCaseReviews).values({
        caseId: ids[key]!,
        orgCode: org,
        templateId: tpl!.id,
        reviewerName: '县司法局评查组',
        reviewedOn: on,
        scores: {},
        total,
        passed: total >= 80,
      });
    await review('a1', T.townA, '2024-11-05', 92);
    await review('a2', T.townA, '2024-11-06', 71);
    await review('b1', T.townB, '2024-11-07', 85);
    await review('a7', T.townA, '2023-12-20', 60); // out of the period

    const inspection = (org: string, plannedOn: string, status: string) =>
      db
        .insert(enforcementInspections)
        .values({ orgCode: org, title: `抽查 ${plannedOn}`, plannedOn, targetCount: 3, status })
        .returning({ id: enforcementInspections.id });
    await inspection(T.townA, '2024-03-15', 'published');
    await inspection(T.townA, '2024-06-15', 'done');
    await inspection(T.townA, '2024-09-15', 'drawn');
    await inspection(T.townA, '2025-01-15', 'planned');
    await inspection(T.townB, '2024-05-15', 'planned');
  });

  it('counts cases by 立案日期 and decisions by 决定日期, the office inside its township', async () => {
    const a = await figures(atA);
    const county = await figures(atCounty);
    // a7 was filed in 2023: a 2024 decision, not a 2024 case.
    expect(a.get('enforcement.cases')!.value).toBe(7);
    expect(county.get('enforcement.cases')!.value).toBe(8);
    expect(a.get('enforcement.simpleCases')!.value).toBe(1);
    expect(a.get('enforcement.ordinaryCases')!.value).toBe(6);
    expect(a.get('enforcement.decisions')!.value).toBe(7);
    expect(a.get('enforcement.penalties')!.value).toBe(6);
    expect(county.get('enforcement.penalties')!.value).toBe(7);
    // Fines: a3 and b1 were revoked; 5000 + 20000 + 1000 + 300 + 800.
    expect(a.get('enforcement.fines')!.value).toBe(27100);
    expect(county.get('enforcement.fines')!.value).toBe(27100);
    expect(a.get('enforcement.majorDecisions')!.value).toBe(2);
    // The same figures by hand-written SQL.
    const inA = sql`org_code >= '510626100' AND org_code < '510626101'`;
    expect(
      await count(
        sql`SELECT count(*) AS n FROM enforcement_case WHERE ${inA} AND filed_on BETWEEN '2024-01-01' AND '2024-12-31'`,
      ),
    ).toBe(7);
    expect(
      await count(
        sql`SELECT coalesce(sum(fine_amount), 0) AS n FROM enforcement_case WHERE ${inA}
            AND decided_on BETWEEN '2024-01-01' AND '2024-12-31' AND decision_kind = '处罚' AND revoked_on IS NULL`,
      ),
    ).toBe(27100);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM enforcement_case WHERE decided_on BETWEEN '2024-01-01' AND '2024-12-31'
            AND decision_kind = '处罚'`,
      ),
    ).toBe(7);
  });

  it('法制审核率 counts only reviews agreed before the decision', async () => {
    const a = (await figures(atA)).get('enforcement.majorReviewRate')!;
    expect([a.numerator, a.denominator, a.value]).toEqual([1, 2, 50]);
    expect(caseKeys(await drill('enforcement.majorReviewRate', 'numerator', atA))).toEqual(['a1']);
    expect(caseKeys(await drill('enforcement.majorReviewRate', 'denominator', atA))).toEqual(['a1', 'a2']);
    const county = (await figures(atCounty)).get('enforcement.majorReviewRate')!;
    expect([county.numerator, county.denominator, county.value]).toEqual([2, 3, 66.7]);
  });

  it('公示及时率 counts a late publication and an unpublished decision past its due date as late', async () => {
    const a = (await figures(atA)).get('enforcement.publishOnTimeRate')!;
    // On time: a1, a3, a5 (20 工作日 for 行政强制), a7, a8. Late: a2 (published after due), a6 (open past due).
    expect([a.numerator, a.denominator, a.value]).toEqual([5, 7, 71.4]);
    const late = await drill('enforcement.publishOnTimeRate', 'denominator', atA);
    const onTime = await drill('enforcement.publishOnTimeRate', 'numerator', atA);
    expect(caseKeys(late.filter((id) => !onTime.includes(id)))).toEqual(['a2', 'a6']);
    // Before a6's due date, the unpublished decision is not yet counted either way.
    const early = (await figures({ ...atA, to: '2024-09-05', asOf: '2024-09-05' })).get(
      'enforcement.publishOnTimeRate',
    )!;
    expect(early.denominator).toBe(5);
    expect((await figures(atCounty)).get('enforcement.publishOnTimeRate')!.value).toBe(75);
    expect(await value(atA, 'enforcement.published')).toBe(6);
    expect(await value(atA, 'enforcement.penaltiesPublished')).toBe(5);
  });

  it('按期办结率 counts an undecided case past its 90 days as late; withdrawals and hearing notices', async () => {
    const a = (await figures(atA)).get('enforcement.onTimeRate')!;
    expect([a.numerator, a.denominator]).toEqual([5, 6]);
    expect(caseKeys(await drill('enforcement.onTimeRate', 'denominator', atA))).toEqual([
      'a1',
      'a2',
      'a4',
      'a5',
      'a6',
      'a8',
    ]);
    const w = await figures(atCounty);
    expect([
      w.get('enforcement.withdrawOnTimeRate')!.numerator,
      w.get('enforcement.withdrawOnTimeRate')!.denominator,
    ]).toEqual([1, 2]);
    expect((await figures(atA)).get('enforcement.withdrawOnTimeRate')!.value).toBe(100);
    const h = (await figures(atA)).get('enforcement.hearingNoticeRate')!;
    expect([h.numerator, h.denominator]).toEqual([1, 2]);
  });

  it('持证率 counts an expired certificate, a missing one and a suspended one against it', async () => {
    const a = await figures(atA);
    const rate = a.get('enforcement.certifiedRate')!;
    // Active in 甲镇 (with its office): o1 o2 o3 o4 o6; valid on 2024-12-31: o1 o4 o6.
    expect([rate.numerator, rate.denominator, rate.value]).toEqual([3, 5, 60]);
    expect(a.get('enforcement.officers')!.value).toBe(5);
    expect(a.get('enforcement.certifiedOfficers')!.value).toBe(3);
    expect(a.get('enforcement.expiredCerts')!.value).toBe(1);
    expect(a.get('enforcement.expiringCerts')!.value).toBe(1);
    const officersOf = async (id: string, part: 'numerator' | 'denominator', p: IndicatorParams) =>
      (await drill(id, part, p)).map((n) => Object.entries(officerIds).find(([, v]) => v === n)![0]).sort();
    expect(await officersOf('enforcement.certifiedRate', 'numerator', atA)).toEqual(['o1', 'o4', 'o6']);
    expect(await officersOf('enforcement.expiredCerts', 'numerator', atA)).toEqual(['o2']);
    expect(await officersOf('enforcement.expiringCerts', 'numerator', atA)).toEqual(['o4']);
    // At the end of 2023 o2 was still valid; o8 (county, 暂扣) never counts.
    const y2023 = { orgCode: T.county, from: '2023-01-01', to: '2023-12-31', asOf: '2024-12-31' };
    const c2023 = (await figures(y2023)).get('enforcement.certifiedRate')!;
    expect([c2023.numerator, c2023.denominator]).toEqual([5, 7]);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM enforcement_officer WHERE active AND cert_no IS NOT NULL AND status = '有效'
            AND valid_from <= '2024-12-31' AND valid_to >= '2024-12-31'`,
      ),
    ).toBe((await figures(atCounty)).get('enforcement.certifiedRate')!.numerator);
  });

  it('案卷评查合格率 by 评查日期 and 双随机 inspections by 计划日期', async () => {
    const a = await figures(atA);
    expect([
      a.get('enforcement.reviewPassRate')!.numerator,
      a.get('enforcement.reviewPassRate')!.denominator,
    ]).toEqual([1, 2]);
    expect((await figures(atCounty)).get('enforcement.reviewPassRate')!.value).toBe(66.7);
    expect(a.get('enforcement.inspectionsPlanned')!.value).toBe(3);
    expect(a.get('enforcement.inspectionsDone')!.value).toBe(2);
    expect(a.get('enforcement.inspectionsPublished')!.value).toBe(1);
    const county = await figures(atCounty);
    expect(county.get('enforcement.inspectionsPlanned')!.value).toBe(4);
    expect(county.get('enforcement.inspectionDoneRate')!.value).toBe(50);
  });

  it('drills down to exactly the rows counted, for every figure and both parts', async () => {
    for (const p of [atA, atCounty, { ...atA, orgCode: T.townB }]) {
      const all = await figures(p);
      for (const d of enforcementIndicators) {
        const f = all.get(d.id)!;
        const numerator = await drill(d.id, 'numerator', p);
        if (d.kind === 'sum') {
          const [row] = await rows<{ s: string }>(
            db,
            sql`SELECT coalesce(sum(${d.sum!}), 0)::bigint AS s FROM ${sql.identifier(d.table)}
                WHERE ${indicatorCondition(d, 'numerator', p)}`,
          );
          expect(Number(row!.s), d.id).toBe(f.value);
        } else if (d.kind === 'count') {
          expect(numerator.length, d.id).toBe(f.value);
        } else {
          expect(numerator.length, d.id).toBe(f.numerator);
          const denominator = await drill(d.id, 'denominator', p);
          expect(denominator.length, d.id).toBe(f.denominator);
          // The counted rows are among the rows divided by.
          expect(
            numerator.filter((id) => !denominator.includes(id)),
            d.id,
          ).toEqual([]);
        }
      }
    }
  });

  it('breaks cases down by township (offices count with theirs), item type and procedure', async () => {
    const cases = def('enforcement.cases');
    expect(await breakdown(db, cases, '乡镇', atCounty)).toEqual([
      { key: '甲镇', value: 7, numerator: 7, denominator: 0 },
      { key: '乙镇', value: 1, numerator: 1, denominator: 0 },
    ]);
    expect((await breakdown(db, cases, '事项类型', atA)).map((r) => [r.key, r.value])).toEqual([
      ['行政处罚', 6],
      ['行政强制', 1],
    ]);
    expect((await breakdown(db, cases, '程序', atA)).map((r) => [r.key, r.value])).toEqual([
      ['普通程序', 6],
      ['简易程序', 1],
    ]);
    expect((await breakdown(db, cases, '决定类型', atA)).map((r) => [r.key, r.value])).toEqual([
      ['处罚', 5],
      ['其他决定', 1],
      ['尚未决定', 1],
    ]);
    const review = def('enforcement.publishOnTimeRate');
    expect((await breakdown(db, review, '月份', atA)).find((r) => r.key === '2024-06')).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
    for (const d of enforcementIndicators)
      for (const by of Object.keys(d.breakdowns ?? {})) await breakdown(db, d, by, atCounty);
  });
});

describe('enforcement in the annual report and the report checker', () => {
  let ctx: KernelContext;
  let figures: Figure[];
  const matchers = enforcementModule.reportClaims!;

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
  });

  const render = (all: Figure[]) => {
    const byId = new Map(all.map((f) => [f.id, f] as const));
    return enforcementReport(byId).map((p) => ({
      ...p,
      text: renderTemplate(p.template, byId)
        .map((r) => r.text)
        .join(''),
    }));
  };

  it('adds nothing without data, and every placeholder names an indicator', async () => {
    figures = await computeFigures(ctx.database.db, [enforcementModule], atA);
    expect(render(figures)).toEqual([]);
    const ids = new Set(enforcementIndicators.map((d) => d.id));
    const full = new Map(enforcementIndicators.map((d) => [d.id, { value: 50 }] as const));
    for (const p of enforcementReport(full))
      for (const m of p.template.matchAll(/\{([\w.]+)\}/g)) expect(ids.has(m[1]!), m[1]).toBe(true);
  });

  it('writes sentences the checker reads back as consistent with the ledgers, and names shortcomings', () => {
    const f = (id: string, value: number | null, numerator?: number, denominator?: number): Figure => {
      const d = enforcementIndicators.find((x) => x.id === id)!;
      return {
        module: 'enforcement',
        id,
        name: d.name,
        unit: d.unit,
        formula: d.formula,
        value,
        drill: '',
        ...(numerator === undefined ? {} : { numerator, denominator }),
      };
    };
    const values: Record<string, [number | null, number?, number?]> = {
      'enforcement.cases': [126],
      'enforcement.simpleCases': [31],
      'enforcement.ordinaryCases': [95],
      'enforcement.decisions': [118],
      'enforcement.penalties': [104],
      'enforcement.fines': [235600],
      'enforcement.majorDecisions': [6],
      'enforcement.majorReviewRate': [83.3, 5, 6],
      'enforcement.published': [97],
      'enforcement.penaltiesPublished': [90],
      'enforcement.publishOnTimeRate': [96.9, 94, 97],
      'enforcement.onTimeRate': [97.8, 89, 91],
      'enforcement.hearingNoticeRate': [100, 4, 4],
      'enforcement.withdrawOnTimeRate': [null, 0, 0],
      'enforcement.officers': [24],
      'enforcement.certifiedOfficers': [22],
      'enforcement.certifiedRate': [91.7, 22, 24],
      'enforcement.expiringCerts': [2],
      'enforcement.expiredCerts': [1],
      'enforcement.reviews': [20],
      'enforcement.reviewPassRate': [85, 17, 20],
      'enforcement.inspectionsPlanned': [12],
      'enforcement.inspectionsDone': [11],
      'enforcement.inspectionsPublished': [10],
      'enforcement.inspectionDoneRate': [91.7, 11, 12],
    };
    const all = enforcementIndicators.map((d) => {
      const [v, n, den] = values[d.id] ?? [0];
      return f(d.id, v, n, den);
    });
    const paragraphs = render(all);
    expect(paragraphs.map((p) => p.heading)).toEqual([
      '严格规范公正文明执法',
      '落实行政执法“三项制度”',
      '加强行政执法队伍建设和执法监督',
      '行政执法公示不够及时',
      '重大执法决定法制审核制度落实不到位',
      '执法人员持证上岗有待加强',
      '执法案卷质量有待提升',
    ]);
    const text = paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('作出行政处罚决定104件,罚款235600元');
    const checked = checkReportText(text);
    expect(checked.mismatches).toEqual([]);
    const ledger = compareWithLedger(checked.claims, all, matchers);
    expect(ledger.filter((l) => !l.consistent)).toEqual([]);
    expect(new Set(ledger.map((l) => l.indicator))).toEqual(
      new Set([
        'enforcement.cases',
        'enforcement.simpleCases',
        'enforcement.onTimeRate',
        'enforcement.penalties',
        'enforcement.fines',
        'enforcement.published',
        'enforcement.publishOnTimeRate',
        'enforcement.majorDecisions',
        'enforcement.majorReviewRate',
        'enforcement.officers',
        'enforcement.certifiedOfficers',
        'enforcement.certifiedRate',
        'enforcement.reviews',
        'enforcement.reviewPassRate',
        'enforcement.inspectionsDone',
      ]),
    );
    // A report stating other figures is flagged against the ledger.
    const wrong = compareWithLedger(
      checkReportText('全年公示执法决定信息90条,公示及时率100%。在岗执法人员24人,持证率100%。').claims,
      all,
      matchers,
    );
    expect(
      wrong
        .filter((l) => !l.consistent)
        .map((l) => l.indicator)
        .sort(),
    ).toEqual(['enforcement.certifiedRate', 'enforcement.publishOnTimeRate', 'enforcement.published']);
  });

  it('recognises how the seed reports state enforcement figures, and leaves other topics alone', () => {
    const ids = (text: string) =>
      checkReportText(text)
        .claims.map((c) => [c.stated, indicatorFor(c, matchers)] as const)
        .filter(([, id]) => id !== null);
    expect(ids('2024年公示行政处罚类信息16条。')).toEqual([[16, 'enforcement.penaltiesPublished']]);
    expect(ids('目前我镇已有16名干部取得行政执法证。')).toEqual([[16, 'enforcement.certifiedOfficers']]);
    expect(
      ids(
        '目前我镇综合行政执法队配有单独办公室,共有工作人员22人,其中公务员11人,事业编9人,集体干部1人,执法辅助人员1人,16名干部取得行政执法证。',
      ),
    ).toEqual([[16, 'enforcement.certifiedOfficers']]);
    expect(ids('全年共立案查处违法案件45起,作出行政处罚决定40件,罚没款3.2万元。')).toEqual([
      [45, 'enforcement.cases'],
      [40, 'enforcement.penalties'],
    ]);
    expect(ids('今年以来,先后处置违章建筑 20 余处、开展占道经营整治 60 余次。')).toEqual([]);
    expect(ids('2022年我镇共组织92人参与法治理论考试，合格率达100%。')).toEqual([]);
    expect(ids('全年主动公开政府信息120条,政府信息公开及时率100%。')).toEqual([]);
    expect(ids('行政处罚决定公开及时率100%。')).toEqual([[100, 'enforcement.publishOnTimeRate']]);
    expect(ids('全年共受理信访事项52件,按期办结率100%。')).toEqual([]);
  });
});
