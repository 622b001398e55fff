import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  escapeRegExp,
  launchBrowser,
  loginViaForm,
  newSession,
  outputPath,
  pickOption,
  type Session,
  waitForValue,
  withFailureScreenshot,
} from './helpers.js';

const CLERK = 'zhen01.jingban'; // 经办人 at the first township
const ADVISER = 'zhen01.guwen'; // 法律顾问 of the township: records the 合法性审查 opinion

/** The server's today (Asia/Shanghai), shifted by `days`. */
function day(days = 0): string {
  const now = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

function buttonName(label: string): RegExp {
  const chars = [...label].map((ch) => escapeRegExp(ch));
  return new RegExp(`(^|\\s)${chars.join('\\s*')}$`);
}

async function setDate(scope: Locator, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function status(page: Page): Promise<string> {
  return ((await page.getByTestId('decisions-status').textContent()) ?? '').trim();
}

/** Opens a step's modal from the actions card, fills it, confirms; `expectError` keeps it open. */
async function runStep(page: Page, label: string, fill: (d: Locator) => Promise<void> = async () => {}) {
  await page
    .getByTestId('decisions-actions')
    .getByRole('button', { name: buttonName(label) })
    .click();
  const dialog = page.getByRole('dialog').filter({ hasText: label });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: buttonName('确定') }).click();
  return dialog;
}

async function fillCollective(d: Locator) {
  await d.getByRole('radio', { name: '常务会议', exact: true }).check();
  await d.getByLabel('出席人员', { exact: true }).fill('镇长、副镇长、党政办主任、经发办主任');
  await d
    .getByLabel('会议纪要', { exact: true })
    .fill('会议听取了方案起草说明、公众意见采纳情况、专家论证和风险评估情况及合法性审查意见。');
  await d.getByLabel('不同意见', { exact: true }).fill('一名班子成员建议延长过渡期。');
  await d.getByLabel('决定内容', { exact: true }).fill('同意实施农贸市场改造提升方案。');
}

