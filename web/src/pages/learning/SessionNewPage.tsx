import { BookOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { apiUpload, errorMessage } from '../../api';
import { Forbidden } from '../../components/Forbidden';
import { OrgPicker } from '../../components/OrgPicker';
import { useCurrentOrg } from '../../currentOrg';
import { disableFuture, toDate } from '../../ledger/dates';
import { queryString } from '../../ledger/queries';
import { Heading } from './parts';
import { useLearningMeta, useLearningPost } from './queries';

interface Values {
  orgCode: string;
  kind: string;
  heldOn: Dayjs;
  topic: string;
  laws?: string;
  lecturer?: string;
  attendees?: number;
  hours?: number;
  note?: string;
}

/** 登记学法活动: a 中心组学法, 会前学法, 讲座 or 培训 with its topic, laws studied and attendees. */
export default function SessionNewPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { code, org } = useCurrentOrg();
  const meta = useLearningMeta(code);
  const post = useLearningPost();
  const [error, setError] = useState<string | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  if (meta.data && !meta.data.can.manage)
    return <Forbidden title="不能登记学法活动" back="/learning/sessions" />;
  const onFinish = async (v: Values) => {
    setError(null);
    setSaving(true);
    try {
      const fileIds: number[] = [];
      for (const f of files) {
        if (!f.originFileObj) continue;
        const fd = new FormData();
        fd.append('file', f.originFileObj, f.name);
        const up = await apiUpload<{ id: number }>(`/api/files${queryString({ org: v.orgCode })}`, fd);
        fileIds.push(up.data.id);
      }
      await post.mutateAsync({
        path: 'sessions',
        body: {
          orgCode: v.orgCode,
          kind: v.kind,
          heldOn: toDate(v.heldOn),
          topic: v.topic.trim(),
          laws: v.laws?.trim() || null,
          lecturer: v.lecturer?.trim() || null,
          attendees: v.attendees ?? null,
          hours: v.hours ?? null,
          note: v.note?.trim() || null,
          fileIds,
        },
      });
      message.success('学法活动已登记');
      navigate('/learning/sessions');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Flex vertical gap={16} className="page">
      <Heading icon={<BookOutlined />} title="登记学法活动" org={org?.name} />
      <Card>
        <Form<Values>
          name="learning-session"
          aria-label="登记学法活动"
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ orgCode: code ?? undefined, kind: '党委理论学习中心组学法', heldOn: dayjs() }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="orgCode" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
                <OrgPicker selectable={(l) => ['county', 'township', 'village', 'office'].includes(l)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label="学法形式" rules={[{ required: true, message: '请选择学法形式' }]}>
                <Select options={(meta.data?.sessionKinds ?? []).map((k) => ({ value: k, label: k }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="heldOn"
                label="学习日期"
                rules={[{ required: true, message: '请选择学习日期' }]}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={disableFuture} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="lecturer" label="主讲人（领学人）">
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="topic"
                label="学习主题"
                rules={[{ required: true, whitespace: true, min: 2, message: '请填写学习主题' }]}
              >
                <Input maxLength={200} placeholder="如：学习习近平法治思想" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="laws" label="学习的法律法规">
                <Input.TextArea
                  rows={2}
                  maxLength={1000}
                  placeholder="如：《中华人民共和国宪法》《中华人民共和国行政复议法》"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="attendees" label="参加人数">
                <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="hours" label="学时">
                <InputNumber min={0.5} max={100} step={0.5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="note" label="备注">
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="佐证材料" help="签到表、会议记录、照片等（图片、PDF、Word）">
                <Upload
                  beforeUpload={() => false}
                  multiple
                  fileList={files}
                  onChange={({ fileList }) => setFiles(fileList)}
                >
                  <Button icon={<UploadOutlined />}>选择文件</Button>
                </Upload>
              </Form.Item>
            </Col>
          </Row>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
            <Button onClick={() => navigate('/learning/sessions')}>取消</Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
