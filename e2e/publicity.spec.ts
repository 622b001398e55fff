import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  loginViaForm,
  newSession,
  outputPath,
  waitForValue,
  withFailureScreenshot,
} from './helpers.js';

const CLERK = 'zhen01.jingban'; // 经办人 at the first township

/** A 1×1 PNG: the activity's photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const openDropdown = (page: Page) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();

async function pick(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).click();
  await openDropdown(page).getByTitle(value, { exact: true }).click();
}

/** An activities ledger as townships keep it: merged title row, free-text dates and counts. */
async function ledger(title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('普法台账');
  ws.mergeCells('A1:I1');
  ws.getCell('A1').value = '2025年普法宣传活动台账';
  ws.addRow([
    '序号',
    '活动时间',
    '活动名称',
    '宣传主题',
    '宣传形式',
    '六进类别',
    '地点',
    '受众人次',
    '发放资料(份)',
  ]);
  ws.addRow([1, '2025.3.5', title, '反诈、民法典', '赶集宣传', '进农村', '场镇赶集点', '约300人', '500余份']);
  ws.addRow([]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('普法宣传', { timeout: 300_000 }, () => {
  let browser: Browser;
  const stamp = Date.now().toString().slice(-6);
  const title = `民法典进校园法治讲座（e2e ${stamp}）`;
  const imported = `反诈宣传进万家（导入 ${stamp}）`;
  // Three days ago: an activity cannot be dated in the future.
  const heldOn = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('clerk records an activity in a school with a photo; it is in the list and on the portal', async () => {
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'publicity-record', async () => {
        await loginViaForm(page, CLERK);
        await page.goto('/publicity');
        await page.getByRole('heading', { name: '普法宣传活动' }).waitFor();
        await page.getByTestId('publicity-total').waitFor();
        await page.screenshot({ path: outputPath('publicity-list.png'), fullPage: true });

        await page.getByRole('button', { name: '登记活动' }).click();
        await page.getByRole('heading', { name: '登记普法活动' }).waitFor();
        const date = page.getByLabel('活动日期', { exact: true });
        await date.click();
        await date.fill(heldOn);
        await date.press('Enter');
        await page.getByLabel('活动名称').fill(title);
        const themes = page.getByLabel('宣传主题', { exact: true });
        await themes.click();
        await openDropdown(page).getByTitle('民法典', { exact: true }).click();
        await openDropdown(page).getByTitle('未成年人保护', { exact: true }).click();
        await page.keyboard.press('Escape');
        await pick(page, '宣传形式', '法治讲座');
        await pick(page, '法律六进', '进学校');
        await page.getByLabel('活动地点').fill('中心小学');
        await page.getByLabel('受众人次').fill('320');
        await page.getByLabel('发放资料').fill('300');
        await page
          .locator('input[type=file]')
          .setInputFiles({ name: '讲座现场.png', mimeType: 'image/png', buffer: PNG });
        await page.getByRole('button', { name: /保\s*存/ }).click();

        await page.waitForURL((url) => /^\/publicity\/\d+$/.test(url.pathname));
        await page.getByRole('heading', { name: title }).waitFor();
        await page.getByText('活动照片（1）').waitFor();
        await page.locator('img[alt="讲座现场.png"]').waitFor();
        await page.screenshot({ path: outputPath('publicity-detail.png'), fullPage: true });

        await page.goto(`/publicity?q=${encodeURIComponent(stamp)}&venueType=进学校`);
        await page.getByRole('link', { name: title }).waitFor();
        const total = await waitForValue(
          async () => (await page.getByTestId('publicity-total').textContent())?.trim(),
          (v) => v === '1',
          'the filtered list to show one activity',
        );
        assert.equal(total, '1');

        await page.goto('/portal/law-publicity');
        await page.getByRole('heading', { name: '普法宣传', level: 1 }).waitFor();
        await page.getByRole('table', { name: '近期普法活动' }).getByText(title).waitFor();
        await page.screenshot({ path: outputPath('publicity-portal.png'), fullPage: true });
        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });

  test('clerk imports an activities ledger (.xlsx)', async () => {
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'publicity-import', async () => {
        await loginViaForm(page, CLERK);
        await page.goto('/publicity/import');
        await page.getByRole('heading', { name: '导入普法宣传活动台账' }).waitFor();
        await page.locator('input[type=file]').setInputFiles({
          name: '普法台账.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: await ledger(imported),
        });
        await page.getByRole('button', { name: '开始导入' }).click();
        await page.getByTestId('import-result').getByText('成功导入 1 条记录').waitFor();

        await page.goto(`/publicity?q=${encodeURIComponent(`导入 ${stamp}`)}`);
        const row = page.locator('.ant-table-tbody tr').filter({ hasText: imported });
        await row.waitFor();
        await row.getByText('集中宣传').waitFor();
        await row.getByText('进乡村').waitFor();
        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });
});
