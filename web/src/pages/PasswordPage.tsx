import { KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../api';
import { passwordPolicyError } from '../labels';
import { changePassword } from '../queries';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export default function PasswordPage() {
  const [form] = Form.useForm<PasswordForm>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: PasswordForm) => {
    setError(null);
    setSubmitting(true);
    try {
      await changePassword(values.oldPassword, values.newPassword);
      message.success('密码已修改');
      form.resetFields();
      navigate('/');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'WRONG_PASSWORD') {
        form.setFields([{ name: 'oldPassword', errors: [err.message] }]);
      } else if (err instanceof ApiError && err.code === 'WEAK_PASSWORD') {
        form.setFields([{ name: 'newPassword', errors: [err.message] }]);
      } else {
        setError(errorMessage(err));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <KeyOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          修改密码
        </Typography.Title>
      </Flex>
      <Card size="small" style={{ maxWidth: 520 }}>
        <Typography.Paragraph type="secondary">
          新密码至少 8 个字符，并至少包含大写字母、小写字母、数字、符号中的 3 类。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<PasswordForm>
          form={form}
          layout="vertical"
          name="password"
          onFinish={onFinish}
          requiredMark={false}
        >
          <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            dependencies={['oldPassword']}
            rules={[
              { required: true, message: '请输入新密码' },
              ({ getFieldValue }) => ({
                validator(_, value: string | undefined) {
                  if (!value) return Promise.resolve();
                  const policy = passwordPolicyError(value);
                  if (policy) return Promise.reject(new Error(policy));
                  if (value === getFieldValue('oldPassword'))
                    return Promise.reject(new Error('新密码不能与原密码相同'));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator(_, value: string | undefined) {
                  if (!value || value === getFieldValue('newPassword')) return Promise.resolve();
                  return Promise.reject(new Error('两次输入的新密码不一致'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={submitting}>
              确认修改
            </Button>
            <Button onClick={() => navigate(-1)}>取消</Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
