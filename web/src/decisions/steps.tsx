import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../api';
import { toDate } from '../ledger/dates';
import type { DecisionDetail, DecisionsMeta } from './types';

type FieldType = 'date' | 'text' | 'textarea' | 'select' | 'radio' | 'bool' | 'number' | 'experts';
export interface Field {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: string[];
  initial?: unknown;
  help?: string;
}

export const STEP_LABELS: Record<string, string> = {
  requirements: '设定必经程序',
  consult: '公开征求意见',
  endConsultation: '提前结束征求意见',
  noConsultation: '不公开征求意见',
  meeting: '座谈会/听证会',
  expert: '专家论证',
  risk: '风险评估',
  legalSubmit: '送请合法性审查',
  legalReview: '合法性审查意见',
  collective: '集体讨论决定',
  publish: '公布',
  execute: '明确执行单位',
  report: '执行情况报告',
  evalPlan: '安排决策后评估',
  evalDone: '决策后评估',
};

const today = () => dayjs();

export function stepFields(step: string, d: DecisionDetail, m: DecisionsMeta | undefined): Field[] {
  const major = d.kind === '重大行政决策';
  switch (step) {
    case 'requirements':
      return [
        { name: 'professional', label: '专业性、技术性较强', type: 'bool', initial: d.professional },
        { name: 'stabilityRisk', label: '可能涉及社会稳定风险', type: 'bool', initial: d.stabilityRisk },
        {
          name: 'expertWaivedReason',
          label: '免于专家论证的理由',
          type: 'textarea',
          initial: d.expertWaivedReason,
        },
        {
          name: 'riskWaivedReason',
          label: '免于风险评估的理由',
          type: 'textarea',
          initial: d.riskWaivedReason,
        },
      ];
    case 'consult':
      return [
        { name: 'opensOn', label: '开始日期', type: 'date', required: true, initial: today() },
        {
          name: 'closesOn',
          label: '截止日期',
          type: 'date',
          required: true,
          initial: today().add(29, 'day'),
        },
        {
          name: 'shortenedReason',
          label: '期限少于30日的理由',
          type: 'textarea',
          help: '《重大行政决策程序暂行条例》第十五条:征求意见期限一般不少于30日',
        },
        { name: 'summary', label: '起草说明', type: 'textarea' },
      ];
    case 'endConsultation':
      return [{ name: 'reason', label: '提前结束的理由', type: 'textarea', required: true }];
    case 'noConsultation':
      return [{ name: 'reason', label: '不公开征求意见的理由', type: 'textarea', required: true }];
    case 'meeting':
      return [
        {
          name: 'kind',
          label: '形式',
          type: 'radio',
          required: true,
          options: m?.participationKinds,
          initial: '座谈会',
        },
        { name: 'heldOn', label: '召开日期', type: 'date', required: true, initial: today() },
        { name: 'materialsSentOn', label: '材料送达日期(听证会)', type: 'date' },
        { name: 'listPublishedOn', label: '名单公布日期(听证会)', type: 'date' },
        { name: 'participants', label: '参加人', type: 'textarea', required: true },
        { name: 'opinions', label: '意见概要', type: 'textarea', required: true },
      ];
    case 'expert':
      return [
        { name: 'on', label: '论证日期', type: 'date', required: true, initial: today() },
        { name: 'unit', label: '论证机构', type: 'text' },
        { name: 'experts', label: '论证专家', type: 'experts', required: true },
        { name: 'opinions', label: '论证意见', type: 'textarea', required: true },
        { name: 'adoption', label: '意见采纳情况', type: 'textarea' },
        { name: 'conflictChecked', label: '已核查专家与决策事项无直接利害关系', type: 'bool' },
        { name: 'conflictNote', label: '核查说明', type: 'text' },
        { name: 'disclosed', label: '专家信息和论证意见向社会公开', type: 'bool', initial: true },
      ];
    case 'risk':
      return [
        { name: 'on', label: '评估日期', type: 'date', required: true, initial: today() },
        { name: 'assessor', label: '评估单位', type: 'text', required: true },
        {
          name: 'report',
          label: '风险评估报告',
          type: 'textarea',
          required: true,
          help: '风险点、防范措施、处置预案',
        },
        { name: 'level', label: '风险等级', type: 'radio', required: true, options: m?.riskLevels },
        { name: 'controllable', label: '风险可控', type: 'bool', initial: true },
      ];
    case 'legalSubmit':
      return [
        { name: 'on', label: '送审日期', type: 'date', required: true, initial: today() },
        {
          name: 'workdays',
          label: '审查期限(工作日)',
          type: 'number',
          required: true,
          initial: m?.minReviewWorkdays ?? 7,
          help: '第二十六条:一般不少于7个工作日',
        },
      ];
    case 'legalReview':
      return [
        { name: 'on', label: '出具意见日期', type: 'date', required: true, initial: today() },
        {
          name: 'result',
          label: '审查结论',
          type: 'radio',
          required: true,
          options: ['合法', '修改后合法', '不合法', '明示法律风险'],
        },
        { name: 'opinion', label: '审查意见', type: 'textarea', required: true },
      ];
    case 'collective':
      return [
        {
          name: 'meetingType',
          label: '会议类型',
          type: 'radio',
          required: true,
          options: major ? m?.meetingTypes : m?.sanzhongMeetingTypes,
          initial: '常务会议',
        },
        { name: 'on', label: '会议日期', type: 'date', required: true, initial: today() },
        { name: 'attendees', label: '出席人员', type: 'textarea', required: true },
        { name: 'minutes', label: '会议纪要', type: 'textarea', required: true },
        { name: 'dissent', label: '不同意见', type: 'textarea' },
        { name: 'headOpinion', label: '行政首长意见', type: 'textarea' },
        {
          name: 'outcome',
          label: '决定',
          type: 'radio',
          required: true,
          options: m?.outcomes,
          initial: '通过',
        },
        { name: 'decisionText', label: '决定内容', type: 'textarea' },
        { name: 'partyReportedOn', label: '向同级党委请示报告日期', type: 'date' },
      ];
    case 'publish':
      return [
        { name: 'on', label: '公布日期', type: 'date', required: true, initial: today() },
        { name: 'channel', label: '公布渠道', type: 'text', required: true, initial: '人民政府网站' },
        {
          name: 'publicText',
          label: '决策内容及解读',
          type: 'textarea',
          required: true,
          initial: d.decisionText,
        },
        ...(d.consultation && !d.consultation.resultsPublishedOn
          ? [
              {
                name: 'adoptionNote',
                label: '公众意见采纳情况说明',
                type: 'textarea' as const,
                required: true,
              },
            ]
          : []),
      ];
    case 'execute':
      return [{ name: 'unit', label: '执行单位', type: 'text', required: true, initial: d.sponsorUnit }];
    case 'report':
      return [
        { name: 'on', label: '报告日期', type: 'date', required: true, initial: today() },
        { name: 'unit', label: '报告单位', type: 'text', required: true, initial: d.executionUnit },
        { name: 'text', label: '执行情况', type: 'textarea', required: true },
      ];
    case 'evalPlan':
      return [
        { name: 'on', label: '计划评估日期', type: 'date', required: true },
        { name: 'trigger', label: '评估原因', type: 'select', required: true, options: m?.evalTriggers },
        { name: 'evaluator', label: '评估主体', type: 'text', required: true },
        { name: 'thirdParty', label: '委托第三方评估', type: 'bool' },
      ];
    case 'evalDone':
      return [
        { name: 'on', label: '完成日期', type: 'date', required: true, initial: today() },
        { name: 'report', label: '评估报告', type: 'textarea', required: true },
        { name: 'conclusion', label: '评估结论', type: 'radio', required: true, options: m?.evalConclusions },
      ];
    default:
      return [];
  }
}

