import type { RouteObject } from 'react-router';
import { page } from '../../../lazyPage';

/** 普法宣传: the public pages under /portal/law-publicity (the module's JSON API is /portal/publicity/…). */
export const publicityPortalRoutes: RouteObject[] = [
  { index: true, lazy: page(() => import('./PortalPublicityPage')) },
];
