import type { ModuleManifest } from './kernel/module.js';
import { disputesModule } from './modules/disputes/manifest.js';
import { enforcementModule } from './modules/enforcement/manifest.js';
import { petitionsModule } from './modules/petitions/manifest.js';

/** The registry: every module the platform runs, in menu order. */
export const modules: ModuleManifest[] = [disputesModule, petitionsModule, enforcementModule];
