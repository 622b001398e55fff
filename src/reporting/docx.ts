/**
 * The annual 法治政府建设情况报告 as a Word document laid out per GB/T 9704-2012 《党政机关公文格式》
 * (DOMAIN.md §15). Every measure is in twips (1/20 pt, 1/1440 in) and is derived below from the
 * standard's millimetres, so each number can be traced back to a clause.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';

export interface ReportRun {
  text: string;
  figure?: { id: string; value: string; drill?: string };
}
export interface ReportBlock {
  kind: 'heading1' | 'heading2' | 'heading3' | 'paragraph';
  runs: ReportRun[];
}
export interface ReportDocument {
  docNumber?: string;
  title: string;
  recipient?: string;
  blocks: ReportBlock[];
  signature: string;
  date: string;
}

/** 1 mm = 1440 / 25.4 ≈ 56.6929 twips. */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

// 5.1/5.2.1: A4 210×297 mm; 天头 37 mm, 订口 28 mm, 版心 156×225 mm → right 210−28−156 = 26 mm,
// bottom 297−37−225 = 35 mm.
export const PAGE = {
  width: mm(210), // 11906
  height: mm(297), // 16838
  top: mm(37), // 2098
  bottom: mm(35), // 1984
  left: mm(28), // 1587
  right: mm(26), // 1474
} as const;
/** 版心 in twips: 8845 × 12756 (156.03 × 225.01 mm after rounding the margins). */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

// Font sizes in half-points (w:sz): 2号 22 pt, 3号 16 pt, 4号 14 pt.
export const SIZE = { title: 44, body: 32, pageNumber: 28 } as const;

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  heading3: '仿宋_GB2312',
  pageNumber: '宋体',
} as const;

// 5.2.4: 22 lines of 28 characters fill the 版心. Line: 12756 / 22 = 579.8 twips; 580 × 22 = 12760 would
// overflow the 版心 by 4 twips and push the 22nd line onto the next page, so round down: 579 twips =
// 28.95 pt, the "固定值 28.95 磅" of the usual Word templates (22 × 579 = 12738 ≤ 12756).
export const LINE = Math.floor(TEXT_HEIGHT / 22);

// 28 characters of 3号 (16 pt = 320 twips) are 8960 twips, wider than the 8845-twip 版心: each character must
// give up (8845 / 28 − 320) = −4.1 twips. Two mechanisms, both set:
//
// - The document grid (w:docGrid type="linesAndChars"), which Word and WPS show in 页面设置 as 22 行 × 28 字.
//   Word adds charSpace / 4096 pt to the pitch of every character of the Normal font size (16 pt): 28 in
//   8845 twips is a pitch of 8845 / 28 / 20 = 15.7946 pt, 0.2054 pt under 16 pt → −0.2054 × 4096 = −841.1,
//   rounded down (−842) so that 28 surely fit: 28 × (16 − 842/4096) = 442.24 pt ≤ 442.25 pt.
// - Character spacing of −5 twips (紧缩 0.25 磅) on the text, with the Normal style not snapping to the grid
//   (w:snapToGrid 0). LibreOffice (7.x), which makes our PDFs, mis-lays a character grid narrower than the
//   font — every character then takes two cells, 14 to a line — whereas character spacing is honoured by
//   Word, WPS and LibreOffice alike: 28 × (320 − 5) = 8820 ≤ 8845 twips, the rest spread by justification.
export const GRID = {
  linePitch: LINE,
  charSpace: Math.floor((TEXT_WIDTH / 28 / 20 - SIZE.body / 2) * 4096),
} as const;
export const CHAR_SPACING = Math.floor(TEXT_WIDTH / 28 - SIZE.body * 10); // −5
/** The width of one character of the text (15.75 pt): the unit of 首行缩进二字 and 右空四字. */
export const CHAR = SIZE.body * 10 + CHAR_SPACING; // 315

// 5.3/7.5: page number 4号 half-width 宋体 digits between 一字线 ("— 1 —"); the 一字线 is 7 mm below the
// 版心; odd pages right with one character's space, even pages left with one character's space (the
// character of the page number's own size, 4号 = 14 pt = 280 twips). Word measures the footer distance
// from the page's bottom edge to the bottom of the footer line, so with an exact 14 pt footer line the
// line's top sits 7 mm below the 版心: 1984 − 397 − 280 = 1307 twips (23.06 mm).
export const FOOTER_LINE = SIZE.pageNumber * 10; // 14 pt = 280 twips
export const FOOTER_DISTANCE = PAGE.bottom - mm(7) - FOOTER_LINE;
export const PAGE_NUMBER_INDENT = SIZE.pageNumber * 10; // one 4号 character

