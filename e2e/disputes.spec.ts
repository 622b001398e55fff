import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  BASE_URL,
  horizontalOverflow,
  launchBrowser,
  loginViaForm,
  newSession,
  outputPath,
  parseFigure,
  pickOption,
  waitForValue,
  withFailureScreenshot,
} from './helpers.js';

const MEDIATOR = 'cun0101.tiaojie';
const COUNTY_USER = 'xian.jiandu';

/**
 * A button's accessible name: antd puts a space between the two characters of a two-character label
 * ("受 理"), and a button that was loading may keep its fading "loading" icon in the name for a while.
 */
function buttonName(label: string): RegExp {
  const chars = [...label].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(^|\\s)${chars.join('\\s*')}$`);
}

/** A valid 18-digit 公民身份号码 (GB 11643 check character) for a birth date. */
function idCard(birth: string, seq: string): string {
  const first17 = `510626${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return first17 + '10X98765432'[sum % 11]!;
}

/** The wrong check character for the same 17 digits. */
function withWrongCheck(id: string): string {
  const last = id.at(-1) === '0' ? '1' : '0';
  return id.slice(0, 17) + last;
}

async function statusTag(page: Page): Promise<string> {
  return (
    (await page
      .getByTestId('dispute-case-no')
      .locator('xpath=..')
      .locator('.ant-tag')
      .first()
      .textContent()) ?? ''
  ).trim();
}

/** Runs a workflow step through its button and modal; `fill` fills the modal's own fields. */
async function runStep(
  page: Page,
  label: string,
  expectedStatus: string,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page
    .getByTestId('dispute-actions')
    .getByRole('button', { name: buttonName(label) })
    .click();
  const dialog = page.getByRole('dialog').filter({ hasText: label });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: buttonName('确定') }).click();
  await dialog.waitFor({ state: 'hidden' });
  await waitForValue(
    () => statusTag(page),
    (s) => s === expectedStatus,
    `status ${expectedStatus}`,
  );
}

async function waitForTable(page: Page): Promise<void> {
  await page.locator('.ant-table').first().waitFor();
  await page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached' });
}

