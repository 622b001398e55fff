import { SolutionOutlined } from '@ant-design/icons';
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
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAccounts, useAdvisersMeta, useAdvisersPost } from '../../advisers/queries';
import { errorMessage } from '../../api';
import { Forbidden } from '../../components/Forbidden';
import { OrgPicker } from '../../components/OrgPicker';
import { useCurrentOrg } from '../../currentOrg';
import { toDate } from '../../ledger/dates';
import type { OrgNode } from '../../types';

interface Values {
  orgCode: string;
  contractNo?: string;
  adviserName: string;
  licenseNo?: string;
  firm: string;
  firmKind: string;
  phone?: string;
  userId?: number;
  period: [Dayjs, Dayjs];
  fee?: number;
  dutySchedule?: string;
  note?: string;
  covers: string[];
}

type Overlap = { contractId: number; adviserName: string; orgName: string };

function coverable(node: OrgNode | undefined): { value: string; label: string }[] {
  if (!node) return [];
  const out: { value: string; label: string }[] = [];
  const walk = (n: OrgNode, prefix: string) => {
    if (['county', 'township', 'village'].includes(n.level)) {
      out.push({ value: n.code, label: `${prefix}${n.name}` });
      for (const c of n.children ?? []) walk(c, n.level === 'village' ? prefix : `${prefix}${n.name} / `);
    }
  };
  walk(node, '');
  return out;
}

/** 登记法律顾问聘用合同: adviser, firm, period, fee, and the township/villages it covers. */
export default function ContractNewPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { code, byCode } = useCurrentOrg();
  const meta = useAdvisersMeta(code);
  const [form] = Form.useForm<Values>();
  const orgCode = Form.useWatch('orgCode', form);
  const options = useMemo(() => coverable(orgCode ? byCode.get(orgCode) : undefined), [orgCode, byCode]);
  const accounts = useAccounts(orgCode, Boolean(meta.data?.can.manage));
  const create = useAdvisersPost<Record<string, unknown>, { id: number; overlaps: Overlap[] }>('/contracts');
  const [error, setError] = useState<string | null>(null);

  if (meta.data && !meta.data.can.manage)
    return <Forbidden title="无权登记法律顾问合同" back="/advisers" backLabel="返回法律顾问" />;

  const submit = async (v: Values) => {
    setError(null);
    try {
      const r = await create.mutateAsync({
        orgCode: v.orgCode,
        contractNo: v.contractNo || null,
        adviserName: v.adviserName,
        licenseNo: v.licenseNo || null,
        firm: v.firm,
        firmKind: v.firmKind,
        phone: v.phone || null,
        userId: v.userId ?? null,
        startsOn: toDate(v.period[0]),
        endsOn: toDate(v.period[1]),
        fee: v.fee ?? null,
        dutySchedule: v.dutySchedule || null,
        note: v.note || null,
        covers: v.covers,
      });
      if (r.overlaps.length)
        message.warning(
          `已登记。注意:${[...new Set(r.overlaps.map((o) => `${o.orgName}(${o.adviserName})`))].join('、')}同期已有其他法律顾问`,
        );
      else message.success('已登记聘用合同');
      navigate(`/advisers/${r.id}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <SolutionOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          登记法律顾问聘用合同
        </Typography.Title>
      </Flex>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ orgCode: code ?? undefined, firmKind: '律师事务所', covers: [] }}
          onValuesChange={(changed) => {
            if ('orgCode' in changed) form.setFieldValue('covers', []);
          }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="orgCode"
                label="聘用单位"
                rules={[{ required: true, message: '请选择聘用单位' }]}
              >
                <OrgPicker selectable={(l) => ['county', 'township', 'village'].includes(l)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contractNo" label="合同编号">
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="covers"
                label="覆盖范围(乡镇/村(社区))"
                extra="“一村(社区)一法律顾问”按合同列明的村(社区)统计覆盖率;只列乡镇的合同为乡镇政府法律顾问。"
                rules={[{ required: true, message: '请选择合同覆盖的乡镇或村(社区)' }]}
              >
                <Select
                  mode="multiple"
                  options={options}
                  optionFilterProp="label"
                  placeholder="选择村(社区)"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="adviserName"
                label="法律顾问姓名"
                rules={[{ required: true, min: 2, message: '请填写姓名' }]}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="licenseNo" label="执业证号">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="phone" label="联系电话">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="firm"
                label="所在机构"
                rules={[{ required: true, min: 2, message: '请填写所在机构' }]}
              >
                <Input maxLength={100} placeholder="某某律师事务所 / 某某镇基层法律服务所" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="firmKind" label="机构类型" rules={[{ required: true }]}>
                <Radio.Group
                  options={(meta.data?.firmKinds ?? ['律师事务所', '基层法律服务所']).map((k) => k)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="period" label="合同期" rules={[{ required: true, message: '请选择合同期' }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="fee" label="顾问费(元)">
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="userId"
                label="平台账户"
                extra="法律顾问本人的登录账户(须持有“法律顾问”角色),用于关联其合法性审核记录"
              >
                <Select
                  allowClear
                  loading={accounts.isFetching}
                  options={(accounts.data ?? []).map((a) => ({
                    value: a.id,
                    label: `${a.displayName}(${a.username})`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="dutySchedule" label="坐班安排" extra="在门户公开,如“每月第一、三周周三上午”">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="note" label="备注">
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              登记
            </Button>
            <Button onClick={() => navigate('/advisers')}>取消</Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
