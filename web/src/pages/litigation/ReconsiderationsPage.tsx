import { AuditOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { FigureCards, IndicatorBanner } from '../../ledger/FigureCards';
import { LedgerFilters } from '../../ledger/LedgerFilters';
import { queryString } from '../../ledger/queries';
import { useLedgerList } from '../../ledger/useLedgerList';
import { OutcomeTag } from './parts';
import { BASE, type ReconsiderationItem, useLitigationList, useLitigationMeta } from './queries';

const FIGURE_IDS = [
  'litigation.reconsiderations',
  'litigation.replyOnTime',
  'litigation.correctionRate',
  'litigation.opinionRectifyOnTime',
] as const;
const FILTER_KEYS = ['actKind', 'decision', 'open', 'overdue'] as const;
const PAGE_SIZE = 20;

/** 行政复议台账 (as 被申请人): 答复, 听证, 决定, 意见书 and 整改. */
export default function ReconsiderationsPage() {
  const navigate = useNavigate();
  const list = useLedgerList({ filterKeys: FILTER_KEYS, pageSize: PAGE_SIZE });
  const { params, org, indicatorId } = list;
  const meta = useLitigationMeta(org);
  const can = meta.data?.can;
  const cases = useLitigationList<ReconsiderationItem>('reconsiderations', list.apiParams, Boolean(org));
  const indicatorName =
    (indicatorId && meta.data?.indicators.find((i) => i.id === indicatorId)?.name) || indicatorId;
  const { page: _p, pageSize: _s, ...rest } = list.apiParams;
  const exportHref = `${BASE}/reconsiderations${queryString({ ...rest, format: 'xlsx' })}`;
  const options = (xs: string[] | undefined) => (xs ?? []).map((v) => ({ value: v, label: v }));

  const columns: TableColumnsType<ReconsiderationItem> = [
    {
      title: '复议案号',
      key: 'caseNo',
      width: 170,
      render: (_, r) => (
        <Link to={`/litigation/reconsiderations/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {r.caseNo ?? `（未填案号）#${r.id}`}
        </Link>
      ),
    },
    { title: '被申请人', dataIndex: 'orgName', key: 'orgName', width: 110, ellipsis: true },
    { title: '申请人', dataIndex: 'applicantName', key: 'applicantName', width: 130, ellipsis: true },
    { title: '被申请复议的行为', dataIndex: 'act', key: 'act', ellipsis: true },
    { title: '类别', dataIndex: 'actKind', key: 'actKind', width: 100 },
    {
      title: '程序',
      dataIndex: 'procedure',
      key: 'procedure',
      width: 70,
      render: (p: string) => <Tag color={p === '简易' ? 'blue' : 'default'}>{p}</Tag>,
    },
    { title: '收到副本', dataIndex: 'receivedOn', key: 'receivedOn', width: 110 },
    {
      title: '书面答复',
      key: 'reply',
      width: 150,
      render: (_, r) =>
        r.repliedOn ? (
          <span>
            {r.repliedOn}
            {r.replyDueOn && r.repliedOn > r.replyDueOn && <Tag color="orange">超期</Tag>}
          </span>
        ) : (
          <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>
            {r.replyDueOn ? `${r.replyDueOn}前` : '—'}
          </Typography.Text>
        ),
    },
    {
      title: '复议决定',
      key: 'decision',
      width: 140,
      render: (_, r) => (
        <Flex gap={4} wrap="wrap">
          <OutcomeTag type={r.decisionType} />
          {r.overdue && <Tag color="red">逾期</Tag>}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
        <Flex align="center" gap={8}>
          <AuditOutlined aria-hidden className="page-heading-icon" />
          <Typography.Title level={3} style={{ margin: 0 }}>
            行政复议案件台账
          </Typography.Title>
        </Flex>
        <Flex gap={8} wrap="wrap">
          <Button onClick={() => navigate('/litigation/lawsuits')}>行政应诉</Button>
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
              onClick={() => navigate('/litigation/reconsiderations/new')}
            >
              登记复议案件
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
          { key: 'actKind', label: '行为类别', options: options(meta.data?.actKinds) },
          { key: 'decision', label: '复议决定', options: options(meta.data?.decisionTypes) },
        ]}
        dateLabel="收到副本日期"
        keywordPlaceholder="案号、申请人、行为、复议机关"
        checks={[
          { key: 'open', label: '仅未审结' },
          { key: 'overdue', label: '仅逾期' },
        ]}
      />
      {cases.isError ? (
        <PageError title="台账加载失败" error={cases.error} onRetry={() => cases.refetch()} />
      ) : (
        <Card size="small">
          <Table<ReconsiderationItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={cases.data?.items ?? []}
            loading={cases.isFetching}
            scroll={{ x: 1200 }}
            aria-label="行政复议案件"
            onRow={(r) => ({
              onClick: () => navigate(`/litigation/reconsiderations/${r.id}`),
              style: { cursor: 'pointer' },
            })}
            locale={{ emptyText: '暂无复议案件' }}
            pagination={{
              current: list.page,
              pageSize: PAGE_SIZE,
              total: cases.data?.total ?? 0,
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
