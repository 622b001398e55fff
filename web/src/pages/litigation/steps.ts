import type { StepSpec } from '../../ledger/StepModal';
import type { LitigationMeta } from './queries';

const opts = (list: readonly string[] | undefined) => list ?? [];

/** The 复议 steps' forms (《行政复议法》2023). */
export function reconsiderationSpec(step: string, meta: LitigationMeta | undefined): StepSpec {
  switch (step) {
    case 'reply':
      return {
        dateLabel: '书面答复日期',
        fields: [{ name: 'note', label: '答复要点', kind: 'textarea', max: 1000 }],
        done: '已记录书面答复',
        note: '被申请人应自收到申请书副本之日起10个工作日内（简易程序5个工作日）提出书面答复，并提交作出行政行为的证据、依据（第四十八、五十四条）。',
      };
    case 'hearing':
      return {
        dateLabel: '听证日期',
        fields: [
          {
            name: 'headAttended',
            label: '负责人参加听证',
            kind: 'radio',
            options: [
              { value: 'yes', label: '参加' },
              { value: 'no', label: '未参加' },
            ],
            required: '请选择',
          },
          { name: 'headName', label: '参加听证的负责人', kind: 'text', max: 50 },
          { name: 'note', label: '听证情况', kind: 'textarea', max: 1000 },
        ],
        done: '已记录听证',
        note: '被申请人的负责人应当参加听证；不能参加的，应当说明理由并委托相应的工作人员参加（第五十一条）。',
      };
    case 'decide':
      return {
        dateLabel: '决定日期',
        fields: [
          {
            name: 'decisionType',
            label: '复议决定',
            kind: 'select',
            options: opts(meta?.decisionTypes),
            required: '请选择复议决定',
          },
          { name: 'servedOn', label: '送达日期', kind: 'date' },
          { name: 'note', label: '说明', kind: 'textarea', max: 1000 },
        ],
        done: '已记录复议决定',
        note: '撤销、变更、确认违法、确认无效涉及执法案件的，系统同步记录到执法案件并启动公示撤回。',
      };
    case 'opinion':
      return {
        dateLabel: '收到意见书日期',
        fields: [
          { name: 'content', label: '意见书内容', kind: 'textarea', max: 2000, required: '请填写意见书内容' },
        ],
        done: '已登记行政复议意见书，60日整改期限已开始',
        note: '收到行政复议意见书之日起60日内将纠正相关违法或者不当行政行为的情况报送复议机关（第七十六条）。',
      };
    case 'rectify':
      return {
        dateLabel: '报送日期',
        fields: [
          { name: 'report', label: '整改情况', kind: 'textarea', max: 2000, required: '请填写整改情况' },
        ],
        done: '已记录整改报送',
      };
    default:
      return { dateLabel: '日期', fields: [], done: '已保存' };
  }
}

/** The 应诉 steps' forms (《行政诉讼法》). */
export function lawsuitSpec(step: string, meta: LitigationMeta | undefined): StepSpec {
  switch (step) {
    case 'answer':
      return {
        dateLabel: '提交答辩状日期',
        fields: [{ name: 'note', label: '答辩要点', kind: 'textarea', max: 1000 }],
        done: '已记录答辩',
        note: '被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状（第六十七条）。',
      };
    case 'judge':
      return {
        dateLabel: '裁判日期',
        fields: [
          {
            name: 'judgmentType',
            label: '裁判结果',
            kind: 'select',
            options: opts(meta?.judgmentTypes),
            required: '请选择裁判结果',
          },
          { name: 'note', label: '说明', kind: 'textarea', max: 1000 },
        ],
        done: '已记录裁判结果',
      };
    case 'appeal':
      return {
        dateLabel: '上诉日期',
        fields: [
          {
            name: 'by',
            label: '上诉人',
            kind: 'radio',
            options: opts(meta?.appealBy),
            required: '请选择上诉人',
          },
        ],
        done: '已记录上诉',
      };
    case 'suggestion':
      return {
        dateLabel: '收到日期',
        fields: [
          {
            name: 'kind',
            label: '类别',
            kind: 'radio',
            options: opts(meta?.suggestionKinds),
            required: '请选择类别',
          },
          { name: 'content', label: '建议内容', kind: 'textarea', max: 2000, required: '请填写建议内容' },
          {
            name: 'replyDays',
            label: '回复期限',
            kind: 'number',
            min: 1,
            max: 365,
            unit: '日',
            help: `按建议书载明的期限填写；未载明的按${meta?.suggestionReplyDays ?? 30}日（默认值，法定期限未核实）`,
          },
        ],
        done: '已登记建议，回复期限已开始',
      };
    case 'replySuggestion':
      return {
        dateLabel: '回复日期',
        fields: [
          { name: 'reply', label: '回复及整改情况', kind: 'textarea', max: 2000, required: '请填写回复内容' },
        ],
        done: '已记录回复',
      };
    default:
      return { dateLabel: '日期', fields: [], done: '已保存' };
  }
}

export const DEADLINE_NAMES: Record<string, string> = {
  reply: '书面答复',
  rectify: '意见书整改',
  answer: '答辩举证',
  suggestion: '建议回复',
  appear: '出庭记录',
};
