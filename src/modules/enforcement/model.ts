import { z } from 'zod';

export const LIST_KINDS = ['公共服务事项', '行政权力事项', '行政执法权责事项'] as const;
export const ITEM_TYPES = [
  '行政处罚',
  '行政检查',
  '行政强制',
  '行政许可',
  '行政征收',
  '行政确认',
  '其他',
] as const;
/** Decisions of these item types are published within 7 工作日, the rest within 20 (DOMAIN.md §4.1). */
export const SEVEN_DAY_TYPES: readonly string[] = ['行政处罚', '行政许可'];

export const CASE_SOURCES = ['日常巡查', '投诉举报', '双随机抽查', '上级交办', '部门移送', '其他'] as const;
export const PARTY_TYPES = ['自然人', '法人', '其他组织'] as const;
export const PROCEDURES = ['simple', 'ordinary'] as const;
export const PROCEDURE_LABELS: Record<(typeof PROCEDURES)[number], string> = {
  simple: '简易程序',
  ordinary: '普通程序',
};

/** 《行政处罚法》第九条 kinds of penalty. */
export const PENALTY_TYPES = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '行政拘留',
  '其他',
] as const;
export const DECISION_KINDS = ['处罚', '不予处罚', '移送司法机关', '其他决定'] as const;
export const REVIEW_RESULTS = ['同意', '不同意', '建议修改后提交'] as const;
export const SERVICE_METHODS = [
  '直接送达',
  '留置送达',
  '委托送达',
  '邮寄送达',
  '电子送达',
  '公告送达',
] as const;
export const EVIDENCE_KINDS = ['文字记录', '照片', '音像', '扫描件', '其他'] as const;

/** 第五十八条 / 国办发〔2018〕118号: why a decision is 重大 and needs 法制审核. */
export const MAJOR_REASONS = [
  '涉及重大公共利益',
  '可能造成重大社会影响或引发社会风险',
  '直接关系当事人或者第三人重大权益,经过听证程序',
  '案件情况疑难复杂,涉及多个法律关系',
  '法律、法规规定应当进行法制审核的其他情形',
] as const;

export const STATUSES = [
  'filed', // 立案,调查取证中
  'investigated', // 调查终结,负责人审查
  'notified', // 已事先告知,陈述申辩/听证申请期
  'hearing', // 听证中
  'decided',
  'served',
  'executed',
  'closed',
  'archived',
] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  filed: '调查取证',
  investigated: '审查',
  notified: '已告知',
  hearing: '听证',
  decided: '已决定',
  served: '已送达',
  executed: '已执行',
  closed: '已结案',
  archived: '已归档',
};

export const INSPECTION_RESULTS = ['未发现问题', '发现问题已责令整改', '立案查处', '未找到检查对象'] as const;
export const TARGET_KINDS = ['企业', '个体工商户', '农民专业合作社', '社会组织', '其他'] as const;

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const ZId = z.string().regex(/^\d{1,9}$/, '编号应为数字');
