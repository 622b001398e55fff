import { FileExcelOutlined, FileProtectOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { FigureCards, IndicatorBanner } from '../../ledger/FigureCards';
import { LedgerFilters } from '../../ledger/LedgerFilters';
import { queryString } from '../../ledger/queries';
import { useLedgerList } from '../../ledger/useLedgerList';
import { BASE, useDocuments, useNormdocsMeta } from '../../normdocs/queries';
import { EFFECT_COLORS } from '../../normdocs/steps';
import type { DocumentListItem } from '../../normdocs/types';

const FIGURE_IDS = [
  'normdocs.issued',
  'normdocs.reviewRate',
  'normdocs.filingRate',
  'normdocs.filingOnTimeRate',
  'normdocs.filingPassRate',
] as const;
const FILTER_KEYS = ['status', 'docType', 'inForce', 'unfiled'] as const;
const PAGE_SIZE = 20;

/** 发文台账: every normative document of the org's subtree, with its review, number, filing and effect. */
export default function NormdocsListPage() {
  const navigate = useNavigate();
  const list = useLedgerList({ filterKeys: FILTER_KEYS, pageSize: PAGE_SIZE });
  const { params, org, indicatorId } = list;
  const meta = useNormdocsMeta(org);
  const can = meta.data?.can;
  const docs = useDocuments(list.apiParams, Boolean(org));
  const indicatorName =
    (indicatorId && meta.data?.indicators.find((i) => i.id === indicatorId)?.name) || indicatorId;
  const { page: _p, pageSize: _s, ...rest } = list.apiParams;
  const exportHref = `${BASE}/documents${queryString({ ...rest, format: 'xlsx' })}`;

  const columns: TableColumnsType<DocumentListItem> = [
    {
      title: '统一登记号',
      dataIndex: 'registrationNo',
      key: 'registrationNo',
      width: 170,
      render: (no: string | null, d) => (
        <Link to={`/normdocs/${d.id}`} onClick={(e) => e.stopPropagation()}>
          {no ?? '(未登记)'}
        </Link>
      ),
    },
    {
      title: '文件名称',
      dataIndex: 'title',
      key: 'title',
      ellipsis: true,
      render: (title: string, d) => (
        <Flex gap={6} align="center">
          {d.temporary && <Tag color="orange">暂行/试行</Tag>}
          <span title={title}>{title}</span>
        </Flex>
      ),
    },
    { title: '制定机关', dataIndex: 'orgName', key: 'orgName', width: 110, ellipsis: true },
    { title: '发文字号', dataIndex: 'docNo', key: 'docNo', width: 150, ellipsis: true },
    { title: '公布日期', dataIndex: 'publishedOn', key: 'publishedOn', width: 110 },
    { title: '有效期至', dataIndex: 'validUntil', key: 'validUntil', width: 110 },
    {
      title: '报备',
      key: 'filing',
      width: 150,
      render: (_: unknown, d) =>
        d.filedOn ? (
          <Flex gap={4} wrap="wrap">
            <span>{d.filedOn}</span>
            {d.filingLate && <Tag color="orange">逾期报备</Tag>}
            {d.filingResult && (
              <Tag color={d.filingResult === '合格' ? 'green' : 'red'}>{d.filingResult}</Tag>
            )}
          </Flex>
        ) : d.publishedOn ? (
          <Typography.Text type={d.filingLate ? 'danger' : 'secondary'}>
            {d.filingLate ? `逾期未报(应于${d.filingDueOn}前)` : `待报备(${d.filingDueOn}前)`}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '状态',
      dataIndex: 'effect',
      key: 'effect',
      width: 110,
      render: (effect: string) => <Tag color={EFFECT_COLORS[effect] ?? 'default'}>{effect}</Tag>,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          行政规范性文件发文台账
        </Typography.Title>
        <Flex gap={8} wrap="wrap">
          <Button icon={<FileProtectOutlined />} onClick={() => navigate('/normdocs/filings')}>
            备案审查
          </Button>
          {can?.import && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/normdocs/import')}>
              导入台账
            </Button>
          )}
          <Button icon={<FileExcelOutlined />} href={exportHref}>
            导出Excel
          </Button>
          {can?.draft && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/normdocs/new')}>
              起草文件
            </Button>
          )}
        </Flex>
      </Flex>
      <FigureCards org={org} ids={FIGURE_IDS} perRow={5} shortName={(n) => n.replace(/^规范性文件/, '')} />
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
          { key: 'status', label: '环节', options: meta.data?.statuses ?? [] },
          {
            key: 'docType',
            label: '文件类型',
            options: (meta.data?.docTypes ?? []).map((v) => ({ value: v, label: v })),
          },
        ]}
        dateLabel="公布日期"
        keywordPlaceholder="文件名称、发文字号、登记号"
        checks={[
          { key: 'inForce', label: '仅现行有效' },
          { key: 'unfiled', label: '仅未报备' },
        ]}
      />
      {docs.isError ? (
        <PageError title="台账加载失败" error={docs.error} onRetry={() => docs.refetch()} />
      ) : (
        <Card size="small">
          <Table<DocumentListItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={docs.data?.items ?? []}
            loading={docs.isFetching}
            scroll={{ x: 1000 }}
            onRow={(d) => ({ onClick: () => navigate(`/normdocs/${d.id}`), style: { cursor: 'pointer' } })}
            pagination={{
              current: list.page,
              pageSize: PAGE_SIZE,
              total: docs.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => `共 ${n} 件`,
              onChange: (p) => list.update({ page: String(p) }, false),
            }}
          />
        </Card>
      )}
    </Flex>
  );
}
