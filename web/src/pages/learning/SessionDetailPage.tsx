import { BookOutlined, DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Flex, List } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import { PageError, PageSpin } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { CaseTimeline } from '../../ledger/CaseTimeline';
import { StepModal, type StepSpec } from '../../ledger/StepModal';
import { Heading } from './parts';
import { BASE, dash, MODULE, type Session, useLearningMeta, useLearningPost } from './queries';

interface SessionDetail extends Session {
  note: string | null;
  createdAt: string;
  files: { id: number; name: string; mime: string; size: number }[];
  history: { id: number; at: string; actorName: string; action: string }[];
}

const ACTIONS: Record<string, string> = { 'learning.session.record': '登记学法活动' };
const removeSpec: StepSpec = {
  dateLabel: null,
  done: '学法活动已删除',
  note: '删除后该次学法不再计入学法次数；删除记录保留在审计日志中。',
  fields: [
    {
      name: 'reason',
      label: '删除原因',
      kind: 'textarea',
      required: '请填写删除原因',
      minChars: 2,
      max: 500,
    },
  ],
};

/** One 学法活动 with its evidence (签到表, 照片) and record. */
export default function SessionDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { code } = useCurrentOrg();
  const meta = useLearningMeta(code);
  const post = useLearningPost();
  const [removing, setRemoving] = useState(false);
  const detail = useQuery({
    queryKey: [MODULE, 'session', id],
    queryFn: ({ signal }) => api.get<SessionDetail>(`${BASE}/sessions/${id}`, { signal }),
    enabled: Boolean(id),
  });
  if (detail.isPending) return <PageSpin label="正在加载学法活动" />;
  if (detail.isError)
    return <PageError title="学法活动加载失败" error={detail.error} onRetry={() => detail.refetch()} />;
  const s = detail.data;
  return (
    <Flex vertical gap={16} className="page">
      <Heading icon={<BookOutlined />} title={s.topic} org={s.orgName} />
      {meta.data?.can.manage && (
        <Flex gap={8}>
          <Button danger icon={<DeleteOutlined />} onClick={() => setRemoving(true)}>
            删除
          </Button>
        </Flex>
      )}
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'kind', label: '学法形式', children: s.kind },
            { key: 'heldOn', label: '学习日期', children: s.heldOn },
            { key: 'lecturer', label: '主讲人', children: dash(s.lecturer) },
            { key: 'attendees', label: '参加人数', children: dash(s.attendees) },
            { key: 'hours', label: '学时', children: dash(s.hours) },
            { key: 'laws', label: '学习法律法规', children: dash(s.laws), span: 2 },
            { key: 'note', label: '备注', children: dash(s.note), span: 2 },
          ]}
        />
      </Card>
      <Card size="small" title="佐证材料">
        {s.files.length === 0 ? (
          <Empty description="未上传签到表或照片" />
        ) : (
          <List
            size="small"
            dataSource={s.files}
            renderItem={(f) => (
              <List.Item>
                <a href={`/api/files/${f.id}`} download>
                  <PaperClipOutlined /> {f.name}
                </a>
              </List.Item>
            )}
          />
        )}
      </Card>
      <CaseTimeline
        entries={s.history.map((h) => ({
          at: h.at,
          actor: h.actorName,
          action: h.action,
          label: ACTIONS[h.action] ?? h.action,
          on: null,
        }))}
      />
      <StepModal
        name="learning-session-remove"
        title="删除学法活动"
        label="删除"
        spec={removeSpec}
        open={removing}
        pending={post.isPending}
        onClose={() => setRemoving(false)}
        afterClose={() => undefined}
        submit={async (body) => {
          await post.mutateAsync({ path: `sessions/${s.id}/remove`, body });
          navigate('/learning/sessions');
        }}
      />
    </Flex>
  );
}
