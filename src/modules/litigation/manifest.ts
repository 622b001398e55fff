import type { ModuleManifest } from '../../kernel/module.js';
import { importLitigation } from './import.js';
import { litigationIndicators } from './indicators.js';
import { LAWSUIT_LEDGER, RECONSIDERATION_LEDGER } from './model.js';
import { litigationReport } from './report.js';
import { litigationRoutes } from './routes.js';
import { litigationSamples } from './samples.js';
import { seedLitigation } from './seed.js';

const STAFF = ['系统管理员', '镇级管理员', '经办人'] as const;

/** 行政复议与行政应诉 (an org of ours is the 被申请人/被告): the module's one export. */
export const litigationModule: ModuleManifest = {
  id: 'litigation',
  title: '复议应诉',
  nav: [
    { path: '/litigation/lawsuits', title: '行政应诉', icon: 'file-protect' },
    { path: '/litigation/reconsiderations', title: '行政复议', icon: 'audit' },
  ],
  permissions: {
    'litigation.read': ['系统管理员', '县级监督', '镇级管理员', '经办人', '法律顾问', '领导'],
    'litigation.manage': STAFF,
    'litigation.import': STAFF,
    'litigation.personal': STAFF,
  },
  resources: {
    'litigation.reconsideration': { table: 'litigation_reconsideration' },
    'litigation.lawsuit': { table: 'litigation_lawsuit' },
    'litigation.hearing': { table: 'litigation_hearing' },
  },
  // The first model is the import template (行政应诉案件台账); the importer also takes a 复议台账.
  models: [LAWSUIT_LEDGER, RECONSIDERATION_LEDGER],
  routes: litigationRoutes,
  indicators: litigationIndicators,
  importLedger: importLitigation,
  report: litigationReport,
  reportClaims: [
    // "2022年上半年，共发生行政诉讼案件8件，行政机关负责人出庭应诉率100%" (seed 004).
    {
      indicator: 'litigation.headAppearanceRate',
      kind: 'rate',
      topic: /出庭|应诉|行政诉讼/,
      metric: '出庭应诉率',
    },
    {
      indicator: 'litigation.lawsuits',
      kind: 'count',
      topic: /行政诉讼|应诉/,
      verb: /发生|收到|共|新收|受理|应诉/,
      unit: /^件/,
    },
    // Only as 被申请人: "新收7件行政复议案件" (seed 004) is the 复议机关's caseload, not ours.
    {
      indicator: 'litigation.reconsiderations',
      kind: 'count',
      topic: /被申请|被复议|被提起行政复议/,
      verb: /发生|收到|共|新收|被申请|被复议/,
      unit: /^件/,
    },
    { indicator: 'litigation.correctionRate', kind: 'rate', topic: /行政复议|复议/, metric: '纠错率' },
    { indicator: 'litigation.lossRate', kind: 'rate', topic: /行政诉讼|应诉|败诉/, metric: '败诉率' },
  ],
  samples: litigationSamples,
  seedDemo: seedLitigation,
};
