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
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api';
import { OrgPicker } from '../../components/OrgPicker';
import { useCurrentOrg } from '../../currentOrg';
import { disableFuture, toDate } from '../../ledger/dates';
import { useLitigationMeta, useLitigationPost } from './queries';

interface Values {
  orgCode: string;
  court: string;
  instance: string;
  caseNo?: string;
  plaintiffName: string;
  plaintiffKind: string;
  plaintiffIdNo?: string;
  plaintiffPhone?: string;
  act: string;
  actKind: string;
  actOn?: Dayjs;
  filedOn: Dayjs;
  reconsiderationId?: number;
  enforcementCaseId?: number;
  note?: string;
}

const opt = (xs: string[] | undefined) => (xs ?? []).map((v) => ({ value: v, label: v }));
const trim = (s?: string) => s?.trim() || undefined;

/** 登记应诉案件: on receipt of the 起诉状副本 the 15-day 答辩 deadline starts. */
export default function LawsuitNewPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { code, org } = useCurrentOrg();
  const meta = useLitigationMeta(code);
  const create = useLitigationPost<{ id: number }>('/lawsuits');
  const [form] = Form.useForm<Values>();
  if (meta.data && !meta.data.can.manage) return <Result status="403" title="无权登记应诉案件" />;
  const defendant = org && (org.level === 'township' || org.level === 'county') ? org.code : undefined;

  const onFinish = async (v: Values) => {
    try {
      const r = await create.mutateAsync({
        orgCode: v.orgCode,
        court: v.court.trim(),
        instance: v.instance,
        caseNo: trim(v.caseNo),
        plaintiffName: v.plaintiffName.trim(),
        plaintiffKind: v.plaintiffKind,
        plaintiffIdNo: trim(v.plaintiffIdNo),
        plaintiffPhone: trim(v.plaintiffPhone),
        act: v.act.trim(),
        actKind: v.actKind,
        actOn: v.actOn ? toDate(v.actOn) : undefined,
        filedOn: toDate(v.filedOn),
        reconsiderationId: v.reconsiderationId ?? undefined,
        enforcementCaseId: v.enforcementCaseId ?? undefined,
        note: trim(v.note),
      });
      message.success('已登记应诉案件，答辩期限已开始');
      navigate(`/litigation/lawsuits/${r.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 860 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        登记行政应诉案件
      </Typography.Title>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          name="lawsuit-new"
          aria-label="登记行政应诉案件"
          initialValues={{ orgCode: defendant, instance: '一审', plaintiffKind: '自然人' }}
          onFinish={onFinish}
        >
          <Form.Item
            name="orgCode"
            label="被告（本单位）"
            rules={[{ required: true, message: '请选择被告单位' }]}
          >
            <OrgPicker selectable={(level) => level === 'township' || level === 'county'} />
          </Form.Item>
          <Flex gap={16} wrap="wrap">
            <Form.Item
              name="court"
              label="受诉法院"
              rules={[{ required: true, whitespace: true, message: '请填写受诉法院' }]}
              style={{ flex: '1 1 260px' }}
            >
              <Input maxLength={100} placeholder="如：安和县人民法院" />
            </Form.Item>
            <Form.Item name="instance" label="审级" style={{ flex: '0 0 220px' }}>
              <Radio.Group
                optionType="button"
                options={opt(meta.data?.instances ?? ['一审', '二审', '再审'])}
              />
            </Form.Item>
            <Form.Item name="caseNo" label="案号" style={{ flex: '1 1 220px' }}>
              <Input maxLength={60} placeholder="如：（2025）川0626行初12号" />
            </Form.Item>
          </Flex>
          <Flex gap={16} wrap="wrap">
            <Form.Item
              name="plaintiffName"
              label="原告"
              rules={[{ required: true, whitespace: true, message: '请填写原告' }]}
              style={{ flex: '1 1 200px' }}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="plaintiffKind" label="原告类型" style={{ flex: '0 0 240px' }}>
              <Radio.Group optionType="button" options={opt(meta.data?.partyKinds)} />
            </Form.Item>
            <Form.Item name="plaintiffIdNo" label="身份证号/统一社会信用代码" style={{ flex: '1 1 200px' }}>
              <Input maxLength={30} autoComplete="off" />
            </Form.Item>
            <Form.Item name="plaintiffPhone" label="联系电话" style={{ flex: '1 1 160px' }}>
              <Input maxLength={30} autoComplete="off" />
            </Form.Item>
          </Flex>
          <Form.Item
            name="act"
            label="被诉行政行为"
            rules={[
              { required: true, whitespace: true, message: '请填写被诉行政行为' },
              { min: 2, message: '至少2个字' },
            ]}
          >
            <Input.TextArea rows={2} maxLength={500} placeholder="如：对原告作出的限期拆除违法建筑决定" />
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
            <Form.Item name="actOn" label="行为作出日期" style={{ flex: '1 1 160px' }}>
              <DatePicker disabledDate={disableFuture} inputReadOnly style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="filedOn"
              label="收到起诉状副本日期"
              rules={[{ required: true, message: '请选择收到起诉状副本日期' }]}
              extra="自次日起15日内提交答辩状及证据（《行政诉讼法》第六十七条）"
              style={{ flex: '1 1 220px' }}
            >
              <DatePicker disabledDate={disableFuture} inputReadOnly style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Flex gap={16} wrap="wrap">
            <Form.Item name="reconsiderationId" label="经复议的，复议案件编号" style={{ flex: '1 1 200px' }}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="enforcementCaseId" label="关联执法案件编号" style={{ flex: '1 1 200px' }}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              保存
            </Button>
            <Button onClick={() => navigate('/litigation/lawsuits')}>取消</Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
