import { BookOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { fromDate, toDate } from '../../ledger/dates';
import { queryString } from '../../ledger/queries';
import { DrillBanner, Heading, useParamState } from './parts';
import { BASE, dash, type Session, useLearningMeta, useSessions } from './queries';

const PAGE_SIZE = 50;

/** 学法活动台账: 中心组学法, 会前学法, 专题讲座 and 培训, with filters, drill-down, import and export. */
export default function SessionsPage() {
  const navigate = useNavigate();
  const { code, org } = useCurrentOrg();
  const { get, set, setParams } = useParamState();
  const meta = useLearningMeta(code);
  const [keyword, setKeyword] = useState(get('q') ?? '');
  const filters = {
    org: get('org') ?? code ?? undefined,
    kind: get('kind'),
    q: get('q'),
    from: get('from'),
    to: get('to'),
    indicator: get('indicator'),
    part: get('part'),
    page: get('page') ?? '1',
    pageSize: String(PAGE_SIZE),
  };
  const list = useSessions(filters, Boolean(filters.org));
  const columns: TableColumnsType<Session> = [
    { title: '日期', dataIndex: 'heldOn', key: 'heldOn', width: 110 },
    { title: '学法形式', dataIndex: 'kind', key: 'kind', width: 190 },
    {
      title: '学习主题',
      key: 'topic',
      width: 240,
      render: (_, x) => <Link to={`/learning/sessions/${x.id}`}>{x.topic}</Link>,
    },
    { title: '学习法律法规', dataIndex: 'laws', key: 'laws', ellipsis: true, render: dash },
    { title: '主讲人', dataIndex: 'lecturer', key: 'lecturer', width: 110, render: dash },
    { title: '人数', dataIndex: 'attendees', key: 'attendees', width: 70, render: dash },
    { title: '单位', dataIndex: 'orgName', key: 'orgName', width: 120, render: dash },
  ];
  const exportQuery = queryString({ ...filters, page: undefined, pageSize: undefined });
  return (
    <Flex vertical gap={16} className="page">
      <Heading icon={<BookOutlined />} title="学法活动" org={org?.name} />
      <DrillBanner meta={meta.data} />
      <Flex gap={8} wrap="wrap">
        {meta.data?.can.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/learning/sessions/new')}>
            登记学法活动
          </Button>
        )}
        {meta.data?.can.import && (
          <>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/learning/import')}>
              导入台账
            </Button>
            <Button icon={<DownloadOutlined />} href={`${BASE}/template.xlsx`} download>
              下载模板
            </Button>
          </>
        )}
        <Button icon={<DownloadOutlined />} href={`${BASE}/sessions/export.xlsx${exportQuery}`} download>
          导出
        </Button>
      </Flex>
      {!filters.indicator && (
        <Card size="small" className="filter-card">
          <Flex gap={12} wrap="wrap">
            <Select
              aria-label="学法形式"
              placeholder="学法形式"
              allowClear
              style={{ width: 220 }}
              value={filters.kind}
              options={(meta.data?.sessionKinds ?? []).map((k) => ({ value: k, label: k }))}
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
            <Input.Search
              aria-label="搜索主题、法律法规、主讲人"
              placeholder="主题、法律法规、主讲人"
              allowClear
              style={{ width: 240 }}
              value={keyword}
              onChange={(e) => setKeyword(e.target.value)}
              onSearch={(v) => set('q', v.trim() || undefined)}
            />
          </Flex>
        </Card>
      )}
      <Flex gap={24} wrap="wrap">
        <Statistic title="学法活动" value={list.data?.total ?? 0} suffix="次" />
        {(list.data?.byKind ?? []).map((k) => (
          <Statistic key={k.kind} title={k.kind} value={k.n} suffix="次" />
        ))}
        <Statistic title="参学" value={list.data?.attendees ?? 0} suffix="人次" />
      </Flex>
      {list.isError ? (
        <PageError title="学法活动加载失败" error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card size="small">
          <Table<Session>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            locale={{ emptyText: '暂无学法活动' }}
            pagination={{
              current: Number(filters.page),
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (t) => `共 ${t} 条`,
              onChange: (p) => set('page', p > 1 ? String(p) : undefined),
            }}
            aria-label="学法活动"
          />
        </Card>
      )}
      <Typography.Text type="secondary">
        中心组学法、政府常务会议会前学法、专题法治讲座的次数计入年度法治政府建设报告“提升依法行政能力”部分。
      </Typography.Text>
    </Flex>
  );
}