function toBody(fields: Field[], values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.type === 'date') {
      const s = toDate(v as Dayjs | undefined);
      if (s) body[f.name] = s;
    } else if (f.type === 'bool') body[f.name] = Boolean(v);
    else if (f.type === 'experts') {
      body[f.name] = ((v as { name?: string; title?: string; unit?: string }[] | undefined) ?? [])
        .filter((x) => x?.name?.trim())
        .map((x) => ({ name: x.name!.trim(), title: x.title?.trim() || null, unit: x.unit?.trim() || null }));
    } else if (typeof v === 'string') {
      if (v.trim()) body[f.name] = v.trim();
    } else if (v !== undefined && v !== null) body[f.name] = v;
  }
  return body;
}

/** Form.Item hands `value`/`onChange` to its child: they are passed on to the control. */
function FieldInput(props: { field: Field; value?: unknown; onChange?: (v: unknown) => void; id?: string }) {
  const { field: f, ...control } = props;
  const c = control as Record<string, never>;
  switch (f.type) {
    case 'date':
      return <DatePicker {...c} style={{ width: '100%' }} aria-label={f.label} />;
    case 'textarea':
      return <Input.TextArea {...c} autoSize={{ minRows: 2, maxRows: 8 }} aria-label={f.label} />;
    case 'select':
      return (
        <Select
          {...c}
          aria-label={f.label}
          options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
        />
      );
    case 'radio':
      return <Radio.Group {...c} options={(f.options ?? []).map((o) => ({ value: o, label: o }))} />;
    case 'number':
      return <InputNumber {...c} min={1} max={60} style={{ width: 160 }} aria-label={f.label} />;
    default:
      return <Input {...c} aria-label={f.label} />;
  }
}

