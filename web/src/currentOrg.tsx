import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { OrgNode } from './types';

export interface CurrentOrgValue {
  /** Code of the org the user is working on; null only when the user has no org at all. */
  code: string | null;
  /** The tree node of the current org. */
  org: OrgNode | null;
  setCode: (code: string) => void;
  /** The user's org tree (roots are the user's grant nodes). */
  roots: OrgNode[];
  /** Every node of the tree by code. */
  byCode: ReadonlyMap<string, OrgNode>;
  /** Parent code of every non-root node. */
  parentOf: ReadonlyMap<string, string>;
}

const CurrentOrgContext = createContext<CurrentOrgValue | null>(null);

const STORAGE_PREFIX = 'fazhi.currentOrg:';

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // storage unavailable (private mode): the choice lasts for this page only
  }
}

export function indexTree(roots: OrgNode[]) {
  const byCode = new Map<string, OrgNode>();
  const parentOf = new Map<string, string>();
  const stack: OrgNode[] = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    byCode.set(node.code, node);
    for (const child of node.children ?? []) {
      parentOf.set(child.code, node.code);
      stack.push(child);
    }
  }
  return { byCode, parentOf };
}

export function CurrentOrgProvider(props: {
  username: string;
  homeOrg: string;
  roots: OrgNode[];
  children: ReactNode;
}) {
  const { username, homeOrg, roots } = props;
  const storageKey = STORAGE_PREFIX + username;
  const { byCode, parentOf } = useMemo(() => indexTree(roots), [roots]);
  const [chosen, setChosen] = useState<string | null>(() => readStored(storageKey));

  // Only codes inside the tree the API returned are valid; fall back to the home org, then the first root.
  const code = useMemo(() => {
    if (chosen && byCode.has(chosen)) return chosen;
    if (byCode.has(homeOrg)) return homeOrg;
    return roots[0]?.code ?? null;
  }, [chosen, byCode, homeOrg, roots]);

  const setCode = useCallback(
    (next: string) => {
      if (!byCode.has(next)) return;
      setChosen(next);
      writeStored(storageKey, next);
    },
    [byCode, storageKey],
  );

  const value = useMemo<CurrentOrgValue>(
    () => ({ code, org: code ? (byCode.get(code) ?? null) : null, setCode, roots, byCode, parentOf }),
    [code, byCode, parentOf, roots, setCode],
  );

  return <CurrentOrgContext.Provider value={value}>{props.children}</CurrentOrgContext.Provider>;
}

export function useCurrentOrg(): CurrentOrgValue {
  const value = useContext(CurrentOrgContext);
  if (!value) throw new Error('useCurrentOrg must be used inside <CurrentOrgProvider>');
  return value;
}
