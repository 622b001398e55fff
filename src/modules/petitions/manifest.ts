import type { ModuleManifest } from '../../kernel/module.js';
import { importPetitions } from './import.js';
import { petitionIndicators } from './indicators.js';
import { PETITION_LEDGER } from './model.js';
import { petitionReport } from './report.js';
import { petitionRoutes } from './routes.js';
import { seedPetitions } from './seed.js';
import { createPetition } from './service.js';

/** 信访: the module's one export. */
export const petitionsModule: ModuleManifest = {
  id: 'petitions',
  title: '信访',
  nav: [{ path: '/petitions', title: '信访', icon: 'mail' }],
  permissions: {
    'petitions.read': ['系统管理员', '县级监督', '镇级管理员', '经办人', '领导'],
    'petitions.register': ['系统管理员', '镇级管理员', '经办人'],
    'petitions.handle': ['系统管理员', '镇级管理员', '经办人'],
    'petitions.import': ['系统管理员', '镇级管理员', '经办人'],
    'petitions.personal': ['系统管理员', '镇级管理员', '经办人'],
  },
  resources: { 'petitions.case': { table: 'petitions_case' } },
  models: [PETITION_LEDGER],
  routes: petitionRoutes,
  indicators: petitionIndicators,
  importLedger: importPetitions,
  report: petitionReport,
  reportClaims: [
    { indicator: 'petitions.resolutionRate', kind: 'rate', topic: /信访|来信|来访|接访/, metric: '化解率' },
    { indicator: 'petitions.batches', kind: 'count', topic: /信访|来访|接访/, unit: /^批/ },
    { indicator: 'petitions.persons', kind: 'count', topic: /信访|来访|接访/, unit: /^人次/ },
    {
      indicator: 'petitions.count',
      kind: 'count',
      topic: /信访/,
      verb: /受理|登记|收到|接收|办理/,
      unit: /^件/,
    },
  ],
  samples: async (tx, orgCode, actor) => {
    const c = await createPetition(
      tx,
      {
        orgCode,
        receivedOn: '2024-03-01',
        channel: '书信',
        origin: '直接提出',
        category: '申诉求决',
        subject: '样本信访件',
        summary: '样本:要求解决拖欠工程款',
        batchCount: 1,
        personCount: 1,
        petitioners: [{ name: '样本', isRepresentative: false }],
      },
      actor,
      '2024-03-01',
    );
    return { 'petitions.case': c.id };
  },
  seedDemo: seedPetitions,
};
