import type { RouteObject } from 'react-router';
import { page } from '../../lazyPage';

/** 政务公开: the signed-in pages under /disclosure. */
export const disclosureRoutes: RouteObject[] = [
  { index: true, lazy: page(() => import('./ItemsPage')) },
  { path: 'items', lazy: page(() => import('./ItemsPage')) },
  { path: 'items/import', lazy: page(() => import('./ItemImportPage')) },
  { path: 'requests', lazy: page(() => import('./RequestsPage')) },
  { path: 'requests/import', lazy: page(() => import('./RequestImportPage')) },
  { path: 'requests/new', lazy: page(() => import('./RequestNewPage')) },
  { path: 'requests/:id', lazy: page(() => import('./RequestDetailPage')) },
  { path: 'annual-report', lazy: page(() => import('./AnnualReportPage')) },
];
