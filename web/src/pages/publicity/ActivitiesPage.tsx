import { FileExcelOutlined, PlusOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { FigureCards, IndicatorBanner } from '../../ledger/FigureCards';
import { LedgerFilters } from '../../ledger/LedgerFilters';
import { queryString } from '../../ledger/queries';
import { useLedgerList } from '../../ledger/useLedgerList';
import { useIsMobile } from '../../useIsMobile';
import { type Activity, BASE, dash, useActivities, usePublicityMeta } from './queries';

const FILTER_KEYS = ['theme', 'venueType', 'form', 'month', 'duty'] as const;
const PAGE_SIZE = 20;
const FIGURES = [
  'publicity.activities',
  'publicity.inSchools',
  'publicity.reach',
  'publicity.materials',
  'publicity.dutyCompletion',
];

/** 普法宣传活动台账: filters (主题, 六进, 形式, 月份), figures with drill-down, export, import, new. */
export default function ActivitiesPage() {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const list = useLedgerList({ filterKeys: FILTER_KEYS, pageSize: PAGE_SIZE });
  const { params, org, indicatorId } = list;
  const meta = usePublicityMeta(org);
  const can = meta.data?.can;
  const data = useActivities(list.apiParams, Boolean(org));
  const indicatorName =
    (indicatorId && meta.data?.indicators.find((i) => i.id === indicatorId)?.name) || indicatorId;
  const { page: _p, pageSize: _s, ...exportParams } = list.apiParams;
  const month = params.get('month');

  const columns: TableColumnsType<Activity> = [
    { title: '日期', dataIndex: 'heldOn', key: 'heldOn', width: 110 },
    {
      title: '活动名称',
      dataIndex: 'title',
      key: 'title',
      ellipsis: true,
      render: (t: string, a) => (
        <Link to={`/publicity/${a.id}`} onClick={(e) => e.stopPropagation()}>
          {t}
        </Link>
      ),
    },
    {
      title: '单位',
      key: 'org',
      width: 170,
      render: (_, a) =>
        a.orgName && a.orgName !== a.township ? `${a.township ?? ''}·${a.orgName}` : (a.township ?? '—'),
    },
    {
      title: '主题',
      dataIndex: 'themes',
      key: 'themes',
      width: 180,
      render: (ts: string[]) => ts.map((t) => <Tag key={t}>{t}</Tag>),
    },
    { title: '形式', dataIndex: 'form', key: 'form', width: 90 },
    { title: '六进', dataIndex: 'venueType', key: 'venueType', width: 110 },
    { title: '受众(人次)', dataIndex: 'reach', key: 'reach', width: 100, align: 'right' },
    { title: '资料(份)', dataIndex: 'materials', key: 'materials', width: 90, align: 'right' },
    { title: '责任单位', dataIndex: 'dutyUnit', key: 'dutyUnit', width: 120, render: dash },
    { title: '照片', dataIndex: 'photos', key: 'photos', width: 60, render: (n: number) => (n ? n : '—') },
  ];
  const compact: TableColumnsType<Activity> = [
    {
      title: '活动',
      key: 'item',
      render: (_, a) => (
        <Flex vertical gap={4}>
          <Link to={`/publicity/${a.id}`}>{a.title}</Link>
          <Typography.Text type="secondary">
            {a.heldOn} · {a.orgName ?? a.township} · {a.form} · {a.venueType}
          </Typography.Text>
          <Typography.Text>
            {a.themes.join('、')} · {a.reach}人次
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <TeamOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          普法宣传活动
        </Typography.Title>
        {list.orgName && <Typography.Text type="secondary">{list.orgName}</Typography.Text>}
      </Flex>

      <Flex gap={8} wrap="wrap" className="toolbar">
        {can?.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/publicity/new')}>
            登记活动
          </Button>
        )}
        {can?.import && (
          <Button icon={<UploadOutlined />} onClick={() => navigate('/publicity/import')}>
            导入活动台账
          </Button>
        )}
        <Button
          icon={<FileExcelOutlined />}
          href={`${BASE}/activities${queryString({ ...exportParams, format: 'xlsx' })}`}
          download
        >
          导出 Excel
        </Button>
      </Flex>

      <FigureCards org={org} ids={FIGURES} perRow={5} />

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
          {
            key: 'theme',
            label: '宣传主题',
            options: (meta.data?.themes ?? []).map((t) => ({ value: t.value, label: t.value })),
          },
          {
            key: 'venueType',
            label: '法律六进',
            options: (meta.data?.venueTypes ?? []).map((v) => ({ value: v, label: v })),
          },
          {
            key: 'form',
            label: '形式',
            options: (meta.data?.forms ?? []).map((v) => ({ value: v, label: v })),
          },
        ]}
        dateLabel="活动日期"
        keywordPlaceholder="活动名称、地点、主办单位"
        checks={[]}
      />
      <Flex gap={12} align="center" wrap="wrap">
        <DatePicker
          picker="month"
          aria-label="月份"
          placeholder="按月份"
          value={month ? dayjs(`${month}-01`) : null}
          onChange={(d) => list.update({ month: d ? d.format('YYYY-MM') : undefined })}
        />
        <Statistic title="活动" value={data.data?.total ?? 0} suffix="场" />
        <Statistic title="受众" value={data.data?.reach ?? 0} suffix="人次" />
        <Statistic title="发放资料" value={data.data?.materials ?? 0} suffix="份" />
      </Flex>

      {data.isError ? (
        <PageError title="活动列表加载失败" error={data.error} onRetry={() => data.refetch()} />
      ) : (
        <Card size="small">
          {data.data && !data.isPlaceholderData && (
            <Typography.Paragraph type="secondary" role="status">
              共 <span data-testid="publicity-total">{data.data.total}</span> 场活动
            </Typography.Paragraph>
          )}
          <Table<Activity>
            rowKey="id"
            size="middle"
            columns={isMobile ? compact : columns}
            showHeader={!isMobile}
            dataSource={data.data?.items ?? []}
            loading={data.isFetching}
            locale={{ emptyText: '暂无普法活动' }}
            onRow={(a) => ({ onClick: () => navigate(`/publicity/${a.id}`), className: 'clickable-row' })}
            pagination={{
              current: list.page,
              pageSize: PAGE_SIZE,
              total: data.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              simple: isMobile,
              showTotal: isMobile ? undefined : (t) => `共 ${t} 条`,
              onChange: (next) => list.update({ page: next > 1 ? String(next) : undefined }, false),
            }}
            scroll={isMobile ? undefined : { x: 1200 }}
            aria-label="普法活动列表"
          />
        </Card>
      )}
    </Flex>
  );
}
