import type { ReportParagraph } from '../../kernel/module.js';

/** The sentences the 发文台账 adds to the annual report; `{id}` becomes the linked figure. */
export function normdocsReport(figures: ReadonlyMap<string, { value: number | null }>): ReportParagraph[] {
  const n = (id: string) => figures.get(id)?.value ?? 0;
  const rate = (id: string) => figures.get(id)?.value ?? null;
  const out: ReportParagraph[] = [];
  if (n('normdocs.issued') > 0 || n('normdocs.cleanedUp') > 0) {
    const parts: string[] = [];
    if (n('normdocs.issued') > 0) {
      parts.push('全年制发行政规范性文件{normdocs.issued}件,合法性审核率{normdocs.reviewRate}');
    }
    const filing: string[] = [];
    if (rate('normdocs.filingRate') !== null) filing.push('报备率{normdocs.filingRate}');
    if (rate('normdocs.filingOnTimeRate') !== null) filing.push('报备及时率{normdocs.filingOnTimeRate}');
    if (rate('normdocs.filingPassRate') !== null) filing.push('报备合格率{normdocs.filingPassRate}');
    if (filing.length) parts.push(`规范性文件${filing.join(',')}`);
    if (n('normdocs.cleanedUp') > 0) parts.push('清理行政规范性文件{normdocs.cleanedUp}件');
    out.push({
      section: 'achievements',
      heading: '加强行政规范性文件管理',
      template: `严格落实行政规范性文件合法性审核、统一登记编号印发和备案审查制度,建立行政规范性文件发文台账。${parts.join('。')}。`,
    });
  }
  const late = rate('normdocs.filingOnTimeRate');
  const filedRate = rate('normdocs.filingRate');
  if ((late !== null && late < 100) || (filedRate !== null && filedRate < 100)) {
    out.push({
      section: 'shortcomings',
      heading: '规范性文件备案管理有待加强',
      template:
        filedRate !== null && filedRate < 100
          ? '部分行政规范性文件未按规定报送备案,报备率为{normdocs.filingRate},报备及时率为{normdocs.filingOnTimeRate}。'
          : '个别行政规范性文件未在规定期限内报送备案,报备及时率为{normdocs.filingOnTimeRate}。',
    });
  }
  if (n('normdocs.expiring') > 0) {
    out.push({
      section: 'plans',
      heading: '持续规范行政规范性文件管理',
      template: '对有效期届满的{normdocs.expiring}件行政规范性文件及时开展评估清理,确保文件合法有效。',
    });
  }
  return out;
}
