import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { IndicatorBanner } from '../../ledger/FigureCards';
import type { LearningMeta } from './queries';

/** The page heading: icon, title, the current org. */
export function Heading(props: { icon: ReactNode; title: string; org?: string | null; extra?: ReactNode }) {
  return (
    <Flex align="center" gap={12} wrap="wrap" className="page-heading">
      <span aria-hidden className="page-heading-icon">
        {props.icon}
      </span>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {props.title}
      </Typography.Title>
      {props.org && <Typography.Text type="secondary">{props.org}</Typography.Text>}
      {props.extra}
    </Flex>
  );
}

/** While the list is an indicator's drill-down: what it shows, and a way back to the whole list. */
export function DrillBanner(props: { meta: LearningMeta | undefined }) {
  const [params, setParams] = useSearchParams();
  const id = params.get('indicator');
  if (!id) return null;
  const name = props.meta?.indicators.find((i) => i.id === id)?.name ?? id;
  return (
    <IndicatorBanner
      name={name}
      part={params.get('part')}
      from={params.get('from')}
      to={params.get('to')}
      onClear={() =>
        setParams((prev) => {
          const next = new URLSearchParams(prev);
          for (const k of ['indicator', 'part', 'from', 'to', 'page']) next.delete(k);
          return next;
        })
      }
    />
  );
}

const GRADE_COLORS: Record<string, string> = { 优秀: 'green', 良好: 'blue', 合格: 'default', 不合格: 'red' };

export function GradeTag(props: { grade: string | null }) {
  if (!props.grade) return <>—</>;
  return <Tag color={GRADE_COLORS[props.grade]}>{props.grade}</Tag>;
}

export function StatusTag(props: { status: string }) {
  const color = props.status === '已参考' ? 'green' : props.status === '免考' ? 'default' : 'orange';
  return <Tag color={color}>{props.status}</Tag>;
}

/** Search-param helpers shared by the list pages. */
export function useParamState() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const set = (key: string, value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      if (key !== 'page') next.delete('page');
      return next;
    });
  return { params, get, set, setParams };
}

export const YEARS = (() => {
  const now = new Date().getFullYear();
  return Array.from({ length: 5 }, (_, i) => now - i).map((y) => ({ value: String(y), label: `${y}年` }));
})();
