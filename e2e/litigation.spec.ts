import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  escapeRegExp,
  launchBrowser,
  loginViaForm,
  newSession,
  outputPath,
  pickDate,
  pickOption,
  waitForValue,
  withFailureScreenshot,
} from './helpers.js';

const CLERK = 'zhen01.jingban'; // 经办人 at the first township

/** Today in China, as the server counts it. */
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A button's accessible name; antd spaces two-character labels ("确 定"). */
function buttonName(label: string): RegExp {
  const chars = [...label].map((ch) => escapeRegExp(ch));
  return new RegExp(`(^|\\s)${chars.join('\\s*')}$`);
}

describe('行政应诉', { timeout: 300_000 }, () => {
  let browser: Browser;
  const stamp = Date.now().toString().slice(-6);
  const caseNo = `（${TODAY.slice(0, 4)}）川0626行初e2e${stamp}号`;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('clerk records a lawsuit, a hearing where the 镇长 appeared and a 驳回诉讼请求 judgment; the 出庭率 shows', async () => {
    const clerk = await newSession(browser);
    const { page } = clerk;
    await withFailureScreenshot(clerk, 'litigation-clerk', async () => {
      await loginViaForm(page, CLERK);
      const nav = page.getByRole('navigation', { name: '主导航' });
      await nav.getByRole('menuitem', { name: '行政应诉' }).click();
      await page.waitForURL((url) => url.pathname === '/litigation/lawsuits');
      await page.getByRole('heading', { name: '行政应诉案件台账' }).waitFor();
      // The demo ledger is there.
      await page
        .getByRole('table', { name: '行政应诉案件' })
        .locator('tbody tr.ant-table-row')
        .first()
        .waitFor();

      await page.getByRole('button', { name: '登记应诉案件' }).click();
      await page.waitForURL((url) => url.pathname === '/litigation/lawsuits/new');
      const form = page.getByRole('form', { name: '登记行政应诉案件' });
      await form.waitFor();
      await form.getByLabel('受诉法院', { exact: true }).fill('安和县人民法院');
      await form.getByLabel('案号', { exact: true }).fill(caseNo);
      await form.getByLabel('原告', { exact: true }).fill('王建国');
      await form.getByLabel('被诉行政行为', { exact: true }).fill('对原告违法占地建房作出的限期拆除决定');
      await pickOption(page, form, '行为类别', '行政强制');
      await pickDate(page, form, '收到起诉状副本日期', TODAY);
      await form.getByRole('button', { name: buttonName('保存') }).click();
      await page.waitForURL((url) => /^\/litigation\/lawsuits\/\d+$/.test(url.pathname));
      await page.getByRole('heading', { name: caseNo }).waitFor();

      // The 15-day 答辩 deadline is open.
      await page.getByText('答辩举证', { exact: true }).first().waitFor();

      // 开庭 today, then the 镇长's appearance.
      await page.getByTestId('step-hearing').click();
      const hearing = page.getByRole('form', { name: '登记开庭' });
      await hearing.waitFor();
      await pickDate(page, hearing, '开庭日期', TODAY);
      await hearing.getByText('法院已通知行政机关负责人出庭').click();
      await page
        .getByRole('dialog')
        .filter({ hasText: '登记开庭' })
        .getByRole('button', { name: buttonName('确定') })
        .click();
      await page.getByTestId(`appearance-${TODAY}`).click();
      const appear = page.getByRole('form', { name: '登记出庭情况' });
      await appear.waitFor();
      await appear.getByLabel('出庭负责人姓名', { exact: true }).fill('李志强');
      await appear.getByLabel('职务', { exact: true }).fill('镇长');
      const appearDialog = page.getByRole('dialog').filter({ hasText: '登记出庭情况' });
      await appearDialog.getByRole('button', { name: buttonName('确定') }).click();
      await appearDialog.waitFor({ state: 'hidden' });
      const hearings = page.getByRole('table', { name: '开庭记录' });
      await hearings.getByText('镇长 李志强（正职）出庭').waitFor();

      // 判决: 驳回诉讼请求.
      await page.getByTestId('step-judge').click();
      const judge = page.getByRole('dialog').filter({ hasText: '裁判结果' });
      await judge.waitFor();
      await judge.getByRole('combobox').first().click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .last()
        .getByTitle('驳回诉讼请求', { exact: true })
        .click();
      await judge.getByRole('button', { name: buttonName('确定') }).click();
      await judge.waitFor({ state: 'hidden' });
      await page.locator('.ant-tag').filter({ hasText: '驳回诉讼请求' }).first().waitFor();
      await page.screenshot({ path: outputPath('litigation-detail.png'), fullPage: true });

      // Back on the list: the case shows the appearance, and the 出庭率 card counts it.
      await page.getByRole('button', { name: '返回台账' }).click();
      await page.waitForURL((url) => url.pathname === '/litigation/lawsuits');
      const row = page.getByRole('table', { name: '行政应诉案件' }).locator('tr').filter({ hasText: caseNo });
      await row.getByText('镇长李志强出庭').waitFor();
      const card = page.getByTestId('figure-litigation.headAppearanceRate');
      const value = card.locator('.ant-statistic-content');
      const shown = await waitForValue(
        async () => ((await value.textContent()) ?? '').replace(/\s/g, ''),
        (t) => /%$/.test(t) && Number.parseFloat(t) > 0,
        '负责人出庭应诉率',
      );
      assert.match(shown, /^\d+(\.\d)?%$/);
      await page.screenshot({ path: outputPath('litigation-list.png'), fullPage: true });

      // The card drills down to the cases counted, ours among them.
      await card.click();
      await page.waitForURL((url) => url.searchParams.get('indicator') === 'litigation.headAppearanceRate');
      await page
        .getByRole('table', { name: '行政应诉案件' })
        .locator('tr')
        .filter({ hasText: caseNo })
        .waitFor();
      assert.deepEqual(clerk.pageErrors, []);
    });
    await clerk.context.close();
  });
});
