import { FileExcelOutlined, FileProtectOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { FigureCards, IndicatorBanner } from '../../ledger/FigureCards';
import { LedgerFilters } from '../../ledger/LedgerFilters';
import { queryString } from '../../ledger/queries';
import { useLedgerList } from '../../ledger/useLedgerList';
import { OutcomeTag } from './parts';
import { BASE, type LawsuitItem, useLitigationList, useLitigationMeta } from './queries';

const FIGURE_IDS = [
  'litigation.lawsuits',
  'litigation.headAppearanceRate',
  'litigation.answerOnTime',
  'litigation.lossRate',
] as const;
const FILTER_KEYS = ['instance', 'actKind', 'judgment', 'open', 'overdue'] as const;
const PAGE_SIZE = 20;

/** 行政应诉台账: lawsuits where an org of the subtree is the 被告, with 答辩, 开庭/出庭 and 裁判. */
export default function LawsuitsPage() {
  const navigate = useNavigate();
  const list = useLedgerList({ filterKeys: FILTER_KEYS, pageSize: PAGE_SIZE });
  const { params, org, indicatorId } = list;
  const meta = useLitigationMeta(org);
  const can = meta.data?.can;
  const suits = useLitigationList<LawsuitItem>('lawsuits', list.apiParams, Boolean(org));
  const indicatorName =
    (indicatorId && meta.data?.indicators.find((i) => i.id === indicatorId)?.name) || indicatorId;
  const { page: _p, pageSize: _s, ...rest } = list.apiParams;
  const exportHref = `${BASE}/lawsuits${queryString({ ...rest, format: 'xlsx' })}`;
  const options = (xs: string[] | undefined) => (xs ?? []).map((v) => ({ value: v, label: v }));

  const columns: TableColumnsType<LawsuitItem> = [
    {
      title: '案号',
      key: 'caseNo',
      width: 190,
      render: (_, l) => (
        <Link to={`/litigation/lawsuits/${l.id}`} onClick={(e) => e.stopPropagation()}>
          {l.caseNo ?? `（未填案号）#${l.id}`}
        </Link>
      ),
    },
    { title: '被告', dataIndex: 'orgName', key: 'orgName', width: 110, ellipsis: true },
    { title: '审级', dataIndex: 'instance', key: 'instance', width: 60 },
    { title: '原告', dataIndex: 'plaintiffName', key: 'plaintiffName', width: 140, ellipsis: true },
    { title: '被诉行为', dataIndex: 'act', key: 'act', ellipsis: true },
    { title: '类别', dataIndex: 'actKind', key: 'actKind', width: 100 },
    { title: '收到起诉状', dataIndex: 'filedOn', key: 'filedOn', width: 110 },
    {
      title: '开庭/负责人出庭',
      key: 'hearings',
      width: 190,
      render: (_, l) =>
        l.hearings.length === 0 ? (
          <Typography.Text type="secondary">未开庭</Typography.Text>
        ) : (
          <Flex vertical gap={2}>
            {l.hearings.map((h) => (
              <span key={h.id}>
                {h.hearingOn}{' '}
                {h.headAppeared === null ? (
                  <Tag>待登记</Tag>
                ) : h.headAppeared ? (
                  <Tag color="green">{`${h.headPost ?? ''}${h.headName ?? ''}出庭`}</Tag>
                ) : (
                  <Tag color="red">负责人未出庭</Tag>
                )}
              </span>
            ))}
          </Flex>
        ),
    },
    {
      title: '裁判',
      key: 'judgment',
      width: 130,
      render: (_, l) => (
        <Flex gap={4} wrap="wrap">
          <OutcomeTag type={l.judgmentType} />
          {l.appealed && <Tag color="purple">已上诉</Tag>}
          {l.overdue && <Tag color="red">逾期</Tag>}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
        <Flex align="center" gap={8}>
          <FileProtectOutlined aria-hidden className="page-heading-icon" />
          <Typography.Title level={3} style={{ margin: 0 }}>
            行政应诉案件台账
          </Typography.Title>
        </Flex>
        <Flex gap={8} wrap="wrap">
          <Button onClick={() => navigate('/litigation/reconsiderations')}>行政复议</Button>
          {can?.import && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/litigation/import')}>
              导入台账
            </Button>
          )}
          <Button icon={<FileExcelOutlined />} href={exportHref}>
            导出Excel
          </Button>
          {can?.manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/litigation/lawsuits/new')}
            >
              登记应诉案件
            </Button>
          )}
        </Flex>
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
          { key: 'instance', label: '审级', options: options(meta.data?.instances) },
          { key: 'actKind', label: '行为类别', options: options(meta.data?.actKinds) },
          { key: 'judgment', label: '裁判结果', options: options(meta.data?.judgmentTypes) },
        ]}
        dateLabel="收到起诉状日期"
        keywordPlaceholder="案号、原告、被诉行为、法院"
        checks={[
          { key: 'open', label: '仅未审结' },
          { key: 'overdue', label: '仅逾期' },
        ]}
      />
      {suits.isError ? (
        <PageError title="台账加载失败" error={suits.error} onRetry={() => suits.refetch()} />
      ) : (
        <Card size="small">
          <Table<LawsuitItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={suits.data?.items ?? []}
            loading={suits.isFetching}
            scroll={{ x: 1200 }}
            aria-label="行政应诉案件"
            onRow={(l) => ({
              onClick: () => navigate(`/litigation/lawsuits/${l.id}`),
              style: { cursor: 'pointer' },
            })}
            locale={{ emptyText: '暂无应诉案件' }}
            pagination={{
              current: list.page,
              pageSize: PAGE_SIZE,
              total: suits.data?.total ?? 0,
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
