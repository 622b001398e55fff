import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api';
import { PageError, PageSpin } from '../../components/PageState';
import { CaseTimeline } from '../../ledger/CaseTimeline';
import { toDate } from '../../ledger/dates';
import { StepModal } from '../../ledger/StepModal';
import { DeadlineCard, dash, OutcomeTag } from './parts';
import {
  type Hearing,
  type LawsuitDetail,
  type LitigationMeta,
  useLitigationMeta,
  useLitigationPost,
  useLitigationRecord,
  useLitigationStep,
} from './queries';
import { lawsuitSpec } from './steps';

function HearingModal(props: { id: string; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const add = useLitigationPost<unknown>(`/lawsuits/${props.id}/hearings`);
  const [form] = Form.useForm<{ hearingOn: Dayjs; courtNotifiedHead?: boolean }>();
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open={props.open}
      title="登记开庭"
      okText="确定"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="hearing-new"
        aria-label="登记开庭"
        onFinish={async (v) => {
          setError(null);
          try {
            await add.mutateAsync({
              hearingOn: toDate(v.hearingOn),
              courtNotifiedHead: Boolean(v.courtNotifiedHead),
            });
            message.success('已登记开庭，出庭记录期限为开庭当日');
            props.onClose();
          } catch (err) {
            setError(errorMessage(err));
          }
        }}
      >
        <Form.Item name="hearingOn" label="开庭日期" rules={[{ required: true, message: '请选择开庭日期' }]}>
          <DatePicker inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="courtNotifiedHead"
          valuePropName="checked"
          extra="法院通知负责人出庭的，应于开庭3日前送达通知书（最高法规定第五条）"
        >
          <Checkbox>法院已通知行政机关负责人出庭</Checkbox>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

interface AppearanceValues {
  headAppeared: 'yes' | 'no';
  headName?: string;
  headPost?: string;
  headRole?: string;
  delegateName?: string;
  delegatePost?: string;
  absenceReason?: string;
  proofSubmitted?: boolean;
  note?: string;
}

function AppearanceModal(props: {
  lawsuitId: string;
  hearing: Hearing | null;
  meta: LitigationMeta | undefined;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const h = props.hearing;
  const save = useLitigationPost<LawsuitDetail>(`/hearings/${h?.id ?? 0}/appearance`, {
    path: 'lawsuits',
    id: props.lawsuitId,
  });
  const [form] = Form.useForm<AppearanceValues>();
  const appeared = Form.useWatch('headAppeared', form);
  const [error, setError] = useState<string | null>(null);
  const opt = (xs: string[] | undefined) => (xs ?? []).map((v) => ({ value: v, label: v }));
  const t = (s?: string) => s?.trim() || undefined;
  return (
    <Modal
      open={h !== null}
      title={`登记出庭情况（开庭 ${h?.hearingOn ?? ''}）`}
      okText="确定"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="appearance"
        aria-label="登记出庭情况"
        initialValues={{ headAppeared: 'yes', headRole: '正职' }}
        onFinish={async (v) => {
          setError(null);
          try {
            const yes = v.headAppeared === 'yes';
            await save.mutateAsync({
              headAppeared: yes,
              ...(yes
                ? { headName: t(v.headName), headPost: t(v.headPost), headRole: v.headRole }
                : { absenceReason: v.absenceReason, proofSubmitted: Boolean(v.proofSubmitted) }),
              delegateName: t(v.delegateName),
              delegatePost: t(v.delegatePost),
              note: t(v.note),
            });
            message.success('已登记出庭情况');
            props.onClose();
          } catch (err) {
            setError(errorMessage(err));
          }
        }}
      >
        <Form.Item name="headAppeared" label="行政机关负责人是否出庭" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'yes', label: '负责人出庭' },
              { value: 'no', label: '负责人未出庭' },
            ]}
          />
        </Form.Item>
        {appeared !== 'no' ? (
          <>
            <Form.Item
              name="headName"
              label="出庭负责人姓名"
              rules={[{ required: true, whitespace: true, message: '请填写出庭负责人姓名' }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="headPost"
              label="职务"
              rules={[{ required: true, whitespace: true, message: '请填写职务' }]}
            >
              <Input maxLength={50} placeholder="如：镇长、副镇长" />
            </Form.Item>
            <Form.Item
              name="headRole"
              label="负责人类别"
              rules={[{ required: true, message: '请选择负责人类别' }]}
              extra="受委托组织或者下级行政机关的负责人不能作为被诉行政机关负责人出庭（最高法规定第二条）"
            >
              <Select options={opt(props.meta?.headRoles)} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="absenceReason"
              label="不能出庭的事由"
              rules={[{ required: true, message: '请选择事由' }]}
            >
              <Select options={opt(props.meta?.absenceReasons)} />
            </Form.Item>
            <Form.Item name="proofSubmitted" valuePropName="checked">
              <Checkbox>已向法院提交加盖印章或主要负责人签字的书面说明</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item
          name="delegateName"
          label="委托出庭的工作人员"
          rules={
            appeared === 'no'
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: '负责人不能出庭的，应当委托相应的工作人员出庭',
                  },
                ]
              : []
          }
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="delegatePost" label="工作人员职务">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

function flow(d: LawsuitDetail) {
  const heard = d.hearings.filter((h) => h.held);
  const steps = [
    { title: '收到起诉状', on: d.filedOn },
    { title: '答辩举证', on: d.answeredOn },
    { title: '开庭', on: heard[0]?.hearingOn ?? null },
    { title: '裁判', on: d.judgedOn },
  ];
  let current = steps.findIndex((s) => !s.on);
  if (current === -1) current = steps.length - 1;
  return {
    current,
    items: steps.map((s, i) => ({
      title: s.title,
      content: s.on ?? undefined,
      status: (s.on ? 'finish' : i === current ? 'process' : 'wait') as 'finish' | 'process' | 'wait',
    })),
  };
}

/** 应诉案件: 答辩, 开庭 with the 负责人出庭 record, 裁判, 上诉, 司法/检察建议. */
export default function LawsuitDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const rec = useLitigationRecord<LawsuitDetail>('lawsuits', id);
  const meta = useLitigationMeta(rec.data?.orgCode);
  const step = useLitigationStep<LawsuitDetail>('lawsuits', id);
  const [active, setActive] = useState<{ step: string; label: string } | null>(null);
  const [open, setOpen] = useState(false);
  const [hearingOpen, setHearingOpen] = useState(false);
  const [appearance, setAppearance] = useState<Hearing | null>(null);
  if (rec.isPending) return <PageSpin />;
  if (rec.isError) return <PageError title="案件加载失败" error={rec.error} onRetry={() => rec.refetch()} />;
  const d = rec.data;
  const can = meta.data?.can.manage;
  const f = flow(d);

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap="wrap">
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/litigation/lawsuits')}
          aria-label="返回台账"
        />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {d.caseNo ?? `应诉案件 #${d.id}`}
        </Typography.Title>
        <Tag>{d.instance}</Tag>
        <OutcomeTag type={d.judgmentType} />
        {d.appealed && <Tag color="purple">已上诉</Tag>}
      </Flex>
      <Card size="small">
        <Steps size="small" current={f.current} items={f.items} />
      </Card>
      {can && (
        <Card size="small" title="办理">
          <Flex gap={8} wrap="wrap">
            {d.allowedSteps.map((s) => (
              <Button
                key={s.step}
                type={s.step === 'answer' || s.step === 'judge' ? 'primary' : 'default'}
                data-testid={`step-${s.step}`}
                onClick={() => {
                  setActive(s);
                  setOpen(true);
                }}
              >
                {s.label}
              </Button>
            ))}
            {!d.judgmentType && (
              <Button data-testid="step-hearing" onClick={() => setHearingOpen(true)}>
                登记开庭
              </Button>
            )}
          </Flex>
        </Card>
      )}
      <Card size="small" title="案件信息">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="被告">{dash(d.orgName)}</Descriptions.Item>
          <Descriptions.Item label="受诉法院">{d.court}</Descriptions.Item>
          <Descriptions.Item label="原告">{`${d.plaintiffName}（${d.plaintiffKind}）`}</Descriptions.Item>
          <Descriptions.Item label="证件号码">{dash(d.plaintiffIdNo)}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{dash(d.plaintiffPhone)}</Descriptions.Item>
          <Descriptions.Item label="行为类别">{d.actKind}</Descriptions.Item>
          <Descriptions.Item label="被诉行政行为" span={3}>
            {d.act}
          </Descriptions.Item>
          <Descriptions.Item label="收到起诉状副本">{d.filedOn}</Descriptions.Item>
          <Descriptions.Item label="答辩举证">{dash(d.answeredOn)}</Descriptions.Item>
          <Descriptions.Item label="裁判">
            {d.judgmentType ? `${d.judgedOn} ${d.judgmentType}` : dash(null)}
          </Descriptions.Item>
          <Descriptions.Item label="上诉">
            {d.appealed ? `${d.appealedOn ?? ''} ${d.appealBy ?? ''}上诉` : dash(null)}
          </Descriptions.Item>
          <Descriptions.Item label="复议案件">
            {d.reconsiderationId ? (
              <Link to={`/litigation/reconsiderations/${d.reconsiderationId}`}>#{d.reconsiderationId}</Link>
            ) : (
              dash(null)
            )}
          </Descriptions.Item>
          <Descriptions.Item label="关联执法案件">
            {d.enforcementCaseId ? (
              <Link to={`/enforcement/${d.enforcementCaseId}`}>#{d.enforcementCaseId}</Link>
            ) : (
              dash(null)
            )}
          </Descriptions.Item>
          {d.suggestionKind && (
            <Descriptions.Item label={d.suggestionKind} span={3}>
              {`${d.suggestionReceivedOn} 收到：${d.suggestionContent ?? ''}`}
              {d.suggestionRepliedOn
                ? `；${d.suggestionRepliedOn} 回复：${d.suggestionReply ?? ''}`
                : '；尚未回复'}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title="开庭与负责人出庭应诉">
        <Table<Hearing>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 760 }}
          dataSource={d.hearings}
          aria-label="开庭记录"
          locale={{ emptyText: '尚未登记开庭' }}
          columns={[
            { title: '开庭日期', dataIndex: 'hearingOn', key: 'hearingOn', width: 110 },
            {
              title: '法院通知出庭',
              key: 'notified',
              width: 110,
              render: (_, h) => (h.courtNotifiedHead ? '是' : '否'),
            },
            {
              title: '负责人出庭',
              key: 'head',
              render: (_, h) =>
                h.headAppeared === null ? (
                  <Tag>{h.held ? '待登记' : '未到开庭日'}</Tag>
                ) : h.headAppeared ? (
                  <Tag color="green">{`${h.headPost ?? ''} ${h.headName ?? ''}（${h.headRole ?? ''}）出庭`}</Tag>
                ) : (
                  <Flex gap={4} wrap="wrap">
                    <Tag color="red">负责人未出庭</Tag>
                    <span>{h.absenceReason}</span>
                    {h.proofSubmitted ? <Tag>已提交说明</Tag> : <Tag color="orange">未提交说明</Tag>}
                  </Flex>
                ),
            },
            {
              title: '委托出庭人员',
              key: 'delegate',
              width: 160,
              render: (_, h) => dash(h.delegateName && `${h.delegateName} ${h.delegatePost ?? ''}`),
            },
            {
              title: '',
              key: 'action',
              width: 120,
              render: (_, h) =>
                can && h.held ? (
                  <Button
                    size="small"
                    data-testid={`appearance-${h.hearingOn}`}
                    onClick={() => setAppearance(h)}
                  >
                    {h.headAppeared === null ? '登记出庭情况' : '修改'}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <DeadlineCard deadlines={d.deadlines} />
      <CaseTimeline entries={d.timeline} />
      {active && (
        <StepModal
          name={`step-${active.step}`}
          title={active.label}
          label={active.label}
          spec={lawsuitSpec(active.step, meta.data)}
          submit={async (body) => {
            const r = await step.mutateAsync({ step: active.step, body });
            if (r.warning) message.warning(r.warning);
            return r;
          }}
          pending={step.isPending}
          open={open}
          onClose={() => setOpen(false)}
          afterClose={() => setActive(null)}
        />
      )}
      <HearingModal id={id} open={hearingOpen} onClose={() => setHearingOpen(false)} />
      <AppearanceModal
        lawsuitId={id}
        hearing={appearance}
        meta={meta.data}
        onClose={() => setAppearance(null)}
      />
    </Flex>
  );
}
