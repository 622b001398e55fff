import { DownloadOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { queryString } from '../../ledger/queries';
import { StepModal, type StepSpec } from '../../ledger/StepModal';
import { DrillBanner, Heading, useParamState, YEARS } from './parts';
import {
  BASE,
  dash,
  type OfficerHours,
  pct,
  type Training,
  useLearningMeta,
  useLearningPost,
  useOfficerChoices,
  useOfficers,
  useTrainings,
} from './queries';

const PAGE_SIZE = 50;

/**
 * 执法人员培训: each officer's 学时 of the year against the minimum (officers from the enforcement
 * module), and the training records. `/learning/officers` opens the officers tab (its drill-down).
 */
export default function TrainingsPage() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { code, org } = useCurrentOrg();
  const { get, set } = useParamState();
  const meta = useLearningMeta(code);
  const post = useLearningPost();
  const [adding, setAdding] = useState(false);
  const tab = pathname.endsWith('/officers') ? 'officers' : 'records';
  const year = get('year') ?? String(new Date().getFullYear());
  const drill = {
    indicator: get('indicator'),
    part: get('part'),
    from: get('from'),
    to: get('to'),
  };
  const orgCode = get('org') ?? code ?? undefined;
  const officers = useOfficers(
    { org: orgCode, year: drill.indicator ? undefined : year, below: get('below'), ...drill },
    Boolean(orgCode) && tab === 'officers',
  );
  const recordFilters = {
    org: orgCode,
    year: drill.indicator ? undefined : year,
    ...drill,
    page: get('page') ?? '1',
    pageSize: String(PAGE_SIZE),
  };
  const records = useTrainings(recordFilters, Boolean(orgCode) && tab === 'records');
  const choices = useOfficerChoices(orgCode, Boolean(meta.data?.can.manage) && adding);
  const min = meta.data?.trainingMinHours ?? 60;

  const officerColumns: TableColumnsType<OfficerHours> = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 100 },
    { title: '执法证号', dataIndex: 'certNo', key: 'certNo', width: 160, render: dash },
    { title: '单位', dataIndex: 'orgName', key: 'orgName', width: 160, render: dash },
    { title: '培训次数', dataIndex: 'courses', key: 'courses', width: 90 },
    { title: '学时', dataIndex: 'hours', key: 'hours', width: 80 },
    {
      title: `达标(≥${min}学时)`,
      key: 'met',
      width: 120,
      render: (_, o) =>
        o.met ? <Tag color="green">达标</Tag> : <Tag color="red">差{min - o.hours}学时</Tag>,
    },
  ];
  const recordColumns: TableColumnsType<Training> = [
    { title: '日期', dataIndex: 'heldOn', key: 'heldOn', width: 110 },
    { title: '姓名', dataIndex: 'personName', key: 'personName', width: 100 },
    { title: '培训内容', dataIndex: 'course', key: 'course' },
    { title: '学时', dataIndex: 'hours', key: 'hours', width: 70 },
    { title: '主办单位', dataIndex: 'organiser', key: 'organiser', width: 150, render: dash },
    { title: '单位', dataIndex: 'orgName', key: 'orgName', width: 150, render: dash },
  ];
  const spec: StepSpec = {
    dateLabel: '培训日期',
    done: '培训记录已登记',
    fields: [
      {
        name: 'officerId',
        label: '执法人员(执法模块的人员)',
        kind: 'select',
        allowClear: true,
        options: (choices.data ?? []).map((o) => ({ value: String(o.id), label: o.name })),
        help: '选择后学时计入该执法人员；名单中没有的人员只填姓名',
      },
      { name: 'personName', label: '姓名', kind: 'text', max: 30, help: '选择了执法人员时可不填' },
      { name: 'course', label: '培训内容', kind: 'text', required: '请填写培训内容', max: 200, minChars: 2 },
      { name: 'hours', label: '学时', kind: 'number', min: 0.5, max: 500, unit: '学时' },
      { name: 'organiser', label: '主办单位', kind: 'text', max: 100 },
    ],
  };
  return (
    <Flex vertical gap={16} className="page">
      <Heading icon={<TeamOutlined />} title="执法人员培训" org={org?.name} />
      <DrillBanner meta={meta.data} />
      <Flex gap={8} wrap="wrap">
        {meta.data?.can.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记培训
          </Button>
        )}
        <Button
          icon={<DownloadOutlined />}
          href={`${BASE}/trainings/export.xlsx${queryString({ org: orgCode, year })}`}
          download
        >
          导出培训台账
        </Button>
        {!drill.indicator && (
          <Select
            aria-label="年度"
            style={{ width: 120 }}
            value={year}
            options={YEARS}
            onChange={(v: string) => set('year', v)}
          />
        )}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          navigate(`/learning/${k === 'officers' ? 'officers' : 'trainings'}${queryString({ year })}`)
        }
        items={[
          { key: 'officers', label: '人员学时' },
          { key: 'records', label: '培训记录' },
        ]}
      />
      {tab === 'officers' &&
        (officers.isError ? (
          <PageError title="执法人员学时加载失败" error={officers.error} onRetry={() => officers.refetch()} />
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              title={`每名执法人员每年培训不少于${min}学时（纲要口径，UNVERIFIED，以本地规定为准）。人员名单取自行政执法模块的在岗执法人员。`}
            />
            <Flex gap={24} wrap="wrap" align="center">
              <Statistic title="在岗执法人员" value={officers.data?.total ?? 0} suffix="人" />
              <Statistic title="达标人数" value={officers.data?.met ?? 0} suffix="人" />
              <Statistic title="达标率" value={pct(officers.data?.rate)} />
              <Statistic title="人均学时" value={officers.data?.averageHours ?? '—'} />
              {!drill.indicator && (
                <Checkbox
                  checked={get('below') === '1'}
                  onChange={(e) => set('below', e.target.checked ? '1' : undefined)}
                >
                  只看未达标
                </Checkbox>
              )}
            </Flex>
            <Card size="small">
              <Table<OfficerHours>
                rowKey="id"
                size="middle"
                columns={officerColumns}
                dataSource={officers.data?.items ?? []}
                loading={officers.isFetching}
                scroll={{ x: 700 }}
                pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
                locale={{ emptyText: '没有执法人员（行政执法模块中尚无在岗执法人员）' }}
                aria-label="执法人员学时"
              />
            </Card>
          </>
        ))}
      {tab === 'records' &&
        (records.isError ? (
          <PageError title="培训记录加载失败" error={records.error} onRetry={() => records.refetch()} />
        ) : (
          <>
            <Flex gap={24}>
              <Statistic title="培训记录" value={records.data?.total ?? 0} suffix="条" />
              <Statistic title="培训学时" value={records.data?.hours ?? 0} suffix="学时" />
            </Flex>
            <Card size="small">
              <Table<Training>
                rowKey="id"
                size="middle"
                columns={recordColumns}
                dataSource={records.data?.items ?? []}
                loading={records.isFetching}
                scroll={{ x: 800 }}
                locale={{ emptyText: '暂无培训记录' }}
                pagination={{
                  current: Number(recordFilters.page),
                  pageSize: PAGE_SIZE,
                  total: records.data?.total ?? 0,
                  showSizeChanger: false,
                  hideOnSinglePage: true,
                  showTotal: (t) => `共 ${t} 条`,
                  onChange: (p) => set('page', p > 1 ? String(p) : undefined),
                }}
                aria-label="培训记录"
              />
            </Card>
          </>
        ))}
      {orgCode && (
        <StepModal
          name="learning-training"
          title="登记执法人员培训"
          label="登记"
          spec={spec}
          initialValues={{ hours: 8 }}
          open={adding}
          pending={post.isPending}
          onClose={() => setAdding(false)}
          afterClose={() => undefined}
          submit={async (body) => {
            const { on, officerId, personName, ...rest } = body;
            const officer = (choices.data ?? []).find((o) => String(o.id) === officerId);
            return post.mutateAsync({
              path: 'trainings',
              body: {
                ...rest,
                heldOn: on,
                orgCode: officer?.orgCode ?? orgCode,
                officerId: officer ? officer.id : null,
                personName: officer?.name ?? personName ?? '',
              },
            });
          }}
        />
      )}
    </Flex>
  );
}
