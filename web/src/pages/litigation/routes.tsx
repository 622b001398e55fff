import { Navigate, type RouteObject } from 'react-router';
import { page } from '../../lazyPage';

/** 复议应诉: the signed-in pages under /litigation. */
export const litigationRoutes: RouteObject[] = [
  { index: true, element: <Navigate to="/litigation/lawsuits" replace /> },
  { path: 'lawsuits', lazy: page(() => import('./LawsuitsPage')) },
  { path: 'lawsuits/new', lazy: page(() => import('./LawsuitNewPage')) },
  { path: 'lawsuits/:id', lazy: page(() => import('./LawsuitDetailPage')) },
  { path: 'reconsiderations', lazy: page(() => import('./ReconsiderationsPage')) },
  { path: 'reconsiderations/new', lazy: page(() => import('./ReconsiderationNewPage')) },
  { path: 'reconsiderations/:id', lazy: page(() => import('./ReconsiderationDetailPage')) },
  { path: 'import', lazy: page(() => import('./ImportPage')) },
];
