import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../demo.js';
import { rows } from '../kernel/db/client.js';
import { DEMO_COUNTY } from '../kernel/demo/seed.js';
import { DEMO_2024 } from '../kernel/demo/window.js';
import type { KernelContext } from '../kernel/module.js';
import { modules } from '../modules.js';
import { call, quickSession, type Session, testApp, testContext } from '../test/kernel.js';
import { renderTemplate, reportDueDates } from './annual.js';
import { checkReportText, readReportFile } from './checker/index.js';
import { compareWithLedger } from './checker/ledger.js';

describe('the annual report, from the ledgers', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let township: { code: string; name: string };
  const as = async (username: string): Promise<Session> =>
    quickSession(
      ctx,
      (
        await rows<{ id: number }>(
          ctx.database.db,
          sql`SELECT id FROM kernel_user WHERE username = ${username}`,
        )
      )[0]!.id,
    );

  beforeAll(async () => {
    ctx = await testContext();
    await ctx.database.db.transaction((tx) => seedDemoCounty(tx, 2024, DEMO_2024));
    [township] = (await rows<{ code: string; name: string }>(
      ctx.database.db,
      sql`SELECT code, name FROM kernel_org WHERE level = 'township' ORDER BY sort, code LIMIT 1`,
    )) as [{ code: string; name: string }];
    app = await testApp(ctx);
  }, 180_000);

  it('has the statutory due dates: 报送 before 3月1日, 公开 before 4月1日', () => {
    expect(reportDueDates(2024)).toEqual({ submit: '2025-02-28', publish: '2025-03-31' });
    expect(reportDueDates(2023)).toEqual({ submit: '2024-02-29', publish: '2024-03-31' });
  });

  it('binds figures to templates, and refuses a template naming an unknown indicator', () => {
    const figures = new Map([
      [
        'x.rate',
        {
          module: 'x',
          id: 'x.rate',
          name: '率',
          value: 99.8,
          unit: '%',
          formula: '',
          numerator: 545,
          denominator: 546,
          drill: '/x?indicator=x.rate',
        },
      ],
    ]);
    expect(renderTemplate('化解率{x.rate}。', figures)).toEqual([
      { text: '化解率' },
      { text: '99.8%', figure: { id: 'x.rate', value: '99.8%', drill: '/x?indicator=x.rate' } },
      { text: '。' },
    ]);
    expect(() => renderTemplate('{x.nope}', figures)).toThrow('unknown indicator');
  });

  it('states the figures of the indicator API, and a report figure drills down to exactly that many rows', async () => {
    const clerk = await as('zhen01.jingban');
    const report = (
      await call(app, clerk, 'POST', '/api/reports/annual', { orgCode: township.code, year: 2024 })
    ).json();
    expect(report.title).toBe(
      `${township.name}${township.name.endsWith('街道') ? '办事处' : '人民政府'}关于2024年度法治政府建设情况的报告`,
    );
    const api = (await call(app, clerk, 'GET', `/api/indicators?org=${township.code}&year=2024`)).json()
      .figures as { id: string; value: number | null }[];
    const runs = report.document.blocks
      .flatMap((b: { runs: { figure?: { id: string; value: string; drill: string } }[] }) => b.runs)
      .filter((r: { figure?: unknown }) => r.figure);
    expect(runs.length).toBeGreaterThan(5);
    for (const r of runs) {
      const f = api.find((x) => x.id === r.figure.id)!;
      expect(r.figure.value.replace(/[^\d.]/g, ''), r.figure.id).toBe(String(f.value));
    }
    const resolved = runs.find((r: { figure: { id: string } }) => r.figure.id === 'disputes.resolved');
    const drill = resolved.figure.drill.replace('/disputes?', '/api/disputes/cases?');
    expect((await call(app, clerk, 'GET', drill)).json().total).toBe(
      Number(resolved.figure.value.replace(/\D/g, '')),
    );
    // The five parts, in order, with 一、… numbering done by the writer.
    const h1 = report.document.blocks
      .filter((b: { kind: string }) => b.kind === 'heading1')
      .map((b: { runs: { text: string }[] }) => b.runs[0]!.text);
    expect(h1).toEqual([
      '2024年推进法治政府建设的主要举措和成效',
      '2024年推进法治政府建设存在的不足和原因',
      '2024年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
      '2025年推进法治政府建设的主要安排',
      '其他需要报告的情况',
    ]);
    // Every module's paragraph is there, under its heading, with its figures bound.
    const h2 = report.document.blocks
      .filter((b: { kind: string }) => b.kind === 'heading2')
      .map((b: { runs: { text: string }[] }) => b.runs[0]!.text);
    for (const heading of [
      '加强法治学习，提高依法行政能力',
      '履行推进法治建设第一责任人职责',
      '深入开展法治宣传教育',
      '依法化解行政争议',
      '推进政务公开',
    ])
      expect(h2).toContain(heading);
    for (const module of ['learning', 'publicity', 'litigation', 'disclosure'])
      expect(
        runs.some((r: { figure: { id: string } }) => r.figure.id.startsWith(`${module}.`)),
        module,
      ).toBe(true);
  });

  it('runs 起草 → 审核 → 报送 → 公开: the county sees it in its inbox, then the public on the portal', async () => {
    const clerk = await as('zhen01.jingban');
    const leader = await as('zhen01.lingdao');
    const admin = await as('zhen01.admin');
    const county = await as('xian.jiandu');
    const { id, suggestions } = (
      await call(app, clerk, 'POST', '/api/reports/annual', { orgCode: township.code, year: 2024 })
    ).json();

    // The clerk edits a narrative paragraph and keeps the data-driven shortcomings offered.
    const edited = await call(app, clerk, 'PUT', `/api/reports/annual/${id}`, {
      narratives: {
        achievements: [
          {
            heading: '加强党对法治政府建设的领导',
            text: '镇党委每季度专题研究法治建设工作,压实各站所责任。',
          },
        ],
        leadership: [{ text: '主要负责人带头述法,亲自包案化解重点信访事项。' }],
        plans: [{ text: '一是完善依法决策机制;二是规范行政执法。' }],
        other: [{ text: '无。' }],
      },
      acceptedSuggestions: suggestions.map((s: { key: string }) => s.key),
    });
    expect(edited.statusCode).toBe(200);
    expect(JSON.stringify(edited.json().document)).toContain('每季度专题研究法治建设工作');

    expect((await call(app, clerk, 'POST', `/api/reports/annual/${id}/approve`, {})).statusCode).toBe(403); // a clerk does not approve
    expect((await call(app, clerk, 'POST', `/api/reports/annual/${id}/submit`, {})).json().error.code).toBe(
      'INVALID_TRANSITION',
    );
    const approved = await call(app, leader, 'POST', `/api/reports/annual/${id}/approve`, {});
    expect(approved.json()).toMatchObject({
      status: 'approved',
      statusLabel: '已审核',
      changedSinceApproval: [],
    });
    expect((await call(app, clerk, 'POST', `/api/reports/annual/${id}/submit`, {})).json().status).toBe(
      'submitted',
    );

    const inbox = (await call(app, county, 'GET', `/api/reports/inbox?org=${DEMO_COUNTY.code}`)).json().items;
    expect(inbox.map((r: { id: number }) => r.id)).toContain(id);
    expect((await app.inject({ method: 'GET', url: `/portal/api/reports/${id}` })).statusCode).toBe(404); // not yet public

    const noReview = await call(app, admin, 'POST', `/api/reports/annual/${id}/publish`, {});
    expect(noReview.json().error.message).toContain('保密审查');
    expect(
      (
        await call(app, admin, 'POST', `/api/reports/annual/${id}/publish`, { confidentialityReviewed: true })
      ).json().status,
    ).toBe('published');
    const list = (await app.inject({ method: 'GET', url: '/portal/api/reports' })).json().items;
    expect(list.map((r: { id: number }) => r.id)).toContain(id);
    const docx = await app.inject({ method: 'GET', url: `/portal/api/reports/${id}/docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('writes a .docx in the official format that the report checker reads back as consistent with the ledgers', async () => {
    const admin = await as('admin.demo');
    const { id } = (
      await call(app, admin, 'POST', '/api/reports/annual', { orgCode: DEMO_COUNTY.code, year: 2024 })
    ).json();
    const res = await call(app, admin, 'GET', `/api/reports/annual/${id}/docx`);
    expect(res.statusCode).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-report-'));
    try {
      const file = path.join(dir, 'report.docx');
      fs.writeFileSync(file, res.rawPayload);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(xml).toMatch(/w:top="2098"/);
      expect(xml).toMatch(/w:left="1587"/);
      const text = await readReportFile(file);
      expect(text).toContain('一、2024年推进法治政府建设的主要举措和成效');
      expect(text).toContain('（二）');
      const checked = checkReportText(text);
      expect(Object.values(checked.sections).every((s) => s.found)).toBe(true);
      expect(checked.mismatches).toEqual([]);
      const figures = (
        await call(app, admin, 'GET', `/api/indicators?org=${DEMO_COUNTY.code}&year=2024`)
      ).json().figures;
      const ledger = compareWithLedger(
        checked.claims,
        figures,
        modules.flatMap((m) => m.reportClaims ?? []),
      );
      expect(ledger.length).toBeGreaterThanOrEqual(6);
      expect(ledger.filter((l) => !l.consistent)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses approval while a required part is empty, naming it', async () => {
    const leader = await as('xian.lingdao');
    const admin = await as('admin.demo');
    const { id } = (
      await call(app, admin, 'POST', '/api/reports/annual', { orgCode: DEMO_COUNTY.code, year: 2023 })
    ).json();
    const res = await call(app, leader, 'POST', `/api/reports/annual/${id}/approve`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('第一责任人职责');
  });

  it('shows a visible note when the figures change after approval', async () => {
    const admin = await as('admin.demo');
    const leader = await as('xian.lingdao');
    const { id } = (
      await call(app, admin, 'POST', '/api/reports/annual', { orgCode: DEMO_COUNTY.code, year: 2024 })
    ).json();
    const ok = await call(app, leader, 'POST', `/api/reports/annual/${id}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    // A dispute of 2024 is found and registered late: the figures move.
    const clerk = await as('zhen01.jingban');
    const village = (
      await rows<{ code: string }>(
        ctx.database.db,
        sql`SELECT code FROM kernel_org WHERE parent_code = ${township.code} AND level = 'village' LIMIT 1`,
      )
    )[0]!.code;
    await call(app, clerk, 'POST', '/api/disputes/cases', {
      orgCode: village,
      receivedOn: '2024-12-30',
      source: '排查发现',
      category: '邻里',
      summary: '年底补录的邻里纠纷',
      parties: [{ name: '补录' }],
    });
    const after = (await call(app, admin, 'GET', `/api/reports/annual/${id}`)).json();
    expect(after.changedSinceApproval.map((c: { id: string }) => c.id)).toContain('disputes.screened');
  });
});
