import { SolutionOutlined } from '@ant-design/icons';
import { Card, Flex, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { type PortalVillage, usePortalVillages } from '../../../advisers/queries';
import { PageError } from '../../../components/PageState';

/** 一村(社区)一法律顾问 公示: each village's adviser, firm and duty schedule; never phone or licence number. */
export default function PortalAdvisersPage() {
  const [q, setQ] = useState('');
  const list = usePortalVillages(undefined);
  const items = (list.data?.items ?? []).filter(
    (v) =>
      !q ||
      v.name.includes(q) ||
      (v.township ?? '').includes(q) ||
      v.advisers.some((a) => a.adviserName.includes(q)),
  );
  const columns: TableColumnsType<PortalVillage> = [
    { title: '乡镇(街道)', dataIndex: 'township', key: 'township', width: 140 },
    { title: '村(社区)', dataIndex: 'name', key: 'name', width: 160 },
    {
      title: '法律顾问',
      key: 'advisers',
      render: (_, v) =>
        v.advisers.length
          ? v.advisers.map((a) => (
              <div key={`${a.adviserName}-${a.firm}`}>
                {a.adviserName}({a.firm}){a.dutySchedule ? ` · 坐班:${a.dutySchedule}` : ''}
              </div>
            ))
          : '暂未配备',
    },
  ];
  return (
    <Flex vertical gap={16} className="portal-page">
      <Flex align="center" gap={12}>
        <SolutionOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
          村(社区)法律顾问
        </Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        每个村(社区)配备的法律顾问及其坐班安排。群众可在坐班时间到村(社区)法律服务站免费咨询法律问题。
      </Typography.Paragraph>
      <Input.Search
        aria-label="搜索"
        placeholder="乡镇、村(社区)或顾问姓名"
        allowClear
        onSearch={(v) => setQ(v.trim())}
        style={{ maxWidth: 420 }}
      />
      {list.isError ? (
        <PageError title="加载失败" error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card size="small">
          <Table<PortalVillage>
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={list.isFetching}
            pagination={{ pageSize: 30, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: '暂无数据' }}
            aria-label="村(社区)法律顾问"
          />
        </Card>
      )}
    </Flex>
  );
}
