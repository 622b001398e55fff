import type { ModuleManifest } from '../../kernel/module.js';

/** 政务公开: the module's one export. */
export const disclosureModule: ModuleManifest = {
  id: 'disclosure',
  title: '政务公开',
};
