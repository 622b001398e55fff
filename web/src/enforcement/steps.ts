import type { StepSpec, StepValues } from '../ledger/StepModal';
import type { CaseDetail, EnforcementMeta, EnforcementStep } from './types';

const REMEDY =
  '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。';

/** The modal of each 执法 step: its date (`on`), the fields the API takes, the rule it concerns. */
export function enforcementStepSpec(step: EnforcementStep, meta: EnforcementMeta, d: CaseDetail): StepSpec {
  const s = meta.settings;
  const person = d.partyType === '自然人';
  switch (step) {
    case 'investigate':
      return {
        dateLabel: '调查终结日期',
        done: '已调查终结，转入审查',
        note: `拟罚款${person ? '' : '（法人或其他组织）'}达到 ${(person ? s?.hearingFinePerson : s?.hearingFineOrg)?.toLocaleString('zh-CN') ?? '较大数额'} 元，或拟责令停产停业、吊销许可证件等的，当事人有权要求听证（《行政处罚法》第六十三条）。`,
        fields: [
          {
            name: 'findings',
            label: '调查认定的事实',
            kind: 'textarea',
            required: '请填写调查认定的事实',
            max: 5000,
            rows: 4,
          },
          {
            name: 'proposal',
            label: '拟处理意见',
            kind: 'textarea',
            required: '请填写拟处理意见',
            max: 2000,
          },
          { name: 'proposedPenalties', label: '拟处罚种类', kind: 'multi', options: meta.penaltyTypes },
          { name: 'proposedFine', label: '拟罚款金额', kind: 'money' },
          { name: 'proposedConfiscated', label: '拟没收金额', kind: 'money' },
        ],
      };
    case 'markMajor':
      return {
        dateLabel: '认定日期',
        done: '已认定为重大执法决定，作出决定前须经法制审核',
        note: '重大执法决定应当在作出决定前经法制审核；未经法制审核或者审核未通过的，不得作出决定（《行政处罚法》第五十八条）。',
        fields: [
          {
            name: 'reasons',
            label: '认定理由',
            kind: 'multi',
            required: '请选择至少一项认定理由',
            options: meta.majorReasons,
          },
          {
            name: 'collectiveRequired',
            label: '集体讨论',
            kind: 'checkbox',
            text: '情节复杂或者重大违法行为，需经负责人集体讨论决定（第五十七条）',
          },
        ],
      };
    case 'notify':
      return {
        dateLabel: '告知日期',
        done: '已事先告知，陈述申辩期开始',
        note: d.hearingApplicable
          ? '本案适用听证：当事人可在告知后五个工作日内要求听证（《行政处罚法》第六十四条）。'
          : '作出行政处罚决定前，应当告知当事人拟作出的处罚内容及事实、理由、依据，并告知其陈述、申辩权利（第四十四条）。',
        fields: [
          {
            name: 'content',
            label: '告知内容',
            kind: 'textarea',
            required: '请填写告知内容',
            max: 5000,
            rows: 4,
          },
        ],
      };
    case 'statement':
      return {
        dateLabel: '陈述申辩日期',
        done: '已记录陈述申辩',
        fields: [
          {
            name: 'text',
            label: '陈述、申辩及采纳情况',
            kind: 'textarea',
            required: '请填写陈述申辩内容',
            max: 5000,
            rows: 4,
          },
          { name: 'waived', label: '放弃', kind: 'checkbox', text: '当事人明确放弃陈述、申辩' },
        ],
      };
    case 'requestHearing':
      return { dateLabel: '收到听证申请日期', done: '已登记听证申请', fields: [] };
    case 'waiveHearing':
      return { dateLabel: '放弃日期', done: '已记录当事人放弃听证', fields: [] };
    case 'scheduleHearing':
      return {
        dateLabel: '通知日期',
        done: '已通知听证',
        note: '应当在举行听证的七个工作日前，通知当事人听证的时间、地点（第六十四条）。',
        fields: [
          { name: 'hearingOn', label: '听证日期', kind: 'date', future: true, required: '请选择听证日期' },
          {
            name: 'host',
            label: '听证主持人',
            kind: 'text',
            required: '请填写听证主持人',
            max: 50,
            help: '由非本案调查人员担任',
          },
        ],
      };
    case 'holdHearing':
      return {
        dateLabel: '听证日期',
        done: '已记录听证',
        fields: [
          {
            name: 'record',
            label: '听证笔录要点',
            kind: 'textarea',
            required: '请填写听证笔录要点',
            max: 5000,
            rows: 4,
          },
        ],
      };
    case 'submitReview':
      return { dateLabel: '提交日期', done: '已提交法制审核', fields: [] };
    case 'legalReview':
      return {
        dateLabel: '审核日期',
        done: '已记录法制审核意见',
        note: '法制审核由本机关法制审核人员进行，案件承办人员不得担任（《行政处罚法》第五十八条）。',
        fields: [
          {
            name: 'result',
            label: '审核结果',
            kind: 'radio',
            required: '请选择审核结果',
            options: meta.reviewResults,
          },
          {
            name: 'opinion',
            label: '审核意见',
            kind: 'textarea',
            required: '请填写审核意见',
            max: 5000,
            rows: 4,
          },
        ],
      };
    case 'collective':
      return {
        dateLabel: '讨论日期',
        done: '已记录集体讨论决定',
        fields: [
          { name: 'attendees', label: '参加人员', kind: 'text', required: '请填写参加人员', max: 500 },
          {
            name: 'minutes',
            label: '讨论记录及结论',
            kind: 'textarea',
            required: '请填写讨论记录',
            max: 5000,
            rows: 4,
          },
        ],
      };
    case 'extend':
      return {
        dateLabel: '批准日期',
        done: '已延长办案期限',
        note: `自立案之日起九十日内作出决定；确需延长的，经批准可延长不超过 ${s?.extensionMaxDays ?? 30} 日（第六十条）。`,
        fields: [
          {
            name: 'days',
            label: '延长天数',
            kind: 'number',
            min: 1,
            max: s?.extensionMaxDays ?? 30,
            unit: '日',
            required: '请填写延长天数',
          },
          { name: 'reason', label: '延期理由', kind: 'textarea', required: '请填写延期理由', max: 500 },
          { name: 'approver', label: '批准人', kind: 'text', required: '请填写批准人', max: 50 },
        ],
      };
    case 'decide':
      return {
        dateLabel: '决定日期',
        done: '已作出决定，公示期限开始计算',
        note: '行政处罚决定书应当载明违法事实和证据、种类和依据、履行方式和期限、申请行政复议或提起行政诉讼的途径和期限（第五十九条）。',
        fields: [
          {
            name: 'decisionKind',
            label: '决定类型',
            kind: 'radio',
            required: '请选择决定类型',
            options: meta.decisionKinds,
          },
          { name: 'penaltyTypes', label: '处罚种类', kind: 'multi', options: meta.penaltyTypes },
          { name: 'fineAmount', label: '罚款金额', kind: 'money' },
          { name: 'confiscatedAmount', label: '没收金额', kind: 'money' },
          {
            name: 'facts',
            label: '违法事实和证据',
            kind: 'textarea',
            required: '请填写违法事实和证据',
            max: 5000,
            rows: 3,
          },
          {
            name: 'basis',
            label: '处罚依据',
            kind: 'textarea',
            required: '请填写处罚依据',
            max: 2000,
            rows: 2,
          },
          {
            name: 'performance',
            label: '履行方式和期限',
            kind: 'text',
            required: '请填写履行方式和期限',
            max: 500,
          },
          { name: 'remedy', label: '救济途径和期限', kind: 'textarea', max: 1000, rows: 2 },
        ],
      };
    case 'serve':
      return {
        dateLabel: '送达日期',
        done: '已送达决定书',
        note: '当事人不在场的，应当在七个工作日内送达；罚款自收到决定书之日起十五日内缴纳（第六十一条、第六十七条）。',
        fields: [
          {
            name: 'method',
            label: '送达方式',
            kind: 'select',
            required: '请选择送达方式',
            options: meta.serviceMethods,
          },
        ],
      };
    case 'execute':
      return {
        dateLabel: '执行日期',
        done: '已记录执行情况',
        note: '到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额（第七十二条）。',
        fields: [
          { name: 'paidOn', label: '缴款日期', kind: 'date' },
          { name: 'paidAmount', label: '缴款金额', kind: 'money' },
          { name: 'note', label: '执行情况', kind: 'textarea', max: 1000 },
        ],
      };
    case 'close':
      return { dateLabel: '结案日期', done: '已结案', fields: [] };
    case 'archive':
      return { dateLabel: '归档日期', done: '已归档', fields: [] };
    case 'publish':
      return {
        dateLabel: '公示日期',
        done: '已在公开平台公示',
        note: '行政处罚、行政许可决定自作出之日起7个工作日内公开，其他执法决定20个工作日内公开（国办发〔2018〕118号）。公示内容中的个人信息按规则屏蔽。',
        fields: [],
      };
    case 'revoke':
      return {
        dateLabel: '日期',
        done: '已记录，公示应在三个工作日内撤回',
        fields: [
          {
            name: 'kind',
            label: '情形',
            kind: 'radio',
            required: '请选择情形',
            options: ['变更', '撤销', '确认违法', '确认无效'],
          },
          { name: 'reason', label: '原因', kind: 'textarea', required: '请填写原因', max: 1000 },
        ],
      };
    case 'withdraw':
      return {
        dateLabel: '撤回日期',
        done: '已撤回公示',
        fields: [
          { name: 'reason', label: '撤回原因', kind: 'textarea', required: '请填写撤回原因', max: 1000 },
        ],
      };
  }
}

export function enforcementStepInitial(step: EnforcementStep, d: CaseDetail): StepValues {
  if (step === 'decide') {
    return {
      decisionKind: '处罚',
      penaltyTypes: [],
      performance: '自收到本决定书之日起十五日内缴纳罚款',
      remedy: REMEDY,
      facts: d.findings ?? undefined,
      basis: d.item?.legalBasis ?? undefined,
    };
  }
  if (step === 'legalReview') return { result: '同意' };
  if (step === 'investigate') return { proposedPenalties: [] };
  return {};
}

/** Steps shown as danger buttons. */
export const NEGATIVE_STEPS: ReadonlySet<string> = new Set(['revoke', 'withdraw']);
/** The step that moves the case on: the primary button. */
export const FORWARD_STEPS: readonly string[] = [
  'investigate',
  'notify',
  'legalReview',
  'decide',
  'serve',
  'execute',
  'close',
  'archive',
];
