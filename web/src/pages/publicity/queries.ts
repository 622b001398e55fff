import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload } from '../../api';
import { moduleBase, queryString, useLedgerMeta } from '../../ledger/queries';

export const MODULE = 'publicity';
export const BASE = moduleBase(MODULE);
/** The module's public API (the kernel mounts it at /portal/<module id>). */
export const PORTAL_BASE = '/portal/publicity';

type Params = Record<string, string | number | undefined | null>;

export interface PublicityMeta {
  can: { manage: boolean; import: boolean; personal: boolean };
  themes: { value: string; hint: string | null }[];
  forms: string[];
  venueTypes: string[];
  siteKinds: string[];
  honourLevels: string[];
  today: string;
  indicators: { id: string; name: string; unit: string; formula: string; drillPath: string }[];
}

export interface Activity {
  id: number;
  orgCode: string;
  orgName: string | null;
  township: string | null;
  heldOn: string;
  title: string;
  themes: string[];
  form: string;
  venueType: string;
  venueName: string | null;
  reach: number;
  materials: number;
  dutyId: number | null;
  dutyUnit: string | null;
  organiser: string | null;
  note: string | null;
  source: string;
  photos: number;
}

export interface Photo {
  id: number;
  fileId: number;
  sha256: string;
  caption: string | null;
  name: string | null;
  mime: string | null;
  size: number | null;
  createdAt: string;
}

export interface ActivityDetail extends Activity {
  createdAt: string;
  createdByName: string | null;
  photoList: Photo[];
}

export interface Duty {
  id: number;
  orgCode: string;
  orgName: string | null;
  township: string | null;
  year: number;
  unitName: string;
  duties: string;
  planned: number;
  note: string | null;
  done: number;
  progress: number | null;
  met: boolean;
}

export interface Site {
  id: number;
  orgCode: string;
  orgName: string | null;
  township: string | null;
  kind: string;
  name: string;
  builtOn: string | null;
  honourLevel: string | null;
  note: string | null;
}

export interface PortalActivity {
  id: number;
  heldOn: string;
  township: string | null;
  orgName: string | null;
  title: string;
  themes: string[];
  form: string;
  venueType: string;
  reach: number;
}

export type PortalSite = Omit<Site, 'orgCode' | 'note'>;

export const usePublicityMeta = (org: string | null | undefined) => useLedgerMeta<PublicityMeta>(MODULE, org);

function useGet<T>(path: string, params: Params, enabled = true) {
  return useQuery({
    queryKey: [MODULE, path, params],
    queryFn: ({ signal }) => api.get<T>(`${BASE}${path}${queryString(params)}`, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export const useActivities = (p: Params, enabled = true) =>
  useGet<{ total: number; reach: number; materials: number; items: Activity[] }>('/activities', p, enabled);
export const useActivity = (id: string | undefined) =>
  useGet<ActivityDetail>(`/activities/${encodeURIComponent(id ?? '')}`, {}, Boolean(id));
export const useDuties = (p: Params, enabled = true) =>
  useGet<{ total: number; met: number; planned: number; done: number; items: Duty[] }>('/duties', p, enabled);
export const useSites = (p: Params, enabled = true) =>
  useGet<{ total: number; items: Site[] }>('/sites', p, enabled);

function invalidate(client: ReturnType<typeof useQueryClient>) {
  return client.invalidateQueries({
    predicate: (q) =>
      (q.queryKey[0] === MODULE && q.queryKey[1] !== 'meta') ||
      q.queryKey[0] === 'indicators' ||
      q.queryKey[0] === 'portal',
  });
}

/** A POST to the module; everything of the module (and figures) is refetched after. */
export function usePublicityPost<Body, Out>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.post<Out>(`${BASE}${path}`, body),
    onSuccess: () => invalidate(client),
  });
}

/** Upload a photo as a kernel file, then attach it to the activity. */
export function useAddPhoto(activityId: number, orgCode: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { file: File; caption?: string }) => {
      const form = new FormData();
      form.append('file', input.file, input.file.name);
      const uploaded = await apiUpload<{ id: number }>(`/api/files${queryString({ org: orgCode })}`, form);
      return api.post(`${BASE}/activities/${activityId}/photos`, {
        fileId: uploaded.data.id,
        caption: input.caption || null,
      });
    },
    onSuccess: () => invalidate(client),
  });
}

export function usePortalActivities(p: Params) {
  return useQuery({
    queryKey: ['portal', MODULE, 'activities', p],
    queryFn: ({ signal }) =>
      api.get<{ total: number; items: PortalActivity[] }>(`${PORTAL_BASE}/activities${queryString(p)}`, {
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

export function usePortalSites() {
  return useQuery({
    queryKey: ['portal', MODULE, 'sites'],
    queryFn: ({ signal }) => api.get<{ items: PortalSite[] }>(`${PORTAL_BASE}/sites`, { signal }),
  });
}

/** "—" for empty cells. */
export const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
