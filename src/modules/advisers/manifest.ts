import type { ModuleManifest } from '../../kernel/module.js';
import { importActivities } from './import.js';
import { adviserIndicators } from './indicators.js';
import { ACTIVITY_LEDGER } from './model.js';
import { adviserPortalRoutes } from './portal.js';
import { adviserReport } from './report.js';
import { adviserRoutes } from './routes.js';
import { adviserSamples } from './samples.js';
import { seedAdvisers } from './seed.js';

const STAFF = ['系统管理员', '镇级管理员', '经办人'] as const;

/** 法律顾问 (含“一村(社区)一法律顾问”): the module's one export. */
export const advisersModule: ModuleManifest = {
  id: 'advisers',
  title: '法律顾问',
  nav: [
    { path: '/advisers', title: '法律顾问', icon: 'solution' },
    { path: '/advisers/log', title: '顾问工作台账', icon: 'schedule' },
    { path: '/advisers/idle', title: '聘而不用', icon: 'alert' },
  ],
  permissions: {
    'advisers.read': ['系统管理员', '县级监督', '镇级管理员', '经办人', '法律顾问', '领导'],
    // 聘用合同: record, terminate.
    'advisers.manage': ['系统管理员', '镇级管理员'],
    // The work log: staff for anyone, an adviser's own account for its own contract.
    'advisers.log': [...STAFF, '法律顾问'],
    'advisers.import': STAFF,
    'advisers.personal': STAFF,
  },
  resources: {
    'advisers.contract': { table: 'advisers_contract' },
    'advisers.activity': { table: 'advisers_activity' },
  },
  models: [ACTIVITY_LEDGER],
  routes: adviserRoutes,
  portalRoutes: adviserPortalRoutes,
  indicators: adviserIndicators,
  importLedger: (tx, data, orgCode, actor) => importActivities(tx, data, orgCode, actor),
  report: adviserReport,
  reportClaims: [
    // "为各村委会、当地群众提供法律咨询659人次" (seed 002).
    {
      indicator: 'advisers.consultations',
      kind: 'count',
      topic: /法律顾问|法律咨询/,
      verb: /咨询$/,
      unit: /^人次/,
    },
    // "全镇18个村委会…均配备驻村法律顾问"; "组织全区93个村(社区)签订法律顾问合同" (seed 004).
    {
      indicator: 'advisers.coveredVillages',
      kind: 'count',
      topic: /法律顾问|法律服务站/,
      verb: /(全|共)[镇乡区县市]?$|组织[^,，。;；]{0,4}$/,
      unit: /^个/,
    },
    {
      indicator: 'advisers.dutyDays',
      kind: 'count',
      topic: /法律顾问/,
      verb: /坐班|值班|驻村/,
      unit: /^(天|次)/,
    },
    {
      indicator: 'advisers.lectures',
      kind: 'count',
      // Not 法治讲座 alone: 专题法治讲座 are 学法 sessions (learning.lectures).
      topic: /法律顾问/,
      verb: /讲座/,
      unit: /^(场|次)/,
    },
  ],
  samples: adviserSamples,
  seedDemo: seedAdvisers,
};
