import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHAR,
  CHAR_SPACING,
  chineseOrdinal,
  FOOTER_DISTANCE,
  formatChineseDate,
  GRID,
  LINE,
  mm,
  PAGE,
  type ReportBlock,
  type ReportDocument,
  type ReportRun,
  renderReportDocx,
  TEXT_HEIGHT,
  TEXT_WIDTH,
} from './docx.js';
import { docxToPdf, libreOfficePath } from './pdf.js';

// ---- a realistic report: the five parts of 厅字〔2019〕28号, figures from the ledgers ----

const fig = (id: string, value: string): ReportRun => ({
  text: value,
  figure: { id, value, drill: `/api/x/${id}` },
});
const t = (text: string): ReportRun => ({ text });
const h1 = (text: string): ReportBlock => ({ kind: 'heading1', runs: [t(text)] });
const h2 = (text: string): ReportBlock => ({ kind: 'heading2', runs: [t(text)] });
const h3 = (text: string): ReportBlock => ({ kind: 'heading3', runs: [t(text)] });
const p = (...runs: ReportRun[]): ReportBlock => ({ kind: 'paragraph', runs });

const blocks: ReportBlock[] = [
  p(
    t(
      '2024年，安和县人民政府坚持以习近平法治思想为指导，全面贯彻落实《法治政府建设实施纲要（2021—2025年）》，围绕县委、县政府中心工作，扎实推进法治政府建设各项任务，取得了积极成效。现将有关情况报告如下。',
    ),
  ),
  h1('2024年推进法治政府建设的主要举措和成效'),
  h2('深入学习贯彻习近平法治思想'),
  p(
    t('县政府常务会议全年集体学法'),
    fig('training.sessions', '12次'),
    t('，县政府党组理论学习中心组专题学习习近平法治思想'),
    fig('training.topics', '4次'),
    t(
      '。将习近平法治思想纳入各级领导干部教育培训必修课程，组织全县行政执法人员开展公共法律知识和专业法律知识培训，参训率',
    ),
    fig('training.rate', '98.6%'),
    t('，年度学法考试合格率'),
    fig('training.passRate', '100%'),
    t('。'),
  ),
  h2('依法全面履行政府职能'),
  p(
    t('持续深化“放管服”改革，动态调整县级行政权力清单和责任清单，全年取消、调整行政许可事项'),
    fig('licensing.adjusted', '17项'),
    t('。推进政务服务“一网通办”，县级政务服务事项网上可办率达到'),
    fig('licensing.onlineRate', '96.2%'),
    t(
      '，“最多跑一次”事项占比进一步提高。全面落实公平竞争审查制度，审查涉及市场主体经济活动的政策措施，未发现排除、限制竞争的情形。',
    ),
  ),
  h2('严格规范公正文明执法'),
  h3('全面落实行政执法“三项制度”'),
  p(
    t('全年办理行政处罚案件'),
    fig('penalties.cases', '1,284件'),
    t('，重大执法决定法制审核率'),
    fig('penalties.legalReviewRate', '100%'),
    t('，执法决定信息在作出决定之日起七个工作日内公示的比例达到'),
    fig('penalties.publishOnTime', '97.4%'),
    t(
      '。推行执法全过程记录，执法记录仪配备实现一线执法人员全覆盖，执法文书和音像记录按要求归档，做到执法全过程留痕和可回溯管理。',
    ),
  ),
  h3('推进综合行政执法改革'),
  p(
    t(
      '稳妥推进乡镇（街道）综合行政执法改革，赋予乡镇（街道）的行政执法事项已全部完成承接，组织乡镇执法人员集中培训，开展行政执法案卷评查，评查案卷',
    ),
    fig('penalties.reviewedFiles', '236卷'),
    t('，优秀率'),
    fig('penalties.excellentRate', '81.5%'),
    t('，对发现的问题逐一反馈整改。'),
  ),
  h2('依法有效化解社会矛盾纠纷'),
  p(
    t('健全人民调解、行政调解、司法调解联动工作体系，全县各级调解组织全年受理矛盾纠纷'),
    fig('disputes.registered', '3,462件'),
    t('，调解成功'),
    fig('disputes.resolved', '3,318件'),
    t('，调解成功率'),
    fig('disputes.successRate', '95.8%'),
    t('。县信访局全年登记信访事项'),
    fig('petitions.registered', '684件'),
    t('，按期办结率'),
    fig('petitions.onTimeCloseRate', '99.1%'),
    t('。县政府办理行政复议案件'),
    fig('reconsideration.cases', '57件'),
    t('，行政机关负责人出庭应诉率'),
    fig('litigation.appearRate', '100%'),
    t('。'),
  ),
  h1('2024年推进法治政府建设存在的不足和原因'),
  h2('行政执法规范化水平仍需提升'),
  p(
    t(
      '部分乡镇执法人员力量相对薄弱，法律专业人员占比不高，个别案件存在文书制作不够规范、证据收集不够完整等问题，行政执法公示在',
    ),
    fig('penalties.lateCount', '9件'),
    t(
      '案件中超过法定期限。主要原因是执法人员业务培训针对性不够强，执法监督的常态化机制尚不健全，对执法质量的日常检查还不够深入。',
    ),
  ),
  h2('基层法治建设基础仍较薄弱'),
  p(
    t(
      '村（社区）法律顾问作用发挥不够充分，基层群众运用法律手段维护权益的意识有待增强，法治宣传教育的覆盖面和实效性还需进一步提高。原因在于基层法治工作经费和人员保障不足，普法工作的方式方法创新不够。',
    ),
  ),
  h1('2024年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况'),
  p(
    t(
      '县政府主要负责人认真履行推进法治建设第一责任人职责，坚持把法治政府建设摆在全局工作的重要位置，全年主持召开县政府常务会议专题研究法治政府建设工作',
    ),
    fig('leadership.meetings', '3次'),
    t(
      '，对重大行政决策、行政规范性文件和重大执法决定的合法性审查作出部署，带头出庭应诉，带头尊法学法守法用法，做到重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。',
    ),
  ),
  h1('2025年推进法治政府建设的主要安排'),
  h2('持续深化习近平法治思想学习宣传贯彻'),
  p(
    t(
      '把学习贯彻习近平法治思想作为重大政治任务，健全领导干部学法用法制度，落实政府常务会议会前学法制度，推动领导干部带头尊法学法守法用法，不断提高运用法治思维和法治方式深化改革、推动发展、化解矛盾、维护稳定的能力。',
    ),
  ),
  h2('全面提升行政执法质量和效能'),
  p(
    t(
      '深入开展行政执法质量提升行动，健全行政执法监督工作体系，常态化开展案卷评查和执法检查，推动行政执法公示、执法全过程记录和重大执法决定法制审核制度落实落地，确保行政执法公示按期率达到',
    ),
    fig('penalties.publishTarget', '100%'),
    t('。'),
  ),
  h2('推进基层法治建设提质增效'),
  p(
    t(
      '加强乡镇（街道）合法性审查工作，实现乡镇（街道）合法性审查全覆盖，深化村（社区）法律顾问制度，推进公共法律服务体系建设，健全矛盾纠纷多元化解机制，推动更多法治力量向引导和疏导端用力。',
    ),
  ),
  h1('其他需要报告的情况'),
  p(
    t(
      '2024年，我县无其他需要报告的情况。下一步，县政府将在县委的坚强领导下，自觉接受县人大及其常委会的法律监督和工作监督，扎实推进法治政府建设各项工作，为全县经济社会高质量发展提供坚实法治保障。',
    ),
  ),
];

