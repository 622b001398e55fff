import {
  ArrowLeftOutlined,
  DownloadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Flex,
  Result,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api';
import { PageError, PageSpin } from '../../components/PageState';
import { EvidenceCard } from '../../enforcement/EvidenceCard';
import {
  DEADLINE_STATUS,
  DEADLINE_STEPS,
  dash,
  long,
  MajorTag,
  StatusTag,
  yuan,
} from '../../enforcement/labels';
import { BASE, useEnforcementCase, useEnforcementMeta, useEnforcementStep } from '../../enforcement/queries';
import {
  enforcementStepInitial,
  enforcementStepSpec,
  FORWARD_STEPS,
  NEGATIVE_STEPS,
} from '../../enforcement/steps';
import type {
  CaseDeadline,
  CaseDetail,
  CaseOfficer,
  EnforcementMeta,
  EnforcementStep,
} from '../../enforcement/types';
import { CaseTimeline } from '../../ledger/CaseTimeline';
import { daysBetween, todayIso } from '../../ledger/dates';
import { StepModal } from '../../ledger/StepModal';
import { useIsMobile } from '../../useIsMobile';

type Items = NonNullable<DescriptionsProps['items']>;
const filled = 'filled' as const;

function DeadlineTable(props: { rows: CaseDeadline[] }) {
  const today = todayIso();
  if (props.rows.length === 0) return <Empty description="尚无法定期限" />;
  const columns: TableColumnsType<CaseDeadline> = [
    {
      title: '环节',
      key: 'step',
      width: 140,
      render: (_, d) =>
        d.legalBasis ? (
          <Tooltip title={`法律依据：${d.legalBasis}`}>
            <Typography.Text strong>{DEADLINE_STEPS[d.step] ?? d.title}</Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text strong>{DEADLINE_STEPS[d.step] ?? d.title}</Typography.Text>
        ),
    },
    { title: '起算', dataIndex: 'startsOn', key: 'startsOn', width: 110 },
    {
      title: '届满日',
      key: 'dueOn',
      width: 120,
      render: (_, d) => (d.overdue ? <Typography.Text type="danger">{d.dueOn}</Typography.Text> : d.dueOn),
    },
    {
      title: '状态',
      key: 'status',
      width: 180,
      render: (_, d) => (
        <Flex gap={4} wrap="wrap">
          <Tag color={DEADLINE_STATUS[d.status]?.color}>{DEADLINE_STATUS[d.status]?.label ?? d.status}</Tag>
          {d.overdue && <Tag color="red">逾期 {daysBetween(d.dueOn, today)} 天</Tag>}
          {d.late && <Tag color="orange">超期完成</Tag>}
        </Flex>
      ),
    },
    { title: '完成日', dataIndex: 'doneOn', key: 'doneOn', width: 110, render: dash },
    { title: '依据', dataIndex: 'legalBasis', key: 'basis', ellipsis: true, render: dash },
  ];
  return (
    <Table<CaseDeadline>
      rowKey={(d) => `${d.step}-${d.startsOn}`}
      size="small"
      columns={columns}
      dataSource={props.rows}
      pagination={false}
      scroll={{ x: 860 }}
      aria-label="法定期限"
    />
  );
}

function StepDialog(props: {
  detail: CaseDetail;
  meta: EnforcementMeta;
  step: EnforcementStep;
  label: string;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { detail, step } = props;
  const mutation = useEnforcementStep(detail.id);
  return (
    <StepModal
      name={`step-${step}`}
      title={`${props.label} · ${detail.caseNo}`}
      label={props.label}
      spec={enforcementStepSpec(step, props.meta, detail)}
      initialValues={enforcementStepInitial(step, detail)}
      submit={(body) => mutation.mutateAsync({ step, body })}
      pending={mutation.isPending}
      open={props.open}
      onClose={props.onClose}
      afterClose={props.afterClose}
      width={600}
    />
  );
}

function handlingItems(d: CaseDetail): Items {
  const out: Items = [];
  const add = (key: string, label: string, children: ReactNode, span?: typeof filled) =>
    out.push({ key, label, children, ...(span ? { span } : {}) });
  if (d.investigatedOn) {
    add('inv', '调查终结', d.investigatedOn);
    add('hearingApplicable', '适用听证', d.hearingApplicable ? '是' : '否');
    add('findings', '认定事实', long(d.findings), filled);
    add('proposal', '拟处理意见', long(d.proposal), filled);
  }
  if (d.major) add('majorReasons', '重大执法决定', d.majorReasons.join('；') || '是', filled);
  if (d.notifiedOn) {
    add('notified', '事先告知', d.notifiedOn);
    if (d.hearingApplicable) add('hru', '听证申请期限', dash(d.hearingRequestUntil));
    if (d.hearingWaived) add('hw', '听证', '当事人放弃听证');
    if (d.hearingRequestedOn) add('hr', '听证申请', d.hearingRequestedOn);
    if (d.hearingOn) add('ho', '听证日期', `${d.hearingOn}（主持人：${d.hearingHost ?? '—'}）`);
    if (d.hearingHeldOn) add('hh', '举行听证', d.hearingHeldOn);
    if (d.statementText || d.statementWaived)
      add('st', '陈述申辩', d.statementWaived ? '当事人放弃陈述申辩' : long(d.statementText), filled);
  }
  if (d.reviewSubmittedOn) add('rs', '提交法制审核', d.reviewSubmittedOn);
  if (d.reviewedOn) {
    add('rv', '法制审核', `${d.reviewedOn} · ${d.reviewResult ?? ''} · ${d.reviewerName ?? ''}`);
    add('ro', '审核意见', long(d.reviewOpinion), filled);
  }
  if (d.collectiveOn) {
    add('co', '集体讨论', `${d.collectiveOn} · ${d.collectiveAttendees ?? ''}`);
    add('cm', '讨论记录', long(d.collectiveMinutes), filled);
  }
  if (d.extendedDays)
    add(
      'ext',
      '延期',
      `${d.extendedDays} 日（${d.extensionApprover ?? ''}批准：${d.extensionReason ?? ''}）`,
      filled,
    );
  return out;
}

function decisionItems(d: CaseDetail): Items {
  if (!d.decidedOn) return [];
  const out: Items = [
    { key: 'no', label: '决定书文号', children: dash(d.decisionNo) },
    { key: 'on', label: '决定日期', children: d.decidedOn },
    { key: 'kind', label: '决定类型', children: dash(d.decisionKind) },
    { key: 'pt', label: '处罚种类', children: d.penaltyTypes.join('、') || dash(null) },
    { key: 'fine', label: '罚款', children: yuan(d.fineAmount) },
    { key: 'conf', label: '没收', children: yuan(d.confiscatedAmount) },
    { key: 'facts', label: '违法事实和证据', span: filled, children: long(d.decisionFacts) },
    { key: 'basis', label: '依据', span: filled, children: long(d.decisionBasis) },
    { key: 'perf', label: '履行方式和期限', span: filled, children: long(d.performance) },
    { key: 'remedy', label: '救济途径', span: filled, children: long(d.remedy) },
  ];
  if (d.servedOn) {
    out.push({ key: 'served', label: '送达', children: `${d.servedOn} · ${d.serviceMethod ?? ''}` });
    out.push({ key: 'pay', label: '缴款期限', children: dash(d.paymentDueOn) });
  }
  if (d.paidOn) out.push({ key: 'paid', label: '缴款', children: `${d.paidOn} · ${yuan(d.paidAmount)}` });
  if (d.surcharge) out.push({ key: 'sur', label: '加处罚款', children: yuan(d.surcharge) });
  if (d.executedOn)
    out.push({ key: 'ex', label: '执行', children: `${d.executedOn} ${d.executionNote ?? ''}` });
  if (d.closedOn) out.push({ key: 'cl', label: '结案', children: d.closedOn });
  if (d.archivedOn) out.push({ key: 'ar', label: '归档', children: d.archivedOn });
  if (d.revokedOn)
    out.push({
      key: 'rev',
      label: '变更/撤销',
      span: filled,
      children: `${d.revokedOn}：${d.revokeReason ?? ''}`,
    });
  return out;
}

function PublicationCard(props: { detail: CaseDetail }) {
  const { detail: d } = props;
  const p = d.publication;
  return (
    <Card size="small" title="公示" data-testid="enforcement-publication">
      {!p ? (
        <Typography.Text type="secondary">
          {d.decidedOn ? '决定尚未公示' : '作出决定后，应在规定期限内在公开平台公示'}
          {d.deadlines.find((x) => x.step === 'publish' && x.status === 'open')
            ? `，公示期限至 ${d.deadlines.find((x) => x.step === 'publish' && x.status === 'open')?.dueOn}`
            : ''}
        </Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, lg: 3 }}
          items={[
            {
              key: 'state',
              label: '状态',
              children: p.withdrawnOn ? <Tag color="default">已撤回</Tag> : <Tag color="success">公示中</Tag>,
            },
            { key: 'published', label: '公示日期', children: p.publishedOn },
            {
              key: 'due',
              label: '应公示期限',
              children:
                p.publishedOn > p.dueOn ? (
                  <Typography.Text type="danger">{p.dueOn}（逾期公示）</Typography.Text>
                ) : (
                  p.dueOn
                ),
            },
            { key: 'category', label: '类别', children: p.category },
            { key: 'retain', label: '公示至', children: p.retainUntil },
            ...(p.withdrawnOn
              ? [
                  {
                    key: 'w',
                    label: '撤回',
                    span: filled,
                    children: `${p.withdrawnOn}：${p.withdrawReason ?? ''}`,
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}

export default function EnforcementDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const query = useEnforcementCase(id);
  const meta = useEnforcementMeta(query.data?.orgCode);
  const [modal, setModal] = useState<{ step: EnforcementStep; label: string; open: boolean } | null>(null);

  if (query.isPending) return <PageSpin />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <Result
          status="404"
          title="案件不存在"
          subTitle={query.error.message}
          extra={<Button onClick={() => navigate('/enforcement')}>返回案件列表</Button>}
        />
      );
    }
    return <PageError title="案件加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }

  const d = query.data;
  const can = meta.data?.can;
  const canHandle = can?.handle ?? false;
  const steps = d.allowedSteps;
  const primary = FORWARD_STEPS.find((s) => steps.some((x) => x.step === s));
  const descColumn = { xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 };
  const beforeDecision = !d.decidedOn && d.procedure === 'ordinary';

  const basic: Items = [
    { key: 'no', label: '案号', children: d.caseNo },
    { key: 'org', label: '办案单位', children: dash(d.orgName) },
    { key: 'procedure', label: '程序', children: d.procedureLabel },
    { key: 'filedOn', label: d.procedure === 'simple' ? '当场处罚日期' : '立案日期', children: d.filedOn },
    { key: 'source', label: '案件来源', children: dash(d.source) },
    {
      key: 'item',
      label: '执法事项',
      children: d.item
        ? `${d.item.name}（${d.item.itemType}，${d.item.itemCode} 第${d.item.version}版）`
        : '—',
    },
    { key: 'basis', label: '事项依据', span: filled, children: long(d.item?.legalBasis) },
    { key: 'summary', label: '案由', span: filled, children: long(d.summary) },
  ];
  const party: Items = [
    { key: 'type', label: '当事人类型', children: d.partyType },
    { key: 'name', label: d.partyType === '自然人' ? '姓名' : '名称', children: d.partyName },
    {
      key: 'id',
      label: d.partyType === '自然人' ? '身份证号' : '统一社会信用代码',
      children: dash(d.partyIdNo),
    },
    { key: 'phone', label: '联系电话', children: dash(d.partyPhone) },
    { key: 'address', label: '住址', span: filled, children: dash(d.partyAddress) },
  ];
  const officerColumns: TableColumnsType<CaseOfficer> = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 120 },
    { title: '执法证号', dataIndex: 'certNo', key: 'certNo', width: 180 },
    { title: '角色', dataIndex: 'role', key: 'role' },
  ];
  const handling = handlingItems(d);
  const decision = decisionItems(d);

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <Link to="/enforcement" aria-label="返回案件列表" className="back-link">
          <ArrowLeftOutlined />
        </Link>
        <SafetyOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="enforcement-case-no">
          {d.caseNo}
        </Typography.Title>
        <span data-testid="enforcement-status">
          <StatusTag status={d.status} label={d.statusLabel} />
        </span>
        <Tag style={{ marginInlineEnd: 0 }}>{d.procedureLabel}</Tag>
        <span data-testid="enforcement-major">
          <MajorTag major={d.major} />
        </span>
      </Flex>
      <Typography.Paragraph style={{ margin: 0 }}>
        {d.partyName} · {d.summary}
      </Typography.Paragraph>

      {beforeDecision && d.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="enforcement-missing"
          title="作出决定前尚缺"
          description={
            <ul className="missing-list" style={{ margin: 0, paddingInlineStart: 20 }}>
              {d.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      )}

      <Card
        size="small"
        title="办理"
        data-testid="enforcement-actions"
        extra={
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={`${BASE}/cases/${d.id}/casefile.zip`}
            download
          >
            案卷下载
          </Button>
        }
      >
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
            {canHandle || can?.review || !meta.data
              ? '当前状态没有可办理的环节'
              : '您的角色可查阅本案，不能办理'}
          </Typography.Text>
        )}
      </Card>

      <Card
        size="small"
        data-testid="enforcement-deadlines"
        title={
          <Flex gap={8} align="center">
            <SafetyCertificateOutlined aria-hidden className="card-title-icon" />
            法定期限
          </Flex>
        }
        extra={
          <Typography.Text type="secondary" className="card-extra-note">
            《行政处罚法》
          </Typography.Text>
        }
      >
        <DeadlineTable rows={d.deadlines} />
      </Card>

      <Card size="small" title="基本信息">
        <Descriptions items={basic} column={descColumn} size="small" bordered={!isMobile} />
      </Card>
      <Card size="small" title="当事人">
        <Descriptions items={party} column={descColumn} size="small" bordered={!isMobile} />
      </Card>
      <Card size="small" title={`执法人员（${d.officers.length}）`}>
        <Table<CaseOfficer>
          rowKey="officerId"
          size="small"
          columns={officerColumns}
          dataSource={d.officers}
          pagination={false}
          aria-label="执法人员"
        />
      </Card>

      {handling.length > 0 && (
        <Card size="small" title="调查、告知与审核">
          <Descriptions items={handling} column={descColumn} size="small" bordered={!isMobile} />
        </Card>
      )}
      {decision.length > 0 && (
        <Card size="small" title="决定与执行" data-testid="enforcement-decision">
          <Descriptions items={decision} column={descColumn} size="small" bordered={!isMobile} />
        </Card>
      )}

      <EvidenceCard detail={d} kinds={meta.data?.evidenceKinds ?? []} canHandle={canHandle} />
      <PublicationCard detail={d} />
      <CaseTimeline entries={d.timeline} isNegative={(a) => a.endsWith('revoke') || a.endsWith('withdraw')} />

      {modal && meta.data && (
        <StepDialog
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
