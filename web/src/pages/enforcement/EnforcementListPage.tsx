import { FileExcelOutlined, PlusOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { MajorTag, options, PROCEDURE_OPTIONS, StatusTag, yuan } from '../../enforcement/labels';
import { BASE, useEnforcementCases, useEnforcementMeta } from '../../enforcement/queries';
import type { CaseListItem } from '../../enforcement/types';
import { FigureCards, IndicatorBanner } from '../../ledger/FigureCards';
import { LedgerFilters } from '../../ledger/LedgerFilters';
import { useLedgerList } from '../../ledger/useLedgerList';
import { useIsMobile } from '../../useIsMobile';

const FILTER_KEYS = ['status', 'procedure', 'itemType', 'major', 'overdue'] as const;
const PAGE_SIZE = 20;

function NextDue(props: { item: CaseListItem }) {
  const { nextDue, overdue } = props.item;
  if (!nextDue) return <Typography.Text type="secondary">—</Typography.Text>;
  return overdue ? (
    <Typography.Text type="danger" strong>
      {nextDue}（逾期）
    </Typography.Text>
  ) : (
    <span>{nextDue}</span>
  );
}

export default function EnforcementListPage() {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const list = useLedgerList({ filterKeys: FILTER_KEYS, pageSize: PAGE_SIZE });
  const { params, org, indicatorId } = list;
  const meta = useEnforcementMeta(org);
  const can = meta.data?.can;
  const cases = useEnforcementCases(list.apiParams, Boolean(org));
  const figureIds = (meta.data?.indicators ?? []).slice(0, 5).map((i) => i.id);
  const indicatorName =
    (indicatorId && meta.data?.indicators.find((i) => i.id === indicatorId)?.name) || indicatorId;

  const columns: TableColumnsType<CaseListItem> = [
    {
      title: '案号',
      dataIndex: 'caseNo',
      key: 'caseNo',
      width: 170,
      render: (no: string, item) => (
        <Link to={`/enforcement/${item.id}`} onClick={(e) => e.stopPropagation()}>
          {no}
        </Link>
      ),
    },
    { title: '立案日期', dataIndex: 'filedOn', key: 'filedOn', width: 110 },
    { title: '程序', dataIndex: 'procedureLabel', key: 'procedure', width: 90 },
    { title: '执法事项', dataIndex: 'itemName', key: 'itemName', width: 200, ellipsis: true },
    { title: '当事人', dataIndex: 'partyName', key: 'partyName', width: 140, ellipsis: true },
    { title: '案由', dataIndex: 'summary', key: 'summary', ellipsis: true },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, item) => (
        <Flex gap={4} wrap="wrap">
          <StatusTag status={item.status} label={item.statusLabel} />
          <MajorTag major={item.major} />
        </Flex>
      ),
    },
    {
      title: '罚款',
      dataIndex: 'fineAmount',
      key: 'fine',
      width: 110,
      render: (v: number | null) => yuan(v),
    },
    { title: '下一期限', key: 'nextDue', width: 150, render: (_, item) => <NextDue item={item} /> },
  ];

  const compactColumns: TableColumnsType<CaseListItem> = [
    {
      title: '案件',
      key: 'item',
      render: (_, item) => (
        <Flex vertical gap={4} className="dispute-card">
          <Flex align="center" gap={8} wrap="wrap">
            <Link
              to={`/enforcement/${item.id}`}
              onClick={(e) => e.stopPropagation()}
              className="dispute-card-no"
            >
              {item.caseNo}
            </Link>
            <StatusTag status={item.status} label={item.statusLabel} />
            <MajorTag major={item.major} />
          </Flex>
          <Typography.Text type="secondary">
            {item.filedOn} · {item.procedureLabel} · {item.itemName}
          </Typography.Text>
          <Typography.Text>
            {item.partyName} · {item.summary}
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
        <SafetyOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          执法案件
        </Typography.Title>
        {list.orgName && <Typography.Text type="secondary">{list.orgName}</Typography.Text>}
      </Flex>

      <Flex gap={8} wrap="wrap" className="toolbar">
        {can?.handle && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/enforcement/new')}>
            新建案件
          </Button>
        )}
        <Button icon={<FileExcelOutlined />} href={list.exportHref(BASE)} download>
          导出 Excel
        </Button>
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
          { key: 'procedure', label: '程序', options: PROCEDURE_OPTIONS },
          { key: 'itemType', label: '事项类型', options: options(meta.data?.itemTypes) },
        ]}
        dateLabel="立案日期"
        keywordPlaceholder="案号、当事人、案由"
        checks={[
          { key: 'major', label: '仅重大执法决定' },
          { key: 'overdue', label: '仅逾期' },
        ]}
      />

      {cases.isError ? (
        <PageError title="案件列表加载失败" error={cases.error} onRetry={() => cases.refetch()} />
      ) : (
        <Card size="small">
          {cases.data && !cases.isPlaceholderData && (
            <Typography.Paragraph type="secondary" role="status">
              共 <span data-testid="enforcement-total">{cases.data.total}</span> 件案件
            </Typography.Paragraph>
          )}
          <Table<CaseListItem>
            rowKey="id"
            size="middle"
            className="dispute-table"
            columns={isMobile ? compactColumns : columns}
            showHeader={!isMobile}
            tableLayout={isMobile ? 'fixed' : undefined}
            dataSource={cases.data?.items ?? []}
            loading={cases.isFetching}
            locale={{ emptyText: '暂无执法案件' }}
            onRow={(item) => ({
              onClick: () => navigate(`/enforcement/${item.id}`),
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
            scroll={isMobile ? undefined : { x: 1200 }}
            aria-label="执法案件列表"
          />
        </Card>
      )}
    </Flex>
  );
}
