import { PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import {
  Alert,
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
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api, errorMessage } from '../../api';
import { OrgPicker } from '../../components/OrgPicker';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { BASE, useCreateMeeting, useMeetings } from '../../disputes/queries';
import type { DisputeListResponse, Meeting } from '../../disputes/types';
import { disableFuture, toDate } from '../../ledger/dates';
import { queryString } from '../../ledger/queries';
import type { OrgLevel } from '../../types';
import { useIsMobile } from '../../useIsMobile';

const OPEN_STATUSES = ['registered', 'accepted', 'mediating'] as const;
const meetingLevel = (level: OrgLevel) => level === 'township' || level === 'village';

const columns: TableColumnsType<Meeting> = [
  { title: '召开日期', dataIndex: 'held_on', key: 'held_on', width: 110 },
  { title: '单位', dataIndex: 'org_name', key: 'org_name', width: 150, ellipsis: true },
  { title: '会议名称', dataIndex: 'title', key: 'title', width: 220, ellipsis: true },
  { title: '参会人员', dataIndex: 'attendees', key: 'attendees', width: 200, ellipsis: true },
  { title: '研判纠纷', dataIndex: 'cases', key: 'cases', width: 90, render: (n: number) => `${n} 起` },
  { title: '会议情况', dataIndex: 'notes', key: 'notes', ellipsis: true },
];

const compactColumns: TableColumnsType<Meeting> = [
  {
    title: '排查会',
    key: 'meeting',
    render: (_, m) => (
      <Flex vertical gap={2}>
        <Typography.Text strong>{m.title}</Typography.Text>
        <Typography.Text type="secondary">
          {m.held_on} · {m.org_name} · 研判纠纷 {m.cases} 起
        </Typography.Text>
        {m.attendees && <Typography.Text type="secondary">参会：{m.attendees}</Typography.Text>}
      </Flex>
    ),
  },
];

interface MeetingValues {
  orgCode?: string;
  heldOn?: Dayjs;
  title?: string;
  attendees?: string;
  notes?: string;
  caseIds?: number[];
}

/** The open disputes (登记, 已受理, 调解中) of `org`, for picking the ones a meeting reviewed. */
function useOpenCases(org: string | undefined) {
  const results = useQueries({
    queries: OPEN_STATUSES.map((status) => ({
      queryKey: ['disputes', 'cases', { org, status, pageSize: '200' }],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<DisputeListResponse>(`${BASE}/cases${queryString({ org, status, pageSize: 200 })}`, {
          signal,
        }),
      enabled: Boolean(org),
    })),
  });
  const loading = results.some((r) => r.isFetching);
  const items = results.flatMap((r) => r.data?.items ?? []);
  return { loading, items };
}

function NewMeetingModal(props: { open: boolean; onClose: () => void; defaultOrg?: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MeetingValues>();
  const create = useCreateMeeting();
  const [error, setError] = useState<string | null>(null);
  const orgCode = Form.useWatch('orgCode', form) ?? props.defaultOrg;
  const openCases = useOpenCases(props.open ? orgCode : undefined);
  const options = useMemo(
    () =>
      openCases.items
        .slice()
        .sort((a, b) => b.receivedOn.localeCompare(a.receivedOn))
        .map((c) => ({
          value: c.id,
          label: `${c.caseNo} ${c.partyNames} ${c.category}（${c.statusLabel}）`,
        })),
    [openCases.items],
  );

  const onFinish = async (values: MeetingValues) => {
    setError(null);
    try {
      await create.mutateAsync({
        orgCode: values.orgCode!,
        heldOn: toDate(values.heldOn)!,
        title: values.title!.trim(),
        attendees: values.attendees?.trim() ?? '',
        notes: values.notes?.trim() ?? '',
        caseIds: values.caseIds ?? [],
      });
      message.success('排查会已记录');
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Modal
      open={props.open}
      title="记录排查会"
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<MeetingValues>
        form={form}
        layout="vertical"
        name="meeting"
        initialValues={{
          orgCode: props.defaultOrg,
          heldOn: dayjs(),
          title: `${dayjs().format('YYYY年M月')}矛盾纠纷排查会`,
        }}
        onFinish={onFinish}
      >
        <Form.Item
          name="orgCode"
          label="召开单位"
          rules={[{ required: true, message: '请选择乡镇或村(社区)' }]}
        >
          <OrgPicker selectable={meetingLevel} placeholder="选择乡镇或村(社区)" />
        </Form.Item>
        <Form.Item name="heldOn" label="召开日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disableFuture} inputReadOnly />
        </Form.Item>
        <Form.Item
          name="title"
          label="会议名称"
          rules={[
            { required: true, whitespace: true, message: '请填写会议名称' },
            { min: 2, max: 100, message: '2至100个字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="attendees" label="参会人员" rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} placeholder="姓名，用顿号分隔" />
        </Form.Item>
        <Form.Item name="caseIds" label="研判的纠纷">
          <Select
            mode="multiple"
            allowClear
            placeholder={orgCode ? '搜索编号或当事人' : '请先选择召开单位'}
            disabled={!orgCode}
            loading={openCases.loading}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={openCases.loading ? '正在加载…' : '没有未办结的纠纷'}
            maxTagCount="responsive"
          />
        </Form.Item>
        <Form.Item name="notes" label="会议情况" rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} placeholder="排查情况、研判意见、稳控措施" />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
}

export default function DisputeMeetingsPage() {
  const isMobile = useIsMobile();
  const { code, org } = useCurrentOrg();
  const query = useMeetings(code);
  const [open, setOpen] = useState(false);
  const defaultOrg = org && meetingLevel(org.level) ? org.code : undefined;

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <ScheduleOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          矛盾纠纷排查会
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      <Flex gap={8} wrap="wrap">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          记录排查会
        </Button>
      </Flex>
      {query.isError ? (
        <PageError title="排查会加载失败" error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Card size="small">
          <Table<Meeting>
            rowKey="id"
            size="middle"
            columns={isMobile ? compactColumns : columns}
            showHeader={!isMobile}
            tableLayout={isMobile ? 'fixed' : undefined}
            dataSource={query.data?.items ?? []}
            loading={query.isPending}
            locale={{ emptyText: '暂无排查会记录' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={isMobile ? undefined : { x: 960 }}
            expandable={
              isMobile
                ? undefined
                : {
                    rowExpandable: (m) => Boolean(m.notes || m.attendees),
                    expandedRowRender: (m) => (
                      <Flex vertical gap={4}>
                        <span>参会人员：{m.attendees || '—'}</span>
                        <span className="pre-wrap">会议情况：{m.notes || '—'}</span>
                      </Flex>
                    ),
                  }
            }
            aria-label="排查会列表"
          />
        </Card>
      )}
      <NewMeetingModal open={open} onClose={() => setOpen(false)} defaultOrg={defaultOrg} />
    </Flex>
  );
}
