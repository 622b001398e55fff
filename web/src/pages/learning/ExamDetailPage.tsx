import { AuditOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  Row,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageError, PageSpin } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { CaseTimeline } from '../../ledger/CaseTimeline';
import { StepModal, type StepSpec } from '../../ledger/StepModal';
import { GradeTag, Heading, StatusTag } from './parts';
import { BASE, dash, type Entry, pct, useExam, useLearningMeta, useLearningPost } from './queries';

const ACTION_LABELS: Record<string, string> = {
  'learning.exam.create': '创建考试',
  'learning.exam.roster': '名册增加人员',
  'learning.exam.result': '登记成绩',
  'learning.exam.import': '导入考试成绩',
};

/** One exam: its thresholds, figures, the roster with results, and the steps taken on it. */
export default function ExamDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { code } = useCurrentOrg();
  const meta = useLearningMeta(code);
  const exam = useExam(id);
  const post = useLearningPost();
  const [adding, setAdding] = useState(false);
  const [scoring, setScoring] = useState<Entry | null>(null);
  const [status, setStatus] = useState<string | undefined>();
  const [keyword, setKeyword] = useState('');
  const entries = useMemo(
    () =>
      (exam.data?.entries ?? []).filter(
        (e) =>
          (!status || e.status === status) &&
          (!keyword || e.personName.includes(keyword) || (e.unitName ?? '').includes(keyword)),
      ),
    [exam.data, status, keyword],
  );
  if (exam.isPending) return <PageSpin label="正在加载考试" />;
  if (exam.isError)
    return <PageError title="考试加载失败" error={exam.error} onRetry={() => exam.refetch()} />;
  const e = exam.data;
  const can = meta.data?.can;
  const columns: TableColumnsType<Entry> = [
    { title: '姓名', dataIndex: 'personName', key: 'personName', width: 90, fixed: 'left' },
    { title: '身份证号', dataIndex: 'idCard', key: 'idCard', width: 180, render: dash },
    { title: '单位', dataIndex: 'unitName', key: 'unitName', width: 170, render: (v, x) => v ?? x.orgName },
    { title: '人员类别', dataIndex: 'role', key: 'role', width: 90, render: dash },
    {
      title: '参考状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (s: string) => <StatusTag status={s} />,
    },
    { title: '成绩', dataIndex: 'score', key: 'score', width: 70, render: dash },
    { title: '次数', dataIndex: 'attempts', key: 'attempts', width: 60, render: dash },
    { title: '补考', dataIndex: 'makeupScore', key: 'makeupScore', width: 60, render: dash },
    {
      title: '等次',
      dataIndex: 'grade',
      key: 'grade',
      width: 80,
      render: (g: string | null) => <GradeTag grade={g} />,
    },
    { title: '学时', dataIndex: 'studyHours', key: 'studyHours', width: 60, render: dash },
    ...(can?.manage
      ? [
          {
            title: '操作',
            key: 'op',
            width: 100,
            render: (_: unknown, x: Entry) => (
              <Button size="small" onClick={() => setScoring(x)}>
                登记成绩
              </Button>
            ),
          },
        ]
      : []),
  ];
  const addSpec: StepSpec = {
    dateLabel: null,
    done: '已加入名册',
    fields: [
      { name: 'personName', label: '姓名', kind: 'text', required: '请填写姓名', max: 30, minChars: 2 },
      { name: 'idCard', label: '身份证号', kind: 'text', max: 30 },
      { name: 'unitName', label: '单位', kind: 'text', max: 100 },
      { name: 'role', label: '人员类别', kind: 'select', options: meta.data?.roles ?? [], allowClear: true },
    ],
  };
  const scoreSpec: StepSpec = {
    dateLabel: null,
    done: '成绩已登记',
    note: `合格${e.passScore}分、良好${e.goodScore}分、优秀${e.excellentScore}分；补考成绩达到合格线的计为合格。`,
    fields: [
      {
        name: 'status',
        label: '参考状态',
        kind: 'radio',
        options: meta.data?.statuses ?? [],
        required: '请选择参考状态',
      },
      { name: 'score', label: '成绩(最高分)', kind: 'number', min: 0, max: 1000, unit: '分' },
      { name: 'attempts', label: '考试次数', kind: 'number', min: 0, max: 100 },
      { name: 'makeupScore', label: '补考成绩', kind: 'number', min: 0, max: 1000, unit: '分' },
      { name: 'studyHours', label: '学法学时', kind: 'number', min: 0, max: 10000 },
    ],
  };
  const timeline = e.history.map((h) => ({
    at: h.at,
    actor: h.actorName,
    action: h.action,
    label:
      (ACTION_LABELS[h.action] ?? h.action) +
      (h.action === 'learning.exam.result' && h.after?.personName ? `：${String(h.after.personName)}` : '') +
      (h.action === 'learning.exam.import' && h.after
        ? `：更新${String(h.after.updated ?? 0)}人，新增${String(h.after.added ?? 0)}人`
        : ''),
    on: null,
  }));
  return (
    <Flex vertical gap={16} className="page">
      <Heading icon={<AuditOutlined />} title={e.name} org={e.orgName} />
      <Flex gap={8} wrap="wrap">
        {can?.manage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            添加应考人员
          </Button>
        )}
        {can?.import && (
          <Button
            type="primary"
            icon={<UploadOutlined />}
            onClick={() => navigate(`/learning/exams/${e.id}/import`)}
          >
            导入考试成绩
          </Button>
        )}
        <Button icon={<DownloadOutlined />} href={`${BASE}/exams/${e.id}/roster.xlsx`} download>
          导出名册及成绩
        </Button>
      </Flex>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 4 }}
          items={[
            { key: 'kind', label: '类别', children: e.kind },
            { key: 'year', label: '年度', children: `${e.year}年` },
            { key: 'heldOn', label: '考试日期', children: e.heldOn },
            {
              key: 'lines',
              label: '分数线',
              children: `合格${e.passScore} / 良好${e.goodScore} / 优秀${e.excellentScore}`,
            },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]} data-testid="exam-stats">
        {[
          ['应考人数', e.stats.required, '人'],
          ['参考人数', e.stats.sat, '人'],
          ['合格人数', e.stats.passed, '人'],
          ['优秀人数', e.stats.excellent, '人'],
        ].map(([t, v, u]) => (
          <Col key={String(t)} xs={12} md={4}>
            <Card size="small">
              <Statistic title={String(t)} value={Number(v)} suffix={String(u)} />
            </Card>
          </Col>
        ))}
        <Col xs={24} md={8}>
          <Card size="small">
            <Flex gap={16} wrap="wrap">
              <Statistic title="参学率" value={pct(e.stats.studyRate)} />
              <Statistic title="参考率" value={pct(e.stats.takeRate)} />
              <Statistic title="合格率" value={pct(e.stats.passRate)} />
              <Statistic title="优秀率" value={pct(e.stats.excellentRate)} />
            </Flex>
          </Card>
        </Col>
      </Row>
      <Card size="small" title="名册及成绩">
        <Flex gap={12} wrap="wrap" style={{ marginBottom: 12 }}>
          <Select
            aria-label="参考状态"
            placeholder="参考状态"
            allowClear
            style={{ width: 140 }}
            value={status}
            options={(meta.data?.statuses ?? []).map((s) => ({ value: s, label: s }))}
            onChange={setStatus}
          />
          <Input.Search
            aria-label="搜索姓名或单位"
            placeholder="姓名或单位"
            allowClear
            style={{ width: 220 }}
            onSearch={(v) => setKeyword(v.trim())}
          />
          <Typography.Text type="secondary">共 {entries.length} 人</Typography.Text>
        </Flex>
        <Table<Entry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={entries}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: '名册为空：添加应考人员或导入考试平台的成绩表' }}
          aria-label="名册及成绩"
        />
      </Card>
      <CaseTimeline entries={timeline} />
      <StepModal
        name="learning-entry"
        title="添加应考人员"
        label="添加"
        spec={addSpec}
        open={adding}
        pending={post.isPending}
        onClose={() => setAdding(false)}
        afterClose={() => undefined}
        submit={(body) => post.mutateAsync({ path: `exams/${e.id}/entries`, body })}
      />
      {scoring && (
        <StepModal
          name="learning-result"
          title={`登记成绩：${scoring.personName}`}
          label="登记成绩"
          spec={scoreSpec}
          initialValues={{
            status: scoring.status,
            score: scoring.score ?? undefined,
            attempts: scoring.attempts ?? undefined,
            makeupScore: scoring.makeupScore ?? undefined,
            studyHours: scoring.studyHours ?? undefined,
          }}
          open
          pending={post.isPending}
          onClose={() => setScoring(null)}
          afterClose={() => undefined}
          submit={(body) => post.mutateAsync({ path: `entries/${scoring.id}/result`, body })}
        />
      )}
    </Flex>
  );
}
