import type { StepSpec, StepValues } from '../ledger/StepModal';
import type { DisputeDetail, DisputesMeta, StepName } from './types';

const JUDICIAL_RESULTS = ['已申请', '确认有效', '不予确认'] as const;

/** The modal of each 纠纷 step: exactly the fields the API takes besides `on`. */
export function disputeStepSpec(step: StepName, meta: DisputesMeta): StepSpec {
  switch (step) {
    case 'accept':
    case 'mediate':
      return {
        dateLabel: step === 'accept' ? '受理日期' : '开始调解日期',
        done: step === 'accept' ? '已受理' : '已开始调解',
        fields: [
          { name: 'mediatorName', label: '调解员', kind: 'text', max: 50, placeholder: '承办调解员姓名' },
        ],
      };
    case 'reject':
      return {
        dateLabel: '决定日期',
        done: '已记录不予受理',
        fields: [
          {
            name: 'reason',
            label: '不予受理理由',
            kind: 'textarea',
            required: '请填写不予受理理由',
            minChars: 2,
            max: 500,
          },
        ],
      };
    case 'resolve':
      return {
        dateLabel: '达成协议日期',
        done: '已记录调解成功，纠纷已化解',
        fields: [
          {
            name: 'agreementForm',
            label: '协议形式',
            kind: 'radio',
            required: '请选择协议形式',
            options: meta.agreementForms,
          },
          {
            name: 'agreementText',
            label: '协议内容',
            kind: 'textarea',
            required: '请填写协议内容',
            minChars: 2,
            max: 5000,
            rows: 4,
            placeholder: '双方达成的主要条款',
          },
          {
            name: 'performance',
            label: '履行情况',
            kind: 'select',
            allowClear: true,
            placeholder: '默认：履行中',
            options: meta.performance,
          },
        ],
      };
    case 'fail':
      return {
        dateLabel: '调解终结日期',
        done: '已记录调解不成及转办去向',
        fields: [
          {
            name: 'transferTo',
            label: '转办去向',
            kind: 'select',
            required: '请选择转办去向',
            placeholder: '选择去向',
            options: meta.transferTargets,
          },
          {
            name: 'transferTarget',
            label: '接收单位或途径',
            kind: 'text',
            required: '请填写转办去向(单位或途径)',
            minChars: 2,
            max: 200,
            placeholder: '如：××县人民法院',
          },
          { name: 'reason', label: '调解不成原因', kind: 'textarea', max: 500 },
        ],
      };
    case 'followUp':
      return {
        dateLabel: '回访日期',
        done: '已记录回访',
        fields: [
          {
            name: 'note',
            label: '回访情况',
            kind: 'textarea',
            required: '请填写回访情况',
            minChars: 2,
            max: 1000,
          },
          {
            name: 'performance',
            label: '履行情况',
            kind: 'select',
            allowClear: true,
            placeholder: '不变',
            options: meta.performance,
          },
        ],
      };
    case 'confirm':
      return {
        dateLabel: '申请日期',
        done: '已记录司法确认',
        fields: [
          {
            name: 'court',
            label: '人民法院',
            kind: 'text',
            required: '请填写人民法院',
            minChars: 2,
            max: 100,
          },
          { name: 'result', label: '确认结果', kind: 'select', options: JUDICIAL_RESULTS },
        ],
      };
  }
}

export function disputeStepInitial(step: StepName, detail: DisputeDetail): StepValues {
  if (step === 'accept' || step === 'mediate') return { mediatorName: detail.mediatorName ?? undefined };
  if (step === 'resolve') return { agreementForm: '书面' };
  if (step === 'confirm') return { result: '已申请' };
  if (step === 'followUp') return { performance: detail.performance ?? undefined };
  return {};
}
