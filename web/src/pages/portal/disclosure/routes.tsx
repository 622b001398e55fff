import type { RouteObject } from 'react-router';

/** 政府信息公开: the public pages under /portal/open-government (the module's JSON API is /portal/disclosure/…). */
export const disclosurePortalRoutes: RouteObject[] = [];
