import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  BASE_URL,
  escapeRegExp,
  horizontalOverflow,
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
const COUNTY_USER = 'xian.jiandu'; // 县级监督

/** A button's accessible name; antd spaces two-character labels ("受 理"). */
function buttonName(label: string): RegExp {
  const chars = [...label].map((ch) => escapeRegExp(ch));
  return new RegExp(`(^|\\s)${chars.join('\\s*')}$`);
}

/** Today as the server counts it (Asia/Shanghai), YYYY-MM-DD. */
function serverToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function addDays(ymd: string, n: number): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function statusTag(page: Page): Promise<string> {
  return (
    (await page.getByTestId('petition-no').locator('xpath=..').locator('.ant-tag').first().textContent()) ??
    ''
  ).trim();
}

async function waitForTable(page: Page): Promise<void> {
  await page.locator('.ant-table').first().waitFor();
  await page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached' });
}

describe('信访', { timeout: 300_000 }, () => {
  let browser: Browser;
  const stamp = Date.now().toString().slice(-6);
  const subject = `要求解决拖欠的工程款（e2e ${stamp}）`;
  const today = serverToday();
  const receivedOn = addDays(today, -80);
  const acceptedOn = addDays(today, -75);
  let petitionNo = '';
  let petitionPath = '';

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('township clerk registers a visit 80 days back and accepts it 75 days back: 办理 is 逾期', async () => {
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'petitions-clerk', async () => {
        await loginViaForm(page, CLERK);
        const nav = page.getByRole('navigation', { name: '主导航' });
        await nav.getByRole('menuitem', { name: '信访' }).click();
        await page.waitForURL((url) => url.pathname === '/petitions');
        await page.getByRole('heading', { name: '信访台账' }).waitFor();
        // The clerk may register, import and export.
        for (const label of ['导入台账', '下载模板', '导出 Excel']) {
          await page
            .getByRole('button', { name: label })
            .or(page.getByRole('link', { name: label }))
            .waitFor();
        }

        await page.getByRole('button', { name: '登记信访' }).click();
        await page.waitForURL((url) => url.pathname === '/petitions/new');
        const form = page.getByRole('form', { name: '登记信访' });
        await form.waitFor();

        // The clerk's township is the default place.
        const place = form.locator('.ant-select-content, .ant-select-selection-item').first();
        await waitForValue(
          async () => ((await place.textContent()) ?? '').trim(),
          (t) => t.length > 0,
          'default place',
        );

        // Client-side checks: required fields.
        await form.getByRole('button', { name: '提交登记' }).click();
        await form.getByText('请选择信访形式').waitFor();
        await form.getByText('请填写信访人姓名').waitFor();

        await pickDate(page, form, '来信来访日期', receivedOn);
        // 批次 only for visits.
        assert.equal(await form.getByLabel('批次', { exact: true }).count(), 0, 'no 批次 for other channels');
        await pickOption(page, form, '信访形式', '走访');
        await form.getByLabel('批次', { exact: true }).waitFor();
        await pickOption(page, form, '信访类别', '申诉求决');
        await form.getByLabel('信访事项').fill(subject);
        await form
          .getByLabel('诉求与事实理由')
          .fill('项目完工一年多，承包方仍拖欠六名村民务工工资，请求督促支付。');

        // A collective visit (走访, 5 or more people) must name 1–5 representatives (第二十条).
        const persons = form.getByLabel('人数', { exact: true });
        await persons.fill('6');
        await persons.blur();
        await form.getByTestId('collective-visit-hint').getByText('第二十条').waitFor();
        const first = form.getByRole('group', { name: '第1名信访人' });
        await first.getByLabel('姓名').fill('周德明');
        await first.getByLabel('联系电话').fill('13912345678');
        await form.getByRole('button', { name: '添加信访人' }).click();
        await form.getByRole('group', { name: '第2名信访人' }).getByLabel('姓名').fill('吴桂兰');
        await form.getByRole('button', { name: '提交登记' }).click();
        await form.getByText(/集体走访须推选代表/).waitFor();
        await first.getByRole('checkbox', { name: '推选的代表' }).check();
        await form.getByText(/集体走访须推选代表/).waitFor({ state: 'detached' });

        await form.getByRole('button', { name: '提交登记' }).click();
        await page.waitForURL((url) => /^\/petitions\/\d+$/.test(url.pathname));
        petitionPath = new URL(page.url()).pathname;
        petitionNo = ((await page.getByTestId('petition-no').textContent()) ?? '').trim();
        assert.match(petitionNo, /^XF\d{4}-\d{3}-\d{4}$/, `petition number ${petitionNo}`);
        assert.equal(await statusTag(page), '登记');
        await page.getByRole('cell', { name: '周德明' }).waitFor();

        // The 书面告知 limit (15 days from receipt) has already run out.
        const deadlines = page.getByTestId('petition-deadlines');
        const notify = deadlines.getByTestId('deadline-notify');
        await notify.getByText('进行中').waitFor();
        await notify.getByText(/^逾期 \d+ 天$/).waitFor();

        // 受理 75 days ago through the step modal's date.
        const actions = page.getByTestId('petition-actions');
        await actions.getByRole('button', { name: '不予受理并告知' }).waitFor();
        await actions.getByRole('button', { name: '受理并书面告知' }).click();
        const dialog = page.getByRole('dialog').filter({ hasText: '受理并书面告知' });
        await dialog.waitFor();
        await dialog.getByText('60日内办结').waitFor();
        await pickDate(page, dialog, '受理告知日期', acceptedOn);
        await dialog.getByRole('button', { name: buttonName('确定') }).click();
        await dialog.waitFor({ state: 'hidden' });
        await waitForValue(
          () => statusTag(page),
          (s) => s === '办理中',
          'status 办理中',
        );

        // 书面告知 done in time; 办理 (60 days from 受理) open and overdue, in red.
        await notify.getByText('已完成').waitFor();
        assert.equal(await notify.getByText(/^逾期/).count(), 0, '书面告知 no longer overdue');
        const handle = deadlines.getByTestId('deadline-handle');
        await handle.waitFor();
        const cells = (await handle.locator('td').allInnerTexts()).map((t) => t.trim());
        assert.equal(cells[0], '办理', `环节 ${cells[0]}`);
        assert.equal(cells[2], acceptedOn, `起算 ${cells[2]}`);
        const due = cells[3] ?? '';
        assert.match(due, /^\d{4}-\d{2}-\d{2}/);
        assert.ok(
          due.slice(0, 10) >= addDays(acceptedOn, 60) && due.slice(0, 10) <= addDays(acceptedOn, 70),
          `届满日 ${due} is 60 days (or the next workday) after 受理 ${acceptedOn}`,
        );
        assert.ok(due.slice(0, 10) < today, `届满日 ${due} has passed`);
        await handle.getByText('进行中').waitFor();
        const overdueTag = handle.getByTestId('deadline-overdue-handle');
        assert.match((await overdueTag.textContent()) ?? '', /^逾期 \d+ 天$/);
        const red = await handle
          .locator('.ant-typography-danger')
          .first()
          .evaluate((el) => getComputedStyle(el).color);
        assert.match(red, /rgb\(2[0-9]{2}, [0-9]{1,2}, [0-9]{1,2}\)/, `届满日 in red (${red})`);
        const tagColor = await overdueTag.evaluate((el) => getComputedStyle(el).color);
        assert.match(tagColor, /rgb\(2[0-9]{2}, [0-9]{1,2}, [0-9]{1,2}\)/, `逾期 tag in red (${tagColor})`);

        // The legal basis is the 环节's tooltip.
        await handle.getByRole('button', { name: /^办理（法律依据/ }).hover();
        await page.getByRole('tooltip').filter({ hasText: '第三十四条' }).waitFor();

        // Only the steps of an accepted case are offered; the timeline has both.
        await actions.getByRole('button', { name: '延期办理' }).waitFor();
        await actions.getByRole('button', { name: '出具处理意见书(办结)' }).waitFor();
        assert.equal(await actions.getByRole('button', { name: '受理并书面告知' }).count(), 0);
        const timeline = page.locator('.ant-timeline');
        for (const label of ['登记', '受理并书面告知']) {
          await timeline.getByText(label, { exact: true }).first().waitFor();
        }

        // 延期 once the limit has run out: the server's 409 shows in the modal as it comes.
        await actions.getByRole('button', { name: '延期办理' }).click();
        const extend = page.getByRole('dialog').filter({ hasText: '延期办理' });
        await extend.waitFor();
        await extend.getByLabel('延长天数').fill('10');
        await extend.getByLabel('延期理由').fill('涉及多个部门，需进一步核实工程款结算情况。');
        await extend.getByLabel('批准人').fill('王建华');
        await pickDate(page, extend, '告知信访人日期', addDays(today, -1));
        await extend.getByRole('button', { name: buttonName('确定') }).click();
        await extend.getByRole('alert').filter({ hasText: '不能再延期' }).waitFor();
        await extend.getByRole('button', { name: buttonName('取消') }).click();
        await extend.waitFor({ state: 'hidden' });
        assert.equal(await statusTag(page), '办理中');

        // A step the state does not allow is refused with the server's Chinese message.
        const id = petitionPath.split('/').pop();
        const csrf = await page.evaluate(async () => {
          const res = await fetch('/api/auth/me');
          return ((await res.json()) as { csrfToken: string }).csrfToken;
        });
        const refused = await page.request.post(`${BASE_URL}/api/petitions/cases/${id}/accept`, {
          data: {},
          headers: { 'x-csrf-token': csrf },
        });
        assert.equal(refused.status(), 409);
        const body = (await refused.json()) as { error: { code: string; message: string } };
        assert.match(body.error.message, /[\u4e00-\u9fff]/);

        await page.mouse.move(0, 0);
        await page.getByRole('tooltip').waitFor({ state: 'hidden' });
        await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
        await page.screenshot({ path: outputPath('petitions-detail.png'), fullPage: true });

        // The ledger: the new petition first (latest 来信来访日期), its next limit in red.
        await page.getByRole('link', { name: '返回台账' }).click();
        await page.waitForURL((url) => url.pathname === '/petitions');
        await page.getByTestId('figure-petitions.count').locator('.ant-statistic-content-value').waitFor();
        await waitForTable(page);
        const row = page.locator('.petition-table .ant-table-tbody tr').filter({ hasText: petitionNo });
        await row.waitFor();
        await row.locator('.ant-typography-danger').filter({ hasText: '逾期' }).waitFor();
        await row.getByText('走访（6人）').waitFor();

        // 仅逾期 keeps it; the keyword finds it by subject.
        await page.getByRole('checkbox', { name: '仅逾期' }).click();
        await page.waitForURL((url) => url.searchParams.get('overdue') === '1');
        await page.getByLabel('关键词').fill(`e2e ${stamp}`);
        await page.getByRole('button', { name: buttonName('搜索') }).click();
        await waitForValue(
          async () => (await page.getByTestId('petitions-total-count').textContent())?.trim(),
          (n) => n === '1',
          'one petition matching the keyword',
        );
        await page.getByRole('button', { name: '重置筛选' }).click();
        await page.waitForURL((url) => !url.searchParams.has('overdue'));
        await waitForTable(page);
        await row.waitFor();
        await page.screenshot({ path: outputPath('petitions-list.png'), fullPage: true });
        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });

  test('township clerk: the import wizard shows the rows a ledger was refused for', async () => {
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'petitions-import', async () => {
        await loginViaForm(page, CLERK);
        await page.goto('/petitions/import');
        await page.getByRole('heading', { name: '导入信访台账' }).waitFor();
        const template = await page.request.get(`${BASE_URL}/api/petitions/template.xlsx`);
        assert.equal(template.status(), 200);
        await page.locator('input[type=file]').setInputFiles({
          name: '信访台账.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: Buffer.from(await template.body()),
        });
        await page.getByRole('button', { name: '开始导入' }).click();
        const result = page.getByTestId('import-result');
        await result.getByText('未导入任何记录').waitFor();
        await result.getByText('文件中没有数据行').waitFor();
        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });

  test('county supervisor: 立即巡检 puts the overdue 办理 on the county’s 督办 list', async () => {
    assert.ok(petitionNo, 'the clerk test registered a petition');
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'petitions-supervision', async () => {
        await loginViaForm(page, COUNTY_USER);
        const nav = page.getByRole('navigation', { name: '主导航' });
        await nav.getByRole('menuitem', { name: '督办事项' }).click();
        await page.waitForURL((url) => url.pathname === '/supervision');
        await page.getByRole('heading', { name: '督办事项' }).waitFor();
        await waitForTable(page);

        await page.getByLabel('搜索督办事项').fill(petitionNo);
        await page.getByText('没有匹配的督办事项').waitFor();

        await page.getByRole('button', { name: '立即巡检' }).click();
        await page.locator('.ant-message-notice').filter({ hasText: '巡检完成' }).waitFor();
        const item = page
          .locator('.ant-table-tbody tr')
          .filter({ hasText: new RegExp(`信访件办理.*${escapeRegExp(petitionNo)}`) });
        await item.waitFor();
        await item.getByText(/逾期 \d+ 天/).waitFor();
        await item.getByText('督办中').waitFor();
        await page.mouse.move(0, 0);
        await page.getByRole('tooltip').waitFor({ state: 'hidden' });
        await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
        await page.screenshot({ path: outputPath('supervision.png'), fullPage: true });

        // The item links to the petition; a supervisor reads it but has no steps to run.
        await item.getByRole('link').click();
        await page.waitForURL((url) => url.pathname === petitionPath);
        await page.getByTestId('petition-no').getByText(petitionNo).waitFor();
        await page.getByTestId('petition-actions').getByText('不能办理').waitFor();
        assert.equal(await page.getByTestId('petition-actions').getByRole('button').count(), 0);
        // Personal data is masked for a supervisor.
        await page.getByRole('cell', { name: /^139\*{4}5678$/ }).waitFor();
        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });

  test('township clerk issues the 处理意见书: 办结 and 化解, the 办理 limit 超期完成', async () => {
    assert.ok(petitionPath, 'the clerk test registered a petition');
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'petitions-close', async () => {
        await loginViaForm(page, CLERK);
        await page.goto(petitionPath);
        await page.getByTestId('petition-no').waitFor();
        const actions = page.getByTestId('petition-actions');
        const label = '出具处理意见书(办结)';
        await actions.getByRole('button', { name: label }).click();
        const dialog = page.getByRole('dialog').filter({ hasText: label });
        await dialog.waitFor();
        // Required fields are checked before anything is sent.
        await dialog.getByRole('button', { name: buttonName('确定') }).click();
        await dialog.getByText('请选择处理意见').waitFor();
        await dialog.getByText('支持', { exact: true }).click();
        assert.ok(await dialog.getByRole('radio', { name: '支持', exact: true }).isChecked(), '支持 checked');
        await dialog.getByLabel('处理意见书内容').fill('经核实，督促承包方于十日内支付拖欠的务工工资。');
        await dialog.getByRole('checkbox', { name: /信访事项已化解/ }).check();
        await dialog.getByRole('button', { name: buttonName('确定') }).click();
        await dialog.waitFor({ state: 'hidden' });
        await waitForValue(
          () => statusTag(page),
          (s) => s === '已办结',
          'status 已办结',
        );
        await page.getByTestId('petition-no').locator('xpath=..').getByText('已化解').waitFor();
        await page.getByText('经核实，督促承包方于十日内支付拖欠的务工工资。').waitFor();

        // 办理 done after its due date: 已完成, 超期完成 in orange; no longer 逾期.
        const handle = page.getByTestId('deadline-handle');
        await handle.getByText('已完成').waitFor();
        const late = handle.getByText(/^超期完成/);
        await late.waitFor();
        const orange = await late.evaluate((el) => getComputedStyle(el).color);
        assert.match(orange, /rgb\(2[0-9]{2}, 1[0-9]{2}, [0-9]{1,2}\)/, `超期完成 in orange (${orange})`);
        assert.equal(await handle.getByText(/^逾期/).count(), 0);
        // 化解 and 复查 remain possible; 办结 does not.
        await actions.getByRole('button', { name: '登记复查请求' }).waitFor();
        assert.equal(await actions.getByRole('button', { name: label }).count(), 0);
        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });

  test('phone width: the clerk’s ledger, a petition and the form fit a 375 px screen', async () => {
    const session = await newSession(browser, { width: 375, height: 740 });
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'petitions-phone', async () => {
        await loginViaForm(page, CLERK);
        await page.goto('/petitions');
        await page.getByRole('heading', { name: '信访台账' }).waitFor();
        await page.getByTestId('figure-petitions.count').locator('.ant-statistic-content-value').waitFor();
        await waitForTable(page);
        if (petitionNo) await page.getByRole('link', { name: petitionNo }).waitFor();
        assert.ok((await horizontalOverflow(page)) <= 0, 'the ledger does not scroll sideways');
        await page.screenshot({ path: outputPath('petitions-phone.png'), fullPage: true });

        if (petitionNo) {
          await page.getByRole('link', { name: petitionNo }).click();
          await page.waitForURL((url) => /^\/petitions\/\d+$/.test(url.pathname));
          await page.getByTestId('deadline-handle').waitFor();
          assert.ok((await horizontalOverflow(page)) <= 0, 'the detail does not scroll sideways');
          await page.screenshot({ path: outputPath('petitions-phone-detail.png'), fullPage: true });
        }

        await page.goto('/petitions/new');
        await page.getByRole('form', { name: '登记信访' }).waitFor();
        assert.ok((await horizontalOverflow(page)) <= 0, 'the form does not scroll sideways');
        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });
});