const BLACK = '000000';
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' };

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese ordinal as used in 公文 headings: 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 101 → 一百零一. */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999)
    throw new RangeError(`chineseOrdinal: ${n} is not in 1..9999`);
  const units = ['千', '百', '十', ''];
  let out = '';
  let zero = false;
  String(n)
    .padStart(4, '0')
    .split('')
    .forEach((c, i) => {
      const d = Number(c);
      if (d === 0) {
        zero = out !== '';
        return;
      }
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d]! + units[i]!;
    });
  // 十一 … 十九, not 一十一, when the number starts with the tens.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** 2025-01-31 → 2025年1月31日 (7.3.5: Arabic numerals, year, month and day in full, no leading zeros). */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`formatChineseDate: ${iso} is not YYYY-MM-DD`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Width in characters: half-width (ASCII) characters count as half a character. */
function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
  return w;
}

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** Run properties of 3号 text in a font: black, not bold, Chinese, 28 characters to the line. */
function runProps(fontName: string): Omit<IRunOptions, 'text' | 'children'> {
  return {
    font: font(fontName),
    size: SIZE.body,
    sizeComplexScript: SIZE.body,
    characterSpacing: CHAR_SPACING,
    color: BLACK,
    bold: false,
    language: LANGUAGE,
  };
}

