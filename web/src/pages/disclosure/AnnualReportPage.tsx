import { BarChartOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { queryString } from '../../ledger/queries';
import { BASE } from './shared';

interface AnnualTables {
  year: number;
  note: string;
  proactive: {
    documents: { label: string; issued: number | null; repealed: number | null; effective: number | null }[];
    decisions: { label: string; count: number | null }[];
    items: { category: string; published: number; onTime: number }[];
  };
  requests: { columns: string[]; rows: { key: string; label: string; level: number; values: number[] }[] };
  review: {
    columns: string[];
    reconsideration: number[];
    lawsuitDirect: number[];
    lawsuitAfterReconsideration: number[];
    available: boolean;
  };
}

const show = (v: number | null) => (v === null ? '—' : v);

/** 政府信息公开工作年度报告的统计表（二、三、四部分），from the ledgers, for a year. */
export default function AnnualReportPage() {
  const { code, org } = useCurrentOrg();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const q = useQuery({
    queryKey: ['disclosure', 'annual', code, year],
    queryFn: ({ signal }) =>
      api.get<AnnualTables>(`${BASE}/annual-report${queryString({ org: code ?? undefined, year })}`, {
        signal,
      }),
    enabled: Boolean(code),
  });
  const t = q.data;
  const cols = t?.requests.columns ?? [];
  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <BarChartOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          政府信息公开工作年度报告统计表
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      <Flex gap={8} align="center" wrap="wrap">
        <span>年度</span>
        <InputNumber aria-label="年度" min={2019} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Button
          icon={<FileExcelOutlined />}
          href={`${BASE}/annual-report${queryString({ org: code ?? undefined, year, format: 'xlsx' })}`}
          download
        >
          下载 Excel
        </Button>
      </Flex>
      {q.isError && <PageError title="统计表加载失败" error={q.error} onRetry={() => q.refetch()} />}
      {t && (
        <>
          <Alert type="info" showIcon title={t.note} />
          <Card size="small" title="二、主动公开政府信息情况">
            <Table
              size="small"
              pagination={false}
              rowKey="label"
              dataSource={t.proactive.documents}
              columns={[
                { title: '信息内容', dataIndex: 'label' },
                { title: '本年制发件数', dataIndex: 'issued', render: show },
                { title: '本年废止件数', dataIndex: 'repealed', render: show },
                { title: '现行有效件数', dataIndex: 'effective', render: show },
              ]}
            />
            <Table
              size="small"
              pagination={false}
              rowKey="label"
              dataSource={t.proactive.decisions}
              columns={[
                { title: '信息内容', dataIndex: 'label' },
                { title: '本年处理决定数量', dataIndex: 'count', render: show },
              ]}
              style={{ marginTop: 12 }}
            />
            <Table
              size="small"
              pagination={false}
              rowKey="category"
              dataSource={t.proactive.items.filter((i) => i.published > 0)}
              columns={[
                { title: '主动公开目录类别（平台统计）', dataIndex: 'category' },
                { title: '本年公开条数', dataIndex: 'published' },
                { title: '其中按期公开', dataIndex: 'onTime' },
              ]}
              style={{ marginTop: 12 }}
            />
          </Card>
          <Card size="small" title="三、收到和处理政府信息公开申请情况">
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              aria-label="收到和处理政府信息公开申请情况"
              dataSource={t.requests.rows}
              scroll={{ x: 900 }}
              columns={[
                {
                  title: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
                  dataIndex: 'label',
                  width: 380,
                  render: (label: string, r) => (
                    <span style={{ paddingInlineStart: r.level * 16, fontWeight: r.level === 0 ? 600 : 400 }}>
                      {label}
                    </span>
                  ),
                },
                ...cols.map((c, i) => ({
                  title: c === '自然人' || c === '总计' ? c : `法人或其他组织·${c}`,
                  key: c,
                  width: 90,
                  render: (_: unknown, r: { key: string; values: number[] }) => (
                    <span data-testid={`cell-${r.key}-${i}`}>{r.values.length ? r.values[i] : ''}</span>
                  ),
                })),
              ]}
            />
          </Card>
          <Card size="small" title="四、政府信息公开行政复议、行政诉讼情况">
            <Table
              size="small"
              pagination={false}
              rowKey="label"
              scroll={{ x: 700 }}
              dataSource={[
                { label: '行政复议', values: t.review.reconsideration },
                { label: '行政诉讼（未经复议直接起诉）', values: t.review.lawsuitDirect },
                { label: '行政诉讼（复议后起诉）', values: t.review.lawsuitAfterReconsideration },
              ]}
              columns={[
                { title: '', dataIndex: 'label', width: 240 },
                ...t.review.columns.map((c, i) => ({
                  title: c,
                  key: c,
                  render: (_: unknown, r: { values: number[] }) => r.values[i],
                })),
              ]}
            />
            {!t.review.available && (
              <Typography.Text type="secondary">复议应诉台账尚未启用，按0计。</Typography.Text>
            )}
          </Card>
        </>
      )}
    </Flex>
  );
}
