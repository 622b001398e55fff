import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { setCsrfToken, setUnauthorizedHandler } from './api';
import { AppLayout } from './components/AppLayout';
import { page } from './lazyPage';
import { disclosureRoutes } from './pages/disclosure/routes';
import HomePage from './pages/HomePage';
import LoginPage from './pages/LoginPage';
import { learningRoutes } from './pages/learning/routes';
import { litigationRoutes } from './pages/litigation/routes';
import { disclosurePortalRoutes } from './pages/portal/disclosure/routes';
import { publicityPortalRoutes } from './pages/portal/publicity/routes';
import { publicityRoutes } from './pages/publicity/routes';
import { queryClient } from './queries';
import { RequireAuth } from './session';
import './styles.css';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // The public portal: no login, outside the signed-in layout.
  {
    path: '/portal',
    lazy: page(() => import('./pages/portal/PortalLayout')),
    children: [
      { index: true, lazy: page(() => import('./pages/portal/PortalHomePage')) },
      { path: 'request', lazy: page(() => import('./pages/portal/PortalRequestPage')) },
      { path: 'track', lazy: page(() => import('./pages/portal/PortalTrackPage')) },
      { path: 'reports', lazy: page(() => import('./pages/portal/reports/PortalReportsPage')) },
      { path: 'reports/:id', lazy: page(() => import('./pages/portal/reports/PortalReportPage')) },
      // 公开征求意见 (kernel; its JSON API is /portal/api/consultations).
      {
        path: 'consultations',
        lazy: page(() => import('./pages/portal/consultations/PortalConsultationsPage')),
      },
      {
        path: 'consultations/:id',
        lazy: page(() => import('./pages/portal/consultations/PortalConsultationPage')),
      },
      // 行政执法公示 (the module's JSON API has /portal/enforcement/…, so the pages live elsewhere).
      {
        path: 'law-enforcement',
        children: [
          { index: true, lazy: page(() => import('./pages/portal/enforcement/PortalPublicationsPage')) },
          {
            path: 'publications',
            lazy: page(() => import('./pages/portal/enforcement/PortalPublicationsPage')),
          },
          {
            path: 'publications/:id',
            lazy: page(() => import('./pages/portal/enforcement/PortalPublicationPage')),
          },
          { path: 'officers', lazy: page(() => import('./pages/portal/enforcement/PortalOfficersPage')) },
          {
            path: 'inspections',
            lazy: page(() => import('./pages/portal/enforcement/PortalInspectionsPage')),
          },
          {
            path: 'inspections/:id',
            lazy: page(() => import('./pages/portal/enforcement/PortalInspectionPage')),
          },
        ],
      },
      // 行政规范性文件库 (the module's JSON API is /portal/normdocs/…).
      { path: 'documents', lazy: page(() => import('./pages/portal/normdocs/PortalDocumentsPage')) },
      { path: 'documents/:id', lazy: page(() => import('./pages/portal/normdocs/PortalDocumentPage')) },
      { path: 'open-government', children: disclosurePortalRoutes },
      { path: 'law-publicity', children: publicityPortalRoutes },
      // 重大行政决策 (the module's JSON API is /portal/decisions/…, so the pages live elsewhere).
      {
        path: 'major-decisions',
        children: [
          { index: true, lazy: page(() => import('./pages/portal/decisions/PortalDecisionsPage')) },
          { path: ':id', lazy: page(() => import('./pages/portal/decisions/PortalDecisionPage')) },
        ],
      },
      // 一村(社区)一法律顾问 公示 (the module's JSON API is /portal/advisers/…).
      { path: 'legal-advisers', lazy: page(() => import('./pages/portal/advisers/PortalAdvisersPage')) },
      { path: '*', lazy: page(() => import('./pages/portal/PortalHomePage')) },
    ],
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'dashboard', lazy: page(() => import('./pages/dashboard/DashboardPage')) },
      {
        path: 'reports',
        children: [
          { index: true, lazy: page(() => import('./pages/reports/ReportsPage')) },
          { path: 'check', lazy: page(() => import('./pages/reports/ReportCheckPage')) },
          { path: ':id', lazy: page(() => import('./pages/reports/ReportEditorPage')) },
        ],
      },
      { path: 'orgs', lazy: async () => ({ Component: (await import('./pages/OrgsPage')).default }) },
      {
        path: 'supervision',
        lazy: async () => ({ Component: (await import('./pages/SupervisionPage')).default }),
      },
      {
        path: 'disputes',
        children: [
          { index: true, lazy: page(() => import('./pages/disputes/DisputesListPage')) },
          { path: 'new', lazy: page(() => import('./pages/disputes/DisputeNewPage')) },
          { path: 'import', lazy: page(() => import('./pages/disputes/DisputeImportPage')) },
          { path: 'warnings', lazy: page(() => import('./pages/disputes/DisputeWarningsPage')) },
          { path: 'meetings', lazy: page(() => import('./pages/disputes/DisputeMeetingsPage')) },
          { path: 'consultations', lazy: page(() => import('./pages/disputes/DisputeConsultationsPage')) },
          { path: ':id', lazy: page(() => import('./pages/disputes/DisputeDetailPage')) },
        ],
      },
      {
        path: 'petitions',
        children: [
          { index: true, lazy: page(() => import('./pages/petitions/PetitionsListPage')) },
          { path: 'new', lazy: page(() => import('./pages/petitions/PetitionNewPage')) },
          { path: 'import', lazy: page(() => import('./pages/petitions/PetitionImportPage')) },
          { path: ':id', lazy: page(() => import('./pages/petitions/PetitionDetailPage')) },
        ],
      },
      {
        path: 'advisers',
        children: [
          { index: true, lazy: page(() => import('./pages/advisers/AdvisersPage')) },
          { path: 'new', lazy: page(() => import('./pages/advisers/ContractNewPage')) },
          { path: 'coverage', lazy: page(() => import('./pages/advisers/CoveragePage')) },
          { path: 'log', lazy: page(() => import('./pages/advisers/LogPage')) },
          { path: 'import', lazy: page(() => import('./pages/advisers/LogImportPage')) },
          { path: 'idle', lazy: page(() => import('./pages/advisers/IdlePage')) },
          { path: 'reviews', lazy: page(() => import('./pages/advisers/ReviewsPage')) },
          { path: ':id', lazy: page(() => import('./pages/advisers/ContractDetailPage')) },
        ],
      },
      {
        path: 'normdocs',
        children: [
          { index: true, lazy: page(() => import('./pages/normdocs/NormdocsListPage')) },
          { path: 'new', lazy: page(() => import('./pages/normdocs/NormdocNewPage')) },
          { path: 'filings', lazy: page(() => import('./pages/normdocs/FilingsPage')) },
          { path: 'import', lazy: page(() => import('./pages/normdocs/NormdocsImportPage')) },
          { path: ':id', lazy: page(() => import('./pages/normdocs/NormdocDetailPage')) },
        ],
      },
      {
        path: 'decisions',
        children: [
          { index: true, lazy: page(() => import('./pages/decisions/DecisionsListPage')) },
          { path: 'new', lazy: page(() => import('./pages/decisions/DecisionNewPage')) },
          { path: 'catalogue', lazy: page(() => import('./pages/decisions/CataloguePage')) },
          { path: ':id', lazy: page(() => import('./pages/decisions/DecisionDetailPage')) },
        ],
      },
      {
        path: 'enforcement',
        children: [
          { index: true, lazy: page(() => import('./pages/enforcement/EnforcementListPage')) },
          { path: 'new', lazy: page(() => import('./pages/enforcement/EnforcementNewPage')) },
          { path: 'items', lazy: page(() => import('./pages/enforcement/ItemsPage')) },
          { path: 'import', lazy: page(() => import('./pages/enforcement/ItemsImportPage')) },
          { path: 'officers', lazy: page(() => import('./pages/enforcement/OfficersPage')) },
          { path: 'officers/import', lazy: page(() => import('./pages/enforcement/OfficersImportPage')) },
          { path: 'targets/import', lazy: page(() => import('./pages/enforcement/TargetsImportPage')) },
          { path: 'inspections', lazy: page(() => import('./pages/enforcement/InspectionsPage')) },
          { path: 'inspections/:id', lazy: page(() => import('./pages/enforcement/InspectionDetailPage')) },
          { path: 'reviews', lazy: page(() => import('./pages/enforcement/ReviewsPage')) },
          { path: ':id', lazy: page(() => import('./pages/enforcement/EnforcementDetailPage')) },
        ],
      },
      { path: 'litigation', children: litigationRoutes },
      { path: 'disclosure', children: disclosureRoutes },
      { path: 'learning', children: learningRoutes },
      { path: 'publicity', children: publicityRoutes },
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
  // The login page handles its own 401s; the public portal has no session to lose.
  if (pathname === '/login' || pathname === '/portal' || pathname.startsWith('/portal/')) return;
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
