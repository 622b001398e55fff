import type { ReportParagraph } from '../../kernel/module.js';

/** The sentences the 复议/应诉 ledgers add to the annual report; `{id}` becomes the linked figure. */
export function litigationReport(figures: ReadonlyMap<string, { value: number | null }>): ReportParagraph[] {
  const n = (id: string) => figures.get(id)?.value ?? 0;
  const rate = (id: string) => figures.get(id)?.value ?? null;
  const out: ReportParagraph[] = [];

  if (n('litigation.reconsiderations') > 0) {
    const parts = ['全年收到行政复议案件{litigation.reconsiderations}件'];
    if (rate('litigation.replyOnTime') !== null) parts.push('按期书面答复率{litigation.replyOnTime}');
    if (rate('litigation.correctionRate') !== null)
      parts.push(
        n('litigation.corrected') > 0
          ? '被纠错{litigation.corrected}件，纠错率{litigation.correctionRate}'
          : '无被纠错案件',
      );
    out.push({
      section: 'achievements',
      heading: '依法化解行政争议',
      template: `发挥行政复议化解行政争议主渠道作用，${parts.join('，')}。`,
    });
  }

  if (n('litigation.lawsuits') > 0) {
    const parts = ['共发生行政诉讼案件{litigation.lawsuits}件'];
    if (rate('litigation.headAppearanceRate') !== null)
      parts.push('行政机关负责人出庭应诉率{litigation.headAppearanceRate}');
    if (rate('litigation.answerOnTime') !== null) parts.push('按期答辩率{litigation.answerOnTime}');
    if (rate('litigation.lossRate') !== null) parts.push('败诉率{litigation.lossRate}');
    out.push({
      section: 'achievements',
      heading: '规范行政应诉',
      template: `落实行政机关负责人出庭应诉制度，${parts.join('，')}。`,
    });
  }

  const short: string[] = [];
  if (n('litigation.lost') > 0) short.push('行政诉讼败诉{litigation.lost}件');
  if (n('litigation.corrected') > 0) short.push('行政复议被纠错{litigation.corrected}件');
  if (n('litigation.headAbsent') > 0) short.push('{litigation.headAbsent}件行政诉讼案件负责人未出庭应诉');
  if (short.length)
    out.push({
      section: 'shortcomings',
      heading: '依法行政水平有待提高',
      template: `行政执法和应诉工作仍有短板，${short.join('，')}，依法行政能力有待进一步提升。`,
    });

  if (n('litigation.lost') > 0 || n('litigation.headAbsent') > 0)
    out.push({
      section: 'plans',
      heading: '规范行政应诉',
      template:
        '严格落实行政机关负责人出庭应诉制度，加强败诉案件分析研判，认真落实行政复议意见书、司法建议和检察建议整改。',
    });
  return out;
}
