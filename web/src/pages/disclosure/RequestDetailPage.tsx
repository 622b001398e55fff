import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, type DescriptionsProps, Flex, Result, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api';
import { PageError, PageSpin } from '../../components/PageState';
import { CaseTimeline } from '../../ledger/CaseTimeline';
import { StepModal, type StepSpec } from '../../ledger/StepModal';
import {
  DueText,
  type RequestDetail,
  StatusTag,
  useDisclosureMeta,
  useRequestDetail,
  useRequestStep,
} from './shared';

const dash = (v: string | number | null | undefined): ReactNode =>
  v !== null && v !== undefined && v !== '' ? v : <Typography.Text type="secondary">—</Typography.Text>;

function specFor(
  step: string,
  r: RequestDetail,
  reasons: Record<string, string[]>,
  opinions: string[],
): StepSpec {
  switch (step) {
    case 'confirm':
      return {
        dateLabel: r.evidenceLabel,
        fields: [],
        note: '《政府信息公开条例》第三十一条：以此日为收到申请之日，答复期限自此起算20个工作日',
        done: '已确认收到申请',
      };
    case 'requestCorrection':
      return {
        dateLabel: '告知补正日期',
        note: `须自收到申请之日起7个工作日内一次性告知（至 ${r.correctionWindowEnd ?? '—'}，第三十条）；答复期限自收到补正之日起重新计算`,
        fields: [
          {
            name: 'items',
            label: '需要补正的事项',
            kind: 'textarea',
            required: '请一次性写明需要补正的事项',
            max: 2000,
          },
          { name: 'dueOn', label: '补正期限', kind: 'date', future: true },
        ],
        done: '已告知补正',
      };
    case 'receiveCorrection':
      return {
        dateLabel: '收到补正日期',
        fields: [],
        note: '答复期限自收到补正之日起重新计算20个工作日',
        done: '已登记补正',
      };
    case 'abandon':
      return {
        dateLabel: '认定日期',
        fields: [],
        note: '申请人无正当理由逾期不补正的，视为放弃申请（第三十条），本件办结，计入“其他处理”',
        done: '已按视为放弃办结',
      };
    case 'consult':
      return {
        dateLabel: '发出征求意见日期',
        fields: [
          { name: 'thirdParty', label: '第三方', kind: 'text', required: '请填写第三方名称', max: 200 },
        ],
        note: '第三方应在15个工作日内提出意见；征求意见的时间不计入答复期限（第三十二、三十三条）',
        done: '已登记征求第三方意见',
      };
    case 'consultReply':
      return {
        dateLabel: '收到第三方意见日期',
        fields: [
          { name: 'opinion', label: '第三方意见', kind: 'radio', options: opinions, required: '请选择' },
        ],
        note: '自发出至收到意见的工作日（至多15个）不计入答复期限',
        done: '已登记第三方意见',
      };
    case 'extend':
      return {
        dateLabel: '机构负责人同意日期',
        fields: [
          {
            name: 'days',
            label: '延长工作日数',
            kind: 'number',
            min: 1,
            max: 20,
            unit: '个工作日',
            required: '请填写延长期限',
          },
          { name: 'approver', label: '批准的机构负责人', kind: 'text', required: '请填写批准人', max: 50 },
          { name: 'reason', label: '延期理由', kind: 'textarea', required: '请填写延期理由', max: 500 },
          { name: 'notifiedOn', label: '告知申请人日期', kind: 'date', required: '请选择告知日期' },
        ],
        note: `延长答复期限须经机构负责人同意并告知申请人，最长不超过20个工作日（第三十三条）；当前期限 ${r.dueOn ?? '—'}`,
        done: '已延长答复期限',
      };
    default:
      return {
        dateLabel: '答复日期',
        fields: [
          {
            name: 'type',
            label: '答复类型',
            kind: 'select',
            options: Object.keys(reasons),
            required: '请选择答复类型',
          },
          {
            name: 'reason',
            label: '具体理由（不予公开、无法提供、不予处理、其他处理须选）',
            kind: 'select',
            allowClear: true,
            options: Object.entries(reasons).flatMap(([t, list]) =>
              list.map((x) => ({ value: x, label: `${t}：${x}` })),
            ),
          },
          { name: 'text', label: '答复内容', kind: 'textarea', max: 5000 },
        ],
        note: `答复期限 ${r.dueOn ?? '—'}`,
        done: '已答复',
      };
  }
}

