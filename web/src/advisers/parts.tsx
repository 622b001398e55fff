import { Alert, Card, DatePicker, Flex, Segmented, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { PageError } from '../components/PageState';
import { fromDate, toDate } from '../ledger/dates';
import { type CoverageVillage, type LegalReview, MODULE_LABELS, useCoverage } from './queries';

export const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** 一村(社区)一法律顾问: every village of the org with its advisers on a day. */
export function CoverageTable(props: {
  params: Record<string, string | undefined>;
  onChange?: (key: string, value: string | undefined) => void;
}) {
  const { params, onChange } = props;
  const cov = useCoverage(params, Boolean(params.org));
  const columns: TableColumnsType<CoverageVillage> = [
    { title: '乡镇(街道)', dataIndex: 'township', key: 'township', width: 140, render: dash },
    { title: '村(社区)', dataIndex: 'name', key: 'name', width: 160 },
    {
      title: '配备情况',
      key: 'covered',
      width: 120,
      render: (_, v) =>
        v.covered ? (
          <Tag color={v.overlapping ? 'orange' : 'green'}>{v.overlapping ? '多名顾问' : '已配备'}</Tag>
        ) : (
          <Tag color="red">未配备</Tag>
        ),
    },
    {
      title: '法律顾问',
      key: 'advisers',
      render: (_, v) =>
        v.advisers.length
          ? v.advisers.map((a, i) => (
              <span key={a.contractId}>
                {i > 0 && '、'}
                <Link to={`/advisers/${a.contractId}`}>{a.adviserName}</Link>({a.firm},至{a.endsOn})
              </span>
            ))
          : '—',
    },
  ];
  if (cov.isError)
    return <PageError title="覆盖情况加载失败" error={cov.error} onRetry={() => cov.refetch()} />;
  const d = cov.data;
  return (
    <Flex vertical gap={12}>
      <Flex gap={24} wrap="wrap" align="center">
        <Statistic title="村(社区)总数" value={d?.total ?? 0} suffix="个" />
        <Statistic title="已配备法律顾问" value={d?.covered ?? 0} suffix="个" />
        <Statistic title="覆盖率" value={d?.rate ?? '—'} suffix={d?.rate === null ? '' : '%'} />
        {onChange && !params.indicator && (
          <>
            <DatePicker
              aria-label="统计日期"
              value={fromDate(params.on ?? d?.on)}
              onChange={(v) => onChange('on', toDate(v))}
              allowClear
            />
            <Segmented
              aria-label="筛选"
              value={params.covered ?? 'all'}
              options={[
                { value: 'all', label: '全部' },
                { value: '0', label: '未配备' },
                { value: '1', label: '已配备' },
              ]}
              onChange={(v) => onChange('covered', v === 'all' ? undefined : String(v))}
            />
          </>
        )}
      </Flex>
      {d && (
        <Alert
          type="info"
          showIcon
          message={`按 ${d.on} 有效的合同统计;只覆盖乡镇(街道)的合同不计入村(社区)覆盖。`}
        />
      )}
      <Card size="small">
        <Table<CoverageVillage>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={d?.items ?? []}
          loading={cov.isFetching}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: '没有村(社区)' }}
          scroll={{ x: 760 }}
          aria-label="村(社区)法律顾问覆盖情况"
        />
      </Card>
    </Flex>
  );
}

export function reviewColumns(opts: { problem?: boolean } = {}): TableColumnsType<LegalReview> {
  return [
    {
      title: '类别',
      dataIndex: 'module',
      key: 'module',
      width: 130,
      render: (m: string) => MODULE_LABELS[m] ?? m,
    },
    { title: '事项', dataIndex: 'title', key: 'title', ellipsis: true },
    { title: '单位', dataIndex: 'orgName', key: 'orgName', width: 140, render: dash },
    { title: '送审日期', dataIndex: 'submittedOn', key: 'submittedOn', width: 110 },
    { title: '审核期限', dataIndex: 'dueOn', key: 'dueOn', width: 110 },
    { title: '审核日期', dataIndex: 'reviewedOn', key: 'reviewedOn', width: 110, render: dash },
    { title: '结论', dataIndex: 'result', key: 'result', width: 120, render: dash },
    {
      title: '法律顾问参与',
      key: 'adviser',
      width: 120,
      render: (_, r) =>
        r.adviserInvolved === undefined ? (
          '—'
        ) : r.adviserInvolved ? (
          r.contractId ? (
            <Link to={`/advisers/${r.contractId}`}>是</Link>
          ) : (
            '是'
          )
        ) : (
          <Tag color="orange">否</Tag>
        ),
    },
    ...(opts.problem
      ? [
          {
            title: '问题',
            dataIndex: 'problem',
            key: 'problem',
            width: 140,
            render: (p: string) => <Tag color="red">{p}</Tag>,
          },
        ]
      : []),
  ];
}
