import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, errorMessage } from '../../../api';
import { PORTAL_BASE, type PortalTrack } from './portal';

/** 查询依申请公开办理进度 by 查询码; no personal data. */
export default function TrackPage() {
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [input, setInput] = useState(code);
  const q = useQuery({
    queryKey: ['portal-disclosure', 'track', code],
    queryFn: () =>
      api.get<PortalTrack>(`${PORTAL_BASE}/track/${encodeURIComponent(code)}`, { redirectOn401: false }),
    enabled: code.length >= 6,
    retry: false,
  });
  const t = q.data;
  return (
    <Flex vertical gap={16} className="portal-page portal-narrow">
      <Typography.Title level={2} style={{ margin: 0 }}>
        查询政府信息公开申请办理进度
      </Typography.Title>
      <form
        aria-label="查询"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ code: input.trim().toUpperCase() });
        }}
      >
        <Flex gap={8}>
          <Input
            aria-label="查询码"
            placeholder="请输入查询码"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            maxLength={20}
          />
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Flex>
      </form>
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      {t && (
        <Card>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'no', label: '申请编号', children: t.requestNo },
              { key: 'org', label: '受理机关', children: t.orgName ?? '—' },
              {
                key: 'status',
                label: '办理状态',
                children: <span data-testid="track-status">{t.statusLabel}</span>,
              },
              { key: 'sub', label: '提交日期', children: t.submittedOn },
              { key: 'rec', label: '收到申请之日', children: t.receivedOn ?? '待工作人员确认' },
              ...(t.correctionRequestedOn
                ? [
                    {
                      key: 'cor',
                      label: '补正告知',
                      children: `${t.correctionRequestedOn}：${t.correctionItems ?? ''}${t.correctionDueOn ? `（请于 ${t.correctionDueOn} 前补正）` : ''}`,
                    },
                  ]
                : []),
              { key: 'due', label: '答复期限', children: t.dueOn ?? '—' },
              ...(t.answeredOn
                ? [{ key: 'ans', label: '答复', children: `${t.answeredOn} ${t.answerType ?? ''}` }]
                : []),
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
