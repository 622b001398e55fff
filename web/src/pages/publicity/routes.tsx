import type { RouteObject } from 'react-router';
import { page } from '../../lazyPage';

/** 普法宣传: the signed-in pages under /publicity. */
export const publicityRoutes: RouteObject[] = [
  { index: true, lazy: page(() => import('./ActivitiesPage')) },
  { path: 'new', lazy: page(() => import('./ActivityNewPage')) },
  { path: 'import', lazy: page(() => import('./ImportPage')) },
  { path: 'duties', lazy: page(() => import('./DutiesPage')) },
  { path: 'sites', lazy: page(() => import('./SitesPage')) },
  { path: ':id', lazy: page(() => import('./ActivityDetailPage')) },
];
