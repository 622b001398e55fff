import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../api';
import { disableFuture, toDate } from './dates';

type Option = string | { value: string; label: string };

/** One field of a workflow step's form, besides the step's date. */
export type StepField = {
  name: string;
  label: string;
  /** Makes the field required; the message shown when it is empty. */
  required?: string;
  help?: ReactNode;
  placeholder?: string;
} & (
  | { kind: 'text'; max?: number; minChars?: number }
  | { kind: 'textarea'; max?: number; minChars?: number; rows?: number }
  | { kind: 'select'; options: readonly Option[]; allowClear?: boolean }
  | { kind: 'multi'; options: readonly Option[] }
  | { kind: 'radio'; options: readonly Option[] }
  | { kind: 'number'; min: number; max: number; unit?: string }
  | { kind: 'money' }
  /** `future`: dates ahead are allowed (a hearing date, an expiry date). */
  | { kind: 'date'; future?: boolean }
  | { kind: 'checkbox'; text: string }
);

/** What a step's modal shows: its date (the API's `on`), its fields, the toast after it is done. */
export interface StepSpec {
  /** Label of the `on` date field (default today, no future dates); null: the step takes no date. */
  dateLabel: string | null;
  fields: StepField[];
  /** Toast after the server accepted the step. */
  done: string;
  /** A note above the fields, e.g. the legal limit the step starts. */
  note?: ReactNode;
}

export type StepValues = Record<string, string | number | boolean | string[] | Dayjs | null | undefined>;

const options = (list: readonly Option[]) =>
  list.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));

function rules(field: StepField): Rule[] {
  const out: Rule[] = [];
  if (field.required) {
    out.push(
      field.kind === 'text' || field.kind === 'textarea'
        ? { required: true, whitespace: true, message: field.required }
        : field.kind === 'multi'
          ? { required: true, type: 'array', min: 1, message: field.required }
          : { required: true, message: field.required },
    );
  }
  if ((field.kind === 'text' || field.kind === 'textarea') && field.minChars) {
    const n = field.minChars;
    const message = field.required ?? `至少${n}个字`;
    out.push({
      validator: (_: unknown, value?: string) =>
        !value || value.trim().length >= n ? Promise.resolve() : Promise.reject(new Error(message)),
    });
  }
  return out;
}

/**
 * The control of a field. Form.Item injects `id`, `value`/`checked` and `onChange` into its direct
 * child: they are passed on to the antd control.
 */
function FieldInput(props: { field: StepField } & Record<string, unknown>): ReactNode {
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
          allowClear={field.allowClear}
          options={options(field.options)}
        />
      );
    case 'multi':
      return (
        <Select
          {...bound}
          mode="multiple"
          placeholder={field.placeholder ?? `选择${field.label}`}
          options={options(field.options)}
        />
      );
    case 'radio':
      return <Radio.Group {...bound} optionType="button" options={options(field.options)} />;
    case 'number':
      return (
        <InputNumber
          {...bound}
          min={field.min}
          max={field.max}
          precision={0}
          suffix={field.unit}
          placeholder={field.placeholder}
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

/** Trimmed strings; empty optional fields left out; dates as YYYY-MM-DD; numbers, booleans and lists as they are. */
export function stepBody(values: StepValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      const t = value.trim();
      if (t) body[key] = t;
    } else if (typeof value === 'number' || typeof value === 'boolean' || Array.isArray(value)) {
      body[key] = value;
    } else {
      body[key] = toDate(value);
    }
  }
  return body;
}

/** The fields of a spec inside an antd Form. */
export function StepFields(props: { fields: StepField[] }) {
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

/**
 * The modal of one workflow step, driven by its {@link StepSpec}. `submit` posts the body; a refusal
 * (409 and the like) shows inside the modal with the server's message, as it comes.
 */
export function StepModal(props: {
  /** Form name (and test hook), e.g. `step-accept`. */
  name: string;
  title: string;
  /** The step's button label (the form's accessible name). */
  label: string;
  spec: StepSpec;
  initialValues?: StepValues;
  submit: (body: Record<string, unknown>) => Promise<unknown>;
  pending: boolean;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  width?: number;
}) {
  const { spec } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: StepValues) => {
    setError(null);
    try {
      await props.submit(stepBody(values));
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
      width={props.width}
    >
      <Form<StepValues>
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
        <StepFields fields={spec.fields} />
        {error && <Alert type="error" showIcon role="alert" title={error} data-testid="step-error" />}
      </Form>
    </Modal>
  );
}
