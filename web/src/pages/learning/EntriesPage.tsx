import { TeamOutlined } from '@ant-design/icons';
import { Card, Flex, Input, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { DrillBanner, GradeTag, Heading, StatusTag, useParamState } from './parts';
import { dash, type Entry, useEntries, useLearningMeta } from './queries';

const PAGE_SIZE = 50;

/** 考生名册: the people on exam rosters across exams (the exam figures drill down to here). */
export default function EntriesPage() {
  const { code, org } = useCurrentOrg();
  const { get, set } = useParamState();
  const meta = useLearningMeta(code);
  const [keyword, setKeyword] = useState(get('q') ?? '');
  const filters = {
    org: get('org') ?? code ?? undefined,
    status: get('status'),
    grade: get('grade'),
    q: get('q'),
    indicator: get('indicator'),
    part: get('part'),
    from: get('from'),
    to: get('to'),
    page: get('page') ?? '1',
    pageSize: String(PAGE_SIZE),
  };
  const list = useEntries(filters, Boolean(filters.org));
  const columns: TableColumnsType<Entry> = [
    { title: '姓名', dataIndex: 'personName', key: 'personName', width: 90 },
    {
      title: '考试',
      key: 'exam',
      width: 220,
      render: (_, x) => <Link to={`/learning/exams/${x.examId}`}>{x.examName}</Link>,
    },
    { title: '考试日期', dataIndex: 'examHeldOn', key: 'examHeldOn', width: 110 },
    { title: '单位', key: 'unit', width: 170, render: (_, x) => x.unitName ?? x.orgName },
    { title: '人员类别', dataIndex: 'role', key: 'role', width: 90, render: dash },
    {
      title: '参考状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (s: string) => <StatusTag status={s} />,
    },
    { title: '成绩', dataIndex: 'score', key: 'score', width: 70, render: dash },
    {
      title: '等次',
      dataIndex: 'grade',
      key: 'grade',
      width: 80,
      render: (g: string | null) => <GradeTag grade={g} />,
    },
  ];
  return (
    <Flex vertical gap={16} className="page">
      <Heading icon={<TeamOutlined />} title="考生名册" org={org?.name} />
      <DrillBanner meta={meta.data} />
      {!filters.indicator && (
        <Card size="small" className="filter-card">
          <Flex gap={12} wrap="wrap">
            <Select
              aria-label="参考状态"
              placeholder="参考状态"
              allowClear
              style={{ width: 140 }}
              value={filters.status}
              options={(meta.data?.statuses ?? []).map((s) => ({ value: s, label: s }))}
              onChange={(v?: string) => set('status', v)}
            />
            <Select
              aria-label="等次"
              placeholder="等次"
              allowClear
              style={{ width: 120 }}
              value={filters.grade}
              options={(meta.data?.grades ?? []).map((s) => ({ value: s, label: s }))}
              onChange={(v?: string) => set('grade', v)}
            />
            <Input.Search
              aria-label="搜索姓名或单位"
              placeholder="姓名或单位"
              allowClear
              style={{ width: 220 }}
              value={keyword}
              onChange={(e) => setKeyword(e.target.value)}
              onSearch={(v) => set('q', v.trim() || undefined)}
            />
          </Flex>
        </Card>
      )}
      {list.isError ? (
        <PageError title="名册加载失败" error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card size="small">
          <Table<Entry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 950 }}
            locale={{ emptyText: '暂无人员' }}
            pagination={{
              current: Number(filters.page),
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (t) => `共 ${t} 人`,
              onChange: (p) => set('page', p > 1 ? String(p) : undefined),
            }}
            aria-label="考生名册"
          />
        </Card>
      )}
    </Flex>
  );
}
