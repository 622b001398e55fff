import { FileTextOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { PageError } from '../../../components/PageState';
import { usePortalReports } from '../../../reports/queries';
import '../../../reports/reports.css';

/** The published annual reports (公开平台): no login. */
export default function PortalReportsPage() {
  const reports = usePortalReports();
  const [year, setYear] = useState<number>(0);
  const items = reports.data?.items ?? [];
  const years = useMemo(() => [...new Set(items.map((r) => r.year))].sort((a, b) => b - a), [items]);
  const shown = year ? items.filter((r) => r.year === year) : items;

  return (
    <Flex vertical gap={16} className="portal-page">
      <Flex align="center" gap={12} wrap="wrap">
        <FileTextOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
          法治政府建设年度报告
        </Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        依照《法治政府建设与责任落实督察工作规定》，县(区)、乡镇(街道)人民政府每年向社会公开上一年度法治政府建设情况报告。
      </Typography.Paragraph>
      {years.length > 1 && (
        <Select
          aria-label="年度"
          value={year}
          onChange={setYear}
          options={[{ value: 0, label: '全部年度' }, ...years.map((y) => ({ value: y, label: `${y}年度` }))]}
          style={{ width: 140 }}
        />
      )}
      {reports.isError && (
        <PageError title="报告列表加载失败" error={reports.error} onRetry={() => reports.refetch()} />
      )}
      {reports.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {reports.data && shown.length === 0 && <Empty description="暂无已公开的年度报告" />}
      {shown.length > 0 && (
        <ul className="warning-list" aria-label="已公开的年度报告" data-testid="portal-reports">
          {shown.map((r) => (
            <li key={r.id} style={{ marginBottom: 12 }}>
              <Link to={`/portal/reports/${r.id}`} className="portal-report-item">
                <Card size="small" hoverable>
                  <Flex vertical gap={4}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {r.title}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {r.orgName ?? r.orgCode} · {r.year}年度 · 公开日期 {r.publishedOn ?? '—'}
                    </Typography.Text>
                  </Flex>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
