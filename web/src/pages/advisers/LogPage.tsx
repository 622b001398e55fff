import { DownloadOutlined, PlusOutlined, ScheduleOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ActivityModal } from '../../advisers/ActivityModal';
import { dash } from '../../advisers/parts';
import { type Activity, BASE, useActivities, useAdvisersMeta } from '../../advisers/queries';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { fromDate, toDate } from '../../ledger/dates';

const PAGE_SIZE = 50;

/** 法律顾问工作台账: duty days, consultations, lectures, mediations; entry and .xlsx import. */
export default function LogPage() {
  const navigate = useNavigate();
  const { code, org } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const meta = useAdvisersMeta(code);
  const get = (k: string) => params.get(k) ?? undefined;
  const filters = {
    org: get('org') ?? code ?? undefined,
    kind: get('kind'),
    from: get('from'),
    to: get('to'),
    contract: get('contract'),
    indicator: get('indicator'),
    part: get('part'),
    page: get('page') ?? '1',
    pageSize: String(PAGE_SIZE),
  };
  const list = useActivities(filters, Boolean(filters.org));
  const set = (key: string, value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      if (key !== 'page') next.delete('page');
      return next;
    });
  const labels = Object.fromEntries((meta.data?.kinds ?? []).map((k) => [k.value, k.label]));
  const columns: TableColumnsType<Activity> = [
    { title: '日期', dataIndex: 'on', key: 'on', width: 110 },
    { title: '类型', dataIndex: 'kind', key: 'kind', width: 100, render: (k: string) => labels[k] ?? k },
    {
      title: '法律顾问',
      key: 'adviser',
      width: 110,
      render: (_, a) => <Link to={`/advisers/${a.contractId}`}>{a.adviserName}</Link>,
    },
    { title: '地点', dataIndex: 'orgName', key: 'orgName', width: 130, render: dash },
    { title: '时长(小时)', dataIndex: 'hours', key: 'hours', width: 100, render: dash },
    { title: '人次', dataIndex: 'people', key: 'people', width: 80, render: dash },
    { title: '方式', dataIndex: 'way', key: 'way', width: 80, render: dash },
    { title: '事项', dataIndex: 'topic', key: 'topic', ellipsis: true, render: dash },
    {
      title: '来源',
      dataIndex: 'source',
      key: 'source',
      width: 80,
      render: (s: string) => (s === 'import' ? '导入' : '登记'),
    },
  ];
  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <ScheduleOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          法律顾问工作台账
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      <Flex gap={8} wrap="wrap">
        {meta.data?.can.log && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记工作
          </Button>
        )}
        {meta.data?.can.import && (
          <>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/advisers/import')}>
              导入月度台账
            </Button>
            <Button icon={<DownloadOutlined />} href={`${BASE}/template.xlsx`} download>
              下载模板
            </Button>
          </>
        )}
      </Flex>
      {!filters.indicator && (
        <Card size="small" className="filter-card">
          <Flex gap={12} wrap="wrap">
            <Select
              aria-label="类型"
              placeholder="类型"
              allowClear
              style={{ width: 160 }}
              value={filters.kind}
              options={(meta.data?.kinds ?? []).map((k) => ({ value: k.value, label: k.label }))}
              onChange={(v?: string) => set('kind', v)}
            />
            <DatePicker.RangePicker
              aria-label="日期范围"
              value={[fromDate(filters.from) ?? null, fromDate(filters.to) ?? null]}
              onChange={(r) =>
                setParams((prev) => {
                  const next = new URLSearchParams(prev);
                  const [a, b] = [toDate(r?.[0]), toDate(r?.[1])];
                  if (a) next.set('from', a);
                  else next.delete('from');
                  if (b) next.set('to', b);
                  else next.delete('to');
                  next.delete('page');
                  return next;
                })
              }
            />
          </Flex>
        </Card>
      )}
      <Flex gap={24}>
        <Statistic title="记录数" value={list.data?.total ?? 0} suffix="条" />
        <Statistic title="法律咨询" value={list.data?.consultations ?? 0} suffix="人次" />
      </Flex>
      {list.isError ? (
        <PageError title="工作台账加载失败" error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card size="small">
          <Table<Activity>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            locale={{ emptyText: '暂无工作记录' }}
            pagination={{
              current: Number(filters.page),
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (t) => `共 ${t} 条`,
              onChange: (p) => set('page', p > 1 ? String(p) : undefined),
            }}
            aria-label="法律顾问工作记录"
          />
        </Card>
      )}
      {adding && filters.org && (
        <ActivityModal org={filters.org} meta={meta.data} onClose={() => setAdding(false)} />
      )}
    </Flex>
  );
}
