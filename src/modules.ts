import type { ModuleManifest } from './kernel/module.js';

/** The registry: every module the platform runs, in menu order. */
export const modules: ModuleManifest[] = [];
