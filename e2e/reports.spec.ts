import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { demoWindow } from '../src/kernel/demo/window.js';
import { reportDueDates } from '../src/reporting/annual.js';
import {
  BASE_URL,
  horizontalOverflow,
  launchBrowser,
  loginViaForm,
  newSession,
  outputPath,
  parseFigure,
  type Session,
  waitForValue,
  withFailureScreenshot,
} from './helpers.js';

const CLERK = 'zhen01.jingban';
const LEADER = 'zhen01.lingdao';
const TOWNSHIP_ADMIN = 'zhen01.admin';
const COUNTY_USER = 'xian.jiandu';
// The demo's report drafts are for the first year of its window (the same window the server seeded).
const YEAR = demoWindow().year;
const DUE = reportDueDates(YEAR);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED_REPORT = path.resolve(repoRoot, 'src/reporting/checker/fixtures/seeds/003_ffb0f4087fd0c98b.txt');

/**
 * A button's accessible name: antd puts a space between the two characters of a two-character label
 * ("报 送"), and a button that was loading may keep its fading "loading" icon in the name for a while.
 */
function buttonName(label: string): RegExp {
  const chars = [...label].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(^|\\s)${chars.join('\\s*')}$`);
}

async function statusOf(page: Page): Promise<string> {
  return ((await page.getByTestId('report-status').textContent()) ?? '').trim();
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  await waitForValue(
    () => statusOf(page),
    (s) => s === status,
    `report status ${status}`,
  );
}

/** Logs in, goes to 年度报告 through the menu and opens this year's report of the user's township. */
async function openTownshipReport(session: Session, username: string): Promise<number> {
  const { page } = session;
  await loginViaForm(page, username);
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('menuitem', { name: '年度报告' }).click();
  await page.waitForURL((url) => url.pathname === '/reports');
  await page.getByRole('heading', { name: '年度报告', exact: true }).waitFor();
  const table = page.getByTestId('reports-table');
  await table.getByRole('button', { name: `打开${YEAR}年度报告` }).click();
  await page.waitForURL((url) => /^\/reports\/\d+$/.test(url.pathname));
  await page.getByTestId('report-status').waitFor();
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** Clicks a workflow button and confirms its dialog with `confirm`. */
async function runStep(page: Page, label: string, dialogTitle: string, confirm: string): Promise<void> {
  await page
    .getByTestId('report-actions')
    .getByRole('button', { name: buttonName(label) })
    .click();
  const dialog = page.getByRole('dialog').filter({ hasText: dialogTitle });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: buttonName(confirm) }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('年度报告', { timeout: 400_000 }, () => {
  let browser: Browser;
  const stamp = Date.now().toString().slice(-6);
  const sentence = `街道组织开展“法律明白人”培训，实现村(社区)全覆盖（e2e ${stamp}）。`;
  const reportTitle = `马冲街道办事处关于${YEAR}年度法治政府建设情况的报告`;
  let reportId = 0;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('clerk adds a sentence to 主要举措和成效 and saves the draft', async () => {
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'report-clerk-edit', async () => {
        reportId = await openTownshipReport(session, CLERK);
        assert.equal(await statusOf(page), '起草');
        await page.getByTestId('due-submit').getByText(DUE.submit).waitFor();
        await page.getByTestId('due-publish').getByText(DUE.publish).waitFor();

        const section = page.getByTestId('section-achievements');
        const text = section.getByLabel('主要举措和成效 第1段正文');
        const before = await text.inputValue();
        assert.ok(before.length > 10, 'the demo draft has a paragraph');
        await text.fill(`${before}${sentence}`);
        const save = page.getByTestId('report-actions').getByRole('button', { name: buttonName('保存草稿') });
        await save.click();
        await page.getByText('草稿已保存').waitFor();
        await waitForValue(
          () => save.isDisabled(),
          (d) => d,
          'save disabled once saved',
        );

        // The preview is the composed document: numbered parts, figures linked to their rows.
        await page.getByRole('tab', { name: '预览' }).click();
        const preview = page.getByTestId('report-preview');
        await preview.getByText(sentence, { exact: false }).waitFor();
        await preview.getByRole('heading', { name: /^一、/ }).first().waitFor();
        const figureLinks = preview.locator('a.report-figure');
        assert.ok((await figureLinks.count()) > 3, 'figures are links');
        const drill = await figureLinks.first().getAttribute('href');
        assert.match(drill ?? '', /indicator=/);
        await page.getByRole('tab', { name: '编辑内容' }).click();
        await page.screenshot({ path: outputPath('report-editor.png'), fullPage: true });

        // The server keeps what was saved.
        const saved = await page.request.get(`${BASE_URL}/api/reports/annual/${reportId}`);
        assert.equal(saved.status(), 200);
        assert.ok(JSON.stringify(await saved.json()).includes(sentence));
      });
      assert.deepEqual(session.pageErrors, []);
    } finally {
      await session.context.close();
    }
  });

  test('the leader approves', async () => {
    assert.ok(reportId > 0, 'the report was opened');
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'report-leader-approve', async () => {
        await openTownshipReport(session, LEADER);
        // The leader reads; only 审核通过 and 下载 Word are offered.
        const actions = page.getByTestId('report-actions');
        assert.equal(await actions.getByRole('button', { name: buttonName('保存草稿') }).count(), 0);
        await runStep(page, '审核通过', '审核通过年度报告', '确认审核');
        await waitForStatus(page, '已审核');
        await page.getByText('审核人：').first().waitFor();
      });
      assert.deepEqual(session.pageErrors, []);
    } finally {
      await session.context.close();
    }
  });

  test('clerk submits (报送); the county supervisor sees it in 下级报送', async () => {
    const clerk = await newSession(browser);
    try {
      await withFailureScreenshot(clerk, 'report-clerk-submit', async () => {
        const { page } = clerk;
        await openTownshipReport(clerk, CLERK);
        await waitForStatus(page, '已审核');
        // 公开 comes only after 报送, and only for the township admin.
        assert.equal(
          await page
            .getByTestId('report-actions')
            .getByRole('button', { name: buttonName('公开') })
            .count(),
          0,
        );
        await runStep(page, '报送', '报送年度报告', '确认报送');
        await waitForStatus(page, '已报送');
        // A submitted report can no longer be edited.
        assert.equal(await page.getByRole('tab', { name: '编辑内容' }).count(), 0);
      });
      assert.deepEqual(clerk.pageErrors, []);
    } finally {
      await clerk.context.close();
    }

    const county = await newSession(browser);
    try {
      await withFailureScreenshot(county, 'report-county-inbox', async () => {
        const { page } = county;
        await loginViaForm(page, COUNTY_USER);
        await page
          .getByRole('navigation', { name: '主导航' })
          .getByRole('menuitem', { name: '年度报告' })
          .click();
        await page.getByRole('tab', { name: '下级报送' }).click();
        const inbox = page.getByTestId('inbox-table');
        const row = inbox
          .locator('tr')
          .filter({ hasText: '马冲街道' })
          .filter({ hasText: `${YEAR}` });
        await row.first().waitFor();
        assert.match((await row.first().textContent()) ?? '', /已报送/);
        await row
          .first()
          .getByRole('button', { name: /查看|查 看/ })
          .click();
        await page.waitForURL((url) => url.pathname === `/reports/${reportId}`);
        await waitForStatus(page, '已报送');
        await page.getByTestId('report-preview').getByText(sentence, { exact: false }).waitFor();
      });
      assert.deepEqual(county.pageErrors, []);
    } finally {
      await county.context.close();
    }
  });

  test('township admin publishes after ticking 已完成保密审查', async () => {
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'report-admin-publish', async () => {
        await openTownshipReport(session, TOWNSHIP_ADMIN);
        await waitForStatus(page, '已报送');
        await page
          .getByTestId('report-actions')
          .getByRole('button', { name: buttonName('公开') })
          .click();
        const dialog = page.getByRole('dialog').filter({ hasText: '公开年度报告' });
        await dialog.waitFor();
        const confirm = dialog.getByRole('button', { name: buttonName('确认公开') });
        assert.ok(await confirm.isDisabled(), 'cannot publish before the confidentiality review is ticked');
        await dialog.getByRole('checkbox', { name: '已完成保密审查' }).check();
        await confirm.click();
        await dialog.waitFor({ state: 'hidden' });
        await waitForStatus(page, '已公开');
      });
      assert.deepEqual(session.pageErrors, []);
    } finally {
      await session.context.close();
    }
  });

  test('the public reads it on /portal/reports without login and downloads the .docx', async () => {
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'report-portal', async () => {
        await page.goto('/portal');
        await page.getByRole('link', { name: /法治政府建设年度报告/ }).click();
        await page.waitForURL((url) => url.pathname === '/portal/reports');
        await page.getByRole('heading', { name: '法治政府建设年度报告' }).waitFor();
        const list = page.getByTestId('portal-reports');
        await list.getByText(reportTitle).click();
        await page.waitForURL((url) => url.pathname === `/portal/reports/${reportId}`);
        const doc = page.getByTestId('portal-report');
        await doc.getByRole('heading', { name: reportTitle }).waitFor();
        await doc.getByText(sentence, { exact: false }).waitFor();
        // Figures are plain text for the public (the ledgers are not public).
        assert.equal(await doc.locator('a').count(), 0);
        assert.ok(!new URL(page.url()).pathname.startsWith('/login'), 'no login asked');
        await page.screenshot({ path: outputPath('report-portal.png'), fullPage: true });

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: /下载 Word/ }).click(),
        ]);
        const file = outputPath('report.docx');
        await download.saveAs(file);
        const bytes = fs.readFileSync(file);
        assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx is a zip');
        assert.ok(bytes.length > 10 * 1024, `the .docx is more than 10 KB (${bytes.length} bytes)`);
      });
      assert.deepEqual(session.pageErrors, []);
    } finally {
      await session.context.close();
    }
  });

  test('dashboard for the county: figures, charts and the ranking of townships', async () => {
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'dashboard', async () => {
        await loginViaForm(page, COUNTY_USER);
        await page
          .getByRole('navigation', { name: '主导航' })
          .getByRole('menuitem', { name: '数据看板' })
          .click();
        await page.waitForURL((url) => url.pathname === '/dashboard');
        await page.getByRole('heading', { name: '数据看板' }).waitFor();

        await page.getByLabel('年度', { exact: true }).click();
        await page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
          .last()
          .getByTitle(`${YEAR}年`, { exact: true })
          .click();
        await page.getByTestId('dashboard-period').getByText(`${YEAR}-01-01 至 ${YEAR}-12-31`).waitFor();

        const screened = page.getByTestId('dash-figure-disputes.screened');
        const value = await waitForValue(
          async () =>
            parseFigure((await screened.locator('.ant-statistic-content-value').textContent()) ?? ''),
          (v) => v > 0,
          '矛盾纠纷排查数',
        );
        assert.ok(value > 0);
        // The drill-down link of a card goes to the ledger filtered to the rows behind it.
        const drill = await screened
          .getByRole('link', { name: /查看矛盾纠纷排查数明细/ })
          .getAttribute('href');
        assert.match(drill ?? '', /^\/disputes\?indicator=disputes\.screened/);

        const ranking = page.getByTestId('ranking-chart');
        await ranking.locator('canvas').waitFor();
        const label = (await ranking.getAttribute('aria-label')) ?? '';
        assert.match(label, /第1名/);
        for (const id of ['chart-trend', 'chart-types', 'chart-yoy'])
          await page.getByTestId(id).locator('canvas').waitFor();
        await page.getByTestId('dash-overdue').waitFor();
        await page.getByTestId('dash-warnings').waitFor();
        const excel = page.getByRole('link', { name: /导出 Excel/ });
        assert.match(
          (await excel.getAttribute('href')) ?? '',
          new RegExp(`export\\.xlsx\\?.*from=${YEAR}-01-01`),
        );
        await page.mouse.move(0, 0);
        await page.waitForTimeout(300);
        await page.screenshot({ path: outputPath('dashboard.png'), fullPage: true });
      });
      assert.deepEqual(session.pageErrors, []);
    } finally {
      await session.context.close();
    }
  });

  test('dashboard on a phone has no sideways scrolling', async () => {
    const session = await newSession(browser, { width: 390, height: 844 });
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'dashboard-phone', async () => {
        await loginViaForm(page, COUNTY_USER);
        await page.goto(`/dashboard?year=${YEAR}`);
        await page.getByTestId('ranking-chart').locator('canvas').waitFor();
        assert.ok((await horizontalOverflow(page)) <= 1, 'no horizontal overflow');
        await page.screenshot({ path: outputPath('dashboard-phone.png'), fullPage: true });
      });
    } finally {
      await session.context.close();
    }
  });

  test('报告核查 flags the 99.9% claim of the seed report', async () => {
    assert.ok(fs.existsSync(SEED_REPORT), `seed file ${SEED_REPORT}`);
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'report-check', async () => {
        await loginViaForm(page, CLERK);
        await page
          .getByRole('navigation', { name: '主导航' })
          .getByRole('menuitem', { name: '报告核查' })
          .click();
        await page.waitForURL((url) => url.pathname === '/reports/check');
        await page.getByRole('heading', { name: '报告核查' }).waitFor();
        await page.locator('input[type=file]').setInputFiles(SEED_REPORT);
        await page.getByLabel('比对年度').click();
        await page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
          .last()
          .getByTitle(`与${YEAR}年台账比对`, { exact: true })
          .click();
        await page.getByRole('button', { name: /开始核查/ }).click();

        const mismatches = page.getByTestId('check-mismatches');
        const row = mismatches.locator('tr').filter({ hasText: '99.9' });
        await row.first().waitFor();
        assert.match((await row.first().textContent()) ?? '', /545÷546/);

        // The five parts: 其他需要报告的情况 is missing in the seed.
        const sections = page.getByTestId('check-sections');
        await sections.getByText('未找到').first().waitFor();

        // In the text, the rate claim is marked red.
        const bad = page.locator('mark[data-status="bad"]').filter({ hasText: '99.9%' });
        await bad.first().waitFor();
        assert.ok((await page.locator('mark[data-status="unchecked"]').count()) > 0, 'grey marks');
        // Compared with the township's ledger for that year.
        await page.getByTestId('check-ledger').getByText('台账为').first().waitFor();
        await page.screenshot({ path: outputPath('report-check.png'), fullPage: true });
      });
      assert.deepEqual(session.pageErrors, []);
    } finally {
      await session.context.close();
    }
  });
});
