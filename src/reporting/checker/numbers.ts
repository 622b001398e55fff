/**
 * Number scanning for the report checker: normalisation that keeps character offsets, Chinese numerals,
 * counts with units and percentages.
 */

/** Replace full-width digits, '％' and '．' by their ASCII forms. Same length as the input, so offsets hold. */
export function normaliseText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 0x30);
    else if (ch === '％' || ch === '﹪') out += '%';
    else if (ch === '．') out += '.';
    else out += ch;
  }
  return out;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** Parse a Chinese integer: 一百零八 → 108, 十二 → 12, 五万 → 50000, 二〇二三 → 2023. Null when unparsable. */
export function parseChineseInteger(s: string): number | null {
  if (s.length === 0) return null;
  const positional = /[十百千万亿]/.test(s);
  if (!positional) {
    // Digit by digit: 二〇二三.
    let v = 0;
    for (const ch of s) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = CN_SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (digit === 0 ? 1 : digit) * small;
      digit = 0;
      continue;
    }
    const big = CN_BIG_UNITS[ch];
    if (big !== undefined) {
      total += (section + digit) * big;
      section = 0;
      digit = 0;
      continue;
    }
    return null;
  }
  return total + section + digit;
}

/** Parse a Chinese decimal like 九十九点八 into its canonical decimal string ('99.8'). */
export function parseChineseDecimal(s: string): string | null {
  const [intPart, fracPart, ...rest] = s.split('点');
  if (intPart === undefined || rest.length > 0) return null;
  const whole = intPart === '' ? 0 : parseChineseInteger(intPart);
  if (whole === null) return null;
  if (fracPart === undefined) return String(whole);
  let frac = '';
  for (const ch of fracPart) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return null;
    frac += String(d);
  }
  return frac === '' ? String(whole) : `${whole}.${frac}`;
}

/** Units of counts, longest first so that 人次 wins over 人. */
export const COUNT_UNITS = [
  '人次',
  '场次',
  '户次',
  '件次',
  '万元',
  '亿元',
  '学时',
  '课时',
  '元',
  '件',
  '起',
  '宗',
  '例',
  '批',
  '人',
  '名',
  '位',
  '场',
  '次',
  '份',
  '册',
  '本',
  '条',
  '项',
  '个',
  '家',
  '处',
  '户',
  '所',
  '支',
  '张',
  '幅',
  '篇',
  '期',
  '部',
  '套',
  '台',
  '块',
  '辆',
  '轮',
  '类',
  '栋',
  '亩',
] as const;

/** A unit followed by one of these characters is part of another word (个月, 部门, 家庭, 台账 …). */
const UNIT_FALSE_FOLLOWERS: Record<string, RegExp> = {
  个: /^(月|工作日|小时|百分点|季度|星期)/,
  部: /^门/,
  家: /^(庭|属|长|乡|人)/,
  台: /^账/,
  场: /^(所|镇|地|景|合)/,
  处: /^(罚|理|置|分|室|长)/,
  户: /^(籍|口)/,
  元: /^旦/,
  起: /^(草|点|步)/,
  期: /^(间|限|满)/,
  条: /^(例|款|件)/,
  本: /^(单位|镇|村|级|部门|年|辖区)/,
  人: /^(民|员|大|口|才|社|身|均)/,
  名: /^(单|称|义)/,
  次: /^(日|年|月)/,
  位: /^置/,
  所: /^(长|属|有|在|得)/,
  类: /^似/,
};

/** Units grouped so that a rate only pairs counts measured alike (件/起/宗 are all 'case'). */
export function unitFamily(unit: string | undefined): string {
  if (unit === undefined) return '';
  if (['件', '起', '宗', '例', '个'].includes(unit)) return 'case';
  if (['人', '名', '位'].includes(unit)) return 'person';
  if (['场', '场次'].includes(unit)) return 'session';
  return unit;
}

export interface NumToken {
  kind: 'count' | 'percent';
  /** Offset of the first character of the figure (including prefixes like 百分之). */
  start: number;
  /** Offset just past the unit or the percent sign. */
  end: number;
  value: number;
  /** Canonical decimal string of the value (percentages keep their stated decimals: '99.80'). */
  valueText: string;
  /** Number of decimals as stated. */
  decimals: number;
  unit?: string;
  approximate: boolean;
  /** How the figure is approximate (余, 多, 近, 以上 …), for the note. */
  approxMarker?: string;
  /** The figure is a lower bound (以上, 超过 …). */
  lowerBound?: boolean;
}

const APPROX_BEFORE = /(将近|接近|大约|约为|约|近|超过|超出|逾|超|多达|不少于|不低于|高于|达到?\s*约)\s*$/;
const APPROX_AFTER = /^\s*(以上|左右|上下|多|余|之多|有余)/;
const RANGE_BEFORE = /\d\s*(至|到|-|~|～|—|－)\s*$/;

function approxAround(norm: string, start: number, end: number): { marker?: string; lowerBound: boolean } {
  const before = norm.slice(Math.max(0, start - 6), start);
  const after = norm.slice(end, end + 4);
  const b = APPROX_BEFORE.exec(before);
  const a = APPROX_AFTER.exec(after);
  const r = RANGE_BEFORE.exec(before);
  const marker = a?.[1] ?? b?.[1] ?? (r ? `${r[1]}(范围)` : undefined);
  const lowerBound = /以上|超|逾|不少于|不低于|高于|多达/.test(`${b?.[1] ?? ''}${a?.[1] ?? ''}`);
  return { marker, lowerBound };
}

