import {
  DownloadOutlined,
  FileExcelOutlined,
  IdcardOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, Flex, Input, Row, Select, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { CERT_STATES, CertTag, certState, dash } from '../../enforcement/labels';
import { PostModal } from '../../enforcement/PostModal';
import { BASE, useEnforcementMeta, useOfficers } from '../../enforcement/queries';
import type { Officer } from '../../enforcement/types';
import { useOrgLabel } from '../../enforcement/useOrgLabel';
import { fromDate } from '../../ledger/dates';
import { queryString } from '../../ledger/queries';
import type { StepField, StepValues } from '../../ledger/StepModal';

const PAGE_SIZE = 20;

const FIELDS: StepField[] = [
  { name: 'name', label: '姓名', kind: 'text', required: '请填写姓名', max: 50 },
  { name: 'idCard', label: '身份证号', kind: 'text', max: 18 },
  { name: 'phone', label: '联系电话', kind: 'text', max: 20 },
  { name: 'certNo', label: '执法证号', kind: 'text', max: 50, help: '未取得执法证的留空（计入持证率分母）' },
  { name: 'issuer', label: '发证机关', kind: 'text', max: 100 },
  { name: 'areas', label: '执法区域/类别', kind: 'text', max: 200 },
  { name: 'validFrom', label: '有效期起', kind: 'date', future: true },
  { name: 'validTo', label: '有效期至', kind: 'date', future: true },
  { name: 'status', label: '证件状态', kind: 'radio', options: ['有效', '暂扣', '注销'] },
  { name: 'active', label: '在岗', kind: 'checkbox', text: '仍在执法岗位' },
];

function initial(o: Officer | null): StepValues {
  if (!o) return { status: '有效', active: true };
  return {
    name: o.name,
    idCard: o.idCard ?? undefined,
    phone: o.phone ?? undefined,
    certNo: o.certNo ?? undefined,
    issuer: o.issuer ?? undefined,
    areas: o.areas ?? undefined,
    validFrom: fromDate(o.validFrom),
    validTo: fromDate(o.validTo),
    status: o.status,
    active: o.active,
  };
}

/** 执法人员 and their 执法证: status tags, new/update, import. */
export default function OfficersPage() {
  const navigate = useNavigate();
  const { code, org } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const [keyword, setKeyword] = useState(params.get('q') ?? '');
  const [editing, setEditing] = useState<Officer | 'new' | null>(null);
  const meta = useEnforcementMeta(code);
  const can = meta.data?.can;
  const orgLabel = useOrgLabel();
  const reminder = meta.data?.settings?.certReminderDays ?? 60;
  const filters = {
    org: params.get('org') ?? code,
    q: params.get('q') ?? undefined,
    cert: params.get('cert') ?? undefined,
    indicator: params.get('indicator') ?? undefined,
    part: params.get('part') ?? undefined,
    page: params.get('page') ?? '1',
    pageSize: PAGE_SIZE,
  };
  const list = useOfficers(filters, Boolean(filters.org));
  const set = (key: string, value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      if (key !== 'page') next.delete('page');
      return next;
    });
  const { page: _p, pageSize: _s, ...exportParams } = filters;
  const today = dayjs().format('YYYY-MM-DD');

  const columns: TableColumnsType<Officer> = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 100 },
    { title: '执法证号', dataIndex: 'certNo', key: 'certNo', width: 170, render: dash },
    {
      title: '证件状态',
      key: 'cert',
      width: 110,
      render: (_, o) => <CertTag state={certState(o, reminder, today)} status={o.status} />,
    },
    { title: '有效期至', dataIndex: 'validTo', key: 'validTo', width: 110, render: dash },
    { title: '执法区域/类别', dataIndex: 'areas', key: 'areas', ellipsis: true, render: dash },
    { title: '发证机关', dataIndex: 'issuer', key: 'issuer', width: 160, render: dash },
    { title: '所在单位', key: 'org', width: 220, render: (_, o) => orgLabel(o.orgCode, o.orgName) },
    { title: '联系电话', dataIndex: 'phone', key: 'phone', width: 130, render: dash },
    ...(can?.manage
      ? [
          {
            title: '',
            key: 'ops',
            width: 70,
            render: (_: unknown, o: Officer) => (
              <Button type="link" size="small" onClick={() => setEditing(o)}>
                更新
              </Button>
            ),
          },
        ]
      : []),
  ];

  const current = editing === 'new' ? null : editing;
  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <IdcardOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          执法人员
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      <Flex gap={8} wrap="wrap">
        {can?.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            登记执法人员
          </Button>
        )}
        {can?.import && (
          <>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/enforcement/officers/import')}>
              导入
            </Button>
            <Button icon={<DownloadOutlined />} href={`${BASE}/officers/template.xlsx`} download>
              下载模板
            </Button>
          </>
        )}
        <Button
          icon={<FileExcelOutlined />}
          href={`${BASE}/officers${queryString({ ...exportParams, format: 'xlsx' })}`}
          download
        >
          导出 Excel
        </Button>
      </Flex>
      <Card size="small" className="filter-card">
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Select
              aria-label="证件状态"
              placeholder="证件状态"
              allowClear
              style={{ width: '100%' }}
              value={filters.cert}
              options={Object.entries(CERT_STATES).map(([value, s]) => ({ value, label: s.label }))}
              onChange={(v?: string) => set('cert', v)}
            />
          </Col>
          <Col xs={24} md={8}>
            <Input.Search
              aria-label="关键词"
              placeholder="姓名、证号"
              allowClear
              value={keyword}
              onChange={(e) => setKeyword(e.target.value)}
              onSearch={(v) => set('q', v.trim() || undefined)}
            />
          </Col>
        </Row>
      </Card>
      {list.isError ? (
        <PageError title="执法人员加载失败" error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card size="small">
          <Table<Officer>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1100 }}
            locale={{ emptyText: '暂无执法人员' }}
            pagination={{
              current: Number(filters.page),
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (t) => `共 ${t} 人`,
              onChange: (p) => set('page', p > 1 ? String(p) : undefined),
            }}
            aria-label="执法人员"
          />
        </Card>
      )}
      {editing && (
        <PostModal
          name="officer-form"
          title={current ? `更新 ${current.name}` : '登记执法人员'}
          path={current ? `/officers/${current.id}/update` : '/officers'}
          fields={FIELDS}
          done={current ? '已更新；换证后到期提醒随之更新' : '已登记'}
          initialValues={initial(current)}
          transform={(b) => (current ? b : { ...b, orgCode: code })}
          open
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
