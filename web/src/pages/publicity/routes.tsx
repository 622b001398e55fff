import type { RouteObject } from 'react-router';

/** 普法宣传: the signed-in pages under /publicity. */
export const publicityRoutes: RouteObject[] = [];
