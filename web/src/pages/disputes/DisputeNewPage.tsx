import { FormOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api';
import { Forbidden } from '../../components/Forbidden';
import { isCaseLevel, OrgPicker } from '../../components/OrgPicker';
import { PageError, PageSpin } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { useCreateDispute, useDisputesMeta } from '../../disputes/queries';
import type { PartyRole } from '../../disputes/types';
import { disableFuture, toDate } from '../../ledger/dates';
import { PersonFieldset, type PersonValues, personBody } from '../../ledger/PersonFieldset';
import { useSession } from '../../session';

const ROLES: PartyRole[] = ['申请人', '被申请人', '当事人'];

interface PartyValues extends PersonValues {
  role: PartyRole;
}

interface FormValues {
  orgCode?: string;
  receivedOn?: Dayjs;
  source?: string;
  category?: string;
  riskLevel: string;
  mediatorName?: string;
  summary?: string;
  parties: PartyValues[];
}

function trimmed(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

export default function DisputeNewPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const me = useSession();
  const { code, org } = useCurrentOrg();
  const meta = useDisputesMeta(code);
  const create = useCreateDispute();
  const [form] = Form.useForm<FormValues>();
  const [submitError, setSubmitError] = useState<string | null>(null);

  if (meta.isPending) return <PageSpin />;
  if (meta.isError) return <PageError error={meta.error} onRetry={() => meta.refetch()} />;
  if (!meta.data.can.register) return <Forbidden title="不能登记纠纷" back="/disputes" />;

  const isMediator = me.grants.some((g) => g.role === '调解员');
  const initialValues: FormValues = {
    orgCode: org && (org.level === 'village' || org.level === 'grid') ? org.code : undefined,
    receivedOn: dayjs(),
    riskLevel: meta.data.riskLevels[0] ?? '低',
    mediatorName: isMediator ? me.displayName : undefined,
    parties: [{ role: '申请人' }],
  };

  const onFinish = async (values: FormValues) => {
    setSubmitError(null);
    try {
      const created = await create.mutateAsync({
        orgCode: values.orgCode!,
        receivedOn: toDate(values.receivedOn)!,
        source: values.source!,
        category: values.category!,
        summary: values.summary!.trim(),
        riskLevel: values.riskLevel,
        mediatorName: trimmed(values.mediatorName),
        parties: values.parties.map((p) => ({ role: p.role, ...personBody(p) })),
      });
      message.success(`已登记，编号 ${created.caseNo}`);
      navigate(`/disputes/${created.id}`, { replace: true });
    } catch (err) {
      setSubmitError(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16} className="page page-narrow">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <FormOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          登记纠纷
        </Typography.Title>
      </Flex>

      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        scrollToFirstError
        requiredMark
        aria-label="登记纠纷"
      >
        <Card size="small" title="基本情况" className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="orgCode"
                label="发生地（村/社区）"
                rules={[{ required: true, message: '请选择纠纷发生的村(社区)、网格或乡镇' }]}
              >
                <OrgPicker selectable={isCaseLevel} placeholder="选择村(社区)" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="receivedOn"
                label="登记日期"
                rules={[{ required: true, message: '请选择登记日期' }]}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={disableFuture} inputReadOnly />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="source" label="来源" rules={[{ required: true, message: '请选择来源' }]}>
                <Select
                  placeholder="选择来源"
                  options={meta.data.sources.map((s) => ({ value: s, label: s }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="category"
                label="纠纷类型"
                rules={[{ required: true, message: '请选择纠纷类型' }]}
              >
                <Select
                  placeholder="选择纠纷类型"
                  options={meta.data.categories.map((c) => ({ value: c, label: c }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="riskLevel"
                label="风险等级"
                rules={[{ required: true, message: '请选择风险等级' }]}
              >
                <Radio.Group
                  optionType="button"
                  options={meta.data.riskLevels.map((r) => ({ value: r, label: r }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="mediatorName" label="调解员" rules={[{ max: 50, message: '不超过50个字' }]}>
                <Input placeholder="承办调解员姓名" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="summary"
                label="纠纷简要情况"
                rules={[
                  { required: true, whitespace: true, message: '请填写纠纷简要情况' },
                  {
                    validator: (_, value?: string) =>
                      !value || value.trim().length >= 5
                        ? Promise.resolve()
                        : Promise.reject(new Error('简要情况至少5个字')),
                  },
                ]}
              >
                <Input.TextArea rows={4} maxLength={2000} showCount placeholder="当事人、起因、主要诉求等" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Form.List
          name="parties"
          rules={[
            {
              validator: (_, parties?: PartyValues[]) =>
                parties && parties.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error('至少填写一名当事人')),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Card
              size="small"
              title="当事人"
              className="form-card"
              extra={
                <Button
                  type="link"
                  icon={<PlusOutlined />}
                  onClick={() => add({ role: fields.length === 0 ? '申请人' : '被申请人' })}
                  disabled={fields.length >= 20}
                >
                  添加当事人
                </Button>
              }
            >
              <Flex vertical gap={12}>
                {fields.map((field, index) => (
                  <PersonFieldset
                    key={field.key}
                    name={field.name}
                    index={index}
                    noun="当事人"
                    canRemove={fields.length > 1}
                    onRemove={() => remove(field.name)}
                    role={
                      <Form.Item name={[field.name, 'role']} label="身份" rules={[{ required: true }]}>
                        <Select options={ROLES.map((r) => ({ value: r, label: r }))} />
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
