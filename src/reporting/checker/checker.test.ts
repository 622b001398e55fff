import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRate } from './claims.js';
import { type CheckResult, type Claim, checkReportText, readReportFile, type SectionKey } from './index.js';
import { normaliseText, parseChineseDecimal, parseChineseInteger, scanNumbers } from './numbers.js';
import { classifyHeading } from './sections.js';

const here = dirname(fileURLToPath(import.meta.url));
const SEEDS = resolve(here, 'fixtures/seeds');
const FIXTURES = resolve(here, 'fixtures');

/** [metric, numerator, denominator, stated, consistent] of every rate claim, in text order. */
type RateRow = [string, number | null, number | null, number | null, boolean | null];

const rateRows = (r: CheckResult): RateRow[] =>
  r.claims
    .filter((c) => c.kind === 'rate')
    .map((c) => [c.metric, c.numerator, c.denominator, c.stated, c.consistent]);
const pairedRows = (r: CheckResult) => rateRows(r).filter(([, n, d]) => n !== null && d !== null);
const mismatchRows = (r: CheckResult) =>
  r.mismatches.map((c) => [c.metric, c.numerator, c.denominator, c.stated, c.computed]);
const sumRows = (r: CheckResult) =>
  r.claims.filter((c) => c.metric === '合计').map((c) => [c.stated, c.computed, c.consistent]);
const headings = (r: CheckResult) =>
  Object.fromEntries(Object.entries(r.sections).map(([k, v]) => [k, v.heading])) as Record<
    SectionKey,
    string | null
  >;

async function check(path: string): Promise<{ text: string; result: CheckResult }> {
  const text = await readReportFile(path);
  return { text, result: checkReportText(text) };
}

function expectOffsetsHold(text: string, claims: Claim[]) {
  for (const c of claims) {
    expect(c.offset).toBeTypeOf('number');
    expect(text.slice(c.offset, (c.offset ?? 0) + c.text.length)).toBe(c.text);
  }
}

