import { CommentOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../api';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { useAnswerConsultation, useConsultations } from '../../disputes/queries';
import type { Consultation } from '../../disputes/types';
import { formatTime } from '../../ledger/dates';
import { useIsMobile } from '../../useIsMobile';

function StatusTag(props: { status: Consultation['status'] }) {
  return props.status === 'answered' ? (
    <Tag color="success">已答复</Tag>
  ) : (
    <Tag color="processing">待答复</Tag>
  );
}

function AnswerModal(props: { item: Consultation | null; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useAnswerConsultation();
  const [error, setError] = useState<string | null>(null);
  const item = props.item;
  const readOnly = item?.status === 'answered';

  const onFinish = async (values: { answer: string }) => {
    if (!item) return;
    setError(null);
    try {
      await answer.mutateAsync({ id: item.id, answer: values.answer.trim() });
      message.success('已答复');
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Modal
      open={props.open}
      title={readOnly ? '咨询答复' : '答复咨询'}
      okText="提交答复"
      cancelText={readOnly ? '关闭' : '取消'}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      okButtonProps={{ style: readOnly ? { display: 'none' } : undefined }}
      confirmLoading={answer.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {item && (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'who',
                label: '咨询人',
                children: `${item.name}${item.phone ? `（${item.phone}）` : ''}`,
              },
              { key: 'org', label: '村/社区', children: item.orgName ?? '—' },
              { key: 'at', label: '提交时间', children: formatTime(item.createdAt) },
              {
                key: 'desc',
                label: '咨询内容',
                children: <span className="pre-wrap">{item.description}</span>,
              },
            ]}
          />
          {readOnly ? (
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'on', label: '答复日期', children: item.answeredOn ?? '—' },
                {
                  key: 'answer',
                  label: '答复内容',
                  children: <span className="pre-wrap">{item.answer}</span>,
                },
              ]}
            />
          ) : (
            <Form form={form} layout="vertical" onFinish={onFinish} name="answer">
              <Form.Item
                name="answer"
                label="答复内容"
                rules={[
                  { required: true, whitespace: true, message: '请填写答复内容' },
                  { min: 2, message: '请填写答复内容' },
                ]}
              >
                <Input.TextArea
                  rows={6}
                  maxLength={5000}
                  showCount
                  placeholder="依据的法律规定、建议的解决途径"
                />
              </Form.Item>
              {error && <Alert type="error" showIcon role="alert" title={error} />}
            </Form>
          )}
        </Flex>
      )}
    </Modal>
  );
}

export default function DisputeConsultationsPage() {
  const isMobile = useIsMobile();
  const { code, org } = useCurrentOrg();
  const query = useConsultations(code);
  const [filter, setFilter] = useState<'all' | 'pending' | 'answered'>('pending');
  const [active, setActive] = useState<{ item: Consultation; open: boolean } | null>(null);

  const all = query.data?.items ?? [];
  const items = useMemo(
    () => (filter === 'all' ? all : all.filter((i) => i.status === filter)),
    [all, filter],
  );
  const pendingCount = all.filter((i) => i.status === 'pending').length;

  const openItem = (item: Consultation) => setActive({ item, open: true });

  const action = (item: Consultation) =>
    item.status === 'pending' ? (
      <Button size="small" type="primary" onClick={() => openItem(item)}>
        答复
      </Button>
    ) : (
      <Button size="small" onClick={() => openItem(item)}>
        查看
      </Button>
    );

  const columns: TableColumnsType<Consultation> = [
    { title: '提交时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: formatTime },
    { title: '村/社区', dataIndex: 'orgName', key: 'orgName', width: 140, ellipsis: true },
    { title: '咨询人', dataIndex: 'name', key: 'name', width: 90 },
    { title: '联系电话', dataIndex: 'phone', key: 'phone', width: 130 },
    { title: '咨询内容', dataIndex: 'description', key: 'description', ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (status: Consultation['status']) => <StatusTag status={status} />,
    },
    { title: '操作', key: 'action', width: 80, render: (_, item) => action(item) },
  ];

  const compactColumns: TableColumnsType<Consultation> = [
    {
      title: '咨询',
      key: 'item',
      render: (_, item) => (
        <Flex vertical gap={4}>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text strong>
              {item.name} · {item.orgName}
            </Typography.Text>
            <StatusTag status={item.status} />
          </Flex>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
            {item.description}
          </Typography.Paragraph>
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">{formatTime(item.createdAt)}</Typography.Text>
            {action(item)}
          </Flex>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <CommentOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          法律咨询
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      {query.isError ? (
        <PageError title="咨询加载失败" error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Card size="small">
          <Flex align="center" justify="space-between" gap={12} wrap="wrap" style={{ marginBottom: 12 }}>
            <Segmented
              value={filter}
              onChange={(value) => setFilter(value as typeof filter)}
              options={[
                { value: 'pending', label: `待答复 ${pendingCount}` },
                { value: 'answered', label: '已答复' },
                { value: 'all', label: '全部' },
              ]}
            />
            <Typography.Text type="secondary">群众通过公开平台提交的咨询</Typography.Text>
          </Flex>
          <Table<Consultation>
            rowKey="id"
            size="middle"
            columns={isMobile ? compactColumns : columns}
            showHeader={!isMobile}
            tableLayout={isMobile ? 'fixed' : undefined}
            dataSource={items}
            loading={query.isPending}
            locale={{ emptyText: filter === 'pending' ? '没有待答复的咨询' : '暂无咨询' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={isMobile ? undefined : { x: 900 }}
            aria-label="法律咨询列表"
          />
        </Card>
      )}
      <AnswerModal
        item={active?.item ?? null}
        open={Boolean(active?.open)}
        onClose={() => setActive((a) => (a ? { ...a, open: false } : a))}
      />
    </Flex>
  );
}
