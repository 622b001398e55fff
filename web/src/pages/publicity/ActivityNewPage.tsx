import { TeamOutlined, UploadOutlined } from '@ant-design/icons';
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
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, apiUpload, errorMessage } from '../../api';
import { Forbidden } from '../../components/Forbidden';
import { OrgPicker } from '../../components/OrgPicker';
import { useCurrentOrg } from '../../currentOrg';
import { disableFuture, toDate } from '../../ledger/dates';
import { queryString } from '../../ledger/queries';
import type { OrgLevel } from '../../types';
import { BASE, useDuties, usePublicityMeta } from './queries';

interface Values {
  orgCode: string;
  heldOn: Dayjs;
  title: string;
  themes: string[];
  form: string;
  venueType: string;
  venueName?: string;
  reach: number;
  materials?: number;
  dutyId?: number;
  organiser?: string;
  note?: string;
}

const ACTIVITY_LEVELS: ReadonlySet<OrgLevel> = new Set(['county', 'township', 'office', 'village']);
const township = (code: string | undefined) =>
  code && /^\d{9}/.test(code) ? `${code.slice(0, 9)}000` : code;

/** 登记普法活动: the activity, the 谁执法谁普法 duty it fulfils, and photos as evidence. */
export default function ActivityNewPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { code, org } = useCurrentOrg();
  const meta = usePublicityMeta(code);
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const orgCode = Form.useWatch('orgCode', form);
  const heldOn = Form.useWatch('heldOn', form);
  const duties = useDuties(
    { org: township(orgCode), year: heldOn ? heldOn.year() : undefined },
    Boolean(orgCode && heldOn),
  );

  if (meta.data && !meta.data.can.manage) return <Forbidden title="不能登记普法活动" back="/publicity" />;

  const onFinish = async (v: Values) => {
    setError(null);
    setSaving(true);
    try {
      const created = await api.post<{ id: number }>(`${BASE}/activities`, {
        orgCode: v.orgCode,
        heldOn: toDate(v.heldOn),
        title: v.title,
        themes: v.themes,
        form: v.form,
        venueType: v.venueType,
        venueName: v.venueName || null,
        reach: v.reach ?? 0,
        materials: v.materials ?? 0,
        dutyId: v.dutyId ?? null,
        organiser: v.organiser || null,
        note: v.note || null,
      });
      for (const p of photos) {
        if (!p.originFileObj) continue;
        const fd = new FormData();
        fd.append('file', p.originFileObj, p.name);
        const up = await apiUpload<{ id: number }>(`/api/files${queryString({ org: v.orgCode })}`, fd);
        await api.post(`${BASE}/activities/${created.id}/photos`, { fileId: up.data.id });
      }
      message.success('活动已登记');
      navigate(`/publicity/${created.id}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <TeamOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          登记普法活动
        </Typography.Title>
      </Flex>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          name="publicity-activity"
          aria-label="登记普法活动"
          initialValues={{
            orgCode: org && ACTIVITY_LEVELS.has(org.level) ? (code ?? undefined) : undefined,
            reach: 0,
            materials: 0,
          }}
          onFinish={onFinish}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="orgCode"
                label="开展单位"
                rules={[{ required: true, message: '请选择开展单位' }]}
              >
                <OrgPicker selectable={(l) => ACTIVITY_LEVELS.has(l)} aria-label="开展单位" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="heldOn"
                label="活动日期"
                rules={[{ required: true, message: '请选择活动日期' }]}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={disableFuture} aria-label="活动日期" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="title"
                label="活动名称"
                rules={[{ required: true, whitespace: true, min: 2, message: '请填写活动名称' }]}
              >
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="themes"
                label="宣传主题"
                help="可多选，也可直接输入其他法律法规"
                rules={[{ required: true, type: 'array', min: 1, message: '请选择至少一个宣传主题' }]}
              >
                <Select
                  mode="tags"
                  aria-label="宣传主题"
                  options={(meta.data?.themes ?? []).map((t) => ({
                    value: t.value,
                    label: t.hint ? `${t.value}（${t.hint}）` : t.value,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="form" label="宣传形式" rules={[{ required: true, message: '请选择宣传形式' }]}>
                <Select
                  aria-label="宣传形式"
                  options={(meta.data?.forms ?? []).map((v) => ({ value: v, label: v }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="venueType"
                label="法律六进"
                rules={[{ required: true, message: '请选择法律六进类型' }]}
              >
                <Select
                  aria-label="法律六进"
                  options={(meta.data?.venueTypes ?? []).map((v) => ({ value: v, label: v }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="venueName" label="活动地点">
                <Input maxLength={100} autoComplete="off" placeholder="如：某某中心小学" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="reach"
                label="受众(人次)"
                rules={[{ required: true, message: '请填写受众人次' }]}
              >
                <InputNumber
                  min={0}
                  max={1_000_000}
                  precision={0}
                  style={{ width: '100%' }}
                  aria-label="受众人次"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="materials" label="发放资料(份)">
                <InputNumber
                  min={0}
                  max={1_000_000}
                  precision={0}
                  style={{ width: '100%' }}
                  aria-label="发放资料"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="dutyId"
                label="落实的普法责任(谁执法谁普法)"
                help="按开展单位所在乡镇和活动年度列出"
              >
                <Select
                  allowClear
                  aria-label="普法责任"
                  placeholder={orgCode && heldOn ? '选择责任单位' : '先选择开展单位和日期'}
                  options={(duties.data?.items ?? []).map((d) => ({
                    value: d.id,
                    label: `${d.unitName}（${d.year}年，已完成${d.done}/${d.planned}场）`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="organiser" label="主办单位">
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="note" label="备注">
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="活动照片" help="jpg、png 等图片，作为活动开展的佐证">
                <Upload
                  beforeUpload={() => false}
                  multiple
                  accept="image/*"
                  listType="picture"
                  fileList={photos}
                  onChange={({ fileList }) => setPhotos(fileList)}
                >
                  <Button icon={<UploadOutlined />}>选择照片</Button>
                </Upload>
              </Form.Item>
            </Col>
          </Row>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
            <Button onClick={() => navigate('/publicity')}>取消</Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
