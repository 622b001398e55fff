import { AuditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { StepModal, type StepSpec } from '../../ledger/StepModal';
import { Heading, useParamState, YEARS } from './parts';
import { type ExamItem, pct, useExams, useLearningMeta, useLearningPost } from './queries';

const PAGE_SIZE = 20;

/** 学法考试: the exams organised here with their 参考率, 合格率 and 优秀率. */
export default function ExamsPage() {
  const navigate = useNavigate();
  const { code, org } = useCurrentOrg();
  const { get, set } = useParamState();
  const meta = useLearningMeta(code);
  const post = useLearningPost<{ id: number }>();
  const [creating, setCreating] = useState(false);
  const filters = {
    org: get('org') ?? code ?? undefined,
    year: get('year'),
    kind: get('kind'),
    page: get('page') ?? '1',
    pageSize: String(PAGE_SIZE),
  };
  const list = useExams(filters, Boolean(filters.org));
  const columns: TableColumnsType<ExamItem> = [
    {
      title: '考试',
      key: 'name',
      width: 240,
      render: (_, e) => <Link to={`/learning/exams/${e.id}`}>{e.name}</Link>,
    },
    { title: '类别', dataIndex: 'kind', key: 'kind', width: 120, render: (k: string) => <Tag>{k}</Tag> },
    { title: '考试日期', dataIndex: 'heldOn', key: 'heldOn', width: 110 },
    { title: '组织单位', dataIndex: 'orgName', key: 'orgName', width: 120 },
    { title: '应考', dataIndex: 'required', key: 'required', width: 70 },
    { title: '参考', dataIndex: 'sat', key: 'sat', width: 70 },
    { title: '参考率', dataIndex: 'takeRate', key: 'takeRate', width: 80, render: pct },
    { title: '合格率', dataIndex: 'passRate', key: 'passRate', width: 80, render: pct },
    { title: '优秀率', dataIndex: 'excellentRate', key: 'excellentRate', width: 80, render: pct },
  ];
  const spec: StepSpec = {
    dateLabel: null,
    done: '考试已创建',
    note: '合格、良好、优秀分数线按本地考试规则填写（如陕西：90分以上优秀、80–89分良好、60–79分合格）。',
    fields: [
      { name: 'name', label: '考试名称', kind: 'text', required: '请填写考试名称', max: 100 },
      {
        name: 'kind',
        label: '考试类别',
        kind: 'select',
        options: meta.data?.examKinds ?? ['年度学法考试'],
        required: '请选择考试类别',
      },
      {
        name: 'heldOn',
        label: '考试日期(平台考试填截止日)',
        kind: 'date',
        future: true,
        required: '请选择考试日期',
      },
      { name: 'year', label: '考试年度', kind: 'number', min: 2000, max: 2100, required: '请填写考试年度' },
      { name: 'passScore', label: '合格分数线', kind: 'number', min: 0, max: 1000, unit: '分' },
      { name: 'goodScore', label: '良好分数线', kind: 'number', min: 0, max: 1000, unit: '分' },
      { name: 'excellentScore', label: '优秀分数线', kind: 'number', min: 0, max: 1000, unit: '分' },
    ],
  };
  return (
    <Flex vertical gap={16} className="page">
      <Heading icon={<AuditOutlined />} title="学法考试" org={org?.name} />
      <Flex gap={8} wrap="wrap">
        {meta.data?.can.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建考试
          </Button>
        )}
        <Button onClick={() => navigate('/learning/entries')}>考生名册查询</Button>
      </Flex>
      <Card size="small" className="filter-card">
        <Flex gap={12} wrap="wrap">
          <Select
            aria-label="年度"
            placeholder="年度"
            allowClear
            style={{ width: 120 }}
            value={filters.year}
            options={YEARS}
            onChange={(v?: string) => set('year', v)}
          />
          <Select
            aria-label="考试类别"
            placeholder="考试类别"
            allowClear
            style={{ width: 160 }}
            value={filters.kind}
            options={(meta.data?.examKinds ?? []).map((k) => ({ value: k, label: k }))}
            onChange={(v?: string) => set('kind', v)}
          />
        </Flex>
      </Card>
      {list.isError ? (
        <PageError title="考试加载失败" error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card size="small">
          <Table<ExamItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            locale={{ emptyText: '暂无考试' }}
            pagination={{
              current: Number(filters.page),
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (t) => `共 ${t} 场`,
              onChange: (p) => set('page', p > 1 ? String(p) : undefined),
            }}
            aria-label="学法考试"
          />
        </Card>
      )}
      {filters.org && (
        <StepModal
          name="learning-exam"
          title="新建考试"
          label="创建"
          spec={spec}
          initialValues={{
            kind: '年度学法考试',
            heldOn: dayjs(),
            year: new Date().getFullYear(),
            passScore: 60,
            goodScore: 80,
            excellentScore: 90,
          }}
          open={creating}
          pending={post.isPending}
          onClose={() => setCreating(false)}
          afterClose={() => undefined}
          submit={async (body) => {
            const created = await post.mutateAsync({
              path: 'exams',
              body: { ...body, orgCode: filters.org },
            });
            navigate(`/learning/exams/${created.id}`);
            return created;
          }}
        />
      )}
    </Flex>
  );
}
