import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage } from '../../../api';
import { PORTAL_BASE } from './portal';

interface Values {
  orgCode: string;
  applicantKind: string;
  applicantSubKind?: string;
  applicantName: string;
  idNo?: string;
  phone: string;
  address?: string;
  content: string;
  purpose?: string;
}

/** 在线申请政府信息公开: channel 网络; received once staff confirm it with the applicant (第三十一条). */
export default function ApplyPage() {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('applicantKind', form);
  const [created, setCreated] = useState<{ requestNo: string; trackingCode: string } | null>(null);
  const organs = useQuery({
    queryKey: ['portal-disclosure', 'organs'],
    queryFn: () =>
      api.get<{ items: { code: string; name: string; level: string }[] }>(`${PORTAL_BASE}/organs`, {
        redirectOn401: false,
      }),
  });
  const submit = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<{ requestNo: string; trackingCode: string }>(`${PORTAL_BASE}/requests`, body, {
        redirectOn401: false,
      }),
  });
  const onFinish = async (v: Values) => {
    try {
      const r = await submit.mutateAsync({
        orgCode: v.orgCode,
        applicantKind: v.applicantKind,
        applicantSubKind: v.applicantKind === '自然人' ? null : (v.applicantSubKind ?? '其他'),
        applicantName: v.applicantName.trim(),
        idNo: v.idNo?.trim() || null,
        phone: v.phone.trim(),
        address: v.address?.trim() || null,
        content: v.content.trim(),
        purpose: v.purpose?.trim() || null,
      });
      setCreated(r);
      window.scrollTo({ top: 0 });
    } catch {
      // shown below
    }
  };
  if (created) {
    return (
      <Flex vertical gap={16} className="portal-page portal-narrow">
        <Card>
          <Flex vertical gap={8} align="center">
            <CheckCircleFilled style={{ fontSize: 48, color: '#52c41a' }} aria-hidden />
            <Typography.Title level={3}>申请已提交</Typography.Title>
            <Typography.Text>
              申请编号 <strong>{created.requestNo}</strong>
            </Typography.Text>
            <Typography.Text>
              查询码 <strong data-testid="tracking-code">{created.trackingCode}</strong>（请妥善保存）
            </Typography.Text>
            <Typography.Paragraph type="secondary">
              工作人员将与您确认收到申请，以双方确认之日为收到申请之日，自该日起20个工作日内答复。
            </Typography.Paragraph>
            <Link to={`/portal/open-government/track?code=${created.trackingCode}`}>查询办理进度</Link>
          </Flex>
        </Card>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={16} className="portal-page portal-narrow">
      <Typography.Title level={2} style={{ margin: 0 }}>
        申请政府信息公开
      </Typography.Title>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          name="disclosure-apply"
          onFinish={onFinish}
          initialValues={{ applicantKind: '自然人' }}
        >
          <Form.Item
            name="orgCode"
            label="向哪个机关申请"
            rules={[{ required: true, message: '请选择受理机关' }]}
          >
            <Select
              aria-label="受理机关"
              showSearch
              optionFilterProp="label"
              options={(organs.data?.items ?? []).map((o) => ({ value: o.code, label: `${o.name}人民政府` }))}
            />
          </Form.Item>
          <Form.Item name="applicantKind" label="申请人类型">
            <Radio.Group options={['自然人', '法人或其他组织']} />
          </Form.Item>
          {kind === '法人或其他组织' && (
            <Form.Item name="applicantSubKind" label="组织类别" initialValue="商业企业">
              <Select
                aria-label="组织类别"
                options={['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((x) => ({
                  value: x,
                  label: x,
                }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="applicantName"
            label={kind === '自然人' ? '姓名' : '名称'}
            rules={[{ required: true, whitespace: true, message: '请填写申请人' }]}
          >
            <Input maxLength={100} autoComplete="name" />
          </Form.Item>
          <Form.Item name="idNo" label={kind === '自然人' ? '身份证号' : '统一社会信用代码'}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="phone"
            label="联系电话"
            rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}
          >
            <Input maxLength={30} autoComplete="tel" />
          </Form.Item>
          <Form.Item name="address" label="通信地址">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="content"
            label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
            rules={[
              { required: true, whitespace: true, message: '请描述所需政府信息' },
              { min: 5, message: '至少5个字' },
            ]}
          >
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          {submit.isError && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(submit.error)}
              role="alert"
              style={{ marginBottom: 16 }}
            />
          )}
          <Button type="primary" htmlType="submit" loading={submit.isPending}>
            提交申请
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
