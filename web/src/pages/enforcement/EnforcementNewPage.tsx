import { FormOutlined } from '@ant-design/icons';
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
import { OrgPicker } from '../../components/OrgPicker';
import { PageError, PageSpin } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { options, PROCEDURE_OPTIONS } from '../../enforcement/labels';
import {
  rowsOf,
  useApplicableItems,
  useCreateEnforcementCase,
  useEligibleOfficers,
  useEnforcementMeta,
} from '../../enforcement/queries';
import type { NewCase, Procedure } from '../../enforcement/types';
import { disableFuture, toDate } from '../../ledger/dates';
import type { OrgLevel } from '../../types';

interface FormValues {
  orgCode?: string;
  procedure: Procedure;
  filedOn: Dayjs;
  itemId?: number;
  source?: string;
  partyType: string;
  partyName?: string;
  partyIdNo?: string;
  partyPhone?: string;
  partyAddress?: string;
  summary?: string;
  officerIds?: number[];
  penaltyTypes?: string[];
  fineAmount?: number;
  decisionFacts?: string;
  decisionBasis?: string;
}

const CASE_LEVELS: ReadonlySet<OrgLevel> = new Set(['township', 'office']);
const isCaseOrg = (level: OrgLevel) => CASE_LEVELS.has(level);

const trimmed = (value: string | undefined) => {
  const t = value?.trim();
  return t ? t : undefined;
};

