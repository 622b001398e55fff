import type { RecordModel } from '../../kernel/model.js';
import { ITEM_TYPES, LIST_KINDS, TARGET_KINDS } from './model.js';

/**
 * 执法事项清单 / 权责清单 as real counties keep it. `discretion` (裁量基准) is free text, one
 * "情节:处罚幅度" per line or separated by ;, parsed on import.
 */
export const ITEM_MODEL: RecordModel = {
  id: 'enforcement.item',
  title: '执法事项',
  fields: [
    {
      key: 'listKind',
      label: '清单类别',
      type: 'enum',
      options: LIST_KINDS,
      aliases: ['清单类型', '清单名称', '事项类别'],
      help: '不填时按行政执法权责事项',
    },
    {
      key: 'itemCode',
      label: '事项编码',
      type: 'text',
      required: true,
      max: 64,
      aliases: ['编码', '事项代码', '基本编码', '权力编码', '权责事项编码', '事项编号'],
    },
    {
      key: 'name',
      label: '事项名称',
      type: 'text',
      required: true,
      max: 300,
      aliases: ['名称', '权责事项名称', '执法事项名称', '权力事项名称', '事项', '子项名称'],
    },
    {
      key: 'itemType',
      label: '事项类型',
      type: 'enum',
      required: true,
      options: ITEM_TYPES,
      aliases: ['权力类型', '职权类型', '事项种类', '权责类型', '类型'],
    },
    {
      key: 'legalBasis',
      label: '实施依据',
      type: 'longtext',
      required: true,
      aliases: ['设定依据', '法律依据', '依据', '实施依据(法律+条款)', '法定依据'],
    },
    {
      key: 'office',
      label: '责任科室',
      type: 'text',
      aliases: ['实施主体', '承办机构', '责任股室', '承办科室', '责任单位', '实施机构', '承办单位'],
    },
    {
      key: 'delegated',
      label: '是否赋权',
      type: 'bool',
      aliases: ['赋权事项', '是否县级赋权', '是否下放', '县级赋权'],
    },
    {
      key: 'discretion',
      label: '裁量基准',
      type: 'longtext',
      aliases: ['自由裁量基准', '裁量标准', '行政处罚裁量基准', '裁量权基准'],
      help: '每行或以分号分隔一条,格式:情节:处罚幅度,如「情节轻微:警告;情节较重:罚款500-2000元」',
    },
    {
      key: 'effectiveFrom',
      label: '生效日期',
      type: 'date',
      aliases: ['施行日期', '实施日期', '生效时间', '启用日期'],
      help: '不填时按导入当天',
    },
  ],
};

/** 执法人员及执法证件. 身份证号、联系电话 are personal. */
export const OFFICER_MODEL: RecordModel = {
  id: 'enforcement.officer',
  title: '执法人员',
  fields: [
    {
      key: 'name',
      label: '姓名',
      type: 'text',
      required: true,
      max: 50,
      aliases: ['执法人员姓名', '人员姓名'],
    },
    { key: 'idCard', label: '身份证号', type: 'idcard', personal: true, aliases: ['公民身份号码', '身份证'] },
    { key: 'phone', label: '联系电话', type: 'phone', personal: true, aliases: ['手机号', '电话', '手机'] },
    {
      key: 'certNo',
      label: '执法证号',
      type: 'text',
      max: 64,
      aliases: ['执法证件号', '执法证编号', '证件编号', '执法证件编号', '证号'],
    },
    { key: 'issuer', label: '发证机关', type: 'text', aliases: ['发证单位', '颁发机关'] },
    {
      key: 'areas',
      label: '执法类别',
      type: 'text',
      aliases: ['执法区域', '执法种类', '执法领域', '执法范围', '执法区域/类别'],
    },
    { key: 'validFrom', label: '有效期起', type: 'date', aliases: ['发证日期', '有效期自', '有效期开始'] },
    {
      key: 'validTo',
      label: '有效期至',
      type: 'date',
      aliases: ['有效期止', '有效截止日期', '到期日期', '有效期截止'],
    },
    { key: 'status', label: '证件状态', type: 'enum', options: ['有效', '暂扣', '注销'], aliases: ['状态'] },
  ],
};

/** 检查对象名录库. */
export const TARGET_MODEL: RecordModel = {
  id: 'enforcement.target',
  title: '检查对象',
  fields: [
    {
      key: 'name',
      label: '检查对象名称',
      type: 'text',
      required: true,
      aliases: ['名称', '企业名称', '单位名称', '市场主体名称', '主体名称', '经营者名称'],
    },
    { key: 'uscc', label: '统一社会信用代码', type: 'text', max: 18, aliases: ['信用代码', '注册号'] },
    {
      key: 'kind',
      label: '主体类型',
      type: 'enum',
      options: TARGET_KINDS,
      aliases: ['类型', '主体类别', '市场主体类型'],
      help: '不填时按企业',
    },
    { key: 'industry', label: '所属行业', type: 'text', aliases: ['行业', '行业类别'] },
    { key: 'address', label: '地址', type: 'text', aliases: ['经营地址', '住所', '经营场所', '注册地址'] },
  ],
};
