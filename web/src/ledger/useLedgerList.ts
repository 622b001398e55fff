import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCurrentOrg } from '../currentOrg';
import { fromDate } from './dates';
import { type CaseListParams, queryString } from './queries';

/** The drill-down keys an indicator card's link puts in the URL (with from/to). */
export const DRILL_KEYS = ['indicator', 'part', 'org'] as const;

/**
 * A ledger list's state, kept in the URL: the filters (`filterKeys`, passed straight to the list API),
 * paging, and an indicator's drill-down (`indicator`, `part`, `org`, `from`, `to` — as the figure's
 * `drill` link has them). Switching the current org in the header leaves a drill-down.
 */
export function useLedgerList(opts: { filterKeys: readonly string[]; pageSize: number }) {
  const { filterKeys, pageSize } = opts;
  const { code, org: currentOrg, byCode } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const urlKeyword = params.get('q') ?? '';
  const [keyword, setKeyword] = useState(urlKeyword);
  // Back/forward and 重置 change the URL: the search box follows.
  useEffect(() => setKeyword(urlKeyword), [urlKeyword]);

  const indicatorId = params.get('indicator');
  const org = params.get('org') ?? code;
  const orgName = (org && byCode.get(org)?.name) ?? currentOrg?.name ?? '';

  const lastCode = useRef(code);
  useEffect(() => {
    if (lastCode.current === code) return;
    lastCode.current = code;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const key of [...DRILL_KEYS, 'from', 'to', 'page']) next.delete(key);
        return next;
      },
      { replace: true },
    );
  }, [code, setParams]);

  const apiParams = useMemo<CaseListParams>(() => {
    const p: CaseListParams = { org: org ?? undefined };
    for (const key of [...filterKeys, 'from', 'to', 'q', 'indicator', 'part']) {
      p[key] = params.get(key) ?? undefined;
    }
    p.page = params.get('page') ?? '1';
    p.pageSize = String(pageSize);
    return p;
  }, [params, org, filterKeys, pageSize]);

  /** The same list as an Excel download from `base` (`/api/<module>`). */
  const exportHref = (base: string) => {
    const { page: _page, pageSize: _size, ...rest } = apiParams;
    return `${base}/cases${queryString({ ...rest, format: 'xlsx' })}`;
  };

  const update = (changes: Record<string, string | undefined>, resetPage = true) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      if (resetPage) next.delete('page');
      return next;
    });
  };

  const clearIndicator = () =>
    update({ indicator: undefined, part: undefined, from: undefined, to: undefined });

  /** Clears the filters; a drill-down (and its period) stays. */
  const resetFilters = () => {
    setKeyword('');
    setParams((prev) => {
      const next = new URLSearchParams();
      if (prev.get('indicator')) {
        for (const key of [...DRILL_KEYS, 'from', 'to']) {
          const value = prev.get(key);
          if (value) next.set(key, value);
        }
      }
      return next;
    });
  };

  const page = Number(params.get('page') ?? '1') || 1;
  const from = fromDate(params.get('from'));
  const to = fromDate(params.get('to'));

  return {
    params,
    org,
    orgName,
    indicatorId,
    apiParams,
    exportHref,
    update,
    clearIndicator,
    resetFilters,
    keyword,
    setKeyword,
    page,
    dateRange: from && to ? ([from, to] as const) : null,
  };
}

export type LedgerListState = ReturnType<typeof useLedgerList>;
