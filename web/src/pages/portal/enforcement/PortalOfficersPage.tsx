import { IdcardOutlined } from '@ant-design/icons';
import { Card, Flex, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { PageError } from '../../../components/PageState';
import { usePortalOfficers } from '../../../enforcement/queries';
import type { Officer } from '../../../enforcement/types';
import { EnforcementPortalNav } from './EnforcementPortalNav';

const PAGE_SIZE = 20;

/** 执法人员公示 (事前公示): certified officers only — name, certificate, area; never id card or phone. */
export default function PortalOfficersPage() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = usePortalOfficers({ q: q || undefined, page, pageSize: PAGE_SIZE });
  const columns: TableColumnsType<Officer> = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 110 },
    { title: '执法证号', dataIndex: 'certNo', key: 'certNo', width: 180 },
    { title: '执法区域/类别', dataIndex: 'areas', key: 'areas', ellipsis: true },
    { title: '所在单位', dataIndex: 'orgName', key: 'orgName', width: 200 },
    { title: '有效期至', dataIndex: 'validTo', key: 'validTo', width: 120 },
  ];
  return (
    <Flex vertical gap={16} className="portal-page">
      <EnforcementPortalNav />
      <Flex align="center" gap={12}>
        <IdcardOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
          行政执法人员公示
        </Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        以下人员持有有效的行政执法证件，可以从事行政执法活动。执法人员执法时应当主动出示执法证件（《行政处罚法》第五十二条、第五十五条）。
      </Typography.Paragraph>
      <Input.Search
        aria-label="搜索执法人员"
        placeholder="姓名、执法证号"
        allowClear
        onSearch={(value) => {
          setQ(value.trim());
          setPage(1);
        }}
        style={{ maxWidth: 420 }}
      />
      {list.isError ? (
        <PageError title="加载失败" error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card size="small">
          <Table<Officer>
            rowKey={(o) => o.certNo ?? String(o.id)}
            size="small"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 720 }}
            locale={{ emptyText: '暂无公示的执法人员' }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: setPage,
            }}
            aria-label="执法人员"
          />
        </Card>
      )}
    </Flex>
  );
}
