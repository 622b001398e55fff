import type { ReportParagraph } from '../../kernel/module.js';

/** The sentences the 普法 ledgers add to the annual report; `{id}` becomes the linked figure. */
export function publicityReport(figures: ReadonlyMap<string, { value: number | null }>): ReportParagraph[] {
  const n = (id: string) => figures.get(id)?.value ?? 0;
  const rate = (id: string) => figures.get(id)?.value ?? null;
  const out: ReportParagraph[] = [];

  // The 其中 clause ends its sentence: 进学校 is a part of the total, the figures after it are not.
  let total = '';
  if (n('publicity.activities') > 0) {
    total = '共开展普法宣传活动{publicity.activities}场';
    if (n('publicity.inSchools') > 0) total += ',其中进学校{publicity.inSchools}场';
    total += '。';
  }
  const parts: string[] = [];
  if (n('publicity.caseExplained') > 0) parts.push('开展以案释法{publicity.caseExplained}场');
  if (n('publicity.constitutionWeek') > 0)
    parts.push('围绕“12·4”国家宪法日开展宪法宣传周活动{publicity.constitutionWeek}场');
  if (n('publicity.materials') > 0) parts.push('发放宣传资料{publicity.materials}份');
  if (n('publicity.reach') > 0) parts.push('受众{publicity.reach}人次');
  if (total || parts.length)
    out.push({
      section: 'achievements',
      heading: '深入开展法治宣传教育',
      template: `认真落实法治宣传“六进”活动,${total}${parts.length ? `${parts.join(',')}。` : ''}`,
    });

  const duty = rate('publicity.dutyCompletion');
  if (duty !== null)
    out.push({
      section: 'achievements',
      heading: '深入开展法治宣传教育',
      template:
        '全面落实“谁执法谁普法”普法责任制,责任单位完成年度普法计划的比例为{publicity.dutyCompletion}。',
    });

  const sites: string[] = [];
  if (n('publicity.sites') > 0) sites.push('建成法治文化阵地{publicity.sites}个');
  if (n('publicity.demoVillages') > 0) sites.push('创建民主法治示范村(社区){publicity.demoVillages}个');
  if (sites.length)
    out.push({
      section: 'achievements',
      heading: '深入开展法治宣传教育',
      template: `加强法治宣传阵地建设,${sites.join(',')}。`,
    });

  if (duty !== null && duty < 100)
    out.push({
      section: 'shortcomings',
      heading: '普法责任制落实不平衡',
      template:
        '“谁执法谁普法”责任落实还不平衡,部分责任单位未完成年度普法计划(完成率{publicity.dutyCompletion}),普法针对性和实效性有待提升。',
    });
  return out;
}
