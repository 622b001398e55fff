import { ScheduleOutlined } from '@ant-design/icons';
import { Card, Flex, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageError } from '../../../components/PageState';
import {
  type PortalActivity,
  type PortalSite,
  usePortalActivities,
  usePortalSites,
} from '../../publicity/queries';

const VENUES = [
  '进机关',
  '进乡村',
  '进社区',
  '进学校',
  '进企业',
  '进单位',
  '进家庭',
  '进网络',
  '进军营',
  '进宗教活动场所',
];
const PAGE_SIZE = 20;

/** 普法宣传 公开: recent activities (no names, no photos) and the 法治宣传阵地 register. */
export default function PortalPublicityPage() {
  const [venueType, setVenueType] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const activities = usePortalActivities({ venueType, page, pageSize: PAGE_SIZE });
  const sites = usePortalSites();
  const columns: TableColumnsType<PortalActivity> = [
    { title: '日期', dataIndex: 'heldOn', key: 'heldOn', width: 110 },
    { title: '乡镇(街道)', dataIndex: 'township', key: 'township', width: 120 },
    { title: '活动', dataIndex: 'title', key: 'title', ellipsis: true },
    {
      title: '主题',
      dataIndex: 'themes',
      key: 'themes',
      width: 170,
      render: (ts: string[]) => ts.map((t) => <Tag key={t}>{t}</Tag>),
    },
    { title: '形式', dataIndex: 'form', key: 'form', width: 90 },
    { title: '六进', dataIndex: 'venueType', key: 'venueType', width: 100 },
    { title: '受众(人次)', dataIndex: 'reach', key: 'reach', width: 100, align: 'right' },
  ];
  const siteColumns: TableColumnsType<PortalSite> = [
    { title: '乡镇(街道)', dataIndex: 'township', key: 'township', width: 120 },
    { title: '村(社区)', dataIndex: 'orgName', key: 'orgName', width: 130 },
    { title: '类型', dataIndex: 'kind', key: 'kind', width: 170 },
    { title: '名称', dataIndex: 'name', key: 'name' },
    {
      title: '命名级别',
      dataIndex: 'honourLevel',
      key: 'honourLevel',
      width: 100,
      render: (v: string | null) => v ?? '—',
    },
  ];
  return (
    <Flex vertical gap={16} className="portal-page">
      <Flex align="center" gap={12}>
        <ScheduleOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
          普法宣传
        </Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        各乡镇(街道)开展的法治宣传“六进”活动，以及法治公园、法治文化广场、民主法治示范村(社区)等法治宣传阵地。
      </Typography.Paragraph>
      <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
        近期普法活动
      </Typography.Title>
      <Select
        aria-label="法律六进"
        placeholder="按“六进”类型筛选"
        allowClear
        style={{ maxWidth: 240 }}
        value={venueType}
        options={VENUES.map((v) => ({ value: v, label: v }))}
        onChange={(v?: string) => {
          setVenueType(v);
          setPage(1);
        }}
      />
      {activities.isError ? (
        <PageError title="加载失败" error={activities.error} onRetry={() => activities.refetch()} />
      ) : (
        <Card size="small">
          <Table<PortalActivity>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={activities.data?.items ?? []}
            loading={activities.isFetching}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: Math.min(activities.data?.total ?? 0, 500 * PAGE_SIZE),
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: setPage,
            }}
            scroll={{ x: 800 }}
            locale={{ emptyText: '暂无活动' }}
            aria-label="近期普法活动"
          />
        </Card>
      )}
      <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
        法治宣传阵地
      </Typography.Title>
      {sites.isError ? (
        <PageError title="加载失败" error={sites.error} onRetry={() => sites.refetch()} />
      ) : (
        <Card size="small">
          <Table<PortalSite>
            rowKey="id"
            size="middle"
            columns={siteColumns}
            dataSource={sites.data?.items ?? []}
            loading={sites.isFetching}
            pagination={{ pageSize: 30, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 700 }}
            locale={{ emptyText: '暂无阵地' }}
            aria-label="法治宣传阵地"
          />
        </Card>
      )}
    </Flex>
  );
}
