import { AuditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Flex,
  InputNumber,
  Progress,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { IndicatorBanner } from '../../ledger/FigureCards';
import { StepModal } from '../../ledger/StepModal';
import { type Duty, useDuties, usePublicityMeta, usePublicityPost } from './queries';

/** 谁执法谁普法 责任清单: each unit's duty and planned activities, with progress and units behind plan. */
export default function DutiesPage() {
  const { code, org: current, byCode } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const org = params.get('org') ?? code;
  const meta = usePublicityMeta(org);
  const indicator = params.get('indicator');
  const thisYear = Number((meta.data?.today ?? new Date().toISOString()).slice(0, 4));
  const year = params.get('year') ?? (indicator ? undefined : String(thisYear));
  const behind = params.get('behind') === '1';
  const [adding, setAdding] = useState(false);
  const create = usePublicityPost<Record<string, unknown>, unknown>('/duties');
  const list = useDuties(
    {
      org,
      year,
      behind: behind ? '1' : undefined,
      indicator: indicator ?? undefined,
      part: params.get('part') ?? undefined,
      from: params.get('from') ?? undefined,
      to: params.get('to') ?? undefined,
    },
    Boolean(org),
  );
  const set = (k: string, v: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (v) next.set(k, v);
      else next.delete(k);
      return next;
    });
  const highlight = Number(params.get('duty') ?? 0);

  const columns: TableColumnsType<Duty> = [
    { title: '年度', dataIndex: 'year', key: 'year', width: 70 },
    { title: '乡镇', dataIndex: 'township', key: 'township', width: 120 },
    { title: '责任单位', dataIndex: 'unitName', key: 'unitName', width: 140 },
    { title: '普法责任(应宣传的法律法规)', dataIndex: 'duties', key: 'duties', ellipsis: true },
    {
      title: '完成/计划',
      key: 'done',
      width: 110,
      render: (_, d) => (
        <Link to={`/publicity?duty=${d.id}`}>
          {d.done}/{d.planned} 场
        </Link>
      ),
    },
    {
      title: '进度',
      key: 'progress',
      width: 170,
      render: (_, d) => (
        <Flex gap={8} align="center">
          <Progress
            percent={Math.min(100, d.progress ?? 0)}
            size="small"
            status={d.met ? 'success' : 'active'}
            style={{ width: 110 }}
          />
          {!d.met && <Tag color="orange">未完成</Tag>}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading" wrap="wrap">
        <AuditOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          谁执法谁普法责任清单
        </Typography.Title>
        <Typography.Text type="secondary">{(org && byCode.get(org)?.name) ?? current?.name}</Typography.Text>
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
      <Flex gap={12} wrap="wrap" align="center">
        {meta.data?.can.manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记普法责任
          </Button>
        )}
        {!indicator && (
          <InputNumber
            aria-label="年度"
            min={2000}
            max={2100}
            value={year ? Number(year) : null}
            onChange={(v) => set('year', v ? String(v) : undefined)}
            suffix="年"
          />
        )}
        <Checkbox checked={behind} onChange={(e) => set('behind', e.target.checked ? '1' : undefined)}>
          仅看未完成计划的单位
        </Checkbox>
      </Flex>
      <Flex gap={24} wrap="wrap">
        <Statistic title="责任单位" value={list.data?.total ?? 0} suffix="个" />
        <Statistic title="完成计划" value={list.data?.met ?? 0} suffix="个" />
        <Statistic
          title="完成率"
          value={list.data?.total ? Math.round(((list.data.met ?? 0) * 1000) / list.data.total) / 10 : '—'}
          suffix={list.data?.total ? '%' : ''}
        />
      </Flex>
      {list.isError ? (
        <PageError title="责任清单加载失败" error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card size="small">
          <Table<Duty>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            rowClassName={(d) => (d.id === highlight ? 'ant-table-row-selected' : '')}
            locale={{ emptyText: '暂无普法责任清单' }}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 900 }}
            aria-label="普法责任清单"
          />
        </Card>
      )}
      <StepModal
        name="duty-new"
        title="登记普法责任"
        label="保存"
        spec={{
          dateLabel: null,
          done: '普法责任已登记',
          note: '责任单位填乡镇本级或其站所(如综合行政执法队)。',
          fields: [
            {
              name: 'orgCode',
              label: '责任单位所属机构',
              kind: 'select',
              required: '请选择机构',
              options: org
                ? [
                    { value: org, label: byCode.get(org)?.name ?? org },
                    ...(byCode.get(org)?.children ?? [])
                      .filter((c) => c.level === 'office')
                      .map((c) => ({ value: c.code, label: c.name })),
                  ]
                : [],
            },
            { name: 'unitName', label: '责任单位名称', kind: 'text', required: '请填写责任单位', max: 100 },
            { name: 'year', label: '年度', kind: 'number', min: 2000, max: 2100, required: '请填写年度' },
            {
              name: 'duties',
              label: '普法责任(应宣传的法律法规)',
              kind: 'textarea',
              required: '请填写普法责任',
              max: 2000,
            },
            {
              name: 'planned',
              label: '计划开展活动',
              kind: 'number',
              min: 1,
              max: 10000,
              unit: '场',
              required: '请填写计划场次',
            },
          ],
        }}
        initialValues={{ year: thisYear, planned: 4 }}
        submit={(body) => create.mutateAsync(body)}
        pending={create.isPending}
        open={adding}
        onClose={() => setAdding(false)}
        afterClose={() => {}}
      />
    </Flex>
  );
}