export default function EnforcementNewPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { code, org } = useCurrentOrg();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateEnforcementCase();
  const [submitError, setSubmitError] = useState<string | null>(null);

  const orgCode = Form.useWatch('orgCode', form);
  const procedure = Form.useWatch('procedure', form) ?? 'ordinary';
  const filedOnValue = Form.useWatch('filedOn', form);
  const partyType = Form.useWatch('partyType', form) ?? '自然人';
  const filedOn = toDate(filedOnValue);
  const meta = useEnforcementMeta(orgCode ?? code);
  const items = useApplicableItems(orgCode, filedOn);
  const eligible = useEligibleOfficers(orgCode, filedOn);
  const officers = rowsOf(eligible.data);

  const itemOptions = useMemo(
    () =>
      rowsOf(items.data).map((i) => ({
        value: i.id,
        label: `${i.name}（${i.itemType}）`,
        title: `${i.itemCode} ${i.name}`,
      })),
    [items.data],
  );
  const officerOptions = officers.map((o) => ({
    value: o.id,
    label: `${o.name}（${o.certNo}）`,
    title: `${o.name} ${o.certNo} ${o.orgName ?? ''} 有效期至 ${o.validTo ?? '—'}`,
  }));

  if (meta.isPending && (orgCode ?? code)) return <PageSpin />;
  if (meta.isError) return <PageError title="加载失败" error={meta.error} onRetry={() => meta.refetch()} />;
  if (meta.data && !meta.data.can.handle) return <Forbidden title="不能新建执法案件" back="/enforcement" />;
  const m = meta.data;
  const s = m?.settings;
  const onSpotMax = partyType === '自然人' ? s?.onSpotMaxPerson : s?.onSpotMaxOrg;

  const onFinish = async (v: FormValues) => {
    setSubmitError(null);
    const body: NewCase = {
      orgCode: v.orgCode!,
      procedure: v.procedure,
      itemId: v.itemId!,
      source: v.source!,
      partyType: v.partyType,
      partyName: v.partyName!.trim(),
      partyIdNo: trimmed(v.partyIdNo),
      partyPhone: trimmed(v.partyPhone),
      partyAddress: trimmed(v.partyAddress),
      summary: v.summary!.trim(),
      filedOn: toDate(v.filedOn)!,
      officerIds: v.officerIds ?? [],
    };
    if (v.procedure === 'simple') {
      body.penaltyTypes = v.penaltyTypes;
      if (v.fineAmount !== undefined && v.fineAmount !== null) body.fineAmount = v.fineAmount;
      body.decisionFacts = trimmed(v.decisionFacts);
      body.decisionBasis = trimmed(v.decisionBasis);
    }
    try {
      const created = await create.mutateAsync(body);
      message.success(`已立案：${created.caseNo}`);
      navigate(`/enforcement/${created.id}`);
    } catch (err) {
      setSubmitError(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <FormOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          新建执法案件
        </Typography.Title>
      </Flex>
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="enforcement-new"
        aria-label="新建执法案件"
        onFinish={onFinish}
        initialValues={{
          orgCode: org && isCaseOrg(org.level) ? (code ?? undefined) : undefined,
          procedure: 'ordinary',
          filedOn: dayjs(),
          partyType: '自然人',
          source: '日常巡查',
        }}
      >
        <Card size="small" title="立案" className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="orgCode"
                label="办案单位"
                rules={[{ required: true, message: '请选择办案单位' }]}
              >
                <OrgPicker selectable={isCaseOrg} placeholder="乡镇(街道)或其执法队" aria-label="办案单位" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="procedure" label="程序" rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={PROCEDURE_OPTIONS.map((o) => ({
                    ...o,
                    label: o.value === 'simple' ? '简易程序（当场处罚）' : o.label,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="filedOn"
                label={procedure === 'simple' ? '当场处罚日期' : '立案日期'}
                rules={[{ required: true, message: '请选择立案日期' }]}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={disableFuture} inputReadOnly />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="source"
                label="案件来源"
                rules={[{ required: true, message: '请选择案件来源' }]}
              >
                <Select options={options(m?.sources)} placeholder="选择案件来源" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="itemId"
                label="执法事项"
                rules={[{ required: true, message: '请选择执法事项' }]}
                extra="只列出立案日有效、适用于本乡镇的执法事项（本级及县级赋权事项）"
              >
                <Select
                  showSearch={{ optionFilterProp: 'title' }}
                  options={itemOptions}
                  loading={items.isFetching}
                  disabled={!orgCode}
                  placeholder={orgCode ? '输入名称或编码搜索' : '请先选择办案单位'}
                  notFoundContent={items.isFetching ? '正在加载…' : '没有适用的执法事项'}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title="当事人" className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="partyType" label="当事人类型" rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={options(m?.partyTypes ?? ['自然人', '法人', '其他组织'])}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="partyName"
                label={partyType === '自然人' ? '姓名' : '名称'}
                rules={[{ required: true, whitespace: true, message: '请填写当事人' }]}
              >
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="partyIdNo" label={partyType === '自然人' ? '身份证号' : '统一社会信用代码'}>
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="partyPhone" label="联系电话">
                <Input maxLength={20} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="partyAddress" label="住址">
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="summary"
                label="案由"
                rules={[{ required: true, whitespace: true, message: '请填写案由' }]}
              >
                <Input.TextArea rows={2} maxLength={500} showCount />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title="执法人员" className="form-card">
          <Form.Item
            name="officerIds"
            label="执法人员"
            required
            rules={[
              {
                validator: (_: unknown, value?: number[]) =>
                  (value?.length ?? 0) >= 2
                    ? Promise.resolve()
                    : Promise.reject(new Error('执法人员不得少于两人（《行政处罚法》第四十二条）')),
              },
            ]}
            extra={
              orgCode && filedOn
                ? `可选 ${officers.length} 人：只列出 ${filedOn} 执法证有效、属于本乡镇或上级的执法人员；无证、证件过期或被暂扣、注销的人员不能参与执法。`
                : '请先选择办案单位和日期'
            }
          >
            <Select
              mode="multiple"
              options={officerOptions}
              loading={eligible.isFetching}
              disabled={!orgCode}
              showSearch={{ optionFilterProp: 'title' }}
              placeholder="至少选择两名持证执法人员"
              notFoundContent="没有符合条件的执法人员"
            />
          </Form.Item>
          {orgCode && eligible.data && officers.length < 2 && (
            <Alert
              type="warning"
              showIcon
              title={`该日只有 ${officers.length} 名持有效执法证的执法人员，不足两人，不能立案。请先在“执法人员”中登记或更新执法证。`}
            />
          )}
        </Card>

        {procedure === 'simple' && (
          <Card size="small" title="当场处罚决定" className="form-card">
            <Alert
              type="info"
              showIcon
              className="step-note"
              title={`违法事实确凿并有法定依据，对${partyType === '自然人' ? '公民' : '法人或者其他组织'}处以 ${onSpotMax ?? '—'} 元以下罚款或者警告的，可以当场作出处罚决定（《行政处罚法》第五十一条）。`}
            />
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="penaltyTypes"
                  label="处罚种类"
                  rules={[{ required: true, type: 'array', min: 1, message: '请选择处罚种类' }]}
                >
                  <Select mode="multiple" options={options(['警告', '罚款'])} placeholder="警告或罚款" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="fineAmount" label="罚款金额">
                  <InputNumber min={0} max={onSpotMax} precision={2} suffix="元" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item
                  name="decisionFacts"
                  label="违法事实"
                  rules={[{ required: true, whitespace: true, message: '请填写违法事实' }]}
                >
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item
                  name="decisionBasis"
                  label="处罚依据"
                  rules={[{ required: true, whitespace: true, message: '请填写处罚依据' }]}
                >
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        )}

        {submitError && (
          <Alert type="error" showIcon role="alert" title={submitError} className="form-alert" />
        )}
        <Flex gap={8} className="form-actions">
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {procedure === 'simple' ? '提交当场处罚' : '提交立案'}
          </Button>
          <Button onClick={() => navigate('/enforcement')}>取消</Button>
        </Flex>
      </Form>
    </Flex>
  );
}
