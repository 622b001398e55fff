import {
  DownloadOutlined,
  FileExcelOutlined,
  PlusOutlined,
  ProfileOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Flex,
  Input,
  Row,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { dash, long, options } from '../../enforcement/labels';
import { discretionText, PostModal, parseDiscretion } from '../../enforcement/PostModal';
import { BASE, useEnforcementMeta, useItem, useItems } from '../../enforcement/queries';
import type { Item } from '../../enforcement/types';
import { queryString } from '../../ledger/queries';
import type { StepField } from '../../ledger/StepModal';

const PAGE_SIZE = 20;
const LIST_KINDS = ['公共服务事项', '行政权力事项', '行政执法权责事项'];

function itemFields(itemTypes: string[], revise: boolean): StepField[] {
  return [
    ...(revise
      ? []
      : ([
          {
            name: 'listKind',
            label: '清单类别',
            kind: 'select',
            required: '请选择清单类别',
            options: LIST_KINDS,
          },
          { name: 'itemCode', label: '事项编码', kind: 'text', required: '请填写事项编码', max: 50 },
        ] as StepField[])),
    { name: 'name', label: '事项名称', kind: 'text', required: '请填写事项名称', max: 200 },
    { name: 'itemType', label: '事项类型', kind: 'select', required: '请选择事项类型', options: itemTypes },
    {
      name: 'legalBasis',
      label: '设定依据',
      kind: 'textarea',
      required: '请填写法律依据（法律名称及条款）',
      max: 2000,
    },
    { name: 'office', label: '责任科室/实施主体', kind: 'text', max: 100 },
    { name: 'delegated', label: '赋权', kind: 'checkbox', text: '县级赋权乡镇(街道)实施' },
    {
      name: 'discretion',
      label: '裁量基准',
      kind: 'textarea',
      max: 5000,
      rows: 4,
      placeholder: '每行一条：情形 → 处罚幅度',
    },
    {
      name: 'effectiveFrom',
      label: revise ? '新版本生效日期' : '生效日期',
      kind: 'date',
      future: true,
      required: '请选择生效日期',
    },
  ];
}

function ItemDrawer(props: {
  id: number | null;
  canManage: boolean;
  itemTypes: string[];
  onClose: () => void;
}) {
  const item = useItem(props.id);
  const [form, setForm] = useState<'revise' | 'retire' | null>(null);
  const d = item.data;
  const versionColumns: TableColumnsType<Item> = [
    { title: '版本', dataIndex: 'version', key: 'v', width: 60 },
    { title: '名称', dataIndex: 'name', key: 'name', ellipsis: true },
    { title: '生效', dataIndex: 'effectiveFrom', key: 'from', width: 110 },
    { title: '失效', dataIndex: 'effectiveTo', key: 'to', width: 110, render: dash },
  ];
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      size={640}
      title={d ? `${d.itemCode} ${d.name}` : '执法事项'}
      extra={
        props.canManage &&
        d &&
        !d.effectiveTo && (
          <Flex gap={8}>
            <Button onClick={() => setForm('revise')}>修订</Button>
            <Button danger onClick={() => setForm('retire')}>
              停止实施
            </Button>
          </Flex>
        )
      }
    >
      {item.isError && <PageError error={item.error} />}
      {d && (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'kind', label: '清单类别', children: d.listKind },
              { key: 'type', label: '事项类型', children: d.itemType },
              { key: 'basis', label: '设定依据', children: long(d.legalBasis) },
              { key: 'office', label: '责任科室', children: dash(d.office) },
              { key: 'delegated', label: '赋权', children: d.delegated ? '县级赋权' : '否' },
              {
                key: 'discretion',
                label: '裁量基准',
                children: d.discretion?.length ? long(discretionText(d.discretion)) : dash(null),
              },
              { key: 'eff', label: '有效期', children: `${d.effectiveFrom} 至 ${d.effectiveTo ?? '今'}` },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            历史版本
          </Typography.Title>
          <Table<Item>
            rowKey="id"
            size="small"
            columns={versionColumns}
            dataSource={d.versions ?? []}
            pagination={false}
            aria-label="历史版本"
          />
          <PostModal
            name="item-revise"
            title={`修订 ${d.name}`}
            path={`/items/${d.id}/revise`}
            fields={itemFields(props.itemTypes, true)}
            done="已生成新版本；已立案的案件仍按原版本办理"
            initialValues={{
              name: d.name,
              itemType: d.itemType,
              legalBasis: d.legalBasis,
              office: d.office ?? undefined,
              delegated: d.delegated,
              discretion: discretionText(d.discretion),
              effectiveFrom: dayjs(),
            }}
            transform={(b) => ({ ...b, discretion: parseDiscretion(b.discretion) })}
            open={form === 'revise'}
            onClose={() => setForm(null)}
          />
          <PostModal
            name="item-retire"
            title={`停止实施 ${d.name}`}
            path={`/items/${d.id}/retire`}
            fields={[
              {
                name: 'effectiveTo',
                label: '失效日期',
                kind: 'date',
                future: true,
                required: '请选择失效日期',
              },
            ]}
            done="已设置失效日期"
            initialValues={{ effectiveTo: dayjs() }}
            open={form === 'retire'}
            onClose={() => setForm(null)}
          />
        </Flex>
      )}
    </Drawer>
  );
}

