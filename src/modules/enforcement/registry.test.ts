import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db/client.js';
import { deadlines } from '../../kernel/db/schema.js';
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
import { enforcementCaseOfficers, enforcementCases } from './schema.js';

const ID_CARD = '51062619800101001X';

describe('enforcement registry: items, officers, 评查, settings', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let sysadmin: Session; // 系统管理员 at the county
  let admin: Session; // 镇级管理员 甲镇
  let clerk: Session; // 经办人 甲镇
  let leader: Session; // 领导 甲镇: reads, no personal data
  let county: Session; // 县级监督
  let yi: Session; // 镇级管理员 乙镇

  beforeAll(async () => {
    process.env.FAZHI_TODAY = '2025-06-01';
    ctx = await testContext();
    await seedTree(ctx);
    sysadmin = await quickSession(ctx, await addUser(ctx, 'xian.admin', '系统管理员', T.county));
    admin = await quickSession(ctx, await addUser(ctx, 'jia.admin', '镇级管理员', T.townA));
    clerk = await quickSession(ctx, await addUser(ctx, 'jia.jingban', '经办人', T.townA));
    leader = await quickSession(ctx, await addUser(ctx, 'jia.lingdao', '领导', T.townA));
    county = await quickSession(ctx, await addUser(ctx, 'xian.jiandu', '县级监督', T.county));
    yi = await quickSession(ctx, await addUser(ctx, 'yi.admin', '镇级管理员', T.townB));
    app = await testApp(ctx);
  });
  afterAll(() => {
    delete process.env.FAZHI_TODAY;
  });

  const db = () => ctx.database.db;
  const insertCase = async (
    itemId: number,
    status: string,
    org: string = T.townA,
    caseNo = `测试-${Math.random()}`,
  ) => {
    const [c] = await db()
      .insert(enforcementCases)
      .values({
        orgCode: org,
        caseNo,
        itemId,
        procedure: 'ordinary',
        source: '日常巡查',
        partyType: '法人',
        partyName: '某公司',
        summary: '占道经营',
        status,
        filedOn: '2024-03-01',
        closedOn: status === 'closed' ? '2024-05-01' : null,
      })
      .returning({ id: enforcementCases.id });
    return c!.id;
  };

  describe('执法事项清单: versions', () => {
    const item = {
      listKind: '行政执法权责事项',
      itemCode: 'XZCF-001',
      name: '对占用城市道路摆摊设点的处罚',
      itemType: '行政处罚',
      legalBasis: '《城市道路管理条例》第四十二条',
      office: '综合行政执法队',
      delegated: true,
      discretion: [{ circumstance: '情节轻微', range: '警告' }],
      effectiveFrom: '2024-01-01',
    };

    it('revises into a new version and keeps the old one for the case that references it', async () => {
      const created = await call(app, sysadmin, 'POST', '/api/enforcement/items', {
        orgCode: T.county,
        ...item,
      });
      expect(created.statusCode, created.body).toBe(201);
      const v1 = created.json().id as number;
      const dup = await call(app, sysadmin, 'POST', '/api/enforcement/items', { orgCode: T.county, ...item });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.message).toContain('事项编码「XZCF-001」已存在');

      const caseId = await insertCase(v1, 'filed');
      const revised = await call(app, sysadmin, 'POST', `/api/enforcement/items/${v1}/revise`, {
        effectiveFrom: '2025-03-01',
        legalBasis: '《城市道路管理条例》(2019修订)第四十二条',
        discretion: [
          { circumstance: '情节轻微', range: '警告' },
          { circumstance: '情节较重', range: '罚款500-2000元' },
        ],
      });
      expect(revised.statusCode, revised.body).toBe(200);
      const v2 = revised.json();
      expect(v2).toMatchObject({
        version: 2,
        itemCode: 'XZCF-001',
        effectiveFrom: '2025-03-01',
        effectiveTo: null,
      });
      expect(
        v2.versions.map((v: { version: number; effectiveTo: string | null }) => [v.version, v.effectiveTo]),
      ).toEqual([
        [2, null],
        [1, '2025-02-28'],
      ]);
      // The case still points at version 1, unchanged in substance.
      const [c] = await rows<{ legal_basis: string; version: number }>(
        db(),
        sql`SELECT i.legal_basis, i.version FROM enforcement_case c JOIN enforcement_item i ON i.id = c.item_id WHERE c.id = ${caseId}`,
      );
      expect(c).toEqual({ legal_basis: '《城市道路管理条例》第四十二条', version: 1 });
      // A case filed under v2's dates would lose its version: a revision effective before it is refused.
      const lateCase = await insertCase(v2.id, 'filed', T.townA, '甲执罚〔2025〕9号');
      await db().execute(sql`UPDATE enforcement_case SET filed_on = '2025-05-10' WHERE id = ${lateCase}`);
      const early = await call(app, sysadmin, 'POST', `/api/enforcement/items/${v2.id}/revise`, {
        effectiveFrom: '2025-05-01',
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain('甲执罚〔2025〕9号 于 2025-05-10 按现行版本立案');
      // Revising version 1 again is refused: only the current version changes.
      const stale = await call(app, sysadmin, 'POST', `/api/enforcement/items/${v1}/revise`, {
        effectiveFrom: '2025-05-01',
      });
      expect(stale.statusCode).toBe(409);

      // Lists show current versions; applicable= gives the version in force on the day, own + ancestors'.
      const cur = (await call(app, clerk, 'GET', `/api/enforcement/items?org=${T.county}`)).statusCode;
      expect(cur).toBe(404); // a township clerk cannot list the county's subtree
      const list = (await call(app, county, 'GET', `/api/enforcement/items?org=${T.county}`)).json();
      expect(list.items.map((i: { version: number }) => i.version)).toEqual([2]);
      const before = (
        await call(app, clerk, 'GET', `/api/enforcement/items?org=${T.officeA}&applicable=1&on=2024-06-01`)
      ).json();
      expect(before.items.map((i: { id: number }) => i.id)).toEqual([v1]);
      const after = (
        await call(app, clerk, 'GET', `/api/enforcement/items?org=${T.townA}&applicable=1&on=2025-04-01`)
      ).json();
      expect(after.items.map((i: { id: number }) => i.id)).toEqual([v2.id]);
      // The neighbour's own items are not applicable to 甲镇.
      const own = await call(app, yi, 'POST', '/api/enforcement/items', {
        orgCode: T.townB,
        ...item,
        itemCode: 'YZ-001',
        name: '乙镇事项',
      });
      expect(own.statusCode, own.body).toBe(201);
      const stillOne = (
        await call(app, clerk, 'GET', `/api/enforcement/items?org=${T.townA}&applicable=1&on=2025-04-01`)
      ).json();
      expect(stillOne.total).toBe(1);

      // Retire: not applicable after effectiveTo.
      const retired = await call(app, sysadmin, 'POST', `/api/enforcement/items/${v2.id}/retire`, {
        effectiveTo: '2025-12-31',
      });
      expect(retired.statusCode, retired.body).toBe(200);
      const gone = (
        await call(app, clerk, 'GET', `/api/enforcement/items?org=${T.townA}&applicable=1&on=2026-01-01`)
      ).json();
      expect(gone.total).toBe(0);

      // The portal lists what is in force today (2025-06-01): version 2.
      const pub = (await call(app, null, 'GET', `/portal/enforcement/items?org=${T.county}`)).json();
      expect(pub.items.map((i: { itemCode: string; version: number }) => [i.itemCode, i.version])).toEqual([
        ['XZCF-001', 2],
      ]);
      expect(pub.items[0].discretion).toHaveLength(2);
      const pubB = (await call(app, null, 'GET', `/portal/enforcement/items?org=${T.townB}`)).json();
      expect(pubB.items.map((i: { itemCode: string }) => i.itemCode).sort()).toEqual(['XZCF-001', 'YZ-001']);

      // Only managers write the catalogue; the export is an .xlsx.
      expect(
        (
          await call(app, clerk, 'POST', '/api/enforcement/items', {
            orgCode: T.townA,
            ...item,
            itemCode: 'X',
          })
        ).statusCode,
      ).toBe(403);
      const xlsx = await call(app, county, 'GET', `/api/enforcement/items?org=${T.county}&format=xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    });
  });

  describe('执法人员', () => {
    let officerA: number;

    it('registers officers with unique certificate numbers and a 换证 deadline before expiry', async () => {
      const res = await call(app, admin, 'POST', '/api/enforcement/officers', {
        orgCode: T.officeA,
        name: '张执法',
        idCard: ID_CARD,
        phone: '13812345678',
        certNo: '51062620230001',
        issuer: '四川省人民政府',
        areas: '城乡建设、市容环境',
        validFrom: '2023-01-01',
        validTo: '2025-08-31',
      });
      expect(res.statusCode, res.body).toBe(201);
      officerA = res.json().id;
      const dup = await call(app, admin, 'POST', '/api/enforcement/officers', {
        orgCode: T.townA,
        name: '李某',
        certNo: '51062620230001',
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.message).toBe('执法证号「51062620230001」已被登记,同一证号不能重复登记');
      const badId = await call(app, admin, 'POST', '/api/enforcement/officers', {
        orgCode: T.townA,
        name: '王某',
        idCard: '510626198001010018',
      });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.message).toContain('身份证号有误');

      const deadline = async () =>
        (
          await db()
            .select()
            .from(deadlines)
            .where(
              and(
                eq(deadlines.module, 'enforcement'),
                eq(deadlines.entity, 'officer'),
                eq(deadlines.entityId, String(officerA)),
                eq(deadlines.step, 'certExpiry'),
              ),
            )
        )[0];
      // Default 60 days before 2025-08-31.
      expect(await deadline()).toMatchObject({ dueOn: '2025-07-02', status: 'open', orgCode: T.officeA });

      // The county shortens the reminder to 30 days; a renewal re-opens the deadline under it.
      const saved = await call(app, sysadmin, 'POST', '/api/enforcement/settings', {
        orgCode: T.county,
        settings: { certReminderDays: 30 },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const renewed = await call(app, admin, 'POST', `/api/enforcement/officers/${officerA}/update`, {
        validFrom: '2025-06-01',
        validTo: '2031-05-31',
      });
      expect(renewed.statusCode, renewed.body).toBe(200);
      expect(await deadline()).toMatchObject({ dueOn: '2031-05-01', status: 'open' });
      // Revoked: the reminder is cancelled.
      await call(app, admin, 'POST', `/api/enforcement/officers/${officerA}/update`, { status: '注销' });
      expect(await deadline()).toMatchObject({ status: 'cancelled' });
      await call(app, admin, 'POST', `/api/enforcement/officers/${officerA}/update`, { status: '有效' });
      expect(await deadline()).toMatchObject({ status: 'open', dueOn: '2031-05-01' });
    });

    it('filters by certificate state and masks personal data without enforcement.personal', async () => {
      const add = async (s: Session, body: Record<string, unknown>) => {
        const r = await call(app, s, 'POST', '/api/enforcement/officers', body);
        expect(r.statusCode, r.body).toBe(201);
        return r.json().id as number;
      };
      const expiring = await add(admin, {
        orgCode: T.townA,
        name: '即将到期',
        certNo: 'C-EXP-1',
        validTo: '2025-07-15',
      });
      const expired = await add(admin, {
        orgCode: T.townA,
        name: '已过期',
        certNo: 'C-OLD-1',
        validTo: '2025-05-31',
      });
      const none = await add(admin, { orgCode: T.townA, name: '未持证', phone: '13900001111' });
      const neighbour = await add(yi, {
        orgCode: T.townB,
        name: '乙镇人员',
        certNo: 'C-YI-1',
        validTo: '2029-01-01',
      });
      const ids = async (q: string, s: Session = clerk, org: string = T.townA) =>
        (await call(app, s, 'GET', `/api/enforcement/officers?org=${org}&${q}`))
          .json()
          .items.map((o: { id: number }) => o.id)
          .sort((a: number, b: number) => a - b);
      expect(await ids('cert=valid')).toEqual([officerA, expiring]);
      expect(await ids('cert=expiring')).toEqual([expiring]);
      expect(await ids('cert=expired')).toEqual([expired]);
      expect(await ids('cert=none')).toEqual([none]);

      // The county sees both townships; a township never its neighbour's.
      expect(await ids('', county, T.county)).toEqual(expect.arrayContaining([officerA, neighbour]));
      expect(await ids('')).not.toContain(neighbour);
      expect((await call(app, clerk, 'GET', `/api/enforcement/officers?org=${T.townB}`)).statusCode).toBe(
        404,
      );
      expect(
        (await call(app, yi, 'POST', `/api/enforcement/officers/${officerA}/update`, { name: 'x' }))
          .statusCode,
      ).toBe(404);

      const full = (await call(app, clerk, 'GET', `/api/enforcement/officers?org=${T.townA}&q=张执法`)).json()
        .items[0];
      expect(full).toMatchObject({ idCard: ID_CARD, phone: '13812345678', certState: 'valid' });
      const masked = (
        await call(app, leader, 'GET', `/api/enforcement/officers?org=${T.townA}&q=张执法`)
      ).json().items[0];
      expect(masked.idCard).toBe('510626********001X');
      expect(masked.phone).toBe('138****5678');
      const noPersonal = await call(
        app,
        leader,
        'GET',
        `/api/enforcement/officers?org=${T.townA}&format=xlsx`,
      );
      expect(noPersonal.statusCode).toBe(200);
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(noPersonal.rawPayload as unknown as ArrayBuffer);
      const text = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
      expect(text).not.toContain('身份证号');
      expect(text).not.toContain(ID_CARD);
      expect(text).not.toContain('13812345678');
      expect(text).toContain('51062620230001');
    });

    it('publishes certified officers on the portal: valid certificates only, never id card or phone', async () => {
      const res = await call(app, null, 'GET', `/portal/enforcement/officers?org=${T.townA}`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Record<string, unknown>[];
      expect(items.map((o) => o.name).sort()).toEqual(['即将到期', '张执法']);
      for (const o of items)
        expect(Object.keys(o).sort()).toEqual(['areas', 'certNo', 'name', 'orgName', 'validTo']);
      expect(res.body).not.toContain(ID_CARD);
      expect(res.body).not.toContain('13812345678');
      const all = (await call(app, null, 'GET', '/portal/enforcement/officers')).json();
      expect(all.items.map((o: { name: string }) => o.name)).toContain('乙镇人员');
      expect((await call(app, null, 'GET', '/portal/enforcement/officers?org=abc')).statusCode).toBe(400);
      // The 持证率 figure drills down to exactly its officers.
      const drill = await call(
        app,
        county,
        'GET',
        `/api/enforcement/officers?org=${T.townA}&indicator=enforcement.certifiedRate&part=numerator&from=2025-01-01&to=2025-12-31`,
      );
      expect(drill.statusCode, drill.body).toBe(200);
      expect(drill.json().items.every((o: { certState: string }) => o.certState !== 'none')).toBe(true);
      const unknown = await call(
        app,
        county,
        'GET',
        `/api/enforcement/officers?org=${T.townA}&indicator=enforcement.reviews&from=2025-01-01&to=2025-12-31`,
      );
      expect(unknown.statusCode).toBe(400);
    });
  });

  describe('案卷评查', () => {
    it('scores closed case files against the county template and sums up per office and officer', async () => {
      const tpl = {
        orgCode: T.county,
        name: '行政处罚案卷评查标准',
        items: [
          { key: 'subject', label: '执法主体合法', points: 20 },
          { key: 'facts', label: '事实清楚、证据确凿', points: 40 },
          { key: 'procedure', label: '程序合法', points: 40 },
        ],
        passScore: 80,
      };
      expect(
        (await call(app, county, 'POST', '/api/enforcement/review-templates', { ...tpl, orgCode: T.townA }))
          .statusCode,
      ).toBe(400);
      expect((await call(app, admin, 'POST', '/api/enforcement/review-templates', tpl)).statusCode).toBe(404);
      const created = await call(app, county, 'POST', '/api/enforcement/review-templates', tpl);
      expect(created.statusCode, created.body).toBe(201);
      const templateId = created.json().id as number;
      const seen = (await call(app, clerk, 'GET', `/api/enforcement/review-templates?org=${T.townA}`)).json();
      expect(seen.items.map((t: { id: number }) => t.id)).toEqual([templateId]);

      const [item] = await rows<{ id: number }>(db(), sql`SELECT id FROM enforcement_item LIMIT 1`);
      const open = await insertCase(item!.id, 'decided');
      const closed = await insertCase(item!.id, 'closed');
      const closedB = await insertCase(item!.id, 'closed', T.townB);
      const [o] = await rows<{ id: number; cert_no: string }>(
        db(),
        sql`SELECT id, cert_no FROM enforcement_officer WHERE name = '张执法'`,
      );
      await db()
        .insert(enforcementCaseOfficers)
        .values({ caseId: closed, orgCode: T.townA, officerId: o!.id, certNo: o!.cert_no, role: '主办' });

      const review = (body: Record<string, unknown>, s: Session = county) =>
        call(app, s, 'POST', '/api/enforcement/reviews', { templateId, reviewedOn: '2025-05-20', ...body });
      const notClosed = await review({ caseId: open, scores: { subject: 20, facts: 40, procedure: 40 } });
      expect(notClosed.statusCode).toBe(409);
      expect(notClosed.json().error.message).toContain('只能评查已结案或已归档的案卷');
      const over = await review({ caseId: closed, scores: { subject: 25, facts: 40, procedure: 40 } });
      expect(over.statusCode).toBe(400);
      expect(over.json().error.message).toContain('「执法主体合法」的得分应为 0 至 20 之间的整数');
      const missing = await review({ caseId: closed, scores: { subject: 20 } });
      expect(missing.json().error.message).toContain('缺少评查项目「事实清楚、证据确凿」的得分');
      expect(
        (await review({ caseId: closed, scores: { subject: 20, facts: 40, procedure: 40 } }, clerk))
          .statusCode,
      ).toBe(403);

      const ok = await review({
        caseId: closed,
        scores: { subject: 20, facts: 30, procedure: 25 },
        comments: '程序有瑕疵',
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ total: 75, passed: false, orgCode: T.townA });
      const okB = await review({ caseId: closedB, scores: { subject: 20, facts: 35, procedure: 35 } });
      expect(okB.json()).toMatchObject({ total: 90, passed: true, orgCode: T.townB });

      // Used: the template is frozen.
      const edit = await call(app, county, 'POST', `/api/enforcement/review-templates/${templateId}/update`, {
        name: tpl.name,
        items: tpl.items,
        passScore: 70,
      });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().error.message).toContain('请新建模板');

      const townList = (await call(app, clerk, 'GET', `/api/enforcement/reviews?org=${T.townA}`)).json();
      expect(townList.items.map((r: { caseId: number }) => r.caseId)).toEqual([closed]);
      expect((await call(app, clerk, 'GET', `/api/enforcement/reviews/${okB.json().id}`)).statusCode).toBe(
        404,
      );
      const summary = (
        await call(app, county, 'GET', `/api/enforcement/reviews/summary?org=${T.county}`)
      ).json();
      expect(summary.offices).toEqual([
        { orgCode: T.townA, orgName: '甲镇', reviewed: 1, passed: 0, passRate: 0, averageScore: 75 },
        { orgCode: T.townB, orgName: '乙镇', reviewed: 1, passed: 1, passRate: 100, averageScore: 90 },
      ]);
      expect(summary.officers).toEqual([
        {
          officerId: o!.id,
          name: '张执法',
          certNo: o!.cert_no,
          orgName: '司法所',
          reviewed: 1,
          passed: 0,
          passRate: 0,
          averageScore: 75,
        },
      ]);
    });
  });

  describe('规则设置', () => {
    it('reads the effective settings, nearest ancestor last, and refuses unknown keys', async () => {
      const town = await call(app, admin, 'POST', '/api/enforcement/settings', {
        orgCode: T.townA,
        settings: { reviewWorkdays: 7 },
      });
      expect(town.statusCode, town.body).toBe(200);
      const eff = (await call(app, clerk, 'GET', `/api/enforcement/settings?org=${T.officeA}`)).json();
      expect(eff.settings).toMatchObject({ certReminderDays: 30, reviewWorkdays: 7, onSpotMaxPerson: 200 });
      const other = (await call(app, yi, 'GET', `/api/enforcement/settings?org=${T.townB}`)).json();
      expect(other.settings).toMatchObject({ certReminderDays: 30, reviewWorkdays: 5 });
      const bad = await call(app, admin, 'POST', '/api/enforcement/settings', {
        orgCode: T.townA,
        settings: { unknownKey: 1 },
      });
      expect(bad.statusCode).toBe(400);
      expect(
        (await call(app, admin, 'POST', '/api/enforcement/settings', { orgCode: T.county, settings: {} }))
          .statusCode,
      ).toBe(404);
      expect(
        (await call(app, clerk, 'POST', '/api/enforcement/settings', { orgCode: T.townA, settings: {} }))
          .statusCode,
      ).toBe(403);
    });
  });
});
