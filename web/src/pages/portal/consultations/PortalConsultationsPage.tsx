import { CommentOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageError } from '../../../components/PageState';
import { ConsultationStatusTag } from '../../../consultation/labels';
import { usePortalConsultations } from '../../../consultation/queries';
import '../../../consultation/consultation.css';

/** 公开征求意见: drafts open for comment and closed ones with their results (no login). */
export default function PortalConsultationsPage() {
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const list = usePortalConsultations(status);
  const items = list.data?.items ?? [];

  return (
    <Flex vertical gap={16} className="portal-page">
      <Flex align="center" gap={12} wrap="wrap">
        <CommentOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
          公开征求意见
        </Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        重大行政决策草案、行政规范性文件草案在此公开征求社会公众意见。您可以对全文或某一段落提出意见；征求意见结束后，公布每条意见的采纳情况及理由。
      </Typography.Paragraph>
      <Segmented
        aria-label="征求意见状态"
        value={status}
        onChange={(v) => setStatus(v as 'open' | 'closed')}
        options={[
          { value: 'open', label: '正在征求意见' },
          { value: 'closed', label: '已结束' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {list.isError && <PageError title="列表加载失败" error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {list.data && items.length === 0 && (
        <Empty description={status === 'open' ? '目前没有正在征求意见的草案' : '暂无已结束的征求意见'} />
      )}
      {items.length > 0 && (
        <ul className="consultation-list" aria-label="征求意见稿" data-testid="portal-consultations">
          {items.map((c) => (
            <li key={c.id}>
              <Link to={`/portal/consultations/${c.id}`} className="portal-entry">
                <Card size="small" hoverable>
                  <Flex vertical gap={6}>
                    <Flex gap={8} align="center" wrap="wrap">
                      <ConsultationStatusTag status={c.status} label={c.statusLabel} />
                      <Typography.Text strong style={{ fontSize: 16 }}>
                        {c.title}
                      </Typography.Text>
                    </Flex>
                    {c.summary && (
                      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                        {c.summary}
                      </Typography.Paragraph>
                    )}
                    <Typography.Text type="secondary">
                      {c.orgName ?? c.orgCode} · 征求意见期 {c.opensOn} 至 {c.closesOn} · 收到意见{' '}
                      {c.commentCount} 条
                      {c.resultsPublishedOn ? ` · ${c.resultsPublishedOn} 公布采纳情况` : ''}
                    </Typography.Text>
                  </Flex>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
