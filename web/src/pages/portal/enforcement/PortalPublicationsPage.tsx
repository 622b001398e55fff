import { SafetyOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Input, Pagination, Skeleton, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { PageError } from '../../../components/PageState';
import { usePortalPublications } from '../../../enforcement/queries';
import { EnforcementPortalNav } from './EnforcementPortalNav';

const PAGE_SIZE = 20;

function summaryLine(summary: Record<string, string | number | null> | string): string {
  if (typeof summary === 'string') return summary;
  const party = summary.partyName ?? summary.当事人;
  const what = summary.itemName ?? summary.summary ?? summary.案由 ?? '';
  const penalty = summary.penalties ?? summary.penalty ?? summary.处罚内容 ?? '';
  return [party ? `当事人：${party}` : '', what, penalty].filter(Boolean).join(' · ');
}

/** 行政执法公示: published decisions (personal data masked), newest first. No login. */
export default function PortalPublicationsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const list = usePortalPublications({ q: q || undefined, page });
  const items = list.data?.items ?? [];

  return (
    <Flex vertical gap={16} className="portal-page">
      <EnforcementPortalNav />
      <Flex align="center" gap={12} wrap="wrap">
        <SafetyOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
          行政执法决定公示
        </Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        依据国办发〔2018〕118号，行政处罚、行政许可决定自作出之日起7个工作日内公开，其他执法决定20个工作日内公开；涉及个人隐私的信息依法屏蔽。
      </Typography.Paragraph>
      <Input.Search
        aria-label="搜索公示"
        placeholder="决定书文号、执法机关、事项"
        allowClear
        defaultValue={q}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        style={{ maxWidth: 420 }}
      />
      {list.isError && <PageError title="公示加载失败" error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {list.data && items.length === 0 && <Empty description="暂无公示的执法决定" />}
      {items.length > 0 && (
        <ul className="warning-list" aria-label="执法决定公示" data-testid="portal-publications">
          {items.map((p) => (
            <li key={p.id} style={{ marginBottom: 12 }}>
              <Link to={`/portal/law-enforcement/publications/${p.id}`} className="portal-report-item">
                <Card size="small" hoverable>
                  <Flex vertical gap={4}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {p.decisionNo} · {p.category}
                    </Typography.Text>
                    <Typography.Text>{summaryLine(p.summary)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {p.orgName ?? ''} · 决定日期 {p.decidedOn} · 公示日期 {p.publishedOn}
                    </Typography.Text>
                  </Flex>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {(list.data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data?.total ?? 0}
          showSizeChanger={false}
          onChange={(next) => setParams({ ...(q ? { q } : {}), page: String(next) })}
        />
      )}
    </Flex>
  );
}
