import { AlertOutlined } from '@ant-design/icons';
import { Badge, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { WARNING_KINDS } from '../../disputes/labels';
import { useWarnings } from '../../disputes/queries';
import type { DisputeWarning, WarningKind } from '../../disputes/types';

const ORDER: WarningKind[] = ['risk', 'party', 'place'];

function WarningItem(props: { item: DisputeWarning }) {
  const { item } = props;
  return (
    <li className="warning-item">
      <Flex vertical gap={4}>
        <Typography.Text strong>{item.label}</Typography.Text>
        <Typography.Text type="secondary">
          {item.orgName ?? item.orgCode} · 最近 {item.latestOn}
        </Typography.Text>
        <Flex gap={6} wrap="wrap" aria-label="涉及纠纷">
          {item.caseIds.map((id, i) => (
            <Link key={id} to={`/disputes/${id}`} className="warning-case-link">
              {item.caseNos[i] ?? `#${id}`}
            </Link>
          ))}
        </Flex>
      </Flex>
    </li>
  );
}

export default function DisputeWarningsPage() {
  const { code, org } = useCurrentOrg();
  const query = useWarnings(code);
  const items = query.data?.items ?? [];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <AlertOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          纠纷预警
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        同一当事人或同一地点90日内多次发生纠纷、高风险纠纷尚未化解时提示预警，请及时排查稳控。
        {query.data && <span>（截至 {query.data.asOf}）</span>}
      </Typography.Paragraph>

      {query.isError && (
        <PageError title="预警加载失败" error={query.error} onRetry={() => query.refetch()} />
      )}
      {query.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {query.data && items.length === 0 && <Empty description="当前没有预警" />}

      {query.data &&
        items.length > 0 &&
        ORDER.map((kind) => {
          const group = items.filter((i) => i.kind === kind);
          const info = WARNING_KINDS[kind];
          return (
            <Card
              key={kind}
              size="small"
              data-testid={`warnings-${kind}`}
              title={
                <Flex align="center" gap={8} wrap="wrap">
                  <Tag color={info.color} style={{ marginInlineEnd: 0 }}>
                    {info.title}
                  </Tag>
                  <Badge count={group.length} showZero color={group.length ? '#cf1322' : '#94a3b8'} />
                </Flex>
              }
            >
              <Typography.Paragraph type="secondary" className="warning-hint">
                {info.hint}
              </Typography.Paragraph>
              {group.length === 0 ? (
                <Typography.Text type="secondary">无</Typography.Text>
              ) : (
                <ul className="warning-list">
                  {group.map((item) => (
                    <WarningItem key={`${item.kind}-${item.orgCode}-${item.caseIds.join(',')}`} item={item} />
                  ))}
                </ul>
              )}
            </Card>
          );
        })}
    </Flex>
  );
}
