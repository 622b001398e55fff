import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../api';
import { disableFuture, toDate } from '../ledger/dates';

type Option = string | { value: string; label: string };

/** One field of a step form (the ledger's kinds plus multi-selects, money and future dates). */
export type CaseField = {
  name: string;
  label: string;
  required?: string;
  help?: ReactNode;
  placeholder?: string;
} & (
  | { kind: 'text'; max?: number }
  | { kind: 'textarea'; max?: number; rows?: number }
  | { kind: 'select'; options: readonly Option[] }
  | { kind: 'multi'; options: readonly Option[] }
  | { kind: 'radio'; options: readonly Option[] }
  | { kind: 'number'; min: number; max: number; unit?: string }
  | { kind: 'money' }
  | { kind: 'date'; future?: boolean }
  | { kind: 'checkbox'; text: string }
);

export interface CaseStepSpec {
  /** Label of the step's date (`on`, default today); null: no date. */
  dateLabel: string | null;
  fields: CaseField[];
  done: string;
  note?: ReactNode;
}

export type FormValues = Record<string, unknown>;

const toOptions = (list: readonly Option[]) =>
  list.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));

function rules(field: CaseField): Rule[] {
  if (!field.required) return [];
  if (field.kind === 'text' || field.kind === 'textarea')
    return [{ required: true, whitespace: true, message: field.required }];
  if (field.kind === 'multi') return [{ required: true, type: 'array', min: 1, message: field.required }];
  return [{ required: true, message: field.required }];
}

function FieldInput(props: { field: CaseField } & Record<string, unknown>): ReactNode {
  const { field, ...bound } = props;
  switch (field.kind) {
    case 'text':
      return <Input {...bound} maxLength={field.max} autoComplete="off" placeholder={field.placeholder} />;
    case 'textarea':
      return (
        <Input.TextArea
          {...bound}
          rows={field.rows ?? 3}
          maxLength={field.max}
          showCount={Boolean(field.max)}
          placeholder={field.placeholder}
        />
      );
    case 'select':
      return (
        <Select
          {...bound}
          placeholder={field.placeholder ?? `选择${field.label}`}
          options={toOptions(field.options)}
        />
      );
    case 'multi':
      return (
        <Select
          {...bound}
          mode="multiple"
          placeholder={field.placeholder ?? `选择${field.label}`}
          options={toOptions(field.options)}
        />
      );
    case 'radio':
      return <Radio.Group {...bound} optionType="button" options={toOptions(field.options)} />;
    case 'number':
      return (
        <InputNumber
          {...bound}
          min={field.min}
          max={field.max}
          precision={0}
          suffix={field.unit}
          style={{ width: '100%' }}
        />
      );
    case 'money':
      return <InputNumber {...bound} min={0} precision={2} suffix="元" style={{ width: '100%' }} />;
    case 'date':
      return (
        <DatePicker
          {...bound}
          style={{ width: '100%' }}
          disabledDate={field.future ? undefined : disableFuture}
          inputReadOnly
          placeholder={field.placeholder}
        />
      );
    case 'checkbox':
      return <Checkbox {...bound}>{field.text}</Checkbox>;
  }
}

/** Trimmed strings, dates as YYYY-MM-DD, arrays and numbers as they are; empty values left out. */
export function formBody(values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      const t = value.trim();
      if (t) body[key] = t;
    } else if (typeof value === 'number' || typeof value === 'boolean' || Array.isArray(value)) {
      body[key] = value;
    } else if (dayjs.isDayjs(value)) {
      body[key] = toDate(value as Dayjs);
    }
  }
  return body;
}

/** The fields of a spec inside an antd Form. */
export function CaseFields(props: { fields: CaseField[] }) {
  return (
    <>
      {props.fields.map((field) => (
        <Form.Item
          key={field.name}
          name={field.name}
          label={field.kind === 'checkbox' ? undefined : field.label}
          extra={field.help}
          rules={rules(field)}
          {...(field.kind === 'checkbox' ? { valuePropName: 'checked' } : {})}
        >
          <FieldInput field={field} />
        </Form.Item>
      ))}
    </>
  );
}

/** A case step's modal; the server's refusal shows inside it as it comes (e.g. the missing steps). */
export function CaseStepModal(props: {
  name: string;
  title: string;
  label: string;
  spec: CaseStepSpec;
  initialValues?: FormValues;
  submit: (body: Record<string, unknown>) => Promise<unknown>;
  pending: boolean;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { spec } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: FormValues) => {
    setError(null);
    try {
      await props.submit(formBody(values));
      message.success(spec.done);
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText="确定"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      afterClose={props.afterClose}
      confirmLoading={props.pending}
      destroyOnHidden
      mask={{ closable: false }}
      width={600}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ ...(spec.dateLabel ? { on: dayjs() } : {}), ...props.initialValues }}
        onFinish={onFinish}
        aria-label={props.label}
        name={props.name}
      >
        {spec.note && <Alert type="info" showIcon title={spec.note} className="step-note" />}
        {spec.dateLabel && (
          <Form.Item name="on" label={spec.dateLabel} rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={disableFuture} inputReadOnly />
          </Form.Item>
        )}
        <CaseFields fields={spec.fields} />
        {error && <Alert type="error" showIcon role="alert" title={error} data-testid="step-error" />}
      </Form>
    </Modal>
  );
}