/** 执法事项清单 / 三项清单: current versions, filters, import/export, versions in a drawer. */
export default function ItemsPage() {
  const navigate = useNavigate();
  const { code, org } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const [keyword, setKeyword] = useState(params.get('q') ?? '');
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const meta = useEnforcementMeta(code);
  const can = meta.data?.can;
  // A township works with its own items and the county's (赋权): the ones in force today.
  const inherited = org?.level === 'township' || org?.level === 'office';
  const filters = {
    org: code,
    ...(inherited ? { applicable: '1', on: dayjs().format('YYYY-MM-DD') } : {}),
    listKind: params.get('listKind') ?? undefined,
    itemType: params.get('itemType') ?? undefined,
    q: params.get('q') ?? undefined,
    page: params.get('page') ?? '1',
    pageSize: PAGE_SIZE,
  };
  const items = useItems(filters, Boolean(code));
  const set = (key: string, value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      if (key !== 'page') next.delete('page');
      return next;
    });
  const { page: _p, pageSize: _s, ...exportParams } = filters;

  const columns: TableColumnsType<Item> = [
    { title: '编码', dataIndex: 'itemCode', key: 'code', width: 140 },
    { title: '名称', dataIndex: 'name', key: 'name', ellipsis: true },
    { title: '类型', dataIndex: 'itemType', key: 'type', width: 100 },
    { title: '清单', dataIndex: 'listKind', key: 'kind', width: 150 },
    {
      title: '赋权',
      dataIndex: 'delegated',
      key: 'delegated',
      width: 80,
      render: (v: boolean) => (v ? <Tag color="blue">县级赋权</Tag> : null),
    },
    { title: '发布单位', dataIndex: 'orgName', key: 'org', width: 140, render: dash },
    { title: '版本', dataIndex: 'version', key: 'version', width: 60 },
    { title: '生效日期', dataIndex: 'effectiveFrom', key: 'from', width: 110 },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <ProfileOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          执法事项清单
        </Typography.Title>
        {org && (
          <Typography.Text type="secondary">
            {org.name}
            {inherited ? '（含县级清单，今日有效的事项）' : ''}
          </Typography.Text>
        )}
      </Flex>
      <Flex gap={8} wrap="wrap">
        {can?.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增事项
          </Button>
        )}
        {can?.import && (
          <>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/enforcement/import')}>
              导入清单
            </Button>
            <Button icon={<DownloadOutlined />} href={`${BASE}/template.xlsx`} download>
              下载模板
            </Button>
          </>
        )}
        <Button
          icon={<FileExcelOutlined />}
          href={`${BASE}/items${queryString({ ...exportParams, format: 'xlsx' })}`}
          download
        >
          导出 Excel
        </Button>
      </Flex>
      <Card size="small" className="filter-card">
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Select
              aria-label="清单类别"
              placeholder="清单类别"
              allowClear
              style={{ width: '100%' }}
              value={filters.listKind}
              options={options(meta.data?.listKinds ?? LIST_KINDS)}
              onChange={(v?: string) => set('listKind', v)}
            />
          </Col>
          <Col xs={12} md={6}>
            <Select
              aria-label="事项类型"
              placeholder="事项类型"
              allowClear
              style={{ width: '100%' }}
              value={filters.itemType}
              options={options(meta.data?.itemTypes)}
              onChange={(v?: string) => set('itemType', v)}
            />
          </Col>
          <Col xs={24} md={8}>
            <Input.Search
              aria-label="关键词"
              placeholder="名称、编码、依据"
              allowClear
              value={keyword}
              onChange={(e) => setKeyword(e.target.value)}
              onSearch={(v) => set('q', v.trim() || undefined)}
            />
          </Col>
        </Row>
      </Card>
      {items.isError ? (
        <PageError title="清单加载失败" error={items.error} onRetry={() => items.refetch()} />
      ) : (
        <Card size="small">
          <Table<Item>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items.data?.items ?? []}
            loading={items.isFetching}
            onRow={(i) => ({ onClick: () => setOpen(i.id), className: 'clickable-row' })}
            scroll={{ x: 1000 }}
            locale={{ emptyText: '暂无执法事项' }}
            pagination={{
              current: Number(filters.page),
              pageSize: PAGE_SIZE,
              total: items.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (t) => `共 ${t} 项`,
              onChange: (p) => set('page', p > 1 ? String(p) : undefined),
            }}
            aria-label="执法事项"
          />
        </Card>
      )}
      <ItemDrawer
        id={open}
        canManage={can?.manage ?? false}
        itemTypes={meta.data?.itemTypes ?? []}
        onClose={() => setOpen(null)}
      />
      <PostModal
        name="item-new"
        title="新增执法事项"
        path="/items"
        fields={itemFields(meta.data?.itemTypes ?? [], false)}
        done="已新增事项"
        initialValues={{ listKind: '行政执法权责事项', itemType: '行政处罚', effectiveFrom: dayjs() }}
        transform={(b) => ({ ...b, orgCode: code, discretion: parseDiscretion(b.discretion) })}
        open={creating}
        onClose={() => setCreating(false)}
      />
    </Flex>
  );
}
