import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../api';
import { formatTime } from '../ledger/dates';
import { dash, EVIDENCE_STEPS, evidenceStepLabel, options } from './labels';
import { useAddEvidence, useRemoveEvidence } from './queries';
import type { CaseDetail, Evidence } from './types';

interface UploadValues {
  step: string;
  kind: string;
  title: string;
  takenAt?: Dayjs;
  place?: string;
  note?: string;
}

/** The step a new record most likely belongs to, from the case's status. */
function currentStep(d: CaseDetail): string {
  switch (d.status) {
    case 'filed':
      return 'investigate';
    case 'investigated':
      return 'investigate';
    case 'notified':
    case 'hearing':
      return 'notify';
    case 'decided':
      return 'decide';
    case 'served':
      return 'serve';
    default:
      return 'execute';
  }
}

function UploadModal(props: { detail: CaseDetail; kinds: string[]; open: boolean; onClose: () => void }) {
  const { detail } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<UploadValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const add = useAddEvidence(detail.id, detail.orgCode);

  const onFinish = async (v: UploadValues) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setError('请选择要上传的文件');
      return;
    }
    setError(null);
    try {
      await add.mutateAsync({
        file,
        step: v.step,
        kind: v.kind,
        title: v.title.trim(),
        takenAt: v.takenAt ? v.takenAt.toISOString() : undefined,
        place: v.place?.trim() || undefined,
        note: v.note?.trim() || undefined,
      });
      message.success('证据已上传并记录哈希值');
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Modal
      open={props.open}
      title={`上传证据 · ${detail.caseNo}`}
      okText="上传"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={add.isPending}
      destroyOnHidden
      afterClose={() => {
        setFiles([]);
        setError(null);
      }}
    >
      <Form<UploadValues>
        form={form}
        layout="vertical"
        name="evidence-upload"
        aria-label="上传证据"
        onFinish={onFinish}
        initialValues={{ step: currentStep(detail), kind: '照片' }}
      >
        <Form.Item label="文件" required>
          <Upload
            beforeUpload={() => false}
            maxCount={1}
            fileList={files}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="step" label="所属环节" rules={[{ required: true, message: '请选择所属环节' }]}>
          <Select options={EVIDENCE_STEPS} />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={options(props.kinds)} />
        </Form.Item>
        <Form.Item
          name="title"
          label="名称"
          rules={[{ required: true, whitespace: true, message: '请填写证据名称' }]}
        >
          <Input maxLength={200} placeholder="如：现场检查照片、询问笔录" autoComplete="off" />
        </Form.Item>
        <Form.Item name="takenAt" label="形成时间">
          <DatePicker showTime style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="place" label="地点">
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
}

function RemoveModal(props: { caseId: number; evidence: Evidence | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const remove = useRemoveEvidence(props.caseId);
  const submit = async () => {
    if (!props.evidence) return;
    if (reason.trim().length < 2) {
      setError('请填写移除原因');
      return;
    }
    try {
      await remove.mutateAsync({ evidenceId: props.evidence.id, reason: reason.trim() });
      message.success('已移除，记录保留在案卷中');
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Modal
      open={Boolean(props.evidence)}
      title={`移除证据：${props.evidence?.title ?? ''}`}
      okText="移除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onOk={submit}
      onCancel={props.onClose}
      confirmLoading={remove.isPending}
      destroyOnHidden
      afterClose={() => {
        setReason('');
        setError(null);
      }}
    >
      <Typography.Paragraph type="secondary">
        证据不会被删除：移除及其原因记入审计日志，案卷中仍可查。
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="移除原因"
        rows={3}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="移除原因"
      />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}

/** 全过程记录: the evidence of each step, with upload and removal (never deletion). */
export function EvidenceCard(props: { detail: CaseDetail; kinds: string[]; canHandle: boolean }) {
  const { detail, canHandle } = props;
  const [uploading, setUploading] = useState(false);
  const [removing, setRemoving] = useState<Evidence | null>(null);
  const steps = [...new Set(detail.evidence.map((e) => e.step))];

  const columns: TableColumnsType<Evidence> = [
    {
      title: '名称',
      key: 'title',
      render: (_, e) => (
        <Flex gap={6} align="center" wrap="wrap">
          <PaperClipOutlined aria-hidden />
          {e.removedAt ? (
            <Typography.Text delete>{e.title}</Typography.Text>
          ) : (
            <a href={`/api/files/${e.fileId}`} download>
              {e.title}
            </a>
          )}
          {e.removedAt && (
            <Tooltip title={`${formatTime(e.removedAt)} 移除：${e.removedReason ?? ''}`}>
              <Tag color="default">已移除</Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { title: '类别', dataIndex: 'kind', key: 'kind', width: 90 },
    {
      title: '形成时间/地点',
      key: 'when',
      width: 200,
      render: (_, e) => (
        <Flex vertical>
          <span>{e.takenAt ? formatTime(e.takenAt) : dash(null)}</span>
          {e.place && <Typography.Text type="secondary">{e.place}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: '记录',
      key: 'by',
      width: 170,
      render: (_, e) => (
        <Flex vertical>
          <span>{e.recordedByName ?? '—'}</span>
          <Typography.Text type="secondary">{formatTime(e.recordedAt)}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: 'SHA-256',
      dataIndex: 'sha256',
      key: 'sha',
      width: 130,
      render: (sha: string) => (
        <Tooltip title={sha}>
          <Typography.Text code copyable={{ text: sha }}>
            {sha.slice(0, 10)}…
          </Typography.Text>
        </Tooltip>
      ),
    },
    ...(canHandle
      ? [
          {
            title: '',
            key: 'ops',
            width: 70,
            render: (_: unknown, e: Evidence) =>
              e.removedAt ? null : (
                <Button
                  size="small"
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`移除 ${e.title}`}
                  onClick={() => setRemoving(e)}
                >
                  移除
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={`证据与文书（${detail.evidence.filter((e) => !e.removedAt).length}）`}
      data-testid="enforcement-evidence"
      extra={
        canHandle && (
          <Button size="small" icon={<UploadOutlined />} onClick={() => setUploading(true)}>
            上传证据
          </Button>
        )
      }
    >
      {detail.evidence.length === 0 ? (
        <Empty description="尚无证据" />
      ) : (
        <Flex vertical gap={12}>
          {steps.map((step) => (
            <div key={step}>
              <Typography.Text strong>{evidenceStepLabel(step)}</Typography.Text>
              <Table<Evidence>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={detail.evidence.filter((e) => e.step === step)}
                pagination={false}
                scroll={{ x: 760 }}
                aria-label={`${evidenceStepLabel(step)}证据`}
              />
            </div>
          ))}
        </Flex>
      )}
      <UploadModal detail={detail} kinds={props.kinds} open={uploading} onClose={() => setUploading(false)} />
      <RemoveModal caseId={detail.id} evidence={removing} onClose={() => setRemoving(null)} />
    </Card>
  );
}
