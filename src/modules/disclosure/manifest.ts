import type { ModuleManifest } from '../../kernel/module.js';
import { importItems } from './import.js';
import { disclosureIndicators } from './indicators.js';
import { ITEM_LEDGER, REQUEST_LEDGER } from './model.js';
import { disclosurePortalRoutes } from './portal.js';
import { disclosureReport } from './report.js';
import { disclosureRoutes } from './routes.js';
import { disclosureSamples } from './samples.js';
import { seedDisclosure } from './seed.js';

const STAFF = ['系统管理员', '镇级管理员', '经办人'] as const;

/** 政务公开 (《政府信息公开条例》2019): the module's one export. */
export const disclosureModule: ModuleManifest = {
  id: 'disclosure',
  title: '政务公开',
  nav: [
    { path: '/disclosure/items', title: '主动公开', icon: 'folder-open' },
    { path: '/disclosure/requests', title: '依申请公开', icon: 'profile' },
    { path: '/disclosure/annual-report', title: '公开年报统计表', icon: 'bar-chart' },
  ],
  permissions: {
    'disclosure.read': ['系统管理员', '县级监督', '镇级管理员', '经办人', '法律顾问', '领导'],
    'disclosure.manage': STAFF,
    'disclosure.import': STAFF,
    'disclosure.personal': STAFF,
    // 第三十三条: 延长答复期限须经政府信息公开工作机构负责人同意.
    'disclosure.approveExtension': ['镇级管理员', '领导'],
  },
  resources: {
    'disclosure.item': { table: 'disclosure_item' },
    'disclosure.request': { table: 'disclosure_request' },
  },
  // The first model is the kernel's /template.xlsx and /import (主动公开台账); 依申请 has /requests/import.
  models: [ITEM_LEDGER, REQUEST_LEDGER],
  routes: disclosureRoutes,
  portalRoutes: disclosurePortalRoutes,
  indicators: disclosureIndicators,
  importLedger: importItems,
  report: disclosureReport,
  reportClaims: [
    // "主动公开政府信息1200余条" / "公开各类政府信息356条".
    {
      indicator: 'disclosure.itemsPublished',
      kind: 'count',
      topic: /政务公开|政府信息|信息公开|政务动态|政务信息/,
      verb: /(公开|公布|发布)[^,，。;；]{0,8}$/,
      unit: /^条/,
    },
    // "办理依申请公开12件" / "收到政府信息公开申请5件".
    {
      indicator: 'disclosure.requestsReceived',
      kind: 'count',
      topic: /依申请公开|信息公开申请/,
      verb: /收到|受理|办理|申请$/,
      unit: /^件/,
    },
    { indicator: 'disclosure.onTimeReplyRate', kind: 'rate', topic: /依申请|信息公开申请/, metric: '答复率' },
  ],
  samples: disclosureSamples,
  seedDemo: seedDisclosure,
};
