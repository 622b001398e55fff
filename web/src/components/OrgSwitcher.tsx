import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useCurrentOrg } from '../currentOrg';
import { levelLabel } from '../labels';
import type { OrgNode } from '../types';

interface OrgOption {
  value: string;
  title: string;
  level: string;
  children: OrgOption[];
}

function toOptions(nodes: OrgNode[]): OrgOption[] {
  return nodes.map((node) => ({
    value: node.code,
    title: node.name,
    level: node.level,
    children: toOptions(node.children ?? []),
  }));
}

/** Ancestors of `code` (from its root down, excluding itself). */
function ancestors(code: string, parentOf: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  let current = parentOf.get(code);
  while (current) {
    out.unshift(current);
    current = parentOf.get(current);
  }
  return out;
}

export function OrgSwitcher(props: { id: string; width?: number | string }) {
  const { code, setCode, roots, parentOf } = useCurrentOrg();
  const treeData = useMemo(() => toOptions(roots), [roots]);
  const expanded = useMemo(() => {
    const keys = new Set(roots.map((r) => r.code));
    if (code) for (const key of ancestors(code, parentOf)) keys.add(key);
    return [...keys];
  }, [roots, code, parentOf]);

  return (
    <TreeSelect<string, OrgOption>
      id={props.id}
      aria-label="当前机构"
      style={{ width: props.width ?? 260 }}
      value={code ?? undefined}
      treeData={treeData}
      onChange={(value) => value && setCode(value)}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={expanded}
      treeTitleRender={(node) => (
        <span>
          {node.title}
          <span className="org-level-hint"> · {levelLabel(node.level)}</span>
        </span>
      )}
      placeholder="选择机构"
      notFoundContent="没有匹配的机构"
      listHeight={360}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280, maxWidth: '90vw' } } }}
      classNames={{ popup: { root: 'org-switcher-popup' } }}
    />
  );
}
