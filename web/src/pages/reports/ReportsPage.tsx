import { FileAddOutlined, FileTextOutlined, FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Select,
  Table,
  type TableProps,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { REPORT_STATUS, statusLabel } from '../../reports/labels';
import { useInbox, useOpenReport, useReports } from '../../reports/queries';
import { reportPermissions, rolesOver } from '../../reports/roles';
import type { InboxItem, ReportListItem, ReportStatus } from '../../reports/types';
import { useSession } from '../../session';
import '../../reports/reports.css';

const REPORT_LEVELS = ['province', 'city', 'county', 'township'];
const INBOX_LEVELS = ['province', 'city', 'county'];

function StatusTag(props: { status: string }) {
  const info = REPORT_STATUS[props.status as ReportStatus];
  return <Tag color={info?.color ?? 'default'}>{statusLabel(props.status)}</Tag>;
}

function yearOptions(from: number, to: number) {
  const out = [];
  for (let y = to; y >= from; y--) out.push({ value: y, label: `${y}年度` });
  return out;
}

function OwnReports(props: { org: string; canWrite: boolean }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const reports = useReports(props.org);
  const open = useOpenReport();
  const items = reports.data?.items ?? [];
  const existing = items.find((r) => r.year === year);

  const onOpen = async () => {
    if (existing) {
      navigate(`/reports/${existing.id}`);
      return;
    }
    try {
      const report = await open.mutateAsync({ orgCode: props.org, year });
      message.success(`已创建${year}年度报告`);
      navigate(`/reports/${report.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableProps<ReportListItem>['columns'] = [
    { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
    {
      title: '标题',
      dataIndex: 'title',
      render: (title: string, row) => <Link to={`/reports/${row.id}`}>{title}</Link>,
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <StatusTag status={s} /> },
    { title: '报送日期', dataIndex: 'submittedOn', width: 110, responsive: ['md'], render: (d) => d ?? '—' },
    { title: '公开日期', dataIndex: 'publishedOn', width: 110, responsive: ['md'], render: (d) => d ?? '—' },
    {
      title: '操作',
      key: 'action',
      width: 80,
      render: (_, row) => (
        <Button
          size="small"
          icon={<FolderOpenOutlined />}
          onClick={() => navigate(`/reports/${row.id}`)}
          aria-label={`打开${row.year}年度报告`}
        >
          打开
        </Button>
      ),
    },
  ];

  const createBlocked = !existing && !props.canWrite;
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex gap={8} wrap="wrap" align="center">
          <Select
            aria-label="报告年度"
            value={year}
            onChange={setYear}
            options={yearOptions(2019, thisYear)}
            style={{ width: 130 }}
          />
          <Tooltip title={createBlocked ? '您没有编写年度报告的权限' : undefined}>
            <Button
              type="primary"
              icon={existing ? <FolderOpenOutlined /> : <FileAddOutlined />}
              loading={open.isPending}
              disabled={createBlocked}
              onClick={onOpen}
              data-testid="open-report"
            >
              {existing ? `打开${year}年度报告` : `新建${year}年度报告`}
            </Button>
          </Tooltip>
          <Typography.Text type="secondary" className="figure-card-note">
            按规定，每年3月1日前向上一级报送上一年度报告，4月1日前向社会公开。
          </Typography.Text>
        </Flex>
      </Card>
      {reports.isError ? (
        <PageError title="报告列表加载失败" error={reports.error} onRetry={() => reports.refetch()} />
      ) : (
        <Table<ReportListItem>
          rowKey="id"
          size="middle"
          loading={reports.isPending}
          columns={columns}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description="还没有年度报告" /> }}
          data-testid="reports-table"
        />
      )}
    </Flex>
  );
}

function Inbox(props: { org: string }) {
  const navigate = useNavigate();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(undefined);
  const inbox = useInbox(props.org, year, true);

  const columns: TableProps<InboxItem>['columns'] = [
    {
      title: '报送单位',
      dataIndex: 'orgName',
      width: 120,
      render: (n: string | null, row) => n ?? row.orgCode,
    },
    { title: '年度', dataIndex: 'year', width: 70, responsive: ['sm'], render: (y: number) => `${y}年` },
    {
      title: '标题',
      dataIndex: 'title',
      responsive: ['md'],
      render: (title: string, row) => <Link to={`/reports/${row.id}`}>{title}</Link>,
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <StatusTag status={s} /> },
    {
      title: '报送日期',
      dataIndex: 'submittedOn',
      width: 130,
      render: (d: string | null, row) => (
        <Flex vertical gap={2}>
          <span>{d ?? '—'}</span>
          {d && row.submitDue && d > row.submitDue && (
            <Tag color="error" style={{ marginInlineEnd: 0, width: 'fit-content' }}>
              逾期报送
            </Tag>
          )}
        </Flex>
      ),
    },
    { title: '报送期限', dataIndex: 'submitDue', width: 110, responsive: ['lg'], render: (d) => d ?? '—' },
    { title: '公开日期', dataIndex: 'publishedOn', width: 110, responsive: ['md'], render: (d) => d ?? '—' },
    {
      title: '操作',
      key: 'action',
      width: 80,
      render: (_, row) => (
        <Button
          size="small"
          onClick={() => navigate(`/reports/${row.id}`)}
          aria-label={`查看${row.orgName ?? row.orgCode}${row.year}年度报告`}
        >
          查看
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap="wrap" align="center">
        <Select
          aria-label="报送年度"
          value={year ?? 0}
          onChange={(y: number) => setYear(y || undefined)}
          options={[{ value: 0, label: '全部年度' }, ...yearOptions(2019, thisYear)]}
          style={{ width: 130 }}
        />
        <Typography.Text type="secondary" className="figure-card-note">
          下级机构已报送或已公开的年度报告。
        </Typography.Text>
      </Flex>
      {inbox.isError ? (
        <PageError title="下级报送加载失败" error={inbox.error} onRetry={() => inbox.refetch()} />
      ) : (
        <Table<InboxItem>
          rowKey="id"
          size="middle"
          loading={inbox.isPending}
          columns={columns}
          dataSource={inbox.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="下级机构还没有报送年度报告" /> }}
          data-testid="inbox-table"
        />
      )}
    </Flex>
  );
}

export default function ReportsPage() {
  const me = useSession();
  const { code, org, parentOf } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const level = org?.level ?? '';
  const writes = REPORT_LEVELS.includes(level);
  const hasInbox = INBOX_LEVELS.includes(level);
  const canWrite = useMemo(
    () => (code ? reportPermissions(rolesOver(me, code, parentOf)).write : false),
    [me, code, parentOf],
  );
  const tab = hasInbox && params.get('tab') === 'inbox' ? 'inbox' : 'own';

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <FileTextOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          年度报告
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        法治政府建设年度报告：数据取自台账，文字部分由经办人起草，经领导审核后报送上一级，并向社会公开。
      </Typography.Paragraph>

      {!code ? null : !writes ? (
        <Alert
          type="info"
          showIcon
          title="年度报告由县(区)、乡镇(街道)编写"
          description="请在页面顶部把“当前机构”切换到所在的乡镇(街道)或县(区)。"
        />
      ) : hasInbox ? (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'inbox' ? { tab: 'inbox' } : {}, { replace: true })}
          items={[
            {
              key: 'own',
              label: (
                <span>
                  <FileTextOutlined aria-hidden /> 本级报告
                </span>
              ),
              children: <OwnReports org={code} canWrite={canWrite} />,
            },
            {
              key: 'inbox',
              label: (
                <span>
                  <InboxOutlined aria-hidden /> 下级报送
                </span>
              ),
              children: <Inbox org={code} />,
            },
          ]}
        />
      ) : (
        <OwnReports org={code} canWrite={canWrite} />
      )}
    </Flex>
  );
}
