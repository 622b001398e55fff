import {
  AlertOutlined,
  ArrowDownOutlined,
  ArrowUpOutlined,
  DashboardOutlined,
  ExclamationCircleOutlined,
  FileExcelOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Row,
  Select,
  Skeleton,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { useWarnings } from '../../disputes/queries';
import { LEVEL_COLORS, levelLabel } from '../../labels';
import { useHome, useModules } from '../../queries';
import type { ChartOption } from '../../reports/EChart';
import { formatFigure } from '../../reports/labels';
import {
  monthsBetween,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
  periodLabel,
  periodRange,
  yearEarlier,
} from '../../reports/period';
import { exportHref, type Range, useBreakdown, useCompare, useFigures } from '../../reports/queries';
import type { Figure } from '../../reports/types';
import { useIsMobile } from '../../useIsMobile';
import '../../reports/reports.css';

const EChart = lazy(() => import('../../reports/EChart'));

const FALLBACK_MODULE_TITLES: Record<string, string> = { disputes: '矛盾纠纷', petitions: '信访' };
const TREND_IDS = ['disputes.screened', 'petitions.count'];
const COLORS = ['#1d4ed8', '#d97706', '#16a34a', '#9333ea', '#0891b2', '#dc2626'];

function readPeriod(params: URLSearchParams, thisYear: number): Period {
  const kinds = PERIOD_KINDS.map((k) => k.value);
  const kind = (kinds as string[]).includes(params.get('period') ?? '')
    ? (params.get('period') as PeriodKind)
    : 'year';
  const year = Number(params.get('year'));
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  return {
    kind,
    year: Number.isInteger(year) && year >= 2000 && year <= thisYear + 1 ? year : thisYear,
    from: from && /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : undefined,
    to: to && /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : undefined,
  };
}

function ChartCard(props: {
  title: ReactNode;
  extra?: ReactNode;
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
  empty?: boolean;
  emptyText?: string;
  children: ReactNode;
  testId?: string;
}) {
  let content: ReactNode;
  if (props.error)
    content = <PageError title="图表数据加载失败" error={props.error} onRetry={props.onRetry} />;
  else if (props.loading) content = <Skeleton active paragraph={{ rows: 5 }} />;
  else if (props.empty) content = <Empty description={props.emptyText ?? '该期间没有数据'} />;
  else content = <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>{props.children}</Suspense>;
  return (
    <Card
      size="small"
      title={props.title}
      extra={props.extra}
      data-testid={props.testId}
      className="stat-card"
    >
      {content}
    </Card>
  );
}

/** "较上年同期 ↑125（10.0%）" — counts by difference and percent, rates in percentage points. */
function Delta(props: { current: Figure; previous: Figure | undefined }) {
  const { current, previous } = props;
  if (!previous || previous.value === null || current.value === null) {
    return (
      <Typography.Text type="secondary" className="dashboard-delta">
        上年同期 {formatFigure(previous)}
      </Typography.Text>
    );
  }
  const diff = Math.round((current.value - previous.value) * 10) / 10;
  const rate = current.unit === '%';
  const arrow =
    diff > 0 ? (
      <ArrowUpOutlined aria-label="增加" />
    ) : diff < 0 ? (
      <ArrowDownOutlined aria-label="减少" />
    ) : null;
  let change: string;
  if (diff === 0) change = '持平';
  else if (rate) change = `${Math.abs(diff)}个百分点`;
  else {
    const pct = previous.value ? ` (${Math.round((Math.abs(diff) / previous.value) * 1000) / 10}%)` : '';
    change = `${Math.abs(diff).toLocaleString('zh-CN')}${current.unit}${pct}`;
  }
  return (
    <Typography.Text type="secondary" className="dashboard-delta">
      上年同期 {formatFigure(previous)}，{arrow}
      {change}
    </Typography.Text>
  );
}

function FigureCard(props: { figure: Figure; previous: Figure | undefined; loadingPrevious: boolean }) {
  const { figure } = props;
  return (
    <Card size="small" className="stat-card figure-card" data-testid={`dash-figure-${figure.id}`}>
      <Statistic
        title={
          <Tooltip title={`计算方法：${figure.formula}`}>
            <span className="dashboard-figure-title">{figure.name}</span>
          </Tooltip>
        }
        value={figure.value ?? '—'}
        suffix={figure.value !== null ? figure.unit : undefined}
      />
      <Flex vertical gap={2}>
        {figure.denominator !== undefined && (
          <Typography.Text type="secondary" className="figure-card-note">
            {figure.numerator ?? 0} / {figure.denominator}
          </Typography.Text>
        )}
        {!props.loadingPrevious && <Delta current={figure} previous={props.previous} />}
        <Link
          to={figure.drill}
          className="figure-card-note"
          aria-label={`查看${figure.name}明细（${formatFigure(figure)}）`}
        >
          查看明细
        </Link>
      </Flex>
    </Card>
  );
}

function StatusCard(props: {
  testId: string;
  title: string;
  value: number | undefined;
  loading: boolean;
  icon: ReactNode;
  to: string;
  linkLabel: string;
}) {
  const alert = (props.value ?? 0) > 0;
  return (
    <Link
      to={props.to}
      className="stat-link"
      aria-label={`${props.title}：${props.value ?? '—'}项，${props.linkLabel}`}
    >
      <Card size="small" className="stat-card" data-testid={props.testId}>
        <Statistic
          title={props.title}
          value={props.value ?? '—'}
          loading={props.loading}
          prefix={<span aria-hidden>{props.icon}</span>}
          suffix={props.value !== undefined ? '项' : undefined}
          styles={alert ? { content: { color: '#cf1322' } } : undefined}
        />
      </Card>
    </Link>
  );
}

export default function DashboardPage() {
  const { code, org } = useCurrentOrg();
  const isMobile = useIsMobile();
  const thisYear = new Date().getFullYear();
  const [params, setParams] = useSearchParams();
  const period = readPeriod(params, thisYear);
  const range = periodRange(period);
  const previousRange: Range = { from: yearEarlier(range.from), to: yearEarlier(range.to) };

  const setPeriod = (next: Partial<Period>) => {
    const p = { ...period, ...next };
    const q = new URLSearchParams();
    if (p.kind !== 'year') q.set('period', p.kind);
    q.set('year', String(p.year));
    if (p.kind === 'custom' && p.from && p.to) {
      q.set('from', p.from);
      q.set('to', p.to);
    }
    setParams(q, { replace: true });
  };

  const figures = useFigures(code, range);
  const previous = useFigures(code, previousRange);
  const home = useHome(code);
  const modules = useModules();
  const hasDisputes = (modules.data?.modules ?? []).some((m) => m.id === 'disputes');
  const warnings = useWarnings(hasDisputes ? code : null);

  const list = figures.data?.figures ?? [];
  const ids = new Set(list.map((f) => f.id));
  const previousById = useMemo(
    () => new Map((previous.data?.figures ?? []).map((f) => [f.id, f])),
    [previous.data],
  );

  const moduleTitle = (id: string) =>
    modules.data?.modules.find((m) => m.id === id)?.title ?? FALLBACK_MODULE_TITLES[id] ?? id;
  const groups = useMemo(() => {
    const out: { module: string; figures: Figure[] }[] = [];
    for (const f of figures.data?.figures ?? []) {
      const group = out.find((g) => g.module === f.module);
      if (group) group.figures.push(f);
      else out.push({ module: f.module, figures: [f] });
    }
    return out;
  }, [figures.data]);

  // Monthly trend of 排查数 and 信访件数.
  const trendDisputes = useBreakdown(code, TREND_IDS[0]!, '月份', range, ids.has(TREND_IDS[0]!));
  const trendPetitions = useBreakdown(code, TREND_IDS[1]!, '月份', range, ids.has(TREND_IDS[1]!));
  const trendQueries = [trendDisputes, trendPetitions].filter((_, i) => ids.has(TREND_IDS[i]!));
  const months = useMemo(() => monthsBetween(range.from, range.to), [range.from, range.to]);
  const trendOption = useMemo<ChartOption | null>(() => {
    const series = [trendDisputes.data, trendPetitions.data].filter((d) => d !== undefined);
    if (series.length === 0) return null;
    return {
      animation: false,
      color: COLORS,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: months.map((m) => (months.length > 12 ? m : `${Number(m.slice(5))}月`)),
        boundaryGap: false,
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((d) => {
        const byMonth = new Map(d.items.map((i) => [i.key, i.value ?? 0]));
        return {
          type: 'line',
          name: `${d.name}（${d.unit}）`,
          smooth: true,
          symbolSize: 6,
          data: months.map((m) => byMonth.get(m) ?? 0),
        };
      }),
    };
  }, [trendDisputes.data, trendPetitions.data, months]);
  const trendLabel = [trendDisputes.data, trendPetitions.data]
    .filter((d) => d !== undefined)
    .map((d) => `${d.name}：${d.items.map((i) => `${i.key} ${i.value ?? 0}${d.unit}`).join('，')}`)
    .join('；');

  // Distribution by 纠纷类型.
  const types = useBreakdown(code, 'disputes.screened', '纠纷类型', range, ids.has('disputes.screened'));
  const typeItems = useMemo(
    () =>
      [...(types.data?.items ?? [])]
        .filter((i) => (i.value ?? 0) > 0)
        .sort((a, b) => (b.value ?? 0) - (a.value ?? 0)),
    [types.data],
  );
  const typeOption = useMemo<ChartOption>(
    () => ({
      animation: false,
      color: [...COLORS, '#64748b', '#ca8a04', '#be185d', '#0d9488', '#4f46e5', '#78716c'],
      tooltip: { trigger: 'item', formatter: '{b}：{c}起（{d}%）' },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          name: '纠纷类型',
          radius: isMobile ? ['30%', '58%'] : ['38%', '66%'],
          center: ['50%', '45%'],
          avoidLabelOverlap: true,
          label: { show: !isMobile, formatter: '{b} {c}' },
          data: typeItems.map((i) => ({ name: i.key, value: i.value ?? 0 })),
        },
      ],
    }),
    [typeItems, isMobile],
  );

  // Ranking of the orgs one level down by the chosen indicator.
  const [rankBy, setRankBy] = useState('disputes.screened');
  const rankId = ids.size === 0 || ids.has(rankBy) ? rankBy : (list[0]?.id ?? rankBy);
  const hasChildren = org?.level === 'county' || org?.level === 'township' || org?.level === 'city';
  const compare = useCompare(code, rankId, range, hasChildren);
  const ranking = useMemo(() => {
    const rows = (compare.data?.items ?? []).map((item) => ({
      name: item.name,
      figure: item.figures.find((f) => f.id === rankId),
    }));
    const withValue = rows.filter((r) => r.figure && r.figure.value !== null);
    withValue.sort((a, b) => (b.figure!.value ?? 0) - (a.figure!.value ?? 0));
    return { rows: withValue, missing: rows.length - withValue.length };
  }, [compare.data, rankId]);
  const rankFigure = list.find((f) => f.id === rankId);
  const rankOption = useMemo<ChartOption>(() => {
    // A category axis runs bottom-up: reverse so that the first is on top.
    const rows = [...ranking.rows].reverse();
    const unit = rankFigure?.unit ?? '';
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: unit === '%' ? 0 : 1, max: unit === '%' ? 100 : undefined },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          name: rankFigure?.name ?? '',
          data: rows.map((r) => r.figure!.value),
          barMaxWidth: 18,
          itemStyle: { color: '#1d4ed8', borderRadius: [0, 3, 3, 0] },
          label: { show: true, position: 'right', formatter: `{c}${unit}` },
        },
      ],
    };
  }, [ranking, rankFigure]);
  const childLevel = org?.level === 'township' ? '村/社区' : '乡镇/街道';

  // Year-over-year: the count figures of this period against the same period a year earlier.
  const yoyFigures = list.filter((f) => f.unit !== '%');
  const yoyOption = useMemo<ChartOption>(() => {
    const rows = [...yoyFigures].reverse();
    return {
      animation: false,
      color: ['#1d4ed8', '#94a3b8'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((f) => f.name), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          name: '本期',
          data: rows.map((f) => f.value ?? 0),
          barMaxWidth: 12,
          label: { show: true, position: 'right' },
        },
        {
          type: 'bar',
          name: '上年同期',
          data: rows.map((f) => previousById.get(f.id)?.value ?? 0),
          barMaxWidth: 12,
        },
      ],
    };
  }, [yoyFigures, previousById]);

  const yearOptions = useMemo(() => {
    const out = [];
    for (let y = thisYear; y >= 2019; y--) out.push({ value: y, label: `${y}年` });
    return out;
  }, [thisYear]);

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <DashboardOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          数据看板
        </Typography.Title>
        {org && (
          <>
            <Typography.Text type="secondary">{org.name}</Typography.Text>
            <Tag color={LEVEL_COLORS[org.level]}>{levelLabel(org.level)}</Tag>
          </>
        )}
      </Flex>

      <Card size="small">
        <Flex
          gap={8}
          wrap="wrap"
          align="center"
          className="dashboard-period"
          role="group"
          aria-label="统计期间"
        >
          <Select
            aria-label="年度"
            value={period.year}
            options={yearOptions}
            onChange={(year: number) => setPeriod({ year, from: undefined, to: undefined })}
            disabled={period.kind === 'custom'}
            style={{ width: 110 }}
          />
          <Select
            aria-label="期间"
            value={period.kind}
            options={PERIOD_KINDS}
            onChange={(kind: PeriodKind) =>
              setPeriod(
                kind === 'custom'
                  ? { kind, from: range.from, to: range.to }
                  : { kind, from: undefined, to: undefined },
              )
            }
            style={{ width: 120 }}
          />
          {period.kind === 'custom' && (
            <DatePicker.RangePicker
              aria-label="自定义期间"
              allowClear={false}
              inputReadOnly
              value={[dayjs(range.from), dayjs(range.to)]}
              onChange={(dates) => {
                const [from, to] = dates ?? [];
                if (from && to)
                  setPeriod({
                    from: from.format('YYYY-MM-DD'),
                    to: to.format('YYYY-MM-DD'),
                    year: from.year(),
                  });
              }}
            />
          )}
          <Typography.Text type="secondary" data-testid="dashboard-period">
            {periodLabel(period)}（{range.from} 至 {range.to}）
          </Typography.Text>
          <div style={{ flex: 1 }} />
          <Button icon={<FileExcelOutlined />} href={exportHref(code, range)} download>
            导出 Excel
          </Button>
        </Flex>
      </Card>

      <section aria-labelledby="dash-status-title">
        <Typography.Title level={4} id="dash-status-title" className="section-title">
          当前待办
        </Typography.Title>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={8}>
            <StatusCard
              testId="dash-overdue"
              title="已逾期"
              value={home.data?.deadlines.overdue}
              loading={home.isPending}
              icon={<ExclamationCircleOutlined />}
              to="/supervision"
              linkLabel="查看督办事项"
            />
          </Col>
          <Col xs={12} md={8}>
            <StatusCard
              testId="dash-supervision"
              title="督办未办结"
              value={home.data?.supervision.open}
              loading={home.isPending}
              icon={<AlertOutlined />}
              to="/supervision"
              linkLabel="查看督办事项"
            />
          </Col>
          {hasDisputes && (
            <Col xs={24} md={8}>
              <StatusCard
                testId="dash-warnings"
                title="纠纷预警"
                value={warnings.data?.items.length}
                loading={warnings.isPending}
                icon={<AlertOutlined />}
                to="/disputes/warnings"
                linkLabel="查看纠纷预警"
              />
            </Col>
          )}
        </Row>
      </section>

      {figures.isError && (
        <PageError title="指标加载失败" error={figures.error} onRetry={() => figures.refetch()} />
      )}
      {figures.isPending && <Skeleton active paragraph={{ rows: 6 }} />}

      {groups.map((group) => (
        <section key={group.module} aria-labelledby={`dash-${group.module}-title`}>
          <Typography.Title level={4} id={`dash-${group.module}-title`} className="section-title">
            {moduleTitle(group.module)}
            <Tooltip title="把鼠标移到指标名称上可查看计算方法；点击“查看明细”可看到构成该数的台账记录">
              <QuestionCircleOutlined
                aria-label="说明"
                style={{ marginLeft: 8, fontSize: 14, color: '#64748b' }}
              />
            </Tooltip>
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {group.figures.map((f) => (
              <Col key={f.id} xs={12} sm={12} md={8} xl={6}>
                <FigureCard
                  figure={f}
                  previous={previousById.get(f.id)}
                  loadingPrevious={previous.isPending}
                />
              </Col>
            ))}
          </Row>
        </section>
      ))}

      {figures.data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <ChartCard
              title="月度趋势"
              testId="chart-trend"
              loading={trendQueries.some((q) => q.isPending)}
              error={trendQueries.find((q) => q.isError)?.error}
              onRetry={() => {
                for (const q of trendQueries) void q.refetch();
              }}
              empty={trendOption === null}
            >
              {trendOption && <EChart option={trendOption} height={300} label={`月度趋势。${trendLabel}`} />}
            </ChartCard>
          </Col>
          <Col xs={24} xl={12}>
            <ChartCard
              title="矛盾纠纷类型分布"
              testId="chart-types"
              loading={types.isPending && ids.has('disputes.screened')}
              error={types.error}
              onRetry={() => types.refetch()}
              empty={typeItems.length === 0}
            >
              <EChart
                option={typeOption}
                height={320}
                label={`矛盾纠纷类型分布：${typeItems.map((i) => `${i.key} ${i.value}起`).join('，')}`}
              />
            </ChartCard>
          </Col>
          <Col xs={24} xl={12}>
            <ChartCard
              title={`下级排名（${childLevel}）`}
              testId="chart-ranking"
              extra={
                <Select
                  aria-label="排名指标"
                  size="small"
                  value={rankId}
                  onChange={setRankBy}
                  options={list.map((f) => ({ value: f.id, label: f.name }))}
                  style={{ width: isMobile ? 150 : 200 }}
                  popupMatchSelectWidth={false}
                />
              }
              loading={hasChildren && compare.isPending}
              error={compare.error}
              onRetry={() => compare.refetch()}
              empty={!hasChildren || ranking.rows.length === 0}
              emptyText={hasChildren ? '该期间没有可排名的数据' : '当前机构没有下一级乡镇或村(社区)'}
            >
              <EChart
                option={rankOption}
                height={Math.max(220, ranking.rows.length * 26 + 40)}
                testId="ranking-chart"
                label={`下级排名：按${rankFigure?.name ?? ''}，${ranking.rows
                  .map((r, i) => `第${i + 1}名 ${r.name} ${formatFigure(r.figure)}`)
                  .join('，')}`}
              />
              {ranking.missing > 0 && (
                <Typography.Text type="secondary" className="figure-card-note">
                  另有 {ranking.missing} 个机构该项无可计算的数据，未参与排名。
                </Typography.Text>
              )}
            </ChartCard>
          </Col>
          <Col xs={24} xl={12}>
            <ChartCard
              title="同比（本期与上年同期）"
              testId="chart-yoy"
              loading={previous.isPending}
              error={previous.error}
              onRetry={() => previous.refetch()}
              empty={yoyFigures.length === 0}
            >
              <EChart
                option={yoyOption}
                height={Math.max(240, yoyFigures.length * 34 + 48)}
                label={`同比：${yoyFigures
                  .map(
                    (f) =>
                      `${f.name} 本期${formatFigure(f)}，上年同期${formatFigure(previousById.get(f.id))}`,
                  )
                  .join('；')}`}
              />
              <Typography.Text type="secondary" className="figure-card-note">
                上年同期：{previousRange.from} 至 {previousRange.to}；比率类指标的同比见上方各指标卡片。
              </Typography.Text>
            </ChartCard>
          </Col>
        </Row>
      )}
    </Flex>
  );
}
