import {
  AlertFilled,
  CommentOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  PlusOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { StatusTag } from '../../disputes/labels';
import { BASE, useDisputeCases, useDisputesMeta } from '../../disputes/queries';
import type { DisputeListItem } from '../../disputes/types';
import { FigureCards, IndicatorBanner } from '../../ledger/FigureCards';
import { LedgerFilters } from '../../ledger/LedgerFilters';
import { useLedgerList } from '../../ledger/useLedgerList';
import { useIsMobile } from '../../useIsMobile';

const FIGURE_IDS = [
  'disputes.screened',
  'disputes.accepted',
  'disputes.resolved',
  'disputes.resolutionRate',
] as const;

/** URL parameters passed straight to the list API (besides from/to/q and the drill-down). */
const FILTER_KEYS = ['status', 'category', 'source', 'warning', 'overdue'] as const;
const PAGE_SIZE = 20;

function shortName(name: string): string {
  return name.replace(/^矛盾纠纷/, '') || name;
}

function WarningMark(props: { on: boolean }) {
  if (!props.on) return null;
  return (
    <Tooltip title="预警：同一当事人或同一地点多次纠纷，或高风险未化解">
      <AlertFilled className="dispute-warning-icon" aria-label="预警" role="img" />
    </Tooltip>
  );
}

export default function DisputesListPage() {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const list = useLedgerList({ filterKeys: FILTER_KEYS, pageSize: PAGE_SIZE });
  const { params, org, indicatorId } = list;
  const meta = useDisputesMeta(org);
  const can = meta.data?.can;
  const cases = useDisputeCases(list.apiParams, Boolean(org));

  const indicatorName =
    (indicatorId && meta.data?.indicators.find((i) => i.id === indicatorId)?.name) || indicatorId;

  const options = (values: readonly string[] | undefined) =>
    (values ?? []).map((v) => ({ value: v, label: v }));

  const columns: TableColumnsType<DisputeListItem> = [
    {
      title: '编号',
      dataIndex: 'caseNo',
      key: 'caseNo',
      width: 150,
      render: (caseNo: string, item) => (
        <Link to={`/disputes/${item.id}`} onClick={(e) => e.stopPropagation()}>
          {caseNo}
        </Link>
      ),
    },
    { title: '登记日期', dataIndex: 'receivedOn', key: 'receivedOn', width: 110 },
    { title: '村/社区', dataIndex: 'orgName', key: 'orgName', width: 150, ellipsis: true },
    { title: '类型', dataIndex: 'category', key: 'category', width: 110 },
    { title: '当事人', dataIndex: 'partyNames', key: 'partyNames', width: 160, ellipsis: true },
    { title: '简要情况', dataIndex: 'summary', key: 'summary', ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (_: string, item) => <StatusTag status={item.status} label={item.statusLabel} />,
    },
    {
      title: '预警',
      dataIndex: 'warning',
      key: 'warning',
      width: 64,
      align: 'center',
      render: (on: boolean) => <WarningMark on={on} />,
    },
  ];

  const compactColumns: TableColumnsType<DisputeListItem> = [
    {
      title: '纠纷',
      key: 'item',
      render: (_, item) => (
        <Flex vertical gap={4} className="dispute-card">
          <Flex align="center" gap={8} wrap="wrap">
            <Link
              to={`/disputes/${item.id}`}
              onClick={(e) => e.stopPropagation()}
              className="dispute-card-no"
            >
              {item.caseNo}
            </Link>
            <StatusTag status={item.status} label={item.statusLabel} />
            <WarningMark on={item.warning} />
          </Flex>
          <Typography.Text type="secondary">
            {item.receivedOn} · {item.orgName} · {item.category}
          </Typography.Text>
          {item.partyNames && <Typography.Text>当事人：{item.partyNames}</Typography.Text>}
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className="dispute-card-summary">
            {item.summary}
          </Typography.Paragraph>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <TeamOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          矛盾纠纷台账
        </Typography.Title>
        {list.orgName && (
          <Typography.Text type="secondary" data-testid="disputes-org-name">
            {list.orgName}
          </Typography.Text>
        )}
      </Flex>

      <Flex gap={8} wrap="wrap" className="toolbar">
        {can?.register && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/disputes/new')}>
            登记纠纷
          </Button>
        )}
        {can?.import && (
          <>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/disputes/import')}>
              导入台账
            </Button>
            <Button icon={<DownloadOutlined />} href={`${BASE}/template.xlsx`} download>
              下载模板
            </Button>
          </>
        )}
        <Button icon={<FileExcelOutlined />} href={list.exportHref(BASE)} download>
          导出 Excel
        </Button>
        {can?.meeting && (
          <Button icon={<ScheduleOutlined />} onClick={() => navigate('/disputes/meetings')}>
            排查会
          </Button>
        )}
        {can?.consult && (
          <Button icon={<CommentOutlined />} onClick={() => navigate('/disputes/consultations')}>
            法律咨询
          </Button>
        )}
      </Flex>

      <FigureCards org={org} ids={FIGURE_IDS} shortName={shortName} />

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
          { key: 'category', label: '纠纷类型', options: options(meta.data?.categories) },
          { key: 'source', label: '来源', options: options(meta.data?.sources) },
        ]}
        dateLabel="登记日期"
        keywordPlaceholder="编号、当事人、情况"
        checks={[
          { key: 'warning', label: '仅预警' },
          { key: 'overdue', label: '仅逾期' },
        ]}
      />

      {cases.isError ? (
        <PageError title="纠纷列表加载失败" error={cases.error} onRetry={() => cases.refetch()} />
      ) : (
        <Card size="small">
          {cases.data && !cases.isPlaceholderData && (
            <Typography.Paragraph type="secondary" role="status" data-testid="disputes-total">
              共 <span data-testid="disputes-total-count">{cases.data.total}</span> 起纠纷
            </Typography.Paragraph>
          )}
          <Table<DisputeListItem>
            rowKey="id"
            size="middle"
            className="dispute-table"
            columns={isMobile ? compactColumns : columns}
            showHeader={!isMobile}
            tableLayout={isMobile ? 'fixed' : undefined}
            dataSource={cases.data?.items ?? []}
            loading={cases.isFetching}
            locale={{ emptyText: '暂无纠纷记录' }}
            onRow={(item) => ({
              onClick: () => navigate(`/disputes/${item.id}`),
              className: 'clickable-row',
            })}
            pagination={{
              current: list.page,
              pageSize: PAGE_SIZE,
              total: cases.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              simple: isMobile,
              showTotal: isMobile ? undefined : (total) => `共 ${total} 条`,
              onChange: (next) => list.update({ page: next > 1 ? String(next) : undefined }, false),
            }}
            scroll={isMobile ? undefined : { x: 1000 }}
            aria-label="矛盾纠纷列表"
          />
        </Card>
      )}
    </Flex>
  );
}
