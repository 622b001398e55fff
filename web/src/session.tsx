import { Button, Flex, Result, Spin } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, errorMessage } from './api';
import { useMe } from './queries';
import type { Me } from './types';

const SessionContext = createContext<Me | null>(null);

/** The logged-in user; only inside {@link RequireAuth}. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession must be used inside <RequireAuth>');
  return me;
}

export function FullPageSpin(props: { label?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }} role="status" aria-live="polite">
      <Spin size="large" description={props.label ?? '正在加载…'} />
    </Flex>
  );
}

/** Renders its children only for a logged-in user; otherwise goes to /login. */
export function RequireAuth(props: { children: ReactNode }) {
  const location = useLocation();
  const me = useMe();

  if (me.isPending) return <FullPageSpin label="正在验证登录状态…" />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const notice = me.error.code === 'SESSION_EXPIRED' ? me.error.message : undefined;
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search, notice }} />;
    }
    return (
      <Result
        status="error"
        title="无法获取登录状态"
        subTitle={errorMessage(me.error)}
        extra={
          <Button type="primary" onClick={() => me.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  return <SessionContext.Provider value={me.data.user}>{props.children}</SessionContext.Provider>;
}
