import { FormOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api';
import { Forbidden } from '../../components/Forbidden';
import { isCaseLevel, OrgPicker } from '../../components/OrgPicker';
import { PageError, PageSpin } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { disableFuture, toDate } from '../../ledger/dates';
import { PersonFieldset, type PersonValues, personBody } from '../../ledger/PersonFieldset';
import { COLLECTIVE_VISIT_PERSONS, isVisit, MAX_REPRESENTATIVES } from '../../petitions/labels';
import { useCreatePetition, useEarlierPetitions, usePetitionsMeta } from '../../petitions/queries';

interface PetitionerValues extends PersonValues {
  isRepresentative?: boolean;
}

interface FormValues {
  orgCode?: string;
  receivedOn?: Dayjs;
  channel?: string;
  origin: string;
  transferredFrom?: string;
  category?: string;
  subject?: string;
  summary?: string;
  batchCount?: number;
  personCount?: number;
  officeCode?: string;
  repeat?: boolean;
  repeatOfId?: number;
  leaderName?: string;
  leaderPlan?: string;
  petitioners: PetitionerValues[];
}

function trimmed(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

/** The township (乡镇/街道) a code of that township, one of its villages or grids belongs to. */
function townshipOf(code: string | undefined): string | undefined {
  return code && code.length >= 12 ? `${code.slice(0, 9)}000` : undefined;
}

const minChars = (n: number, message: string) => ({
  validator: (_: unknown, value?: string) =>
    !value || value.trim().length >= n ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** 重复信访: search the township's earlier petitions by 信访人, 事项 or 编号. */
function EarlierPetitionSelect(props: {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  township: string | undefined;
  receivedOn: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const earlier = useEarlierPetitions(props.township, search.trim(), props.receivedOn);
  const options = useMemo(
    () =>
      (earlier.data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.petitionNo} ${c.petitionerNames} ${c.subject}（${c.receivedOn}）`,
      })),
    [earlier.data],
  );
  return (
    <Select<number>
      id={props.id}
      value={props.value}
      onChange={(value) => props.onChange?.(value)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder="输入信访人姓名或事项搜索"
      loading={earlier.isFetching}
      options={options}
      notFoundContent={earlier.isFetching ? '正在搜索…' : '没有找到本乡镇更早的信访件'}
      disabled={!props.township}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: '92vw' } } }}
    />
  );
}

export default function PetitionNewPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { code, org, byCode } = useCurrentOrg();
  const meta = usePetitionsMeta(code);
  const create = useCreatePetition();
  const [form] = Form.useForm<FormValues>();
  const [submitError, setSubmitError] = useState<string | null>(null);

  const orgCode = Form.useWatch('orgCode', form);
  const channel = Form.useWatch('channel', form);
  const origin = Form.useWatch('origin', form);
  const personCount = Form.useWatch('personCount', form) ?? 1;
  const repeat = Form.useWatch('repeat', form);
  const receivedOn = Form.useWatch('receivedOn', form);
  const visit = isVisit(channel);
  const collective = visit && personCount >= COLLECTIVE_VISIT_PERSONS;
  const township = townshipOf(orgCode);

  // 责任科室: the offices of the chosen place's township.
  const offices = useMemo(() => {
    const node = township ? byCode.get(township) : undefined;
    return (node?.children ?? [])
      .filter((c) => c.level === 'office')
      .map((c) => ({ value: c.code, label: c.name }));
  }, [township, byCode]);

  if (meta.isPending) return <PageSpin />;
  if (meta.isError) return <PageError error={meta.error} onRetry={() => meta.refetch()} />;
  if (!meta.data.can.register) return <Forbidden title="不能登记信访" back="/petitions" />;

  const initialValues: FormValues = {
    orgCode: org && isCaseLevel(org.level) ? org.code : undefined,
    receivedOn: dayjs(),
    origin: meta.data.origins[0] ?? '直接提出',
    personCount: 1,
    batchCount: 1,
    petitioners: [{ isRepresentative: false }],
  };

  const onFinish = async (values: FormValues) => {
    setSubmitError(null);
    const isVisitNow = isVisit(values.channel);
    try {
      const created = await create.mutateAsync({
        orgCode: values.orgCode!,
        receivedOn: toDate(values.receivedOn)!,
        channel: values.channel!,
        origin: values.origin,
        transferredFrom: values.origin === '转送交办' ? trimmed(values.transferredFrom) : undefined,
        category: values.category!,
        subject: values.subject!.trim(),
        summary: values.summary!.trim(),
        batchCount: isVisitNow ? (values.batchCount ?? 1) : undefined,
        personCount: values.personCount ?? 1,
        officeCode: values.officeCode,
        repeatOfId: values.repeat ? values.repeatOfId : undefined,
        leaderName: trimmed(values.leaderName),
        leaderPlan: trimmed(values.leaderPlan),
        petitioners: values.petitioners.map((p) => ({
          ...personBody(p),
          isRepresentative: Boolean(p.isRepresentative),
        })),
      });
      message.success(`已登记，编号 ${created.petitionNo}`);
      navigate(`/petitions/${created.id}`, { replace: true });
    } catch (err) {
      setSubmitError(errorMessage(err));
    }
  };

  const repsRule = {
    validator: (_: unknown, petitioners?: PetitionerValues[]) => {
      if (!petitioners || petitioners.length === 0) return Promise.reject(new Error('至少填写一名信访人'));
      const values = form.getFieldsValue(['channel', 'personCount']) as FormValues;
      const reps = petitioners.filter((p) => p?.isRepresentative).length;
      if (isVisit(values.channel) && (values.personCount ?? 1) >= COLLECTIVE_VISIT_PERSONS) {
        if (reps < 1 || reps > MAX_REPRESENTATIVES) {
          return Promise.reject(
            new Error(
              `集体走访须推选代表，代表人数为1至${MAX_REPRESENTATIVES}人（《信访工作条例》第二十条）`,
            ),
          );
        }
      }
      return Promise.resolve();
    },
  };

  return (
    <Flex vertical gap={16} className="page page-narrow">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <FormOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          登记信访
        </Typography.Title>
      </Flex>

      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(changed) => {
          // The representatives check depends on 形式, 人数 and the 代表 ticks: once it has shown an
          // error, re-run it as they change.
          const related = 'channel' in changed || 'personCount' in changed || 'petitioners' in changed;
          if (related && form.getFieldError(['petitioners']).length > 0) {
            void form.validateFields([['petitioners']]).catch(() => {});
          }
        }}
        scrollToFirstError
        requiredMark
        aria-label="登记信访"
      >
        <Card size="small" title="来信来访" className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="orgCode"
                label="登记单位（乡镇/村/网格）"
                rules={[{ required: true, message: '请选择信访事项所在的乡镇(街道)、村(社区)或网格' }]}
              >
                <OrgPicker selectable={isCaseLevel} placeholder="选择乡镇或村(社区)" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="receivedOn"
                label="来信来访日期"
                rules={[{ required: true, message: '请选择来信来访日期' }]}
                extra="书面告知期限（15日）自此日起算"
              >
                <DatePicker style={{ width: '100%' }} disabledDate={disableFuture} inputReadOnly />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="channel"
                label="信访形式"
                rules={[{ required: true, message: '请选择信访形式' }]}
              >
                <Select
                  placeholder="选择信访形式"
                  options={meta.data.channels.map((c) => ({ value: c, label: c }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="category"
                label="信访类别"
                rules={[{ required: true, message: '请选择信访类别' }]}
              >
                <Select
                  placeholder="选择信访类别"
                  options={meta.data.categories.map((c) => ({ value: c, label: c }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="origin" label="件来源" rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={meta.data.origins.map((o) => ({ value: o, label: o }))}
                />
              </Form.Item>
            </Col>
            {origin === '转送交办' && (
              <Col xs={24} md={12}>
                <Form.Item
                  name="transferredFrom"
                  label="转送交办机关"
                  rules={[{ max: 100, message: '不超过100个字' }]}
                  extra="不属于本机关职权范围的，应在5个工作日内提出异议"
                >
                  <Input autoComplete="off" placeholder="如：县信访局" />
                </Form.Item>
              </Col>
            )}
            <Col xs={12} md={6}>
              <Form.Item name="personCount" label="人数" rules={[{ required: true, message: '请填写人数' }]}>
                <InputNumber min={1} max={10000} precision={0} suffix="人" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {visit && (
              <Col xs={12} md={6}>
                <Form.Item name="batchCount" label="批次" rules={[{ required: true, message: '请填写批次' }]}>
                  <InputNumber min={1} max={100} precision={0} suffix="批" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
            {collective && (
              <Col span={24}>
                <Alert
                  type="warning"
                  showIcon
                  className="form-alert"
                  data-testid="collective-visit-hint"
                  title="集体走访"
                  description={`多人采用走访形式提出同一信访事项的，应当推选代表，代表人数不超过${MAX_REPRESENTATIVES}人（《信访工作条例》第二十条）。请在下方信访人中勾选1至${MAX_REPRESENTATIVES}名代表。`}
                />
              </Col>
            )}
            <Col span={24}>
              <Form.Item
                name="subject"
                label="信访事项"
                rules={[
                  { required: true, whitespace: true, message: '请填写信访事项' },
                  minChars(2, '请填写信访事项'),
                ]}
              >
                <Input maxLength={200} showCount autoComplete="off" placeholder="如：要求解决拖欠工程款" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="summary"
                label="诉求与事实理由"
                rules={[
                  { required: true, whitespace: true, message: '请填写诉求与事实理由' },
                  minChars(5, '诉求与事实理由至少5个字'),
                ]}
              >
                <Input.TextArea
                  rows={4}
                  maxLength={5000}
                  showCount
                  placeholder="信访人的主要诉求、事实和理由"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title="责任与包案" className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="officeCode" label="责任科室">
                <Select
                  allowClear
                  placeholder={township ? '选择本乡镇科室（选填）' : '请先选择登记单位'}
                  disabled={!township}
                  options={offices}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="leaderName" label="包案领导" rules={[{ max: 50, message: '不超过50个字' }]}>
                <Input autoComplete="off" placeholder="选填" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="leaderPlan" label="包案化解方案" rules={[{ max: 2000 }]}>
                <Input.TextArea rows={2} maxLength={2000} placeholder="选填" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="repeat" valuePropName="checked" style={{ marginBottom: repeat ? 8 : 0 }}>
                <Checkbox>重复信访（同一信访人就同一事项再次提出）</Checkbox>
              </Form.Item>
            </Col>
            {repeat && (
              <Col span={24}>
                <Form.Item
                  name="repeatOfId"
                  label="原信访件"
                  rules={[{ required: true, message: '请选择原信访件' }]}
                  style={{ marginBottom: 0 }}
                >
                  <EarlierPetitionSelect township={township} receivedOn={toDate(receivedOn)} />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Card>

        <Form.List name="petitioners" rules={[repsRule]}>
          {(fields, { add, remove }, { errors }) => (
            <Card
              size="small"
              title="信访人"
              className="form-card"
              extra={
                <Button
                  type="link"
                  icon={<PlusOutlined />}
                  onClick={() => add({ isRepresentative: false })}
                  disabled={fields.length >= 50}
                >
                  添加信访人
                </Button>
              }
            >
              <Flex vertical gap={12}>
                {fields.map((field, index) => (
                  <PersonFieldset
                    key={field.key}
                    name={field.name}
                    index={index}
                    noun="信访人"
                    canRemove={fields.length > 1}
                    onRemove={() => remove(field.name)}
                    role={
                      <Form.Item name={[field.name, 'isRepresentative']} label="代表" valuePropName="checked">
                        <Checkbox>推选的代表</Checkbox>
                      </Form.Item>
                    }
                  />
                ))}
                <Form.ErrorList errors={errors} />
              </Flex>
            </Card>
          )}
        </Form.List>

        {submitError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title="登记失败"
            description={submitError}
            className="form-alert"
          />
        )}

        <Flex gap={8} justify="flex-end" wrap="wrap" className="form-actions">
          <Button onClick={() => navigate(-1)}>取消</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            提交登记
          </Button>
        </Flex>
      </Form>
    </Flex>
  );
}
