import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api';
import { PageError, PageSpin } from '../../components/PageState';
import { ConsultationPanel } from '../../consultation/ConsultationPanel';
import { LegalReviewCard } from '../../consultation/LegalReviewCard';
import { CaseTimeline } from '../../ledger/CaseTimeline';
import { StepModal } from '../../ledger/StepModal';
import { useDocument, useDocumentStep, useNormdocsMeta } from '../../normdocs/queries';
import { EFFECT_COLORS, stepSpec } from '../../normdocs/steps';
import type { DocDeadline, DocumentDetail } from '../../normdocs/types';

const dash = (v: ReactNode) =>
  v === null || v === undefined || v === '' ? <Typography.Text type="secondary">—</Typography.Text> : v;

const DEADLINE_NAMES: Record<string, string> = {
  legalReview: '合法性审核',
  filing: '报送备案',
  expiryReminder: '有效期届满评估',
};

/** 起草 → 合法性审核 → 集体审议 → 登记编号印发 → 公布 → 施行 → 备案. */
function lifecycle(d: DocumentDetail) {
  const steps = [
    { title: '起草', on: d.draftedOn },
    { title: '合法性审核', on: d.reviewedOn },
    { title: '集体审议', on: d.deliberatedOn },
    { title: '登记编号', on: d.registeredOn },
    { title: '公布', on: d.publishedOn },
    { title: '施行', on: d.effectiveOn && d.effect !== '尚未施行' ? d.effectiveOn : null },
    { title: '备案', on: d.filedOn },
  ];
  let current = steps.findIndex((s) => !s.on);
  if (current === -1) current = steps.length - 1;
  return {
    current,
    items: steps.map((s, i) => ({
      title: s.title,
      content: s.on ?? undefined,
      status: (s.on ? 'finish' : i === current ? 'process' : 'wait') as 'finish' | 'process' | 'wait',
    })),
  };
}

