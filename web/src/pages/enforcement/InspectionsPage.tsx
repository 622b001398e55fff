import { AimOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { InspectionStatusTag } from '../../enforcement/InspectionDraw';
import { dash } from '../../enforcement/labels';
import { PostModal } from '../../enforcement/PostModal';
import { useEnforcementMeta, useInspections, useItems, useTargets } from '../../enforcement/queries';
import type { Inspection } from '../../enforcement/types';
import { useOrgLabel } from '../../enforcement/useOrgLabel';

const PAGE_SIZE = 20;
const TARGET_KINDS = ['企业', '个体工商户', '农民专业合作社', '社会组织', '其他'];

/** 双随机一公开: the plans, a new plan, the 检查对象名录库. */
export default function InspectionsPage() {
  const navigate = useNavigate();
  const { code, org } = useCurrentOrg();
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<'plan' | 'target' | null>(null);
  const meta = useEnforcementMeta(code);
  const can = meta.data?.can;
  const orgLabel = useOrgLabel();
  const list = useInspections({ org: code, page, pageSize: PAGE_SIZE }, Boolean(code));
  const targets = useTargets({ org: code, pageSize: 1 }, Boolean(code));
  const checkItems = useItems(
    { org: code, itemType: '行政检查', applicable: 1, pageSize: 500 },
    form === 'plan',
  );

  const columns: TableColumnsType<Inspection> = [
    {
      title: '抽查任务',
      dataIndex: 'title',
      key: 'title',
      render: (t: string, i) => <Link to={`/enforcement/inspections/${i.id}`}>{t}</Link>,
    },
    { title: '单位', key: 'org', width: 220, render: (_, i) => orgLabel(i.orgCode, i.orgName) },
    { title: '计划日期', dataIndex: 'plannedOn', key: 'plannedOn', width: 110 },
    { title: '抽取对象数', dataIndex: 'targetCount', key: 'tc', width: 100 },
    { title: '检查人员数', dataIndex: 'inspectorCount', key: 'ic', width: 100 },
    {
      title: '状态',
      key: 'status',
      width: 100,
      render: (_, i) => <InspectionStatusTag status={i.status} label={i.statusLabel} />,
    },
    { title: '公开日期', dataIndex: 'publishedOn', key: 'pub', width: 110, render: dash },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <AimOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          双随机抽查
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      <Flex gap={8} wrap="wrap" align="center">
        {can?.inspect && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm('plan')}>
            新建抽查计划
          </Button>
        )}
        {can?.manage && (
          <Button icon={<PlusOutlined />} onClick={() => setForm('target')}>
            添加检查对象
          </Button>
        )}
        {can?.import && (
          <Button icon={<UploadOutlined />} onClick={() => navigate('/enforcement/targets/import')}>
            导入检查对象名录
          </Button>
        )}
        {targets.data && (
          <Typography.Text type="secondary">检查对象名录库：{targets.data.total} 户</Typography.Text>
        )}
      </Flex>
      {list.isError ? (
        <PageError title="抽查计划加载失败" error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card size="small">
          <Table<Inspection>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 900 }}
            locale={{ emptyText: '暂无抽查计划' }}
            onRow={(i) => ({
              onClick: () => navigate(`/enforcement/inspections/${i.id}`),
              className: 'clickable-row',
            })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: setPage,
            }}
            aria-label="抽查计划"
          />
        </Card>
      )}
      <PostModal
        name="inspection-new"
        title="新建抽查计划"
        path="/inspections"
        fields={[
          { name: 'title', label: '任务名称', kind: 'text', required: '请填写任务名称', max: 200 },
          {
            name: 'itemId',
            label: '检查事项',
            kind: 'select',
            options: (checkItems.data?.items ?? []).map((i) => ({ value: String(i.id), label: i.name })),
          },
          { name: 'plannedOn', label: '计划日期', kind: 'date', future: true, required: '请选择计划日期' },
          {
            name: 'targetCount',
            label: '抽取检查对象数',
            kind: 'number',
            min: 1,
            max: 1000,
            unit: '户',
            required: '请填写数量',
          },
          {
            name: 'inspectorCount',
            label: '每次选派检查人员数',
            kind: 'number',
            min: 2,
            max: 20,
            unit: '人',
            required: '请填写人数',
          },
        ]}
        done="已新建抽查计划"
        initialValues={{ plannedOn: dayjs(), targetCount: 5, inspectorCount: 2 }}
        transform={(b) => ({ ...b, orgCode: code, itemId: b.itemId ? Number(b.itemId) : undefined })}
        open={form === 'plan'}
        onClose={() => setForm(null)}
        onDone={(answer) => {
          const id = (answer as { id?: number } | undefined)?.id;
          if (id) navigate(`/enforcement/inspections/${id}`);
        }}
      />
      <PostModal
        name="target-new"
        title="添加检查对象"
        path="/targets"
        fields={[
          { name: 'name', label: '名称', kind: 'text', required: '请填写名称', max: 200 },
          { name: 'uscc', label: '统一社会信用代码', kind: 'text', max: 18 },
          { name: 'kind', label: '类别', kind: 'select', required: '请选择类别', options: TARGET_KINDS },
          { name: 'industry', label: '行业', kind: 'text', max: 100 },
          { name: 'address', label: '地址', kind: 'text', max: 200 },
        ]}
        done="已加入检查对象名录库"
        initialValues={{ kind: '企业' }}
        transform={(b) => ({ ...b, orgCode: code })}
        open={form === 'target'}
        onClose={() => setForm(null)}
      />
    </Flex>
  );
}
