import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageError } from '../../../components/PageState';
import { usePortalDecision } from '../../../decisions/queries';

const DECISION_COLORS: Record<string, string> = { 采纳: 'green', 部分采纳: 'blue', 不采纳: 'default' };

/** One published decision with the public comments and their adoption status. No login. */
export default function PortalDecisionPage() {
  const { id } = useParams();
  const q = usePortalDecision(id);
  const d = q.data;
  return (
    <Flex vertical gap={16} className="portal-page">
      <Link to="/portal/major-decisions" className="back-link">
        <ArrowLeftOutlined /> 返回重大行政决策
      </Link>
      {q.isError && <PageError title="决策加载失败" error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {d && (
        <>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }} data-testid="portal-decision-title">
            {d.title}
          </Typography.Title>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'org', label: '决策机关', children: d.orgName ?? '—' },
                { key: 'no', label: '编号', children: d.decisionNo },
                { key: 'kind', label: '类别', children: d.category ?? d.matter ?? d.kind },
                { key: 'meeting', label: '决定', children: `${d.meetingType ?? ''} ${d.decidedOn ?? ''}` },
                {
                  key: 'published',
                  label: '公布',
                  children: `${d.publishedOn ?? ''} ${d.publishChannel ?? ''}`,
                },
                { key: 'exec', label: '执行单位', children: d.executionUnit ?? '—' },
              ]}
            />
          </Card>
          <Card size="small" title="决策内容及解读">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {d.publicText}
            </Typography.Paragraph>
          </Card>
          {d.consultation && (
            <Card size="small" title="公众意见及采纳情况" data-testid="portal-decision-comments">
              <Typography.Paragraph>
                征求意见期 {d.consultation.opensOn} 至 {d.consultation.closesOn}(共{d.consultation.days}
                日),收到意见 {d.consultation.commentCount} 条。
                {d.consultation.shortenedReason && `期限说明:${d.consultation.shortenedReason}。`}
              </Typography.Paragraph>
              {d.consultation.adoptionNote && (
                <Typography.Paragraph strong>采纳情况说明:{d.consultation.adoptionNote}</Typography.Paragraph>
              )}
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.consultation.comments}
                locale={{
                  emptyText: d.consultation.resultsPublishedOn ? '未收到公众意见' : '采纳情况尚未公布',
                }}
                columns={[
                  {
                    title: '针对',
                    dataIndex: 'paragraphNo',
                    width: 80,
                    render: (v: number | null) => (v ? `第${v}段` : '全文'),
                  },
                  { title: '意见', dataIndex: 'text' },
                  {
                    title: '提出人',
                    dataIndex: 'authorName',
                    width: 90,
                    render: (v: string | null) => v ?? '匿名',
                  },
                  {
                    title: '采纳情况',
                    key: 'decision',
                    width: 240,
                    render: (_, c) => (
                      <Flex vertical gap={2}>
                        <span>
                          {c.decision && <Tag color={DECISION_COLORS[c.decision]}>{c.decision}</Tag>}
                        </span>
                        {c.reason && <Typography.Text type="secondary">{c.reason}</Typography.Text>}
                      </Flex>
                    ),
                  },
                ]}
              />
            </Card>
          )}
          {d.expert && (
            <Card size="small" title="专家论证">
              <Typography.Paragraph>
                {d.expert.on} · {d.expert.unit ?? ''} ·{' '}
                {(d.expert.experts ?? [])
                  .map((e) => [e.name, e.title, e.unit].filter(Boolean).join(' '))
                  .join(';')}
              </Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                {d.expert.opinions}
              </Typography.Paragraph>
            </Card>
          )}
          {d.evaluation && (
            <Card size="small" title="决策后评估">
              {d.evaluation.doneOn} · {d.evaluation.evaluator}
              {d.evaluation.thirdParty ? '(第三方评估)' : ''} · {d.evaluation.conclusion}
            </Card>
          )}
        </>
      )}
    </Flex>
  );
}