/** Verbs and words after which a bare Chinese numeral like 五 is a count (开展五次), not an idiom (一村一). */
const CN_TRIGGER =
  /(共|计|达|有|了|约|近|逾|开展|举办|组织|召开|受理|办结|办理|审结|排查|发现|化解|调处|调解|成功|参加|参与|发放|接访|接待|听取|处理|学习|审查|备案|收到|新收|举行|培训|出动|聘请|配备|签订|走访|提供|解答|公示|公开|制发|清理|立案|查处|其中|分别为|为|合格|通过|出庭|实考|应考)\s*$/;

const ARABIC_COUNT = new RegExp(
  `(\\d{1,3}(?:,\\d{3})+(?![\\d.])|\\d+(?:\\.\\d+)?)(\\s*)(余|多)?(万|千|亿)?(余|多)?\\s*(${COUNT_UNITS.join('|')})`,
  'g',
);
const CHINESE_COUNT = new RegExp(
  `([零〇一二两三四五六七八九十百千万]+)(余|多)?(${COUNT_UNITS.join('|')})`,
  'g',
);
const ARABIC_PERCENT = /(\d+(?:\.\d+)?)\s*%/g;
const CHINESE_PERCENT = /百分之(百|[零〇一二两三四五六七八九十百点]+)|百分百/g;

function decimalsOf(valueText: string): number {
  const dot = valueText.indexOf('.');
  return dot < 0 ? 0 : valueText.length - dot - 1;
}

function unitIsWord(norm: string, unitEnd: number, unit: string): boolean {
  const follower = UNIT_FALSE_FOLLOWERS[unit];
  return follower?.test(norm.slice(unitEnd, unitEnd + 4)) ?? false;
}

/** Scan a normalised text for counts with units and percentages. Sorted by offset, non-overlapping. */
export function scanNumbers(norm: string): NumToken[] {
  const tokens: NumToken[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);

  for (const m of norm.matchAll(CHINESE_PERCENT)) {
    const start = m.index;
    const end = start + m[0].length;
    const raw = m[1];
    const valueText = raw === undefined || raw === '百' ? '100' : parseChineseDecimal(raw);
    if (valueText === null) continue;
    const ax = approxAround(norm, start, end);
    tokens.push({
      kind: 'percent',
      start,
      end,
      value: Number(valueText),
      valueText,
      decimals: decimalsOf(valueText),
      approximate: ax.marker !== undefined,
      approxMarker: ax.marker,
      lowerBound: ax.lowerBound,
    });
    taken.push([start, end]);
  }

  for (const m of norm.matchAll(ARABIC_PERCENT)) {
    const start = m.index;
    const end = start + m[0].length;
    const prev = norm[start - 1] ?? '';
    if (/[\d.]/.test(prev) || overlaps(start, end)) continue;
    const valueText = m[1] ?? '';
    const ax = approxAround(norm, start, end);
    tokens.push({
      kind: 'percent',
      start,
      end,
      value: Number(valueText),
      valueText,
      decimals: decimalsOf(valueText),
      approximate: ax.marker !== undefined,
      approxMarker: ax.marker,
      lowerBound: ax.lowerBound,
    });
    taken.push([start, end]);
  }

  for (const m of norm.matchAll(ARABIC_COUNT)) {
    const start = m.index;
    const end = start + m[0].length;
    const prev = norm[start - 1] ?? '';
    // Part of a code, a document number, a decimal or an ordinal (第3批).
    if (/[\dA-Za-z.〔[\-_/#〕]/.test(prev) && !RANGE_BEFORE.test(norm.slice(Math.max(0, start - 3), start)))
      continue;
    if (prev === '第' || overlaps(start, end)) continue;
    const [, digits = '', , approxA, mult, approxB, unitRaw = ''] = m;
    if (unitIsWord(norm, end, unitRaw)) continue;
    let unit: string = unitRaw;
    let value = Number(digits.replaceAll(',', ''));
    let valueText = digits.replaceAll(',', '');
    if (mult !== undefined) {
      if (unit === '元') unit = `${mult}元`;
      else {
        const factor = mult === '万' ? 10_000 : mult === '千' ? 1000 : 100_000_000;
        value = Math.round(value * factor * 1e6) / 1e6;
        valueText = String(value);
      }
    }
    const inner = approxA ?? approxB;
    const ax = approxAround(norm, start, end);
    const marker = inner ?? ax.marker;
    tokens.push({
      kind: 'count',
      start,
      end,
      value,
      valueText,
      decimals: decimalsOf(valueText),
      unit,
      approximate: marker !== undefined,
      approxMarker: marker,
      lowerBound: inner !== undefined || ax.lowerBound,
    });
    taken.push([start, end]);
  }

  for (const m of norm.matchAll(CHINESE_COUNT)) {
    const start = m.index;
    const end = start + m[0].length;
    const [, numeral = '', approxMark, unit = ''] = m;
    if (overlaps(start, end) || norm[start - 1] === '第' || unitIsWord(norm, end, unit)) continue;
    const positional = numeral.length >= 2 && /[十百千]/.test(numeral);
    if (!positional && !CN_TRIGGER.test(norm.slice(Math.max(0, start - 6), start))) continue;
    const value = parseChineseInteger(numeral);
    if (value === null) continue;
    const ax = approxAround(norm, start, end);
    const marker = approxMark ?? ax.marker;
    tokens.push({
      kind: 'count',
      start,
      end,
      value,
      valueText: String(value),
      decimals: 0,
      unit,
      approximate: marker !== undefined,
      approxMarker: marker,
      lowerBound: approxMark !== undefined || ax.lowerBound,
    });
    taken.push([start, end]);
  }

  return tokens.sort((a, b) => a.start - b.start);
}
