import { AimOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { IndicatorBanner } from '../../ledger/FigureCards';
import { StepModal } from '../../ledger/StepModal';
import { dash, type Site, usePublicityMeta, usePublicityPost, useSites } from './queries';

/** 法治宣传阵地: 法治公园, 法治文化广场, 长廊, 宣传栏, 书屋 and 民主法治示范村(社区). */
export default function SitesPage() {
  const { code, org: current, byCode } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const org = params.get('org') ?? code;
  const meta = usePublicityMeta(org);
  const indicator = params.get('indicator');
  const kind = params.get('kind') ?? undefined;
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Site | null>(null);
  const remove = usePublicityPost<{ reason: string }, unknown>(`/sites/${removing?.id ?? 0}/remove`);
  const create = usePublicityPost<Record<string, unknown>, unknown>('/sites');
  const list = useSites(
    {
      org,
      kind,
      indicator: indicator ?? undefined,
      part: params.get('part') ?? undefined,
      from: params.get('from') ?? undefined,
      to: params.get('to') ?? undefined,
    },
    Boolean(org),
  );
  const node = org ? byCode.get(org) : undefined;
  const places = node
    ? [node, ...(node.children ?? []).flatMap((c) => [c, ...(c.children ?? [])])].filter((o) =>
        ['county', 'township', 'village'].includes(o.level),
      )
    : [];

  const columns: TableColumnsType<Site> = [
    { title: '乡镇', dataIndex: 'township', key: 'township', width: 120, render: dash },
    { title: '村(社区)', dataIndex: 'orgName', key: 'orgName', width: 130, render: dash },
    { title: '类型', dataIndex: 'kind', key: 'kind', width: 170 },
    { title: '名称', dataIndex: 'name', key: 'name', ellipsis: true },
    {
      title: '命名级别',
      dataIndex: 'honourLevel',
      key: 'honourLevel',
      width: 100,
      render: (v: string | null) =>
        v ? <Tag color={v === '全国' || v === '省级' ? 'red' : 'blue'}>{v}</Tag> : '—',
    },
    { title: '建成(命名)日期', dataIndex: 'builtOn', key: 'builtOn', width: 130, render: dash },
    ...(meta.data?.can.manage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_: unknown, site: Site) => (
              <Button size="small" type="link" danger onClick={() => setRemoving(site)}>
                删除
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading" wrap="wrap">
        <AimOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          法治宣传阵地
        </Typography.Title>
        <Typography.Text type="secondary">{node?.name ?? current?.name}</Typography.Text>
      </Flex>
      {indicator && (
        <IndicatorBanner
          name={meta.data?.indicators.find((i) => i.id === indicator)?.name ?? indicator}
          part={params.get('part')}
          from={params.get('from')}
          to={params.get('to')}
          onClear={() =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              for (const k of ['indicator', 'part', 'from', 'to']) next.delete(k);
              return next;
            })
          }
        />
      )}
      <Flex gap={12} wrap="wrap">
        {meta.data?.can.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记阵地
          </Button>
        )}
        <Select
          aria-label="类型"
          placeholder="类型"
          allowClear
          style={{ width: 200 }}
          value={kind}
          options={(meta.data?.siteKinds ?? []).map((k) => ({ value: k, label: k }))}
          onChange={(v?: string) =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              if (v) next.set('kind', v);
              else next.delete('kind');
              return next;
            })
          }
        />
      </Flex>
      {list.isError ? (
        <PageError title="阵地加载失败" error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card size="small">
          <Typography.Paragraph type="secondary">共 {list.data?.total ?? 0} 处</Typography.Paragraph>
          <Table<Site>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            locale={{ emptyText: '暂无阵地' }}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 800 }}
            aria-label="法治宣传阵地"
          />
        </Card>
      )}
      <StepModal
        name="site-new"
        title="登记法治宣传阵地"
        label="保存"
        spec={{
          dateLabel: null,
          done: '阵地已登记',
          note: '民主法治示范村(社区)请登记在村(社区)，并填写命名级别和命名日期。',
          fields: [
            {
              name: 'orgCode',
              label: '所在地',
              kind: 'select',
              required: '请选择所在地',
              options: places.map((o) => ({ value: o.code, label: o.name })),
            },
            {
              name: 'kind',
              label: '类型',
              kind: 'select',
              required: '请选择类型',
              options: meta.data?.siteKinds ?? [],
            },
            { name: 'name', label: '名称', kind: 'text', required: '请填写名称', max: 100 },
            { name: 'builtOn', label: '建成(命名)日期', kind: 'date' },
            {
              name: 'honourLevel',
              label: '命名级别(示范村)',
              kind: 'select',
              allowClear: true,
              options: meta.data?.honourLevels ?? [],
            },
            { name: 'note', label: '备注', kind: 'textarea', max: 2000 },
          ],
        }}
        submit={(body) => create.mutateAsync(body)}
        pending={create.isPending}
        open={adding}
        onClose={() => setAdding(false)}
        afterClose={() => {}}
      />
      <StepModal
        name="site-remove"
        title={`删除阵地：${removing?.name ?? ''}`}
        label="删除"
        spec={{
          dateLabel: null,
          done: '阵地已删除',
          fields: [
            { name: 'reason', label: '删除原因', kind: 'textarea', required: '请填写删除原因', minChars: 2 },
          ],
        }}
        submit={(body) => remove.mutateAsync(body as { reason: string })}
        pending={remove.isPending}
        open={removing !== null}
        onClose={() => setRemoving(null)}
        afterClose={() => {}}
      />
    </Flex>
  );
}
