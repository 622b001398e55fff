/**
 * Claims: counts with units, rates paired with the counts they come from, and totals with their parts.
 * Works on the normalised text (same offsets as the original); fragments are cut from the original.
 */
import { type NumToken, normaliseText, scanNumbers, unitFamily } from './numbers.js';
import { OTHER_RATE_NAMES, RATE_DEFS, type RateDef } from './rate-defs.js';
import type { Claim } from './types.js';

interface Span {
  start: number;
  end: number;
}

const SENTENCE_END = /[。;；！？!?\n]/;
const CLAUSE_SEP = /[,，、:：;；。！？!?\n]/;

export function splitSentences(norm: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= norm.length; i++) {
    if (i === norm.length || SENTENCE_END.test(norm[i] ?? '')) {
      if (i > start) spans.push({ start, end: i });
      start = i + 1;
    }
  }
  return spans;
}

function clauseAround(norm: string, s: Span, at: number, atEnd: number): Span {
  let start = at;
  while (start > s.start && !CLAUSE_SEP.test(norm[start - 1] ?? '')) start--;
  let end = atEnd;
  while (end < s.end && !CLAUSE_SEP.test(norm[end] ?? '')) end++;
  return { start, end };
}

/** A span trimmed of surrounding whitespace, as a fragment of the original text. */
function fragment(original: string, start: number, end: number): { text: string; offset: number } {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(original[a] ?? '')) a++;
  while (b > a && /\s/.test(original[b - 1] ?? '')) b--;
  return { text: original.slice(a, b), offset: a };
}

// ---------------------------------------------------------------------------------------------
// Rate words

const ALL_RATE_NAMES: Array<{ name: string; def: RateDef | null }> = [
  ...RATE_DEFS.flatMap((def) => def.names.map((name) => ({ name, def }))),
  ...OTHER_RATE_NAMES.map((name) => ({ name, def: null })),
].sort((a, b) => b.name.length - a.name.length);

/** Words between a rate's name and its value: 化解率达99.9%, 报备率达到 100%, 合格率为百分之百. */
const CONNECTOR =
  /(达到|达至|达|为|是|保持在|保持|均为|均达到|均达|实现|提升至|提升到|提高到|提高至|约为|约|近|接近|超过|超|高达|稳定在|在|了|均|分别为|:|：|\s)+$/;

interface RateName {
  word: string;
  start: number;
  metric: string;
  def: RateDef | null;
  /** A ratio (bounded by 100%), as opposed to a growth figure. */
  bounded: boolean;
}

function normaliseRateWord(run: string): {
  metric: string;
  word: string;
  def: RateDef | null;
  known: boolean;
} {
  for (const { name, def } of ALL_RATE_NAMES)
    if (run.endsWith(name)) return { metric: def?.metric ?? name, word: name, def, known: true };
  const short = run.length > 3 ? run.slice(-3) : run;
  return { metric: short, word: short, def: null, known: false };
}

/** The rate words a percentage belongs to (several for 报备率、报备合格率、报备及时率达到100%). */
function rateNamesBefore(norm: string, sentenceStart: number, pctStart: number): RateName[] {
  let head = norm.slice(sentenceStart, pctStart);
  const conn = CONNECTOR.exec(head);
  if (conn) head = head.slice(0, conn.index);
  const names: RateName[] = [];
  for (;;) {
    const m = /([\u4e00-\u9fff]{0,12})(率|满意度)$/.exec(head);
    if (!m) break;
    const run = m[0];
    const { metric, word, def, known } = normaliseRateWord(run);
    const wordStart = sentenceStart + m.index + run.length - word.length;
    names.unshift({
      word: run,
      start: wordStart,
      metric,
      def,
      bounded: known && !/增长|占有/.test(metric),
    });
    head = head.slice(0, m.index);
    const link = /(、|和|及|与|以及)$/.exec(head);
    if (!link) break;
    head = head.slice(0, link.index);
  }
  return names;
}

