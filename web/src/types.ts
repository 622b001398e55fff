/** Types of the platform's JSON API (see the API contract). */

export type OrgLevel = 'province' | 'city' | 'county' | 'township' | 'village' | 'office' | 'grid';

export interface Grant {
  role: string;
  orgCode: string;
  orgName: string;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  homeOrg: string;
  grants: Grant[];
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface OrgNode {
  code: string;
  name: string;
  level: OrgLevel;
  children: OrgNode[];
}

export interface OrgTreeResponse {
  roots: OrgNode[];
}

export interface OrgRef {
  code: string;
  name: string;
  level: OrgLevel;
}

export interface OrgDetail extends OrgRef {
  parentCode: string | null;
  path: OrgRef[];
  children: OrgRef[];
}

export interface HomeSummary {
  org: OrgRef;
  orgs: { township: number; village: number; office: number; grid: number };
  users: number;
  deadlines: { open: number; dueSoon: number; overdue: number };
  supervision: { open: number };
}

export type SupervisionStatus = 'open' | 'resolved' | 'closed';

export interface SupervisionItem {
  id: number | string;
  orgCode: string;
  orgName: string;
  title: string;
  dueOn: string;
  createdOn: string;
  status: SupervisionStatus;
  daysOverdue: number;
  note?: string | null;
  /** The overdue limit's case: module id (e.g. `petitions`), entity (`case`) and its id. */
  module?: string;
  entity?: string;
  entityId?: string;
}

/** `POST /api/deadlines/sweep`: reminders sent and 督办 items opened by this run. */
export interface SweepResult {
  reminders: number;
  supervision: number;
}

export interface SupervisionResponse {
  items: SupervisionItem[];
}

export interface ModuleEntry {
  id: string;
  title: string;
  path: string;
  icon?: string;
}

export interface ModulesResponse {
  modules: ModuleEntry[];
}
