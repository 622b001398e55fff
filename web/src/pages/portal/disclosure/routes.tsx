import type { RouteObject } from 'react-router';
import { page } from '../../../lazyPage';

/** 政府信息公开: the public pages under /portal/open-government (the module's JSON API is /portal/disclosure/…). */
export const disclosurePortalRoutes: RouteObject[] = [
  { index: true, lazy: page(() => import('./OpenGovernmentPage')) },
  { path: 'apply', lazy: page(() => import('./ApplyPage')) },
  { path: 'track', lazy: page(() => import('./TrackPage')) },
];
