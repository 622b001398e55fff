import {
  AuditOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  InboxOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Select,
  Table,
  type TableProps,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { errorMessage } from '../../api';
import { useCurrentOrg } from '../../currentOrg';
import { SECTIONS } from '../../reports/labels';
import { useCheckReport } from '../../reports/queries';
import type { CheckResponse, Claim, LedgerComparison } from '../../reports/types';
import '../../reports/reports.css';

type MarkStatus = 'bad' | 'ok' | 'unchecked';
const PRIORITY: Record<MarkStatus, number> = { bad: 2, ok: 1, unchecked: 0 };
const STATUS_TEXT: Record<MarkStatus, string> = { bad: '不一致', ok: '一致', unchecked: '未核对' };

interface Span {
  index: number;
  start: number;
  end: number;
  status: MarkStatus;
  note: string;
}

function claimKey(c: { offset?: number; text: string }): string {
  return `${c.offset ?? -1}:${c.text}`;
}

/** Each claim's range in the text with its status: a ledger mismatch is a mismatch too. */
function spansOf(result: CheckResponse): Span[] {
  const ledger = new Map<string, LedgerComparison[]>();
  for (const l of result.ledger) ledger.set(claimKey(l), [...(ledger.get(claimKey(l)) ?? []), l]);
  const spans: Span[] = [];
  result.claims.forEach((c, index) => {
    if (c.offset === undefined || c.offset === null) return;
    if (result.text.slice(c.offset, c.offset + c.text.length) !== c.text) return;
    const fromLedger = ledger.get(claimKey(c)) ?? [];
    let status: MarkStatus = c.consistent === false ? 'bad' : c.consistent === true ? 'ok' : 'unchecked';
    if (fromLedger.some((l) => !l.consistent)) status = 'bad';
    else if (status === 'unchecked' && fromLedger.length > 0) status = 'ok';
    const notes = [c.note, ...fromLedger.map((l) => `台账比对：${l.note}`)].filter(Boolean);
    spans.push({
      index,
      start: c.offset,
      end: c.offset + c.text.length,
      status,
      note: notes.join('；') || (c.approximate ? '约数，不作核对' : STATUS_TEXT[status]),
    });
  });
  return spans;
}

/** The text cut at every claim boundary; overlapping claims show the worst status of those covering a piece. */
function HighlightedText(props: { text: string; spans: Span[]; focus: number | null }) {
  const { text, spans } = props;
  // Leading blank lines (a converted .docx often has some) are skipped; offsets stay those of `text`.
  const first = Math.max(0, text.search(/\S/));
  const cuts = new Set<number>([first, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const anchored = new Set<number>();
  const out: ReactNode[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start || start < first) continue;
    const piece = text.slice(start, end);
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    if (covering.length === 0) {
      // Runs of blank lines are shown as one.
      out.push(piece.replace(/\n(\s*\n){2,}/g, '\n\n'));
      continue;
    }
    const status = covering.reduce<MarkStatus>(
      (worst, s) => (PRIORITY[s.status] > PRIORITY[worst] ? s.status : worst),
      'unchecked',
    );
    // The first piece of each claim carries its anchor (the tables scroll to it).
    const opening = covering.find((s) => s.start === start && !anchored.has(s.index));
    if (opening) anchored.add(opening.index);
    const focused = props.focus !== null && covering.some((s) => s.index === props.focus);
    out.push(
      <mark
        key={start}
        id={opening ? `claim-${opening.index}` : undefined}
        className={`check-mark check-mark-${status}${focused ? ' check-mark-focus' : ''}`}
        title={covering.map((s) => s.note).join('\n')}
        data-status={status}
      >
        {piece}
      </mark>,
    );
  }
  return (
    <section className="check-text" data-testid="check-text" aria-label="报告全文（已标注数据）">
      {out}
    </section>
  );
}

function LegendSwatch(props: { status: MarkStatus; label: string }) {
  return (
    <span>
      <span className={`check-legend-swatch check-mark-${props.status}`} aria-hidden />
      {props.label}
    </span>
  );
}

function formatNumber(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined) return '—';
  return Number.isInteger(n) ? String(n) : n.toFixed(digits);
}

export default function ReportCheckPage() {
  const { code, org } = useCurrentOrg();
  const thisYear = new Date().getFullYear();
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [year, setYear] = useState<number>(thisYear - 1);
  const [focus, setFocus] = useState<number | null>(null);
  const check = useCheckReport();
  const result = check.data;
  const checkedYear = check.variables?.year;

  const spans = useMemo(() => (result ? spansOf(result) : []), [result]);
  const claimIndex = useMemo(
    () => new Map((result?.claims ?? []).map((c, i) => [claimKey(c) + c.metric, i])),
    [result],
  );

  const locate = (index: number | undefined) => {
    if (index === undefined) return;
    setFocus(index);
    document.getElementById(`claim-${index}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const run = () => {
    const file = fileList[0]?.originFileObj;
    if (!file) return;
    setFocus(null);
    check.mutate({ file, org: code, year: year || undefined });
  };

  const counts = useMemo(() => {
    const c = { ok: 0, bad: 0, unchecked: 0 };
    for (const s of spans) c[s.status] += 1;
    return c;
  }, [spans]);

  const mismatchColumns: TableProps<Claim>['columns'] = [
    { title: '原文', dataIndex: 'text', render: (t: string) => <span>{t}</span> },
    {
      title: '所述',
      dataIndex: 'stated',
      width: 80,
      render: (v: number | null, c) => `${formatNumber(v)}${c.kind === 'rate' ? '%' : (c.unit ?? '')}`,
    },
    {
      title: '按分子分母计算',
      dataIndex: 'computed',
      width: 120,
      responsive: ['md'],
      render: (v: number | null, c) =>
        v === null ? '—' : `${c.numerator ?? '?'}÷${c.denominator ?? '?'}=${formatNumber(v, 2)}%`,
    },
    { title: '说明', dataIndex: 'note', render: (n: string | undefined) => n ?? '' },
    {
      title: '',
      key: 'locate',
      width: 70,
      render: (_, c) => (
        <Button size="small" onClick={() => locate(claimIndex.get(claimKey(c) + c.metric))}>
          定位
        </Button>
      ),
    },
  ];

  const ledgerColumns: TableProps<LedgerComparison>['columns'] = [
    { title: '原文', dataIndex: 'text' },
    { title: '台账指标', dataIndex: 'name', width: 130, responsive: ['md'] },
    { title: '报告数', dataIndex: 'stated', width: 80, render: (v: number) => formatNumber(v) },
    { title: '台账数', dataIndex: 'ledger', width: 80, render: (v: number | null) => formatNumber(v) },
    {
      title: '结果',
      dataIndex: 'consistent',
      width: 80,
      render: (ok: boolean) => (ok ? <Tag color="success">一致</Tag> : <Tag color="error">不一致</Tag>),
    },
    { title: '说明', dataIndex: 'note', responsive: ['sm'] },
    {
      title: '',
      key: 'locate',
      width: 70,
      render: (_, l) => {
        const index = (result?.claims ?? []).findIndex((c) => claimKey(c) === claimKey(l));
        return (
          <Button size="small" disabled={index < 0} onClick={() => locate(index)}>
            定位
          </Button>
        );
      },
    },
  ];

  const yearOptions = [{ value: 0, label: '不与台账比对' }];
  for (let y = thisYear; y >= 2019; y--) yearOptions.push({ value: y, label: `与${y}年台账比对` });

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <AuditOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          报告核查
        </Typography.Title>
        {org && <Typography.Text type="secondary">{org.name}</Typography.Text>}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        上传法治政府建设年度报告（.txt 或
        .docx），检查规定的五个部分是否齐全、文中的比率与所述分子分母是否一致；选择年度后，还会把报告中的数字与本机构该年度的台账数据比对。
      </Typography.Paragraph>

      <Card size="small">
        <Row gutter={[16, 12]} align="middle">
          <Col xs={24} md={14}>
            <Upload.Dragger
              accept=".txt,.docx"
              maxCount={1}
              fileList={fileList}
              beforeUpload={() => false}
              onChange={({ fileList: next }) => setFileList(next.slice(-1))}
              aria-label="选择报告文件"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">点击或拖入报告文件</p>
              <p className="ant-upload-hint">支持 .txt、.docx（.doc 请先另存为 .docx）</p>
            </Upload.Dragger>
          </Col>
          <Col xs={24} md={10}>
            <Flex vertical gap={12}>
              <Select aria-label="比对年度" value={year} onChange={setYear} options={yearOptions} />
              <Button
                type="primary"
                icon={<SearchOutlined />}
                disabled={fileList.length === 0}
                loading={check.isPending}
                onClick={run}
              >
                开始核查
              </Button>
            </Flex>
          </Col>
        </Row>
      </Card>

      {check.isError && (
        <Alert type="error" showIcon role="alert" title="核查失败" description={errorMessage(check.error)} />
      )}

      {result && (
        <>
          <Flex gap={8} wrap="wrap" data-testid="check-summary" aria-live="polite">
            <Tag>识别数据 {spans.length} 处</Tag>
            <Tag color="success">一致 {counts.ok}</Tag>
            <Tag color="error">不一致 {counts.bad}</Tag>
            <Tag>未核对 {counts.unchecked}</Tag>
            {checkedYear ? (
              <Tag color={result.ledger.some((l) => !l.consistent) ? 'error' : 'success'}>
                与{checkedYear}年台账不符 {result.ledger.filter((l) => !l.consistent).length} 处
              </Tag>
            ) : null}
          </Flex>

          <Card size="small" title="五个部分" data-testid="check-sections">
            <ul className="warning-list">
              {SECTIONS.map((s) => {
                const found = result.sections[s.key];
                return (
                  <li key={s.key} className="warning-item">
                    <Flex gap={8} align="center" wrap="wrap">
                      {found?.found ? (
                        <CheckCircleFilled style={{ color: '#16a34a' }} aria-label="已找到" />
                      ) : (
                        <CloseCircleFilled style={{ color: '#dc2626' }} aria-label="缺少" />
                      )}
                      <Typography.Text strong>{s.title}</Typography.Text>
                      {found?.found ? (
                        <Typography.Text type="secondary">{found.heading}</Typography.Text>
                      ) : (
                        <Tag color="error">未找到</Tag>
                      )}
                    </Flex>
                  </li>
                );
              })}
            </ul>
          </Card>

          <Card
            size="small"
            title="不一致的数据"
            data-testid="check-mismatches"
            extra={<Typography.Text type="secondary">比率与所述分子分母不符</Typography.Text>}
          >
            <Table<Claim>
              className="check-table"
              size="small"
              rowKey={(c) => claimKey(c) + c.metric}
              columns={mismatchColumns}
              dataSource={result.mismatches}
              pagination={false}
              locale={{ emptyText: <Empty description="没有发现比率计算不一致" /> }}
            />
          </Card>

          {checkedYear ? (
            <Card size="small" title={`与${checkedYear}年台账比对`} data-testid="check-ledger">
              <Table<LedgerComparison>
                className="check-table"
                size="small"
                rowKey={(l) => `${claimKey(l)}:${l.indicator}`}
                columns={ledgerColumns}
                dataSource={result.ledger}
                pagination={false}
                locale={{ emptyText: <Empty description="报告中没有可与台账比对的数字" /> }}
              />
            </Card>
          ) : null}

          <Card
            size="small"
            title="全文标注"
            extra={
              <Flex gap={12} wrap="wrap" className="check-legend">
                <LegendSwatch status="ok" label="一致" />
                <LegendSwatch status="bad" label="不一致" />
                <LegendSwatch status="unchecked" label="未核对" />
              </Flex>
            }
          >
            <HighlightedText text={result.text} spans={spans} focus={focus} />
          </Card>
        </>
      )}
    </Flex>
  );
}