const report: ReportDocument = {
  title: '安和县人民政府关于2024年度法治政府建设情况的报告',
  recipient: '县委、县人大常委会：',
  blocks,
  signature: '安和县人民政府',
  date: '2025-01-31',
};

// ---- tiny XML helpers (regexes over WordprocessingML) ----

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const paragraphsOf = (xml: string): string[] => xml.match(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g) ?? [];
const runsOf = (xml: string): string[] => xml.match(/<w:r\b[^>]*>[\s\S]*?<\/w:r>/g) ?? [];
const textOf = (xml: string): string =>
  decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
/** The value of `attr` on the first `<tag …>` in xml, or undefined. */
function attr(xml: string, tag: string, name: string): string | undefined {
  const el = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  return el ? new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1] : undefined;
}
const styleOf = (para: string) => attr(para, 'w:pStyle', 'w:val');
function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}

interface Unzipped {
  document: string;
  styles: string;
  settings: string;
  footers: { default: string; even: string };
  all: Record<string, string>;
}

async function unzip(buf: Buffer): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(buf);
  const all: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) all[name] = await zip.file(name)!.async('string');
  }
  const document = all['word/document.xml']!;
  const rels = all['word/_rels/document.xml.rels']!;
  const footer = (type: string) => {
    const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(document)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    if (!id || !target) throw new Error(`no ${type} footer`);
    return all[`word/${target}`]!;
  };
  return {
    document,
    styles: all['word/styles.xml']!,
    settings: all['word/settings.xml']!,
    footers: { default: footer('default'), even: footer('even') },
    all,
  };
}

