import {
  DownloadOutlined,
  FileExcelOutlined,
  PlusOutlined,
  ProfileOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { FigureCards, IndicatorBanner } from '../../ledger/FigureCards';
import { LedgerFilters } from '../../ledger/LedgerFilters';
import { queryString } from '../../ledger/queries';
import { useLedgerList } from '../../ledger/useLedgerList';
import { useIsMobile } from '../../useIsMobile';
import { BASE, DueText, type RequestRow, StatusTag, useDisclosureList, useDisclosureMeta } from './shared';

const FIGURE_IDS = [
  'disclosure.requestsReceived',
  'disclosure.requestsAnswered',
  'disclosure.onTimeReplyRate',
  'disclosure.answeredDisclosed',
] as const;
const FILTER_KEYS = ['status', 'channel', 'answerType', 'overdue'] as const;
const PAGE_SIZE = 20;

export default function RequestsPage() {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const list = useLedgerList({ filterKeys: FILTER_KEYS, pageSize: PAGE_SIZE });
  const { params, org, indicatorId } = list;
  const meta = useDisclosureMeta(org);
  const can = meta.data?.can;
  const data = useDisclosureList<RequestRow>('requests', list.apiParams, Boolean(org));
  const { page: _p, pageSize: _s, ...rest } = list.apiParams;
  const exportHref = `${BASE}/requests${queryString({ ...rest, format: 'xlsx' })}`;
  const indicatorName =
    (indicatorId && meta.data?.indicators.find((i) => i.id === indicatorId)?.name) || indicatorId;
  const opts = (v: readonly string[] | undefined) => (v ?? []).map((x) => ({ value: x, label: x }));

  const columns: TableColumnsType<RequestRow> = [
    {
      title: '编号',
      dataIndex: 'requestNo',
      key: 'requestNo',
      width: 150,
      render: (no: string, r) => (
        <Link to={`/disclosure/requests/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {no}
        </Link>
      ),
    },
    {
      title: '收到日期',
      dataIndex: 'receivedOn',
      key: 'receivedOn',
      width: 110,
      render: (v: string | null) => v ?? '待确认',
    },
    { title: '方式', dataIndex: 'channel', key: 'channel', width: 70 },
    { title: '申请人', dataIndex: 'applicantName', key: 'applicantName', width: 130, ellipsis: true },
    { title: '申请内容', dataIndex: 'content', key: 'content', ellipsis: true },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, r) => <StatusTag status={r.status} label={r.statusLabel} />,
    },
    { title: '答复期限', key: 'due', width: 170, render: (_, r) => <DueText r={r} /> },
    {
      title: '答复类型',
      dataIndex: 'answerType',
      key: 'answerType',
      width: 100,
      render: (v: string | null) => v ?? '—',
    },
  ];
  const compact: TableColumnsType<RequestRow> = [
    {
      title: '申请',
      key: 'r',
      render: (_, r) => (
        <Flex vertical gap={4}>
          <Flex gap={8} align="center" wrap="wrap">
            <Link to={`/disclosure/requests/${r.id}`}>{r.requestNo}</Link>
            <StatusTag status={r.status} label={r.statusLabel} />
          </Flex>
          <Typography.Text type="secondary">
            {r.receivedOn ?? '待确认收到'} · {r.channel} · {r.applicantName}
          </Typography.Text>
          <Typography.Text ellipsis>{r.content}</Typography.Text>
          <span>
            答复期限：
            <DueText r={r} />
          </span>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <ProfileOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          依申请公开
        </Typography.Title>
        {list.orgName && <Typography.Text type="secondary">{list.orgName}</Typography.Text>}
      </Flex>
      <Flex gap={8} wrap="wrap" className="toolbar">
        {can?.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/disclosure/requests/new')}>
            登记申请
          </Button>
        )}
        {can?.import && (
          <>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/disclosure/requests/import')}>
              导入台账
            </Button>
            <Button icon={<DownloadOutlined />} href={`${BASE}/requests/template.xlsx`} download>
              下载模板
            </Button>
          </>
        )}
        <Button icon={<FileExcelOutlined />} href={exportHref} download>
          导出 Excel
        </Button>
      </Flex>
      <FigureCards org={org} ids={FIGURE_IDS} />
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
          { key: 'channel', label: '申请方式', options: opts(meta.data?.requestChannels) },
          {
            key: 'answerType',
            label: '答复类型',
            options: opts(Object.keys(meta.data?.answerReasons ?? {})),
          },
        ]}
        dateLabel="收到日期"
        keywordPlaceholder="编号、申请内容"
        checks={[{ key: 'overdue', label: '仅逾期' }]}
      />
      {data.isError ? (
        <PageError title="依申请公开列表加载失败" error={data.error} onRetry={() => data.refetch()} />
      ) : (
        <Card size="small">
          {data.data && !data.isPlaceholderData && (
            <Typography.Paragraph type="secondary" role="status">
              共 <span data-testid="requests-total">{data.data.total}</span> 件申请
            </Typography.Paragraph>
          )}
          <Table<RequestRow>
            rowKey="id"
            size="middle"
            columns={isMobile ? compact : columns}
            showHeader={!isMobile}
            dataSource={data.data?.items ?? []}
            loading={data.isFetching}
            locale={{ emptyText: '暂无依申请公开记录' }}
            onRow={(r) => ({
              onClick: () => navigate(`/disclosure/requests/${r.id}`),
              className: 'clickable-row',
            })}
            pagination={{
              current: list.page,
              pageSize: PAGE_SIZE,
              total: data.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              simple: isMobile,
              onChange: (next) => list.update({ page: next > 1 ? String(next) : undefined }, false),
            }}
            scroll={isMobile ? undefined : { x: 1100 }}
            aria-label="依申请公开列表"
          />
        </Card>
      )}
    </Flex>
  );
}
