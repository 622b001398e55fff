import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api';
import { useCurrentOrg } from '../../currentOrg';
import { disableFuture, toDate } from '../../ledger/dates';
import { useDisclosureMeta, useDisclosurePost } from './shared';

interface Values {
  applicantKind: string;
  applicantSubKind?: string;
  applicantName: string;
  idNo?: string;
  phone?: string;
  address?: string;
  channel: string;
  mailKind?: string;
  submittedOn: Dayjs;
  evidenceOn?: Dayjs;
  content: string;
  purpose?: string;
}

/** 登记一件依申请公开: the channel decides which date is the 收到申请之日 (第三十一条). */
export default function RequestNewPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { code } = useCurrentOrg();
  const meta = useDisclosureMeta(code);
  const create = useDisclosurePost<{ id: number; requestNo: string; dueOn: string | null }>('/requests');
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('applicantKind', form);
  const channel = Form.useWatch('channel', form);
  const mailKind = Form.useWatch('mailKind', form);
  const [error, setError] = useState<string | null>(null);
  const evidenceLabel =
    channel === '邮寄' ? (mailKind === '平信' ? '与申请人确认日期（平信）' : '签收日期') : '双方确认日期';

  const onFinish = async (v: Values) => {
    setError(null);
    const evidence = v.evidenceOn ? toDate(v.evidenceOn) : null;
    try {
      const r = await create.mutateAsync({
        orgCode: code,
        applicantKind: v.applicantKind,
        applicantSubKind: v.applicantKind === '自然人' ? null : (v.applicantSubKind ?? '其他'),
        applicantName: v.applicantName.trim(),
        idNo: v.idNo?.trim() || null,
        phone: v.phone?.trim() || null,
        address: v.address?.trim() || null,
        channel: v.channel,
        mailKind: v.channel === '邮寄' ? (v.mailKind ?? '挂号或快递') : null,
        submittedOn: toDate(v.submittedOn),
        signedOn: v.channel === '邮寄' && v.mailKind !== '平信' ? evidence : null,
        confirmedOn:
          v.channel !== '当面' && !(v.channel === '邮寄' && v.mailKind !== '平信') ? evidence : null,
        content: v.content.trim(),
        purpose: v.purpose?.trim() || null,
      });
      message.success(
        r.dueOn ? `已登记 ${r.requestNo}，答复期限 ${r.dueOn}` : `已登记 ${r.requestNo}，待确认收到`,
      );
      navigate(`/disclosure/requests/${r.id}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const opts = (v: readonly string[] | undefined) => (v ?? []).map((x) => ({ value: x, label: x }));

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={8}>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/disclosure/requests')}
          aria-label="返回"
        />
        <Typography.Title level={2} style={{ margin: 0 }}>
          登记政府信息公开申请
        </Typography.Title>
      </Flex>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          name="request-new"
          onFinish={onFinish}
          initialValues={{
            applicantKind: '自然人',
            channel: '当面',
            submittedOn: dayjs(),
            mailKind: '挂号或快递',
          }}
          style={{ maxWidth: 720 }}
        >
          <Form.Item name="applicantKind" label="申请人类型">
            <Radio.Group options={opts(meta.data?.applicantKinds ?? ['自然人', '法人或其他组织'])} />
          </Form.Item>
          {kind === '法人或其他组织' && (
            <Form.Item name="applicantSubKind" label="组织类别（年度报告分列）" initialValue="商业企业">
              <Select options={opts(meta.data?.orgSubKinds)} aria-label="组织类别" />
            </Form.Item>
          )}
          <Form.Item
            name="applicantName"
            label={kind === '自然人' ? '申请人姓名' : '申请人名称'}
            rules={[{ required: true, whitespace: true, message: '请填写申请人' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="idNo" label={kind === '自然人' ? '身份证号' : '统一社会信用代码'}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="phone" label="联系电话">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="address" label="通信地址">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="channel" label="申请方式">
            <Radio.Group
              options={opts(meta.data?.requestChannels ?? ['当面', '邮寄', '网络', '传真', '其他'])}
            />
          </Form.Item>
          {channel === '邮寄' && (
            <Form.Item name="mailKind" label="邮寄方式">
              <Radio.Group options={opts(meta.data?.mailKinds ?? ['挂号或快递', '平信'])} />
            </Form.Item>
          )}
          <Form.Item
            name="submittedOn"
            label={channel === '当面' ? '当面提交日期（即收到申请之日）' : '提交（寄出）日期'}
            rules={[{ required: true, message: '请选择日期' }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={disableFuture} inputReadOnly />
          </Form.Item>
          {channel && channel !== '当面' && (
            <Form.Item
              name="evidenceOn"
              label={evidenceLabel}
              extra="《政府信息公开条例》第三十一条：以此日为收到申请之日；暂未确认的可留空，稍后在详情页“确认收到申请”"
            >
              <DatePicker style={{ width: '100%' }} disabledDate={disableFuture} inputReadOnly />
            </Form.Item>
          )}
          <Form.Item
            name="content"
            label="所需政府信息的描述"
            rules={[{ required: true, whitespace: true, message: '请描述所需政府信息' }]}
          >
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item name="purpose" label="用途（可不填）">
            <Input maxLength={500} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            登记
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