describe('seed reports', () => {
  it('000 复盛镇: 83/86 → 96.5% is right', async () => {
    const { text, result } = await check(join(SEEDS, '000_f9d2cae8522d2589.txt'));
    expect(headings(result)).toEqual({
      achievements: '一、工作开展情况',
      shortcomings: '二、存在的问题',
      leadership: null,
      plans: '三、下一步工作打算',
      other: null,
    });
    expect(rateRows(result)).toEqual([['化解率', 83, 86, 96.5, true]]);
    expect(result.mismatches).toEqual([]);
    const approx = result.claims.filter((c) => c.approximate).map((c) => c.stated);
    expect(approx).toEqual([30]);
    expectOffsetsHold(text, result.claims);
  });

  it('001 民主街道: no rates, approximate counts only', async () => {
    const { text, result } = await check(join(SEEDS, '001_b81c455040d082a5.txt'));
    expect(headings(result)).toEqual({
      achievements: '一、法治建设履职情况',
      shortcomings: '二、存在的问题',
      leadership: null,
      plans: '三、下一步工作打算及建议',
      other: null,
    });
    expect(rateRows(result)).toEqual([]);
    expect(result.mismatches).toEqual([]);
    expect(result.claims.map((c) => [c.stated, c.unit, c.approximate ?? false])).toEqual([
      [20, '处', true],
      [60, '次', true],
      [10, '场', true],
      [700, '份', true],
      [80, '条', true],
      [29, '项', false],
    ]);
    expectOffsetsHold(text, result.claims);
  });

  it('002 南山镇: 173/174 → 99%, a total of 22 people that adds up, 256批453人次', async () => {
    const { text, result } = await check(join(SEEDS, '002_df8454fd868db23b.txt'));
    expect(headings(result)).toEqual({
      achievements: '一、以习近平法治思想为引领,持续推进法治政府建设',
      shortcomings: '六、存在的问题及改进措施',
      leadership: null,
      plans: '六、存在的问题及改进措施',
      other: null,
    });
    expect(rateRows(result)).toEqual([
      ['参考率', 108, null, 100, null],
      ['优秀率', null, 108, 99, null],
      ['办结率', 173, 174, 99, true],
    ]);
    expect(pairedRows(result)).toEqual([['办结率', 173, 174, 99, true]]);
    expect(sumRows(result)).toEqual([[22, 22, true]]);
    expect(result.mismatches).toEqual([]);
    const visits = result.claims.filter((c) => c.text === '2024年我镇共接访群众256批453人次');
    expect(visits.map((c) => [c.metric, c.stated, c.unit])).toEqual([
      ['信访', 256, '批'],
      ['信访', 453, '人次'],
    ]);
    const fiveTimes = result.claims.find((c) => c.text.includes('五次此类'));
    expect(fiveTimes).toMatchObject({ stated: 5, unit: '次', kind: 'count' });
    expectOffsetsHold(text, result.claims);
  });

  it('003 沙市镇: 545/546 stated as 99.9% is flagged', async () => {
    const { text, result } = await check(join(SEEDS, '003_ffb0f4087fd0c98b.txt'));
    expect(headings(result)).toEqual({
      achievements: '一、2022年推进法治政府建设的主要举措和成效',
      shortcomings: '三、2022年法治政府建设存在不足',
      leadership: '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      plans: '四、2023年法治政府建设的计划和打算',
      other: null,
    });
    expect(rateRows(result)).toEqual([
      ['合格率', null, 92, 100, null],
      ['化解率', 545, 546, 99.9, false],
    ]);
    expect(result.mismatches).toHaveLength(1);
    const [slip] = result.mismatches;
    expect(slip).toMatchObject({
      metric: '化解率',
      numerator: 545,
      denominator: 546,
      stated: 99.9,
      computed: 99.8168,
      consistent: false,
      kind: 'rate',
      unit: '起',
      text: '我镇共排查发现546起矛盾纠纷，调处化解545起，化解率达99.9%',
    });
    expect(slip?.note).toBe('545÷546=99.82%,按四舍五入应为99.8%,截断为99.8%,与所述99.9%不符');
    expect(text.slice(slip?.offset, (slip?.offset ?? 0) + (slip?.text.length ?? 0))).toBe(slip?.text);
    expectOffsetsHold(text, result.claims);
  });

  it('004 罗江区: 537/537 → 100%; the other rates have no counts to check', async () => {
    const { text, result } = await check(join(SEEDS, '004_67e2a9c3643c72a9.txt'));
    expect(headings(result)).toEqual({
      achievements: '一、实法治政府建设主体责任',
      shortcomings: '十一、存在的问题及下一步打算',
      leadership: null,
      plans: '十一、存在的问题及下一步打算',
      other: null,
    });
    expect(rateRows(result)).toEqual([
      ['出庭应诉率', null, null, 100, null],
      ['覆盖率', null, null, 100, null],
      ['报备率', null, null, 100, null],
      ['报备合格率', null, null, 100, null],
      ['报备及时率', null, null, 100, null],
      ['调解成功率', 537, 537, 100, true],
    ]);
    expect(result.mismatches).toEqual([]);
    // 审查8件 / 备案6 is not a filing rate: the reviewed documents are not the ones due for filing.
    expect(sumRows(result)).toEqual([]);
    const bigCount = result.claims.find((c) => c.text === '发放宣传资料2万余份');
    expect(bigCount).toMatchObject({ stated: 20000, unit: '份', approximate: true, consistent: null });
    expectOffsetsHold(text, result.claims);
  });
});

