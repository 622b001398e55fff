import { FormOutlined } from '@ant-design/icons';
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
import { OrgPicker } from '../../components/OrgPicker';
import { PageError, PageSpin } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { useCatalogues, useCreateDecision, useDecisionsMeta } from '../../decisions/queries';
import { disableFuture, toDate } from '../../ledger/dates';
import type { OrgLevel } from '../../types';

interface FormValues {
  orgCode?: string;
  kind: string;
  matter?: string;
  title?: string;
  category?: string;
  catalogueItemId?: number;
  outOfCatalogueReason?: string;
  sponsorUnit?: string;
  draft?: string;
  launchedOn: Dayjs;
  professional?: boolean;
  stabilityRisk?: boolean;
  expertWaivedReason?: string;
  riskWaivedReason?: string;
}

const isDecisionOrg = (level: OrgLevel) => level === 'county' || level === 'township' || level === 'office';
const trimmed = (s?: string) => (s?.trim() ? s.trim() : undefined);

export default function DecisionNewPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { code, org } = useCurrentOrg();
  const [form] = Form.useForm<FormValues>();
  const orgCode = Form.useWatch('orgCode', form);
  const kind = Form.useWatch('kind', form) ?? '重大行政决策';
  const itemId = Form.useWatch('catalogueItemId', form);
  const meta = useDecisionsMeta(orgCode ?? code);
  const catalogues = useCatalogues(orgCode ?? null);
  const create = useCreateDecision();
  const [submitError, setSubmitError] = useState<string | null>(null);

  if (meta.isPending && (orgCode ?? code)) return <PageSpin />;
  if (meta.isError) return <PageError title="加载失败" error={meta.error} onRetry={() => meta.refetch()} />;
  if (meta.data && !meta.data.can.handle) return <Forbidden title="不能新建决策事项" back="/decisions" />;
  const m = meta.data;
  const itemOptions = (catalogues.data ?? [])
    .filter((c) => c.orgCode === orgCode)
    .flatMap((c) =>
      c.items
        .filter((i) => !i.removedOn)
        .map((i) => ({ value: i.id, label: `${c.year}年第${i.itemNo}项 ${i.title}`, item: i })),
    );

  const onFinish = async (v: FormValues) => {
    setSubmitError(null);
    const major = v.kind === '重大行政决策';
    try {
      const created = await create.mutateAsync({
        orgCode: v.orgCode,
        kind: v.kind,
        matter: major ? undefined : v.matter,
        title: v.title?.trim(),
        category: major ? v.category : undefined,
        catalogueItemId: major ? v.catalogueItemId : undefined,
        outOfCatalogueReason: major && !v.catalogueItemId ? trimmed(v.outOfCatalogueReason) : undefined,
        sponsorUnit: v.sponsorUnit?.trim(),
        draft: v.draft?.trim(),
        launchedOn: toDate(v.launchedOn),
        professional: major ? Boolean(v.professional) : undefined,
        stabilityRisk: major ? Boolean(v.stabilityRisk) : undefined,
        expertWaivedReason: major ? trimmed(v.expertWaivedReason) : undefined,
        riskWaivedReason: major ? trimmed(v.riskWaivedReason) : undefined,
      });
      message.success(`已登记:${created.decisionNo}`);
      navigate(`/decisions/${created.id}`);
    } catch (err) {
      setSubmitError(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <FormOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          新建决策事项
        </Typography.Title>
      </Flex>
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="decision-new"
        aria-label="新建决策事项"
        onFinish={onFinish}
        initialValues={{
          orgCode: org && isDecisionOrg(org.level) ? (code ?? undefined) : undefined,
          kind: '重大行政决策',
          launchedOn: dayjs(),
        }}
        onValuesChange={(changed) => {
          if (changed.catalogueItemId) {
            const it = itemOptions.find((o) => o.value === changed.catalogueItemId)?.item;
            if (it)
              form.setFieldsValue({ title: it.title, category: it.category, sponsorUnit: it.sponsorUnit });
          }
        }}
      >
        <Card size="small" title="决策启动" className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="orgCode"
                label="决策机关"
                rules={[{ required: true, message: '请选择决策机关' }]}
              >
                <OrgPicker selectable={isDecisionOrg} placeholder="县级或乡镇(街道)" aria-label="决策机关" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={(m?.kinds ?? []).map((k) => ({ value: k, label: k }))}
                />
              </Form.Item>
            </Col>
            {kind === '重大行政决策' ? (
              <>
                <Col xs={24} md={12}>
                  <Form.Item name="catalogueItemId" label="年度目录事项">
                    <Select
                      allowClear
                      options={itemOptions}
                      placeholder="目录外事项可不选"
                      aria-label="年度目录事项"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="category"
                    label="事项类别"
                    rules={[{ required: true, message: '请选择事项类别' }]}
                  >
                    <Select
                      options={(m?.categories ?? []).map((c) => ({ value: c, label: c }))}
                      aria-label="事项类别"
                    />
                  </Form.Item>
                </Col>
                {!itemId && (
                  <Col xs={24}>
                    <Form.Item
                      name="outOfCatalogueReason"
                      label="未列入目录的理由"
                      rules={[{ required: true, message: '未列入年度决策事项目录的,请说明理由' }]}
                    >
                      <Input aria-label="未列入目录的理由" />
                    </Form.Item>
                  </Col>
                )}
              </>
            ) : (
              <Col xs={24} md={12}>
                <Form.Item
                  name="matter"
                  label="三重一大类别"
                  rules={[{ required: true, message: '请选择类别' }]}
                >
                  <Select
                    options={(m?.sanzhong ?? []).map((c) => ({ value: c, label: c }))}
                    aria-label="三重一大类别"
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item
                name="title"
                label="事项名称"
                rules={[{ required: true, message: '请填写事项名称' }]}
              >
                <Input aria-label="事项名称" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="sponsorUnit"
                label="承办单位"
                rules={[{ required: true, message: '请填写承办单位' }]}
              >
                <Input aria-label="承办单位" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="launchedOn" label="启动日期" rules={[{ required: true }]}>
                <DatePicker disabledDate={disableFuture} style={{ width: '100%' }} aria-label="启动日期" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="draft"
                label="决策草案及起草说明"
                extra="段落之间空一行:公开征求意见时按段落编号"
                rules={[{ required: true, message: '请填写决策草案' }]}
              >
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} aria-label="决策草案及起草说明" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {kind === '重大行政决策' && (
          <Card size="small" title="必经程序" className="form-card" style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary">
              公众参与、合法性审查、集体讨论决定始终必经;专家论证、风险评估默认必经,确不需要的须说明理由(专业性强、涉及社会稳定风险的不能免于)。
            </Typography.Paragraph>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="professional" valuePropName="checked">
                  <Checkbox>专业性、技术性较强</Checkbox>
                </Form.Item>
                <Form.Item name="expertWaivedReason" label="免于专家论证的理由">
                  <Input aria-label="免于专家论证的理由" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="stabilityRisk" valuePropName="checked">
                  <Checkbox>可能涉及社会稳定风险</Checkbox>
                </Form.Item>
                <Form.Item name="riskWaivedReason" label="免于风险评估的理由">
                  <Input aria-label="免于风险评估的理由" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        )}
        {submitError && (
          <Alert type="error" showIcon role="alert" title={submitError} style={{ marginTop: 16 }} />
        )}
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            登记决策事项
          </Button>
          <Button onClick={() => navigate('/decisions')}>取消</Button>
        </Flex>
      </Form>
    </Flex>
  );
}
