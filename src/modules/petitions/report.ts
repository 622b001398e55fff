import type { ReportParagraph } from '../../kernel/module.js';

export function petitionReport(figures: ReadonlyMap<string, { value: number | null }>): ReportParagraph[] {
  const n = (id: string) => figures.get(id)?.value ?? 0;
  if (n('petitions.count') === 0) return [];
  const out: ReportParagraph[] = [
    {
      section: 'achievements',
      heading: '依法规范信访工作',
      template:
        '严格落实《信访工作条例》,推进信访工作法治化。全年共受理信访事项{petitions.count}件' +
        (n('petitions.batches') > 0 ? ',接待群众来访{petitions.batches}批{petitions.persons}人次' : '') +
        ',办结{petitions.closed}件,按期办结率{petitions.onTimeCloseRate},化解率{petitions.resolutionRate}。',
    },
  ];
  const onTime = figures.get('petitions.onTimeCloseRate')?.value;
  if (onTime !== null && onTime !== undefined && onTime < 90) {
    out.push({
      section: 'shortcomings',
      heading: '信访事项办理时效有待提高',
      template: '部分信访事项未在法定期限内办结,按期办结率为{petitions.onTimeCloseRate}。',
    });
  }
  const repeat = figures.get('petitions.repeatRate')?.value;
  if (repeat !== null && repeat !== undefined && repeat >= 10) {
    out.push({
      section: 'shortcomings',
      heading: '重复信访问题依然存在',
      template: '重复信访占比为{petitions.repeatRate},源头化解仍需加强。',
    });
  }
  return out;
}
