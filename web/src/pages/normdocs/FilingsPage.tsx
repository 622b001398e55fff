import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Modal,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { useFilings, useNormdocsMeta, useReplySuggestion, useSuggestions } from '../../normdocs/queries';
import type { FilingItem, Suggestion } from '../../normdocs/types';

/** 备案审查: filings made to this org (the county sees every township's); 审查建议 from the public. */
export default function FilingsPage() {
  const { code } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const pending = params.get('pending') !== '0';
  const page = Number(params.get('page') ?? '1') || 1;
  const meta = useNormdocsMeta(code);
  const filings = useFilings(
    { org: code ?? undefined, pending: pending ? '1' : undefined, page: String(page) },
    Boolean(code),
  );
  const columns: TableColumnsType<FilingItem> = [
    {
      title: '统一登记号',
      dataIndex: 'registrationNo',
      key: 'registrationNo',
      width: 170,
      render: (no: string | null, d) => <Link to={`/normdocs/${d.id}`}>{no ?? '(未登记)'}</Link>,
    },
    { title: '文件名称', dataIndex: 'title', key: 'title', ellipsis: true },
    { title: '报备机关', dataIndex: 'orgName', key: 'orgName', width: 110 },
    { title: '公布日期', dataIndex: 'publishedOn', key: 'publishedOn', width: 110 },
    {
      title: '报备日期',
      key: 'filedOn',
      width: 150,
      render: (_: unknown, d) => (
        <Flex gap={4}>
          {d.filedOn}
          {d.filingLate && <Tag color="orange">逾期</Tag>}
        </Flex>
      ),
    },
    {
      title: '审查结果',
      key: 'result',
      width: 220,
      render: (_: unknown, d) =>
        d.filingResult ? (
          <span>
            <Tag color={d.filingResult === '合格' ? 'green' : 'red'}>{d.filingResult}</Tag>
            {d.filingReason ?? ''}
          </span>
        ) : (
          <Link to={`/normdocs/${d.id}`}>待审查</Link>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        规范性文件备案审查
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'filings',
            label: '报备文件',
            children: filings.isError ? (
              <PageError title="加载失败" error={filings.error} onRetry={() => filings.refetch()} />
            ) : (
              <Card size="small">
                <Checkbox
                  checked={pending}
                  onChange={(e) => setParams(e.target.checked ? {} : { pending: '0' })}
                  style={{ marginBottom: 12 }}
                >
                  仅待审查
                </Checkbox>
                <Table<FilingItem>
                  rowKey="id"
                  size="middle"
                  columns={columns}
                  dataSource={filings.data?.items ?? []}
                  loading={filings.isFetching}
                  scroll={{ x: 900 }}
                  pagination={{
                    current: page,
                    pageSize: 20,
                    total: filings.data?.total ?? 0,
                    showSizeChanger: false,
                    onChange: (p) => setParams({ ...(pending ? {} : { pending: '0' }), page: String(p) }),
                  }}
                />
              </Card>
            ),
          },
          ...(meta.data?.can.supervise
            ? [{ key: 'suggestions', label: '公众审查建议', children: <SuggestionsTab org={code} /> }]
            : []),
        ]}
      />
    </Flex>
  );
}

function SuggestionsTab(props: { org: string | null }) {
  const { message } = App.useApp();
  const list = useSuggestions({ org: props.org ?? undefined }, Boolean(props.org));
  const reply = useReplySuggestion();
  const [target, setTarget] = useState<Suggestion | null>(null);
  const [text, setText] = useState('');
  if (list.isError) return <PageError title="加载失败" error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card size="small">
      <Table<Suggestion>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '提出日期', dataIndex: 'submittedOn', key: 'submittedOn', width: 110 },
          {
            title: '文件',
            key: 'doc',
            width: 220,
            render: (_: unknown, s) => (
              <Link to={`/normdocs/${s.documentId}`}>{s.registrationNo ?? s.title}</Link>
            ),
          },
          { title: '建议内容', dataIndex: 'text', key: 'text', ellipsis: true },
          {
            title: '提出人',
            key: 'who',
            width: 160,
            render: (_: unknown, s) => [s.authorName, s.contact].filter(Boolean).join(' ') || '匿名',
          },
          {
            title: '答复',
            key: 'reply',
            width: 200,
            render: (_: unknown, s) =>
              s.repliedOn ? (
                <span title={s.reply ?? ''}>{s.repliedOn} 已答复</span>
              ) : (
                <Button
                  size="small"
                  onClick={() => {
                    setTarget(s);
                    setText('');
                  }}
                >
                  答复
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={target !== null}
        title="答复审查建议"
        okText="确定"
        cancelText="取消"
        confirmLoading={reply.isPending}
        onCancel={() => setTarget(null)}
        onOk={async () => {
          if (!target) return;
          try {
            await reply.mutateAsync({ id: target.id, reply: text.trim() });
            message.success('已答复');
            setTarget(null);
          } catch (err) {
            message.error(errorMessage(err));
          }
        }}
      >
        <Typography.Paragraph>{target?.text}</Typography.Paragraph>
        <Input.TextArea
          aria-label="答复意见"
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
