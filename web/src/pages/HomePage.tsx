import {
  AlertOutlined,
  ApartmentOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  FieldTimeOutlined,
  FlagOutlined,
  HomeOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Card, Col, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { PageError } from '../components/PageState';
import { useCurrentOrg } from '../currentOrg';
import { LEVEL_COLORS, levelLabel } from '../labels';
import { useHome } from '../queries';
import type { OrgLevel } from '../types';

const OrgCountChart = lazy(() => import('../components/OrgCountChart'));

type CountedLevel = 'township' | 'village' | 'grid' | 'office';

const ORG_CARDS: { key: CountedLevel; label: string; icon: ReactNode }[] = [
  { key: 'township', label: '乡镇/街道', icon: <ApartmentOutlined /> },
  { key: 'village', label: '村/社区', icon: <HomeOutlined /> },
  { key: 'grid', label: '网格', icon: <FlagOutlined /> },
  { key: 'office', label: '科室', icon: <ShopOutlined /> },
];

const LEVEL_RANK: Record<OrgLevel, number> = {
  province: 0,
  city: 1,
  county: 2,
  township: 3,
  village: 4,
  office: 4,
  grid: 5,
};

interface StatProps {
  testId: string;
  title: string;
  value: number | undefined;
  icon: ReactNode;
  loading: boolean;
  color?: string;
  suffix?: string;
}

function StatCard(props: StatProps) {
  return (
    <Card size="small" className="stat-card" data-testid={props.testId}>
      <Statistic
        title={props.title}
        value={props.value ?? 0}
        loading={props.loading}
        prefix={<span aria-hidden>{props.icon}</span>}
        suffix={props.suffix}
        styles={props.color ? { content: { color: props.color } } : undefined}
      />
    </Card>
  );
}

export default function HomePage() {
  const { code, org } = useCurrentOrg();
  const home = useHome(code);
  const data = home.data;
  const loading = home.isPending;

  const name = data?.org.name ?? org?.name ?? '';
  const level = (data?.org.level ?? org?.level) as OrgLevel | undefined;
  // Only levels below the current org can be counted (a township has no townships below it).
  const orgCards = useMemo(
    () => ORG_CARDS.filter((card) => !level || LEVEL_RANK[card.key] > LEVEL_RANK[level]),
    [level],
  );

  const chartData = useMemo(
    () => (data ? orgCards.map((card) => ({ label: card.label, value: data.orgs[card.key] })) : []),
    [data, orgCards],
  );

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <HomeOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="home-org-name">
          {name}
        </Typography.Title>
        {level && <Tag color={LEVEL_COLORS[level]}>{levelLabel(level)}</Tag>}
        {code && (
          <Typography.Text type="secondary" copyable={{ text: code, tooltips: ['复制机构代码', '已复制'] }}>
            {code}
          </Typography.Text>
        )}
      </Flex>

      {home.isError && (
        <PageError title="首页数据加载失败" error={home.error} onRetry={() => home.refetch()} />
      )}

      {!home.isError && (
        <>
          <section aria-labelledby="home-orgs-title">
            <Typography.Title level={4} id="home-orgs-title" className="section-title">
              下辖机构
            </Typography.Title>
            {orgCards.length === 0 ? (
              <Typography.Text type="secondary">没有下级机构</Typography.Text>
            ) : (
              <Row gutter={[16, 16]}>
                {orgCards.map((card) => (
                  <Col key={card.key} xs={12} sm={12} md={orgCards.length >= 3 ? 24 / orgCards.length : 6}>
                    <StatCard
                      testId={`stat-${card.key}`}
                      title={card.label}
                      value={data?.orgs[card.key]}
                      icon={card.icon}
                      loading={loading}
                    />
                  </Col>
                ))}
              </Row>
            )}
          </section>

          <section aria-labelledby="home-work-title">
            <Typography.Title level={4} id="home-work-title" className="section-title">
              工作概况
            </Typography.Title>
            <Row gutter={[16, 16]}>
              <Col xs={12} sm={12} md={8} lg={{ flex: '20%' }}>
                <StatCard
                  testId="stat-users"
                  title="用户"
                  value={data?.users}
                  icon={<TeamOutlined />}
                  loading={loading}
                  suffix="人"
                />
              </Col>
              <Col xs={12} sm={12} md={8} lg={{ flex: '20%' }}>
                <StatCard
                  testId="stat-deadline-open"
                  title="期限进行中"
                  value={data?.deadlines.open}
                  icon={<ClockCircleOutlined />}
                  loading={loading}
                  suffix="项"
                />
              </Col>
              <Col xs={12} sm={12} md={8} lg={{ flex: '20%' }}>
                <StatCard
                  testId="stat-deadline-due-soon"
                  title="即将到期"
                  value={data?.deadlines.dueSoon}
                  icon={<FieldTimeOutlined />}
                  loading={loading}
                  suffix="项"
                  color={data && data.deadlines.dueSoon > 0 ? '#d46b08' : undefined}
                />
              </Col>
              <Col xs={12} sm={12} md={12} lg={{ flex: '20%' }}>
                <StatCard
                  testId="stat-deadline-overdue"
                  title="已逾期"
                  value={data?.deadlines.overdue}
                  icon={<ExclamationCircleOutlined />}
                  loading={loading}
                  suffix="项"
                  color={data && data.deadlines.overdue > 0 ? '#cf1322' : undefined}
                />
              </Col>
              <Col xs={24} sm={24} md={12} lg={{ flex: '20%' }}>
                <Link to="/supervision" className="stat-link" title="查看督办事项">
                  <StatCard
                    testId="stat-supervision-open"
                    title="督办未办结"
                    value={data?.supervision.open}
                    icon={<AlertOutlined />}
                    loading={loading}
                    suffix="项"
                    color={data && data.supervision.open > 0 ? '#cf1322' : undefined}
                  />
                </Link>
              </Col>
            </Row>
          </section>

          {orgCards.length > 1 && (
            <Card size="small" title="下辖机构分布">
              {data ? (
                <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
                  <OrgCountChart data={chartData} />
                </Suspense>
              ) : (
                <Skeleton active paragraph={{ rows: 4 }} />
              )}
            </Card>
          )}
        </>
      )}
    </Flex>
  );
}
