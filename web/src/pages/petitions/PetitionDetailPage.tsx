import {
  ArrowLeftOutlined,
  InfoCircleOutlined,
  ProfileOutlined,
  RetweetOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import {
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Flex,
  Result,
  Steps,
  type StepsProps,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api';
import { PageError, PageSpin } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { CaseTimeline } from '../../ledger/CaseTimeline';
import { daysBetween, todayIso } from '../../ledger/dates';
import { PersonList, PlainTag } from '../../ledger/PersonList';
import { StepModal } from '../../ledger/StepModal';
import { DEADLINE_STATUS, DEADLINE_STEPS, limitText, StatusTag } from '../../petitions/labels';
import { usePetition, usePetitionStep, usePetitionsMeta } from '../../petitions/queries';
import { FORWARD_STEPS, NEGATIVE_STEPS, petitionStepInitial, petitionStepSpec } from '../../petitions/steps';
import type { CaseDeadline, PetitionDetail, PetitionStep, PetitionsMeta } from '../../petitions/types';
import { useIsMobile } from '../../useIsMobile';

function text(value: string | number | null | undefined): ReactNode {
  return value !== null && value !== undefined && value !== '' ? (
    value
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
}

const long = (value: string | null | undefined) =>
  value ? <span className="pre-wrap">{value}</span> : text(value);

type StepItem = NonNullable<StepsProps['items']>[number];

/** 登记 → 受理告知 → 办结 (→ 复查 → 复核), or the branch that ended it. */
function procedure(d: PetitionDetail): { items: StepItem[]; current: number } {
  const item = (title: string, on: string | null | undefined, status?: 'error'): StepItem => ({
    title,
    content: on ?? undefined,
    status: status ?? (on ? 'finish' : 'wait'),
  });
  if (d.status === 'notAccepted') {
    return { items: [item('登记', d.receivedOn), item('不予受理', d.notAcceptedOn, 'error')], current: 1 };
  }
  if (d.status === 'objected') {
    return { items: [item('登记', d.receivedOn), item('异议退回', d.objectedOn, 'error')], current: 1 };
  }
  const items = [item('登记', d.receivedOn), item('受理告知', d.acceptedOn), item('办结', d.closedOn)];
  if (d.reviewRequestedOn) items.push(item('复查', d.reviewedOn));
  if (d.recheckRequestedOn) items.push(item('复核', d.recheckedOn));
  let current = items.findIndex((i) => i.status === 'wait');
  if (current === -1) current = items.length - 1;
  else items[current] = { ...items[current]!, status: 'process' };
  return { items, current };
}

/** 状态 of a limit: 进行中/已完成/已撤销, with 逾期 (red) or 超期完成 (orange). */
function DeadlineState(props: { d: CaseDeadline; today: string }) {
  const { d } = props;
  const info = DEADLINE_STATUS[d.status] ?? { label: d.status, color: 'default' };
  return (
    <Flex gap={4} wrap="wrap" align="center">
      <Tag color={info.color} style={{ marginInlineEnd: 0 }}>
        {info.label}
      </Tag>
      {d.overdue && (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid={`deadline-overdue-${d.step}`}>
          逾期 {daysBetween(d.dueOn, props.today)} 天
        </Tag>
      )}
      {d.late && (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          超期完成{d.doneOn ? ` ${daysBetween(d.dueOn, d.doneOn)} 天` : ''}
        </Tag>
      )}
    </Flex>
  );
}

function StepName(props: { d: CaseDeadline }) {
  const { d } = props;
  const label = DEADLINE_STEPS[d.step] ?? d.title;
  if (!d.legalBasis) return <Typography.Text strong>{label}</Typography.Text>;
  return (
    <Tooltip title={`法律依据：${d.legalBasis}`}>
      <button type="button" className="deadline-step" aria-label={`${label}（法律依据：${d.legalBasis}）`}>
        <Typography.Text strong>{label}</Typography.Text>
        <InfoCircleOutlined aria-hidden className="deadline-basis-icon" />
      </button>
    </Tooltip>
  );
}

function DueDate(props: { d: CaseDeadline }) {
  const { d } = props;
  return (
    <Flex gap={4} wrap="wrap" align="center">
      {d.overdue ? (
        <Typography.Text type="danger" strong>
          {d.dueOn}
        </Typography.Text>
      ) : (
        <span>{d.dueOn}</span>
      )}
      {d.provisional && (
        <Tooltip title="该年度节假日安排尚未公布，届满日为暂定">
          <Tag style={{ marginInlineEnd: 0 }}>暂定</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

/** The statutory limits of 《信访工作条例》 this case started, as a table (cards on phones). */
function DeadlineTable(props: { detail: PetitionDetail; isMobile: boolean }) {
  const { detail, isMobile } = props;
  const today = todayIso();
  const rows = detail.deadlines;
  if (rows.length === 0) return <Empty description="尚无法定期限" />;
  if (isMobile) {
    return (
      <Flex vertical gap={8}>
        {rows.map((d) => (
          <div
            key={`${d.step}-${d.startsOn}`}
            className={`party-card deadline-card${d.overdue ? ' deadline-card-overdue' : ''}`}
            data-testid={`deadline-${d.step}`}
          >
            <Flex justify="space-between" align="center" gap={8} wrap="wrap">
              <StepName d={d} />
              <DeadlineState d={d} today={today} />
            </Flex>
            <dl className="party-card-fields">
              <dt>期限</dt>
              <dd>{limitText(d, detail)}</dd>
              <dt>起算</dt>
              <dd>{d.startsOn}</dd>
              <dt>届满日</dt>
              <dd>
                <DueDate d={d} />
              </dd>
              {d.doneOn && (
                <>
                  <dt>{d.status === 'cancelled' ? '撤销日' : '完成日'}</dt>
                  <dd>{d.doneOn}</dd>
                </>
              )}
            </dl>
          </div>
        ))}
      </Flex>
    );
  }
  const columns: TableColumnsType<CaseDeadline> = [
    { title: '环节', key: 'step', width: 120, render: (_, d) => <StepName d={d} /> },
    { title: '期限', key: 'limit', width: 200, render: (_, d) => limitText(d, detail) },
    { title: '起算', dataIndex: 'startsOn', key: 'startsOn', width: 120 },
    { title: '届满日', dataIndex: 'dueOn', key: 'dueOn', width: 150, render: (_, d) => <DueDate d={d} /> },
    { title: '状态', key: 'status', width: 200, render: (_, d) => <DeadlineState d={d} today={today} /> },
    { title: '完成/撤销日', dataIndex: 'doneOn', key: 'doneOn', width: 120, render: text },
  ];
  return (
    <Table<CaseDeadline>
      rowKey={(d) => `${d.step}-${d.startsOn}`}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 860 }}
      rowClassName={(d) => (d.overdue ? 'deadline-row-overdue' : '')}
      onRow={(d) => ({ 'data-testid': `deadline-${d.step}` }) as HTMLAttributes<HTMLElement>}
      aria-label="法定期限"
    />
  );
}

function PetitionStepModal(props: {
  detail: PetitionDetail;
  meta: PetitionsMeta;
  step: PetitionStep;
  label: string;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { detail, step } = props;
  const mutation = usePetitionStep(detail.id);
  return (
    <StepModal
      name={`step-${step}`}
      title={`${props.label} · ${detail.petitionNo}`}
      label={props.label}
      spec={petitionStepSpec(step, props.meta, detail)}
      initialValues={petitionStepInitial(step)}
      submit={(body) => mutation.mutateAsync({ step, body })}
      pending={mutation.isPending}
      open={props.open}
      onClose={props.onClose}
      afterClose={props.afterClose}
    />
  );
}

export default function PetitionDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { byCode } = useCurrentOrg();
  const query = usePetition(id);
  const meta = usePetitionsMeta(query.data?.orgCode);
  const [modal, setModal] = useState<{ step: PetitionStep; label: string; open: boolean } | null>(null);

  if (query.isPending) return <PageSpin />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <Result
          status="404"
          title="信访件不存在"
          subTitle={query.error.message}
          extra={<Button onClick={() => navigate('/petitions')}>返回台账</Button>}
        />
      );
    }
    return <PageError title="信访件加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }

  const d = query.data;
  const { items: stepItems, current } = procedure(d);
  const descColumn = { xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 };
  const visit = d.channel === '走访' || d.channel === '领导接访';
  const canHandle = meta.data?.can.handle ?? false;
  const steps = canHandle ? d.allowedSteps : [];
  const primary = steps.find((s) => FORWARD_STEPS.has(s.step))?.step;

  const basic: DescriptionsProps['items'] = [
    { key: 'no', label: '编号', children: d.petitionNo },
    { key: 'status', label: '状态', children: <StatusTag status={d.status} label={d.statusLabel} /> },
    { key: 'org', label: '登记单位', children: text(d.orgName) },
    { key: 'receivedOn', label: '来信来访日期', children: d.receivedOn },
    { key: 'channel', label: '信访形式', children: d.channel },
    { key: 'category', label: '信访类别', children: d.category },
    { key: 'origin', label: '件来源', children: d.origin },
    ...(d.origin === '转送交办'
      ? [{ key: 'from', label: '转送交办机关', children: text(d.transferredFrom) }]
      : []),
    ...(visit ? [{ key: 'batch', label: '批次', children: `${d.batchCount} 批` }] : []),
    { key: 'persons', label: '人数', children: `${d.personCount} 人` },
    {
      key: 'repeat',
      label: '重复信访',
      children: d.isRepeat ? (
        <Flex gap={8} wrap="wrap" align="center">
          <Tag color="volcano" icon={<RetweetOutlined />} style={{ marginInlineEnd: 0 }}>
            是
          </Tag>
          {d.repeatOfId && <Link to={`/petitions/${d.repeatOfId}`}>查看原信访件</Link>}
        </Flex>
      ) : (
        '否'
      ),
    },
    {
      key: 'office',
      label: '责任科室',
      children: text(d.officeCode ? (byCode.get(d.officeCode)?.name ?? d.officeCode) : null),
    },
    { key: 'leader', label: '包案领导', children: text(d.leaderName) },
    ...(d.leaderPlan
      ? [{ key: 'plan', label: '包案方案', span: 'filled' as const, children: long(d.leaderPlan) }]
      : []),
    { key: 'subject', label: '信访事项', span: 'filled' as const, children: d.subject },
    { key: 'summary', label: '诉求与事实理由', span: 'filled' as const, children: long(d.summary) },
  ];

  const handling: DescriptionsProps['items'] = d.acceptedOn
    ? [
        { key: 'acceptedOn', label: '受理告知日期', children: d.acceptedOn },
        ...(d.extendedDays
          ? [
              { key: 'ext', label: '延期', children: `${d.extendedDays} 日` },
              { key: 'approver', label: '批准人', children: text(d.extensionApprover) },
              { key: 'notified', label: '告知信访人日期', children: text(d.extensionNotifiedOn) },
              {
                key: 'extReason',
                label: '延期理由',
                span: 'filled' as const,
                children: long(d.extensionReason),
              },
            ]
          : []),
        { key: 'closedOn', label: '办结日期', children: text(d.closedOn) },
        { key: 'opinion', label: '处理意见', children: text(d.opinion) },
        {
          key: 'resolved',
          label: '化解',
          children: d.resolved ? (
            <Tag color="green">已化解{d.resolvedOn ? `（${d.resolvedOn}）` : ''}</Tag>
          ) : (
            '未化解'
          ),
        },
        ...(d.opinionText
          ? [
              {
                key: 'opinionText',
                label: '处理意见书',
                span: 'filled' as const,
                children: long(d.opinionText),
              },
            ]
          : []),
      ]
    : [];

  const refusal: DescriptionsProps['items'] =
    d.status === 'notAccepted'
      ? [
          { key: 'on', label: '不予受理日期', children: text(d.notAcceptedOn) },
          { key: 'reason', label: '理由', span: 'filled' as const, children: long(d.notAcceptedReason) },
        ]
      : d.status === 'objected'
        ? [
            { key: 'on', label: '提出异议日期', children: text(d.objectedOn) },
            { key: 'reason', label: '异议理由', span: 'filled' as const, children: long(d.objectionReason) },
          ]
        : [];

  const review: DescriptionsProps['items'] = [
    ...(d.reviewRequestedOn
      ? [
          { key: 'rq', label: '收到复查请求', children: d.reviewRequestedOn },
          { key: 'rd', label: '复查意见日期', children: text(d.reviewedOn) },
          { key: 'rr', label: '复查结果', children: text(d.reviewResult) },
          ...(d.reviewText
            ? [{ key: 'rt', label: '复查意见', span: 'filled' as const, children: long(d.reviewText) }]
            : []),
        ]
      : []),
    ...(d.recheckRequestedOn
      ? [
          { key: 'cq', label: '收到复核请求', children: d.recheckRequestedOn },
          {
            key: 'ch',
            label: '听证天数(不计入期限)',
            children: d.recheckHearingDays ? `${d.recheckHearingDays} 日` : '—',
          },
          { key: 'cd', label: '复核意见日期', children: text(d.recheckedOn) },
          { key: 'cr', label: '复核结果', children: text(d.recheckResult) },
          ...(d.recheckText
            ? [{ key: 'ct', label: '复核意见', span: 'filled' as const, children: long(d.recheckText) }]
            : []),
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <Link to="/petitions" aria-label="返回台账" className="back-link">
          <ArrowLeftOutlined />
        </Link>
        <ProfileOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="petition-no">
          {d.petitionNo}
        </Typography.Title>
        <StatusTag status={d.status} label={d.statusLabel} />
        {d.resolved && (
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            已化解
          </Tag>
        )}
        {d.isRepeat && (
          <Tag color="volcano" icon={<RetweetOutlined />} style={{ marginInlineEnd: 0 }}>
            重复信访
          </Tag>
        )}
      </Flex>
      <Typography.Paragraph className="petition-subject-line" style={{ margin: 0 }}>
        {d.subject}
      </Typography.Paragraph>

      <Card size="small" title="办理" data-testid="petition-actions">
        <Flex vertical gap={16}>
          <Steps
            size="small"
            current={current}
            items={stepItems}
            orientation={isMobile ? 'vertical' : 'horizontal'}
            aria-label="办理流程"
          />
          {steps.length > 0 ? (
            <Flex gap={8} wrap="wrap">
              {steps.map((s) => (
                <Button
                  key={s.step}
                  type={s.step === primary ? 'primary' : 'default'}
                  danger={NEGATIVE_STEPS.has(s.step)}
                  disabled={!meta.data}
                  onClick={() => setModal({ step: s.step, label: s.label, open: true })}
                >
                  {s.label}
                </Button>
              ))}
            </Flex>
          ) : (
            <Typography.Text type="secondary">
              {canHandle || !meta.data ? '当前状态没有可办理的环节' : '您的角色可查阅本件，不能办理'}
            </Typography.Text>
          )}
        </Flex>
      </Card>

      <Card
        size="small"
        data-testid="petition-deadlines"
        title={
          <Flex gap={8} align="center">
            <SafetyCertificateOutlined aria-hidden className="card-title-icon" />
            法定期限
          </Flex>
        }
        extra={
          <Typography.Text type="secondary" className="card-extra-note">
            《信访工作条例》
          </Typography.Text>
        }
      >
        <DeadlineTable detail={d} isMobile={isMobile} />
      </Card>

      <Card size="small" title="基本信息">
        <Descriptions items={basic} column={descColumn} size="small" bordered={!isMobile} />
      </Card>

      <Card size="small" title={`信访人（${d.petitioners.length}）`}>
        <PersonList
          persons={d.petitioners}
          isMobile={isMobile}
          tagTitle="代表"
          tag={(p) => (p.isRepresentative ? <PlainTag color="blue">代表</PlainTag> : null)}
          label="信访人"
          empty="没有信访人信息"
        />
      </Card>

      {handling.length > 0 && (
        <Card size="small" title="受理与办理">
          <Descriptions items={handling} column={descColumn} size="small" bordered={!isMobile} />
        </Card>
      )}

      {refusal.length > 0 && (
        <Card size="small" title={d.status === 'notAccepted' ? '不予受理' : '异议退回'}>
          <Descriptions items={refusal} column={descColumn} size="small" bordered={!isMobile} />
        </Card>
      )}

      {review.length > 0 && (
        <Card size="small" title="复查与复核">
          <Descriptions items={review} column={descColumn} size="small" bordered={!isMobile} />
        </Card>
      )}

      <CaseTimeline
        entries={d.timeline}
        isNegative={(action) => action.endsWith('notAccept') || action.endsWith('object')}
      />

      {modal && meta.data && (
        <PetitionStepModal
          detail={d}
          meta={meta.data}
          step={modal.step}
          label={modal.label}
          open={modal.open}
          onClose={() => setModal((m) => (m ? { ...m, open: false } : m))}
          afterClose={() => setModal(null)}
        />
      )}
    </Flex>
  );
}