describe('own fixtures', () => {
  const cases: Array<{
    file: string;
    sections: SectionKey[];
    paired: RateRow[];
    mismatches: unknown[][];
    sums?: unknown[][];
  }> = [
    {
      file: 'village-short.txt',
      sections: ['achievements', 'shortcomings', 'leadership', 'plans'],
      paired: [['调解成功率', 22, 23, 95.7, true]],
      mismatches: [],
    },
    {
      file: 'county-justice-bureau.txt',
      sections: ['achievements', 'shortcomings', 'leadership', 'plans', 'other'],
      paired: [
        ['纠错率', 13, 47, 27.7, true],
        ['出庭应诉率', 41, 41, 100, true],
        ['报备率', 23, 23, 100, true],
        ['参考率', 1230, 1236, 99.5, true],
        ['合格率', 1198, 1230, 97.6, false],
        ['调解成功率', 1821, 1862, 97.8, true],
      ],
      mismatches: [['合格率', 1198, 1230, 97.6, 97.3984]],
      sums: [
        [47, 47, true],
        [286, 286, true],
      ],
    },
    {
      file: 'chinese-numerals.txt',
      sections: ['achievements', 'shortcomings', 'leadership', 'plans'],
      paired: [
        ['化解率', 118, 120, 98.3, true],
        ['办结率', 43, 45, 95.6, true],
        ['合格率', 84, 86, 99, false],
        ['调解成功率', 32, 32, 100, true],
      ],
      mismatches: [['合格率', 84, 86, 99, 97.6744]],
    },
    {
      file: 'fullwidth-digits.txt',
      sections: ['achievements', 'shortcomings', 'leadership', 'plans', 'other'],
      paired: [
        ['化解率', 125, 128, 97.7, true],
        ['办结率', 63, 63, 100, true],
        ['办结率', 14, 15, 94, false],
      ],
      mismatches: [['办结率', 14, 15, 94, 93.3333]],
    },
    {
      file: 'total-parts-slip.txt',
      sections: ['achievements', 'shortcomings', 'plans'],
      paired: [['调解成功率', 60, 62, 96.8, true]],
      mismatches: [
        ['合计', null, null, 86, 80],
        ['合计', null, null, 14, 13],
      ],
      sums: [
        [86, 80, false],
        [62, 62, true],
        [56, 56, true],
        [40, 35, null],
        [14, 13, false],
        [15, 12, null],
      ],
    },
    {
      file: 'county-government.txt',
      sections: ['achievements', 'shortcomings', 'leadership', 'plans', 'other'],
      paired: [
        ['持证率', 1021, 1046, 97.6, true],
        ['按期办结率', 2298, 2315, 99.27, true],
        ['满意率', 141, 143, 98.6, true],
        ['答复率', 37, 37, 100, true],
        ['化解率', 3150, 3200, 98, null],
        ['出庭应诉率', 63, 65, 96.9, true],
      ],
      mismatches: [],
    },
    {
      file: 'slips-township.txt',
      sections: ['achievements', 'shortcomings', 'plans'],
      paired: [
        ['化解率', 98, 96, 102, false],
        ['调解成功率', 89, 90, 98.8, true],
        ['化解率', 121, 122, 99.18, true],
        ['办结率', 117, 119, 97.5, false],
        ['参考率', 66, 67, 98.5, true],
      ],
      mismatches: [
        ['化解率', 98, 96, 102, 102.0833],
        ['办结率', 117, 119, 97.5, 98.3193],
        ['满意率', null, null, 100.5, null],
      ],
    },
    {
      file: 'approximate.txt',
      sections: ['achievements', 'shortcomings', 'plans'],
      paired: [
        ['调解成功率', 198, 200, 99, null],
        ['化解率', 95, 100, 98, null],
      ],
      mismatches: [],
      sums: [[60, 50, null]],
    },
    {
      file: 'county-market-bureau.txt',
      sections: ['achievements', 'shortcomings', 'leadership', 'plans'],
      paired: [
        ['持证率', 143, 146, 97.9, true],
        ['答复率', 12, 12, 100, true],
        ['报备率', 3, 3, 100, true],
      ],
      mismatches: [],
      sums: [[312, 312, true]],
    },
  ];

  for (const c of cases) {
    it(c.file, async () => {
      const { text, result } = await check(join(FIXTURES, c.file));
      const found = (Object.keys(result.sections) as SectionKey[]).filter((k) => result.sections[k].found);
      expect(found).toEqual(c.sections);
      expect(pairedRows(result)).toEqual(c.paired);
      expect(mismatchRows(result)).toEqual(c.mismatches);
      if (c.sums) expect(sumRows(result)).toEqual(c.sums);
      for (const m of result.mismatches) expect(m.note).toMatch(/不符|大于|超过/);
      expectOffsetsHold(text, result.claims);
    });
  }

  it('approximate figures are marked and never flagged', async () => {
    const { result } = await check(join(FIXTURES, 'approximate.txt'));
    const nearly = result.claims.find((c) => c.text === '全镇矛盾纠纷化解率近100%');
    expect(nearly).toMatchObject({ kind: 'rate', stated: 100, consistent: null, approximate: true });
    const leaflets = result.claims.find((c) => c.text === '发放资料5000余份');
    expect(leaflets).toMatchObject({ kind: 'count', stated: 5000, unit: '份', approximate: true });
    expect(result.claims.filter((c) => c.approximate).length).toBeGreaterThanOrEqual(7);
  });

  it('village report: headings are standalone lines, the title is not a heading', async () => {
    const { result } = await check(join(FIXTURES, 'village-short.txt'));
    expect(headings(result)).toEqual({
      achievements: '主要工作及成效',
      shortcomings: '存在的不足',
      leadership: '党支部书记履行第一责任人职责情况',
      plans: '明年工作打算',
      other: null,
    });
  });
});

