import type { ModuleManifest } from './kernel/module.js';
import { advisersModule } from './modules/advisers/manifest.js';
import { decisionsModule } from './modules/decisions/manifest.js';
import { disclosureModule } from './modules/disclosure/manifest.js';
import { disputesModule } from './modules/disputes/manifest.js';
import { enforcementModule } from './modules/enforcement/manifest.js';
import { learningModule } from './modules/learning/manifest.js';
import { litigationModule } from './modules/litigation/manifest.js';
import { normdocsModule } from './modules/normdocs/manifest.js';
import { petitionsModule } from './modules/petitions/manifest.js';
import { publicityModule } from './modules/publicity/manifest.js';

/** The registry: every module the platform runs, in menu order. */
export const modules: ModuleManifest[] = [
  disputesModule,
  petitionsModule,
  enforcementModule,
  normdocsModule,
  decisionsModule,
  advisersModule,
  litigationModule,
  disclosureModule,
  learningModule,
  publicityModule,
];
