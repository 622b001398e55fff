import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { setCsrfToken, setUnauthorizedHandler } from './api';
import { AppLayout } from './components/AppLayout';
import HomePage from './pages/HomePage';
import LoginPage from './pages/LoginPage';
import { queryClient } from './queries';
import { RequireAuth } from './session';
import './styles.css';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'orgs', lazy: async () => ({ Component: (await import('./pages/OrgsPage')).default }) },
      {
        path: 'supervision',
        lazy: async () => ({ Component: (await import('./pages/SupervisionPage')).default }),
      },
      {
        path: 'account/password',
        lazy: async () => ({ Component: (await import('./pages/PasswordPage')).default }),
      },
      { path: '*', lazy: async () => ({ Component: (await import('./pages/FallbackPage')).default }) },
    ],
  },
]);

// A 401 from any API call (session ended or expired) sends the user to the login page.
setUnauthorizedHandler((error) => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  setCsrfToken(null);
  void router
    .navigate('/login', { replace: true, state: { from: pathname + search, notice: error.message } })
    .then(() => queryClient.clear());
});

const theme = {
  token: {
    colorPrimary: '#1d4ed8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif",
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
