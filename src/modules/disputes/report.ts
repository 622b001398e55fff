import type { ReportParagraph } from '../../kernel/module.js';

/** The sentences this ledger adds to the annual report; `{id}` becomes the linked figure. */
export function disputeReport(figures: ReadonlyMap<string, { value: number | null }>): ReportParagraph[] {
  const n = (id: string) => figures.get(id)?.value ?? 0;
  if (n('disputes.screened') === 0) return [];
  const paragraphs: ReportParagraph[] = [
    {
      section: 'achievements',
      heading: '健全社会矛盾纠纷预防调处化解体系',
      template:
        '坚持和发展新时代“枫桥经验”,常态化开展矛盾纠纷排查化解。全年共排查矛盾纠纷{disputes.screened}起,受理调解{disputes.accepted}起,调处化解{disputes.resolved}起,化解率{disputes.resolutionRate}' +
        (n('disputes.written') > 0 ? ',签订书面调解协议{disputes.written}份' : '') +
        '。',
    },
  ];
  const onTime = figures.get('disputes.onTimeRate')?.value;
  if (onTime !== null && onTime !== undefined && onTime < 90) {
    paragraphs.push({
      section: 'shortcomings',
      heading: '矛盾纠纷化解质效有待提升',
      template: '部分矛盾纠纷调处周期偏长,按期调结率为{disputes.onTimeRate},低于90%。',
    });
  }
  return paragraphs;
}
