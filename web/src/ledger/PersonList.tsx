import { Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CasePerson } from './types';

export function orDash(value: string | null | undefined): ReactNode {
  return value ? value : <Typography.Text type="secondary">—</Typography.Text>;
}

/**
 * The people of a case (当事人, 信访人): a table on wide screens, stacked cards on phones. `tag` gives
 * the first column (身份, 代表 …); personal fields come masked from the API when the user may not see them.
 */
export function PersonList<P extends CasePerson>(props: {
  persons: P[];
  isMobile: boolean;
  tagTitle: string;
  tag: (person: P) => ReactNode;
  label: string;
  empty: string;
}) {
  const { persons, tag } = props;
  if (persons.length === 0) return <Empty description={props.empty} />;
  if (props.isMobile) {
    return (
      <Flex vertical gap={8}>
        {persons.map((p) => (
          <div key={p.id} className="party-card">
            <Flex gap={8} align="center">
              {tag(p)}
              <Typography.Text strong>{p.name}</Typography.Text>
            </Flex>
            <dl className="party-card-fields">
              <dt>身份证号</dt>
              <dd>{orDash(p.idCard)}</dd>
              <dt>联系电话</dt>
              <dd>{orDash(p.phone)}</dd>
              <dt>住址</dt>
              <dd>{orDash(p.address)}</dd>
            </dl>
          </div>
        ))}
      </Flex>
    );
  }
  const columns: TableColumnsType<P> = [
    { title: props.tagTitle, key: 'tag', width: 90, render: (_, p) => tag(p) },
    { title: '姓名', dataIndex: 'name', key: 'name', width: 110 },
    { title: '身份证号', dataIndex: 'idCard', key: 'idCard', width: 190, render: orDash },
    { title: '联系电话', dataIndex: 'phone', key: 'phone', width: 140, render: orDash },
    { title: '住址', dataIndex: 'address', key: 'address', render: orDash },
  ];
  return (
    <Table<P>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={persons}
      pagination={false}
      scroll={{ x: 720 }}
      aria-label={props.label}
    />
  );
}

/** A neutral tag (身份 and the like). */
export function PlainTag(props: { children: ReactNode; color?: string }) {
  return (
    <Tag color={props.color} style={{ marginInlineEnd: 0 }}>
      {props.children}
    </Tag>
  );
}
