import type { ModuleManifest } from './kernel/module.js';
import { advisersModule } from './modules/advisers/manifest.js';
import { decisionsModule } from './modules/decisions/manifest.js';
import { disputesModule } from './modules/disputes/manifest.js';
import { enforcementModule } from './modules/enforcement/manifest.js';
import { normdocsModule } from './modules/normdocs/manifest.js';
import { petitionsModule } from './modules/petitions/manifest.js';

/** The registry: every module the platform runs, in menu order. */
export const modules: ModuleManifest[] = [
  disputesModule,
  petitionsModule,
  enforcementModule,
  normdocsModule,
  decisionsModule,
  advisersModule,
];
