/**
 * The five required parts of the annual report (督察工作规定; DOMAIN.md §1 rule 4), found by meaning:
 * top-level headings (一、… / 第一部分) or standalone short lines, mapped by keywords.
 */
import type { SectionFinding, SectionKey } from './types.js';

export const SECTION_KEYS: readonly SectionKey[] = [
  'achievements',
  'shortcomings',
  'leadership',
  'plans',
  'other',
];

const OTHER = /其[他它](需要)?(报告|说明)?的?(事项|情况)|其[他它]需要报告/;
const LEADERSHIP = /第一责任人|第一责任|主要负责人|述法|履行推进法治建设/;
const SHORTCOMINGS = /不足|存在的?[主要]*问题|问题(与|和|及)不足|短板|薄弱环节|差距/;
const PLANS =
  /下一步|下一年度|下年度|明年|打算|计划|主要安排|工作安排|思路|工作重点|重点工作|改进措施|整改措施|努力方向|展望|\d{4}年(的)?(工作|重点)/;
/** Phrases that name the work-and-results part on their own. */
const ACHIEVEMENTS_STRONG =
  /举措|成效|开展情况|主要做法|取得|成绩|履职情况|推进情况|工作情况|建设情况|回顾|总结|完成情况/;
/** Phrases that name it only when no other part is named in the same heading (下一步主要工作 is a plan). */
const ACHIEVEMENTS_WEAK = /主要工作|进展|落实情况|基本情况|做法/;

const NUMBERED = /^(第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}\s*[、.])\s*/;
const SUB_NUMBERED = /^[（(][一二三四五六七八九十\d]+[)）]|^\d+[、.]|^[一二三四五六七八九十]+是/;

/** Which of the five parts a heading's words name (a heading may name two: 存在的问题及下一步打算). */
export function classifyHeading(title: string): SectionKey[] {
  if (OTHER.test(title)) return ['other'];
  if (LEADERSHIP.test(title)) return ['leadership'];
  const keys: SectionKey[] = [];
  const shortcomings = SHORTCOMINGS.test(title);
  const plans = PLANS.test(title);
  if (ACHIEVEMENTS_STRONG.test(title) || (!shortcomings && !plans && ACHIEVEMENTS_WEAK.test(title)))
    keys.push('achievements');
  if (shortcomings) keys.push('shortcomings');
  if (plans) keys.push('plans');
  return keys;
}

interface Heading {
  text: string;
  offset: number;
  numbered: boolean;
  keys: SectionKey[];
}

function listHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  let lineStart = 0;
  let firstContentLine = true;
  for (const line of text.split('\n')) {
    const lead = /^[\s\u3000\-*•]*/.exec(line)?.[0].length ?? 0;
    const body = line.slice(lead).replace(/\s+$/, '');
    const offset = lineStart + lead;
    lineStart += line.length + 1;
    if (body === '') continue;
    const isFirst = firstContentLine;
    firstContentLine = false;
    const numbered = NUMBERED.exec(body);
    if (numbered) {
      const end = body.search(/[。]/);
      const headingText = (end >= 0 ? body.slice(0, end) : body).slice(0, 80).replace(/[：:]$/, '');
      headings.push({
        text: headingText,
        offset,
        numbered: true,
        keys: classifyHeading(headingText.slice(numbered[0].length)),
      });
      continue;
    }
    if (isFirst || SUB_NUMBERED.test(body) || body.includes('报告')) continue;
    const bare = body.replace(/[：:]$/, '');
    if (bare.length < 2 || bare.length > 24 || /[。，,；;！？!?、]/.test(bare)) continue;
    const keys = classifyHeading(bare);
    if (keys.length > 0) headings.push({ text: bare, offset, numbered: false, keys });
  }
  return headings;
}

export function findSections(text: string): Record<SectionKey, SectionFinding> {
  const result = Object.fromEntries(
    SECTION_KEYS.map((k) => [k, { found: false, heading: null, offset: null }]),
  ) as unknown as Record<SectionKey, SectionFinding>;
  const headings = listHeadings(text);
  const assign = (key: SectionKey, h: Heading) => {
    if (!result[key].found) result[key] = { found: true, heading: h.text, offset: h.offset };
  };
  // Numbered top-level headings first; standalone lines only for parts the numbering did not name.
  for (const h of headings) if (h.numbered) for (const k of h.keys) assign(k, h);
  for (const h of headings) if (!h.numbered) for (const k of h.keys) assign(k, h);
  // A report opens with its work and results: a first numbered heading that names no part
  // (一、以习近平法治思想为引领…, 一、落实法治政府建设主体责任) is that part.
  const first = headings.find((h) => h.numbered);
  if (!result.achievements.found && first && first.keys.length === 0) assign('achievements', first);
  return result;
}
