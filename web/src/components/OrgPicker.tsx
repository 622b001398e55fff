import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useCurrentOrg } from '../currentOrg';
import { levelLabel } from '../labels';
import type { OrgLevel, OrgNode } from '../types';

interface Option {
  value: string;
  title: string;
  level: string;
  disabled: boolean;
  children: Option[];
}

function toOptions(nodes: OrgNode[], selectable: (level: OrgLevel) => boolean): Option[] {
  return nodes.map((node) => ({
    value: node.code,
    title: node.name,
    level: node.level,
    disabled: !selectable(node.level),
    children: toOptions(node.children ?? [], selectable),
  }));
}

/** Picks an org from the signed-in user's tree; levels `selectable` rejects are shown but disabled. */
export function OrgPicker(props: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  selectable?: (level: OrgLevel) => boolean;
  placeholder?: string;
  'aria-label'?: string;
}) {
  const { roots, parentOf } = useCurrentOrg();
  const { selectable } = props;
  const treeData = useMemo(() => toOptions(roots, selectable ?? (() => true)), [roots, selectable]);
  const expanded = useMemo(() => {
    const keys = new Set(roots.map((r) => r.code));
    let current = props.value ? parentOf.get(props.value) : undefined;
    while (current) {
      keys.add(current);
      current = parentOf.get(current);
    }
    return [...keys];
  }, [roots, parentOf, props.value]);

  return (
    <TreeSelect<string, Option>
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value}
      onChange={(value) => props.onChange?.(value)}
      treeData={treeData}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={expanded}
      treeTitleRender={(node) => (
        <span>
          {node.title}
          <span className="org-level-hint"> · {levelLabel(node.level)}</span>
        </span>
      )}
      placeholder={props.placeholder ?? '选择机构'}
      notFoundContent="没有匹配的机构"
      listHeight={320}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 260, maxWidth: '92vw' } } }}
      classNames={{ popup: { root: 'org-picker-popup' } }}
    />
  );
}

/** Where a case (纠纷, 信访) is registered: 乡镇(街道), 村(社区) or 网格. */
export function isCaseLevel(level: OrgLevel): boolean {
  return level === 'township' || level === 'village' || level === 'grid';
}