function otherPercentMetric(norm: string, sentenceStart: number, pctStart: number): string {
  const head = norm.slice(Math.max(sentenceStart, pctStart - 16), pctStart).replace(CONNECTOR, '');
  if (/占[^,，、;；。]{0,12}$/.test(head)) return '占比';
  if (/(增长|下降|提高|降低|减少|增加|上升|同比|环比)了?$/.test(head)) return '增幅';
  return '比例';
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

function pow10(d: number): bigint {
  return 10n ** BigInt(d);
}

/** value × 10^d as an exact integer, when value is an integer. */
function formatScaled(scaled: bigint, d: number): string {
  if (d === 0) return scaled.toString();
  const s = scaled.toString().padStart(d + 1, '0');
  return `${s.slice(0, -d)}.${s.slice(-d)}`;
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function scaledStated(valueText: string, d: number): bigint {
  const [i = '0', f = ''] = valueText.split('.');
  return BigInt(i) * pow10(d) + BigInt(f.padEnd(d, '0') || '0');
}

interface RateCheck {
  computed: number | null;
  consistent: boolean | null;
  note: string;
}

export function checkRate(num: NumToken, den: NumToken, pct: NumToken): RateCheck {
  const stated = `${pct.valueText}%`;
  if (den.value === 0) return { computed: null, consistent: null, note: '分母为0,无法计算' };
  const computed = Math.round((num.value / den.value) * 100 * 10_000) / 10_000;
  const approx = [pct, num, den].find((t) => t.approximate);
  if (approx) {
    return {
      computed,
      consistent: null,
      note: `${num.valueText}÷${den.valueText}≈${fmt(computed)}%;含约数(“${approx.approxMarker ?? ''}”),不作核对`,
    };
  }
  if (num.value > den.value) {
    return {
      computed,
      consistent: false,
      note: `分子${num.valueText}${num.unit ?? ''}大于分母${den.valueText}${den.unit ?? ''},比率不可能为${stated}(应≤100%)`,
    };
  }
  if (pct.value > 100) {
    return { computed, consistent: false, note: `所述比率${stated}超过100%` };
  }
  const d = pct.decimals;
  let halfUp: string;
  let trunc: string;
  let ok: boolean;
  if (Number.isInteger(num.value) && Number.isInteger(den.value)) {
    const n = BigInt(num.value) * 100n * pow10(d);
    const q = BigInt(den.value);
    const t = n / q;
    const h = (2n * n + q) / (2n * q);
    const s = scaledStated(pct.valueText, d);
    halfUp = formatScaled(h, d);
    trunc = formatScaled(t, d);
    ok = s === h || s === t;
  } else {
    const x = (num.value / den.value) * 100 * 10 ** d;
    const h = Math.floor(x + 0.5 + 1e-9);
    const t = Math.floor(x + 1e-9);
    halfUp = (h / 10 ** d).toFixed(d);
    trunc = (t / 10 ** d).toFixed(d);
    const s = Math.round(pct.value * 10 ** d);
    ok = s === h || s === t;
  }
  const base = `${num.valueText}÷${den.valueText}=${fmt(computed)}%,按四舍五入应为${halfUp}%,截断为${trunc}%`;
  return {
    computed,
    consistent: ok,
    note: `${base},与所述${stated}${ok ? '相符' : '不符'}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Counts: context and role

interface CountInfo {
  token: NumToken;
  sentence: Span;
  clause: Span;
  /** The words that tell what the count is: its clause, cut at neighbouring counts and rate words. */
  context: Span;
}

function buildCountInfos(norm: string, sentence: Span, tokens: NumToken[]): CountInfo[] {
  const counts = tokens.filter((t) => t.kind === 'count');
  return counts.map((token, i) => {
    const clause = clauseAround(norm, sentence, token.start, token.end);
    const prev = counts[i - 1];
    const next = counts[i + 1];
    let start = clause.start;
    if (prev && prev.end > start) start = prev.end;
    let end = clause.end;
    if (next && next.start < end) end = next.start;
    for (const t of tokens) if (t.kind === 'percent' && t.start >= token.end && t.start < end) end = t.start;
    const rateWord = /[\u4e00-\u9fff]{0,8}(率|满意度)/.exec(norm.slice(token.end, end));
    if (rateWord) end = token.end + rateWord.index;
    return { token, sentence, clause, context: { start, end } };
  });
}

const NEGATION = /(未|不|不予|没有|没|尚未|待|正在|拟)$/;
const markerRegexCache = new Map<RateDef, RegExp>();

function markerRegex(def: RateDef): RegExp {
  let re = markerRegexCache.get(def);
  if (!re) {
    re = new RegExp(def.markers.map(([src]) => `(${src})`).join('|'), 'g');
    markerRegexCache.set(def, re);
  }
  return re;
}

/** Whether a count is a numerator or a denominator of a rate: the role of the nearest marker word. */
function roleOf(norm: string, info: CountInfo, def: RateDef): 'num' | 'den' | null {
  const { context, token } = info;
  const re = markerRegex(def);
  let best: { dist: number; role: 'num' | 'den' | 'none' } | null = null;
  for (const m of norm.slice(context.start, context.end).matchAll(re)) {
    const at = context.start + m.index;
    const idx = m.slice(1).findIndex((g) => g !== undefined);
    const role = def.markers[idx]?.[1];
    if (role === undefined) continue;
    if (NEGATION.test(norm.slice(Math.max(context.start, at - 2), at))) continue;
    const endAt = at + m[0].length;
    const dist = endAt <= token.start ? token.start - endAt : at >= token.end ? at - token.end + 0.5 : 0;
    if (!best || dist < best.dist) best = { dist, role };
  }
  return best && best.role !== 'none' ? best.role : null;
}

const TOPICS: Array<[RegExp, string]> = [
  [/信访|接访|来信|来访|上访|访件/, '信访'],
  [/矛盾纠纷|纠纷/, '矛盾纠纷'],
  [/行政复议|复议/, '行政复议'],
  [/行政诉讼|应诉|出庭|诉讼案件/, '行政诉讼'],
  [/规范性文件/, '规范性文件'],
  [/行政决策|决策事项/, '重大行政决策'],
  [/行政处罚|处罚/, '行政处罚'],
  [/执法证|持证/, '行政执法证'],
  [/法律顾问|公职律师|律师/, '法律顾问'],
  [/法律援助/, '法律援助'],
  [/法律咨询|咨询/, '法律咨询'],
  [/考试/, '学法考试'],
  [/普法|宣传|讲座/, '普法宣传'],
  [/调解员|调解/, '人民调解'],
  [/政府信息公开|依申请公开|信息公开/, '政府信息公开'],
  [/执法/, '行政执法'],
  [/学习/, '学法'],
  [/案件|案/, '案件'],
];

function countMetric(norm: string, info: CountInfo): string {
  const { context, clause, token } = info;
  for (const span of [context, clause]) {
    const words = norm.slice(span.start, span.end);
    let best: { dist: number; metric: string } | null = null;
    for (const [re, metric] of TOPICS) {
      for (const m of words.matchAll(new RegExp(re.source, 'g'))) {
        const at = span.start + m.index;
        const dist = at < token.start ? token.start - (at + m[0].length) : at - token.end;
        if (!best || dist < best.dist) best = { dist, metric };
      }
    }
    if (best) return best.metric;
  }
  // No topic word: the noun just before the figure (网格员52名 → 网格员), or the one after it when
  // the words before are only a verb or a preposition (对我镇182项服务事项 → 服务事项).
  const before = (
    /[\u4e00-\u9fff“”]*$/.exec(norm.slice(context.start, token.start).replace(/\s+$/, ''))?.[0] ?? ''
  )
    .replace(/[“”]/g, '')
    .replace(LEADING_FILLER, '')
    .replace(/(共计|共|累计|合计|总计|达|有|约|近|超|已)+$/, '');
  const after = (/^[\u4e00-\u9fff“”]{1,12}/.exec(norm.slice(token.end, context.end))?.[0] ?? '')
    .replace(/[“”]/g, '')
    .replace(/(的|已|均|全部|进行|开展|参与|参加|取得|担任|签订|安装|结合|选任|推广|上云|实施|设置).*$/, '');
  const useAfter =
    after.length >= 2 &&
    (before.length < 2 || /(对|向|为|给|由|针对|对照|我[镇区县]|全[镇区县])$/.test(before));
  const label = useAfter
    ? after
    : before.replace(
        /^.*(针对|对照|对于|对|设置|安装|收集|建立|挂载|报告|解决|影响|听取|配备|聘请|发放)/,
        '',
      );
  if (label.length >= 2) return label.slice(-8);
  return after || (token.unit ?? '计数');
}

const LEADING_FILLER =
  /^(\d{4}年(度)?|今年以来|今年|全年|上半年|下半年|截至目前|目前|先后|我[镇街区县乡村局]|全[镇街区县乡村]|共计|共|累计|合计|总计|其中|开展|组织|举办|完成|已|在|按上级要求)+/;

// ---------------------------------------------------------------------------------------------
// Totals and parts: 共处理信访86件,其中来信30件、来访56件

const PART_GAP = /^[,，、;；\s]*(和|及|与|以及)?[^\d,，、;；。:：()（）]{0,16}$/;
const PART_AFTER = /^\s*([,，、;；。)）]|和|及|与|等|$)/;

function isPartShaped(norm: string, from: number, t: NumToken, sentence: Span): boolean {
  if (t.kind !== 'count') return false;
  return PART_GAP.test(norm.slice(from, t.start)) && PART_AFTER.test(norm.slice(t.end, sentence.end));
}

const OUTCOME =
  /维持|撤销|驳回|确认违法|确认无效|变更|责令履行|纠错|办结|结案|审结|调解成功|化解|终止|撤回|不予受理|答复|移送/;

function separatorKind(gap: string): string {
  const sep = /[,，、;；]|和|及|与/.exec(gap)?.[0] ?? '';
  return sep === '，' ? ',' : sep === '；' ? ';' : /和|及|与/.test(sep) ? '、' : sep;
}

/** When the first k ≥ 2 parts already make up the total exactly, the parts after them are something else. */
function exactPrefix(parts: NumToken[], total: NumToken): NumToken[] {
  let sum = 0;
  let best = 0;
  parts.forEach((p, i) => {
    sum += p.value;
    if (i >= 1 && sum === total.value) best = i + 1;
  });
  return best > 0 ? parts.slice(0, best) : parts;
}

function sumClaim(
  original: string,
  norm: string,
  total: NumToken,
  parts: NumToken[],
  totalClause: Span,
  partsStart?: number,
  pendingPossible = false,
): Claim | null {
  const sum = parts.reduce((s, p) => s + p.value, 0);
  const last = parts[parts.length - 1];
  if (!last) return null;
  const first = parts[0]!;
  const span = {
    start: Math.min(totalClause.start, partsStart ?? first.start),
    end: Math.max(last.end, total.end),
  };
  const open = /^\s*等/.test(norm.slice(last.end, last.end + 3));
  const approx = [total, ...parts].find((t) => t.approximate);
  const unit = total.unit ?? '';
  const partsText = parts.map((p) => p.valueText).join('+');
  let consistent: boolean | null;
  let note: string;
  if (parts.length === 1 && (sum <= total.value || approx)) return null;
  if (approx) {
    consistent = null;
    note = `分项${partsText}=${fmt(sum)},含约数(“${approx.approxMarker ?? ''}”),不作核对`;
  } else if (parts.length === 1) {
    consistent = false;
    note = `其中${first.valueText}${first.unit ?? ''}大于合计${total.valueText}${unit}`;
  } else if (sum === total.value) {
    consistent = true;
    note = `分项${partsText}=${fmt(sum)},与合计${total.valueText}${unit}相符`;
  } else if (sum < total.value && open) {
    consistent = null;
    note = `分项${partsText}=${fmt(sum)},小于合计${total.valueText}${unit};分项以“等”结尾,可能未列全`;
  } else if (sum < total.value && pendingPossible) {
    consistent = null;
    note = `分项${partsText}=${fmt(sum)},小于合计${total.valueText}${unit};分项为办理结果而合计为收案数,其余可能尚未办结`;
  } else {
    consistent = false;
    note = `分项${partsText}=${fmt(sum)},与合计${total.valueText}${unit}不符`;
  }
  const frag = fragment(original, span.start, span.end);
  return {
    ...frag,
    metric: '合计',
    kind: 'count',
    numerator: null,
    denominator: null,
    stated: total.value,
    computed: sum,
    consistent,
    unit,
    note,
    ...(approx ? { approximate: true } : {}),
  };
}

function findSums(original: string, norm: string, sentence: Span, infos: CountInfo[]): Claim[] {
  const claims: Claim[] = [];
  const words = norm.slice(sentence.start, sentence.end);
  const counts = infos.map((i) => i.token);
  // 总数在前: …共N件,其中A x件、B y件
  for (const m of words.matchAll(/其中/g)) {
    const at = sentence.start + m.index + m[0].length;
    const parts: NumToken[] = [];
    let from = at;
    let listSep: string | undefined;
    for (const t of counts) {
      if (t.start < at) continue;
      if (!isPartShaped(norm, from, t, sentence)) break;
      if (parts[0] && t.unit !== parts[0].unit) break;
      if (parts[0]) {
        // A list joined by 、 ends at a comma: 维持31件、撤销9件,直接纠错13件 lists two things.
        const sep = separatorKind(norm.slice(from, t.start));
        if (listSep === undefined) listSep = sep;
        else if (sep !== listSep) break;
      }
      parts.push(t);
      from = t.end;
    }
    const first = parts[0];
    if (!first) continue;
    const fam = unitFamily(first.unit);
    const totalInfo = [...infos]
      .reverse()
      .find((i) => i.token.end <= m.index + sentence.start && unitFamily(i.token.unit) === fam);
    if (!totalInfo) continue;
    const chosen = exactPrefix(parts, totalInfo.token);
    // Outcomes (维持、撤销、办结 …) of cases received need not add up to the cases received: some may be pending.
    const labels = chosen.map((p, i) => norm.slice(i === 0 ? at : chosen[i - 1]!.end, p.start)).join('|');
    const totalWords = norm.slice(totalInfo.context.start, totalInfo.context.end);
    const pending = OUTCOME.test(labels) && !/审结|办结|结案|办理完毕/.test(totalWords);
    const claim = sumClaim(original, norm, totalInfo.token, chosen, totalInfo.clause, undefined, pending);
    if (claim) claims.push(claim);
  }
  // 总数在后: 来信30件、来访56件,共计86件
  for (const info of infos) {
    const t = info.token;
    if (!/[,，;；]\s*(共计|合计|总计|共)\s*$/.test(norm.slice(info.clause.start - 1, t.start))) continue;
    const parts: NumToken[] = [];
    let end = info.clause.start - 1;
    for (const c of [...counts].reverse()) {
      if (c.end > end) continue;
      const clause = clauseAround(norm, sentence, c.start, c.end);
      if (!isPartShaped(norm, clause.start, c, sentence) || c.unit !== t.unit || c.end !== end) break;
      parts.unshift(c);
      end = clause.start - 1;
    }
    if (parts.length < 2) continue;
    const claim = sumClaim(original, norm, t, parts, info.clause, end + 1);
    if (claim) claims.push(claim);
  }
  return claims;
}

// ---------------------------------------------------------------------------------------------

export function extractClaims(original: string): Claim[] {
  const norm = normaliseText(original);
  const tokens = scanNumbers(norm);
  const claims: Claim[] = [];
  for (const sentence of splitSentences(norm)) {
    const inSentence = tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
    if (inSentence.length === 0) continue;
    const infos = buildCountInfos(norm, sentence, inSentence);

    for (const info of infos) {
      const t = info.token;
      const frag = fragment(original, info.clause.start, info.clause.end);
      claims.push({
        ...frag,
        metric: countMetric(norm, info),
        kind: 'count',
        numerator: null,
        denominator: null,
        stated: t.value,
        computed: null,
        consistent: null,
        unit: t.unit,
        ...(t.approximate ? { approximate: true, note: `约数(“${t.approxMarker ?? ''}”),不作核对` } : {}),
      });
    }

    for (const pct of inSentence) {
      if (pct.kind !== 'percent') continue;
      const names = rateNamesBefore(norm, sentence.start, pct.start);
      if (names.length === 0) {
        const metric = otherPercentMetric(norm, sentence.start, pct.start);
        const clause = clauseAround(norm, sentence, pct.start, pct.end);
        claims.push({
          ...fragment(original, clause.start, pct.end),
          metric,
          kind: 'rate',
          numerator: null,
          denominator: null,
          stated: pct.value,
          computed: null,
          consistent: null,
          note: '非比率表述,不作核对',
          ...(pct.approximate ? { approximate: true } : {}),
        });
        continue;
      }
      const chainStart = names[0]?.start ?? pct.start;
      for (const name of names)
        claims.push(rateClaim(original, norm, sentence, name, pct, chainStart, infos));
    }

    claims.push(...findSums(original, norm, sentence, infos));
  }
  return claims.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
}

function rateClaim(
  original: string,
  norm: string,
  sentence: Span,
  name: RateName,
  pct: NumToken,
  chainStart: number,
  infos: CountInfo[],
): Claim {
  const approx = pct.approximate ? { approximate: true } : {};
  let num: CountInfo | undefined;
  let den: CountInfo | undefined;
  if (name.def) {
    const def = name.def;
    const before = infos.filter((i) => i.token.end <= pct.start);
    const roles = before.map((i) => ({ info: i, role: roleOf(norm, i, def) }));
    num = roles.filter((r) => r.role === 'num').pop()?.info;
    const dens = roles.filter((r) => r.role === 'den' && r.info !== num);
    if (num) {
      const fam = unitFamily(num.token.unit);
      const same = dens.filter((r) => unitFamily(r.info.token.unit) === fam);
      den =
        same.filter((r) => r.info.token.end <= num!.token.start).pop()?.info ??
        same.find((r) => r.info.token.start >= num!.token.end)?.info;
    } else {
      den = dens.pop()?.info;
    }
  }
  const lead = clauseAround(norm, sentence, chainStart, chainStart).start;
  const start = Math.min(lead, num?.clause.start ?? lead, den?.clause.start ?? lead);
  const tail = /^(以上|左右|上下)/.exec(norm.slice(pct.end, pct.end + 2))?.[0].length ?? 0;
  const frag = fragment(original, start, pct.end + tail);
  const base = {
    ...frag,
    metric: name.metric,
    kind: 'rate' as const,
    numerator: num?.token.value ?? null,
    denominator: den?.token.value ?? null,
    stated: pct.value,
    ...((num ?? den)?.token.unit ? { unit: (num ?? den)?.token.unit } : {}),
    ...approx,
  };
  if (num && den) {
    const check = checkRate(num.token, den.token, pct);
    return {
      ...base,
      computed: check.computed,
      consistent: check.consistent,
      note: check.note,
      ...(check.consistent === null && (num.token.approximate || den.token.approximate)
        ? { approximate: true }
        : {}),
    };
  }
  if (name.bounded && pct.value > 100 && !pct.approximate) {
    return { ...base, computed: null, consistent: false, note: `所述比率${pct.valueText}%超过100%` };
  }
  const missing = num
    ? `仅给出分子${num.token.valueText}${num.token.unit ?? ''},缺少分母`
    : den
      ? `仅给出分母${den.token.valueText}${den.token.unit ?? ''},缺少分子`
      : '未给出计算所需的分子和分母';
  return { ...base, computed: null, consistent: null, note: `${missing},无法核对` };
}
