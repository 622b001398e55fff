import { Card, Flex, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Deadline } from './queries';
import { DEADLINE_NAMES } from './steps';

export const dash = (v: ReactNode) =>
  v === null || v === undefined || v === '' ? <Typography.Text type="secondary">—</Typography.Text> : v;

const CORRECTING = ['撤销', '部分撤销', '变更', '确认违法', '确认无效', '责令履行', '给付'];
const UPHOLDING = ['维持', '驳回复议请求', '驳回诉讼请求'];

/** 维持 green, 纠正/败诉 red, the rest grey; open cases say 尚未审结. */
export function OutcomeTag(props: { type: string | null }) {
  if (!props.type) return <Tag>尚未审结</Tag>;
  const color = CORRECTING.includes(props.type)
    ? 'red'
    : UPHOLDING.includes(props.type)
      ? 'green'
      : 'default';
  return <Tag color={color}>{props.type}</Tag>;
}

export function DeadlineCard(props: { deadlines: Deadline[] }) {
  if (props.deadlines.length === 0) return null;
  return (
    <Card size="small" title="期限">
      <Table<Deadline>
        rowKey={(d) => `${d.entity}-${d.entityId}-${d.step}`}
        size="small"
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={props.deadlines}
        columns={[
          {
            title: '期限',
            key: 'step',
            render: (_, d) => (d.step === 'appear' ? d.title : (DEADLINE_NAMES[d.step] ?? d.title)),
          },
          { title: '起算', dataIndex: 'startsOn', key: 'startsOn', width: 110 },
          { title: '届满', dataIndex: 'dueOn', key: 'dueOn', width: 110 },
          {
            title: '状态',
            key: 'status',
            width: 200,
            render: (_, d) => (
              <Flex gap={4} wrap="wrap">
                <Tag>
                  {d.status === 'open'
                    ? '进行中'
                    : d.status === 'done'
                      ? `已完成 ${d.doneOn ?? ''}`
                      : '已撤销'}
                </Tag>
                {d.overdue && <Tag color="red">逾期</Tag>}
                {d.late && <Tag color="orange">超期完成</Tag>}
              </Flex>
            ),
          },
          { title: '依据', dataIndex: 'legalBasis', key: 'legalBasis', ellipsis: true },
        ]}
      />
    </Card>
  );
}
