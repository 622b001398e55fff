import { BankOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../api';
import { login } from '../queries';

interface LoginForm {
  username: string;
  password: string;
}

interface LoginState {
  from?: string;
  notice?: string;
}

export default function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: LoginForm) => {
    setError(null);
    setSubmitting(true);
    try {
      await login(values.username.trim(), values.password);
      const target = state.from && state.from !== '/login' ? state.from : '/';
      navigate(target, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <main className="login-main">
        <Card className="login-card" variant="borderless">
          <div className="login-brand">
            <BankOutlined aria-hidden className="login-brand-icon" />
            <Typography.Title level={1} className="login-title">
              法治政府建设数字化平台
            </Typography.Title>
            <Typography.Text type="secondary">请使用您的账号登录</Typography.Text>
          </div>
          {state.notice && !error && (
            <Alert type="info" showIcon title={state.notice} className="login-alert" role="status" />
          )}
          {error && <Alert type="error" showIcon title={error} className="login-alert" role="alert" />}
          <Form<LoginForm>
            layout="vertical"
            name="login"
            onFinish={onFinish}
            requiredMark={false}
            autoComplete="on"
            size="large"
          >
            <Form.Item
              label="用户名"
              name="username"
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 0 }}>
              <Button type="primary" htmlType="submit" block loading={submitting}>
                登录
              </Button>
            </Form.Item>
          </Form>
        </Card>
        <Typography.Paragraph type="secondary" className="login-footer">
          服务乡镇、街道与县区的法治政府建设工作
        </Typography.Paragraph>
      </main>
    </div>
  );
}