/** The same as XML, for the styles docx has no option for (snapToGrid, spacing 0). */
function rPrXml(fontName: string, size: number, spacing: number): string {
  const f = `w:ascii="${fontName}" w:hAnsi="${fontName}" w:eastAsia="${fontName}" w:cs="${fontName}"`;
  return (
    `<w:rPr><w:rFonts ${f}/><w:b w:val="0"/><w:bCs w:val="0"/><w:color w:val="${BLACK}"/>` +
    `<w:spacing w:val="${spacing}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
    `<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/></w:rPr>`
  );
}

const exact = (line: number) => `<w:spacing w:before="0" w:after="0" w:line="${line}" w:lineRule="exact"/>`;

// Normal: 3号 仿宋, justified, on the 28.95 pt line, not snapping to the character grid (see GRID). Title: 2号
// 小标宋 at its natural spacing. Footer: the 4号 宋体 page number line. Every other style is based on Normal.
const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"' +
  ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' +
  ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"' +
  ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"' +
  ' xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>' +
  `<w:pPr><w:snapToGrid w:val="0"/>${exact(LINE)}<w:jc w:val="both"/></w:pPr>` +
  `${rPrXml(FONT.body, SIZE.body, CHAR_SPACING)}</w:style>` +
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>' +
  '<w:next w:val="Normal"/><w:qFormat/>' +
  `<w:pPr>${exact(LINE)}<w:jc w:val="center"/></w:pPr>${rPrXml(FONT.title, SIZE.title, 0)}</w:style>` +
  '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>' +
  `<w:pPr>${exact(FOOTER_LINE)}</w:pPr>${rPrXml(FONT.pageNumber, SIZE.pageNumber, 0)}</w:style>` +
  '</w:styles>';

// Every paragraph of the body sits on the 28.95 pt line: exact spacing, no space before or after.
const lineSpacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
// 首行缩进二字: firstLineChars for Word's 字符 unit, firstLine (twips) for what ignores it.
const firstLineIndent = { firstLine: 2 * CHAR, firstLineChars: 200 };

type HeadingKind = Exclude<ReportBlock['kind'], 'paragraph'>;

const HEADING_PREFIX: Record<HeadingKind, RegExp> = {
  heading1: /^\s*[一二三四五六七八九十百零]+[、，,.．]\s*/,
  heading2: /^\s*[（(][一二三四五六七八九十百零]+[）)]\s*/,
  heading3: /^\s*\d+[.．、]\s*/,
};
const HEADING_STYLE = {
  heading1: HeadingLevel.HEADING_1,
  heading2: HeadingLevel.HEADING_2,
  heading3: HeadingLevel.HEADING_3,
} as const;

const text = (t: string, fontName: string = FONT.body) => new TextRun({ text: t, ...runProps(fontName) });

function blockParagraphs(blocks: readonly ReportBlock[]): Paragraph[] {
  const counters = { heading1: 0, heading2: 0, heading3: 0 };
  const out: Paragraph[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      // A line break in the text starts a new paragraph (with its own indent), as the author meant.
      const lines: TextRun[][] = [[]];
      for (const run of block.runs) {
        run.text.split(/\r?\n/).forEach((piece, i) => {
          if (i > 0) lines.push([]);
          if (piece) lines[lines.length - 1]!.push(text(piece));
        });
      }
      for (const children of lines.filter((l) => l.length > 0)) {
        out.push(
          new Paragraph({
            children,
            alignment: AlignmentType.JUSTIFIED,
            indent: firstLineIndent,
            spacing: lineSpacing,
          }),
        );
      }
      continue;
    }
    // 7.3.3 层次序数 一、（一）1. — numbered here, each level restarting under the one above.
    const kind: HeadingKind = block.kind;
    let number: string;
    if (kind === 'heading1') {
      counters.heading1 += 1;
      counters.heading2 = 0;
      counters.heading3 = 0;
      number = `${chineseOrdinal(counters.heading1)}、`;
    } else if (kind === 'heading2') {
      counters.heading2 += 1;
      counters.heading3 = 0;
      number = `（${chineseOrdinal(counters.heading2)}）`;
    } else {
      counters.heading3 += 1;
      number = `${counters.heading3}.`;
    }
    // A number the author typed is dropped rather than doubled.
    const texts = block.runs.map((r, i) => {
      const t = r.text.replace(/\s*\r?\n\s*/g, '');
      return i === 0 ? t.replace(HEADING_PREFIX[kind], '') : t;
    });
    out.push(
      new Paragraph({
        heading: HEADING_STYLE[kind],
        children: [number, ...texts].filter(Boolean).map((t) => text(t, FONT[kind])),
        alignment: AlignmentType.JUSTIFIED,
        indent: firstLineIndent,
        spacing: lineSpacing,
        keepNext: true,
      }),
    );
  }
  return out;
}

const blank = () => new Paragraph({ children: [], spacing: lineSpacing });

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
        spacing: { line: FOOTER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            // U+2014 is full width (一字线) in 宋体 when Word takes it as East Asian text.
            font: { ...font(FONT.pageNumber), hint: 'eastAsia' },
            size: SIZE.pageNumber,
            sizeComplexScript: SIZE.pageNumber,
            color: BLACK,
            bold: false,
            language: LANGUAGE,
          }),
        ],
      }),
    ],
  });
}

/** The report as .docx bytes. */
export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  const date = formatChineseDate(doc.date);
  const children: Paragraph[] = [];

  if (doc.docNumber) {
    // 发文字号 without a 版头: centred on the first line, the title two lines below it.
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: lineSpacing,
        children: [text(doc.docNumber)],
      }),
      blank(),
      blank(),
    );
  }
  // 7.3.1 标题: 2号小标宋, centred, one or more lines ("\n" lets the author break it symmetrically).
  for (const line of doc.title.split(/\r?\n/).filter((l) => l.trim())) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.TITLE,
        alignment: AlignmentType.CENTER,
        spacing: lineSpacing,
        children: [
          new TextRun({
            text: line.trim(),
            font: font(FONT.title),
            size: SIZE.title,
            sizeComplexScript: SIZE.title,
            color: BLACK,
            bold: false,
            language: LANGUAGE,
          }),
        ],
      }),
    );
  }
  children.push(blank());
  // 7.3.2 主送机关: below the blank line, flush left, wrapping flush left.
  if (doc.recipient) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: lineSpacing,
        children: [text(doc.recipient)],
      }),
    );
  }
  children.push(...blockParagraphs(doc.blocks));

  // 7.3.5 署名 and 成文日期: two blank lines (room for the seal), the date right-aligned 右空四字, each signature
  // line centred on the date: right-aligned with 4 + (date width − line width) / 2 characters of right indent.
  children.push(blank(), blank());
  const dateWidth = widthInChars(date);
  for (const line of doc.signature.split(/\r?\n/).filter((l) => l.trim())) {
    const indent = Math.max(0, 4 + (dateWidth - widthInChars(line.trim())) / 2);
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: Math.round(indent * CHAR) },
        spacing: lineSpacing,
        keepNext: true,
        children: [text(line.trim())],
      }),
    );
  }
  children.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * CHAR },
      spacing: lineSpacing,
      children: [text(date)],
    }),
  );

  const heading = (fontName: string, outlineLevel: number) => ({
    run: runProps(fontName),
    paragraph: { spacing: lineSpacing, indent: firstLineIndent, keepNext: true, outlineLevel },
  });
  const document = new Document({
    title: doc.title.replace(/\s+/g, ''),
    creator: doc.signature.replace(/\s+/g, ''),
    evenAndOddHeaderAndFooters: true,
    externalStyles: STYLES_XML,
    styles: {
      default: {
        document: {
          run: runProps(FONT.body),
          paragraph: { spacing: lineSpacing, alignment: AlignmentType.JUSTIFIED },
        },
        heading1: heading(FONT.heading1, 0),
        heading2: heading(FONT.heading2, 1),
        heading3: heading(FONT.heading3, 2),
        // Unused by the writer, but black too in case an editor applies them (docx's defaults are blue).
        heading4: heading(FONT.body, 3),
        heading5: heading(FONT.body, 4),
        heading6: heading(FONT.body, 5),
        caption: { run: runProps(FONT.body) },
        hyperlink: { run: { color: BLACK } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: mm(15),
              footer: FOOTER_DISTANCE,
              gutter: 0,
            },
          },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: GRID.linePitch,
            charSpace: GRID.charSpace,
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
