import { AimOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { PageError } from '../../../components/PageState';
import { rowsOf, usePortalInspections } from '../../../enforcement/queries';
import { EnforcementPortalNav } from './EnforcementPortalNav';

/** 双随机一公开: the published random inspections. No login. */
export default function PortalInspectionsPage() {
  const list = usePortalInspections({});
  const items = rowsOf(list.data);
  return (
    <Flex vertical gap={16} className="portal-page">
      <EnforcementPortalNav />
      <Flex align="center" gap={12}>
        <AimOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
          双随机抽查结果公开
        </Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开。每次抽取的随机种子一并公开，任何人都可以用同一种子重新抽取核验。
      </Typography.Paragraph>
      {list.isError && <PageError title="加载失败" error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {list.data && items.length === 0 && <Empty description="暂无公开的抽查结果" />}
      {items.length > 0 && (
        <ul className="warning-list" aria-label="双随机抽查">
          {items.map((i) => (
            <li key={i.id} style={{ marginBottom: 12 }}>
              <Link to={`/portal/law-enforcement/inspections/${i.id}`} className="portal-report-item">
                <Card size="small" hoverable>
                  <Flex vertical gap={4}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {i.title}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {i.orgName ?? ''} · 计划 {i.plannedOn} · 抽取 {i.targetCount} 户 · 公开日期{' '}
                      {i.publishedOn ?? '—'}
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
