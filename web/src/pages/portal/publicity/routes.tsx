import type { RouteObject } from 'react-router';

/** 普法宣传: the public pages under /portal/law-publicity (the module's JSON API is /portal/publicity/…). */
export const publicityPortalRoutes: RouteObject[] = [];
