import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import {
  escapeRegExp,
  launchBrowser,
  loginViaForm,
  newSession,
  outputPath,
  waitForValue,
  withFailureScreenshot,
} from './helpers.js';

const CLERK = 'zhen01.jingban'; // 经办人 at the first township

/** A 1×1 PNG: the 签到表 photo attached as evidence. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A button's accessible name; antd spaces two-character labels ("确 定"). */
function buttonName(label: string): RegExp {
  const chars = [...label].map((ch) => escapeRegExp(ch));
  return new RegExp(`(^|\\s)${chars.join('\\s*')}$`);
}

/** A 身份证号 with a valid check digit (GB 11643). */
function idCard(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, ch, i) => s + Number(ch) * w[i]!, 0);
  return body17 + '10X98765432'[sum % 11];
}

/** The exam platform's export: a merged title row, 序号, scores as text, one 未参考. */
async function resultsFile(stamp: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成绩');
  const header = [
    '序号',
    '姓名',
    '身份证号',
    '所在单位',
    '职务',
    '参考状态',
    '最高分',
    '考试次数',
    '考试时间',
  ];
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell('A1').value = `学法考试成绩导出（e2e ${stamp}）`;
  ws.addRow(header);
  ws.addRow([
    '1',
    '陈一',
    idCard('51062619800101001'),
    '镇人民政府',
    '党委书记',
    '已参考',
    '96',
    '1',
    '2025-06-10',
  ]);
  ws.addRow([
    '2',
    '陈二',
    idCard('51062619850202002'),
    '镇人民政府',
    '科员',
    '已参考',
    '88',
    '2',
    '2025-06-11',
  ]);
  ws.addRow([
    '3',
    '陈三',
    idCard('51062619900303003'),
    '镇人民政府',
    '科员',
    '已参考',
    '72',
    '1',
    '2025-06-11',
  ]);
  ws.addRow(['4', '陈四', idCard('51062619920404004'), '镇人民政府', '科员', '未参考', '', '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function statValue(page: Page, title: string): Promise<string> {
  const stat = page.getByTestId('exam-stats').locator('.ant-statistic').filter({ hasText: title });
  return ((await stat.locator('.ant-statistic-content').textContent()) ?? '').trim();
}

describe('学法用法', { timeout: 300_000 }, () => {
  let browser: Browser;
  const stamp = Date.now().toString().slice(-6);

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('clerk records a 中心组学法 session, creates an exam, imports the results and sees 参考率/合格率', async () => {
    const clerk = await newSession(browser);
    const { page } = clerk;
    try {
      await withFailureScreenshot(clerk, 'learning-session', async () => {
        await loginViaForm(page, CLERK);
        const nav = page.getByRole('navigation', { name: '主导航' });
        await nav.getByRole('menuitem', { name: '学法活动' }).click();
        await page.waitForURL((url) => url.pathname === '/learning/sessions');
        await page.getByRole('heading', { name: '学法活动' }).waitFor();
        await page.screenshot({ path: outputPath('learning-sessions.png'), fullPage: true });

        await page.getByRole('button', { name: '登记学法活动' }).click();
        await page.waitForURL((url) => url.pathname === '/learning/sessions/new');
        const form = page.getByRole('form', { name: '登记学法活动' });
        await form.waitFor();
        const topic = `学习习近平法治思想（e2e ${stamp}）`;
        await form.getByLabel('学习主题', { exact: true }).fill(topic);
        await form
          .getByLabel('学习的法律法规', { exact: true })
          .fill('《中华人民共和国宪法》《中华人民共和国行政复议法》');
        await form.getByLabel('主讲人（领学人）', { exact: true }).fill('党委书记');
        await form.getByLabel('参加人数', { exact: true }).fill('26');
        await form.locator('input[type=file]').setInputFiles({
          name: '签到表.png',
          mimeType: 'image/png',
          buffer: PNG,
        });
        await form.getByRole('button', { name: buttonName('保存') }).click();
        await page.waitForURL((url) => url.pathname === '/learning/sessions');
        await page.getByRole('link', { name: topic }).click();
        await page.waitForURL((url) => /^\/learning\/sessions\/\d+$/.test(url.pathname));
        await page.getByRole('link', { name: /签到表\.png/ }).waitFor();
        await page.goBack();
      });

      let examPath = '';
      await withFailureScreenshot(clerk, 'learning-exam', async () => {
        const nav = page.getByRole('navigation', { name: '主导航' });
        await nav.getByRole('menuitem', { name: '学法考试' }).click();
        await page.waitForURL((url) => url.pathname === '/learning/exams');
        await page.getByRole('button', { name: '新建考试' }).click();
        const dialog = page.getByRole('dialog').filter({ hasText: '新建考试' });
        await dialog.waitFor();
        await dialog.getByLabel('考试名称', { exact: true }).fill(`学法考试 e2e ${stamp}`);
        // 考试日期 defaults to today and 考试年度 to this year.
        await dialog.getByRole('button', { name: buttonName('确定') }).click();
        await page.waitForURL((url) => /^\/learning\/exams\/\d+$/.test(url.pathname));
        examPath = new URL(page.url()).pathname;
        await page.getByRole('heading', { name: `学法考试 e2e ${stamp}` }).waitFor();
      });

      await withFailureScreenshot(clerk, 'learning-import', async () => {
        await page.getByRole('button', { name: '导入考试成绩' }).click();
        await page.waitForURL((url) => url.pathname === `${examPath}/import`);
        await page.locator('input[type=file]').setInputFiles({
          name: '成绩导出.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: await resultsFile(stamp),
        });
        await page.getByRole('button', { name: '开始导入' }).click();
        await page.getByText('已导入 4 人的成绩').waitFor();
        await page.getByRole('button', { name: '查看名册及成绩' }).click();
        await page.waitForURL((url) => url.pathname === examPath);
        // 4 on the roster (all added by the import), 3 sat: 参考率 75%, 合格率 100%, 优秀 1 (96分).
        await waitForValue(
          () => statValue(page, '参考率'),
          (v) => v === '75%',
          '参考率',
        );
        assert.equal(await statValue(page, '合格率'), '100%');
        assert.equal(await statValue(page, '优秀率'), '33.3%');
        const roster = page.getByRole('table').last();
        await roster.getByRole('cell', { name: '陈四', exact: true }).waitFor();
        await page.screenshot({ path: outputPath('learning-exam.png'), fullPage: true });
      });

      await withFailureScreenshot(clerk, 'learning-training', async () => {
        const nav = page.getByRole('navigation', { name: '主导航' });
        await nav.getByRole('menuitem', { name: '执法人员培训' }).click();
        await page.waitForURL((url) => url.pathname === '/learning/trainings');
        await page.getByRole('tab', { name: '人员学时' }).click();
        await page.waitForURL((url) => url.pathname === '/learning/officers');
        await page.getByRole('table', { name: '执法人员学时' }).waitFor();
        await page.screenshot({ path: outputPath('learning-officers.png'), fullPage: true });
      });
      assert.deepEqual(clerk.pageErrors, []);
    } finally {
      await clerk.context.close();
    }
  });
});