describe('chineseOrdinal', () => {
  it.each([
    [1, '一'],
    [2, '二'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
  ])('%i → %s', (n, expected) => {
    expect(chineseOrdinal(n)).toBe(expected);
  });
  it('refuses what is not a positive integer', () => {
    expect(() => chineseOrdinal(0)).toThrow(RangeError);
    expect(() => chineseOrdinal(1.5)).toThrow(RangeError);
  });
});

describe('formatChineseDate', () => {
  it('writes year, month and day in Arabic numerals without leading zeros', () => {
    expect(formatChineseDate('2025-01-31')).toBe('2025年1月31日');
    expect(formatChineseDate('2024-12-05')).toBe('2024年12月5日');
    expect(() => formatChineseDate('2025/1/31')).toThrow(RangeError);
  });
});

describe('GB/T 9704-2012 measures', () => {
  it('turns the standard millimetres into twips', () => {
    expect(mm(1)).toBe(57);
    expect((25.4 / 1440) * 56.6929).toBeCloseTo(1, 4);
    expect(PAGE).toEqual({ width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474 });
    // 版心 156 × 225 mm
    expect((TEXT_WIDTH * 25.4) / 1440).toBeCloseTo(156, 1);
    expect((TEXT_HEIGHT * 25.4) / 1440).toBeCloseTo(225, 1);
  });

  it('fits exactly 22 lines of 28 characters in the 版心', () => {
    expect(LINE).toBe(579); // 28.95 pt
    expect(22 * LINE).toBeLessThanOrEqual(TEXT_HEIGHT);
    expect(23 * LINE).toBeGreaterThan(TEXT_HEIGHT);
    expect(GRID).toEqual({ linePitch: 579, charSpace: -842 });
    const pitchTwips = (16 + GRID.charSpace / 4096) * 20; // Normal font 3号 = 16 pt
    expect(28 * pitchTwips).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(29 * pitchTwips).toBeGreaterThan(TEXT_WIDTH);
    // the text's own character spacing gives the same 28 where the grid is not honoured
    expect(CHAR_SPACING).toBe(-5);
    expect(CHAR).toBe(315);
    expect(28 * CHAR).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(29 * CHAR).toBeGreaterThan(TEXT_WIDTH);
  });

  it('puts the page number 7 mm below the 版心', () => {
    // footer distance (page edge → bottom of the 14 pt footer line) + line + 7 mm = bottom margin
    expect(FOOTER_DISTANCE + 280 + mm(7)).toBe(PAGE.bottom);
    expect(FOOTER_DISTANCE).toBe(1307);
  });
});

describe('renderReportDocx', () => {
  let docx: Buffer;
  let x: Unzipped;
  let paras: string[];

  beforeAll(async () => {
    docx = await renderReportDocx(report);
    x = await unzip(docx);
    paras = paragraphsOf(x.document);
  });

  it('is a .docx Word opens: a zip with the main parts', () => {
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/settings.xml']) {
      expect(x.all[part], part).toBeDefined();
    }
  });

  it('sets A4 and the GB/T 9704 margins, footer distance and document grid', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(x.document)![0];
    expect(attr(sect, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sect, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(sect, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(sect, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(sect, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(sect, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attr(sect, 'w:pgMar', 'w:footer')).toBe('1307');
    expect(attr(sect, 'w:pgMar', 'w:gutter')).toBe('0');
    expect(attr(sect, 'w:docGrid', 'w:type')).toBe('linesAndChars');
    expect(attr(sect, 'w:docGrid', 'w:linePitch')).toBe('579');
    expect(attr(sect, 'w:docGrid', 'w:charSpace')).toBe('-842');
  });

  it('sets the title in 2号 方正小标宋简体, centred, followed by a blank line and the recipient flush left', () => {
    const i = paras.findIndex((q) => styleOf(q) === 'Title');
    const title = paras[i]!;
    expect(textOf(title)).toBe(report.title);
    expect(attr(title, 'w:jc', 'w:val')).toBe('center');
    for (const r of runsOf(title)) {
      expect(attr(r, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
      expect(attr(r, 'w:rFonts', 'w:ascii')).toBe('方正小标宋简体');
      expect(attr(r, 'w:sz', 'w:val')).toBe('44');
    }
    expect(textOf(paras[i + 1]!)).toBe('');
    const recipient = paras[i + 2]!;
    expect(textOf(recipient)).toBe('县委、县人大常委会：');
    expect(attr(recipient, 'w:ind', 'w:firstLine')).toBeUndefined();
    const titleStyle = styleXml(x.styles, 'Title');
    expect(attr(titleStyle, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(titleStyle, 'w:sz', 'w:val')).toBe('44');
    expect(/<w:rPr>[\s\S]*<w:spacing w:val="0"\/>/.test(titleStyle)).toBe(true); // no 紧缩 in the title
  });

  it('sets body paragraphs in 3号 仿宋_GB2312, justified, indented two characters, on the exact 28.95 pt line', () => {
    const body = paras.filter((q) => !styleOf(q) && attr(q, 'w:ind', 'w:firstLineChars') === '200');
    expect(body).toHaveLength(blocks.filter((b) => b.kind === 'paragraph').length);
    for (const q of body) {
      expect(attr(q, 'w:jc', 'w:val')).toBe('both');
      expect(attr(q, 'w:ind', 'w:firstLine')).toBe(String(2 * CHAR));
      expect(attr(q, 'w:spacing', 'w:line')).toBe('579');
      expect(attr(q, 'w:spacing', 'w:lineRule')).toBe('exact');
      for (const r of runsOf(q)) {
        expect(attr(r, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
        expect(attr(r, 'w:rFonts', 'w:hAnsi')).toBe('仿宋_GB2312');
        expect(attr(r, 'w:sz', 'w:val')).toBe('32');
        expect(attr(r, 'w:spacing', 'w:val')).toBe('-5');
        expect(attr(r, 'w:color', 'w:val')).toBe('000000');
      }
    }
    // figures are plain text in the sentence
    expect(body.map(textOf)).toContain(
      '全年办理行政处罚案件1,284件，重大执法决定法制审核率100%，执法决定信息在作出决定之日起七个工作日内公示的比例达到97.4%。推行执法全过程记录，执法记录仪配备实现一线执法人员全覆盖，执法文书和音像记录按要求归档，做到执法全过程留痕和可回溯管理。',
    );
    // the document defaults say the same, so text typed in Word later looks alike
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(x.styles)![0];
    expect(attr(defaults, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(defaults, 'w:sz', 'w:val')).toBe('32');
    expect(attr(/<w:pPrDefault>[\s\S]*<\/w:pPrDefault>/.exec(defaults)![0], 'w:spacing', 'w:lineRule')).toBe(
      'exact',
    );
    expect(attr(defaults, 'w:lang', 'w:eastAsia')).toBe('zh-CN');
    const normal = styleXml(x.styles, 'Normal');
    expect(attr(normal, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(normal, 'w:sz', 'w:val')).toBe('32');
    expect(attr(normal, 'w:snapToGrid', 'w:val')).toBe('0');
    expect(attr(normal, 'w:spacing', 'w:line')).toBe('579');
    expect(/<w:rPr>[\s\S]*<w:spacing w:val="-5"\/>/.test(normal)).toBe(true);
  });

  it('numbers the headings 一、（一）1. in order, restarting under each higher level', () => {
    const headings = paras
      .filter((q) => /^Heading[123]$/.test(styleOf(q) ?? ''))
      .map((q) => `${styleOf(q)!.slice(-1)} ${textOf(q)}`);
    expect(headings).toEqual([
      '1 一、2024年推进法治政府建设的主要举措和成效',
      '2 （一）深入学习贯彻习近平法治思想',
      '2 （二）依法全面履行政府职能',
      '2 （三）严格规范公正文明执法',
      '3 1.全面落实行政执法“三项制度”',
      '3 2.推进综合行政执法改革',
      '2 （四）依法有效化解社会矛盾纠纷',
      '1 二、2024年推进法治政府建设存在的不足和原因',
      '2 （一）行政执法规范化水平仍需提升',
      '2 （二）基层法治建设基础仍较薄弱',
      '1 三、2024年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
      '1 四、2025年推进法治政府建设的主要安排',
      '2 （一）持续深化习近平法治思想学习宣传贯彻',
      '2 （二）全面提升行政执法质量和效能',
      '2 （三）推进基层法治建设提质增效',
      '1 五、其他需要报告的情况',
    ]);
  });

  it('sets heading 1 in 黑体, heading 2 in 楷体_GB2312, heading 3 in 仿宋_GB2312, all 3号, not bold, indented', () => {
    const expected = { Heading1: '黑体', Heading2: '楷体_GB2312', Heading3: '仿宋_GB2312' } as const;
    for (const [style, fontName] of Object.entries(expected)) {
      const qs = paras.filter((q) => styleOf(q) === style);
      expect(qs.length).toBeGreaterThan(0);
      for (const q of qs) {
        expect(attr(q, 'w:ind', 'w:firstLineChars')).toBe('200');
        expect(attr(q, 'w:spacing', 'w:lineRule')).toBe('exact');
        expect(q).toContain('<w:keepNext/>');
        for (const r of runsOf(q)) {
          expect(attr(r, 'w:rFonts', 'w:eastAsia')).toBe(fontName);
          expect(attr(r, 'w:rFonts', 'w:ascii')).toBe(fontName);
          expect(attr(r, 'w:sz', 'w:val')).toBe('32');
          expect(attr(r, 'w:b', 'w:val')).toBe('false');
        }
      }
      const s = styleXml(x.styles, style);
      expect(attr(s, 'w:rFonts', 'w:eastAsia')).toBe(fontName);
      expect(attr(s, 'w:sz', 'w:val')).toBe('32');
      expect(attr(s, 'w:b', 'w:val')).toBe('false');
      expect(attr(s, 'w:color', 'w:val')).toBe('000000');
    }
  });

  it('puts "— n —" in 4号 宋体 in the footers: odd pages right, even pages left, one character in', () => {
    expect(x.settings).toContain('<w:evenAndOddHeaders/>');
    for (const [side, footer] of Object.entries(x.footers)) {
      const [q] = paragraphsOf(footer);
      // em dash, space, PAGE field, space, em dash
      const flat = q!
        .replace(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/, '<w:t>{PAGE}</w:t>')
        .replace(/<w:fldChar [^>]*\/>/g, '');
      expect(textOf(flat)).toBe('— {PAGE} —');
      expect(q).toMatch(
        /fldCharType="begin"[\s\S]*PAGE[\s\S]*fldCharType="separate"[\s\S]*fldCharType="end"/,
      );
      for (const r of runsOf(q!)) {
        expect(attr(r, 'w:sz', 'w:val')).toBe('28');
        expect(attr(r, 'w:rFonts', 'w:ascii')).toBe('宋体');
        expect(attr(r, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
      }
      if (side === 'default') {
        expect(attr(q!, 'w:jc', 'w:val')).toBe('right');
        expect(attr(q!, 'w:ind', 'w:right')).toBe('280');
      } else {
        expect(attr(q!, 'w:jc', 'w:val')).toBe('left');
        expect(attr(q!, 'w:ind', 'w:left')).toBe('280');
      }
    }
  });

  it('ends with the signature centred over the date, the date 右空四字', () => {
    const texts = paras.map(textOf);
    const n = texts.length;
    expect(texts.slice(n - 4)).toEqual(['', '', '安和县人民政府', '2025年1月31日']);
    const [signature, date] = paras.slice(n - 2);
    expect(attr(date!, 'w:jc', 'w:val')).toBe('right');
    const dateIndent = Number(attr(date!, 'w:ind', 'w:right'));
    expect(dateIndent / 320).toBeGreaterThan(3.9); // ≈ 4 characters of 3号 (16 pt = 320 twips)
    expect(dateIndent / 320).toBeLessThan(4.1);
    expect(dateIndent).toBe(4 * CHAR);
    // centres line up: signature 7 characters, date 6.5 (half-width digits)
    expect(attr(signature!, 'w:jc', 'w:val')).toBe('right');
    const sigIndent = Number(attr(signature!, 'w:ind', 'w:right'));
    expect(sigIndent / CHAR + 7 / 2).toBeCloseTo(dateIndent / CHAR + 6.5 / 2, 1);
  });

  it('is black throughout, in Chinese, without hyperlinks', () => {
    for (const part of ['word/document.xml', 'word/styles.xml', x.footers.default, x.footers.even]) {
      const xml = x.all[part] ?? part;
      const colours = new Set([...xml.matchAll(/<w:color w:val="(\w+)"/g)].map((m) => m[1]));
      expect([...colours]).toEqual(['000000']);
    }
    expect(x.document).not.toContain('<w:hyperlink');
    expect(x.document).toContain('w:eastAsia="zh-CN"');
  });

  it('numbers typed by the author are not doubled, and a line break starts a new paragraph', async () => {
    const y = await unzip(
      await renderReportDocx({
        docNumber: '安和府〔2025〕3号',
        title: '安和县人民政府关于2024年度\n法治政府建设情况的报告',
        blocks: [
          { kind: 'heading1', runs: [t('一、主要举措和成效')] },
          { kind: 'heading2', runs: [t('（一）学法')] },
          { kind: 'heading3', runs: [t('1. 会前学法')] },
          p(t('第一段。\n第二段，含'), fig('a.b', '3件'), t('。')),
        ],
        signature: '中共安和县委员会\n安和县人民政府',
        date: '2025-02-05',
      }),
    );
    const texts = paragraphsOf(y.document).map(textOf);
    expect(texts.slice(0, 5)).toEqual([
      '安和府〔2025〕3号',
      '',
      '',
      '安和县人民政府关于2024年度',
      '法治政府建设情况的报告',
    ]);
    expect(texts).toContain('一、主要举措和成效');
    expect(texts).toContain('（一）学法');
    expect(texts).toContain('1.会前学法');
    expect(texts).toContain('第一段。');
    expect(texts).toContain('第二段，含3件。');
    expect(texts.slice(-3)).toEqual(['中共安和县委员会', '安和县人民政府', '2025年2月5日']);
  });
});

const hasLibreOffice = libreOfficePath() !== null;
const hasPoppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('docxToPdf', () => {
  it('gives null when LibreOffice is not installed', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(libreOfficePath()).toBeNull();
      expect(await docxToPdf(Buffer.from('PK'))).toBeNull();
    } finally {
      process.env.PATH = path;
    }
  });

  it.runIf(hasLibreOffice)(
    'lays the report out on 3+ A4 pages with page numbers',
    async () => {
      const pdf = await docxToPdf(await renderReportDocx(report));
      expect(pdf).not.toBeNull();
      const raw = pdf!.toString('latin1');
      expect(raw.startsWith('%PDF')).toBe(true);
      const pages = raw.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(3);
      // A4 = 595.28 × 841.89 pt
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(raw);
      expect(Number(box?.[1])).toBeCloseTo(595.3, 0);
      expect(Number(box?.[2])).toBeCloseTo(841.9, 0);

      if (!hasPoppler) return;
      // Kept (overwritten on each run) outside the repo, to look at the layout.
      const out = join(tmpdir(), 'fazhi-docx-preview');
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'report.pdf'), pdf!);
      writeFileSync(join(out, 'report.docx'), await renderReportDocx(report));
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '2',
        join(out, 'report.pdf'),
        join(out, 'page'),
      ]);
      expect(readdirSync(out).filter((f) => f.endsWith('.png'))).toHaveLength(2);
      const pageText = (n: number) =>
        execFileSync(
          'pdftotext',
          ['-f', String(n), '-l', String(n), '-layout', join(out, 'report.pdf'), '-'],
          {
            encoding: 'utf8',
          },
        );
      expect(pageText(1)).toMatch(/—\s*1\s*—/);
      expect(pageText(2)).toMatch(/—\s*2\s*—/);
      expect(pageText(1).replace(/\s+/g, '')).toContain('安和县人民政府关于2024年度法治政府建设情况的报告');
    },
    130_000,
  );
});
