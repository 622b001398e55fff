import { AuditOutlined } from '@ant-design/icons';
import { Card, Flex, Segmented, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { reviewColumns } from '../../advisers/parts';
import { type LegalReview, useReviews } from '../../advisers/queries';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';

const PAGE_SIZE = 50;

/** Legality reviews (kernel) of the org: the rows behind the review figures. */
export default function ReviewsPage() {
  const { code, org } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const filters = {
    org: get('org') ?? code ?? undefined,
    adviser: get('adviser'),
    from: get('from'),
    to: get('to'),
    indicator: get('indicator'),
    part: get('part'),
    page: get('page') ?? '1',
    pageSize: String(PAGE_SIZE),
  };
  const list = useReviews(filters, Boolean(filters.org));
  const set = (key: string, value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      if (key !== 'page') next.delete('page');
      return next;
    });
  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <AuditOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          合法性审核(审查)
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      {!filters.indicator && (
        <Segmented
          aria-label="法律顾问参与"
          value={filters.adviser ?? 'all'}
          options={[
            { value: 'all', label: '全部' },
            { value: '1', label: '法律顾问审核' },
            { value: '0', label: '非法律顾问审核' },
          ]}
          onChange={(v) => set('adviser', v === 'all' ? undefined : String(v))}
        />
      )}
      {list.isError ? (
        <PageError title="加载失败" error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card size="small">
          <Table<LegalReview>
            rowKey="id"
            size="middle"
            columns={reviewColumns()}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1100 }}
            locale={{ emptyText: '暂无合法性审核' }}
            pagination={{
              current: Number(filters.page),
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (t) => `共 ${t} 件`,
              onChange: (p) => set('page', p > 1 ? String(p) : undefined),
            }}
            aria-label="合法性审核"
          />
        </Card>
      )}
    </Flex>
  );
}
