import { CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { PageError } from '../components/PageState';
import { useIndicators } from './queries';
import type { Figure } from './types';

function FigureCard(props: { figure: Figure | undefined; id: string; loading: boolean; title: string }) {
  const { figure } = props;
  const card = (
    <Card size="small" className="stat-card figure-card" data-testid={`figure-${props.id}`}>
      <Statistic
        title={<span title={figure?.formula}>{props.title}</span>}
        value={figure?.value ?? '—'}
        loading={props.loading}
        suffix={figure && figure.value !== null ? figure.unit : undefined}
      />
      {figure?.denominator !== undefined && (
        <Typography.Text type="secondary" className="figure-card-note">
          {figure.numerator} / {figure.denominator}
        </Typography.Text>
      )}
    </Card>
  );
  if (!figure) return card;
  return (
    <Link
      to={figure.drill}
      className="stat-link"
      aria-label={`${figure.name}：${figure.value ?? '无数据'}${figure.value !== null ? figure.unit : ''}，查看明细`}
    >
      {card}
    </Link>
  );
}

/**
 * This year's figures of `ids` for `org`, as cards; each card links to its drill-down (the list of
 * exactly the rows behind it). `shortName` trims the module prefix off a figure's name for the card.
 */
export function FigureCards(props: {
  org: string | null;
  ids: readonly string[];
  shortName?: (name: string) => string;
  /** Cards per row on wide screens (2 on phones). */
  perRow?: 4 | 5;
}) {
  const year = new Date().getFullYear();
  const figures = useIndicators(props.org, year, props.ids);
  const byId = useMemo(() => new Map((figures.data?.figures ?? []).map((f) => [f.id, f])), [figures.data]);
  const titleId = `figures-${props.ids[0]?.split('.')[0] ?? 'ledger'}-title`;
  // 4 a row: a quarter each from md up; 5 a row: thirds on tablets, fifths from xl up.
  const wide = props.perRow === 5 ? { md: 8, xl: { flex: '20%' } } : { md: 6 };

  return (
    <section aria-labelledby={titleId}>
      <Typography.Title level={4} id={titleId} className="section-title">
        {year}年工作指标
      </Typography.Title>
      {figures.isError ? (
        <PageError title="指标加载失败" error={figures.error} onRetry={() => figures.refetch()} />
      ) : (
        <Row gutter={[12, 12]}>
          {props.ids.map((id, index) => {
            // An odd last card takes the whole row on phones.
            const last = index === props.ids.length - 1 && props.ids.length % 2 === 1;
            const figure = byId.get(id);
            const title = figure ? (props.shortName?.(figure.name) ?? figure.name) : ' ';
            return (
              <Col key={id} xs={last ? 24 : 12} sm={last ? 24 : 12} {...wide}>
                <FigureCard id={id} figure={figure} title={title} loading={figures.isPending} />
              </Col>
            );
          })}
        </Row>
      )}
    </section>
  );
}

/** Shown while the list is an indicator's drill-down; 清除指标筛选 goes back to the whole ledger. */
export function IndicatorBanner(props: {
  name: string;
  part: string | null;
  from: string | null;
  to: string | null;
  onClear: () => void;
}) {
  return (
    <Alert
      type="info"
      showIcon
      data-testid="indicator-banner"
      title={
        <span>
          指标明细：{props.name}
          {props.part === 'denominator' ? '（分母）' : ''}（{props.from ?? ''} 至 {props.to ?? ''}）
        </span>
      }
      action={
        <Button size="small" icon={<CloseOutlined />} onClick={props.onClear}>
          清除指标筛选
        </Button>
      }
    />
  );
}
