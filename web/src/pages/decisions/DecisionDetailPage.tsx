import {
  CheckCircleFilled,
  ClockCircleOutlined,
  MinusCircleOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../api';
import { PageError, PageSpin } from '../../components/PageState';
import { ConsultationPanel } from '../../consultation/ConsultationPanel';
import { LegalReviewCard } from '../../consultation/LegalReviewCard';
import { useAddEvidence, useDecision, useDecisionStep, useDecisionsMeta } from '../../decisions/queries';
import { STEP_LABELS, StepModal } from '../../decisions/steps';
import type { DecisionDetail, ProcedureItem } from '../../decisions/types';
import { CaseTimeline } from '../../ledger/CaseTimeline';
import { formatTime } from '../../ledger/dates';

function ProcedureRow(props: { p: ProcedureItem }) {
  const { p } = props;
  const icon = p.done ? (
    <CheckCircleFilled style={{ color: '#52c41a' }} />
  ) : p.required ? (
    <ClockCircleOutlined style={{ color: '#faad14' }} />
  ) : (
    <MinusCircleOutlined style={{ color: '#bfbfbf' }} />
  );
  return (
    <List.Item>
      <Flex gap={8} align="baseline" wrap="wrap">
        {icon}
        <Typography.Text strong>{p.label}</Typography.Text>
        {p.done ? (
          <Tag color="success">已完成</Tag>
        ) : p.required ? (
          <Tag color="warning">必经 · 未完成</Tag>
        ) : (
          <Tag>已免于(理由:{p.waivedReason})</Tag>
        )}
        {!p.done && p.detail && <Typography.Text type="secondary">{p.detail}</Typography.Text>}
      </Flex>
    </List.Item>
  );
}

function EvidenceModal(props: {
  d: DecisionDetail;
  open: boolean;
  onClose: () => void;
  options: { value: string; label: string }[];
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ procedure: string; title: string; note?: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const add = useAddEvidence(props.d.id, props.d.orgCode);
  const onOk = async () => {
    const v = await form.validateFields();
    if (!file) {
      setError('请选择文件');
      return;
    }
    try {
      await add.mutateAsync({ ...v, file });
      message.success('材料已归档');
      props.onClose();
      form.resetFields();
      setFile(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Modal
      open={props.open}
      title="归档材料"
      onCancel={props.onClose}
      onOk={onOk}
      confirmLoading={add.isPending}
      okText="上传"
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="procedure" label="所属程序" rules={[{ required: true, message: '请选择所属程序' }]}>
          <Select options={props.options} aria-label="所属程序" />
        </Form.Item>
        <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input aria-label="名称" />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input aria-label="说明" />
        </Form.Item>
        <Upload
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          maxCount={1}
          onRemove={() => setFile(null)}
        >
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} />}
      </Form>
    </Modal>
  );
}

export default function DecisionDetailPage() {
  const { id } = useParams();
  const q = useDecision(id);
  const d = q.data;
  const meta = useDecisionsMeta(d?.orgCode);
  const stepper = useDecisionStep(id ?? '');
  const [step, setStep] = useState<string | null>(null);
  const [evidenceOpen, setEvidenceOpen] = useState(false);
  const { message } = App.useApp();

  if (q.isPending) return <PageSpin />;
  if (q.isError || !d) return <PageError title="决策加载失败" error={q.error} onRetry={() => q.refetch()} />;
  const major = d.kind === '重大行政决策';
  const run = async (s: string, body: Record<string, unknown>) => {
    await stepper.mutateAsync({ step: s, body });
    message.success(`${STEP_LABELS[s]}已记录`);
  };
  const ref = { module: 'decisions', entity: 'decision', entityId: d.id, orgCode: d.orgCode };

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {d.title}
        </Typography.Title>
        <Tag data-testid="decisions-status" color={d.status === 'drafting' ? 'processing' : 'success'}>
          {d.statusLabel}
        </Tag>
        <Tag>{d.kind === '三重一大' ? `三重一大 · ${d.matter}` : d.kind}</Tag>
      </Flex>
      <Typography.Text type="secondary" data-testid="decisions-no">
        {d.decisionNo}
      </Typography.Text>

      {d.missing.length > 0 && (
        <Alert
          data-testid="decisions-missing"
          type="warning"
          showIcon
          title="集体讨论决定前尚缺"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {d.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      )}

      {d.allowedSteps.length > 0 && (
        <Card size="small" title="办理" data-testid="decisions-actions">
          <Flex gap={8} wrap="wrap">
            {d.allowedSteps.map((s) => (
              <Button
                key={s.step}
                type={
                  s.step === 'collective' || s.step === 'publish' || s.step === 'legalReview'
                    ? 'primary'
                    : 'default'
                }
                onClick={() => setStep(s.step)}
              >
                {STEP_LABELS[s.step] ?? s.step}
              </Button>
            ))}
            <Button icon={<UploadOutlined />} onClick={() => setEvidenceOpen(true)}>
              归档材料
            </Button>
          </Flex>
        </Card>
      )}

      <Card size="small" title="法定程序" data-testid="decisions-procedures">
        <List size="small" dataSource={d.procedures} renderItem={(p) => <ProcedureRow p={p} />} />
      </Card>

      <Card size="small" title="基本情况">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label="决策机关">{d.orgName}</Descriptions.Item>
          <Descriptions.Item label="承办单位">{d.sponsorUnit}</Descriptions.Item>
          <Descriptions.Item label="事项类别">{d.category ?? d.matter}</Descriptions.Item>
          <Descriptions.Item label="启动日期">{d.launchedOn}</Descriptions.Item>
          <Descriptions.Item label="年度目录">
            {d.catalogueItem
              ? `${d.catalogueItem.year}年目录第${d.catalogueItem.itemNo}项`
              : `目录外(${d.outOfCatalogueReason ?? '—'})`}
          </Descriptions.Item>
          <Descriptions.Item label="标注">
            {[d.professional && '专业性强', d.stabilityRisk && '涉及社会稳定风险']
              .filter(Boolean)
              .join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="决策草案" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{d.draft}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {major && <ConsultationPanel {...ref} onChanged={() => void q.refetch()} />}
      {major && d.noConsultationReason && (
        <Alert type="info" showIcon title={`不公开征求意见:${d.noConsultationReason}`} />
      )}
      {d.meetings.length > 0 && (
        <Card size="small" title="座谈会、听证会">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.meetings}
            columns={[
              { title: '形式', dataIndex: 'kind', width: 90 },
              { title: '日期', dataIndex: 'heldOn', width: 110 },
              { title: '材料送达', dataIndex: 'materialsSentOn', width: 110 },
              { title: '参加人', dataIndex: 'participants' },
              { title: '意见', dataIndex: 'opinions' },
            ]}
          />
        </Card>
      )}
      {d.expertOn && (
        <Card size="small" title="专家论证">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="论证日期">{d.expertOn}</Descriptions.Item>
            <Descriptions.Item label="论证机构">{d.expertUnit ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="专家">
              {(d.experts ?? []).map((e) => [e.name, e.title, e.unit].filter(Boolean).join(' ')).join(';')}
            </Descriptions.Item>
            <Descriptions.Item label="论证意见">{d.expertOpinions}</Descriptions.Item>
            <Descriptions.Item label="利害关系核查">
              {d.expertConflictChecked ? `已核查 ${d.expertConflictNote ?? ''}` : '未核查'}
            </Descriptions.Item>
            <Descriptions.Item label="公开">
              {d.expertDisclosed ? '专家信息和论证意见已公开' : '未公开'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {d.riskOn && (
        <Card size="small" title="风险评估">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="评估日期">{d.riskOn}</Descriptions.Item>
            <Descriptions.Item label="评估单位">{d.riskAssessor}</Descriptions.Item>
            <Descriptions.Item label="风险等级">
              {d.riskLevel} · {d.riskControllable ? '可控' : '不可控'}
            </Descriptions.Item>
            <Descriptions.Item label="报告">{d.riskReport}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <LegalReviewCard {...ref} title="合法性审查" />
      {d.meetingOn && (
        <Card size="small" title="集体讨论决定" data-testid="decisions-decision">
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label="会议">
              {d.meetingType} · {d.meetingOn}
            </Descriptions.Item>
            <Descriptions.Item label="决定">{d.outcome}</Descriptions.Item>
            <Descriptions.Item label="出席人员" span={2}>
              {d.attendees}
            </Descriptions.Item>
            <Descriptions.Item label="会议纪要" span={2}>
              {d.minutes}
            </Descriptions.Item>
            <Descriptions.Item label="不同意见" span={2}>
              {d.dissent ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label="决定内容" span={2}>
              {d.decisionText ?? '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {(d.publishedOn || d.executionUnit || d.evalPlannedOn) && (
        <Card size="small" title="公布、执行与评估" data-testid="decisions-publication">
          <Descriptions size="small" column={1} bordered>
            {d.publishedOn && (
              <Descriptions.Item label="公布">
                {d.publishedOn} · {d.publishChannel}
              </Descriptions.Item>
            )}
            {d.executionUnit && <Descriptions.Item label="执行单位">{d.executionUnit}</Descriptions.Item>}
            {d.reports.map((r) => (
              <Descriptions.Item key={r.id} label={`执行报告 ${r.reportedOn}`}>
                {r.unit}:{r.text}
              </Descriptions.Item>
            ))}
            {d.evalPlannedOn && (
              <Descriptions.Item label="决策后评估">
                计划 {d.evalPlannedOn} · {d.evalEvaluator}
                {d.evalThirdParty ? '(第三方)' : ''}
                {d.evalDoneOn ? ` · ${d.evalDoneOn} 完成:${d.evalConclusion}` : ''}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}
      {d.evidence.length > 0 && (
        <Card size="small" title="决策档案">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.evidence}
            columns={[
              { title: '程序', dataIndex: 'procedureLabel', width: 110 },
              {
                title: '材料',
                dataIndex: 'title',
                render: (t: string, e) => (
                  <a href={`/api/files/${e.fileId}`} download>
                    {t}
                  </a>
                ),
              },
              {
                title: 'SHA-256',
                dataIndex: 'sha256',
                width: 130,
                render: (h: string) => <code>{h.slice(0, 10)}…</code>,
              },
              { title: '归档', dataIndex: 'recordedAt', width: 150, render: (v: string) => formatTime(v) },
            ]}
          />
        </Card>
      )}
      <CaseTimeline entries={d.timeline} isNegative={(a) => a.endsWith('evidence.remove')} />
      <StepModal step={step} decision={d} meta={meta.data} onClose={() => setStep(null)} run={run} />
      <EvidenceModal
        d={d}
        open={evidenceOpen}
        onClose={() => setEvidenceOpen(false)}
        options={meta.data?.evidenceProcedures ?? []}
      />
    </Flex>
  );
}
