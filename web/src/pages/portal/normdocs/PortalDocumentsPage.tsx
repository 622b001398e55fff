import { FileTextOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Input, Pagination, Skeleton, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { PageError } from '../../../components/PageState';
import { usePortalDocuments } from '../../../normdocs/queries';

const PAGE_SIZE = 20;

/** 行政规范性文件库: the documents in force (and those published but not yet in force). No login. */
export default function PortalDocumentsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const list = usePortalDocuments({ q: q || undefined, page });
  const items = list.data?.items ?? [];
  return (
    <Flex vertical gap={16} className="portal-page">
      <Flex align="center" gap={12} wrap="wrap">
        <FileTextOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
          行政规范性文件库
        </Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        现行有效的行政规范性文件，实行统一登记、统一编号、统一印发。认为文件与法律法规相抵触的，可以在文件页面提出审查建议，由县级备案审查机关办理。
      </Typography.Paragraph>
      <Input.Search
        aria-label="搜索规范性文件"
        placeholder="文件名称、统一登记号"
        allowClear
        defaultValue={q}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        style={{ maxWidth: 420 }}
      />
      {list.isError && <PageError title="加载失败" error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {list.data && items.length === 0 && <Empty description="暂无现行有效的规范性文件" />}
      {items.length > 0 && (
        <ul className="warning-list" aria-label="行政规范性文件" data-testid="portal-normdocs">
          {items.map((d) => (
            <li key={d.id} style={{ marginBottom: 12 }}>
              <Link to={`/portal/documents/${d.id}`} className="portal-report-item">
                <Card size="small" hoverable>
                  <Flex vertical gap={4}>
                    <Flex gap={8} align="center" wrap="wrap">
                      <Typography.Text strong style={{ fontSize: 16 }}>
                        {d.title}
                      </Typography.Text>
                      <Tag color={d.effect === '现行有效' ? 'green' : 'blue'}>{d.effect}</Tag>
                    </Flex>
                    <Typography.Text type="secondary">
                      {[
                        d.registrationNo,
                        d.orgName,
                        `公布 ${d.publishedOn ?? ''}`,
                        `有效期至 ${d.validUntil ?? '—'}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </Flex>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {(list.data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data?.total ?? 0}
          showSizeChanger={false}
          onChange={(next) => setParams({ ...(q ? { q } : {}), page: String(next) })}
        />
      )}
    </Flex>
  );
}
