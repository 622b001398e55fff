import { ArrowLeftOutlined, CheckCircleFilled, CommentOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../api';
import { PageError } from '../../../components/PageState';
import { ConsultationStatusTag, DecisionTag, paragraphLabel } from '../../../consultation/labels';
import { usePortalConsultation, useSubmitComment } from '../../../consultation/queries';
import type { PortalConsultation } from '../../../consultation/types';
import '../../../consultation/consultation.css';

interface CommentValues {
  paragraphNo: number | 0;
  text: string;
  authorName?: string;
  contact?: string;
}

function CommentForm(props: {
  consultation: PortalConsultation;
  paragraphNo: number;
  onParagraphChange: (no: number) => void;
}) {
  const c = props.consultation;
  const [form] = Form.useForm<CommentValues>();
  const submit = useSubmitComment(c.id);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const onFinish = async (v: CommentValues) => {
    setError(null);
    try {
      const r = await submit.mutateAsync({
        paragraphNo: props.paragraphNo || null,
        text: v.text.trim(),
        authorName: v.authorName?.trim() || undefined,
        contact: v.contact?.trim() || undefined,
      });
      setDone(r.message);
      form.resetFields(['text']);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Card title="提出意见" id="comment-form">
      {done && (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          role="status"
          title="感谢您的意见"
          description={done}
          style={{ marginBottom: 16 }}
          closable={{ onClose: () => setDone(null) }}
        />
      )}
      <Form<CommentValues>
        form={form}
        layout="vertical"
        name="portal-comment"
        aria-label="提出意见"
        onFinish={onFinish}
      >
        <Form.Item label="意见针对">
          <Select
            aria-label="意见针对"
            value={props.paragraphNo}
            onChange={props.onParagraphChange}
            options={[
              { value: 0, label: '全文' },
              ...c.paragraphs.map((p) => ({
                value: p.no,
                label: `第${p.no}段:${p.text.length > 24 ? `${p.text.slice(0, 24)}…` : p.text}`,
              })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label="意见内容"
          rules={[
            { required: true, whitespace: true, message: '请填写意见内容' },
            { min: 2, message: '意见内容至少2个字' },
          ]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount placeholder="请写明修改建议及理由" />
        </Form.Item>
        <Flex gap={16} wrap="wrap">
          <Form.Item
            name="authorName"
            label="姓名(可选，公布时隐去姓名中除姓以外的字)"
            style={{ flex: '1 1 240px' }}
          >
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item name="contact" label="联系方式(可选，不公开)" style={{ flex: '1 1 240px' }}>
            <Input maxLength={100} autoComplete="tel" />
          </Form.Item>
        </Flex>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          提交意见
        </Button>
      </Form>
    </Card>
  );
}

function Results(props: { consultation: PortalConsultation }) {
  const c = props.consultation;
  return (
    <Card title="意见采纳情况" data-testid="consultation-results">
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {c.adoptionNote}
        </Typography.Paragraph>
        <Typography.Text type="secondary">公布日期 {c.resultsPublishedOn}</Typography.Text>
        {c.comments.length === 0 ? (
          <Empty description="征求意见期间未收到公众意见" />
        ) : (
          <ol className="consultation-list" aria-label="公众意见及采纳情况">
            {c.comments.map((m, i) => (
              <li key={m.id} className="consultation-comment">
                <Flex vertical gap={6}>
                  <Flex gap={8} wrap="wrap" align="center">
                    <Typography.Text strong>意见{i + 1}</Typography.Text>
                    <Typography.Text type="secondary">
                      针对{paragraphLabel(m.paragraphNo)} · {m.authorName} · {m.submittedOn}
                    </Typography.Text>
                    <DecisionTag decision={m.decision} />
                  </Flex>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {m.text}
                  </Typography.Paragraph>
                  {m.reason && (
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                      理由:{m.reason}
                    </Typography.Paragraph>
                  )}
                </Flex>
              </li>
            ))}
          </ol>
        )}
      </Flex>
    </Card>
  );
}

/** One draft: its numbered paragraphs, the comment form while open, the answers once published. */
export default function PortalConsultationPage() {
  const { id } = useParams();
  const q = usePortalConsultation(id);
  const c = q.data;
  const [paragraphNo, setParagraphNo] = useState(0);
  const formRef = useRef<HTMLDivElement>(null);

  const commentOn = (no: number) => {
    setParagraphNo(no);
    formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <Flex vertical gap={16} className="portal-page">
      <Link to="/portal/consultations">
        <ArrowLeftOutlined aria-hidden /> 返回征求意见列表
      </Link>
      {q.isError && <PageError title="征求意见稿加载失败" error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {c && (
        <>
          <Flex vertical gap={8}>
            <Flex gap={8} align="center" wrap="wrap">
              <ConsultationStatusTag status={c.status} label={c.statusLabel} />
              <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
                {c.title}
              </Typography.Title>
            </Flex>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label="发布单位">{c.orgName ?? c.orgCode}</Descriptions.Item>
              <Descriptions.Item label="征求意见期">
                {c.opensOn} 至 {c.closesOn}
              </Descriptions.Item>
              <Descriptions.Item label="收到意见">{c.commentCount} 条</Descriptions.Item>
              {c.shortenedReason && (
                <Descriptions.Item label="期限少于30日的理由">{c.shortenedReason}</Descriptions.Item>
              )}
            </Descriptions>
          </Flex>
          {c.summary && (
            <Card title="起草说明" size="small">
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {c.summary}
              </Typography.Paragraph>
            </Card>
          )}
          <Card title="征求意见稿" data-testid="draft-text">
            <ol className="draft-paragraphs" aria-label="征求意见稿正文">
              {c.paragraphs.map((p) => (
                <li
                  key={p.no}
                  className={`draft-paragraph${c.status === 'open' && paragraphNo === p.no ? ' is-selected' : ''}`}
                >
                  <span className="draft-paragraph-no">[{p.no}]</span>
                  <span className="draft-paragraph-text">{p.text}</span>
                  {c.status === 'open' && (
                    <Button
                      size="small"
                      type="link"
                      icon={<CommentOutlined aria-hidden />}
                      onClick={() => commentOn(p.no)}
                      aria-label={`对第${p.no}段提意见`}
                    >
                      提意见
                    </Button>
                  )}
                </li>
              ))}
            </ol>
          </Card>
          {c.status === 'open' && (
            <div ref={formRef}>
              <CommentForm consultation={c} paragraphNo={paragraphNo} onParagraphChange={setParagraphNo} />
            </div>
          )}
          {c.status === 'closed' && (
            <Alert
              type="info"
              showIcon
              title={`征求意见已于 ${c.closesOn} 截止，共收到意见 ${c.commentCount} 条。`}
              description="每条意见的采纳情况及理由整理后将在本页公布。"
            />
          )}
          {c.status === 'published' && <Results consultation={c} />}
        </>
      )}
    </Flex>
  );
}
