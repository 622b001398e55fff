import { App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Result, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api';
import { OrgPicker } from '../../components/OrgPicker';
import { useCurrentOrg } from '../../currentOrg';
import { disableFuture, toDate } from '../../ledger/dates';
import { useCreateDocument, useNormdocsMeta } from '../../normdocs/queries';

interface Values {
  orgCode: string;
  title: string;
  docType: string;
  draftUnit?: string;
  summary?: string;
  body?: string;
  temporary?: boolean;
  draftedOn: Dayjs;
}

/** 起草: a new draft; the 统一登记号 comes later, from the org's sequence. */
export default function NormdocNewPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { code, org } = useCurrentOrg();
  const meta = useNormdocsMeta(code);
  const create = useCreateDocument();
  const [form] = Form.useForm<Values>();
  const title = Form.useWatch('title', form) ?? '';

  if (meta.data && !meta.data.can.draft) {
    return <Result status="403" title="无权起草规范性文件" subTitle="起草由制定机关的经办人员办理" />;
  }
  const issuer = org && (org.level === 'township' || org.level === 'county') ? org.code : undefined;

  const onFinish = async (v: Values) => {
    try {
      const r = await create.mutateAsync({
        orgCode: v.orgCode,
        title: v.title.trim(),
        docType: v.docType,
        draftUnit: v.draftUnit?.trim() || undefined,
        summary: v.summary?.trim() || undefined,
        body: v.body?.trim() || undefined,
        temporary: v.temporary ?? undefined,
        draftedOn: toDate(v.draftedOn),
      });
      message.success('已创建草案');
      navigate(`/normdocs/${r.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 860 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        起草行政规范性文件
      </Typography.Title>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          name="normdoc-new"
          aria-label="起草行政规范性文件"
          initialValues={{ orgCode: issuer, docType: '政府规范性文件', draftedOn: dayjs() }}
          onFinish={onFinish}
        >
          <Form.Item name="orgCode" label="制定机关" rules={[{ required: true, message: '请选择制定机关' }]}>
            <OrgPicker selectable={(level) => level === 'township' || level === 'county'} />
          </Form.Item>
          <Form.Item
            name="title"
            label="文件名称"
            rules={[
              { required: true, whitespace: true, message: '请填写文件名称' },
              { min: 4, message: '文件名称至少4个字' },
            ]}
          >
            <Input maxLength={200} placeholder="如:甲镇农村人居环境整治管理办法" />
          </Form.Item>
          <Form.Item name="docType" label="文件类型">
            <Select
              options={(meta.data?.docTypes ?? ['政府规范性文件']).map((v) => ({ value: v, label: v }))}
            />
          </Form.Item>
          <Form.Item name="draftUnit" label="起草单位(科室)">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="temporary"
            valuePropName="checked"
            help={
              /暂行|试行/.test(title)
                ? '文件名称含“暂行”或“试行”,有效期按暂行规定计算'
                : `有效期一般${meta.data?.settings.validityYears ?? 5}年,暂行、试行${meta.data?.settings.temporaryValidityYears ?? 2}年`
            }
          >
            <Checkbox>暂行/试行文件</Checkbox>
          </Form.Item>
          <Form.Item name="draftedOn" label="起草日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={disableFuture} inputReadOnly />
          </Form.Item>
          <Form.Item name="summary" label="起草说明" help="制定的目的、必要性、依据和主要内容">
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="body" label="正文" help="每段一行;公开征求意见时按段编号公布">
            <Input.TextArea rows={10} maxLength={100000} />
          </Form.Item>
          <Typography.Paragraph type="secondary">
            统一登记号由系统在“统一登记、编号、印发”环节按本机关序列自动编号,不能手工填写。
          </Typography.Paragraph>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              保存草案
            </Button>
            <Button onClick={() => navigate('/normdocs')}>取消</Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
