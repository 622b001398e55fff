import { PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { useDecisions, useDecisionsMeta } from '../../decisions/queries';
import type { DecisionListItem } from '../../decisions/types';
import { FigureCards, IndicatorBanner } from '../../ledger/FigureCards';
import { LedgerFilters } from '../../ledger/LedgerFilters';
import { useLedgerList } from '../../ledger/useLedgerList';

const FILTER_KEYS = ['status', 'kind'] as const;
const PAGE_SIZE = 20;

export default function DecisionsListPage() {
  const navigate = useNavigate();
  const list = useLedgerList({ filterKeys: FILTER_KEYS, pageSize: PAGE_SIZE });
  const { params, org, indicatorId } = list;
  const meta = useDecisionsMeta(org);
  const rows = useDecisions(list.apiParams, Boolean(org));
  const figureIds = (meta.data?.indicators ?? [])
    .map((i) => i.id)
    .filter((i) => i !== 'decisions.discussed')
    .slice(0, 5);
  const indicatorName =
    (indicatorId && meta.data?.indicators.find((i) => i.id === indicatorId)?.name) || indicatorId;

  const columns: TableColumnsType<DecisionListItem> = [
    {
      title: '编号',
      dataIndex: 'decisionNo',
      width: 170,
      render: (no: string, item) => (
        <Link to={`/decisions/${item.id}`} onClick={(e) => e.stopPropagation()}>
          {no}
        </Link>
      ),
    },
    { title: '决策事项', dataIndex: 'title', width: 280, ellipsis: true },
    {
      title: '类型',
      key: 'kind',
      width: 150,
      render: (_, i) =>
        i.kind === '三重一大' ? (
          <Tag color="purple">三重一大 · {i.matter}</Tag>
        ) : (
          <Tag>{i.inCatalogue ? '目录内' : '目录外'}</Tag>
        ),
    },
    { title: '决策机关', dataIndex: 'orgName', width: 120 },
    { title: '承办单位', dataIndex: 'sponsorUnit', width: 150, ellipsis: true },
    { title: '启动', dataIndex: 'launchedOn', width: 110 },
    { title: '合法性审查', dataIndex: 'legalResult', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'statusLabel', width: 110, render: (v: string) => <Tag>{v}</Tag> },
    { title: '决定日期', dataIndex: 'decidedOn', width: 110, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <ScheduleOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          重大行政决策
        </Typography.Title>
        {list.orgName && <Typography.Text type="secondary">{list.orgName}</Typography.Text>}
      </Flex>
      <Flex gap={8} wrap="wrap" className="toolbar">
        {meta.data?.can.handle && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/decisions/new')}>
            新建决策事项
          </Button>
        )}
        <Button onClick={() => navigate('/decisions/catalogue')}>年度决策事项目录</Button>
      </Flex>
      {figureIds.length > 0 && <FigureCards org={org} ids={figureIds} perRow={5} />}
      {indicatorId && (
        <IndicatorBanner
          name={indicatorName ?? ''}
          part={params.get('part')}
          from={params.get('from')}
          to={params.get('to')}
          onClear={list.clearIndicator}
        />
      )}
      <LedgerFilters
        state={list}
        selects={[
          { key: 'status', label: '状态', options: meta.data?.statuses ?? [] },
          {
            key: 'kind',
            label: '类型',
            options: (meta.data?.kinds ?? []).map((k) => ({ value: k, label: k })),
          },
        ]}
        dateLabel="启动日期"
        keywordPlaceholder="编号、事项名称、承办单位"
        checks={[]}
      />
      {rows.isError ? (
        <PageError title="决策列表加载失败" error={rows.error} onRetry={() => rows.refetch()} />
      ) : (
        <Card size="small">
          <Table<DecisionListItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows.data?.items ?? []}
            loading={rows.isFetching}
            locale={{ emptyText: '暂无决策事项' }}
            onRow={(item) => ({
              onClick: () => navigate(`/decisions/${item.id}`),
              className: 'clickable-row',
            })}
            pagination={{
              current: list.page,
              pageSize: PAGE_SIZE,
              total: rows.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (next) => list.update({ page: next > 1 ? String(next) : undefined }, false),
            }}
            scroll={{ x: 1100 }}
            aria-label="重大行政决策列表"
          />
        </Card>
      )}
    </Flex>
  );
}
