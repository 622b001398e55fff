import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageError } from '../../../components/PageState';
import { PublicSummary } from '../../../enforcement/PublicSummary';
import { usePortalPublication } from '../../../enforcement/queries';

/** One published decision (masked). No login. */
export default function PortalPublicationPage() {
  const { id } = useParams();
  const pub = usePortalPublication(id);
  const p = pub.data;
  return (
    <Flex vertical gap={16} className="portal-page">
      <Link to="/portal/law-enforcement/publications" className="back-link">
        <ArrowLeftOutlined /> 返回公示列表
      </Link>
      {pub.isError && <PageError title="公示加载失败" error={pub.error} onRetry={() => pub.refetch()} />}
      {pub.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {p && (
        <>
          <Typography.Title
            level={1}
            style={{ margin: 0, fontSize: 24 }}
            data-testid="portal-publication-title"
          >
            {p.category}决定公示 · {p.decisionNo}
          </Typography.Title>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'org', label: '执法机关', children: p.orgName ?? '—' },
                { key: 'decided', label: '决定日期', children: p.decidedOn },
                { key: 'published', label: '公示日期', children: p.publishedOn },
              ]}
            />
          </Card>
          <Card size="small" title="公示内容" data-testid="portal-publication-summary">
            <PublicSummary summary={p.summary} />
          </Card>
        </>
      )}
    </Flex>
  );
}
