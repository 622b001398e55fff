import { z } from 'zod';

/**
 * A ledger's record type, described once: the single source for API validation, .xlsx template,
 * import and export columns, and the UI's form fields and table columns.
 */
export type FieldType =
  | 'text' // one line
  | 'longtext'
  | 'date' // YYYY-MM-DD, a date of legal effect (no time zone)
  | 'int'
  | 'decimal'
  | 'enum' // one of `options`
  | 'bool' // 是/否
  | 'idcard' // 公民身份号码, GB 11643 check digit
  | 'phone'
  | 'org'; // an org code (12-digit region or internal) inside the caller's scope

export interface FieldDef {
  key: string;
  label: string; // Chinese: column header and form label
  type: FieldType;
  required?: boolean;
  options?: readonly string[];
  /** Other headers real ledgers use for this column (e.g. 调处结果 for 调解结果). */
  aliases?: readonly string[];
  max?: number; // text: max length; int/decimal: max value
  min?: number;
  /** Personal data (身份证号, 电话): masked for roles that may not see it. */
  personal?: boolean;
  /** Shown in lists and exports (default true); false keeps a field to forms and detail pages. */
  list?: boolean;
  help?: string;
}

export interface RecordModel {
  id: string; // e.g. 'disputes.case'
  title: string; // e.g. '矛盾纠纷'
  fields: readonly FieldDef[];
}

export function fieldByKey(model: RecordModel, key: string): FieldDef {
  const f = model.fields.find((x) => x.key === key);
  if (!f) throw new Error(`${model.id} has no field ${key}`);
  return f;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fieldSchema(f: FieldDef): z.ZodType {
  const label = f.label;
  switch (f.type) {
    case 'text':
    case 'longtext':
    case 'org':
    case 'idcard':
    case 'phone':
      return z
        .string({ error: `${label}应为文本` })
        .trim()
        .max(f.max ?? (f.type === 'longtext' ? 5000 : 200), `${label}过长`);
    case 'date':
      return z.string({ error: `${label}应为日期` }).regex(DATE, `${label}应为 YYYY-MM-DD 格式的日期`);
    case 'int':
      return z
        .number({ error: `${label}应为整数` })
        .int(`${label}应为整数`)
        .min(f.min ?? 0, `${label}不能小于${f.min ?? 0}`)
        .max(f.max ?? 1e9, `${label}过大`);
    case 'decimal':
      return z
        .number({ error: `${label}应为数字` })
        .min(f.min ?? 0)
        .max(f.max ?? 1e12);
    case 'enum':
      return z.enum(f.options as [string, ...string[]], {
        error: `${label}应为:${(f.options ?? []).join('/')}`,
      });
    case 'bool':
      return z.boolean({ error: `${label}应为是或否` });
  }
}

/** The zod object for a model (unknown keys refused); `pick` limits it to the fields a form or step edits. */
export function modelSchema(model: RecordModel, pick?: readonly string[]): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const f of model.fields) {
    if (pick && !pick.includes(f.key)) continue;
    const s = fieldSchema(f);
    shape[f.key] = f.required ? s : s.nullable().optional();
  }
  return z.strictObject(shape);
}
