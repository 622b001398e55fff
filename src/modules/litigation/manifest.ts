import type { ModuleManifest } from '../../kernel/module.js';

/** 复议应诉: the module's one export. */
export const litigationModule: ModuleManifest = {
  id: 'litigation',
  title: '复议应诉',
};