function FilingReviewModal(props: { id: number; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const step = useDocumentStep(props.id);
  const [form] = Form.useForm<{ result: string; reason?: string }>();
  const result = Form.useWatch('result', form);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open={props.open}
      title="备案审查"
      okText="确定"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={step.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="filing-review"
        aria-label="备案审查"
        onFinish={async (v) => {
          setError(null);
          try {
            await step.mutateAsync({
              step: 'filingReview',
              body: { result: v.result, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) },
            });
            message.success('已记录备案审查结果');
            props.onClose();
          } catch (err) {
            setError(errorMessage(err));
          }
        }}
      >
        <Form.Item name="result" label="审查结果" rules={[{ required: true, message: '请选择审查结果' }]}>
          <Radio.Group options={['合格', '纠正']} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="纠正理由"
          rules={result === '纠正' ? [{ required: true, whitespace: true, message: '请写明纠正理由' }] : []}
        >
          <Input.TextArea rows={4} maxLength={2000} placeholder="如:第五条设定罚款无上位法依据" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

export default function NormdocDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const doc = useDocument(id);
  const meta = useNormdocsMeta(doc.data?.orgCode);
  const step = useDocumentStep(id ?? '');
  const [active, setActive] = useState<{ step: string; label: string } | null>(null);
  const [open, setOpen] = useState(false);
  const [filingOpen, setFilingOpen] = useState(false);

  if (doc.isPending) return <PageSpin />;
  if (doc.isError) return <PageError title="文件加载失败" error={doc.error} onRetry={() => doc.refetch()} />;
  const d = doc.data;
  const flow = lifecycle(d);
  const deadlineColumns = [
    { title: '期限', dataIndex: 'step', key: 'step', render: (s: string) => DEADLINE_NAMES[s] ?? s },
    { title: '起算', dataIndex: 'startsOn', key: 'startsOn' },
    { title: '届满', dataIndex: 'dueOn', key: 'dueOn' },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, l: DocDeadline) => (
        <Flex gap={4}>
          <Tag>
            {l.status === 'open' ? '进行中' : l.status === 'done' ? `已完成 ${l.doneOn ?? ''}` : '已撤销'}
          </Tag>
          {l.overdue && <Tag color="red">逾期</Tag>}
          {l.late && <Tag color="orange">超期完成</Tag>}
        </Flex>
      ),
    },
    { title: '依据', dataIndex: 'legalBasis', key: 'legalBasis', ellipsis: true },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap="wrap">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/normdocs')} aria-label="返回台账" />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {d.title}
        </Typography.Title>
        <Tag color={EFFECT_COLORS[d.effect] ?? 'default'}>{d.effect}</Tag>
        {d.temporary && <Tag color="orange">暂行/试行</Tag>}
      </Flex>
      <Card size="small">
        <Steps size="small" current={flow.current} items={flow.items} />
      </Card>
      {d.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="normdoc-missing"
          title="进入下一环节前尚缺"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {d.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      )}
      {(d.allowedSteps.length > 0 || d.canFilingReview) && (
        <Card size="small" title="办理">
          <Flex gap={8} wrap="wrap">
            {d.allowedSteps.map((s) => (
              <Button
                key={s.step}
                type={s.step === 'cleanup' ? 'default' : 'primary'}
                data-testid={`step-${s.step}`}
                onClick={() => {
                  setActive(s);
                  setOpen(true);
                }}
              >
                {s.label}
              </Button>
            ))}
            {d.canFilingReview && (
              <Button type="primary" data-testid="step-filingReview" onClick={() => setFilingOpen(true)}>
                备案审查
              </Button>
            )}
          </Flex>
        </Card>
      )}
      <Card size="small" title="文件信息">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="统一登记号">{dash(d.registrationNo)}</Descriptions.Item>
          <Descriptions.Item label="发文字号">{dash(d.docNo)}</Descriptions.Item>
          <Descriptions.Item label="制定机关">{dash(d.orgName)}</Descriptions.Item>
          <Descriptions.Item label="文件类型">{d.docType}</Descriptions.Item>
          <Descriptions.Item label="起草单位">{dash(d.draftUnit)}</Descriptions.Item>
          <Descriptions.Item label="环节">{d.statusLabel}</Descriptions.Item>
          <Descriptions.Item label="合法性审核">
            {d.reviewedOn
              ? `${d.reviewedOn} ${d.reviewResult}`
              : d.reviewSubmittedOn
                ? `${d.reviewSubmittedOn} 送审`
                : dash(null)}
          </Descriptions.Item>
          <Descriptions.Item label="集体审议">
            {d.deliberatedOn ? `${d.deliberatedOn} ${d.meeting ?? ''}(${d.deliberationResult})` : dash(null)}
          </Descriptions.Item>
          <Descriptions.Item label="公布">
            {d.publishedOn ? `${d.publishedOn}(${d.publishMedium ?? ''})` : dash(null)}
          </Descriptions.Item>
          <Descriptions.Item label="施行日期">{dash(d.effectiveOn)}</Descriptions.Item>
          <Descriptions.Item label="有效期至">{dash(d.validUntil)}</Descriptions.Item>
          <Descriptions.Item label="报备">
            {d.filedOn
              ? `${d.filedOn} 报${d.filedToName ?? ''}${d.filingDueOn && d.filedOn > d.filingDueOn ? '(逾期)' : ''}`
              : d.filingDueOn
                ? `应于 ${d.filingDueOn} 前报${d.filedToName ?? '上一级'}备案`
                : dash(null)}
          </Descriptions.Item>
          <Descriptions.Item label="备案审查">
            {d.filingResult ? (
              <span>
                <Tag color={d.filingResult === '合格' ? 'green' : 'red'}>{d.filingResult}</Tag>
                {d.filingReviewedOn} {d.filingReason ?? ''}
              </span>
            ) : (
              dash(d.filedOn ? '待审查' : null)
            )}
          </Descriptions.Item>
        </Descriptions>
        {d.summary && (
          <Typography.Paragraph className="pre-wrap" style={{ marginTop: 12 }}>
            {d.summary}
          </Typography.Paragraph>
        )}
      </Card>
      {d.body && (
        <Card size="small" title="正文">
          <Typography.Paragraph className="pre-wrap" style={{ margin: 0 }}>
            {d.body}
          </Typography.Paragraph>
        </Card>
      )}
      <ConsultationPanel
        module="normdocs"
        entity="document"
        entityId={d.id}
        orgCode={d.orgCode}
        onChanged={() => doc.refetch()}
      />
      <LegalReviewCard module="normdocs" entity="document" entityId={d.id} orgCode={d.orgCode} />
      {d.deadlines.length > 0 && (
        <Card size="small" title="期限">
          <Table
            rowKey="step"
            size="small"
            pagination={false}
            columns={deadlineColumns}
            dataSource={d.deadlines}
          />
        </Card>
      )}
      {d.cleanups.length > 0 && (
        <Card size="small" title="清理记录">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.cleanups}
            columns={[
              { title: '清理活动', dataIndex: 'campaign', key: 'campaign' },
              { title: '日期', dataIndex: 'reviewedOn', key: 'reviewedOn', width: 120 },
              { title: '结果', dataIndex: 'result', key: 'result', width: 100 },
              { title: '说明', dataIndex: 'note', key: 'note', ellipsis: true },
            ]}
          />
        </Card>
      )}
      <CaseTimeline entries={d.timeline} isNegative={(a) => a === 'normdocs.cleanup'} />
      {active && (
        <StepModal
          name={`step-${active.step}`}
          title={active.label}
          label={active.label}
          spec={stepSpec(active.step, meta.data)}
          submit={(body) => step.mutateAsync({ step: active.step, body })}
          pending={step.isPending}
          open={open}
          onClose={() => setOpen(false)}
          afterClose={() => setActive(null)}
        />
      )}
      <FilingReviewModal id={d.id} open={filingOpen} onClose={() => setFilingOpen(false)} />
    </Flex>
  );
}
