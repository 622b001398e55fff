import { ApartmentOutlined, CheckOutlined } from '@ant-design/icons';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  Row,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { type Key, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageError, PageSpin } from '../components/PageState';
import { useCurrentOrg } from '../currentOrg';
import { LEVEL_COLORS, levelLabel } from '../labels';
import { useOrgDetail } from '../queries';
import type { OrgLevel, OrgNode } from '../types';
import { useIsMobile } from '../useIsMobile';

function toTreeData(nodes: OrgNode[], query: string): TreeDataNode[] {
  return nodes.map((node) => {
    const index = query ? node.name.indexOf(query) : -1;
    const title =
      index >= 0 ? (
        <span key={node.code}>
          {node.name.slice(0, index)}
          <mark className="tree-match">{query}</mark>
          {node.name.slice(index + query.length)}
        </span>
      ) : (
        node.name
      );
    return { key: node.code, title, children: toTreeData(node.children ?? [], query) };
  });
}

function ancestorsOf(code: string, parentOf: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  let current = parentOf.get(code);
  while (current) {
    out.push(current);
    current = parentOf.get(current);
  }
  return out;
}

function LevelTag(props: { level: OrgLevel }) {
  return <Tag color={LEVEL_COLORS[props.level]}>{levelLabel(props.level)}</Tag>;
}

export default function OrgsPage() {
  const { code: currentCode, setCode, roots, byCode, parentOf } = useCurrentOrg();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const selected = params.get('code') && byCode.has(params.get('code')!) ? params.get('code')! : currentCode;
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Key[]>(() => {
    const keys = new Set<string>(roots.map((r) => r.code));
    if (selected) for (const key of ancestorsOf(selected, parentOf)) keys.add(key);
    return [...keys];
  });
  const [autoExpandParent, setAutoExpandParent] = useState(true);

  const trimmed = query.trim();
  const treeData = useMemo(() => toTreeData(roots, trimmed), [roots, trimmed]);
  const detail = useOrgDetail(selected);

  const select = (code: string) => {
    setParams({ code }, { replace: true });
    setExpanded((prev) => [...new Set([...prev, ...ancestorsOf(code, parentOf)])]);
  };

  const onSearch = (value: string) => {
    setQuery(value);
    const text = value.trim();
    if (!text) return;
    const keys = new Set<string>();
    for (const node of byCode.values()) {
      if (node.name.includes(text)) for (const key of ancestorsOf(node.code, parentOf)) keys.add(key);
    }
    setExpanded([...keys]);
    setAutoExpandParent(true);
  };

  const d = detail.data;

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <ApartmentOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          组织机构
        </Typography.Title>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} lg={8}>
          <Card size="small" title="机构树">
            <Input.Search
              placeholder="按名称查找机构"
              aria-label="按名称查找机构"
              allowClear
              onSearch={onSearch}
              onChange={(e) => onSearch(e.target.value)}
              style={{ marginBottom: 8 }}
            />
            {roots.length === 0 ? (
              <Empty description="没有可查看的机构" />
            ) : (
              <Tree
                aria-label="机构树"
                treeData={treeData}
                selectedKeys={selected ? [selected] : []}
                expandedKeys={expanded}
                autoExpandParent={autoExpandParent}
                onExpand={(keys) => {
                  setExpanded(keys);
                  setAutoExpandParent(false);
                }}
                onSelect={(keys) => {
                  const key = keys[0];
                  if (key !== undefined) select(String(key));
                }}
                height={isMobile ? 320 : 560}
                blockNode
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14} lg={16}>
          <Card
            size="small"
            title="机构详情"
            extra={
              d &&
              (d.code === currentCode ? (
                <Tag icon={<CheckOutlined />} color="success">
                  当前机构
                </Tag>
              ) : (
                <Button size="small" type="primary" ghost onClick={() => setCode(d.code)}>
                  设为当前机构
                </Button>
              ))
            }
          >
            {detail.isPending && selected && <PageSpin />}
            {!selected && <Empty description="请选择机构" />}
            {detail.isError && (
              <PageError title="机构详情加载失败" error={detail.error} onRetry={() => detail.refetch()} />
            )}
            {d && (
              <Flex vertical gap={16}>
                <Descriptions
                  column={1}
                  size="small"
                  bordered
                  styles={{ label: { width: 120 } }}
                  items={[
                    { key: 'name', label: '机构名称', children: d.name },
                    {
                      key: 'code',
                      label: '机构代码',
                      children: <Typography.Text copyable>{d.code}</Typography.Text>,
                    },
                    { key: 'level', label: '层级', children: <LevelTag level={d.level} /> },
                    {
                      key: 'path',
                      label: '所属路径',
                      children: (
                        <Breadcrumb
                          items={d.path.map((p) => ({
                            key: p.code,
                            title:
                              p.code !== d.code && byCode.has(p.code) ? (
                                <Typography.Link onClick={() => select(p.code)}>{p.name}</Typography.Link>
                              ) : (
                                p.name
                              ),
                          }))}
                        />
                      ),
                    },
                    { key: 'count', label: '下级机构数', children: `${d.children.length} 个` },
                  ]}
                />
                <div>
                  <Typography.Title level={5}>下级机构</Typography.Title>
                  {d.children.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有下级机构" />
                  ) : (
                    <ul className="org-children">
                      {d.children.map((child) => (
                        <li key={child.code}>
                          <Button type="link" size="small" onClick={() => select(child.code)}>
                            {child.name}
                          </Button>
                          <LevelTag level={child.level} />
                          <Typography.Text type="secondary" className="org-child-code">
                            {child.code}
                          </Typography.Text>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
