import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api';
import { useCurrentOrg } from '../currentOrg';
import { disableFuture, toDate } from '../ledger/dates';
import {
  type ActivityKind,
  type AdvisersMeta,
  type ContractItem,
  useAdvisersPost,
  useContracts,
} from './queries';

interface Values {
  contractId: number;
  kind: ActivityKind;
  on: Dayjs;
  orgCode: string;
  hours?: number;
  people?: number;
  way?: string;
  topic?: string;
  matters?: string;
}

/** 登记工作记录: one duty day, consultation, lecture or mediation of a contract. */
export function ActivityModal(props: {
  org: string;
  meta: AdvisersMeta | undefined;
  contract?:
    | ContractItem
    | { id: number; adviserName: string; orgCode: string; covers: { code: string; name: string | null }[] };
  onClose: () => void;
}) {
  const { byCode } = useCurrentOrg();
  const [form] = Form.useForm<Values>();
  const contracts = useContracts(
    { org: props.org, on: props.meta?.today, pageSize: 200 },
    !props.contract && Boolean(props.meta),
  );
  const list = props.contract ? [props.contract] : (contracts.data?.items ?? []);
  const contractId = Form.useWatch('contractId', form) ?? props.contract?.id;
  const kind = Form.useWatch('kind', form);
  const chosen = list.find((c) => c.id === contractId);
  const places = useMemo(() => {
    if (!chosen) return [];
    const out = new Map<string, string>();
    out.set(chosen.orgCode, byCode.get(chosen.orgCode)?.name ?? chosen.orgCode);
    for (const c of chosen.covers) {
      out.set(c.code, c.name ?? c.code);
      for (const child of byCode.get(c.code)?.children ?? [])
        if (child.level === 'village') out.set(child.code, child.name);
    }
    return [...out].map(([value, label]) => ({ value, label }));
  }, [chosen, byCode]);
  const post = useAdvisersPost<Record<string, unknown>, { id: number }>('/activities');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await post.mutateAsync({
        contractId: v.contractId ?? props.contract?.id,
        orgCode: v.orgCode,
        kind: v.kind,
        on: toDate(v.on),
        hours: v.kind === '坐班' ? (v.hours ?? null) : null,
        people: v.kind === '咨询' || v.kind === '讲座' ? (v.people ?? null) : null,
        way: v.kind === '咨询' ? (v.way ?? null) : null,
        topic: v.topic || null,
        matters: v.matters || null,
      });
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title="登记法律顾问工作"
      okText="登记"
      onOk={submit}
      onCancel={props.onClose}
      confirmLoading={post.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: '咨询', people: 1, way: '坐班', contractId: props.contract?.id }}
      >
        {!props.contract && (
          <Form.Item
            name="contractId"
            label="法律顾问"
            rules={[{ required: true, message: '请选择法律顾问' }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={contracts.isFetching}
              options={list.map((c) => ({
                value: c.id,
                label: `${c.adviserName}(${c.covers.map((o) => o.name).join('、')})`,
              }))}
              onChange={() => form.setFieldValue('orgCode', undefined)}
            />
          </Form.Item>
        )}
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Radio.Group options={(props.meta?.kinds ?? []).map((k) => ({ value: k.value, label: k.label }))} />
        </Form.Item>
        <Form.Item name="on" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={disableFuture} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="orgCode" label="地点(村/社区)" rules={[{ required: true, message: '请选择地点' }]}>
          <Select options={places} placeholder={chosen ? '选择地点' : '先选择法律顾问'} />
        </Form.Item>
        {kind === '坐班' && (
          <Form.Item
            name="hours"
            label="坐班时长(小时)"
            rules={[{ required: true, message: '请填写坐班时长' }]}
          >
            <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {(kind === '咨询' || kind === '讲座') && (
          <Form.Item
            name="people"
            label={kind === '咨询' ? '咨询人次' : '听众人次'}
            rules={kind === '咨询' ? [{ required: true, message: '请填写人次' }] : []}
          >
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {kind === '咨询' && (
          <Form.Item name="way" label="咨询方式" rules={[{ required: true }]}>
            <Radio.Group options={props.meta?.ways ?? []} />
          </Form.Item>
        )}
        <Form.Item
          name="topic"
          label={kind === '讲座' ? '讲座主题' : kind === '坐班' ? '坐班事项' : '事项'}
          rules={kind === '坐班' ? [] : [{ required: true, message: '请填写' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="matters" label="处理情况">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
