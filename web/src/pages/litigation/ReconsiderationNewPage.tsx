import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { api, errorMessage } from '../../api';
import { OrgPicker } from '../../components/OrgPicker';
import { useCurrentOrg } from '../../currentOrg';
import { disableFuture, toDate } from '../../ledger/dates';
import { queryString } from '../../ledger/queries';
import { BASE, useLitigationMeta, useLitigationPost } from './queries';

interface Values {
  orgCode: string;
  authority: string;
  caseNo?: string;
  applicantName: string;
  applicantKind: string;
  applicantIdNo?: string;
  applicantPhone?: string;
  act: string;
  actKind: string;
  actOn?: Dayjs;
  amount?: number;
  procedure: string;
  receivedOn: Dayjs;
  enforcementCaseId?: number;
  note?: string;
}

const opt = (xs: string[] | undefined) => (xs ?? []).map((v) => ({ value: v, label: v }));
const trim = (s?: string) => s?.trim() || undefined;

/** 登记复议案件 (as 被申请人): the 答复 deadline starts on receipt of the 申请书副本. */
export default function ReconsiderationNewPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { code, org } = useCurrentOrg();
  const meta = useLitigationMeta(code);
  const create = useLitigationPost<{ id: number }>('/reconsiderations');
  const [form] = Form.useForm<Values>();
  const actKind = Form.useWatch('actKind', form);
  const amount = Form.useWatch('amount', form);
  const act = Form.useWatch('act', form);
  const suggestion = useQuery({
    queryKey: ['litigation', 'procedure', actKind, amount, act],
    queryFn: ({ signal }) =>
      api.get<{ procedure: string }>(
        `${BASE}/procedure${queryString({ org: code ?? undefined, actKind, amount: amount ?? undefined, act: act?.slice(0, 500) })}`,
        { signal },
      ),
    enabled: Boolean(actKind && code),
  });
  const suggested = suggestion.data?.procedure;
  useEffect(() => {
    if (suggested && !form.isFieldTouched('procedure')) form.setFieldValue('procedure', suggested);
  }, [suggested, form]);

  if (meta.data && !meta.data.can.manage) return <Result status="403" title="无权登记复议案件" />;
  const respondent = org && (org.level === 'township' || org.level === 'county') ? org.code : undefined;

  const onFinish = async (v: Values) => {
    try {
      const r = await create.mutateAsync({
        orgCode: v.orgCode,
        authority: v.authority.trim(),
        caseNo: trim(v.caseNo),
        applicantName: v.applicantName.trim(),
        applicantKind: v.applicantKind,
        applicantIdNo: trim(v.applicantIdNo),
        applicantPhone: trim(v.applicantPhone),
        act: v.act.trim(),
        actKind: v.actKind,
        actOn: v.actOn ? toDate(v.actOn) : undefined,
        amount: v.amount ?? undefined,
        procedure: v.procedure,
        receivedOn: toDate(v.receivedOn),
        enforcementCaseId: v.enforcementCaseId ?? undefined,
        note: trim(v.note),
      });
      message.success('已登记复议案件，答复期限已开始');
      navigate(`/litigation/reconsiderations/${r.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 860 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        登记行政复议案件（被申请人）
      </Typography.Title>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          name="reconsideration-new"
          aria-label="登记行政复议案件"
          initialValues={{ orgCode: respondent, applicantKind: '自然人', procedure: '普通' }}
          onFinish={onFinish}
        >
          <Form.Item
            name="orgCode"
            label="被申请人（本单位）"
            rules={[{ required: true, message: '请选择被申请人' }]}
          >
            <OrgPicker selectable={(level) => level === 'township' || level === 'county'} />
          </Form.Item>
          <Flex gap={16} wrap="wrap">
            <Form.Item
              name="authority"
              label="复议机关"
              rules={[{ required: true, whitespace: true, message: '请填写复议机关' }]}
              style={{ flex: '1 1 260px' }}
            >
              <Input maxLength={100} placeholder="如：安和县人民政府" />
            </Form.Item>
            <Form.Item name="caseNo" label="复议案号" style={{ flex: '1 1 220px' }}>
              <Input maxLength={60} placeholder="如：安府复〔2025〕3号" />
            </Form.Item>
          </Flex>
          <Flex gap={16} wrap="wrap">
            <Form.Item
              name="applicantName"
              label="申请人"
              rules={[{ required: true, whitespace: true, message: '请填写申请人' }]}
              style={{ flex: '1 1 200px' }}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="applicantKind" label="申请人类型" style={{ flex: '0 0 240px' }}>
              <Radio.Group optionType="button" options={opt(meta.data?.partyKinds)} />
            </Form.Item>
            <Form.Item name="applicantIdNo" label="身份证号/统一社会信用代码" style={{ flex: '1 1 200px' }}>
              <Input maxLength={30} autoComplete="off" />
            </Form.Item>
            <Form.Item name="applicantPhone" label="联系电话" style={{ flex: '1 1 160px' }}>
              <Input maxLength={30} autoComplete="off" />
            </Form.Item>
          </Flex>
          <Form.Item
            name="act"
            label="被申请复议的行政行为"
            rules={[
              { required: true, whitespace: true, message: '请填写行政行为' },
              { min: 2, message: '至少2个字' },
            ]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Flex gap={16} wrap="wrap">
            <Form.Item
              name="actKind"
              label="行为类别"
              rules={[{ required: true, message: '请选择行为类别' }]}
              style={{ flex: '1 1 200px' }}
            >
              <Select options={opt(meta.data?.actKinds)} placeholder="选择类别" />
            </Form.Item>
            <Form.Item name="amount" label="涉及款额" style={{ flex: '1 1 160px' }}>
              <InputNumber min={0} precision={2} suffix="元" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="actOn" label="行为作出日期" style={{ flex: '1 1 160px' }}>
              <DatePicker disabledDate={disableFuture} inputReadOnly style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Flex gap={16} wrap="wrap">
            <Form.Item
              name="receivedOn"
              label="收到申请书副本日期"
              rules={[{ required: true, message: '请选择日期' }]}
              style={{ flex: '1 1 220px' }}
            >
              <DatePicker disabledDate={disableFuture} inputReadOnly style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="procedure"
              label="审理程序"
              extra={
                suggested
                  ? `建议：${suggested}程序（第五十三条：当场作出、警告或通报批评、款额3000元以下、政府信息公开，或当事人同意的，适用简易程序）；答复期限普通10个、简易5个工作日`
                  : '答复期限：普通程序10个工作日，简易程序5个工作日'
              }
              style={{ flex: '1 1 300px' }}
            >
              <Radio.Group optionType="button" options={opt(meta.data?.procedures ?? ['普通', '简易'])} />
            </Form.Item>
          </Flex>
          <Form.Item name="enforcementCaseId" label="关联执法案件编号" style={{ maxWidth: 260 }}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              保存
            </Button>
            <Button onClick={() => navigate('/litigation/reconsiderations')}>取消</Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