describe('number reading', () => {
  it('normalises full-width digits without moving offsets', () => {
    const s = '办结率９７．７％，共１２８件';
    const n = normaliseText(s);
    expect(n).toBe('办结率97.7%，共128件');
    expect(n.length).toBe(s.length);
  });

  it('parses Chinese numerals', () => {
    expect(parseChineseInteger('一百零八')).toBe(108);
    expect(parseChineseInteger('十二')).toBe(12);
    expect(parseChineseInteger('五百四十六')).toBe(546);
    expect(parseChineseInteger('两千')).toBe(2000);
    expect(parseChineseInteger('一万二千')).toBe(12000);
    expect(parseChineseInteger('二〇二三')).toBe(2023);
    expect(parseChineseDecimal('九十九点八')).toBe('99.8');
    expect(parseChineseDecimal('九十九点八零')).toBe('99.80');
  });

  it('reads counts, units, separators and percentages', () => {
    const rows = (s: string) =>
      scanNumbers(normaliseText(s)).map((t) => [t.kind, t.value, t.unit ?? null, t.approximate]);
    expect(rows('接访群众256批453人次')).toEqual([
      ['count', 256, '批', false],
      ['count', 453, '人次', false],
    ]);
    expect(rows('发放1,200份,化解率百分之九十九点八,调解成功率百分之百')).toEqual([
      ['count', 1200, '份', false],
      ['percent', 99.8, null, false],
      ['percent', 100, null, false],
    ]);
    expect(rows('开展普法活动50余场,惠及近3000人,冻结68万元,覆盖2万多户')).toEqual([
      ['count', 50, '场', true],
      ['count', 3000, '人', true],
      ['count', 68, '万元', false],
      ['count', 20000, '户', true],
    ]);
    // Years, dates, document numbers, ordinals and idioms are not counts.
    expect(rows('2023年3月，解政〔2023〕4号，第四批，一村一法律顾问，“一件事一次办”，万人助万企')).toEqual(
      [],
    );
    expect(rows('已开展五次学习，每季度听取1次汇报，3至5名干部')).toEqual([
      ['count', 5, '次', false],
      ['count', 1, '次', false],
      ['count', 5, '名', true],
    ]);
  });

  it('recomputes at the stated precision, accepting round-half-up or truncation', () => {
    const t = (s: string) => scanNumbers(normaliseText(s))[0]!;
    const rate = (num: number, den: number, pct: string) =>
      checkRate(t(`${num}件`), t(`${den}件`), t(pct)).consistent;
    expect(rate(173, 174, '99%')).toBe(true); // 99.43 → 99
    expect(rate(545, 546, '99.9%')).toBe(false); // 99.817 → 99.8 either way
    expect(rate(545, 546, '99.8%')).toBe(true);
    expect(rate(545, 546, '99.82%')).toBe(true);
    expect(rate(545, 546, '99.81%')).toBe(true); // truncation
    expect(rate(22, 23, '95.7%')).toBe(true); // half-up
    expect(rate(22, 23, '95.6%')).toBe(true); // truncation
    expect(rate(22, 23, '95.5%')).toBe(false);
    expect(rate(1, 8, '12.5%')).toBe(true);
    expect(rate(1, 8, '13%')).toBe(true); // 12.5 half-up → 13
    expect(rate(1, 8, '12%')).toBe(true); // truncation
    expect(rate(1, 8, '14%')).toBe(false);
    expect(rate(10, 9, '100%')).toBe(false); // numerator above denominator
    expect(rate(0, 5, '0%')).toBe(true);
  });
});

