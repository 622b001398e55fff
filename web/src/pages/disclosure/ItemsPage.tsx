import {
  DownloadOutlined,
  FileExcelOutlined,
  FolderOpenOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api';
import { PageError } from '../../components/PageState';
import { disableFuture, toDate } from '../../ledger/dates';
import { FigureCards, IndicatorBanner } from '../../ledger/FigureCards';
import { LedgerFilters } from '../../ledger/LedgerFilters';
import { queryString } from '../../ledger/queries';
import { StepModal } from '../../ledger/StepModal';
import { useLedgerList } from '../../ledger/useLedgerList';
import { useIsMobile } from '../../useIsMobile';
import { BASE, type Item, useDisclosureList, useDisclosureMeta, useDisclosurePost } from './shared';

const FIGURE_IDS = ['disclosure.itemsPublished', 'disclosure.timelyRate'] as const;
const FILTER_KEYS = ['category', 'published', 'late'] as const;
const PAGE_SIZE = 20;

interface NewValues {
  title: string;
  category: string;
  formedOn: Dayjs;
  summary?: string;
  published?: Dayjs;
  channel?: string;
  url?: string;
}

function NewItemModal(props: {
  open: boolean;
  onClose: () => void;
  org: string;
  categories: string[];
  channels: string[];
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NewValues>();
  const create = useDisclosurePost<{ id: number; indexNo: string; dueOn: string }>('/items');
  const [error, setError] = useState<string | null>(null);
  const onFinish = async (v: NewValues) => {
    setError(null);
    try {
      const r = await create.mutateAsync({
        orgCode: props.org,
        title: v.title.trim(),
        category: v.category,
        formedOn: toDate(v.formedOn),
        summary: v.summary?.trim() || null,
        publishedOn: v.published ? toDate(v.published) : null,
        channel: v.published ? (v.channel ?? null) : null,
        url: v.url?.trim() || null,
      });
      message.success(`已登记，索引号 ${r.indexNo}，应于 ${r.dueOn} 前公开`);
      form.resetFields();
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Modal
      open={props.open}
      title="登记主动公开信息"
      okText="登记"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<NewValues>
        form={form}
        layout="vertical"
        name="item-new"
        onFinish={onFinish}
        initialValues={{ formedOn: dayjs() }}
      >
        <Form.Item
          name="title"
          label="信息名称"
          rules={[{ required: true, whitespace: true, message: '请填写信息名称' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="category"
          label="主动公开目录类别"
          rules={[{ required: true, message: '请选择类别' }]}
        >
          <Select
            options={props.categories.map((c) => ({ value: c, label: c }))}
            aria-label="主动公开目录类别"
          />
        </Form.Item>
        <Form.Item
          name="formedOn"
          label="生成（变更）日期"
          extra="自生成或变更之日起20个工作日内公开（《政府信息公开条例》第二十六条）"
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={disableFuture} inputReadOnly />
        </Form.Item>
        <Form.Item name="summary" label="内容概述">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="published" label="公开日期（已公开的填写）">
          <DatePicker style={{ width: '100%' }} disabledDate={disableFuture} inputReadOnly />
        </Form.Item>
        <Form.Item name="channel" label="公开渠道">
          <Select
            allowClear
            options={props.channels.map((c) => ({ value: c, label: c }))}
            aria-label="公开渠道"
          />
        </Form.Item>
        {error && (
          <Typography.Text type="danger" role="alert">
            {error}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

export default function ItemsPage() {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const list = useLedgerList({ filterKeys: FILTER_KEYS, pageSize: PAGE_SIZE });
  const { params, org, indicatorId } = list;
  const meta = useDisclosureMeta(org);
  const can = meta.data?.can;
  const items = useDisclosureList<Item>('items', list.apiParams, Boolean(org));
  const [creating, setCreating] = useState(false);
  const [publishing, setPublishing] = useState<Item | null>(null);
  const [publishOpen, setPublishOpen] = useState(false);
  const publish = useDisclosurePost<Item>(`/items/${publishing?.id ?? 0}/publish`);
  const { page: _p, pageSize: _s, ...rest } = list.apiParams;
  const exportHref = `${BASE}/items${queryString({ ...rest, format: 'xlsx' })}`;
  const indicatorName =
    (indicatorId && meta.data?.indicators.find((i) => i.id === indicatorId)?.name) || indicatorId;

  const state = (i: Item) =>
    i.publishedOn ? (
      i.late ? (
        <Tag color="red">逾期公开</Tag>
      ) : (
        <Tag color="green">按期公开</Tag>
      )
    ) : i.overdue ? (
      <Tag color="red">逾期未公开</Tag>
    ) : (
      <Tag color="gold">待公开</Tag>
    );

  const columns: TableColumnsType<Item> = [
    { title: '索引号', dataIndex: 'indexNo', key: 'indexNo', width: 190 },
    { title: '信息名称', dataIndex: 'title', key: 'title', ellipsis: true },
    { title: '类别', dataIndex: 'category', key: 'category', width: 120 },
    { title: '生成日期', dataIndex: 'formedOn', key: 'formedOn', width: 110 },
    { title: '公开期限', dataIndex: 'dueOn', key: 'dueOn', width: 110 },
    {
      title: '公开日期',
      dataIndex: 'publishedOn',
      key: 'publishedOn',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: '渠道',
      dataIndex: 'channel',
      key: 'channel',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: '状态',
      key: 'state',
      width: 170,
      render: (_, i) => (
        <Flex gap={6} align="center">
          {state(i)}
          {!i.publishedOn && can?.manage && (
            <Button
              size="small"
              onClick={() => {
                setPublishing(i);
                setPublishOpen(true);
              }}
            >
              公开
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  const compact: TableColumnsType<Item> = [
    {
      title: '信息',
      key: 'item',
      render: (_, i) => (
        <Flex vertical gap={4}>
          <Typography.Text strong>{i.title}</Typography.Text>
          <Typography.Text type="secondary">
            {i.indexNo} · {i.category} · 生成 {i.formedOn} · 期限 {i.dueOn}
          </Typography.Text>
          <Flex gap={6} align="center">
            {state(i)}
            {i.publishedOn && (
              <span>
                {i.publishedOn} {i.channel}
              </span>
            )}
            {!i.publishedOn && can?.manage && (
              <Button
                size="small"
                onClick={() => {
                  setPublishing(i);
                  setPublishOpen(true);
                }}
              >
                公开
              </Button>
            )}
          </Flex>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <FolderOpenOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          主动公开
        </Typography.Title>
        {list.orgName && <Typography.Text type="secondary">{list.orgName}</Typography.Text>}
      </Flex>
      <Flex gap={8} wrap="wrap" className="toolbar">
        {can?.manage && org && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记信息
          </Button>
        )}
        {can?.import && (
          <>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/disclosure/items/import')}>
              导入台账
            </Button>
            <Button icon={<DownloadOutlined />} href={`${BASE}/template.xlsx`} download>
              下载模板
            </Button>
          </>
        )}
        <Button icon={<FileExcelOutlined />} href={exportHref} download>
          导出 Excel
        </Button>
      </Flex>
      <FigureCards org={org} ids={FIGURE_IDS} />
      {indicatorId && (
        <IndicatorBanner
          name={indicatorName ?? ''}
          part={params.get('part')}
          from={params.get('from')}
          to={params.get('to')}
          onClear={list.clearIndicator}
        />
      )}
      <LedgerFilters
        state={list}
        selects={[
          {
            key: 'category',
            label: '类别',
            options: (meta.data?.categories ?? []).map((c) => ({ value: c, label: c })),
          },
          {
            key: 'published',
            label: '是否公开',
            options: [
              { value: '1', label: '已公开' },
              { value: '0', label: '未公开' },
            ],
          },
        ]}
        dateLabel="生成日期"
        keywordPlaceholder="信息名称、索引号"
        checks={[{ key: 'late', label: '仅逾期' }]}
      />
      {items.isError ? (
        <PageError title="主动公开列表加载失败" error={items.error} onRetry={() => items.refetch()} />
      ) : (
        <Card size="small">
          {items.data && !items.isPlaceholderData && (
            <Typography.Paragraph type="secondary" role="status">
              共 <span data-testid="items-total">{items.data.total}</span> 条
            </Typography.Paragraph>
          )}
          <Table<Item>
            rowKey="id"
            size="middle"
            columns={isMobile ? compact : columns}
            showHeader={!isMobile}
            dataSource={items.data?.items ?? []}
            loading={items.isFetching}
            locale={{ emptyText: '暂无主动公开信息' }}
            pagination={{
              current: list.page,
              pageSize: PAGE_SIZE,
              total: items.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              simple: isMobile,
              onChange: (next) => list.update({ page: next > 1 ? String(next) : undefined }, false),
            }}
            scroll={isMobile ? undefined : { x: 1100 }}
            aria-label="主动公开列表"
          />
        </Card>
      )}
      {org && (
        <NewItemModal
          open={creating}
          onClose={() => setCreating(false)}
          org={org}
          categories={meta.data?.categories ?? []}
          channels={meta.data?.itemChannels ?? []}
        />
      )}
      {publishing && (
        <StepModal
          name="step-publish"
          title={`公开：${publishing.title}`}
          label="公开"
          spec={{
            dateLabel: '公开日期',
            note: `公开期限：${publishing.dueOn}（生成日期 ${publishing.formedOn} 起20个工作日）`,
            fields: [
              {
                name: 'channel',
                label: '公开渠道',
                kind: 'select',
                options: meta.data?.itemChannels ?? [],
                required: '请选择公开渠道',
              },
              { name: 'url', label: '链接', kind: 'text', max: 500 },
            ],
            done: '已登记公开',
          }}
          submit={(body) => publish.mutateAsync(body)}
          pending={publish.isPending}
          open={publishOpen}
          onClose={() => setPublishOpen(false)}
          afterClose={() => setPublishing(null)}
        />
      )}
    </Flex>
  );
}
