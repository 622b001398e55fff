import { Card, Empty, Flex, List, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageError } from '../../../components/PageState';
import { usePortalCatalogues, usePortalDecisions } from '../../../decisions/queries';

/** 重大行政决策 on the public portal: the published 年度决策事项目录 and the published decisions. No login. */
export default function PortalDecisionsPage() {
  const [page, setPage] = useState(1);
  const catalogues = usePortalCatalogues();
  const decisions = usePortalDecisions(page);
  return (
    <Flex vertical gap={16} className="portal-page">
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
        重大行政决策
      </Typography.Title>
      <Card size="small" title="已公布的决策" data-testid="portal-decisions">
        {decisions.isError && (
          <PageError title="加载失败" error={decisions.error} onRetry={() => decisions.refetch()} />
        )}
        {decisions.isPending && <Skeleton active />}
        {decisions.data && (
          <List
            dataSource={decisions.data.items}
            locale={{ emptyText: '暂无公布的决策' }}
            pagination={
              decisions.data.total > 20
                ? { current: page, pageSize: 20, total: decisions.data.total, onChange: setPage }
                : false
            }
            renderItem={(d) => (
              <List.Item>
                <Flex vertical gap={4}>
                  <Link to={`/portal/major-decisions/${d.id}`}>{d.title}</Link>
                  <Typography.Text type="secondary">
                    {d.orgName} · {d.decisionNo} · {d.publishedOn} 公布 · 公众意见 {d.commentCount} 条
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        年度决策事项目录
      </Typography.Title>
      {catalogues.isError && (
        <PageError title="加载失败" error={catalogues.error} onRetry={() => catalogues.refetch()} />
      )}
      {catalogues.data?.length === 0 && <Empty description="暂无公布的决策事项目录" />}
      {(catalogues.data ?? []).map((c) => (
        <Card
          key={c.id}
          size="small"
          title={`${c.orgName ?? ''} ${c.title}`}
          extra={
            <Flex gap={4}>
              <Tag color="blue">{c.partyApprovedOn} 经党委同意</Tag>
              <Tag color="green">{c.publishedOn} 公布</Tag>
            </Flex>
          }
          data-testid="portal-catalogue"
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.items}
            columns={[
              { title: '序号', dataIndex: 'itemNo', width: 60 },
              { title: '决策事项', dataIndex: 'title' },
              { title: '类别', dataIndex: 'category', ellipsis: true },
              { title: '承办单位', dataIndex: 'sponsorUnit', width: 160 },
              {
                title: '进展',
                dataIndex: 'decisionStatusLabel',
                width: 100,
                render: (v: string | null) => v ?? '未启动',
              },
            ]}
          />
        </Card>
      ))}
    </Flex>
  );
}
