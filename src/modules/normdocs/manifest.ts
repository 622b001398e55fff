import type { ModuleManifest } from '../../kernel/module.js';
import { importLedger } from './import.js';
import { normdocsIndicators } from './indicators.js';
import { DOCUMENT_LEDGER } from './model.js';
import { normdocsPortalRoutes } from './portal.js';
import { normdocsReport } from './report.js';
import { normdocsRoutes } from './routes.js';
import { normdocsSamples } from './samples.js';
import { seedNormdocs } from './seed.js';

const STAFF = ['系统管理员', '镇级管理员', '经办人'] as const;

/** 行政规范性文件: the module's one export. */
export const normdocsModule: ModuleManifest = {
  id: 'normdocs',
  title: '规范性文件',
  nav: [
    { path: '/normdocs', title: '规范性文件', icon: 'file-text' },
    { path: '/normdocs/filings', title: '备案审查', icon: 'file-protect' },
  ],
  permissions: {
    'normdocs.read': ['系统管理员', '县级监督', '镇级管理员', '经办人', '法律顾问', '领导'],
    // 起草、征求意见、送审、集体审议、登记编号印发、公布、报备、清理.
    'normdocs.draft': STAFF,
    // 合法性审核 (the reviewer: the legal adviser or the 司法所).
    'normdocs.review': ['系统管理员', '法律顾问'],
    // 备案审查 by the organ filed to.
    'normdocs.filingReview': ['系统管理员', '县级监督'],
    // 审查建议 from the public, handled by the county.
    'normdocs.supervise': ['系统管理员', '县级监督'],
    // Regional rules (审核期限、备案期限、有效期、编号格式).
    'normdocs.manage': ['系统管理员'],
    'normdocs.import': STAFF,
    // The contact a citizen left with a 审查建议.
    'normdocs.personal': ['系统管理员', '县级监督'],
  },
  resources: {
    'normdocs.document': { table: 'normdocs_document' },
    'normdocs.suggestion': { table: 'normdocs_suggestion' },
  },
  models: [DOCUMENT_LEDGER],
  routes: normdocsRoutes,
  portalRoutes: normdocsPortalRoutes,
  indicators: normdocsIndicators,
  importLedger,
  report: normdocsReport,
  reportClaims: [
    // "规范性文件报备率、报备合格率、报备及时率达到 100%": the checker's metrics 报备率, 报备合格率, 报备及时率.
    { indicator: 'normdocs.filingRate', kind: 'rate', topic: /规范性文件|报备|备案/, metric: '报备率' },
    {
      indicator: 'normdocs.filingOnTimeRate',
      kind: 'rate',
      topic: /规范性文件|报备|备案/,
      metric: '报备及时率',
    },
    {
      indicator: 'normdocs.filingPassRate',
      kind: 'rate',
      topic: /规范性文件|报备|备案/,
      metric: '报备合格率',
    },
    { indicator: 'normdocs.reviewRate', kind: 'rate', topic: /规范性文件/, metric: '审核率' },
    {
      // "制发行政规范性文件1条"
      indicator: 'normdocs.issued',
      kind: 'count',
      topic: /规范性?文件/,
      verb: /(制发|制定|出台|印发|发布)[^,，。;；]{0,10}规范性?文件$/,
      unit: /^(件|条|份|个)/,
    },
    {
      indicator: 'normdocs.cleanedUp',
      kind: 'count',
      topic: /清理/,
      verb: /清理[^,，。;；]{0,10}文件$/,
      unit: /^(件|条|份)/,
    },
  ],
  samples: normdocsSamples,
  seedDemo: seedNormdocs,
};
