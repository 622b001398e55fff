import { AimOutlined, ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Popconfirm, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api';
import { PageError, PageSpin } from '../../components/PageState';
import { InspectionDraw, InspectionStatusTag } from '../../enforcement/InspectionDraw';
import { dash } from '../../enforcement/labels';
import { PostModal } from '../../enforcement/PostModal';
import { useEnforcementMeta, useInspection, useModulePost } from '../../enforcement/queries';
import type { Named } from '../../enforcement/types';

const RESULTS = ['未发现问题', '发现问题已责令整改', '立案查处', '未找到检查对象'];

const option = (n: Named) =>
  typeof n === 'number'
    ? { value: String(n), label: `#${n}` }
    : { value: String(n.id), label: n.name ?? `#${n.id}` };

/** One 双随机 plan: draw (seed shown), results entry, publish. */
export default function InspectionDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const q = useInspection(id);
  const meta = useEnforcementMeta(q.data?.orgCode);
  const post = useModulePost<Record<string, unknown>>();
  const [seed, setSeed] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [entering, setEntering] = useState(false);

  if (q.isPending) return <PageSpin />;
  if (q.isError) return <PageError title="抽查计划加载失败" error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  const canInspect = meta.data?.can.inspect ?? false;

  const run = async (path: string, body: Record<string, unknown>, done: string) => {
    setError(null);
    try {
      await post.mutateAsync({ path: `/inspections/${d.id}${path}`, body });
      message.success(done);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <Link to="/enforcement/inspections" aria-label="返回抽查列表" className="back-link">
          <ArrowLeftOutlined />
        </Link>
        <AimOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          {d.title}
        </Typography.Title>
        <InspectionStatusTag status={d.status} label={d.statusLabel} />
      </Flex>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'org', label: '单位', children: dash(d.orgName) },
            { key: 'item', label: '检查事项', children: dash(d.item?.name) },
            { key: 'planned', label: '计划日期', children: d.plannedOn },
            { key: 'tc', label: '抽取检查对象', children: `${d.targetCount} 户` },
            { key: 'ic', label: '选派检查人员', children: `${d.inspectorCount} 人` },
            { key: 'pub', label: '公开日期', children: dash(d.publishedOn) },
          ]}
        />
      </Card>
      {canInspect && (
        <Card size="small" title="操作">
          <Flex vertical gap={12}>
            {d.status === 'planned' && (
              <Space.Compact style={{ maxWidth: 520 }}>
                <Input
                  aria-label="随机种子"
                  placeholder="随机种子（留空由系统生成）"
                  value={seed}
                  onChange={(e) => setSeed(e.target.value)}
                />
                <Button
                  type="primary"
                  loading={post.isPending}
                  onClick={() => run('/draw', seed.trim() ? { seed: seed.trim() } : {}, '已随机抽取')}
                >
                  随机抽取
                </Button>
              </Space.Compact>
            )}
            <Flex gap={8} wrap="wrap">
              {(d.status === 'drawn' || d.status === 'done') && (
                <Button onClick={() => setEntering(true)}>录入检查结果</Button>
              )}
              {(d.status === 'drawn' || d.status === 'done') && (
                <Popconfirm
                  title="公开抽查结果"
                  description="抽取结果、随机种子和检查结果将在公开平台公示。"
                  okText="公开"
                  cancelText="取消"
                  onConfirm={() => run('/publish', {}, '已在公开平台公开')}
                >
                  <Button type="primary">公开结果</Button>
                </Popconfirm>
              )}
              {d.publishedOn && (
                <Link to={`/portal/law-enforcement/inspections/${d.id}`} target="_blank">
                  在公开平台查看
                </Link>
              )}
            </Flex>
            {error && <Alert type="error" showIcon role="alert" title={error} />}
          </Flex>
        </Card>
      )}
      <InspectionDraw detail={d} />
      <PostModal
        name="inspection-result"
        title="录入检查结果"
        path={`/inspections/${d.id}/results`}
        fields={[
          {
            name: 'targetId',
            label: '检查对象',
            kind: 'select',
            required: '请选择检查对象',
            options: (d.drawnTargets ?? []).map((t) => option({ id: t.id, name: t.name })),
          },
          { name: 'inspectedOn', label: '检查日期', kind: 'date', required: '请选择检查日期' },
          { name: 'result', label: '检查结果', kind: 'select', required: '请选择检查结果', options: RESULTS },
          { name: 'note', label: '说明', kind: 'textarea', max: 1000 },
        ]}
        done="已录入检查结果"
        initialValues={{ inspectedOn: dayjs() }}
        transform={(b) => ({ ...b, targetId: Number(b.targetId) })}
        open={entering}
        onClose={() => setEntering(false)}
      />
    </Flex>
  );
}
