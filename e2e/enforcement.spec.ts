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
const REVIEWER = 'zhen01.guwen'; // 法律顾问: the 法制审核 reviewer, not a handler of the case
const PARTY = '张三丰';
const MASKED = '张**'; // maskName (src/kernel/validate.ts): first character, then one * per character

/** A 1×1 PNG: the 现场照片 attached as evidence. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A 身份证号 with a valid check digit (GB 11643). */
function idCard(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, ch, i) => s + Number(ch) * w[i]!, 0);
  return body17 + '10X98765432'[sum % 11];
}

/** A button's accessible name; antd spaces two-character labels ("确 定"). */
function buttonName(label: string): RegExp {
  const chars = [...label].map((ch) => escapeRegExp(ch));
  return new RegExp(`(^|\\s)${chars.join('\\s*')}$`);
}

const openDropdown = (page: Page) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();

/** Picks options of a multiple Select (by title) and closes its dropdown. */
async function pickMany(page: Page, scope: Page | Locator, label: string, values: string[]): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  for (const v of values) await openDropdown(page).getByTitle(v, { exact: true }).click();
  await page.keyboard.press('Escape');
}

async function statusTag(page: Page): Promise<string> {
  return ((await page.getByTestId('enforcement-status').textContent()) ?? '').trim();
}

