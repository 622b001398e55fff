import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin } from 'antd';
import { errorMessage } from '../api';

export function PageSpin(props: { label?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }} role="status" aria-live="polite">
      <Spin description={props.label ?? '正在加载…'} />
    </Flex>
  );
}

export function PageError(props: { title?: string; error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={props.title ?? '加载失败'}
      description={errorMessage(props.error)}
      action={
        props.onRetry && (
          <Button size="small" icon={<ReloadOutlined />} onClick={props.onRetry}>
            重试
          </Button>
        )
      }
    />
  );
}