describe('claims in single sentences', () => {
  const rows = (s: string) => rateRows(checkReportText(s));
  it('pairs by marker words, not by position alone', () => {
    expect(rows('共排查化解矛盾纠纷120件,成功化解118件,化解率98.3%。')).toEqual([
      ['化解率', 118, 120, 98.3, true],
    ]);
    expect(rows('受理174件,已办结173件,正在办理1件,办结率99.4%。')).toEqual([
      ['办结率', 173, 174, 99.4, true],
    ]);
    expect(rows('应考120人,实考118人,参考率98.3%,合格116人,合格率98.3%。')).toEqual([
      ['参考率', 118, 120, 98.3, true],
      ['合格率', 116, 118, 98.3, true],
    ]);
    expect(rows('排查矛盾纠纷102件,化解100件,化解率达到了98.1%。')).toEqual([
      ['化解率', 100, 102, 98.1, false],
    ]);
  });

  it('leaves what it cannot check unchecked', () => {
    expect(rows('化解率为98.3%(118/120)。')).toEqual([['化解率', null, null, 98.3, null]]);
    expect(rows('全年共受理案件50件,同比增长15%。')).toEqual([['增幅', null, null, 15, null]]);
    expect(rows('受理100件,办结98件,办结率98%,满意率97%。')).toEqual([
      ['办结率', 98, 100, 98, true],
      ['满意率', null, null, 97, null],
    ]);
    // 撤销 is one kind of correction among several: not paired with 纠错率.
    expect(rows('审结10件,其中撤销2件,纠错率20%。')).toEqual([['纠错率', null, 10, 20, null]]);
  });

  it('checks totals against their parts', () => {
    const sums = (s: string) => sumRows(checkReportText(s));
    expect(sums('共处理信访86件,其中来信30件、来访56件。')).toEqual([[86, 86, true]]);
    expect(sums('共处理信访86件,其中来信30件、来访50件。')).toEqual([[86, 80, false]]);
    expect(sums('共处理信访86件,其中来信50件、来访56件等。')).toEqual([[86, 106, false]]);
    expect(sums('共处理信访86件,其中来信30件、来访50件等。')).toEqual([[86, 80, null]]);
    expect(sums('共处理信访86件,其中来访96件。')).toEqual([[86, 96, false]]);
    expect(sums('共处理信访86件,其中来访56件。')).toEqual([]);
    // Outcomes of cases received may leave some pending.
    expect(sums('全年受理行政复议案件10件,其中维持4件、撤销2件。')).toEqual([[10, 6, null]]);
    expect(sums('全年审结行政复议案件10件,其中维持4件、撤销2件。')).toEqual([[10, 6, false]]);
  });
});