/** Runs a step through its modal: `fill` fills the fields; the modal must close (the server accepted). */
async function runStep(page: Page, label: string, fill: (dialog: Locator) => Promise<void> = async () => {}) {
  const actions = page.getByTestId('enforcement-actions');
  await actions.getByRole('button', { name: buttonName(label) }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: label });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: buttonName('确定') }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('行政执法', { timeout: 300_000 }, () => {
  let browser: Browser;
  const stamp = Date.now().toString().slice(-6);
  const summary = `占道经营，经劝导拒不改正（e2e ${stamp}）`;
  const idNo = idCard('11010119900307123');
  let casePath = '';
  let caseNo = '';

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('普通程序: 立案, evidence, 调查终结, 事先告知, 重大 → 法制审核 required → decided and 公示; the portal masks the party', async () => {
    const clerk = await newSession(browser);
    const { page } = clerk;
    let reviewer: Session | null = null;
    let visitor: Session | null = null;
    try {
      await withFailureScreenshot(clerk, 'enforcement-clerk-open', async () => {
        await loginViaForm(page, CLERK);
        const nav = page.getByRole('navigation', { name: '主导航' });
        await nav.getByRole('menuitem', { name: '执法案件' }).click();
        await page.waitForURL((url) => url.pathname === '/enforcement');
        await page.getByRole('heading', { name: '执法案件' }).waitFor();

        await page.getByRole('button', { name: '新建案件' }).click();
        await page.waitForURL((url) => url.pathname === '/enforcement/new');
        const form = page.getByRole('form', { name: '新建执法案件' });
        await form.waitFor();

        // The clerk's township is the default 办案单位; 普通程序 and today are the defaults.
        const orgBox = form.locator('.ant-select-content, .ant-select-selection-item').first();
        await waitForValue(
          async () => ((await orgBox.textContent()) ?? '').trim(),
          (t) => t.length > 0,
          'default 办案单位',
        );

        // A 行政处罚 item applicable to the township today.
        await form.getByLabel('执法事项', { exact: true }).click();
        const items = openDropdown(page)
          .locator('.ant-select-item-option')
          .filter({ hasText: '（行政处罚）' });
        await items.first().waitFor();
        await items.first().click();

        await form.getByLabel('姓名', { exact: true }).fill(PARTY);
        await form.getByLabel('身份证号', { exact: true }).fill(idNo);
        await form.getByLabel('联系电话', { exact: true }).fill('13812345678');
        await form.getByLabel('住址', { exact: true }).fill('某镇某村3组');
        await form.getByLabel('案由', { exact: true }).fill(summary);

        // Two certified officers, from the list of those whose certificate is valid today.
        await form.getByText(/可选 \d+ 人：只列出/).waitFor();
        await form.getByLabel('执法人员', { exact: true }).click();
        const officers = openDropdown(page).locator('.ant-select-item-option');
        await officers.nth(1).waitFor();
        await officers.nth(0).click();
        await officers.nth(1).click();
        await page.keyboard.press('Escape');

        await form.getByRole('button', { name: '提交立案' }).click();
        await page.waitForURL((url) => /^\/enforcement\/\d+$/.test(url.pathname));
        casePath = new URL(page.url()).pathname;
        caseNo = ((await page.getByTestId('enforcement-case-no').textContent()) ?? '').trim();
        assert.ok(caseNo.length > 0, 'case number shown');
        assert.equal(await statusTag(page), '调查取证');
        await page
          .getByRole('cell', { name: /（.+）$/ })
          .first()
          .waitFor({ state: 'attached' })
          .catch(() => {});
        // The clerk (enforcement.personal) sees the party in full.
        await page.getByText(idNo).waitFor();
      });

      await withFailureScreenshot(clerk, 'enforcement-clerk-evidence', async () => {
        const card = page.getByTestId('enforcement-evidence');
        await card.getByRole('button', { name: '上传证据' }).click();
        const dialog = page.getByRole('dialog').filter({ hasText: '上传证据' });
        await dialog.waitFor();
        await dialog.locator('input[type=file]').setInputFiles({
          name: '现场照片.png',
          mimeType: 'image/png',
          buffer: PNG,
        });
        await dialog.getByLabel('名称', { exact: true }).fill('现场检查照片');
        await dialog.getByLabel('地点', { exact: true }).fill('镇农贸市场东门');
        await dialog.getByRole('button', { name: buttonName('上传') }).click();
        await dialog.waitFor({ state: 'hidden' });
        await card.getByRole('link', { name: '现场检查照片' }).waitFor();
        await card.getByText('调查取证', { exact: true }).waitFor();
        // Stored by SHA-256: the hash is shown.
        await card
          .locator('code')
          .filter({ hasText: /^[0-9a-f]{10}…$/ })
          .first()
          .waitFor();
      });

      await withFailureScreenshot(clerk, 'enforcement-clerk-steps', async () => {
        await runStep(page, '调查终结', async (d) => {
          await d
            .getByLabel('调查认定的事实')
            .fill(`当事人${PARTY}在镇农贸市场东门占道经营，经两次劝导拒不改正。`);
          await d.getByLabel('拟处理意见', { exact: true }).fill('拟给予罚款人民币五百元的行政处罚。');
          await pickMany(page, d, '拟处罚种类', ['罚款']);
          await d.getByLabel('拟罚款金额', { exact: true }).fill('500');
        });
        await waitForValue(
          () => statusTag(page),
          (s) => s === '审查',
          'status 审查',
        );

        await runStep(page, '事先告知', async (d) => {
          await d
            .getByLabel('告知内容', { exact: true })
            .fill('拟给予罚款500元，当事人享有陈述、申辩的权利。');
        });
        await waitForValue(
          () => statusTag(page),
          (s) => s === '已告知',
          'status 已告知',
        );

        await runStep(page, '认定重大执法决定', async (d) => {
          await pickMany(page, d, '认定理由', ['案件情况疑难复杂,涉及多个法律关系']);
        });
        await page.getByTestId('enforcement-major').getByText('重大').waitFor();
        const missing = page.getByTestId('enforcement-missing');
        await missing.getByText('作出决定前尚缺').waitFor();
        await missing.getByText(/法制审核/).waitFor();

        // 作出决定 now is refused, naming 法制审核.
        const actions = page.getByTestId('enforcement-actions');
        await actions.getByRole('button', { name: buttonName('作出决定') }).click();
        const decide = page.getByRole('dialog').filter({ hasText: '作出决定' });
        await decide.waitFor();
        await pickMany(page, decide, '处罚种类', ['罚款']);
        await decide.getByLabel('罚款金额', { exact: true }).fill('500');
        await decide.getByRole('button', { name: buttonName('确定') }).click();
        await decide.getByRole('alert').filter({ hasText: '法制审核' }).waitFor();
        await decide.getByRole('button', { name: buttonName('取消') }).click();
        await decide.waitFor({ state: 'hidden' });
        assert.equal(await statusTag(page), '已告知');

        await runStep(page, '提交法制审核');
        // The clerk may not record the opinion.
        assert.equal(await actions.getByRole('button', { name: buttonName('法制审核意见') }).count(), 0);
      });

      reviewer = await newSession(browser);
      const rp = reviewer.page;
      await withFailureScreenshot(reviewer, 'enforcement-reviewer', async () => {
        await loginViaForm(rp, REVIEWER);
        await rp.goto(casePath);
        await rp.getByTestId('enforcement-case-no').waitFor();
        await runStep(rp, '法制审核意见', async (d) => {
          await d.getByRole('radio', { name: '同意', exact: true }).check();
          await d
            .getByLabel('审核意见', { exact: true })
            .fill('事实清楚，证据确凿，程序合法，适用依据正确，处罚适当，同意。');
        });
        await rp
          .getByText(/同意 · /)
          .first()
          .waitFor();
      });

      await withFailureScreenshot(clerk, 'enforcement-clerk-decide', async () => {
        await page.reload();
        await page.getByTestId('enforcement-case-no').waitFor();
        await page.getByTestId('enforcement-missing').waitFor({ state: 'detached' });
        await runStep(page, '作出决定', async (d) => {
          await pickMany(page, d, '处罚种类', ['罚款']);
          await d.getByLabel('罚款金额', { exact: true }).fill('500');
        });
        await waitForValue(
          () => statusTag(page),
          (s) => s === '已决定',
          'status 已决定',
        );
        await page.getByTestId('enforcement-decision').getByText('500 元').waitFor();

        await runStep(page, '公示');
        await page.getByTestId('enforcement-publication').getByText('公示中').waitFor();
        await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
        await page.screenshot({ path: outputPath('enforcement-case-detail.png'), fullPage: true });
      });

      // The public portal: no login; the natural person's name masked, no id number.
      visitor = await newSession(browser);
      const vp = visitor.page;
      await withFailureScreenshot(visitor, 'enforcement-portal', async () => {
        await vp.goto('/portal');
        await vp
          .getByRole('navigation', { name: '公开平台导航' })
          .getByRole('link', { name: '执法公示' })
          .click();
        await vp.getByRole('heading', { name: '行政执法决定公示' }).waitFor();
        const list = vp.getByTestId('portal-publications');
        const entry = list.getByRole('link').filter({ hasText: MASKED }).first();
        await entry.waitFor();
        const listText = (await list.textContent()) ?? '';
        assert.ok(!listText.includes(PARTY), 'the full name is not on the portal list');
        assert.ok(!listText.includes(idNo), 'no id number on the portal list');
        await vp.screenshot({ path: outputPath('enforcement-portal-list.png'), fullPage: true });

        await entry.click();
        const body = vp.getByTestId('portal-publication-summary');
        await body.waitFor();
        await body.getByText(MASKED, { exact: true }).waitFor();
        const text = (await body.textContent()) ?? '';
        assert.ok(!text.includes(PARTY), `the full name is masked: ${text}`);
        assert.ok(!text.includes(idNo) && !text.includes(idNo.slice(6, 14)), 'no id number');
        assert.ok(!text.includes('13812345678'), 'no phone number');
        assert.ok(text.includes('500'), 'the fine is public');
        await vp.screenshot({ path: outputPath('enforcement-portal.png'), fullPage: true });
        assert.deepEqual(visitor?.pageErrors, []);
      });
      assert.deepEqual(clerk.pageErrors, []);
    } finally {
      await clerk.context.close();
      await reviewer?.context.close();
      await visitor?.context.close();
    }
  });
});
