import type { ReportParagraph } from '../../kernel/module.js';

/** The sentences the 法律顾问 ledgers add to the annual report; `{id}` becomes the linked figure. */
export function adviserReport(figures: ReadonlyMap<string, { value: number | null }>): ReportParagraph[] {
  const n = (id: string) => figures.get(id)?.value ?? 0;
  const rate = (id: string) => figures.get(id)?.value ?? null;
  const out: ReportParagraph[] = [];

  const village: string[] = [];
  if (n('advisers.coveredVillages') > 0)
    village.push('全域{advisers.coveredVillages}个村(社区)配备法律顾问,覆盖率{advisers.coverageRate}');
  if (n('advisers.dutyDays') > 0) village.push('法律顾问驻村坐班{advisers.dutyDays}天次');
  if (n('advisers.consultations') > 0) village.push('提供法律咨询{advisers.consultations}人次');
  if (n('advisers.lectures') > 0) village.push('开展法治讲座{advisers.lectures}场');
  if (n('advisers.mediations') > 0) village.push('参与矛盾纠纷调解{advisers.mediations}件');
  if (village.length)
    out.push({
      section: 'achievements',
      heading: '推进“一村(社区)一法律顾问”',
      template: `深入推进“一村(社区)一法律顾问”工作,${village.join(',')}。`,
    });

  const review: string[] = [];
  if (n('advisers.reviews') > 0) review.push('法律顾问参与合法性审核{advisers.reviews}件');
  if (rate('advisers.decisionsReviewedFirst') !== null)
    review.push('重大行政决策提交审议前合法性审查率{advisers.decisionsReviewedFirst}');
  if (review.length)
    out.push({
      section: 'achievements',
      heading: '发挥法律顾问作用',
      template: `健全党政机关法律顾问制度,${review.join(',')}。`,
    });

  if (n('advisers.reviewsWithoutAdviser') > 0)
    out.push({
      section: 'shortcomings',
      heading: '法律顾问作用发挥不充分',
      template:
        '政府法律顾问制度落实仍有偏差,{advisers.reviewsWithoutAdviser}件合法性审核未经法律顾问参与,存在“聘而不用”现象。',
    });
  return out;
}
