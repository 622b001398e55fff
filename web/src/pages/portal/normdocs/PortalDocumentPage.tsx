import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../api';
import { PageError } from '../../../components/PageState';
import { usePortalDocument, useSubmitSuggestion } from '../../../normdocs/queries';

/** One document: its status, history, text, and the 审查建议 form. No login. */
export default function PortalDocumentPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const doc = usePortalDocument(id);
  const submit = useSubmitSuggestion(id ?? '');
  const [done, setDone] = useState<string | null>(null);
  const [form] = Form.useForm<{ text: string; authorName?: string; contact?: string }>();

  if (doc.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (doc.isError) return <PageError title="文件加载失败" error={doc.error} onRetry={() => doc.refetch()} />;
  const d = doc.data;
  return (
    <Flex vertical gap={16} className="portal-page">
      <Link to="/portal/documents">← 行政规范性文件库</Link>
      <Flex gap={8} align="center" wrap="wrap">
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {d.title}
        </Typography.Title>
        <Tag color={d.effect === '现行有效' ? 'green' : d.effect === '尚未施行' ? 'blue' : 'default'}>
          {d.effect}
        </Tag>
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label="统一登记号">{d.registrationNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="发文字号">{d.docNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="制定机关">{d.orgName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="公布日期">{d.publishedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="施行日期">{d.effectiveOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="有效期至">{d.validUntil ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {d.body && (
        <Card size="small" title="正文">
          <Typography.Paragraph className="pre-wrap" style={{ margin: 0 }}>
            {d.body}
          </Typography.Paragraph>
        </Card>
      )}
      <Card size="small" title="制定和管理情况">
        <Timeline
          items={d.history.map((h) => ({ key: `${h.on}-${h.label}`, content: `${h.on} ${h.label}` }))}
        />
      </Card>
      <Card size="small" title="提出审查建议">
        {done ? (
          <Alert type="success" showIcon title={done} />
        ) : (
          <Form
            form={form}
            layout="vertical"
            name="normdoc-suggestion"
            aria-label="提出审查建议"
            onFinish={async (v) => {
              try {
                const r = await submit.mutateAsync({
                  text: v.text.trim(),
                  ...(v.authorName?.trim() ? { authorName: v.authorName.trim() } : {}),
                  ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}),
                });
                setDone(`审查建议已提交，由${r.handledBy}办理（${r.submittedOn}）。`);
              } catch (err) {
                message.error(errorMessage(err));
              }
            }}
          >
            <Typography.Paragraph type="secondary">
              认为本文件与法律、法规、规章相抵触，或者违法设定权利义务的，可以提出审查建议。联系方式只有办理机关可见。
            </Typography.Paragraph>
            <Form.Item
              name="text"
              label="建议内容"
              rules={[
                { required: true, whitespace: true, message: '请写明认为文件存在的问题' },
                { min: 10, message: '审查建议至少10个字' },
              ]}
            >
              <Input.TextArea rows={5} maxLength={5000} />
            </Form.Item>
            <Form.Item name="authorName" label="姓名(选填)">
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="contact" label="联系方式(选填)">
              <Input maxLength={50} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              提交
            </Button>
          </Form>
        )}
      </Card>
    </Flex>
  );
}
