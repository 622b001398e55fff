import type { RouteObject } from 'react-router';

/** 复议应诉: the signed-in pages under /litigation. */
export const litigationRoutes: RouteObject[] = [];
