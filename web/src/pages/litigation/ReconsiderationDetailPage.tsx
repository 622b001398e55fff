import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageError, PageSpin } from '../../components/PageState';
import { CaseTimeline } from '../../ledger/CaseTimeline';
import { StepModal } from '../../ledger/StepModal';
import { DeadlineCard, dash, OutcomeTag } from './parts';
import {
  type ReconsiderationDetail,
  useLitigationMeta,
  useLitigationRecord,
  useLitigationStep,
} from './queries';
import { reconsiderationSpec } from './steps';

function flow(d: ReconsiderationDetail) {
  const steps = [
    { title: '收到副本', on: d.receivedOn },
    { title: '书面答复', on: d.repliedOn },
    { title: '听证', on: d.hearingOn, optional: true },
    { title: '复议决定', on: d.decidedOn },
    { title: '意见书', on: d.opinionReceivedOn, optional: true },
    { title: '整改', on: d.rectifiedOn, optional: true },
  ];
  let current = steps.findIndex((s) => !s.on && !s.optional);
  if (current === -1) current = steps.length - 1;
  return {
    current,
    items: steps.map((s, i) => ({
      title: s.title,
      content: s.on ?? (s.optional ? '（如有）' : undefined),
      status: (s.on ? 'finish' : i === current ? 'process' : 'wait') as 'finish' | 'process' | 'wait',
    })),
  };
}

/** 复议案件 (as 被申请人): 答复, 听证, 决定, 意见书, 整改. */
export default function ReconsiderationDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const rec = useLitigationRecord<ReconsiderationDetail>('reconsiderations', id);
  const meta = useLitigationMeta(rec.data?.orgCode);
  const step = useLitigationStep<ReconsiderationDetail>('reconsiderations', id);
  const [active, setActive] = useState<{ step: string; label: string } | null>(null);
  const [open, setOpen] = useState(false);
  if (rec.isPending) return <PageSpin />;
  if (rec.isError) return <PageError title="案件加载失败" error={rec.error} onRetry={() => rec.refetch()} />;
  const d = rec.data;
  const f = flow(d);

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap="wrap">
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/litigation/reconsiderations')}
          aria-label="返回台账"
        />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {d.caseNo ?? `复议案件 #${d.id}`}
        </Typography.Title>
        <Tag color={d.procedure === '简易' ? 'blue' : 'default'}>{d.procedure}程序</Tag>
        <OutcomeTag type={d.decisionType} />
      </Flex>
      <Card size="small">
        <Steps size="small" current={f.current} items={f.items} />
      </Card>
      {meta.data?.can.manage && d.allowedSteps.length > 0 && (
        <Card size="small" title="办理">
          <Flex gap={8} wrap="wrap">
            {d.allowedSteps.map((s) => (
              <Button
                key={s.step}
                type={s.step === 'reply' || s.step === 'decide' ? 'primary' : 'default'}
                data-testid={`step-${s.step}`}
                onClick={() => {
                  setActive(s);
                  setOpen(true);
                }}
              >
                {s.label}
              </Button>
            ))}
          </Flex>
        </Card>
      )}
      <Card size="small" title="案件信息">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="被申请人">{dash(d.orgName)}</Descriptions.Item>
          <Descriptions.Item label="复议机关">{d.authority}</Descriptions.Item>
          <Descriptions.Item label="申请人">{`${d.applicantName}（${d.applicantKind}）`}</Descriptions.Item>
          <Descriptions.Item label="证件号码">{dash(d.applicantIdNo)}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{dash(d.applicantPhone)}</Descriptions.Item>
          <Descriptions.Item label="行为类别">{d.actKind}</Descriptions.Item>
          <Descriptions.Item label="被申请复议的行为" span={3}>
            {d.act}
          </Descriptions.Item>
          <Descriptions.Item label="涉及款额">
            {d.amount === null ? dash(null) : `${d.amount} 元`}
          </Descriptions.Item>
          <Descriptions.Item label="收到申请书副本">{d.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="书面答复">{dash(d.repliedOn)}</Descriptions.Item>
          <Descriptions.Item label="听证">
            {d.hearingOn
              ? `${d.hearingOn} ${d.hearingHeadAttended ? `负责人${d.hearingHeadName ?? ''}参加` : '负责人未参加'}`
              : dash(null)}
          </Descriptions.Item>
          <Descriptions.Item label="复议决定">
            {d.decisionType
              ? `${d.decidedOn} ${d.decisionType}${d.servedOn ? `（${d.servedOn} 送达）` : ''}`
              : dash(null)}
          </Descriptions.Item>
          <Descriptions.Item label="关联执法案件">
            {d.enforcementCaseId ? (
              <Link to={`/enforcement/${d.enforcementCaseId}`}>#{d.enforcementCaseId}</Link>
            ) : (
              dash(null)
            )}
          </Descriptions.Item>
          {d.opinionReceivedOn && (
            <Descriptions.Item label="行政复议意见书" span={3}>
              {`${d.opinionReceivedOn} 收到：${d.opinionContent ?? ''}`}
              {d.rectifiedOn
                ? `；${d.rectifiedOn} 报送整改情况：${d.rectificationReport ?? ''}`
                : '；尚未报送整改情况'}
            </Descriptions.Item>
          )}
          {d.lawsuits.length > 0 && (
            <Descriptions.Item label="复议后起诉" span={3}>
              {d.lawsuits.map((l) => (
                <Link key={l.id} to={`/litigation/lawsuits/${l.id}`} style={{ marginRight: 12 }}>
                  {l.caseNo ?? `#${l.id}`}（{l.court}，{l.instance}）
                </Link>
              ))}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <DeadlineCard deadlines={d.deadlines} />
      <CaseTimeline entries={d.timeline} />
      {active && (
        <StepModal
          name={`step-${active.step}`}
          title={active.label}
          label={active.label}
          spec={reconsiderationSpec(active.step, meta.data)}
          submit={async (body) => {
            const input =
              active.step === 'hearing' ? { ...body, headAttended: body.headAttended === 'yes' } : body;
            const r = await step.mutateAsync({ step: active.step, body: input });
            if (r.warning) message.warning(r.warning);
            return r;
          }}
          pending={step.isPending}
          open={open}
          onClose={() => setOpen(false)}
          afterClose={() => setActive(null)}
        />
      )}
    </Flex>
  );
}
