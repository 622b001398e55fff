import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import { formatTime } from './dates';
import type { TimelineEntry } from './types';

/** 办理记录: the audited steps of a case, the step's own date first, who recorded it and when. */
export function CaseTimeline(props: { entries: TimelineEntry[]; isNegative?: (action: string) => boolean }) {
  return (
    <Card size="small" title="办理记录">
      {props.entries.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Timeline
          items={props.entries.map((t, i) => ({
            key: `${t.at}-${i}`,
            color: props.isNegative?.(t.action) ? 'red' : 'blue',
            content: (
              <Flex vertical gap={2}>
                <Flex gap={12} wrap="wrap" align="baseline">
                  <Typography.Text strong>{t.label}</Typography.Text>
                  <Typography.Text>{t.on ?? formatTime(t.at)}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary" className="timeline-meta">
                  {t.actor} · 记录于 {formatTime(t.at)}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