describe('矛盾纠纷', { timeout: 300_000 }, () => {
  let browser: Browser;
  const stamp = Date.now().toString().slice(-6);
  const summary = `两户因排水沟堵塞导致雨水倒灌发生争执（e2e ${stamp}）`;
  let caseNo = '';

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('village mediator registers a dispute and closes it as 已化解', async () => {
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'disputes-mediator', async () => {
        await loginViaForm(page, MEDIATOR);
        const nav = page.getByRole('navigation', { name: '主导航' });
        await nav.getByRole('menuitem', { name: '矛盾纠纷' }).click();
        await page.waitForURL((url) => url.pathname === '/disputes');
        await page.getByRole('heading', { name: '矛盾纠纷台账' }).waitFor();
        await nav.getByRole('menuitem', { name: '纠纷预警' }).waitFor();

        await page.getByRole('button', { name: '登记纠纷' }).click();
        await page.waitForURL((url) => url.pathname === '/disputes/new');
        const form = page.getByRole('form', { name: '登记纠纷' });
        await form.waitFor();

        // The mediator's village is the default place; today is the default date.
        const place = form.locator('.ant-select-content, .ant-select-selection-item').first();
        await waitForValue(
          async () => ((await place.textContent()) ?? '').trim(),
          (t) => t.length > 0,
          'default place',
        );

        // Client-side checks: required fields.
        await form.getByRole('button', { name: '提交登记' }).click();
        await form.getByText('请选择来源').waitFor();
        await form.getByText('请填写当事人姓名').waitFor();

        await pickOption(page, form, '来源', '排查发现');
        await pickOption(page, form, '纠纷类型', '邻里');
        await form.getByLabel('纠纷简要情况').fill(summary);

        const first = form.getByRole('group', { name: '第1名当事人' });
        await first.getByLabel('姓名').fill('张建国');
        const validId = idCard('19700315', '123');
        const idField = first.getByLabel('身份证号');
        await idField.fill(withWrongCheck(validId));
        await idField.blur();
        await first.getByText('校验位不符').waitFor();
        await idField.fill(validId);
        await idField.blur();
        await first.getByText('校验位不符').waitFor({ state: 'detached' });
        const phone = first.getByLabel('联系电话');
        await phone.fill('1381234');
        await phone.blur();
        await first.getByText('请填写正确的手机号或带区号的固定电话').waitFor();
        await phone.fill('13812345678');
        await phone.blur();

        await form.getByRole('button', { name: '添加当事人' }).click();
        const second = form.getByRole('group', { name: '第2名当事人' });
        await second.getByLabel('姓名').fill('李明');

        await form.getByRole('button', { name: '提交登记' }).click();
        await page.waitForURL((url) => /^\/disputes\/\d+$/.test(url.pathname));
        caseNo = ((await page.getByTestId('dispute-case-no').textContent()) ?? '').trim();
        assert.match(caseNo, /^\d{4}-\d{3}-\d{4}$/, `case number ${caseNo}`);
        assert.equal(await statusTag(page), '登记');
        await page.getByText(summary).waitFor();
        await page.getByRole('cell', { name: '张建国' }).waitFor();

        // Only the allowed steps are offered.
        const actions = page.getByTestId('dispute-actions');
        await actions.getByRole('button', { name: buttonName('受理') }).waitFor();
        await actions.getByRole('button', { name: '不予受理' }).waitFor();
        assert.equal(await actions.getByRole('button', { name: '开始调解' }).count(), 0);

        await runStep(page, '受理', '已受理');
        await runStep(page, '开始调解', '调解中');
        await runStep(page, '调解成功(已化解)', '已化解', async (dialog) => {
          // 书面 is the default agreement form.
          assert.ok(await dialog.getByRole('radio', { name: '书面' }).isChecked(), '书面 checked');
          await dialog.getByLabel('协议内容').fill('被申请人三日内疏通排水沟，双方互不追究。');
        });

        // After 化解: the agreement is shown, and only 回访 / 司法确认 remain.
        await page.getByText('被申请人三日内疏通排水沟，双方互不追究。').waitFor();
        await actions.getByRole('button', { name: buttonName('回访') }).waitFor();
        await actions.getByRole('button', { name: '司法确认' }).waitFor();
        assert.equal(await actions.getByRole('button', { name: buttonName('受理') }).count(), 0);
        const timeline = page.locator('.ant-timeline');
        for (const label of ['登记', '受理', '开始调解', '调解成功(已化解)']) {
          await timeline.getByText(label, { exact: true }).first().waitFor();
        }

        // The server's 409 INVALID_TRANSITION message shows in the modal as it comes:
        // a 回访 dated before the 化解 date.
        await actions.getByRole('button', { name: buttonName('回访') }).click();
        const followUp = page.getByRole('dialog').filter({ hasText: '回访' });
        await followUp.waitFor();
        const yesterday = new Date(Date.now() - 86_400_000);
        const ymd = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
        await followUp.getByLabel('回访日期').click();
        const picker = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').last();
        await picker.waitFor();
        if ((await picker.locator(`.ant-picker-cell[title="${ymd}"]`).count()) === 0) {
          await picker.locator('.ant-picker-header-prev-btn').click();
        }
        await picker.locator(`.ant-picker-cell[title="${ymd}"]`).first().click();
        await followUp.getByLabel('回访情况').fill('双方已按协议履行。');
        await followUp.getByRole('button', { name: buttonName('确定') }).click();
        await followUp.getByRole('alert').filter({ hasText: '日期不能早于' }).waitFor();
        await followUp.getByRole('button', { name: buttonName('取消') }).click();
        await followUp.waitFor({ state: 'hidden' });
        assert.equal(await statusTag(page), '已化解');

        // A step the state does not allow is refused by the server with its Chinese message.
        const id = new URL(page.url()).pathname.split('/').pop();
        const csrf = await page.evaluate(async () => {
          const res = await fetch('/api/auth/me');
          return ((await res.json()) as { csrfToken: string }).csrfToken;
        });
        const refused = await page.request.post(`${BASE_URL}/api/disputes/cases/${id}/accept`, {
          data: {},
          headers: { 'x-csrf-token': csrf },
        });
        assert.equal(refused.status(), 409);
        const body = (await refused.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'INVALID_TRANSITION');
        assert.match(body.error.message, /[\u4e00-\u9fff]/);

        // Let the step toasts fade before the screenshot.
        await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
        await page.screenshot({ path: outputPath('disputes-detail.png'), fullPage: true });
        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });

  test('county supervisor: the 化解数 card drills down to exactly its rows', async () => {
    assert.ok(caseNo, 'the mediator test created a case');
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'disputes-drill', async () => {
        await loginViaForm(page, COUNTY_USER);
        await page.goto('/disputes');
        await page.getByRole('heading', { name: '矛盾纠纷台账' }).waitFor();
        const year = new Date().getFullYear();
        await page.getByRole('heading', { name: `${year}年工作指标` }).waitFor();

        const card = page.getByTestId('figure-disputes.resolved');
        const valueEl = card.locator('.ant-statistic-content-value');
        await valueEl.waitFor();
        const value = parseFigure((await valueEl.textContent()) ?? '');
        assert.ok(Number.isInteger(value) && value >= 1, `化解数 ${value} counts the mediator's case`);

        await card.click();
        await page.waitForURL((url) => url.searchParams.get('indicator') === 'disputes.resolved');
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('from'), `${year}-01-01`);
        assert.equal(url.searchParams.get('to'), `${year}-12-31`);
        const banner = page.getByTestId('indicator-banner');
        await banner.getByText(`指标明细：矛盾纠纷化解数（${year}-01-01 至 ${year}-12-31）`).waitFor();

        // The list total equals the card's value (polled: the previous list shows until the new one loads).
        const total = await waitForValue(
          async () => parseFigure((await page.getByTestId('disputes-total-count').textContent()) ?? ''),
          (n) => n === value,
          `the drill-down total to equal the card's value ${value}`,
        );
        await waitForTable(page);
        await page.getByRole('link', { name: caseNo }).waitFor();
        // Every row behind 化解数 is 已化解.
        const tags = await page.locator('.dispute-table .ant-table-tbody .ant-tag').allTextContents();
        assert.ok(tags.length > 0 && tags.every((t) => t.trim() === '已化解'), `statuses ${tags.join(',')}`);
        await page.screenshot({ path: outputPath('disputes-list.png'), fullPage: true });

        // Clearing the banner goes back to the whole ledger.
        await banner.getByRole('button', { name: /清除指标筛选/ }).click();
        await banner.waitFor({ state: 'detached' });
        assert.equal(new URL(page.url()).searchParams.get('indicator'), null);
        await waitForValue(
          async () => parseFigure((await page.getByTestId('disputes-total-count').textContent()) ?? ''),
          (n) => n > total,
          'the whole ledger to list more rows',
        );

        // Clicking a row opens the detail.
        await page.getByRole('link', { name: caseNo }).click();
        await page.waitForURL((u) => /^\/disputes\/\d+$/.test(u.pathname));
        await page.getByTestId('dispute-case-no').getByText(caseNo).waitFor();
        // A supervisor sees personal data masked.
        await page.getByRole('cell', { name: /^138\*{4}5678$/ }).waitFor();

        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });

  test('citizen: 申请调解 on the portal, then looks it up with code and phone', async () => {
    const session = await newSession(browser);
    const { page } = session;
    const phone = `139${stamp}88`.slice(0, 11);
    try {
      await withFailureScreenshot(session, 'portal', async () => {
        await page.goto('/portal');
        await page.getByRole('heading', { name: '法治政府建设公开平台' }).waitFor();
        assert.equal(new URL(page.url()).pathname, '/portal', 'no redirect to /login');
        await page.getByRole('link', { name: /申请调解 \/ 法律咨询/ }).click();
        await page.waitForURL((url) => url.pathname === '/portal/request');

        const placesRes = await page.request.get(`${BASE_URL}/portal/disputes/places`);
        assert.equal(placesRes.status(), 200);
        const { places } = (await placesRes.json()) as {
          places: { code: string; name: string; level: string; parentCode: string | null }[];
        };
        const township = places.find(
          (p) =>
            p.level === 'township' && places.some((v) => v.parentCode === p.code && v.level === 'village'),
        );
        assert.ok(township, 'a township with villages');
        const village = places.find((v) => v.parentCode === township.code && v.level === 'village')!;

        const form = page.getByRole('form', { name: '申请调解或法律咨询' });
        assert.ok(await form.getByRole('radio', { name: '申请调解' }).isChecked(), '申请调解 by default');
        await form.getByLabel('姓名').fill('王秀英');
        await form.getByLabel('手机号').fill(phone);
        await form.getByLabel('所在乡镇、村(社区)').click();
        const popup = page.locator('.portal-cascader-popup');
        await popup
          .getByRole('menuitemcheckbox', { name: township.name })
          .or(popup.getByTitle(township.name, { exact: true }))
          .first()
          .click();
        await popup
          .getByRole('menuitemcheckbox', { name: village.name })
          .or(popup.getByTitle(village.name, { exact: true }))
          .first()
          .click();
        await form.getByLabel('情况说明').fill('太短');
        await form.getByRole('button', { name: buttonName('提交') }).click();
        await form.getByText('请至少用10个字说明情况').waitFor();
        await form
          .getByLabel('情况说明')
          .fill('邻居修房占用了我家院坝的通道，协商多次没有结果，希望村里帮助调解。');
        await form.getByText('请至少用10个字说明情况').waitFor({ state: 'detached' });
        await page.screenshot({ path: outputPath('portal-request.png'), fullPage: true });
        await form.getByRole('button', { name: buttonName('提交') }).click();

        const codeEl = page.getByTestId('tracking-code');
        await codeEl.waitFor();
        const code = ((await codeEl.innerText()).match(/[A-Z0-9]{10}/) ?? [''])[0];
        assert.match(code, /^[A-Z0-9]{10}$/, `tracking code ${code}`);
        await page.getByText('调解申请已提交').waitFor();
        await page.screenshot({ path: outputPath('portal-request-done.png'), fullPage: true });

        await page.getByRole('button', { name: '查询办理进度' }).click();
        await page.waitForURL((url) => url.pathname === '/portal/track');
        const track = page.getByRole('form', { name: '查询办理进度' });
        assert.equal(await track.getByLabel('查询码').inputValue(), code, 'code carried over');

        // A wrong phone finds nothing, with the server's message.
        await track.getByLabel('手机号').fill('13700000000');
        await track.getByRole('button', { name: buttonName('查询') }).click();
        await page.getByRole('alert').filter({ hasText: '未找到该申请' }).waitFor();

        await track.getByLabel('手机号').fill(phone);
        await track.getByRole('button', { name: buttonName('查询') }).click();
        const result = page.getByTestId('track-result');
        await result.waitFor();
        await result.getByText('登记', { exact: true }).first().waitFor();
        await page.screenshot({ path: outputPath('portal-track.png'), fullPage: true });
        assert.equal(new URL(page.url()).pathname, '/portal/track', 'still on the portal (no login)');
        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });

  test('phone width: the mediator’s ledger and a case fit a 375 px screen', async () => {
    const session = await newSession(browser, { width: 375, height: 740 });
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'disputes-phone', async () => {
        await loginViaForm(page, MEDIATOR);
        await page.goto('/disputes');
        await page.getByRole('heading', { name: '矛盾纠纷台账' }).waitFor();
        await page.getByTestId('figure-disputes.resolved').locator('.ant-statistic-content-value').waitFor();
        await waitForTable(page);
        if (caseNo) await page.getByRole('link', { name: caseNo }).waitFor();
        assert.ok((await horizontalOverflow(page)) <= 0, 'the ledger does not scroll sideways');
        await page.screenshot({ path: outputPath('disputes-phone.png') });
        await page.screenshot({ path: outputPath('disputes-phone-full.png'), fullPage: true });

        if (caseNo) {
          await page.getByRole('link', { name: caseNo }).click();
          await page.waitForURL((url) => /^\/disputes\/\d+$/.test(url.pathname));
          await page.getByTestId('dispute-case-no').waitFor();
          assert.ok((await horizontalOverflow(page)) <= 0, 'the detail does not scroll sideways');
          await page.screenshot({ path: outputPath('disputes-phone-detail.png'), fullPage: true });
        }

        await page.goto('/disputes/new');
        await page.getByRole('form', { name: '登记纠纷' }).waitFor();
        assert.ok((await horizontalOverflow(page)) <= 0, 'the form does not scroll sideways');

        await page.goto('/portal/request');
        await page.getByRole('form', { name: '申请调解或法律咨询' }).waitFor();
        assert.ok((await horizontalOverflow(page)) <= 0, 'the portal form does not scroll sideways');
        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });
});
