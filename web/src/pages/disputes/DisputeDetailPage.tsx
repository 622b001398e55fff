import { AlertFilled, ArrowLeftOutlined, ProfileOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Result,
  Steps,
  type StepsProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api';
import { PageError, PageSpin } from '../../components/PageState';
import { RISK_COLORS, StatusTag } from '../../disputes/labels';
import { useDispute, useDisputeStep, useDisputesMeta } from '../../disputes/queries';
import { disputeStepInitial, disputeStepSpec } from '../../disputes/steps';
import type { DisputeDetail, DisputesMeta, StepName } from '../../disputes/types';
import { CaseTimeline } from '../../ledger/CaseTimeline';
import { PersonList, PlainTag, orDash as text } from '../../ledger/PersonList';
import { StepModal } from '../../ledger/StepModal';
import { useIsMobile } from '../../useIsMobile';

/** 登记 → 受理 → 调解 → 办结, with the branch the case took. */
function procedure(d: DisputeDetail): { items: NonNullable<StepsProps['items']>; current: number } {
  type Item = NonNullable<StepsProps['items']>[number];
  const item = (title: string, on: string | null | undefined, status?: 'error'): Item => ({
    title,
    content: on ?? undefined,
    status: status ?? (on ? 'finish' : 'wait'),
  });
  if (d.status === 'rejected') {
    return { items: [item('登记', d.receivedOn), item('不予受理', d.rejectedOn, 'error')], current: 1 };
  }
  const end =
    d.status === 'failed'
      ? item('调解不成', d.failedOn, 'error')
      : item(d.status === 'resolved' ? '已化解' : '化解 / 转办', d.resolvedOn);
  const items = [item('登记', d.receivedOn), item('受理', d.acceptedOn), item('调解', d.mediationOn), end];
  const current = { registered: 0, accepted: 1, mediating: 2, resolved: 3, failed: 3 }[d.status] ?? 0;
  if (d.status === 'registered' || d.status === 'accepted' || d.status === 'mediating') {
    items[current + 1] = { ...items[current + 1]!, status: 'process' };
  }
  return { items, current: Math.min(current + (current < 3 ? 1 : 0), 3) };
}

function DisputeStepModal(props: {
  detail: DisputeDetail;
  meta: DisputesMeta;
  step: StepName;
  label: string;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { detail, step } = props;
  const mutation = useDisputeStep(detail.id);
  return (
    <StepModal
      name={`step-${step}`}
      title={`${props.label} · ${detail.caseNo}`}
      label={props.label}
      spec={disputeStepSpec(step, props.meta)}
      initialValues={disputeStepInitial(step, detail)}
      submit={(body) => mutation.mutateAsync({ step, body })}
      pending={mutation.isPending}
      open={props.open}
      onClose={props.onClose}
      afterClose={props.afterClose}
    />
  );
}

export default function DisputeDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const query = useDispute(id);
  const meta = useDisputesMeta(query.data?.orgCode);
  const [modal, setModal] = useState<{ step: StepName; label: string; open: boolean } | null>(null);

  if (query.isPending) return <PageSpin />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <Result
          status="404"
          title="纠纷不存在"
          subTitle={query.error.message}
          extra={<Button onClick={() => navigate('/disputes')}>返回台账</Button>}
        />
      );
    }
    return <PageError title="纠纷详情加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }

  const d = query.data;
  const { items: stepItems, current } = procedure(d);
  const descColumn = { xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 };

  const basic: DescriptionsProps['items'] = [
    { key: 'caseNo', label: '编号', children: d.caseNo },
    { key: 'status', label: '状态', children: <StatusTag status={d.status} label={d.statusLabel} /> },
    { key: 'org', label: '村/社区', children: text(d.orgName) },
    { key: 'receivedOn', label: '登记日期', children: d.receivedOn },
    { key: 'source', label: '来源', children: d.source },
    { key: 'category', label: '纠纷类型', children: d.category },
    {
      key: 'risk',
      label: '风险等级',
      children: <Tag color={RISK_COLORS[d.riskLevel] ?? 'default'}>{d.riskLevel}</Tag>,
    },
    { key: 'mediator', label: '调解员', children: text(d.mediatorName) },
    { key: 'acceptedOn', label: '受理日期', children: text(d.acceptedOn) },
    ...(d.mediationOn ? [{ key: 'mediationOn', label: '开始调解', children: d.mediationOn }] : []),
    ...(d.trackingCode
      ? [
          {
            key: 'tracking',
            label: '网上申请查询码',
            children: <Typography.Text code>{d.trackingCode}</Typography.Text>,
          },
        ]
      : []),
    ...(d.contactPhone ? [{ key: 'contact', label: '申请人联系电话', children: d.contactPhone }] : []),
    {
      key: 'summary',
      label: '简要情况',
      span: 'filled' as const,
      children: <span className="pre-wrap">{d.summary}</span>,
    },
  ];

  const agreement: DescriptionsProps['items'] = d.agreementForm
    ? [
        { key: 'resolvedOn', label: '化解日期', children: text(d.resolvedOn) },
        { key: 'form', label: '协议形式', children: d.agreementForm },
        { key: 'performance', label: '履行情况', children: text(d.performance) },
        {
          key: 'text',
          label: '协议内容',
          span: 'filled' as const,
          children: <span className="pre-wrap">{d.agreementText}</span>,
        },
        ...(d.agreementForm === '书面'
          ? [
              { key: 'judicialDue', label: '司法确认申请期限', children: text(d.judicialDueOn) },
              { key: 'judicialOn', label: '申请司法确认', children: text(d.judicialAppliedOn) },
              { key: 'court', label: '人民法院', children: text(d.judicialCourt) },
              { key: 'judicialResult', label: '确认结果', children: text(d.judicialResult) },
            ]
          : []),
        ...(d.followupOn
          ? [
              { key: 'followupOn', label: '回访日期', children: d.followupOn },
              {
                key: 'followupNote',
                label: '回访情况',
                span: 'filled' as const,
                children: <span className="pre-wrap">{d.followupNote}</span>,
              },
            ]
          : []),
      ]
    : [];

  const transfer: DescriptionsProps['items'] =
    d.status === 'failed'
      ? [
          { key: 'failedOn', label: '调解终结日期', children: text(d.failedOn) },
          { key: 'transferTo', label: '转办去向', children: text(d.transferTo) },
          { key: 'transferTarget', label: '接收单位或途径', children: text(d.transferTarget) },
        ]
      : d.status === 'rejected'
        ? [
            { key: 'rejectedOn', label: '不予受理日期', children: text(d.rejectedOn) },
            {
              key: 'reason',
              label: '不予受理理由',
              span: 'filled' as const,
              children: <span className="pre-wrap">{d.rejectReason}</span>,
            },
          ]
        : [];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <Link to="/disputes" aria-label="返回台账" className="back-link">
          <ArrowLeftOutlined />
        </Link>
        <ProfileOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="dispute-case-no">
          {d.caseNo}
        </Typography.Title>
        <StatusTag status={d.status} label={d.statusLabel} />
        {d.warning && (
          <Tag color="red" icon={<AlertFilled />}>
            预警
          </Tag>
        )}
      </Flex>

      <Card size="small" title="办理" data-testid="dispute-actions">
        <Flex vertical gap={16}>
          <Steps
            size="small"
            current={current}
            items={stepItems}
            orientation={isMobile ? 'vertical' : 'horizontal'}
            aria-label="办理流程"
          />
          {d.allowedSteps.length > 0 ? (
            <Flex gap={8} wrap="wrap">
              {d.allowedSteps.map((s, i) => (
                <Button
                  key={s.step}
                  type={i === 0 ? 'primary' : 'default'}
                  danger={s.step === 'reject' || s.step === 'fail'}
                  disabled={!meta.data}
                  onClick={() => setModal({ step: s.step, label: s.label, open: true })}
                >
                  {s.label}
                </Button>
              ))}
            </Flex>
          ) : (
            <Typography.Text type="secondary">当前状态没有可办理的环节</Typography.Text>
          )}
        </Flex>
      </Card>

      <Card size="small" title="基本信息">
        <Descriptions items={basic} column={descColumn} size="small" bordered={!isMobile} />
      </Card>

      <Card size="small" title={`当事人（${d.parties.length}）`}>
        <PersonList
          persons={d.parties}
          isMobile={isMobile}
          tagTitle="身份"
          tag={(p) => <PlainTag>{p.role}</PlainTag>}
          label="当事人"
          empty="没有当事人信息"
        />
      </Card>

      {agreement.length > 0 && (
        <Card size="small" title="调解协议">
          <Descriptions items={agreement} column={descColumn} size="small" bordered={!isMobile} />
        </Card>
      )}

      {transfer.length > 0 && (
        <Card size="small" title={d.status === 'failed' ? '转办情况' : '不予受理'}>
          <Descriptions items={transfer} column={descColumn} size="small" bordered={!isMobile} />
        </Card>
      )}

      <CaseTimeline
        entries={d.timeline}
        isNegative={(action) => action.endsWith('reject') || action.endsWith('fail')}
      />

      {modal && meta.data && (
        <DisputeStepModal
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
