import type { RouteObject } from 'react-router';

/** 政务公开: the signed-in pages under /disclosure. */
export const disclosureRoutes: RouteObject[] = [];
