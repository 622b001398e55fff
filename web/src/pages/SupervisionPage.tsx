import { AlertOutlined } from '@ant-design/icons';
import { Card, Flex, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { PageError } from '../components/PageState';
import { useCurrentOrg } from '../currentOrg';
import { SUPERVISION_STATUS } from '../labels';
import { useSupervision } from '../queries';
import type { SupervisionItem, SupervisionStatus } from '../types';
import { useIsMobile } from '../useIsMobile';

function StatusTag(props: { status: SupervisionStatus }) {
  const info = SUPERVISION_STATUS[props.status] ?? { label: props.status, color: 'default' };
  return <Tag color={info.color}>{info.label}</Tag>;
}

function Overdue(props: { item: SupervisionItem }) {
  const { daysOverdue, status } = props.item;
  if (daysOverdue <= 0) return <Typography.Text type="secondary">未逾期</Typography.Text>;
  return (
    <Typography.Text type={status === 'open' ? 'danger' : 'secondary'}>逾期 {daysOverdue} 天</Typography.Text>
  );
}

const columns: TableColumnsType<SupervisionItem> = [
  {
    title: '事项',
    dataIndex: 'title',
    key: 'title',
    ellipsis: true,
    width: 320,
  },
  {
    title: '承办机构',
    dataIndex: 'orgName',
    key: 'orgName',
    width: 160,
    render: (name: string, item) => <span title={item.orgCode}>{name}</span>,
  },
  {
    title: '交办日期',
    dataIndex: 'createdOn',
    key: 'createdOn',
    width: 120,
    sorter: (a, b) => a.createdOn.localeCompare(b.createdOn),
  },
  {
    title: '办理期限',
    dataIndex: 'dueOn',
    key: 'dueOn',
    width: 120,
    defaultSortOrder: 'ascend',
    sorter: (a, b) => a.dueOn.localeCompare(b.dueOn),
  },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 100,
    filters: (Object.keys(SUPERVISION_STATUS) as SupervisionStatus[]).map((s) => ({
      text: SUPERVISION_STATUS[s].label,
      value: s,
    })),
    onFilter: (value, item) => item.status === value,
    render: (status: SupervisionStatus) => <StatusTag status={status} />,
  },
  {
    title: '逾期',
    dataIndex: 'daysOverdue',
    key: 'daysOverdue',
    width: 110,
    sorter: (a, b) => a.daysOverdue - b.daysOverdue,
    render: (_: number, item) => <Overdue item={item} />,
  },
];

/** Phone width: one column with the details stacked under the title. */
const compactColumns: TableColumnsType<SupervisionItem> = [
  {
    title: '事项',
    key: 'item',
    render: (_, item) => (
      <Flex vertical gap={4}>
        <Typography.Text strong>{item.title}</Typography.Text>
        <Typography.Text type="secondary">
          {item.orgName} · 期限 {item.dueOn}
        </Typography.Text>
        <Space size={8} wrap>
          <StatusTag status={item.status} />
          <Overdue item={item} />
        </Space>
      </Flex>
    ),
  },
];

export default function SupervisionPage() {
  const isMobile = useIsMobile();
  const { code, org } = useCurrentOrg();
  const query = useSupervision(code);
  const items = query.data?.items ?? [];
  const openCount = items.filter((i) => i.status === 'open').length;
  const overdueCount = items.filter((i) => i.status === 'open' && i.daysOverdue > 0).length;

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <AlertOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          督办事项
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      {query.isError ? (
        <PageError title="督办事项加载失败" error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Card size="small">
          {query.data && (
            <Typography.Paragraph type="secondary" role="status">
              共 {items.length} 项，督办中 {openCount} 项，其中逾期 {overdueCount} 项
            </Typography.Paragraph>
          )}
          <Table<SupervisionItem>
            rowKey="id"
            size="middle"
            columns={isMobile ? compactColumns : columns}
            dataSource={items}
            loading={query.isPending}
            locale={{ emptyText: '暂无督办事项' }}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={isMobile ? undefined : { x: 930 }}
            aria-label="督办事项列表"
          />
        </Card>
      )}
    </Flex>
  );
}