describe('sections by meaning', () => {
  it.each([
    ['2022年推进法治政府建设的主要举措和成效', ['achievements']],
    ['工作开展情况', ['achievements']],
    ['主要做法及成效', ['achievements']],
    ['存在问题及原因', ['shortcomings']],
    ['问题与不足', ['shortcomings']],
    ['不足之处', ['shortcomings']],
    ['党政主要负责人履行推进法治建设第一责任人职责情况', ['leadership']],
    ['领导班子述法情况', ['leadership']],
    ['下一步工作打算', ['plans']],
    ['下一步主要工作', ['plans']],
    ['2023年工作思路', ['plans']],
    ['2024年推进法治政府建设的主要安排', ['plans']],
    ['存在的问题及下一步打算', ['shortcomings', 'plans']],
    ['其他需要报告的情况', ['other']],
    ['以习近平法治思想为引领', []],
  ])('%s', (title, keys) => {
    expect(classifyHeading(title)).toEqual(keys);
  });

  it('finds numbered headings and ignores sub-headings and body lines', () => {
    const text = [
      '某镇2023年法治政府建设情况报告',
      '一、主要工作',
      '（一）存在问题的整改。全年受理矛盾纠纷10件,办结10件,办结率100%。',
      '二、存在问题及原因',
      '三、主要负责人履行职责情况',
      '党政主要负责人履行推进法治建设第一责任人职责,带头述法。',
      '四、2024年工作思路',
      '五、其他事项',
    ].join('\n');
    const r = checkReportText(text);
    expect(headings(r)).toEqual({
      achievements: '一、主要工作',
      shortcomings: '二、存在问题及原因',
      leadership: '三、主要负责人履行职责情况',
      plans: '四、2024年工作思路',
      other: '五、其他事项',
    });
    expect(r.sections.shortcomings.offset).toBe(text.indexOf('二、存在问题及原因'));
    expect(pairedRows(r)).toEqual([['办结率', 10, 10, 100, true]]);
  });
});

describe('readReportFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fazhi-checker-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a .docx: paragraphs in order, field codes stripped', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              text: '一、2022年推进法治政府建设的主要举措和成效',
              heading: HeadingLevel.HEADING_1,
            }),
            new Paragraph({
              children: [
                new TextRun('2022年,我镇共排查发现546起矛盾纠纷,'),
                new TextRun({ text: '调处化解545起', bold: true }),
                new TextRun(',化解率达99.9%。'),
              ],
            }),
            new Paragraph({ children: [new TextRun('共受理信访事项40件,办结40件,办结率100%。')] }),
            new Paragraph({ children: [new TextRun({ children: ['第', PageNumber.CURRENT, '页'] })] }),
          ],
        },
      ],
    });
    const path = join(dir, 'report.docx');
    await writeFile(path, await Packer.toBuffer(doc));
    const text = await readReportFile(path);
    expect(text.split('\n')).toEqual([
      '一、2022年推进法治政府建设的主要举措和成效',
      '2022年,我镇共排查发现546起矛盾纠纷,调处化解545起,化解率达99.9%。',
      '共受理信访事项40件,办结40件,办结率100%。',
      '第页',
    ]);
    const result = checkReportText(text);
    expect(result.sections.achievements.heading).toBe('一、2022年推进法治政府建设的主要举措和成效');
    expect(mismatchRows(result)).toEqual([['化解率', 545, 546, 99.9, 99.8168]]);
    expect(pairedRows(result)).toEqual([
      ['化解率', 545, 546, 99.9, false],
      ['办结率', 40, 40, 100, true],
    ]);
  });

  it('reads GBK-encoded and BOM-prefixed UTF-8 text', async () => {
    // Build a GBK encoder from the platform's GBK decoder.
    const decoder = new TextDecoder('gbk');
    const table = new Map<string, number[]>();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
    const source = '一、主要举措和成效\n共排查矛盾纠纷546件,成功调处545件,化解率99.9%。\n';
    const bytes = [...source].flatMap((ch) =>
      ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!,
    );
    const gbkPath = join(dir, 'gbk.txt');
    await writeFile(gbkPath, Uint8Array.from(bytes));
    expect(await readReportFile(gbkPath)).toBe(source);

    const bomPath = join(dir, 'bom.txt');
    await writeFile(bomPath, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source, 'utf8')]));
    const text = await readReportFile(bomPath);
    expect(text).toBe(source);
    expect(mismatchRows(checkReportText(text))).toEqual([['化解率', 545, 546, 99.9, 99.8168]]);
  });

  it('reads the seeds as UTF-8 unchanged', async () => {
    const path = join(SEEDS, '003_ffb0f4087fd0c98b.txt');
    expect(await readReportFile(path)).toBe((await readFile(path, 'utf8')).replace(/\r\n?/g, '\n'));
  });
});
