/**
 * Staff card listing the kernel 合法性审核/审查 rows of a record (GET /api/legal-reviews), newest first.
 *
 * Props (stable — the decisions, normdocs and advisers pages embed it):
 *   <LegalReviewCard
 *     module="normdocs"            // module id that owns the record
 *     entity="normdocs.document"   // entity name passed to submitLegalReview
 *     entityId={id}                // record id (string or number)
 *     orgCode={record.orgCode}     // the record's org (scopes the API call)
 *     title="合法性审核"            // optional card title (default 合法性审核)
 *     extra={<Button …/>}          // optional: the module's own 送审 / 出具意见 buttons
 *   />
 * Read-only: submitting and recording a review are the module's routes (submitLegalReview /
 * recordLegalReview). After those succeed, invalidate `['legal-reviews']` (or legalReviewsKey(ref)
 * from ./queries) so the card refreshes.
 */
import { Card, Empty, Flex, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { PageError } from '../components/PageState';
import { LegalResultTag } from './labels';
import { useLegalReviews } from './queries';
import type { LegalReview } from './types';

export interface LegalReviewCardProps {
  module: string;
  entity: string;
  entityId: string | number;
  orgCode: string;
  title?: ReactNode;
  extra?: ReactNode;
}

export function LegalReviewCard(props: LegalReviewCardProps) {
  const q = useLegalReviews(props);
  const today = q.data?.today ?? dayjs().format('YYYY-MM-DD'); // the server's date (it may be frozen)
  const items = q.data?.items ?? [];

  const columns: TableColumnsType<LegalReview> = [
    { title: '送审日期', dataIndex: 'submittedOn', width: 110 },
    {
      title: '审核期限',
      dataIndex: 'dueOn',
      width: 130,
      render: (v: string, r) => (
        <Flex gap={4} wrap="wrap">
          <span>{v}</span>
          {!r.result && v < today && <Tag color="error">已超期</Tag>}
          {r.reviewedOn && r.reviewedOn > v && <Tag color="warning">逾期出具</Tag>}
        </Flex>
      ),
    },
    { title: '审核日期', dataIndex: 'reviewedOn', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: '审核人',
      key: 'reviewer',
      width: 150,
      render: (_, r) => (
        <Flex gap={4} wrap="wrap" align="center">
          <span>{r.reviewerName ?? '—'}</span>
          {r.result && (r.adviserInvolved ? <Tag color="blue">法律顾问参与</Tag> : <Tag>无法律顾问参与</Tag>)}
        </Flex>
      ),
    },
    {
      title: '结论',
      dataIndex: 'result',
      width: 110,
      render: (v: LegalReview['result']) => <LegalResultTag result={v} />,
    },
    {
      title: '审核意见',
      dataIndex: 'opinion',
      render: (v: string | null) =>
        v ? (
          <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <Card title={props.title ?? '合法性审核'} extra={props.extra} data-testid="legal-review-card">
      {q.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {q.isError && <PageError title="合法性审核加载失败" error={q.error} onRetry={() => q.refetch()} />}
      {q.isSuccess && items.length === 0 && <Empty description="尚未送交合法性审核" />}
      {items.length > 0 && (
        <Table<LegalReview>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          pagination={false}
          scroll={{ x: 820 }}
          aria-label="合法性审核记录"
        />
      )}
    </Card>
  );
}

export default LegalReviewCard;
