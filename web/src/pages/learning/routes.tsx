import type { RouteObject } from 'react-router';

/** 学法用法: the signed-in pages under /learning. */
export const learningRoutes: RouteObject[] = [];
