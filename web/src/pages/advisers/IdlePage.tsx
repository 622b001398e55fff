import { AlertOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Select, Table, type TableColumnsType, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { dash, reviewColumns } from '../../advisers/parts';
import { type IdleReport, type LegalReview, useIdle } from '../../advisers/queries';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';

type Idle = IdleReport['idleAdvisers'][number];

/** 聘而不用: advisers with no work in a quarter, and legality reviews done without them. */
export default function IdlePage() {
  const { code, org } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const now = new Date();
  const year = params.get('year') ?? String(now.getFullYear());
  const quarter = params.get('quarter') ?? String(Math.floor(now.getMonth() / 3) + 1);
  const r = useIdle({ org: params.get('org') ?? code, year, quarter }, Boolean(code));
  const set = (k: string, v: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set(k, v);
      return next;
    });
  const columns: TableColumnsType<Idle> = [
    {
      title: '法律顾问',
      key: 'name',
      width: 110,
      render: (_, a) => <Link to={`/advisers/${a.id}`}>{a.adviserName}</Link>,
    },
    { title: '所在机构', dataIndex: 'firm', key: 'firm', width: 200 },
    { title: '聘用单位', dataIndex: 'orgName', key: 'orgName', width: 130, render: dash },
    { title: '覆盖范围', key: 'covers', render: (_, a) => a.covers.join('、') },
    { title: '合同期', key: 'period', width: 200, render: (_, a) => `${a.startsOn} 至 ${a.endsOn}` },
    { title: '此前最近工作', dataIndex: 'lastActivityOn', key: 'last', width: 120, render: dash },
  ];
  const years = Array.from({ length: 6 }, (_, i) => String(now.getFullYear() - i));
  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <AlertOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          聘而不用检查
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      <Flex gap={8}>
        <Select
          aria-label="年度"
          value={year}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
          onChange={(v) => set('year', v)}
        />
        <Select
          aria-label="季度"
          value={quarter}
          options={['1', '2', '3', '4'].map((q) => ({ value: q, label: `第${q}季度` }))}
          onChange={(v) => set('quarter', v)}
        />
      </Flex>
      {r.isError && <PageError title="加载失败" error={r.error} onRetry={() => r.refetch()} />}
      {r.data?.open && (
        <Alert
          type="info"
          showIcon
          message={`本季度(${r.data.from} 至 ${r.data.to})尚未结束,以下为截至今日的情况。`}
        />
      )}
      <Card
        size="small"
        title={`本季度无任何工作记录、也未作合法性审核的法律顾问(${r.data?.idleAdvisers.length ?? 0})`}
      >
        <Table<Idle>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={r.data?.idleAdvisers ?? []}
          loading={r.isFetching}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '没有聘而不用的法律顾问' }}
          aria-label="无工作记录的法律顾问"
        />
      </Card>
      <Card
        size="small"
        title={`已聘法律顾问、但未经其审核或逾期未审核的合法性审核(${r.data?.reviews.length ?? 0})`}
      >
        <Typography.Paragraph type="secondary">
          事项所在单位(或其上级)当时有有效的法律顾问合同,而本季度完成的合法性审核审核人不是法律顾问,或审核超过期限仍未完成。
        </Typography.Paragraph>
        <Table<LegalReview>
          rowKey="id"
          size="small"
          columns={reviewColumns({ problem: true }).filter((c) => c.key !== 'adviser')}
          dataSource={r.data?.reviews ?? []}
          loading={r.isFetching}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 1100 }}
          locale={{ emptyText: '没有此类审核' }}
          aria-label="未经法律顾问的合法性审核"
        />
      </Card>
    </Flex>
  );
}
