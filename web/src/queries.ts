import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './api';
import type {
  HomeSummary,
  ModulesResponse,
  OrgDetail,
  OrgTreeResponse,
  SessionResponse,
  SupervisionResponse,
  SweepResult,
} from './types';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (4xx) are answers, not glitches: do not retry them.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

export const meKey = ['auth', 'me'] as const;

export async function fetchMe(): Promise<SessionResponse> {
  const session = await api.get<SessionResponse>('/api/auth/me', { redirectOn401: false });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export async function login(username: string, password: string): Promise<SessionResponse> {
  const session = await api.post<SessionResponse>(
    '/api/auth/login',
    { username, password },
    { redirectOn401: false },
  );
  setCsrfToken(session.csrfToken);
  queryClient.clear();
  queryClient.setQueryData(meKey, session);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout', undefined, { redirectOn401: false });
  } finally {
    setCsrfToken(null);
    queryClient.clear();
  }
}

export function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/api/auth/password', { oldPassword, newPassword });
}

export function useOrgTree(enabled = true) {
  return useQuery({
    queryKey: ['orgs', 'tree'],
    queryFn: ({ signal }) => api.get<OrgTreeResponse>('/api/orgs/tree', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useOrgDetail(code: string | null) {
  return useQuery({
    queryKey: ['orgs', 'detail', code],
    queryFn: ({ signal }) => api.get<OrgDetail>(`/api/orgs/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: Boolean(code),
  });
}

export function useModules() {
  return useQuery({
    queryKey: ['modules'],
    queryFn: ({ signal }) => api.get<ModulesResponse>('/api/modules', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useHome(org: string | null) {
  return useQuery({
    queryKey: ['home', org],
    queryFn: ({ signal }) =>
      api.get<HomeSummary>(`/api/home?org=${encodeURIComponent(org ?? '')}`, { signal }),
    enabled: Boolean(org),
  });
}

export function useSupervision(org: string | null, status: 'open' | 'all' = 'open') {
  return useQuery({
    queryKey: ['supervision', org, status],
    queryFn: ({ signal }) =>
      api.get<SupervisionResponse>(
        `/api/supervision?org=${encodeURIComponent(org ?? '')}${status === 'all' ? '&status=all' : ''}`,
        { signal },
      ),
    enabled: Boolean(org),
  });
}

/** 立即巡检: runs the deadline sweep now (reminders, then 督办 for every overdue limit). */
export function useSweepDeadlines() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SweepResult>('/api/deadlines/sweep'),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'supervision' || q.queryKey[0] === 'home',
      }),
  });
}
