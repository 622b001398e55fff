import { OrderedListOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { useCatalogueAction, useCatalogues, useDecisionsMeta } from '../../decisions/queries';
import type { Catalogue, CatalogueItem } from '../../decisions/types';
import { disableFuture, toDate } from '../../ledger/dates';

type Action =
  | { kind: 'create' }
  | { kind: 'item'; catalogue: Catalogue }
  | { kind: 'approve' | 'publish'; catalogue: Catalogue };

function ActionModal(props: {
  action: Action | null;
  org: string;
  categories: string[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const run = useCatalogueAction();
  const a = props.action;
  const title =
    a?.kind === 'create'
      ? '新建年度目录'
      : a?.kind === 'item'
        ? '添加决策事项'
        : a?.kind === 'approve'
          ? '经同级党委同意'
          : '向社会公布';
  const onOk = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      if (a?.kind === 'create')
        await run.mutateAsync({ path: '/catalogues', body: { orgCode: props.org, year: v.year } });
      else if (a?.kind === 'item')
        await run.mutateAsync({ path: `/catalogues/${a.catalogue.id}/items`, body: v });
      else if (a)
        await run.mutateAsync({
          path: `/catalogues/${a.catalogue.id}/${a.kind}`,
          body: { on: toDate(v.on as Dayjs) },
        });
      message.success(`${title}已完成`);
      form.resetFields();
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Modal
      open={Boolean(a)}
      title={title}
      onCancel={props.onClose}
      onOk={onOk}
      confirmLoading={run.isPending}
      okText="确定"
      cancelText="取消"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ year: dayjs().year(), on: dayjs() }}>
        {a?.kind === 'create' && (
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={2019} max={2100} aria-label="年度" />
          </Form.Item>
        )}
        {a?.kind === 'item' && (
          <>
            <Form.Item name="title" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
              <Input aria-label="事项名称" />
            </Form.Item>
            <Form.Item
              name="category"
              label="事项类别"
              rules={[{ required: true, message: '请选择事项类别' }]}
            >
              <Select options={props.categories.map((c) => ({ value: c, label: c }))} aria-label="事项类别" />
            </Form.Item>
            <Form.Item
              name="sponsorUnit"
              label="承办单位"
              rules={[{ required: true, message: '请填写承办单位' }]}
            >
              <Input aria-label="承办单位" />
            </Form.Item>
            <Form.Item name="plannedPeriod" label="计划完成时间">
              <Input aria-label="计划完成时间" />
            </Form.Item>
          </>
        )}
        {(a?.kind === 'approve' || a?.kind === 'publish') && (
          <Form.Item name="on" label="日期" rules={[{ required: true }]}>
            <DatePicker disabledDate={disableFuture} aria-label="日期" />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
}

export default function CataloguePage() {
  const { code } = useCurrentOrg();
  const list = useCatalogues(code);
  const meta = useDecisionsMeta(code);
  const can = meta.data?.can;
  const [action, setAction] = useState<Action | null>(null);

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <OrderedListOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          年度决策事项目录
        </Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary">
        《重大行政决策程序暂行条例》第三条:决策机关可以确定决策事项目录、标准,经同级党委同意后向社会公布,并根据实际情况调整。
      </Typography.Paragraph>
      {can?.manage && (
        <Flex>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAction({ kind: 'create' })}>
            新建年度目录
          </Button>
        </Flex>
      )}
      {list.isError && <PageError title="目录加载失败" error={list.error} onRetry={() => list.refetch()} />}
      {list.data?.length === 0 && <Empty description="暂无决策事项目录" />}
      {(list.data ?? []).map((c) => (
        <Card
          key={c.id}
          size="small"
          title={`${c.orgName ?? ''} ${c.title}`}
          extra={
            <Flex gap={8} wrap="wrap">
              {c.partyApprovedOn ? (
                <Tag color="blue">{c.partyApprovedOn} 经党委同意</Tag>
              ) : (
                <Tag>待党委同意</Tag>
              )}
              {c.publishedOn ? <Tag color="green">{c.publishedOn} 已公布</Tag> : <Tag>未公布</Tag>}
              {can?.manage && (
                <>
                  <Button size="small" onClick={() => setAction({ kind: 'item', catalogue: c })}>
                    添加事项
                  </Button>
                  {!c.partyApprovedOn && (
                    <Button size="small" onClick={() => setAction({ kind: 'approve', catalogue: c })}>
                      经党委同意
                    </Button>
                  )}
                  {c.partyApprovedOn && !c.publishedOn && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setAction({ kind: 'publish', catalogue: c })}
                    >
                      向社会公布
                    </Button>
                  )}
                </>
              )}
            </Flex>
          }
        >
          <Table<CatalogueItem>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.items}
            columns={[
              { title: '序号', dataIndex: 'itemNo', width: 60 },
              { title: '决策事项', dataIndex: 'title' },
              { title: '类别', dataIndex: 'category', width: 220, ellipsis: true },
              { title: '承办单位', dataIndex: 'sponsorUnit', width: 160 },
              { title: '计划', dataIndex: 'plannedPeriod', width: 120 },
              {
                title: '办理',
                key: 'decision',
                width: 120,
                render: (_, i) =>
                  i.removedOn ? (
                    <Tag>已调出</Tag>
                  ) : i.decisionId ? (
                    <Link to={`/decisions/${i.decisionId}`}>{i.decisionStatusLabel}</Link>
                  ) : (
                    '未启动'
                  ),
              },
            ]}
          />
        </Card>
      ))}
      <ActionModal
        action={action}
        org={code ?? ''}
        categories={meta.data?.categories ?? []}
        onClose={() => setAction(null)}
      />
    </Flex>
  );
}