describe('重大行政决策', { timeout: 300_000 }, () => {
  let browser: Browser;
  const stamp = Date.now().toString().slice(-6);
  const title = `农贸市场改造提升方案(e2e ${stamp})`;
  const commentText = `建议临时摊位设在文化广场东侧,方便老人购买(${stamp})`;
  let decisionPath = '';

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('comment on the portal, answer, legality review by the adviser, collective decision, publication with the adoption status', async () => {
    const clerk = await newSession(browser);
    const { page } = clerk;
    let citizen: Session | null = null;
    let adviser: Session | null = null;
    let visitor: Session | null = null;
    try {
      await withFailureScreenshot(clerk, 'decisions-new', async () => {
        await loginViaForm(page, CLERK);
        await page.goto('/decisions');
        await page.getByRole('heading', { name: '重大行政决策' }).waitFor();
        await page.getByRole('button', { name: '新建决策事项' }).click();
        await page.waitForURL((url) => url.pathname === '/decisions/new');
        const form = page.getByRole('form', { name: '新建决策事项' });
        await form.waitFor();
        await pickOption(page, form, '事项类别', '重大公共建设项目');
        await form.getByLabel('未列入目录的理由', { exact: true }).fill('年中新增的民生项目');
        await form.getByLabel('事项名称', { exact: true }).fill(title);
        await form.getByLabel('承办单位', { exact: true }).fill('镇经济发展办公室');
        await setDate(form, '启动日期', day(-40));
        await form
          .getByLabel('决策草案及起草说明', { exact: true })
          .fill(
            '第一条 改造范围为镇农贸市场及周边道路。\n\n第二条 改造期间设置临时疏导摊位。\n\n第三条 改造资金由镇财政统筹。',
          );
        await form.getByRole('button', { name: '登记决策事项' }).click();
        await page.waitForURL((url) => /^\/decisions\/\d+$/.test(url.pathname));
        decisionPath = new URL(page.url()).pathname;
        assert.equal(await status(page), '决策程序中');
        const missing = page.getByTestId('decisions-missing');
        await missing.getByText(/风险评估/).waitFor();
      });

      await withFailureScreenshot(clerk, 'decisions-refused', async () => {
        // The collective decision is refused, naming 风险评估 among what is missing.
        const dialog = await runStep(page, '集体讨论决定', fillCollective);
        await dialog
          .getByRole('alert')
          .filter({ hasText: /尚缺:.*风险评估/ })
          .waitFor();
        await page.screenshot({ path: outputPath('decisions-refused.png'), fullPage: false });
        await dialog.getByRole('button', { name: buttonName('取消') }).click();
        await dialog.waitFor({ state: 'hidden' });
        assert.equal(await status(page), '决策程序中');
      });

      let portalConsultation = '';
      await withFailureScreenshot(clerk, 'decisions-consult', async () => {
        // A consultation that ran 30 days up to today (published on the government site 30 days ago).
        const d = await runStep(page, '公开征求意见', async (dlg) => {
          await setDate(dlg, '开始日期', day(-30));
          await setDate(dlg, '截止日期', day(0));
        });
        await d.waitFor({ state: 'hidden' });
        const panel = page.getByTestId('consultation-panel');
        const link = panel.getByRole('link', { name: /在公开平台查看/ });
        await link.waitFor();
        portalConsultation = new URL((await link.getAttribute('href')) ?? '', 'http://x').pathname;
      });

      citizen = await newSession(browser);
      const cp = citizen.page;
      await withFailureScreenshot(citizen, 'decisions-citizen', async () => {
        await cp.goto(portalConsultation);
        const form = cp.getByRole('form', { name: '提出意见' });
        await form.waitFor();
        await form.getByLabel('意见内容').fill(commentText);
        await form.getByLabel(/^姓名/).fill('李群众');
        await form.getByRole('button', { name: buttonName('提交意见') }).click();
        await cp.getByText('感谢您的意见').waitFor();
      });

      await withFailureScreenshot(clerk, 'decisions-procedures', async () => {
        await page.reload();
        await page.getByTestId('decisions-no').waitFor();
        // 提前结束: the period (30 days) closes yesterday; the reason is recorded.
        let d = await runStep(page, '提前结束征求意见', async (dlg) => {
          await dlg
            .getByLabel('提前结束的理由', { exact: true })
            .fill('已在政府网站征求意见满30日,平台同步记录截止');
        });
        await d.waitFor({ state: 'hidden' });
        const panel = page.getByTestId('consultation-panel');
        await panel
          .getByRole('button', { name: /答复第\d+号意见/ })
          .first()
          .click();
        const answer = page.getByRole('dialog').filter({ hasText: '答复公众意见' });
        await answer.waitFor();
        await answer.getByRole('radio', { name: '部分采纳', exact: true }).check();
        await answer.getByLabel('理由').fill('文化广场承担集会功能,临时摊位改设于广场东侧停车场。');
        await answer.getByRole('button', { name: buttonName('保存') }).click();
        await answer.waitFor({ state: 'hidden' });
        await panel.getByText('部分采纳').first().waitFor();

        d = await runStep(page, '专家论证', async (dlg) => {
          await dlg.getByLabel('论证机构', { exact: true }).fill('市规划设计研究院');
          await dlg.getByLabel('专家姓名').first().fill('王工');
          await dlg.getByLabel('专家职称').first().fill('高级工程师');
          await dlg.getByLabel('论证意见', { exact: true }).fill('方案可行,建议增加消防通道。');
          await dlg.getByRole('checkbox', { name: /无直接利害关系/ }).check();
        });
        await d.waitFor({ state: 'hidden' });
        d = await runStep(page, '风险评估', async (dlg) => {
          await dlg.getByLabel('评估单位', { exact: true }).fill('县社会稳定风险评估中心');
          await dlg
            .getByLabel('风险评估报告', { exact: true })
            .fill('风险点:摊贩临时安置;防范措施:设置过渡摊位;处置预案:专人值守。');
          await dlg.getByRole('radio', { name: '低', exact: true }).check();
        });
        await d.waitFor({ state: 'hidden' });
        d = await runStep(page, '送请合法性审查');
        await d.waitFor({ state: 'hidden' });
        // The clerk may not record the opinion.
        assert.equal(
          await page
            .getByTestId('decisions-actions')
            .getByRole('button', { name: buttonName('合法性审查意见') })
            .count(),
          0,
        );
        await page
          .getByTestId('decisions-missing')
          .getByText(/合法性审查/)
          .waitFor();
      });

      adviser = await newSession(browser);
      const ap = adviser.page;
      await withFailureScreenshot(adviser, 'decisions-adviser', async () => {
        await loginViaForm(ap, ADVISER);
        await ap.goto(decisionPath);
        await ap.getByTestId('decisions-no').waitFor();
        const d = await runStep(ap, '合法性审查意见', async (dlg) => {
          await dlg.getByRole('radio', { name: '合法', exact: true }).check();
          await dlg
            .getByLabel('审查意见', { exact: true })
            .fill('决策主体适格,程序合法,内容不违反上位法规定。');
        });
        await d.waitFor({ state: 'hidden' });
        await ap.getByTestId('decisions-missing').waitFor({ state: 'detached' });
      });

      await withFailureScreenshot(clerk, 'decisions-decide', async () => {
        await page.reload();
        await page.getByTestId('decisions-no').waitFor();
        await page.getByTestId('decisions-missing').waitFor({ state: 'detached' });
        let d = await runStep(page, '集体讨论决定', fillCollective);
        await d.waitFor({ state: 'hidden' });
        await waitForValue(
          () => status(page),
          (s) => s === '已决定',
          'status 已决定',
        );
        d = await runStep(page, '公布', async (dlg) => {
          await dlg
            .getByLabel('公众意见采纳情况说明', { exact: true })
            .fill('共收到公众意见1条,部分采纳1条。');
        });
        await d.waitFor({ state: 'hidden' });
        await waitForValue(
          () => status(page),
          (s) => s === '已公布',
          'status 已公布',
        );
        await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
        await page.screenshot({ path: outputPath('decisions-detail.png'), fullPage: true });
        await page.goto('/decisions');
        await page.getByRole('table', { name: '重大行政决策列表' }).getByRole('link').first().waitFor();
        await page.screenshot({ path: outputPath('decisions-list.png'), fullPage: true });
      });

      visitor = await newSession(browser);
      const vp = visitor.page;
      await withFailureScreenshot(visitor, 'decisions-portal', async () => {
        await vp.goto('/portal');
        await vp
          .getByRole('navigation', { name: '公开平台导航' })
          .getByRole('link', { name: '重大决策' })
          .click();
        await vp.getByRole('heading', { name: '重大行政决策', level: 1 }).waitFor();
        await vp.getByTestId('portal-decisions').getByRole('link', { name: title }).waitFor();
        await vp.screenshot({ path: outputPath('decisions-portal-list.png'), fullPage: true });
        await vp.getByTestId('portal-decisions').getByRole('link', { name: title }).click();
        await vp.getByTestId('portal-decision-title').waitFor();
        const comments = vp.getByTestId('portal-decision-comments');
        await comments.getByText(commentText).waitFor();
        await comments.getByText('部分采纳', { exact: true }).waitFor();
        const text = (await comments.textContent()) ?? '';
        assert.ok(!text.includes('李群众'), 'the author name is masked');
        assert.ok(text.includes('文化广场承担集会功能'), 'the reason is public');
        await vp.screenshot({ path: outputPath('decisions-portal.png'), fullPage: true });
        assert.deepEqual(visitor?.pageErrors, []);
      });
      assert.deepEqual(clerk.pageErrors, []);
    } finally {
      await clerk.context.close();
      await citizen?.context.close();
      await adviser?.context.close();
      await visitor?.context.close();
    }
  });
});
