import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Tag, Timeline, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api, errorMessage } from '../../api';
import type { PortalTrackResult } from '../../disputes/types';
import { isValidPhone } from '../../idcard';

interface FormValues {
  code?: string;
  phone?: string;
}

function statusColor(status: string): string {
  if (/已化解|已答复/.test(status)) return 'success';
  if (/不予受理|调解不成/.test(status)) return 'warning';
  return 'processing';
}

function TrackResult(props: { result: PortalTrackResult }) {
  const { result } = props;
  if (result.kind === 'consultation') {
    return (
      <Card title="法律咨询" data-testid="track-result">
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'status',
              label: '办理状态',
              children: <Tag color={statusColor(result.status)}>{result.status}</Tag>,
            },
            ...(result.answeredOn ? [{ key: 'on', label: '答复日期', children: result.answeredOn }] : []),
            {
              key: 'answer',
              label: '答复内容',
              children: result.answer ? (
                <span className="pre-wrap">{result.answer}</span>
              ) : (
                <Typography.Text type="secondary">法律顾问尚未答复，请耐心等待。</Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    );
  }
  return (
    <Card title="调解申请" data-testid="track-result">
      <Flex vertical gap={16}>
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'status',
              label: '办理状态',
              children: <Tag color={statusColor(result.status)}>{result.status}</Tag>,
            },
            { key: 'receivedOn', label: '登记日期', children: result.receivedOn },
            ...(result.note
              ? [{ key: 'note', label: '说明', children: <span className="pre-wrap">{result.note}</span> }]
              : []),
          ]}
        />
        <Timeline
          items={result.steps.map((s, i) => ({
            key: `${s.label}-${i}`,
            color: /不予受理|调解不成/.test(s.label)
              ? 'red'
              : i === result.steps.length - 1
                ? 'green'
                : 'blue',
            title: s.on,
            content: s.label,
          }))}
        />
      </Flex>
    </Card>
  );
}

export default function PortalTrackPage() {
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const lookup = useMutation({
    mutationFn: (values: { code: string; phone: string }) =>
      api.get<PortalTrackResult>(
        `/portal/disputes/requests/${encodeURIComponent(values.code)}?phone=${encodeURIComponent(values.phone)}`,
        { redirectOn401: false },
      ),
  });

  const onFinish = (values: FormValues) => {
    lookup.mutate({
      code: (values.code ?? '').trim().toUpperCase(),
      phone: (values.phone ?? '').trim(),
    });
  };

  return (
    <Flex vertical gap={16} className="portal-page portal-narrow">
      <Typography.Title level={2} style={{ margin: 0 }}>
        查询办理进度
      </Typography.Title>
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          name="portal-track"
          initialValues={{ code: params.get('code') ?? undefined }}
          onFinish={onFinish}
          aria-label="查询办理进度"
        >
          <Form.Item
            name="code"
            label="查询码"
            normalize={(value?: string) => value?.toUpperCase().replace(/\s/g, '')}
            rules={[
              { required: true, message: '请填写查询码' },
              { pattern: /^[A-Za-z0-9]{10}$/, message: '查询码为10位字母或数字' },
            ]}
          >
            <Input
              maxLength={10}
              autoComplete="off"
              className="tracking-input"
              placeholder="10位字母或数字"
            />
          </Form.Item>
          <Form.Item
            name="phone"
            label="手机号"
            rules={[
              { required: true, whitespace: true, message: '请填写提交时的手机号' },
              {
                validator: (_, value?: string) =>
                  !value?.trim() || isValidPhone(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error('手机号格式不正确')),
              },
            ]}
          >
            <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={20} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={lookup.isPending}>
            查询
          </Button>
        </Form>
      </Card>
      {lookup.isError && (
        <Alert type="error" showIcon role="alert" title="查询失败" description={errorMessage(lookup.error)} />
      )}
      {lookup.data && <TrackResult result={lookup.data} />}
    </Flex>
  );
}
