import { AlertOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../api';
import { PageError } from '../components/PageState';
import { useCurrentOrg } from '../currentOrg';
import { SUPERVISION_STATUS } from '../labels';
import { useModules, useSupervision, useSweepDeadlines } from '../queries';
import { useSession } from '../session';
import type { ModuleEntry, SupervisionItem, SupervisionStatus } from '../types';
import { useIsMobile } from '../useIsMobile';

/** Roles that may run the deadline sweep on demand (`supervision.manage`). */
const SWEEP_ROLES: ReadonlySet<string> = new Set(['县级监督', '系统管理员']);

function StatusTag(props: { status: SupervisionStatus }) {
  const info = SUPERVISION_STATUS[props.status] ?? { label: props.status, color: 'default' };
  return <Tag color={info.color}>{info.label}</Tag>;
}

function Overdue(props: { item: SupervisionItem }) {
  const { daysOverdue, status } = props.item;
  if (daysOverdue <= 0) return <Typography.Text type="secondary">未逾期</Typography.Text>;
  return (
    <Typography.Text type={status === 'open' ? 'danger' : 'secondary'}>逾期 {daysOverdue} 天</Typography.Text>
  );
}

/** The case page of an item's overdue limit (e.g. /petitions/12), when its module has one. */
function caseLink(item: SupervisionItem, modules: ModuleEntry[]): string | null {
  if (!item.module || item.entity !== 'case' || !item.entityId) return null;
  const entry = modules.find((m) => m.id === item.module && m.path === `/${item.module}`);
  return entry ? `${entry.path}/${encodeURIComponent(item.entityId)}` : null;
}

function Title(props: { item: SupervisionItem; modules: ModuleEntry[]; strong?: boolean }) {
  const to = caseLink(props.item, props.modules);
  const text = props.strong ? <Typography.Text strong>{props.item.title}</Typography.Text> : props.item.title;
  return to ? (
    <Link to={to} title="查看办理情况">
      {props.item.title}
    </Link>
  ) : (
    text
  );
}

function matches(item: SupervisionItem, keyword: string): boolean {
  if (!keyword) return true;
  return item.title.includes(keyword) || item.orgName.includes(keyword);
}

export default function SupervisionPage() {
  const isMobile = useIsMobile();
  const me = useSession();
  const { message } = App.useApp();
  const { code, org } = useCurrentOrg();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [keyword, setKeyword] = useState('');
  const query = useSupervision(code, status);
  const modules = useModules().data?.modules ?? [];
  const sweep = useSweepDeadlines();
  const [sweepForbidden, setSweepForbidden] = useState(false);
  const canSweep = !sweepForbidden && me.grants.some((g) => SWEEP_ROLES.has(g.role));

  const all = query.data?.items ?? [];
  const term = keyword.trim();
  const items = useMemo(() => all.filter((i) => matches(i, term)), [all, term]);
  const openCount = all.filter((i) => i.status === 'open').length;
  const overdueCount = all.filter((i) => i.status === 'open' && i.daysOverdue > 0).length;

  const runSweep = async () => {
    try {
      const result = await sweep.mutateAsync();
      message.success(`巡检完成：新发到期提醒 ${result.reminders} 条，新增督办 ${result.supervision} 项`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) setSweepForbidden(true);
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<SupervisionItem> = [
    {
      title: '事项',
      dataIndex: 'title',
      key: 'title',
      ellipsis: true,
      width: 340,
      render: (_: string, item) => <Title item={item} modules={modules} />,
    },
    {
      title: '承办机构',
      dataIndex: 'orgName',
      key: 'orgName',
      width: 160,
      render: (name: string, item) => <span title={item.orgCode}>{name}</span>,
    },
    {
      title: '交办日期',
      dataIndex: 'createdOn',
      key: 'createdOn',
      width: 120,
      sorter: (a, b) => a.createdOn.localeCompare(b.createdOn),
    },
    {
      title: '办理期限',
      dataIndex: 'dueOn',
      key: 'dueOn',
      width: 120,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.dueOn.localeCompare(b.dueOn),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      filters: (Object.keys(SUPERVISION_STATUS) as SupervisionStatus[]).map((s) => ({
        text: SUPERVISION_STATUS[s].label,
        value: s,
      })),
      onFilter: (value, item) => item.status === value,
      render: (s: SupervisionStatus) => <StatusTag status={s} />,
    },
    {
      title: '逾期',
      dataIndex: 'daysOverdue',
      key: 'daysOverdue',
      width: 110,
      sorter: (a, b) => a.daysOverdue - b.daysOverdue,
      render: (_: number, item) => <Overdue item={item} />,
    },
  ];

  /** Phone width: one column with the details stacked under the title. */
  const compactColumns: TableColumnsType<SupervisionItem> = [
    {
      title: '事项',
      key: 'item',
      render: (_, item) => (
        <Flex vertical gap={4}>
          <Title item={item} modules={modules} strong />
          <Typography.Text type="secondary">
            {item.orgName} · 期限 {item.dueOn}
          </Typography.Text>
          <Space size={8} wrap>
            <StatusTag status={item.status} />
            <Overdue item={item} />
          </Space>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <AlertOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          督办事项
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>

      <Flex gap={8} wrap="wrap" align="center" className="toolbar">
        <Segmented<'open' | 'all'>
          aria-label="督办状态"
          value={status}
          onChange={setStatus}
          options={[
            { value: 'open', label: '督办中' },
            { value: 'all', label: '全部' },
          ]}
        />
        <Input.Search
          aria-label="搜索督办事项"
          placeholder="搜索事项、编号或承办机构"
          allowClear
          value={keyword}
          onChange={(e) => setKeyword(e.target.value)}
          onSearch={setKeyword}
          className="supervision-search"
        />
        {canSweep && (
          <Tooltip title="立即检查全部法定期限：临近到期的发出提醒，已逾期的生成督办事项（系统每小时自动巡检一次）">
            <Button icon={<ThunderboltOutlined />} loading={sweep.isPending} onClick={runSweep}>
              立即巡检
            </Button>
          </Tooltip>
        )}
      </Flex>

      {query.isError ? (
        <PageError title="督办事项加载失败" error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Card size="small">
          {query.data && (
            <Typography.Paragraph type="secondary" role="status" data-testid="supervision-summary">
              共 {all.length} 项，督办中 {openCount} 项，其中逾期 {overdueCount} 项
              {term ? `；匹配“${term}”的 ${items.length} 项` : ''}
            </Typography.Paragraph>
          )}
          <Table<SupervisionItem>
            rowKey="id"
            size="middle"
            columns={isMobile ? compactColumns : columns}
            showHeader={!isMobile}
            tableLayout={isMobile ? 'fixed' : undefined}
            dataSource={items}
            loading={query.isPending || (query.isFetching && !query.isPending)}
            locale={{ emptyText: term ? '没有匹配的督办事项' : '暂无督办事项' }}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, simple: isMobile }}
            scroll={isMobile ? undefined : { x: 950 }}
            aria-label="督办事项列表"
          />
        </Card>
      )}
    </Flex>
  );
}
