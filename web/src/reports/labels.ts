import type { Figure, ReportStatus, SectionKey } from './types';

/** The five parts 《法治政府建设与责任落实督察工作规定》 requires, in order. */
export const SECTIONS: { key: SectionKey; title: string; match: string }[] = [
  { key: 'achievements', title: '主要举措和成效', match: '主要举措' },
  { key: 'shortcomings', title: '存在的不足和原因', match: '不足' },
  { key: 'leadership', title: '第一责任人职责情况', match: '第一责任人' },
  { key: 'plans', title: '下一年度主要安排', match: '主要安排' },
  { key: 'other', title: '其他需要报告的情况', match: '其他需要报告' },
];

export const STATUS_ORDER: ReportStatus[] = ['draft', 'approved', 'submitted', 'published'];

export const REPORT_STATUS: Record<ReportStatus, { label: string; color: string }> = {
  draft: { label: '起草', color: 'default' },
  approved: { label: '已审核', color: 'processing' },
  submitted: { label: '已报送', color: 'warning' },
  published: { label: '已公开', color: 'success' },
};

export function statusLabel(status: string): string {
  return (REPORT_STATUS as Record<string, { label: string }>)[status]?.label ?? status;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings never go past 99). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** 2024-03-01 → 2024年3月1日 */
export function chineseDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return iso ?? '';
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A figure's value with its unit, "—" when a rate has nothing to divide. */
export function formatFigure(figure: Pick<Figure, 'value' | 'unit'> | undefined): string {
  if (!figure || figure.value === null) return '—';
  return `${figure.value.toLocaleString('zh-CN')}${figure.unit}`;
}

/** Today in the browser's time zone as YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
