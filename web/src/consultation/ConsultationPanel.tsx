/**
 * Staff panel for the 公开征求意见 on a record (a major decision, a normative document).
 *
 * Props (stable — the decisions and normdocs detail pages embed it):
 *   <ConsultationPanel
 *     module="decisions"            // module id that owns the record
 *     entity="decisions.decision"   // entity name passed to openConsultation
 *     entityId={id}                 // record id (string or number)
 *     orgCode={record.orgCode}      // the record's org (scopes the API calls)
 *     onChanged={() => …}           // optional: called after an answer or the results are published
 *     extra={<Button …/>}           // optional: shown in the card header (e.g. the module's "发起征求意见")
 *   />
 * Shows the period, the comments, a per-comment answer form (采纳/部分采纳/不采纳 + reason) after the
 * period closed, and 公布采纳情况 once every comment is answered. Opening a consultation is the module's
 * own route (it calls openConsultation); without one the panel says so and shows `extra`.
 */
import { LinkOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Skeleton,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../api';
import { PageError } from '../components/PageState';
import { formatTime } from '../ledger/dates';
import { ConsultationStatusTag, DecisionTag, paragraphLabel } from './labels';
import { useAnswerComment, useConsultationOf, usePublishResults } from './queries';
import { COMMENT_DECISIONS, type CommentDecision, type ConsultationDetail, type StaffComment } from './types';

export interface ConsultationPanelProps {
  module: string;
  entity: string;
  entityId: string | number;
  orgCode: string;
  onChanged?: () => void;
  extra?: ReactNode;
}

function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

function AnswerModal(props: { comment: StaffComment | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: CommentDecision; reason?: string }>();
  const decision = Form.useWatch('decision', form);
  const answer = useAnswerComment();
  const [error, setError] = useState<string | null>(null);
  const c = props.comment;

  const onFinish = async (v: { decision: CommentDecision; reason?: string }) => {
    if (!c) return;
    setError(null);
    try {
      await answer.mutateAsync({ id: c.id, decision: v.decision, reason: v.reason?.trim() || undefined });
      message.success('答复已保存');
      props.onDone();
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Modal
      open={Boolean(c)}
      title="答复公众意见"
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={answer.isPending}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      {c && (
        <Form
          form={form}
          layout="vertical"
          name="comment-answer"
          aria-label="答复公众意见"
          onFinish={onFinish}
          initialValues={{ decision: c.decision ?? undefined, reason: c.reason ?? '' }}
        >
          <Typography.Paragraph type="secondary">
            {paragraphLabel(c.paragraphNo)}:{c.text}
          </Typography.Paragraph>
          <Form.Item name="decision" label="采纳情况" rules={[{ required: true, message: '请选择采纳情况' }]}>
            <Radio.Group options={COMMENT_DECISIONS.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={decision === '采纳' ? '说明(可选)' : '理由'}
            rules={
              decision && decision !== '采纳'
                ? [{ required: true, whitespace: true, message: `「${decision}」须说明理由` }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          {error && <Alert type="error" showIcon role="alert" title={error} />}
        </Form>
      )}
    </Modal>
  );
}

function PublishModal(props: {
  detail: ConsultationDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ adoptionNote: string }>();
  const publish = usePublishResults();
  const [error, setError] = useState<string | null>(null);
  const onFinish = async (v: { adoptionNote: string }) => {
    setError(null);
    try {
      await publish.mutateAsync({ id: props.detail.id, adoptionNote: v.adoptionNote.trim() });
      message.success('意见采纳情况已在公开平台公布');
      props.onDone();
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const n = props.detail.counts;
  return (
    <Modal
      open={props.open}
      title="公布意见采纳情况"
      okText="公布"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={publish.isPending}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      <Form
        form={form}
        layout="vertical"
        name="consultation-publish"
        aria-label="公布意见采纳情况"
        onFinish={onFinish}
        initialValues={{
          adoptionNote:
            n.comments === 0
              ? '征求意见期间未收到公众意见。'
              : `共收到公众意见${n.comments}条,已逐条研究答复。`,
        }}
      >
        <Typography.Paragraph type="secondary">
          公布后,每条意见及其采纳情况、理由将在公开平台展示(提出人姓名脱敏,不公开联系方式),答复不能再修改。
        </Typography.Paragraph>
        <Form.Item
          name="adoptionNote"
          label="意见采纳情况说明"
          rules={[{ required: true, whitespace: true, message: '请填写意见采纳情况说明' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
}

export function ConsultationPanel(props: ConsultationPanelProps) {
  const q = useConsultationOf(props);
  const [answering, setAnswering] = useState<StaffComment | null>(null);
  const [publishing, setPublishing] = useState(false);
  const d = q.data;

  const columns: TableColumnsType<StaffComment> = [
    { title: '序号', key: 'i', width: 64, render: (_, __, i) => i + 1 },
    { title: '针对', dataIndex: 'paragraphNo', width: 80, render: (v: number | null) => paragraphLabel(v) },
    {
      title: '意见',
      dataIndex: 'text',
      render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>,
    },
    { title: '提出人', dataIndex: 'authorName', width: 96, render: (v: string | null) => v || '匿名' },
    { title: '联系方式', dataIndex: 'contact', width: 130, render: (v: string | null) => v || '—' },
    { title: '提交时间', dataIndex: 'submittedAt', width: 140, render: (v: string) => formatTime(v) },
    {
      title: '采纳情况',
      key: 'decision',
      width: 220,
      render: (_, c) => (
        <Flex vertical gap={2}>
          <span>
            <DecisionTag decision={c.decision} />
          </span>
          {c.reason && <Typography.Text type="secondary">{c.reason}</Typography.Text>}
        </Flex>
      ),
    },
  ];
  if (d?.can.manage && d.status === 'closed') {
    columns.push({
      title: '操作',
      key: 'op',
      width: 80,
      render: (_, c) => (
        <Button size="small" onClick={() => setAnswering(c)} aria-label={`答复第${c.id}号意见`}>
          {c.decision ? '修改' : '答复'}
        </Button>
      ),
    });
  }

  const unanswered = d ? d.counts.comments - d.counts.answered : 0;

  return (
    <Card title="公开征求意见" extra={props.extra} data-testid="consultation-panel">
      {q.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      {q.isError && <PageError title="征求意见加载失败" error={q.error} onRetry={() => q.refetch()} />}
      {q.isSuccess && !d && <Empty description="尚未公开征求意见" />}
      {d && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label="征求意见稿">{d.title}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <ConsultationStatusTag status={d.status} label={d.statusLabel} />
            </Descriptions.Item>
            <Descriptions.Item label="征求意见期">
              {d.opensOn} 至 {d.closesOn}(共{periodDays(d.opensOn, d.closesOn)}日)
            </Descriptions.Item>
            <Descriptions.Item label="收到意见">
              {d.counts.comments} 条,已答复 {d.counts.answered} 条
            </Descriptions.Item>
            {d.shortenedReason && (
              <Descriptions.Item label="期限少于30日的理由" span={2}>
                {d.shortenedReason}
              </Descriptions.Item>
            )}
            {d.resultsPublishedOn && (
              <Descriptions.Item label="采纳情况公布" span={2}>
                {d.resultsPublishedOn}:{d.adoptionNote}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Flex gap={8} wrap="wrap" align="center">
            <Button icon={<LinkOutlined />} href={`/portal/consultations/${d.id}`} target="_blank">
              在公开平台查看
            </Button>
            {d.can.manage && d.status === 'closed' && (
              <Button type="primary" disabled={unanswered > 0} onClick={() => setPublishing(true)}>
                公布采纳情况
              </Button>
            )}
          </Flex>
          {d.status === 'open' && (
            <Alert type="info" showIcon title={`征求意见期至 ${d.closesOn} 截止,截止后逐条答复公众意见。`} />
          )}
          {d.status === 'closed' && unanswered > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`尚有${unanswered}条公众意见未逐条答复,答复后方可公布采纳情况。`}
            />
          )}
          <Table<StaffComment>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={d.comments}
            pagination={d.comments.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 900 }}
            locale={{ emptyText: '暂无公众意见' }}
            aria-label="公众意见"
          />
          <AnswerModal
            comment={answering}
            onClose={() => setAnswering(null)}
            onDone={() => props.onChanged?.()}
          />
          <PublishModal
            detail={d}
            open={publishing}
            onClose={() => setPublishing(false)}
            onDone={() => props.onChanged?.()}
          />
        </Flex>
      )}
    </Card>
  );
}

export default ConsultationPanel;
