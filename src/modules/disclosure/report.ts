import type { ReportParagraph } from '../../kernel/module.js';

/** 推进政务公开: the module's paragraphs of the annual report. */
export function disclosureReport(figures: ReadonlyMap<string, { value: number | null }>): ReportParagraph[] {
  const n = (id: string) => figures.get(id)?.value ?? 0;
  if (n('disclosure.itemsPublished') === 0 && n('disclosure.requestsReceived') === 0) return [];
  const out: ReportParagraph[] = [
    {
      section: 'achievements',
      heading: '推进政务公开',
      template:
        '严格落实《中华人民共和国政府信息公开条例》,全年主动公开政府信息{disclosure.itemsPublished}条,主动公开及时率{disclosure.timelyRate}' +
        (n('disclosure.requestsReceived') > 0
          ? ';收到政府信息公开申请{disclosure.requestsReceived}件,办结{disclosure.requestsAnswered}件,按期答复率{disclosure.onTimeReplyRate};答复中予以公开{disclosure.answeredDisclosed}件、部分公开{disclosure.answeredPartial}件、不予公开{disclosure.answeredRefused}件'
          : '') +
        '。',
    },
  ];
  const timely = figures.get('disclosure.timelyRate')?.value;
  const onTime = figures.get('disclosure.onTimeReplyRate')?.value;
  if (
    (timely !== null && timely !== undefined && timely < 95) ||
    (onTime !== null && onTime !== undefined && onTime < 100)
  ) {
    out.push({
      section: 'shortcomings',
      heading: '政务公开时效有待提高',
      template:
        '部分政府信息未在法定期限内公开或答复,主动公开及时率为{disclosure.timelyRate},依申请按期答复率为{disclosure.onTimeReplyRate}。',
    });
  }
  return out;
}
