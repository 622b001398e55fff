import type { ReportParagraph } from '../../kernel/module.js';

/** The sentences the 学法用法 ledgers add to the annual report; `{id}` becomes the linked figure. */
export function learningReport(figures: ReadonlyMap<string, { value: number | null }>): ReportParagraph[] {
  const n = (id: string) => figures.get(id)?.value ?? 0;
  const rate = (id: string) => figures.get(id)?.value ?? null;
  const out: ReportParagraph[] = [];

  const study: string[] = [];
  if (n('learning.centralGroupSessions') > 0)
    study.push('组织党委理论学习中心组学法{learning.centralGroupSessions}次');
  if (n('learning.preMeetingSessions') > 0) study.push('政府常务会议会前学法{learning.preMeetingSessions}次');
  if (n('learning.lectures') > 0) study.push('举办专题法治讲座{learning.lectures}场');
  if (n('learning.sessionAttendees') > 0) study.push('参学{learning.sessionAttendees}人次');
  const exam: string[] = [];
  if (n('learning.examSat') > 0) {
    exam.push('参加学法考试{learning.examSat}人');
    if (rate('learning.studyRate') !== null) exam.push('参学率{learning.studyRate}');
    if (rate('learning.examTakeRate') !== null) exam.push('参考率{learning.examTakeRate}');
    if (rate('learning.examPassRate') !== null) exam.push('合格率{learning.examPassRate}');
    if (rate('learning.examExcellentRate') !== null) exam.push('考试优秀率{learning.examExcellentRate}');
  }
  const training: string[] = [];
  if (n('learning.trainingHours') > 0) training.push('开展执法人员培训{learning.trainingHours}学时');
  if (rate('learning.officerTrainingRate') !== null)
    training.push('执法人员培训学时达标率{learning.officerTrainingRate}');
  if (study.length || exam.length || training.length) {
    const parts = [
      study.length ? `健全学法用法长效机制，${study.join('，')}` : '',
      exam.length ? `组织国家工作人员学法考试，${exam.join('，')}` : '',
      training.length ? `加强执法人员培训，${training.join('，')}` : '',
    ].filter(Boolean);
    out.push({
      section: 'achievements',
      heading: '加强法治学习，提高依法行政能力',
      template: `${parts.join('；')}。`,
    });
  }

  if (n('learning.lawReports') > 0 || n('learning.centralGroupSessions') > 0) {
    const lead: string[] = [];
    if (n('learning.centralGroupSessions') > 0)
      lead.push('将习近平法治思想作为党委中心组重点学习内容，集中学法{learning.centralGroupSessions}次');
    if (n('learning.lawReports') > 0)
      lead.push('落实领导干部述职述法制度，领导干部述法{learning.lawReports}人次');
    out.push({
      section: 'leadership',
      heading: '履行推进法治建设第一责任人职责',
      template: `党政主要负责人带头尊法学法守法用法，${lead.join('，')}。`,
    });
  }

  const weak: string[] = [];
  const take = rate('learning.examTakeRate');
  if (take !== null && take < 100) weak.push('学法考试参考率为{learning.examTakeRate}，仍有应考人员未参考');
  const met = rate('learning.officerTrainingRate');
  if (met !== null && met < 100)
    weak.push('执法人员培训学时达标率为{learning.officerTrainingRate}，培训落实不到位');
  if (weak.length)
    out.push({
      section: 'shortcomings',
      heading: '学法用法持续用力还不到位',
      template: `${weak.join('；')}。`,
    });
  return out;
}
