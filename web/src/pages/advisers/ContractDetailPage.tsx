import { PlusOutlined, SolutionOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ActivityModal } from '../../advisers/ActivityModal';
import { dash, reviewColumns } from '../../advisers/parts';
import {
  type Activity,
  type LegalReview,
  useAdvisersMeta,
  useAdvisersPost,
  useContract,
} from '../../advisers/queries';
import { errorMessage } from '../../api';
import { PageError, PageSpin } from '../../components/PageState';
import { toDate } from '../../ledger/dates';

/** A contract: adviser, coverage (with overlaps), the work log and the legality reviews of the adviser's account. */
export default function ContractDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const c = useContract(id);
  const meta = useAdvisersMeta(c.data?.orgCode);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState(false);
  const [form] = Form.useForm<{ on: Dayjs; reason: string }>();
  const terminate = useAdvisersPost<{ on: string; reason: string }, unknown>(`/contracts/${id}/terminate`);

  if (c.isError) return <PageError title="合同加载失败" error={c.error} onRetry={() => c.refetch()} />;
  if (!c.data) return <PageSpin />;
  const d = c.data;
  const total = (k: string) => d.totals.find((t) => t.kind === k);
  const columns: TableColumnsType<Activity> = [
    { title: '日期', dataIndex: 'on', key: 'on', width: 110 },
    { title: '类型', dataIndex: 'kind', key: 'kind', width: 80 },
    { title: '地点', dataIndex: 'orgName', key: 'orgName', width: 130, render: dash },
    { title: '时长(小时)', dataIndex: 'hours', key: 'hours', width: 100, render: dash },
    { title: '人次', dataIndex: 'people', key: 'people', width: 70, render: dash },
    { title: '方式', dataIndex: 'way', key: 'way', width: 70, render: dash },
    { title: '事项', dataIndex: 'topic', key: 'topic', ellipsis: true, render: dash },
    { title: '处理情况', dataIndex: 'matters', key: 'matters', ellipsis: true, render: dash },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading" wrap="wrap">
        <SolutionOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          {d.adviserName}
        </Typography.Title>
        {d.active ? <Tag color="green">合同有效</Tag> : <Tag>不在有效期</Tag>}
        {d.terminatedOn && <Tag color="red">已于 {d.terminatedOn} 解除</Tag>}
      </Flex>
      {d.overlaps.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message="覆盖重叠"
          description={d.overlaps.map((o) => (
            <div key={`${o.contractId}-${o.orgCode}`}>
              {o.orgName}同期另有法律顾问 <Link to={`/advisers/${o.contractId}`}>{o.adviserName}</Link>
            </div>
          ))}
        />
      )}
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, lg: 3 }}
          items={[
            { key: 'org', label: '聘用单位', children: dash(d.orgName) },
            { key: 'no', label: '合同编号', children: dash(d.contractNo) },
            { key: 'firm', label: '所在机构', children: `${d.firm}(${d.firmKind})` },
            { key: 'license', label: '执业证号', children: dash(d.licenseNo) },
            { key: 'phone', label: '联系电话', children: dash(d.phone) },
            { key: 'period', label: '合同期', children: `${d.startsOn} 至 ${d.endsOn}` },
            { key: 'fee', label: '顾问费', children: d.fee === null ? '—' : `${d.fee} 元` },
            { key: 'duty', label: '坐班安排', children: dash(d.dutySchedule) },
            {
              key: 'user',
              label: '平台账户',
              children: d.userId ? '已关联' : '未关联(无法统计其合法性审核)',
            },
            {
              key: 'covers',
              label: '覆盖范围',
              span: 3,
              children: d.covers.map((o) => <Tag key={o.code}>{o.name ?? o.code}</Tag>),
            },
            ...(d.terminationReason
              ? [{ key: 'why', label: '解除原因', children: d.terminationReason }]
              : []),
            ...(d.note ? [{ key: 'note', label: '备注', children: d.note }] : []),
          ]}
        />
      </Card>
      <Flex gap={24} wrap="wrap">
        <Statistic title="坐班" value={total('坐班')?.n ?? 0} suffix="天次" />
        <Statistic title="法律咨询" value={total('咨询')?.people ?? 0} suffix="人次" />
        <Statistic title="法治讲座" value={total('讲座')?.n ?? 0} suffix="场" />
        <Statistic title="参与调解" value={total('调解')?.n ?? 0} suffix="件" />
        <Statistic title="合法性审核" value={d.reviews.filter((r) => r.reviewedOn).length} suffix="件" />
      </Flex>
      <Flex gap={8}>
        {meta.data?.can.log && d.active && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记工作
          </Button>
        )}
        {meta.data?.can.manage && !d.terminatedOn && (
          <Button danger onClick={() => setEnding(true)}>
            解除合同
          </Button>
        )}
      </Flex>
      <Card size="small" title="工作记录">
        <Table<Activity>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={d.activities}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 900 }}
          locale={{ emptyText: '暂无工作记录' }}
          aria-label="工作记录"
        />
      </Card>
      <Card size="small" title="合法性审核(本人账户作出)">
        <Table<LegalReview>
          rowKey="id"
          size="small"
          columns={reviewColumns()}
          dataSource={d.reviews}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: d.userId ? '暂无合法性审核记录' : '合同未关联平台账户' }}
          aria-label="合法性审核"
        />
      </Card>
      {adding && (
        <ActivityModal
          org={d.orgCode}
          meta={meta.data}
          contract={{ id: d.id, adviserName: d.adviserName, orgCode: d.orgCode, covers: d.covers }}
          onClose={() => setAdding(false)}
        />
      )}
      {ending && (
        <Modal
          open
          title="解除合同"
          okText="解除"
          okButtonProps={{ danger: true }}
          confirmLoading={terminate.isPending}
          onCancel={() => setEnding(false)}
          onOk={async () => {
            const v = await form.validateFields();
            try {
              await terminate.mutateAsync({ on: toDate(v.on)!, reason: v.reason });
              message.success('已解除合同');
              setEnding(false);
              void c.refetch();
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        >
          <Form form={form} layout="vertical">
            <Form.Item
              name="on"
              label="解除日期(当日起不再有效)"
              rules={[{ required: true, message: '请选择日期' }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="reason"
              label="解除原因"
              rules={[{ required: true, min: 2, message: '请填写解除原因' }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Flex>
  );
}
