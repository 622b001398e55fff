import { PlusOutlined, SolutionOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { StepModal, type StepSpec } from '../../ledger/StepModal';
import { DrillBanner, Heading, useParamState, YEARS } from './parts';
import { dash, type Report, useLearningMeta, useLearningPost, useReports } from './queries';

const PAGE_SIZE = 50;

/** 领导干部述法: who reported on their 第一责任人 duties, when, how, and the 测评 result. */
export default function ReportsPage() {
  const { code, org } = useCurrentOrg();
  const { get, set } = useParamState();
  const meta = useLearningMeta(code);
  const post = useLearningPost();
  const [adding, setAdding] = useState(false);
  const filters = {
    org: get('org') ?? code ?? undefined,
    year: get('year'),
    indicator: get('indicator'),
    part: get('part'),
    from: get('from'),
    to: get('to'),
    page: get('page') ?? '1',
    pageSize: String(PAGE_SIZE),
  };
  const list = useReports(filters, Boolean(filters.org));
  const columns: TableColumnsType<Report> = [
    { title: '述法日期', dataIndex: 'reportedOn', key: 'reportedOn', width: 110 },
    { title: '所述年度', dataIndex: 'year', key: 'year', width: 90, render: (y: number) => `${y}年` },
    { title: '述法人', dataIndex: 'leaderName', key: 'leaderName', width: 100 },
    { title: '职务', dataIndex: 'post', key: 'post', width: 150 },
    { title: '形式', dataIndex: 'occasion', key: 'occasion', width: 150 },
    { title: '测评', dataIndex: 'evaluation', key: 'evaluation', width: 70, render: dash },
    { title: '单位', dataIndex: 'orgName', key: 'orgName', width: 120, render: dash },
    { title: '述法要点', dataIndex: 'summary', key: 'summary', ellipsis: true, render: dash },
  ];
  const spec: StepSpec = {
    dateLabel: '述法日期',
    done: '述法记录已登记',
    fields: [
      {
        name: 'leaderName',
        label: '述法人',
        kind: 'text',
        required: '请填写述法人姓名',
        max: 30,
        minChars: 2,
      },
      {
        name: 'post',
        label: '职务',
        kind: 'text',
        required: '请填写职务',
        max: 50,
        placeholder: '党委书记、镇长…',
      },
      { name: 'year', label: '所述年度', kind: 'number', min: 2000, max: 2100, required: '请填写所述年度' },
      {
        name: 'occasion',
        label: '述法形式',
        kind: 'select',
        options: meta.data?.occasions ?? [],
        required: '请选择述法形式',
      },
      {
        name: 'evaluation',
        label: '测评结果',
        kind: 'select',
        options: meta.data?.evaluations ?? [],
        allowClear: true,
      },
      { name: 'summary', label: '述法要点', kind: 'textarea', max: 5000 },
    ],
  };
  return (
    <Flex vertical gap={16} className="page">
      <Heading icon={<SolutionOutlined />} title="领导干部述法" org={org?.name} />
      <DrillBanner meta={meta.data} />
      <Flex gap={8} wrap="wrap">
        {meta.data?.can.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记述法
          </Button>
        )}
        {!filters.indicator && (
          <Select
            aria-label="所述年度"
            placeholder="所述年度"
            allowClear
            style={{ width: 130 }}
            value={filters.year}
            options={YEARS}
            onChange={(v?: string) => set('year', v)}
          />
        )}
      </Flex>
      {list.isError ? (
        <PageError title="述法记录加载失败" error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card size="small">
          <Table<Report>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            locale={{ emptyText: '暂无述法记录' }}
            pagination={{
              current: Number(filters.page),
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (t) => `共 ${t} 条`,
              onChange: (p) => set('page', p > 1 ? String(p) : undefined),
            }}
            aria-label="述法记录"
          />
        </Card>
      )}
      <Typography.Text type="secondary">
        述法人次计入年度法治政府建设报告“党政主要负责人履行推进法治建设第一责任人职责”部分。
      </Typography.Text>
      {filters.org && (
        <StepModal
          name="learning-report"
          title="登记述法"
          label="登记"
          spec={spec}
          initialValues={{ year: new Date().getFullYear() - 1, occasion: '年终述职述法' }}
          open={adding}
          pending={post.isPending}
          onClose={() => setAdding(false)}
          afterClose={() => undefined}
          submit={(body) => {
            const { on, ...rest } = body;
            return post.mutateAsync({
              path: 'reports',
              body: { ...rest, reportedOn: on, orgCode: filters.org },
            });
          }}
        />
      )}
    </Flex>
  );
}
