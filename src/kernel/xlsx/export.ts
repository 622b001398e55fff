/**
 * Rows of a RecordModel as a .xlsx ledger, in the template's layout so the file can be re-imported:
 * dates as real Excel dates, numbers as numbers, booleans as 是/否.
 */
import type ExcelJS from 'exceljs';
import type { FieldDef, RecordModel } from '../model.js';
import {
  FIRST_DATA_ROW,
  HEADER_ROW,
  INSTRUCTIONS_SHEET,
  layoutLedgerSheet,
  ledgerTitle,
  newWorkbook,
  OPTIONS_SHEET,
  sheetNameOf,
  TEMPLATE_LAST_ROW,
  workbookBuffer,
} from './template.js';

export interface ExportOptions {
  /** Title row text (default `<model.title>台账`). */
  title?: string;
  /** Worksheet name (default model.title). */
  sheetName?: string;
  /** Keys of the fields to write, in this order; default every field with `list !== false`. */
  fields?: readonly string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateCell(v: unknown): Date | null {
  if (v instanceof Date) {
    return Number.isNaN(v.getTime())
      ? null
      : new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()));
  }
  if (typeof v !== 'string') return null;
  const m = ISO_DATE.exec(v.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Refuse 2023-02-30 rather than let Date roll it over to March.
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : null;
}

/** A field value as the cell value to write. */
export function cellValueOf(f: FieldDef, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  switch (f.type) {
    case 'date':
      return dateCell(v) ?? String(v);
    case 'int':
    case 'decimal': {
      if (typeof v === 'number') return Number.isFinite(v) ? v : null;
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
      return Number.isFinite(n) ? n : String(v);
    }
    case 'bool':
      return v === true ? '是' : v === false ? '否' : String(v);
    default:
      return v instanceof Date ? (dateCell(v)?.toISOString().slice(0, 10) ?? '') : String(v);
  }
}

function pickFields(model: RecordModel, keys?: readonly string[]): FieldDef[] {
  if (!keys) return model.fields.filter((f) => f.list !== false);
  return keys.map((k) => {
    const f = model.fields.find((x) => x.key === k);
    if (!f) throw new Error(`${model.id} has no field ${k}`);
    return f;
  });
}

export async function exportRows(
  model: RecordModel,
  rows: readonly Record<string, unknown>[],
  opts: ExportOptions = {},
): Promise<Buffer> {
  const fields = pickFields(model, opts.fields);
  const wb = newWorkbook();
  const ws = wb.addWorksheet(sheetNameOf(opts.sheetName ?? model.title, [INSTRUCTIONS_SHEET, OPTIONS_SHEET]));
  const lastRow = FIRST_DATA_ROW + rows.length - 1;
  layoutLedgerSheet(wb, ws, fields, {
    title: ledgerTitle(opts.title ?? model.title),
    lastRow: Math.max(lastRow, TEMPLATE_LAST_ROW),
  });
  rows.forEach((r, i) => {
    const row = ws.getRow(FIRST_DATA_ROW + i);
    fields.forEach((f, j) => {
      const value = cellValueOf(f, r[f.key]);
      if (value === null) return;
      const cell = row.getCell(j + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  });
  if (fields.length > 0) {
    ws.autoFilter = {
      from: { row: HEADER_ROW, column: 1 },
      to: { row: Math.max(lastRow, HEADER_ROW), column: fields.length },
    };
  }
  return workbookBuffer(wb);
}
