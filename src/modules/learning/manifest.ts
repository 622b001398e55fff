import type { ModuleManifest } from '../../kernel/module.js';

/** 学法用法: the module's one export. */
export const learningModule: ModuleManifest = {
  id: 'learning',
  title: '学法用法',
};
