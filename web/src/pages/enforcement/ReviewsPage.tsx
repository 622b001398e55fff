import { AuditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { dash } from '../../enforcement/labels';
import { PostModal } from '../../enforcement/PostModal';
import {
  rowsOf,
  useEnforcementCases,
  useEnforcementMeta,
  useModulePost,
  useReviewSummary,
  useReviews,
  useReviewTemplates,
} from '../../enforcement/queries';
import type { CaseReview, ReviewTemplate, SummaryRow } from '../../enforcement/types';
import { useOrgLabel } from '../../enforcement/useOrgLabel';
import { disableFuture, toDate } from '../../ledger/dates';

/** "评查项 分值" lines ↔ template items (keys kept by position when editing). */
function parseItems(text: unknown, old: ReviewTemplate['items'] = []): ReviewTemplate['items'] {
  if (typeof text !== 'string') return [];
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line, i) => {
      const m = /^(.*?)[\s:：]+(\d+)\s*分?$/.exec(line);
      return {
        key: old[i]?.key ?? `k${i + 1}`,
        label: (m ? m[1]! : line).trim(),
        points: m ? Number(m[2]) : 0,
      };
    });
}
const itemsText = (items: ReviewTemplate['items']) => items.map((i) => `${i.label} ${i.points}`).join('\n');

