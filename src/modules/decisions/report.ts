import type { ReportParagraph } from '../../kernel/module.js';

/** The sentences the 重大行政决策 ledgers add to the annual report; `{id}` becomes the linked figure. */
export function decisionsReport(figures: ReadonlyMap<string, { value: number | null }>): ReportParagraph[] {
  const n = (id: string) => figures.get(id)?.value ?? 0;
  const rate = (id: string) => figures.get(id)?.value ?? null;
  const out: ReportParagraph[] = [];
  const parts: string[] = [];
  if (n('decisions.decided') > 0) {
    parts.push(
      rate('decisions.procedureRate') !== null
        ? '全年作出重大行政决策{decisions.decided}件,决策程序履行率{decisions.procedureRate}'
        : '全年作出重大行政决策{decisions.decided}件',
    );
  }
  if (n('decisions.discussed') > 0) parts.push('提交集体讨论前合法性审查率{decisions.legalReviewRate}');
  if (n('decisions.consulted') > 0) {
    parts.push('公开征求意见{decisions.consulted}件,征求意见期限合规率{decisions.consultationRate}');
  }
  if (n('decisions.evaluated') > 0) parts.push('开展决策后评估{decisions.evaluated}件');
  if (parts.length) {
    out.push({
      section: 'achievements',
      heading: '健全依法决策机制',
      template: `严格落实《重大行政决策程序暂行条例》,把公众参与、专家论证、风险评估、合法性审查、集体讨论决定作为重大行政决策法定程序。${parts.join(',')}。`,
    });
  }
  if (n('decisions.sanzhong') > 0) {
    out.push({
      section: 'achievements',
      heading: '健全依法决策机制',
      template: '规范执行“三重一大”集体决策制度,集体讨论决定“三重一大”事项{decisions.sanzhong}项。',
    });
  }
  const procedure = rate('decisions.procedureRate');
  const review = rate('decisions.legalReviewRate');
  if ((procedure !== null && procedure < 100) || (review !== null && review < 100)) {
    out.push({
      section: 'shortcomings',
      heading: '重大行政决策程序落实',
      template: '重大行政决策法定程序落实还不够到位,个别事项程序记录不完整或未经合法性审查即提交讨论。',
    });
  }
  return out;
}