export default function RequestDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const q = useRequestDetail(id);
  const meta = useDisclosureMeta(q.data?.orgCode);
  const run = useRequestStep(id ?? '0');
  const [active, setActive] = useState<{ step: string; label: string } | null>(null);
  const [open, setOpen] = useState(false);

  if (q.isPending) return <PageSpin />;
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404)
      return <Result status="404" title="申请不存在或无权查看" />;
    return <PageError title="申请加载失败" error={q.error} onRetry={() => q.refetch()} />;
  }
  const r = q.data;
  const items: DescriptionsProps['items'] = [
    { key: 'org', label: '受理机关', children: dash(r.orgName) },
    {
      key: 'kind',
      label: '申请人类型',
      children: r.applicantSubKind ? `${r.applicantKind}（${r.applicantSubKind}）` : r.applicantKind,
    },
    { key: 'name', label: '申请人', children: r.applicantName },
    { key: 'id', label: '证件号码', children: dash(r.idNo) },
    { key: 'phone', label: '联系电话', children: dash(r.phone) },
    { key: 'address', label: '通信地址', children: dash(r.address) },
    { key: 'channel', label: '申请方式', children: r.mailKind ? `${r.channel}（${r.mailKind}）` : r.channel },
    { key: 'submitted', label: '提交日期', children: r.submittedOn },
    { key: 'received', label: '收到申请之日', children: dash(r.receivedOn) },
    {
      key: 'content',
      label: '申请内容',
      span: 'filled',
      children: <span className="pre-wrap">{r.content}</span>,
    },
    ...(r.correctionRequestedOn
      ? [
          {
            key: 'cr',
            label: '告知补正',
            children: `${r.correctionRequestedOn}：${r.correctionItems ?? ''}`,
          },
          { key: 'cv', label: '收到补正', children: dash(r.correctionReceivedOn) },
        ]
      : []),
    ...(r.thirdPartySentOn
      ? [
          {
            key: 'tp',
            label: '征求第三方意见',
            children: `${r.thirdParty ?? ''}，${r.thirdPartySentOn} 发出`,
          },
          {
            key: 'tr',
            label: '第三方意见',
            children: r.thirdPartyRepliedOn
              ? `${r.thirdPartyRepliedOn} ${r.thirdPartyOpinion ?? ''}（不计入 ${r.pausedWorkdays} 个工作日）`
              : '等待回复',
          },
        ]
      : []),
    ...(r.extendedDays
      ? [
          {
            key: 'ext',
            label: '延长答复期限',
            children: `${r.extendedDays} 个工作日，${r.extensionApprover ?? ''} ${r.extensionApprovedOn ?? ''} 同意，${r.extensionNotifiedOn ?? ''} 告知申请人`,
          },
        ]
      : []),
    ...(r.answeredOn
      ? [
          {
            key: 'ans',
            label: '答复',
            children: `${r.answeredOn} ${r.answerType ?? ''}${r.answerReason ? `（${r.answerReason}）` : ''}`,
          },
          { key: 'ansText', label: '答复内容', children: dash(r.answerText) },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={8} wrap="wrap">
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/disclosure/requests')}
          aria-label="返回"
        />
        <Typography.Title level={2} style={{ margin: 0 }}>
          {r.requestNo}
        </Typography.Title>
        <StatusTag status={r.status} label={r.statusLabel} />
      </Flex>
      <Alert
        type={r.overdue || r.onTime === false ? 'error' : 'info'}
        showIcon
        data-testid="due-banner"
        title={
          <span>
            答复期限：
            <DueText r={r} />
            {r.dueOn && ' — 自收到申请（补正）之日起20个工作日，加批准延长，扣除征求第三方意见时间'}
          </span>
        }
      />
      {r.allowedSteps.length > 0 && (
        <Flex gap={8} wrap="wrap" aria-label="办理环节">
          {r.allowedSteps.map((s) => (
            <Button
              key={s.step}
              type={s.step === 'answer' || s.step === 'confirm' ? 'primary' : 'default'}
              danger={s.step === 'abandon'}
              onClick={() => {
                setActive(s);
                setOpen(true);
              }}
            >
              {s.label}
            </Button>
          ))}
        </Flex>
      )}
      <Card size="small" title="申请信息">
        <Descriptions items={items} column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered />
      </Card>
      <Card size="small" title="办理记录">
        <CaseTimeline entries={r.timeline} isNegative={(a) => a === 'disclosure.abandon'} />
      </Card>
      {active && (
        <StepModal
          name={`step-${active.step}`}
          title={active.label}
          label={active.label}
          spec={specFor(active.step, r, meta.data?.answerReasons ?? {}, meta.data?.thirdPartyOpinions ?? [])}
          submit={(body) => run.mutateAsync({ step: active.step, body })}
          pending={run.isPending}
          open={open}
          onClose={() => setOpen(false)}
          afterClose={() => setActive(null)}
        />
      )}
    </Flex>
  );
}