function TemplatesTab(props: { org: string | null; canEvaluate: boolean }) {
  const templates = useReviewTemplates(props.org);
  const [editing, setEditing] = useState<ReviewTemplate | 'new' | null>(null);
  const current = editing === 'new' ? null : editing;
  const columns: TableColumnsType<ReviewTemplate> = [
    { title: '模板', dataIndex: 'name', key: 'name' },
    { title: '评查项', key: 'items', width: 90, render: (_, t) => t.items.length },
    { title: '总分', key: 'total', width: 80, render: (_, t) => t.items.reduce((s, i) => s + i.points, 0) },
    { title: '合格分', dataIndex: 'passScore', key: 'pass', width: 80 },
    {
      title: '状态',
      dataIndex: 'active',
      key: 'active',
      width: 80,
      render: (a: boolean) => (a ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>),
    },
    ...(props.canEvaluate
      ? [
          {
            title: '',
            key: 'ops',
            width: 70,
            render: (_: unknown, t: ReviewTemplate) => (
              <Button type="link" size="small" onClick={() => setEditing(t)}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap={12}>
      {props.canEvaluate && (
        <Button icon={<PlusOutlined />} style={{ alignSelf: 'flex-start' }} onClick={() => setEditing('new')}>
          新建评查模板
        </Button>
      )}
      {templates.isError && <PageError error={templates.error} />}
      <Table<ReviewTemplate>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rowsOf(templates.data)}
        loading={templates.isFetching}
        pagination={false}
        expandable={{
          expandedRowRender: (t) => (
            <ul style={{ margin: 0 }}>
              {t.items.map((i) => (
                <li key={i.key}>
                  {i.label}（{i.points} 分）
                </li>
              ))}
            </ul>
          ),
        }}
        aria-label="评查模板"
      />
      {editing && (
        <PostModal
          name="template-form"
          title={current ? `编辑 ${current.name}` : '新建评查模板'}
          path={current ? `/review-templates/${current.id}/update` : '/review-templates'}
          fields={[
            { name: 'name', label: '模板名称', kind: 'text', required: '请填写名称', max: 100 },
            {
              name: 'items',
              label: '评查项',
              kind: 'textarea',
              required: '请填写评查项',
              rows: 8,
              max: 5000,
              help: '每行一项：评查内容 分值，如“立案审批手续完备 10”',
            },
            {
              name: 'passScore',
              label: '合格分',
              kind: 'number',
              min: 0,
              max: 1000,
              unit: '分',
              required: '请填写合格分',
            },
            { name: 'active', label: '启用', kind: 'checkbox', text: '启用此模板' },
          ]}
          done="已保存评查模板"
          initialValues={
            current
              ? {
                  name: current.name,
                  items: itemsText(current.items),
                  passScore: current.passScore,
                  active: current.active,
                }
              : { passScore: 80, active: true }
          }
          transform={(b) => ({
            ...b,
            items: parseItems(b.items, current?.items),
            ...(current ? {} : { orgCode: props.org }),
          })}
          open
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}

interface ReviewValues {
  caseId?: number;
  templateId?: number;
  reviewedOn: Dayjs;
  scores: Record<string, number>;
  comments?: string;
}

function ReviewModal(props: { org: string | null; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const templates = rowsOf(useReviewTemplates(props.org).data).filter((t) => t.active);
  const cases = useEnforcementCases(
    { org: props.org ?? undefined, status: 'closed', q: q || undefined, pageSize: '30' },
    props.open,
  );
  const archived = useEnforcementCases(
    { org: props.org ?? undefined, status: 'archived', q: q || undefined, pageSize: '30' },
    props.open,
  );
  const templateId = Form.useWatch('templateId', form);
  const template = templates.find((t) => t.id === templateId);
  const post = useModulePost<Record<string, unknown>>();
  const caseOptions = [...(cases.data?.items ?? []), ...(archived.data?.items ?? [])].map((c) => ({
    value: c.id,
    label: `${c.caseNo} ${c.partyName} ${c.summary}`,
  }));

  const onFinish = async (v: ReviewValues) => {
    setError(null);
    try {
      await post.mutateAsync({
        path: '/reviews',
        body: {
          caseId: v.caseId,
          templateId: v.templateId,
          reviewedOn: toDate(v.reviewedOn),
          scores: v.scores ?? {},
          comments: v.comments?.trim() || undefined,
        },
      });
      message.success('已记录评查结果');
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Modal
      open={props.open}
      title="评查案卷"
      okText="提交"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={post.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<ReviewValues>
        form={form}
        layout="vertical"
        name="case-review"
        aria-label="评查案卷"
        onFinish={onFinish}
        initialValues={{ reviewedOn: dayjs(), templateId: templates[0]?.id }}
      >
        <Form.Item name="caseId" label="案卷（已结案）" rules={[{ required: true, message: '请选择案卷' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            options={caseOptions}
            placeholder="输入案号或当事人搜索"
            notFoundContent="没有已结案的案件"
          />
        </Form.Item>
        <Form.Item name="templateId" label="评查模板" rules={[{ required: true, message: '请选择评查模板' }]}>
          <Select options={templates.map((t) => ({ value: t.id, label: t.name }))} />
        </Form.Item>
        <Form.Item name="reviewedOn" label="评查日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disableFuture} inputReadOnly />
        </Form.Item>
        {template?.items.map((i) => (
          <Form.Item
            key={i.key}
            name={['scores', i.key]}
            label={`${i.label}（${i.points} 分）`}
            rules={[{ required: true, message: '请打分' }]}
            initialValue={i.points}
          >
            <InputNumber min={0} max={i.points} precision={0} suffix="分" style={{ width: 160 }} />
          </Form.Item>
        ))}
        {template && (
          <Typography.Paragraph type="secondary">合格分：{template.passScore}</Typography.Paragraph>
        )}
        <Form.Item name="comments" label="评查意见">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
}

function SummaryTable(props: { rows: SummaryRow[]; officers?: boolean; label: string }) {
  const orgLabel = useOrgLabel();
  const columns: TableColumnsType<SummaryRow> = [
    ...(props.officers
      ? [
          {
            title: '执法人员',
            key: 'name',
            width: 200,
            render: (_: unknown, r: SummaryRow) => (r.certNo ? `${r.name}（${r.certNo}）` : (r.name ?? '—')),
          },
          { title: '所在单位', key: 'org', render: (_: unknown, r: SummaryRow) => r.orgName ?? '—' },
        ]
      : [
          {
            title: '单位',
            key: 'org',
            render: (_: unknown, r: SummaryRow) => orgLabel(r.orgCode, r.orgName),
          },
        ]),
    {
      title: '评查件数',
      key: 'count',
      width: 100,
      render: (_, r) => r.reviewed ?? r.count ?? r.reviews ?? 0,
    },
    { title: '合格件数', dataIndex: 'passed', key: 'passed', width: 100, render: dash },
    {
      title: '合格率',
      key: 'rate',
      width: 100,
      render: (_, r) => {
        const n = r.reviewed ?? r.count ?? r.reviews ?? 0;
        const rate = r.passRate ?? (n ? ((r.passed ?? 0) / n) * 100 : null);
        return rate === null || rate === undefined ? '—' : `${Number(rate).toFixed(1)}%`;
      },
    },
    {
      title: '平均分',
      key: 'avg',
      width: 100,
      render: (_, r) => {
        const v = r.averageScore ?? r.avgScore ?? r.average;
        return v === null || v === undefined ? '—' : Number(v).toFixed(1);
      },
    },
  ];
  return (
    <Table<SummaryRow>
      rowKey={(r) => String(r.key ?? r.orgCode ?? r.officerId ?? r.name)}
      size="small"
      columns={columns}
      dataSource={props.rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      aria-label={props.label}
    />
  );
}

/** 案卷评查: results, per-office and per-officer summary, the county's checklist templates. */
export default function ReviewsPage() {
  const { code, org } = useCurrentOrg();
  const meta = useEnforcementMeta(code);
  const canEvaluate = meta.data?.can.evaluate ?? false;
  const orgLabel = useOrgLabel();
  const [page, setPage] = useState(1);
  const [reviewing, setReviewing] = useState(false);
  const year = dayjs().year();
  const reviews = useReviews({ org: code, page, pageSize: 20 }, Boolean(code));
  const [period, setPeriod] = useState<number>(0);
  const summary = useReviewSummary(
    period ? { org: code, from: `${period}-01-01`, to: `${period}-12-31` } : { org: code },
    Boolean(code),
  );
  const s = summary.data;

  const columns: TableColumnsType<CaseReview> = [
    {
      title: '案卷',
      key: 'case',
      width: 170,
      render: (_, r) => <Link to={`/enforcement/${r.caseId}`}>{r.caseNo ?? `#${r.caseId}`}</Link>,
    },
    { title: '办案单位', key: 'org', width: 220, render: (_, r) => orgLabel(r.orgCode, r.orgName) },
    { title: '评查日期', dataIndex: 'reviewedOn', key: 'on', width: 110 },
    { title: '得分', dataIndex: 'total', key: 'total', width: 80 },
    {
      title: '结果',
      dataIndex: 'passed',
      key: 'passed',
      width: 90,
      render: (p: boolean) => (p ? <Tag color="success">合格</Tag> : <Tag color="error">不合格</Tag>),
    },
    { title: '评查人', dataIndex: 'reviewerName', key: 'by', width: 100 },
    { title: '评查意见', dataIndex: 'comments', key: 'comments', ellipsis: true, render: dash },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <AuditOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          案卷评查
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      {canEvaluate && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setReviewing(true)}
        >
          评查案卷
        </Button>
      )}
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'results',
              label: '评查结果',
              children: reviews.isError ? (
                <PageError error={reviews.error} onRetry={() => reviews.refetch()} />
              ) : (
                <Table<CaseReview>
                  rowKey="id"
                  size="small"
                  columns={columns}
                  dataSource={reviews.data?.items ?? []}
                  loading={reviews.isFetching}
                  scroll={{ x: 900 }}
                  locale={{ emptyText: '暂无评查结果' }}
                  pagination={{
                    current: page,
                    pageSize: 20,
                    total: reviews.data?.total ?? 0,
                    showSizeChanger: false,
                    hideOnSinglePage: true,
                    onChange: setPage,
                  }}
                  aria-label="评查结果"
                />
              ),
            },
            {
              key: 'summary',
              label: '汇总',
              children: summary.isError ? (
                <PageError error={summary.error} />
              ) : (
                <Flex vertical gap={16}>
                  <Select
                    aria-label="评查年度"
                    value={period}
                    onChange={setPeriod}
                    style={{ width: 140 }}
                    options={[
                      { value: 0, label: '全部年度' },
                      ...[year, year - 1, year - 2].map((y) => ({ value: y, label: `${y}年` })),
                    ]}
                  />
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    按单位
                  </Typography.Title>
                  <SummaryTable rows={s?.offices ?? s?.byOffice ?? []} label="按单位汇总" />
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    按执法人员
                  </Typography.Title>
                  <SummaryTable rows={s?.officers ?? s?.byOfficer ?? []} officers label="按执法人员汇总" />
                </Flex>
              ),
            },
            {
              key: 'templates',
              label: '评查模板',
              children: <TemplatesTab org={code} canEvaluate={canEvaluate} />,
            },
          ]}
        />
      </Card>
      <ReviewModal org={code} open={reviewing} onClose={() => setReviewing(false)} />
    </Flex>
  );
}
