import { Card, Descriptions, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { DrawnTarget, InspectionDetail, Named } from './types';

export const INSPECTION_STATUS: Record<string, { label: string; color: string }> = {
  planned: { label: '待抽取', color: 'default' },
  drawn: { label: '已抽取', color: 'processing' },
  done: { label: '已检查', color: 'cyan' },
  published: { label: '已公开', color: 'success' },
};

export function InspectionStatusTag(props: { status: string; label?: string }) {
  const info = INSPECTION_STATUS[props.status];
  return <Tag color={info?.color ?? 'default'}>{props.label ?? info?.label ?? props.status}</Tag>;
}

const nameOf = (n: Named) =>
  typeof n === 'number' ? `#${n}` : n.certNo ? `${n.name}（${n.certNo}）` : n.name;
const idOf = (n: Named) => (typeof n === 'number' ? n : n.id);

function NamedList(props: { list: Named[] | null; drawn?: Named[] | null }) {
  if (!props.list?.length) return <Typography.Text type="secondary">—</Typography.Text>;
  const drawn = new Set((props.drawn ?? []).map(idOf));
  return (
    <Flex gap={4} wrap="wrap">
      {props.list.map((n) => (
        <Tag key={idOf(n)} color={drawn.has(idOf(n)) ? 'blue' : undefined} style={{ marginInlineEnd: 0 }}>
          {nameOf(n)}
        </Tag>
      ))}
    </Flex>
  );
}

/** The draw: seed, pools (drawn ones highlighted), and the results. Staff and portal share it. */
export function InspectionDraw(props: { detail: InspectionDetail }) {
  const d = props.detail;
  const drawn = d.drawnTargets ?? [];
  const done = drawn.filter((t) => t.result).length;
  const columns: TableColumnsType<DrawnTarget> = [
    { title: '检查对象', key: 'target', render: (_, t) => t.name ?? `#${t.id}` },
    { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 190 },
    { title: '检查日期', dataIndex: 'inspectedOn', key: 'on', width: 120 },
    {
      title: '结果',
      dataIndex: 'result',
      key: 'result',
      width: 180,
      render: (r: string | null) => r ?? <Typography.Text type="secondary">待检查</Typography.Text>,
    },
    { title: '说明', dataIndex: 'note', key: 'note', ellipsis: true },
  ];
  return (
    <Flex vertical gap={16}>
      <Card size="small" title="随机抽取" data-testid="inspection-draw">
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { width: 220 } }}
          items={[
            {
              key: 'seed',
              label: '随机种子',
              children: d.seed ? (
                <Typography.Text code copyable data-testid="inspection-seed">
                  {d.seed}
                </Typography.Text>
              ) : (
                '尚未抽取'
              ),
            },
            { key: 'drawnOn', label: '抽取日期', children: d.drawnOn ?? '—' },
            {
              key: 'targets',
              label: `检查对象（抽取 ${drawn.length} / 名录 ${d.targetPool?.length ?? 0}）`,
              children: <NamedList list={drawn.map((t) => ({ id: t.id, name: t.name }))} />,
            },
            {
              key: 'officers',
              label: `执法检查人员（抽取 ${d.drawnOfficers?.length ?? 0} / 人员库 ${d.officerPool?.length ?? 0}）`,
              children: <NamedList list={d.drawnOfficers} />,
            },
            {
              key: 'tpool',
              label: '检查对象名录（快照）',
              children: <NamedList list={d.targetPool} drawn={d.drawnTargets} />,
            },
            {
              key: 'opool',
              label: '执法人员库（快照）',
              children: <NamedList list={d.officerPool} drawn={d.drawnOfficers} />,
            },
          ]}
        />
      </Card>
      <Card size="small" title={`抽取的检查对象及结果（已检查 ${done} / ${drawn.length}）`}>
        <Table<DrawnTarget>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={drawn}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: '尚未抽取' }}
          aria-label="检查结果"
        />
      </Card>
    </Flex>
  );
}
