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
  /** Demo data, built through the module's own services. */
  seedDemo?: (tx: Tx, opts: { seed: number; countyCode: string }) => Promise<void>;
}
