import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Cascader, Flex, Form, Input, Radio, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { usePortalPlaces } from '../../disputes/queries';
import type { Place, PortalRequest, PortalRequestCreated } from '../../disputes/types';
import { isValidPhone } from '../../idcard';

interface PlaceOption {
  value: string;
  label: string;
  isLeaf?: boolean;
  disabled?: boolean;
  children?: PlaceOption[];
}

/** 乡镇 → 村(社区); with a county level on top only when the platform serves more than one county. */
function placeOptions(places: Place[]): PlaceOption[] {
  const childrenOf = new Map<string, Place[]>();
  for (const p of places) {
    if (!p.parentCode) continue;
    childrenOf.set(p.parentCode, [...(childrenOf.get(p.parentCode) ?? []), p]);
  }
  const township = (t: Place): PlaceOption => {
    const villages = (childrenOf.get(t.code) ?? []).filter((v) => v.level === 'village');
    return {
      value: t.code,
      label: t.name,
      disabled: villages.length === 0,
      children: villages.map((v) => ({ value: v.code, label: v.name, isLeaf: true })),
    };
  };
  const counties = places.filter((p) => p.level === 'county');
  const townships = places.filter((p) => p.level === 'township');
  if (counties.length > 1) {
    return counties.map((c) => ({
      value: c.code,
      label: c.name,
      children: townships.filter((t) => t.parentCode === c.code).map(township),
    }));
  }
  return townships.map(township);
}

interface FormValues {
  kind: PortalRequest['kind'];
  name?: string;
  phone?: string;
  place?: string[];
  description?: string;
}

export default function PortalRequestPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const places = usePortalPlaces();
  const [form] = Form.useForm<FormValues>();
  const [created, setCreated] = useState<(PortalRequestCreated & { kind: PortalRequest['kind'] }) | null>(
    null,
  );
  const options = useMemo(() => placeOptions(places.data?.places ?? []), [places.data]);
  const submit = useMutation({
    mutationFn: (body: PortalRequest) =>
      api.post<PortalRequestCreated>('/portal/disputes/requests', body, { redirectOn401: false }),
  });

  const onFinish = async (values: FormValues) => {
    const villageCode = values.place?.at(-1);
    if (!villageCode) return;
    try {
      const result = await submit.mutateAsync({
        kind: values.kind,
        name: values.name!.trim(),
        phone: values.phone!.trim(),
        villageCode,
        description: values.description!.trim(),
      });
      setCreated({ ...result, kind: values.kind });
      window.scrollTo({ top: 0 });
    } catch {
      // shown below from submit.error
    }
  };

  if (created) {
    return (
      <Flex vertical gap={16} className="portal-page portal-narrow">
        <Card className="portal-success" data-testid="portal-created">
          <Flex vertical align="center" gap={12}>
            <CheckCircleFilled className="portal-success-icon" aria-hidden />
            <Typography.Title level={2} style={{ margin: 0 }}>
              {created.kind === 'dispute' ? '调解申请已提交' : '咨询已提交'}
            </Typography.Title>
            <Typography.Text>{created.message}</Typography.Text>
            <div className="tracking-code-box">
              <div className="tracking-code-label">您的查询码</div>
              <Typography.Text
                className="tracking-code"
                data-testid="tracking-code"
                copyable={{ text: created.trackingCode, tooltips: ['复制查询码', '已复制'] }}
              >
                {created.trackingCode}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary">
              请抄下或截图保存查询码，凭查询码和手机号查询办理进度。
            </Typography.Text>
            <Flex gap={8} wrap="wrap" justify="center">
              <Button
                type="primary"
                onClick={() => navigate(`/portal/track?code=${encodeURIComponent(created.trackingCode)}`)}
              >
                查询办理进度
              </Button>
              <Button
                onClick={() => {
                  setCreated(null);
                  submit.reset();
                  form.resetFields();
                }}
              >
                再提交一件
              </Button>
            </Flex>
          </Flex>
        </Card>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16} className="portal-page portal-narrow">
      <Typography.Title level={2} style={{ margin: 0 }}>
        申请调解 / 法律咨询
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        请如实填写。提交后，所在村(社区)的人民调解员或法律顾问会通过您留下的手机号与您联系。
      </Typography.Paragraph>
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          name="portal-request"
          initialValues={{ kind: params.get('kind') === 'consultation' ? 'consultation' : 'dispute' }}
          onFinish={onFinish}
          scrollToFirstError
          aria-label="申请调解或法律咨询"
        >
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'dispute', label: '申请调解' },
                { value: 'consultation', label: '法律咨询' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label="姓名"
            rules={[
              { required: true, whitespace: true, message: '请填写姓名' },
              { max: 50, message: '不超过50个字' },
            ]}
          >
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label="手机号"
            validateTrigger="onBlur"
            rules={[
              { required: true, whitespace: true, message: '请填写手机号' },
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
          <Form.Item
            name="place"
            label="所在乡镇、村(社区)"
            rules={[
              {
                validator: (_, value?: string[]) =>
                  value && value.length >= 2
                    ? Promise.resolve()
                    : Promise.reject(new Error('请选择所在乡镇和村(社区)')),
              },
            ]}
            required
          >
            <Cascader<PlaceOption>
              options={options}
              placeholder={places.isPending ? '正在加载…' : '先选乡镇，再选村(社区)'}
              showSearch={{
                filter: (input, path) => path.some((o) => String(o.label).includes(input.trim())),
              }}
              notFoundContent={places.isError ? '加载失败，请刷新重试' : '没有匹配的地点'}
              aria-label="所在乡镇、村(社区)"
              classNames={{ popup: { root: 'portal-cascader-popup' } }}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label="情况说明"
            rules={[
              { required: true, whitespace: true, message: '请说明情况' },
              {
                validator: (_, value?: string) =>
                  !value || value.trim().length >= 10
                    ? Promise.resolve()
                    : Promise.reject(new Error('请至少用10个字说明情况')),
              },
            ]}
          >
            <Input.TextArea
              rows={5}
              maxLength={2000}
              showCount
              placeholder="发生了什么事、涉及哪些人、您希望如何解决"
            />
          </Form.Item>
          {places.isError && (
            <Alert
              type="warning"
              showIcon
              title="地点列表加载失败"
              description={errorMessage(places.error)}
              style={{ marginBottom: 16 }}
            />
          )}
          {submit.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title="提交失败"
              description={errorMessage(submit.error)}
              style={{ marginBottom: 16 }}
            />
          )}
          <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending}>
            提交
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
