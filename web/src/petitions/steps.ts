import type { StepSpec, StepValues } from '../ledger/StepModal';
import type { PetitionDetail, PetitionStep, PetitionsMeta } from './types';

/** The modal of each 信访 step: its date (`on`), the fields the API takes, the limit it concerns. */
export function petitionStepSpec(step: PetitionStep, meta: PetitionsMeta, d: PetitionDetail): StepSpec {
  switch (step) {
    case 'accept':
      return {
        dateLabel: '受理告知日期',
        done: '已受理并书面告知，办理期限开始计算',
        note: '受理后应自受理之日起60日内办结（《信访工作条例》第三十四条）。',
        fields: [],
      };
    case 'notAccept':
      return {
        dateLabel: '告知日期',
        done: '已记录不予受理并告知',
        fields: [
          {
            name: 'reason',
            label: '不予受理理由',
            kind: 'textarea',
            required: '请说明不予受理理由',
            minChars: 2,
            max: 500,
          },
          {
            name: 'redirectTo',
            label: '告知信访人向何机关提出',
            kind: 'text',
            max: 200,
            placeholder: '选填，如：县人力资源和社会保障局',
          },
        ],
      };
    case 'object':
      return {
        dateLabel: '提出异议日期',
        done: '已提出异议，信访件退回',
        note: '转送、交办的信访事项不属于本机关职权范围的，应自收到之日起5个工作日内提出异议（《信访工作条例》第二十三条）。',
        fields: [
          {
            name: 'reason',
            label: '异议理由',
            kind: 'textarea',
            required: '请说明异议理由',
            minChars: 2,
            max: 500,
          },
        ],
      };
    case 'extend':
      return {
        dateLabel: '批准日期',
        done: '已延期，办理期限已更新',
        note: '情况复杂的，经本机关负责人批准可适当延长办理期限，延长不超过30日，并告知信访人延期理由（《信访工作条例》第三十四条）。只能延期一次。',
        fields: [
          {
            name: 'days',
            label: '延长天数',
            kind: 'number',
            min: 1,
            max: 30,
            unit: '日',
            required: '请填写延长天数（1至30日）',
          },
          {
            name: 'reason',
            label: '延期理由',
            kind: 'textarea',
            required: '请填写延期理由',
            minChars: 2,
            max: 500,
          },
          {
            name: 'approver',
            label: '批准人',
            kind: 'text',
            required: '请填写批准人',
            minChars: 2,
            max: 50,
            placeholder: '本机关负责人姓名',
          },
          { name: 'notifiedOn', label: '告知信访人日期', kind: 'date', required: '请选择告知信访人日期' },
        ],
      };
    case 'close':
      return {
        dateLabel: '出具意见书日期',
        done: '已出具处理意见书，信访件办结',
        fields: [
          {
            name: 'opinion',
            label: '处理意见',
            kind: 'radio',
            required: '请选择处理意见',
            options: meta.opinions,
          },
          {
            name: 'opinionText',
            label: '处理意见书内容',
            kind: 'textarea',
            required: '请填写处理意见',
            minChars: 2,
            max: 5000,
            rows: 4,
            placeholder: '事实、依据和处理意见',
          },
          { name: 'resolved', label: '化解', kind: 'checkbox', text: '信访事项已化解（信访人认可处理意见）' },
        ],
      };
    case 'resolve':
      return {
        dateLabel: '化解日期',
        done: '已标记为已化解',
        note: '化解与办结分别记录：办结后信访人认可、息诉罢访的，标记为已化解。',
        fields: [],
      };
    case 'requestReview':
      return {
        dateLabel: '收到复查请求日期',
        done: '已登记复查请求，复查期限开始计算',
        note: '信访人自收到书面答复之日起30日内可请求复查；复查机关自收到复查请求之日起30日内提出复查意见（《信访工作条例》第三十五条）。',
        fields: [
          {
            name: 'replyReceivedOn',
            label: '信访人收到处理意见书日期',
            kind: 'date',
            placeholder: d.closedOn ? `默认为办结日期 ${d.closedOn}` : undefined,
          },
        ],
      };
    case 'review':
      return {
        dateLabel: '复查意见日期',
        done: '已出具复查意见',
        fields: [
          {
            name: 'result',
            label: '复查结果',
            kind: 'select',
            required: '请选择复查结果',
            options: meta.reviewResults,
          },
          {
            name: 'text',
            label: '复查意见',
            kind: 'textarea',
            required: '请填写复查意见',
            minChars: 2,
            max: 5000,
            rows: 4,
          },
        ],
      };
    case 'requestRecheck':
      return {
        dateLabel: '收到复核请求日期',
        done: '已登记复核请求，复核期限开始计算',
        note: '信访人自收到复查意见之日起30日内可请求复核；复核机关自收到复核请求之日起30日内提出复核意见（《信访工作条例》第三十六条）。',
        fields: [
          {
            name: 'replyReceivedOn',
            label: '信访人收到复查意见日期',
            kind: 'date',
            placeholder: d.reviewedOn ? `默认为复查意见日期 ${d.reviewedOn}` : undefined,
          },
        ],
      };
    case 'hearing':
      return {
        dateLabel: '听证日期',
        done: '已记录听证，复核期限已顺延',
        note: '复核机关可以举行听证，听证所需时间不计算在30日期限内（《信访工作条例》第三十六条）。',
        fields: [
          {
            name: 'days',
            label: '听证所需天数',
            kind: 'number',
            min: 1,
            max: 60,
            unit: '日',
            required: '请填写听证所需天数',
          },
        ],
      };
    case 'recheck':
      return {
        dateLabel: '复核意见日期',
        done: '已出具复核意见',
        fields: [
          {
            name: 'result',
            label: '复核结果',
            kind: 'select',
            required: '请选择复核结果',
            options: meta.reviewResults,
          },
          {
            name: 'text',
            label: '复核意见',
            kind: 'textarea',
            required: '请填写复核意见',
            minChars: 2,
            max: 5000,
            rows: 4,
          },
        ],
      };
  }
}

export function petitionStepInitial(step: PetitionStep): StepValues {
  if (step === 'close') return { resolved: false };
  return {};
}

/** Steps that end or refuse the case: shown as danger buttons. */
export const NEGATIVE_STEPS: ReadonlySet<string> = new Set(['notAccept', 'object']);

/** The step that moves the case on (受理, 办结, 复查/复核意见): the primary button. */
export const FORWARD_STEPS: ReadonlySet<string> = new Set(['accept', 'close', 'review', 'recheck']);
