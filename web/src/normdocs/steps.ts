import type { StepSpec } from '../ledger/StepModal';
import type { NormdocsMeta } from './types';

/** The forms of the document's steps (the API's `POST /api/normdocs/documents/:id/<step>`). */
export function stepSpec(step: string, meta: NormdocsMeta | undefined): StepSpec {
  const s = meta?.settings;
  switch (step) {
    case 'consult':
      return {
        dateLabel: null,
        fields: [
          { kind: 'date', name: 'opensOn', label: '征求意见开始日期', required: '请选择开始日期' },
          { kind: 'date', name: 'closesOn', label: '截止日期', required: '请选择截止日期' },
          {
            kind: 'textarea',
            name: 'shortenedReason',
            label: '期限少于30日的理由',
            help: '征求意见期限一般不少于30日;少于30日的须说明理由',
            max: 500,
          },
        ],
        done: '已公开征求意见,草案已在门户网站公布',
        note: '草案正文按段落公布在门户网站“征求意见”栏目,公众可对全文或某一段提出意见。',
      };
    case 'submitReview':
      return {
        dateLabel: '送审日期',
        fields: [],
        done: '已提交合法性审核',
        note: `审核期限${s?.reviewWorkdays ?? 5}个工作日(本地规定),由法律顾问或合法性审核机构出具意见。`,
      };
    case 'legalReview':
      return {
        dateLabel: '审核日期',
        fields: [
          {
            kind: 'radio',
            name: 'result',
            label: '审核结论',
            options: meta?.reviewResults ?? ['合法', '修改后合法', '不合法', '明示法律风险'],
            required: '请选择审核结论',
          },
          {
            kind: 'textarea',
            name: 'opinion',
            label: '审核意见',
            required: '请填写审核意见',
            minChars: 2,
            max: 5000,
          },
        ],
        done: '已记录合法性审核意见',
      };
    case 'deliberate':
      return {
        dateLabel: '审议日期',
        fields: [
          {
            kind: 'text',
            name: 'meeting',
            label: '审议会议',
            placeholder: '如:镇党政联席会议第12次会议',
            required: '请填写审议会议名称',
            minChars: 2,
            max: 200,
          },
          {
            kind: 'radio',
            name: 'result',
            label: '审议结果',
            options: meta?.deliberationResults ?? ['通过', '修改后通过', '不予通过'],
            required: '请选择审议结果',
          },
        ],
        done: '已记录集体审议',
        note: '未经合法性审核或审核不合法的,不得提交集体审议;征求意见期未届满或尚有意见未答复的,也不能审议。',
      };
    case 'register':
      return {
        dateLabel: '登记日期',
        fields: [
          { kind: 'text', name: 'docNo', label: '发文字号', placeholder: '如:甲府发〔2025〕8号', max: 100 },
        ],
        done: '已统一登记、编号',
        note: `统一登记号由系统按本机关序列自动编号(格式:${s?.numberFormat ?? '{short}规〔{year}〕{n}号'}),不能手工填写。`,
      };
    case 'publish':
      return {
        dateLabel: '公布日期',
        fields: [
          {
            kind: 'select',
            name: 'medium',
            label: '公布载体',
            options: meta?.publishMedia ?? ['政府网站'],
            required: '请选择公布载体',
          },
          {
            kind: 'date',
            name: 'effectiveOn',
            label: '施行日期',
            help: `不填则为公布后${s?.effectiveAfterDays ?? 30}日`,
          },
          {
            kind: 'textarea',
            name: 'effectiveReason',
            label: '提前施行的理由',
            help: '施行日期早于默认日期时必填',
            max: 500,
          },
        ],
        done: '已公布',
        note: `公布后${s?.filingDays ?? 30}日内应报上一级备案;有效期${s?.validityYears ?? 5}年(暂行、试行${s?.temporaryValidityYears ?? 2}年)。`,
      };
    case 'file':
      return {
        dateLabel: '报送日期',
        fields: [{ kind: 'textarea', name: 'note', label: '备案材料说明', max: 500 }],
        done: '已报送备案',
        note: '备案材料一般包括备案报告、文件正式文本、制定说明、合法性审核意见。',
      };
    case 'cleanup':
      return {
        dateLabel: '清理日期',
        fields: [
          {
            kind: 'text',
            name: 'campaign',
            label: '清理活动',
            placeholder: '如:2025年行政规范性文件集中清理',
            required: '请填写清理活动名称',
            minChars: 2,
            max: 200,
          },
          {
            kind: 'radio',
            name: 'result',
            label: '清理结果',
            options: meta?.cleanupResults ?? ['继续有效', '修改', '废止', '失效'],
            required: '请选择清理结果',
          },
          { kind: 'textarea', name: 'note', label: '说明', max: 2000 },
        ],
        done: '已记录清理结果',
      };
    default:
      return { dateLabel: '日期', fields: [], done: '已办理' };
  }
}

/** Colour of a document's effect/status tag. */
export const EFFECT_COLORS: Record<string, string> = {
  现行有效: 'green',
  尚未施行: 'blue',
  已废止: 'default',
  已失效: 'default',
  起草: 'default',
  合法性审核中: 'processing',
  已审核: 'cyan',
  已集体审议: 'geekblue',
  已登记编号: 'purple',
};
