import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  escapeRegExp,
  launchBrowser,
  loginViaForm,
  newSession,
  outputPath,
  type Session,
  waitForValue,
  withFailureScreenshot,
} from './helpers.js';

const CLERK = 'zhen01.jingban'; // 经办人 at the first township

/** A button's accessible name; antd spaces two-character labels ("确 定"). */
function buttonName(label: string): RegExp {
  const chars = [...label].map((ch) => escapeRegExp(ch));
  return new RegExp(`(^|\\s)${chars.join('\\s*')}$`);
}

const openDropdown = (page: Page) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();

async function runStep(page: Page, label: string, fill: (dialog: Locator) => Promise<void> = async () => {}) {
  await page.getByRole('button', { name: buttonName(label) }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: label });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: buttonName('确定') }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const statusOf = async (page: Page) =>
  ((await page.locator('.page h2 + .ant-tag').first().textContent()) ?? '').trim();

interface Tables {
  requests: { rows: { key: string; values: number[] }[] };
}

describe('政务公开', { timeout: 300_000 }, () => {
  let browser: Browser;
  const stamp = Date.now().toString().slice(-6);
  const content = `申请公开本镇2025年耕地地力保护补贴发放名册（e2e ${stamp}）`;
  const year = new Date().getFullYear();

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a citizen applies on the portal; the clerk confirms, asks 补正, records it, answers 予以公开 on time; the tables count it', async () => {
    const visitor = await newSession(browser);
    let clerk: Session | null = null;
    let trackingCode = '';
    let requestNo = '';
    try {
      await withFailureScreenshot(visitor, 'disclosure-portal-apply', async () => {
        const { page } = visitor;
        await page.goto('/portal');
        await page
          .getByRole('navigation', { name: '公开平台导航' })
          .getByRole('link', { name: '政府信息公开' })
          .click();
        await page.getByRole('heading', { name: '政府信息公开' }).waitFor();
        await page.screenshot({ path: outputPath('disclosure-portal.png'), fullPage: true });
        await page.getByRole('button', { name: '申请政府信息公开' }).click();
        await page.waitForURL((u) => u.pathname === '/portal/open-government/apply');
        const organs = (await (await page.request.get('/portal/disclosure/organs')).json()) as {
          items: { name: string; level: string }[];
        };
        const town = organs.items.find((o) => o.level === 'township')!;
        const form = page.locator('form[id="disclosure-apply"], form').filter({ hasText: '向哪个机关申请' });
        await form.getByLabel('受理机关', { exact: true }).click();
        await openDropdown(page).getByTitle(`${town.name}人民政府`, { exact: true }).click();
        await form.getByLabel('姓名', { exact: true }).fill('赵子龙');
        await form.getByLabel('联系电话', { exact: true }).fill('13912345678');
        await form.getByLabel(/所需政府信息/).fill(content);
        await form.getByRole('button', { name: '提交申请' }).click();
        const code = page.getByTestId('tracking-code');
        await code.waitFor();
        trackingCode = ((await code.textContent()) ?? '').trim();
        assert.ok(trackingCode.length >= 6);
        await page.getByRole('link', { name: '查询办理进度' }).click();
        await page.getByTestId('track-status').getByText('待确认收到').waitFor();
        // No personal data on the portal.
        assert.ok(!(await page.content()).includes('赵子龙'));
        assert.ok(!(await page.content()).includes('13912345678'));
      });

      clerk = await newSession(browser);
      const page = clerk.page;
      const c = clerk;
      const tables = async () =>
        (await (await page.request.get(`/api/disclosure/annual-report?year=${year}`)).json()) as Tables;
      const cell = (t: Tables, key: string, i: number) =>
        t.requests.rows.find((r) => r.key === key)!.values[i]!;
      let before: Tables | null = null;

      await withFailureScreenshot(c, 'disclosure-clerk-steps', async () => {
        await loginViaForm(page, CLERK);
        before = await tables();
        const nav = page.getByRole('navigation', { name: '主导航' });
        await nav.getByRole('menuitem', { name: '依申请公开' }).click();
        await page.waitForURL((u) => u.pathname === '/disclosure/requests');
        await page.getByRole('heading', { name: '依申请公开' }).waitFor();
        const row = page.getByRole('row').filter({ hasText: content });
        await row.first().waitFor();
        requestNo = ((await row.first().getByRole('link').first().textContent()) ?? '').trim();
        await row.first().getByRole('link').first().click();
        await page.waitForURL((u) => /^\/disclosure\/requests\/\d+$/.test(u.pathname));
        await page.getByRole('heading', { name: requestNo }).waitFor();
        assert.equal(await statusOf(page), '待确认收到');

        await runStep(page, '确认收到申请');
        await waitForValue(
          () => statusOf(page),
          (s) => s === '办理中',
          'status 办理中',
        );
        const banner = page.getByTestId('due-banner');
        await banner.getByText(/答复期限：\d{4}-\d{2}-\d{2}/).waitFor();

        await runStep(page, '一次性告知补正', async (d) => {
          await d.getByLabel('需要补正的事项', { exact: true }).fill('请写明所需名册的村(社区)范围');
        });
        await waitForValue(
          () => statusOf(page),
          (s) => s === '待补正',
          'status 待补正',
        );
        await banner.getByText('待补正（暂停）').waitFor();

        await runStep(page, '收到补正');
        await waitForValue(
          () => statusOf(page),
          (s) => s === '办理中',
          'status 办理中 again',
        );

        await runStep(page, '作出答复', async (d) => {
          await d.getByLabel('答复类型', { exact: true }).click();
          await openDropdown(page).getByTitle('予以公开', { exact: true }).click();
          await d.getByLabel('答复内容', { exact: true }).fill('提供补贴发放名册（已去除身份证号）');
        });
        await waitForValue(
          () => statusOf(page),
          (s) => s === '已办结',
          'status 已办结',
        );
        await page.getByTestId('on-time').waitFor();
        // The clerk (disclosure.personal) sees the applicant.
        await page.getByText('赵子龙').first().waitFor();
        await page.screenshot({ path: outputPath('disclosure-request.png'), fullPage: true });
      });

      await withFailureScreenshot(c, 'disclosure-tables', async () => {
        await page
          .getByRole('navigation', { name: '主导航' })
          .getByRole('menuitem', { name: '公开年报统计表' })
          .click();
        await page.waitForURL((u) => u.pathname === '/disclosure/annual-report');
        await page.getByLabel('年度', { exact: true }).fill(String(year));
        await page.getByLabel('年度', { exact: true }).press('Enter');
        const disclosed = page.getByTestId('cell-type:予以公开-0');
        const expected = cell(before!, 'type:予以公开', 0) + 1;
        await waitForValue(
          async () => Number(((await disclosed.textContent()) ?? '').trim()),
          (n) => n === expected,
          `予以公开(自然人) = ${expected}`,
        );
        const after = await tables();
        // Counted as 本年新收 since it was submitted (before the clerk looked), and now under 予以公开.
        assert.ok(cell(after, 'new', 0) >= 1);
        assert.equal(cell(after, 'type:予以公开', 0), expected);
        await page.screenshot({ path: outputPath('disclosure-tables.png'), fullPage: true });
      });

      await withFailureScreenshot(visitor, 'disclosure-portal-track', async () => {
        await visitor.page.goto(`/portal/open-government/track?code=${trackingCode}`);
        await visitor.page.getByTestId('track-status').getByText('已办结').waitFor();
      });
      assert.deepEqual(visitor.pageErrors, []);
      assert.deepEqual(clerk.pageErrors, []);
    } finally {
      await visitor.context.close();
      await clerk?.context.close();
    }
  });
});
