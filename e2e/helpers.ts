import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
export const OUTPUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'output');
export const DEMO_PASSWORD = 'Fazhi@2024';
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

fs.mkdirSync(OUTPUT_DIR, { recursive: true });

export function outputPath(name: string): string {
  return path.join(OUTPUT_DIR, name);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions thrown in the page (should stay empty). */
  pageErrors: string[];
  /** console.error lines, for diagnosing failures. */
  consoleErrors: string[];
}

export async function newSession(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1366, height: 850 },
): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', baseURL: BASE_URL });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  return { context, page, pageErrors, consoleErrors };
}

/**
 * Runs `fn`; on failure saves `e2e/output/failure-<name>.png` (full page) and prints the page's
 * console errors, then rethrows.
 */
export async function withFailureScreenshot<T>(
  session: Session,
  name: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const file = outputPath(`failure-${name.replace(/[^\w.-]+/g, '_')}.png`);
    try {
      await session.page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
      console.error(
        `[e2e] failure screenshot: ${path.relative(process.cwd(), file)} (url ${session.page.url()})`,
      );
    } catch (shotErr) {
      console.error(`[e2e] could not save failure screenshot: ${String(shotErr)}`);
    }
    if (session.consoleErrors.length > 0)
      console.error(`[e2e] console errors:\n${session.consoleErrors.join('\n')}`);
    if (session.pageErrors.length > 0) console.error(`[e2e] page errors:\n${session.pageErrors.join('\n')}`);
    throw err;
  }
}

/** Polls `read` until `accept` holds for its value (or throws after `timeout` ms with the last value). */
export async function waitForValue<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (err) {
      lastError = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `timed out waiting for ${what}; last value: ${JSON.stringify(last)}${lastError ? `; last error: ${String(lastError)}` : ''}`,
  );
}

/** Parses a figure as shown by antd Statistic ("1,234" → 1234); NaN if it is not a number. */
export function parseFigure(text: string): number {
  const cleaned = text.replace(/[,\s，]/g, '');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** The number shown by the home page's statistic card with this test id. */
export async function readStat(page: Page, testId: string): Promise<number> {
  const value = page.getByTestId(testId).locator('.ant-statistic-content-value');
  await value.waitFor({ state: 'visible' });
  return parseFigure((await value.textContent()) ?? '');
}

/** Logs in through the login page (labelled fields; Enter submits) and waits for the home page. */
export async function loginViaForm(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (!new URL(page.url(), BASE_URL).pathname.startsWith('/login')) await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  const passwordField = page.getByLabel('密码', { exact: true });
  await passwordField.fill(password);
  await passwordField.press('Enter');
  await page.waitForURL((url) => url.pathname === '/', { timeout: 20_000 });
}

export interface OrgNodeJson {
  code: string;
  name: string;
  level: string;
  children: OrgNodeJson[];
}

/** First node of `level` in depth-first (display) order. */
export function firstOfLevel(nodes: OrgNodeJson[], level: string): OrgNodeJson | undefined {
  for (const node of nodes) {
    if (node.level === level) return node;
    const found = firstOfLevel(node.children ?? [], level);
    if (found) return found;
  }
  return undefined;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Horizontal overflow of the document in px (0 when nothing sticks out sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Waits until the home page's org chart has drawn (it is loaded lazily). */
export async function waitForChart(page: Page): Promise<void> {
  await page
    .getByRole('img', { name: /^下辖机构数量/ })
    .locator('canvas')
    .waitFor();
  await page.waitForTimeout(200);
}

/** The open antd Select dropdown. */
export const openDropdown = (page: Page) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();

/**
 * Opens the antd Select labelled `label` and picks the option with this title; retried when a click
 * lands while the dropdown is still moving in (seen on a loaded machine).
 */
export async function pickOption(
  page: Page,
  scope: Page | Locator,
  label: string,
  option: string,
): Promise<void> {
  const select = scope.getByLabel(label, { exact: true });
  const box = select.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await openDropdown(page).getByTitle(option, { exact: true }).click();
    try {
      await waitForValue(
        async () => (await box.textContent()) ?? '',
        (t) => t.includes(option),
        `${label} = ${option}`,
        3000,
      );
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/**
 * Picks `ymd` in the antd DatePicker labelled `label`, paging back month by month; retried when a
 * click lands while the popup is still moving in.
 */
export async function pickDate(page: Page, scope: Page | Locator, label: string, ymd: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  const picker = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').last();
  for (let attempt = 1; ; attempt++) {
    if (!(await picker.isVisible())) await input.click();
    await picker.waitFor();
    await page.waitForTimeout(250); // the popup's slide-in
    const cell = picker.locator(`.ant-picker-cell-in-view[title="${ymd}"]`);
    for (let i = 0; i < 24 && (await cell.count()) === 0; i++) {
      await picker.locator('.ant-picker-header-prev-btn').click();
    }
    await cell.click();
    try {
      await waitForValue(
        () => input.inputValue(),
        (v) => v === ymd,
        `${label} = ${ymd}`,
        3000,
      );
      await picker.waitFor({ state: 'hidden' });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}
