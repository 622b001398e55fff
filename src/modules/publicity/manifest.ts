import type { ModuleManifest } from '../../kernel/module.js';
import { importActivities } from './import.js';
import { publicityIndicators } from './indicators.js';
import { ACTIVITY_LEDGER } from './model.js';
import { publicityPortalRoutes } from './portal.js';
import { publicityReport } from './report.js';
import { publicityRoutes } from './routes.js';
import { publicitySamples } from './samples.js';
import { seedPublicity } from './seed.js';

const STAFF = ['系统管理员', '镇级管理员', '经办人'] as const;

/** 普法宣传: the module's one export. */
export const publicityModule: ModuleManifest = {
  id: 'publicity',
  title: '普法宣传',
  nav: [
    { path: '/publicity', title: '普法活动', icon: 'team' },
    { path: '/publicity/duties', title: '谁执法谁普法', icon: 'audit' },
    { path: '/publicity/sites', title: '法治宣传阵地', icon: 'aim' },
  ],
  permissions: {
    'publicity.read': ['系统管理员', '县级监督', '镇级管理员', '经办人', '法律顾问', '领导'],
    'publicity.manage': STAFF,
    'publicity.import': STAFF,
    'publicity.personal': STAFF,
  },
  resources: {
    'publicity.activity': { table: 'publicity_activity' },
    'publicity.photo': { table: 'publicity_photo' },
    'publicity.duty': { table: 'publicity_duty' },
    'publicity.site': { table: 'publicity_site' },
  },
  models: [ACTIVITY_LEDGER],
  routes: publicityRoutes,
  portalRoutes: publicityPortalRoutes,
  indicators: publicityIndicators,
  importLedger: (tx, data, orgCode, actor) => importActivities(tx, data, orgCode, actor),
  report: publicityReport,
  reportClaims: [
    // "共开展50余次法治宣传活动,其中进学校10次" (seed 002); "开展法治宣传活动20余次" (seed 004).
    {
      indicator: 'publicity.inSchools',
      kind: 'count',
      topic: /普法|法治宣传|宣传活动|进学校|进校园/,
      verb: /进学校|进校园/,
      unit: /^(次|场)/,
    },
    {
      indicator: 'publicity.activities',
      kind: 'count',
      topic: /普法|法治宣传|宣传活动/,
      verb: /开展|举办|组织/,
      unit: /^(次|场)/,
    },
    // "发放宣传手册5000余份"; "发放宣传资料 700 多份" (seed 001).
    {
      indicator: 'publicity.materials',
      kind: 'count',
      topic: /普法|法治宣传|宣传活动|宣传资料|宣传手册/,
      verb: /发放/,
      unit: /^(份|册|本)/,
    },
    // "宣教活动惠及学生、群众超13000多人次".
    {
      indicator: 'publicity.reach',
      kind: 'count',
      topic: /普法|法治宣传|宣传活动|宣教|惠及|受众/,
      verb: /惠及|受众|覆盖|受教育|参与|群众/,
      unit: /^人次/,
    },
    {
      indicator: 'publicity.caseExplained',
      kind: 'count',
      topic: /以案释法/,
      verb: /以案释法/,
      unit: /^(次|场)/,
    },
  ],
  samples: publicitySamples,
  seedDemo: seedPublicity,
};
