import {
  DownloadOutlined,
  FileExcelOutlined,
  MailOutlined,
  PlusOutlined,
  RetweetOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { FigureCards, IndicatorBanner } from '../../ledger/FigureCards';
import { LedgerFilters } from '../../ledger/LedgerFilters';
import { useLedgerList } from '../../ledger/useLedgerList';
import { StatusTag } from '../../petitions/labels';
import { BASE, usePetitionCases, usePetitionsMeta } from '../../petitions/queries';
import type { PetitionListItem } from '../../petitions/types';
import { useIsMobile } from '../../useIsMobile';

const FIGURE_IDS = [
  'petitions.count',
  'petitions.batches',
  'petitions.persons',
  'petitions.onTimeCloseRate',
  'petitions.resolutionRate',
] as const;

/** URL parameters passed straight to the list API (besides from/to/q and the drill-down). */
const FILTER_KEYS = ['status', 'channel', 'category', 'repeat', 'overdue'] as const;
const PAGE_SIZE = 20;

function RepeatMark(props: { on: boolean }) {
  if (!props.on) return null;
  return (
    <Tooltip title="重复信访：同一信访人就同一事项再次提出">
      <Tag color="volcano" icon={<RetweetOutlined />} style={{ marginInlineEnd: 0 }}>
        重复
      </Tag>
    </Tooltip>
  );
}

/** 下一期限: the earliest open statutory limit, red once it has passed. */
function NextDue(props: { item: PetitionListItem }) {
  const { nextDue, overdue } = props.item;
  if (!nextDue) return <Typography.Text type="secondary">—</Typography.Text>;
  return overdue ? (
    <Typography.Text type="danger" strong className="due-overdue">
      {nextDue}（逾期）
    </Typography.Text>
  ) : (
    <span>{nextDue}</span>
  );
}

/** 走访 counts 批次/人次; other channels one 件. */
function channelText(item: PetitionListItem): string {
  if (item.channel === '走访' || item.channel === '领导接访') {
    return item.personCount > 1 ? `${item.channel}（${item.personCount}人）` : item.channel;
  }
  return item.channel;
}

export default function PetitionsListPage() {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const list = useLedgerList({ filterKeys: FILTER_KEYS, pageSize: PAGE_SIZE });
  const { params, org, indicatorId } = list;
  const meta = usePetitionsMeta(org);
  const can = meta.data?.can;
  const cases = usePetitionCases(list.apiParams, Boolean(org));

  const indicatorName =
    (indicatorId && meta.data?.indicators.find((i) => i.id === indicatorId)?.name) || indicatorId;
  const options = (values: readonly string[] | undefined) =>
    (values ?? []).map((v) => ({ value: v, label: v }));
  const open = (item: PetitionListItem) => navigate(`/petitions/${item.id}`);

  const columns: TableColumnsType<PetitionListItem> = [
    {
      title: '编号',
      dataIndex: 'petitionNo',
      key: 'petitionNo',
      width: 160,
      render: (no: string, item) => (
        <Link to={`/petitions/${item.id}`} onClick={(e) => e.stopPropagation()}>
          {no}
        </Link>
      ),
    },
    { title: '来信来访日期', dataIndex: 'receivedOn', key: 'receivedOn', width: 120 },
    {
      title: '形式',
      dataIndex: 'channel',
      key: 'channel',
      width: 120,
      render: (_: string, item) => channelText(item),
    },
    { title: '信访人', dataIndex: 'petitionerNames', key: 'petitionerNames', width: 140, ellipsis: true },
    {
      title: '事项',
      dataIndex: 'subject',
      key: 'subject',
      ellipsis: true,
      render: (subject: string, item) => (
        <Flex gap={6} align="center" className="petition-subject">
          <RepeatMark on={item.isRepeat} />
          <span className="petition-subject-text" title={`${item.category}：${subject}`}>
            {subject}
          </span>
        </Flex>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 150,
      render: (_: string, item) => (
        <Flex gap={4} wrap="wrap">
          <StatusTag status={item.status} label={item.statusLabel} />
          {item.resolved && (
            <Tag color="green" style={{ marginInlineEnd: 0 }}>
              已化解
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: '下一期限',
      dataIndex: 'nextDue',
      key: 'nextDue',
      width: 160,
      render: (_: string, item) => <NextDue item={item} />,
    },
  ];

  const compactColumns: TableColumnsType<PetitionListItem> = [
    {
      title: '信访件',
      key: 'item',
      render: (_, item) => (
        <Flex vertical gap={4} className="dispute-card">
          <Flex align="center" gap={8} wrap="wrap">
            <Link
              to={`/petitions/${item.id}`}
              onClick={(e) => e.stopPropagation()}
              className="dispute-card-no"
            >
              {item.petitionNo}
            </Link>
            <StatusTag status={item.status} label={item.statusLabel} />
            {item.resolved && (
              <Tag color="green" style={{ marginInlineEnd: 0 }}>
                已化解
              </Tag>
            )}
            <RepeatMark on={item.isRepeat} />
          </Flex>
          <Typography.Text type="secondary">
            {item.receivedOn} · {channelText(item)} · {item.category}
          </Typography.Text>
          <Typography.Text>
            {item.petitionerNames && <>信访人：{item.petitionerNames} · </>}
            {item.subject}
          </Typography.Text>
          {item.nextDue && (
            <Typography.Text type="secondary">
              下一期限：
              <NextDue item={item} />
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <MailOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          信访台账
        </Typography.Title>
        {list.orgName && (
          <Typography.Text type="secondary" data-testid="petitions-org-name">
            {list.orgName}
          </Typography.Text>
        )}
      </Flex>

      <Flex gap={8} wrap="wrap" className="toolbar">
        {can?.register && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/petitions/new')}>
            登记信访
          </Button>
        )}
        {can?.import && (
          <>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/petitions/import')}>
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
      </Flex>

      <FigureCards org={org} ids={FIGURE_IDS} perRow={5} />

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
          { key: 'channel', label: '信访形式', options: options(meta.data?.channels) },
          { key: 'category', label: '信访类别', options: options(meta.data?.categories) },
        ]}
        dateLabel="来信来访日期"
        keywordPlaceholder="编号、信访人、事项"
        checks={[
          { key: 'repeat', label: '仅重复信访' },
          { key: 'overdue', label: '仅逾期' },
        ]}
      />

      {cases.isError ? (
        <PageError title="信访列表加载失败" error={cases.error} onRetry={() => cases.refetch()} />
      ) : (
        <Card size="small">
          {cases.data && !cases.isPlaceholderData && (
            <Typography.Paragraph type="secondary" role="status" data-testid="petitions-total">
              共 <span data-testid="petitions-total-count">{cases.data.total}</span> 件信访
            </Typography.Paragraph>
          )}
          <Table<PetitionListItem>
            rowKey="id"
            size="middle"
            className="dispute-table petition-table"
            columns={isMobile ? compactColumns : columns}
            showHeader={!isMobile}
            tableLayout={isMobile ? 'fixed' : undefined}
            dataSource={cases.data?.items ?? []}
            loading={cases.isFetching}
            locale={{ emptyText: '暂无信访记录' }}
            onRow={(item) => ({ onClick: () => open(item), className: 'clickable-row' })}
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
            aria-label="信访列表"
          />
        </Card>
      )}
    </Flex>
  );
}
