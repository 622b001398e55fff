import { CameraOutlined, DeleteOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Image,
  Input,
  Modal,
  Tag,
  Timeline,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api';
import { PageError, PageSpin } from '../../components/PageState';
import { formatTime } from '../../ledger/dates';
import { StepModal } from '../../ledger/StepModal';
import { dash, useActivity, useAddPhoto, usePublicityMeta, usePublicityPost } from './queries';

function PhotoModal(props: { activityId: number; orgCode: string; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [caption, setCaption] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useAddPhoto(props.activityId, props.orgCode);
  const file = files[0]?.originFileObj;
  const submit = async () => {
    if (!file) {
      setError('请选择照片');
      return;
    }
    setError(null);
    try {
      await add.mutateAsync({ file, caption });
      message.success('照片已上传');
      setFiles([]);
      setCaption('');
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Modal
      title="上传活动照片"
      open={props.open}
      onCancel={props.onClose}
      onOk={submit}
      okText="上传"
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form layout="vertical" name="publicity-photo">
        <Form.Item label="照片" required>
          <Upload
            beforeUpload={() => false}
            accept="image/*"
            listType="picture"
            fileList={files}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
          >
            <Button icon={<UploadOutlined />}>选择照片</Button>
          </Upload>
        </Form.Item>
        <Form.Item label="说明">
          <Input value={caption} maxLength={200} onChange={(e) => setCaption(e.target.value)} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

/** One activity: what, where, for whom, the duty it fulfils, its photos and its record. */
export default function ActivityDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const a = useActivity(id);
  const meta = usePublicityMeta(a.data?.orgCode);
  const [uploading, setUploading] = useState(false);
  const [removing, setRemoving] = useState(false);
  const remove = usePublicityPost<{ reason: string }, unknown>(`/activities/${id}/remove`);

  if (a.isError) return <PageError title="活动加载失败" error={a.error} onRetry={() => a.refetch()} />;
  if (!a.data) return <PageSpin />;
  const d = a.data;
  const can = meta.data?.can.manage;

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading" wrap="wrap">
        <TeamOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          {d.title}
        </Typography.Title>
        <Tag color="blue">{d.venueType}</Tag>
        <Tag>{d.form}</Tag>
      </Flex>
      {can && (
        <Flex gap={8} wrap="wrap">
          <Button type="primary" icon={<CameraOutlined />} onClick={() => setUploading(true)}>
            上传照片
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={() => setRemoving(true)}>
            删除活动
          </Button>
        </Flex>
      )}
      <Card size="small" title="活动情况">
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label="活动日期">{d.heldOn}</Descriptions.Item>
          <Descriptions.Item label="开展单位">{d.orgName ?? d.orgCode}</Descriptions.Item>
          <Descriptions.Item label="所属乡镇">{dash(d.township)}</Descriptions.Item>
          <Descriptions.Item label="宣传主题">
            {d.themes.map((t) => (
              <Tag key={t}>{t}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label="宣传形式">{d.form}</Descriptions.Item>
          <Descriptions.Item label="法律六进">{d.venueType}</Descriptions.Item>
          <Descriptions.Item label="活动地点">{dash(d.venueName)}</Descriptions.Item>
          <Descriptions.Item label="受众">{d.reach} 人次</Descriptions.Item>
          <Descriptions.Item label="发放资料">{d.materials} 份</Descriptions.Item>
          <Descriptions.Item label="普法责任">
            {d.dutyId ? (
              <Link to={`/publicity/duties?year=${d.heldOn.slice(0, 4)}&duty=${d.dutyId}`}>{d.dutyUnit}</Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="主办单位">{dash(d.organiser)}</Descriptions.Item>
          <Descriptions.Item label="来源">
            {d.source === 'import' ? '导入' : d.source === 'demo' ? '演示' : '登记'}
          </Descriptions.Item>
          {d.note && <Descriptions.Item label="备注">{d.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={`活动照片（${d.photoList.length}）`}>
        {d.photoList.length ? (
          <Image.PreviewGroup>
            <Flex gap={12} wrap="wrap">
              {d.photoList.map((p) => (
                <Flex key={p.id} vertical gap={4} style={{ width: 160 }}>
                  <Image
                    src={`/api/files/${p.fileId}`}
                    alt={p.caption ?? p.name ?? '活动照片'}
                    width={160}
                    height={120}
                    style={{ objectFit: 'cover' }}
                  />
                  <Typography.Text type="secondary" ellipsis>
                    {p.caption ?? p.name}
                  </Typography.Text>
                </Flex>
              ))}
            </Flex>
          </Image.PreviewGroup>
        ) : (
          <Empty description="尚未上传照片" />
        )}
      </Card>
      <Card size="small" title="记录">
        <Timeline
          items={[
            {
              children: `${formatTime(d.createdAt)} ${d.createdByName ?? '系统'} 登记活动`,
            },
            ...d.photoList.map((p) => ({
              color: 'green',
              children: `${formatTime(p.createdAt)} 上传照片「${p.caption ?? p.name ?? ''}」`,
            })),
          ]}
        />
      </Card>
      <PhotoModal
        activityId={d.id}
        orgCode={d.orgCode}
        open={uploading}
        onClose={() => setUploading(false)}
      />
      <StepModal
        name="step-remove"
        title="删除活动"
        label="删除"
        spec={{
          dateLabel: null,
          fields: [
            { name: 'reason', label: '删除原因', kind: 'textarea', required: '请填写删除原因', minChars: 2 },
          ],
          done: '活动已删除',
          note: '删除后该活动不再计入普法指标，照片一并删除。',
        }}
        submit={async (body) => {
          await remove.mutateAsync(body as { reason: string });
          navigate('/publicity');
        }}
        pending={remove.isPending}
        open={removing}
        onClose={() => setRemoving(false)}
        afterClose={() => {}}
      />
    </Flex>
  );
}
