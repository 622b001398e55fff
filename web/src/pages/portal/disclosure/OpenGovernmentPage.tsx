import { FileSearchOutlined, FormOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api';
import { PageError } from '../../../components/PageState';
import { queryString } from '../../../ledger/queries';
import { PORTAL_BASE, type PortalItem } from './portal';

/** 政府信息公开: the published 主动公开 items by category, and the way to 依申请公开. */
export default function OpenGovernmentPage() {
  const [org, setOrg] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const organs = useQuery({
    queryKey: ['portal-disclosure', 'organs'],
    queryFn: () =>
      api.get<{ items: { code: string; name: string; level: string }[] }>(`${PORTAL_BASE}/organs`, {
        redirectOn401: false,
      }),
  });
  const items = useQuery({
    queryKey: ['portal-disclosure', 'items', org, category, page],
    queryFn: () =>
      api.get<{ total: number; categories: { category: string; n: number }[]; items: PortalItem[] }>(
        `${PORTAL_BASE}/items${queryString({ org, category, page, pageSize: 20 })}`,
        { redirectOn401: false },
      ),
    placeholderData: (p) => p,
  });
  return (
    <Flex vertical gap={16} className="portal-page">
      <Typography.Title level={2} style={{ margin: 0 }}>
        政府信息公开
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        依据《中华人民共和国政府信息公开条例》，主动公开的政府信息自形成或者变更之日起20个工作日内公开；公民、法人或者其他组织可以向行政机关申请获取相关政府信息。
      </Typography.Paragraph>
      <Flex gap={8} wrap="wrap">
        <Link to="/portal/open-government/apply">
          <Button type="primary" icon={<FormOutlined />}>
            申请政府信息公开
          </Button>
        </Link>
        <Link to="/portal/open-government/track">
          <Button icon={<FileSearchOutlined />}>查询申请办理进度</Button>
        </Link>
      </Flex>
      <Flex gap={8} wrap="wrap">
        <Select
          aria-label="公开主体"
          placeholder="全部公开主体"
          allowClear
          style={{ minWidth: 200 }}
          value={org}
          onChange={(v?: string) => {
            setOrg(v);
            setPage(1);
          }}
          options={(organs.data?.items ?? []).map((o) => ({ value: o.code, label: o.name }))}
        />
      </Flex>
      <Flex gap={6} wrap="wrap" aria-label="主动公开目录">
        <Tag.CheckableTag checked={!category} onChange={() => setCategory(undefined)}>
          全部
        </Tag.CheckableTag>
        {(items.data?.categories ?? []).map((c) => (
          <Tag.CheckableTag
            key={c.category}
            checked={category === c.category}
            onChange={() => {
              setCategory(c.category);
              setPage(1);
            }}
          >
            {c.category}（{c.n}）
          </Tag.CheckableTag>
        ))}
      </Flex>
      {items.isError ? (
        <PageError title="公开目录加载失败" error={items.error} onRetry={() => items.refetch()} />
      ) : (
        <Card size="small">
          <List
            loading={items.isFetching}
            dataSource={items.data?.items ?? []}
            locale={{ emptyText: '暂无公开信息' }}
            pagination={{
              current: page,
              pageSize: 20,
              total: items.data?.total ?? 0,
              onChange: setPage,
              hideOnSinglePage: true,
              showSizeChanger: false,
            }}
            renderItem={(i) => (
              <List.Item key={i.id}>
                <List.Item.Meta
                  title={i.url ? <a href={i.url}>{i.title}</a> : i.title}
                  description={
                    <span>
                      索引号 {i.indexNo} · {i.category} · {i.orgName ?? ''} · 生成日期 {i.formedOn} · 公开日期{' '}
                      {i.publishedOn}
                      {i.channel ? ` · ${i.channel}` : ''}
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
