import { AlertOutlined, PlusOutlined, ScheduleOutlined, SolutionOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CoverageTable, dash } from '../../advisers/parts';
import { type ContractItem, useAdvisersMeta, useContracts } from '../../advisers/queries';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';

const PAGE_SIZE = 20;

/** 法律顾问: contracts and 一村(社区)一法律顾问 coverage. */
export default function AdvisersPage() {
  const navigate = useNavigate();
  const { code, org } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const [keyword, setKeyword] = useState(params.get('q') ?? '');
  const meta = useAdvisersMeta(code);
  const tab = params.get('tab') ?? 'contracts';
  const filters = {
    org: params.get('org') ?? code ?? undefined,
    q: params.get('q') ?? undefined,
    on: params.get('active') ? (meta.data?.today ?? undefined) : undefined,
    overlap: params.get('overlap') ?? undefined,
    page: params.get('page') ?? '1',
    pageSize: String(PAGE_SIZE),
  };
  const list = useContracts(filters, Boolean(filters.org) && tab === 'contracts');
  const set = (key: string, value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      if (key !== 'page') next.delete('page');
      return next;
    });

  const columns: TableColumnsType<ContractItem> = [
    {
      title: '法律顾问',
      key: 'name',
      width: 120,
      render: (_, c) => <Link to={`/advisers/${c.id}`}>{c.adviserName}</Link>,
    },
    { title: '执业证号', dataIndex: 'licenseNo', key: 'licenseNo', width: 170, render: dash },
    { title: '所在机构', key: 'firm', width: 200, render: (_, c) => `${c.firm}(${c.firmKind})` },
    { title: '聘用单位', dataIndex: 'orgName', key: 'orgName', width: 140, render: dash },
    {
      title: '覆盖范围',
      key: 'covers',
      render: (_, c) => c.covers.map((o) => o.name ?? o.code).join('、'),
    },
    {
      title: '合同期',
      key: 'period',
      width: 210,
      render: (_, c) => `${c.startsOn} 至 ${c.terminatedOn ? `${c.terminatedOn}(已解除)` : c.endsOn}`,
    },
    {
      title: '状态',
      key: 'state',
      width: 140,
      render: (_, c) => (
        <Flex gap={4} wrap="wrap">
          {c.active ? <Tag color="green">有效</Tag> : <Tag>不在有效期</Tag>}
          {c.overlapping && <Tag color="orange">覆盖重叠</Tag>}
        </Flex>
      ),
    },
    { title: '联系电话', dataIndex: 'phone', key: 'phone', width: 130, render: dash },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <SolutionOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          法律顾问
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      <Flex gap={8} wrap="wrap">
        {meta.data?.can.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/advisers/new')}>
            登记聘用合同
          </Button>
        )}
        <Button icon={<ScheduleOutlined />} onClick={() => navigate('/advisers/log')}>
          工作台账
        </Button>
        <Button icon={<AlertOutlined />} onClick={() => navigate('/advisers/idle')}>
          聘而不用检查
        </Button>
        <Button onClick={() => navigate('/advisers/reviews')}>合法性审核</Button>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k === 'contracts' ? undefined : k)}
        items={[
          {
            key: 'contracts',
            label: '聘用合同',
            children: (
              <Flex vertical gap={12}>
                <Card size="small" className="filter-card">
                  <Flex gap={16} wrap="wrap" align="center">
                    <Input.Search
                      aria-label="关键词"
                      placeholder="姓名、机构、合同编号"
                      allowClear
                      value={keyword}
                      onChange={(e) => setKeyword(e.target.value)}
                      onSearch={(v) => set('q', v.trim() || undefined)}
                      style={{ maxWidth: 320 }}
                    />
                    <Checkbox
                      checked={Boolean(params.get('active'))}
                      onChange={(e) => set('active', e.target.checked ? '1' : undefined)}
                    >
                      仅看有效合同
                    </Checkbox>
                    <Checkbox
                      checked={Boolean(filters.overlap)}
                      onChange={(e) => set('overlap', e.target.checked ? '1' : undefined)}
                    >
                      仅看覆盖重叠
                    </Checkbox>
                  </Flex>
                </Card>
                {list.isError ? (
                  <PageError title="合同加载失败" error={list.error} onRetry={() => list.refetch()} />
                ) : (
                  <Card size="small">
                    <Table<ContractItem>
                      rowKey="id"
                      size="middle"
                      columns={columns}
                      dataSource={list.data?.items ?? []}
                      loading={list.isFetching}
                      scroll={{ x: 1200 }}
                      locale={{ emptyText: '暂无法律顾问合同' }}
                      pagination={{
                        current: Number(filters.page),
                        pageSize: PAGE_SIZE,
                        total: list.data?.total ?? 0,
                        showSizeChanger: false,
                        hideOnSinglePage: true,
                        showTotal: (t) => `共 ${t} 份`,
                        onChange: (p) => set('page', p > 1 ? String(p) : undefined),
                      }}
                      aria-label="法律顾问合同"
                    />
                  </Card>
                )}
              </Flex>
            ),
          },
          {
            key: 'coverage',
            label: '村(社区)覆盖',
            children: (
              <CoverageTable
                params={{
                  org: filters.org,
                  on: params.get('on') ?? undefined,
                  covered: params.get('covered') ?? undefined,
                }}
                onChange={set}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}
