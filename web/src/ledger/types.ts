/** Types shared by the ledger modules (矛盾纠纷, 信访 …): meta, indicators, import, timeline. */

export interface LedgerField {
  key: string;
  label: string;
  type: string;
  required?: boolean;
  options?: readonly string[];
  personal?: boolean;
  list?: boolean;
  aliases?: string[];
}

export interface IndicatorMeta {
  id: string;
  name: string;
  unit: string;
  formula: string;
}

export interface Figure {
  module: string;
  id: string;
  name: string;
  value: number | null;
  unit: string;
  formula: string;
  numerator?: number;
  denominator?: number;
  drill: string;
}

export interface IndicatorsResponse {
  from?: string;
  to?: string;
  figures: Figure[];
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  imported: number;
  errors: RowProblem[];
  warnings: RowProblem[];
}

export interface TimelineEntry {
  at: string;
  actor: string;
  action: string;
  label: string;
  on: string | null;
}

/** A person on a case (当事人, 信访人); personal fields come masked to users who may not see them. */
export interface CasePerson {
  id: number;
  name: string;
  idCard: string | null;
  phone: string | null;
  address: string | null;
}
