import type { ModuleManifest } from '../../kernel/module.js';

/** 普法宣传: the module's one export. */
export const publicityModule: ModuleManifest = {
  id: 'publicity',
  title: '普法宣传',
};
