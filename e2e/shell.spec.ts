import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  BASE_URL,
  escapeRegExp,
  firstOfLevel,
  horizontalOverflow,
  launchBrowser,
  loginViaForm,
  newSession,
  type OrgNodeJson,
  outputPath,
  readStat,
  waitForChart,
  waitForValue,
  withFailureScreenshot,
} from './helpers.js';

const COUNTY_USER = 'xian.jiandu';

describe('app shell', { timeout: 180_000 }, () => {
  let browser: Browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('wrong password shows the server’s Chinese error', async () => {
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'wrong-password', async () => {
        await page.goto('/login');
        await page.getByLabel('用户名').fill('zhen02.admin');
        await page.getByLabel('密码', { exact: true }).fill('not-the-password');
        await page.getByRole('button', { name: /登\s*录/ }).click();
        const alert = page.getByRole('alert').filter({ hasText: /\S/ });
        await alert.first().waitFor();
        const text = (await alert.first().textContent()) ?? '';
        assert.match(
          text,
          /[\u4e00-\u9fff]/,
          `expected a Chinese error message, got ${JSON.stringify(text)}`,
        );
        assert.equal(new URL(page.url()).pathname, '/login');
      });
    } finally {
      await session.context.close();
    }
  });

  test('county supervisor: login, real figures, org switch, logout', async () => {
    const session = await newSession(browser);
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'desktop-flow', async () => {
        // Not logged in: the app sends us to the login page.
        await page.goto('/');
        await page.waitForURL((url) => url.pathname === '/login');
        await loginViaForm(page, COUNTY_USER);

        // Header and menu.
        await page.getByText('法治政府建设数字化平台').first().waitFor();
        const nav = page.getByRole('navigation', { name: '主导航' });
        for (const item of ['首页', '组织机构', '督办事项']) {
          await nav.getByRole('menuitem', { name: item }).waitFor();
        }

        // Real figures for the county.
        const countyName = ((await page.getByTestId('home-org-name').textContent()) ?? '').trim();
        assert.ok(countyName.length > 0, 'home header shows the org name');
        const townships = await readStat(page, 'stat-township');
        assert.ok(
          Number.isInteger(townships) && townships >= 15,
          `township count ${townships} should be ≥ 15`,
        );
        const countyVillages = await readStat(page, 'stat-village');
        assert.ok(Number.isInteger(countyVillages), `village count ${countyVillages} should be a number`);
        for (const id of [
          'stat-users',
          'stat-deadline-open',
          'stat-deadline-due-soon',
          'stat-deadline-overdue',
        ]) {
          const value = await readStat(page, id);
          assert.ok(Number.isInteger(value) && value >= 0, `${id} = ${value} should be a count`);
        }

        // Switch to the first township of the tree through the org switcher (searching by name).
        const treeRes = await page.request.get(`${BASE_URL}/api/orgs/tree`);
        assert.equal(treeRes.status(), 200, 'GET /api/orgs/tree');
        const tree = (await treeRes.json()) as { roots: OrgNodeJson[] };
        const township = firstOfLevel(tree.roots, 'township');
        assert.ok(township, 'the county supervisor’s tree contains a township');

        const switcher = page.getByRole('combobox', { name: '当前机构' });
        await switcher.click();
        await switcher.pressSequentially(township.name);
        const option = page
          .locator('.org-switcher-popup .ant-select-tree-treenode')
          .filter({ hasText: new RegExp(`^${escapeRegExp(township.name)}\\s*·`) })
          .first();
        await option.click();

        await waitForValue(
          async () => ((await page.getByTestId('home-org-name').textContent()) ?? '').trim(),
          (name) => name === township.name,
          `home header to show ${township.name}`,
        );
        const townshipVillages = await waitForValue(
          () => readStat(page, 'stat-village'),
          (n) => Number.isInteger(n) && n !== countyVillages,
          'village count to change after switching org',
        );
        assert.ok(
          townshipVillages < countyVillages,
          `township villages ${townshipVillages} < county villages ${countyVillages}`,
        );
        // The choice is remembered.
        const stored = await page.evaluate(() => localStorage.getItem('fazhi.currentOrg:xian.jiandu'));
        assert.equal(stored, township.code);

        await waitForChart(page);
        await page.screenshot({ path: outputPath('home.png'), fullPage: true });

        // The other built-in pages render for the chosen org.
        await nav.getByRole('menuitem', { name: '督办事项' }).click();
        await page.waitForURL((url) => url.pathname === '/supervision');
        await page.getByRole('heading', { name: '督办事项' }).waitFor();
        await page.locator('.ant-table').waitFor();
        await page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached' });
        await page.screenshot({ path: outputPath('supervision-township.png'), fullPage: true });

        await nav.getByRole('menuitem', { name: '组织机构' }).click();
        await page.waitForURL((url) => url.pathname === '/orgs');
        await page.getByText('机构详情').waitFor();
        await page.locator('.ant-descriptions').getByText(township.code).first().waitFor();
        await page.screenshot({ path: outputPath('orgs.png'), fullPage: true });

        // Logout through the user menu.
        await page.getByRole('button', { name: /^用户菜单/ }).click();
        await page.getByRole('menuitem', { name: '退出登录' }).click();
        await page.waitForURL((url) => url.pathname === '/login');
        await page.getByLabel('用户名').waitFor();

        // The session really ended: the app sends us back to the login page.
        await page.goto('/');
        await page.waitForURL((url) => url.pathname === '/login');

        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });

  test('phone width: login page and menu drawer', async () => {
    const session = await newSession(browser, { width: 375, height: 740 });
    const { page } = session;
    try {
      await withFailureScreenshot(session, 'phone', async () => {
        await page.goto('/login');
        await page.getByLabel('用户名').waitFor();
        assert.ok((await horizontalOverflow(page)) <= 0, 'login page does not scroll sideways');
        await page.screenshot({ path: outputPath('phone-login.png'), fullPage: true });

        await loginViaForm(page, COUNTY_USER);
        await readStat(page, 'stat-township');
        await waitForChart(page);
        // No fixed side menu on a phone: it lives in a drawer.
        assert.equal(await page.getByRole('navigation', { name: '主导航' }).count(), 0, 'side menu hidden');
        assert.ok((await horizontalOverflow(page)) <= 0, 'home page does not scroll sideways');
        await page.screenshot({ path: outputPath('phone-home.png'), fullPage: true });

        const menuButton = page.getByRole('button', { name: '打开菜单' });
        await menuButton.click();
        const nav = page.getByRole('navigation', { name: '主导航' });
        await nav.waitFor();
        await page.waitForTimeout(500); // let the drawer finish sliding in
        await page.screenshot({ path: outputPath('phone-drawer.png') });
        await nav.getByRole('menuitem', { name: '组织机构' }).click();
        await page.waitForURL((url) => url.pathname === '/orgs');
        await nav.waitFor({ state: 'hidden' });
        await page.getByRole('heading', { name: '组织机构' }).waitFor();

        // Keyboard: the drawer opens from the keyboard too.
        await menuButton.focus();
        await page.keyboard.press('Enter');
        await nav.waitFor();
        await page.keyboard.press('Escape');
        await nav.waitFor({ state: 'hidden' });

        assert.deepEqual(session.pageErrors, [], 'no uncaught errors in the page');
      });
    } finally {
      await session.context.close();
    }
  });
});