/** A step's form in a modal; the server's refusal is shown in the modal (role=alert). */
export function StepModal(props: {
  step: string | null;
  decision: DecisionDetail;
  meta: DecisionsMeta | undefined;
  onClose: () => void;
  run: (step: string, body: Record<string, unknown>) => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = props.step ? stepFields(props.step, props.decision, props.meta) : [];
  const title = props.step ? STEP_LABELS[props.step] : '';

  const initialValues: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.initial !== undefined && f.initial !== null) initialValues[f.name] = f.initial;
    if (f.type === 'experts') initialValues[f.name] = [{}];
  }

  const close = () => {
    setError(null);
    props.onClose();
  };
  const onOk = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await props.run(props.step!, toBody(fields, values));
      close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={Boolean(props.step)}
      title={title}
      onCancel={close}
      onOk={onOk}
      confirmLoading={busy}
      okText="确定"
      cancelText="取消"
      width={640}
      destroyOnHidden
    >
      <Form
        key={props.step ?? ''}
        form={form}
        layout="vertical"
        name={`decision-${props.step}`}
        initialValues={initialValues}
        preserve={false}
      >
        {fields.map((f) =>
          f.type === 'experts' ? (
            <Form.Item key={f.name} label={f.label} required>
              <Form.List name={f.name}>
                {(items, { add, remove }) => (
                  <Flex vertical gap={8}>
                    {items.map((it) => (
                      <Flex key={it.key} gap={8} align="center">
                        <Form.Item name={[it.name, 'name']} noStyle>
                          <Input placeholder="姓名" aria-label="专家姓名" />
                        </Form.Item>
                        <Form.Item name={[it.name, 'title']} noStyle>
                          <Input placeholder="职称" aria-label="专家职称" />
                        </Form.Item>
                        <Form.Item name={[it.name, 'unit']} noStyle>
                          <Input placeholder="单位" aria-label="专家单位" />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(it.name)} aria-label="删除专家" />
                      </Flex>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({})}>
                      添加专家
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </Form.Item>
          ) : f.type === 'bool' ? (
            <Form.Item key={f.name} name={f.name} valuePropName="checked" extra={f.help}>
              <Checkbox>{f.label}</Checkbox>
            </Form.Item>
          ) : (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              extra={f.help}
              rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : undefined}
            >
              <FieldInput field={f} />
            </Form.Item>
          ),
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
}
