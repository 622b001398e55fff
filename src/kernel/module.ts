import type { FastifyInstance } from 'fastify';
import type { Actor } from './audit.js';
import type { Config } from './config.js';
import type { Database, Tx } from './db/client.js';
import type { FileStore } from './files.js';

/** What the kernel hands to every module and route. */
export interface KernelContext {
  database: Database;
  config: Config;
  files: FileStore;
}

/** A record type whose rows carry org_code: the kernel resolves `:param` to its org and checks scope. */
export interface ResourceDef {
  table: string;
  idColumn?: string; // default 'id'
  orgColumn?: string; // default 'org_code'
}

/**
 * The one export of a module (DESIGN.md "Modules"). The kernel composes manifests; it never
 * imports a module's internals, and modules never import each other.
 */
export interface ModuleManifest {
  id: string; // URL segment and table prefix: /api/<id>, <id>_*
  title: string; // menu title, Chinese
  nav?: { path: string; title: string; icon?: string }[];
  /** Permission → roles holding it. */
  permissions?: Record<string, readonly string[]>;
  resources?: Record<string, ResourceDef>;
  /** Registered under the prefix /api/<id>. Every route declares `config.access`. */
  routes?: (app: FastifyInstance, ctx: KernelContext) => Promise<void> | void;
  /** Public routes, registered under /portal/<id> (each with `config.access = { public: true }`). */
  portalRoutes?: (app: FastifyInstance, ctx: KernelContext) => Promise<void> | void;
  /**
   * One record of each resource in `orgCode`, for the authorization matrix test: keys are
   * resource names, values the ids to put in routes' `:param`.
   */
  samples?: (tx: Tx, orgCode: string, actor: Actor) => Promise<Record<string, string | number>>;
  /** Record types: API validation, .xlsx template/import/export, UI forms. */
  models?: import('./model.js').RecordModel[];
  indicators?: IndicatorDef[];
  /** Import an old Excel ledger into `orgCode`'s subtree inside `tx`; the caller rolls back when errors come back. */
  importLedger?: (tx: Tx, data: Buffer, orgCode: string, actor: Actor) => Promise<ImportOutcome>;
  /** How hand-written reports speak of this module's figures, so the checker can compare them with the ledgers. */
  reportClaims?: ClaimMatcher[];
  /** The module's paragraphs for the annual report, from its figures. */
  report?: (figures: ReadonlyMap<string, { value: number | null }>) => ReportParagraph[];
  /** Demo data, built through the module's own services. */
  seedDemo?: (tx: Tx, opts: import('./demo/window.js').DemoOptions) => Promise<void>;
}

/** The window an indicator is computed over: an org subtree and a period of dates (inclusive). */
export interface IndicatorParams {
  orgCode: string;
  from: string; // YYYY-MM-DD
  to: string; // YYYY-MM-DD
  asOf: string; // the date "now" is for on-time rules (an open item past due counts late)
}

/**
 * A named figure over one ledger table. Counts and sums are `count(*)`/`sum(expr)` over the rows
 * matching `where`; a rate is numerator ÷ denominator × 100, both row sets of the same table, so
 * every figure has rows behind it (drill-down lists exactly the rows counted).
 */
export interface IndicatorDef {
  id: string; // '<module>.<name>', stable: report templates and the API refer to it
  name: string; // Chinese, e.g. 矛盾纠纷化解率
  unit: string; // 件, 起, 批, 人次, %
  formula: string; // Chinese, shown beside the figure
  /** The table (by SQL name) and its org column; the engine adds the subtree predicate. */
  table: string;
  orgColumn?: string; // default 'org_code'
  kind: 'count' | 'sum' | 'rate';
  /** SQL condition over `table` (no leading WHERE); for a rate, the numerator. */
  where: (p: IndicatorParams) => import('drizzle-orm').SQL;
  /** Rate only: the denominator's condition. */
  denominator?: (p: IndicatorParams) => import('drizzle-orm').SQL;
  /** Sum only: the summed expression. */
  sum?: import('drizzle-orm').SQL;
  /** Columns the figure can be broken down by (label → SQL expression). */
  breakdowns?: Record<string, import('drizzle-orm').SQL>;
  /** The list page that shows the rows: `${path}?indicator=<id>&part=numerator|denominator&org&from&to`. */
  drillPath: string;
  /** 示范指标 served, free text. */
  serves?: string;
}

/** The five parts of the annual report required by 《法治政府建设与责任落实督察工作规定》. */
export type ReportSection = 'achievements' | 'shortcomings' | 'leadership' | 'plans' | 'other';

/** A paragraph a module adds to the report; `{indicator.id}` placeholders become linked figures. */
export interface ReportParagraph {
  section: ReportSection;
  heading: string; // the （一）-level heading it belongs under, e.g. 矛盾纠纷多元化解
  template: string;
}

export interface ImportOutcome {
  imported: number;
  errors: { row: number; column: string; message: string }[];
  warnings: { row: number; column: string; message: string }[];
}

/**
 * A claim in a hand-written report that states one of the module's figures: the topic words of the
 * sentence, and for counts the verb just before the number ("排查矛盾纠纷546件") or its unit ("256批").
 */
export interface ClaimMatcher {
  indicator: string;
  kind: 'count' | 'rate';
  topic: RegExp;
  metric?: string; // rates: the checker's normalised metric, e.g. 化解率
  verb?: RegExp; // counts: the verb nearest before the number
  unit?: RegExp; // counts: the unit after it
}
