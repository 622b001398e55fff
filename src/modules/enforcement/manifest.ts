import type { ModuleManifest } from '../../kernel/module.js';
import { caseSamples } from './case-samples.js';
import { importItems } from './catalogue-import.js';
import { catalogueRoutes, registryPortalRoutes } from './catalogue-routes.js';
import { enforcementIndicators } from './indicators.js';
import { ITEM_MODEL, OFFICER_MODEL } from './ledger-models.js';
import { casePortalRoutes } from './portal.js';
import { registrySamples } from './registry-samples.js';
import { enforcementReport } from './report.js';
import { caseRoutes } from './routes.js';
import { seedEnforcement } from './seed.js';

const STAFF = ['系统管理员', '镇级管理员', '经办人'] as const;

/** 行政执法 and its 三项制度: the module's one export. */
export const enforcementModule: ModuleManifest = {
  id: 'enforcement',
  title: '行政执法',
  nav: [
    { path: '/enforcement', title: '执法案件', icon: 'safety' },
    { path: '/enforcement/items', title: '执法事项清单', icon: 'profile' },
    { path: '/enforcement/officers', title: '执法人员', icon: 'idcard' },
    { path: '/enforcement/inspections', title: '双随机抽查', icon: 'aim' },
    { path: '/enforcement/reviews', title: '案卷评查', icon: 'audit' },
  ],
  permissions: {
    'enforcement.read': ['系统管理员', '县级监督', '镇级管理员', '经办人', '法律顾问', '领导'],
    // 立案、调查、告知、决定、送达、执行; evidence; 公示.
    'enforcement.handle': STAFF,
    // 法制审核 (第五十八条): the legality reviewer, never one of the case's handlers.
    'enforcement.review': ['系统管理员', '法律顾问'],
    // 执法事项清单, 执法人员, 检查对象名录库, regional settings.
    'enforcement.manage': ['系统管理员', '镇级管理员'],
    'enforcement.inspect': STAFF,
    // 案卷评查 by the county.
    'enforcement.evaluate': ['系统管理员', '县级监督'],
    'enforcement.import': STAFF,
    'enforcement.personal': STAFF,
  },
  resources: {
    'enforcement.case': { table: 'enforcement_case' },
    'enforcement.item': { table: 'enforcement_item' },
    'enforcement.officer': { table: 'enforcement_officer' },
    'enforcement.evidence': { table: 'enforcement_evidence' },
    'enforcement.target': { table: 'enforcement_target' },
    'enforcement.inspection': { table: 'enforcement_inspection' },
    'enforcement.reviewTemplate': { table: 'enforcement_review_template' },
    'enforcement.caseReview': { table: 'enforcement_case_review' },
  },
  models: [ITEM_MODEL, OFFICER_MODEL],
  routes: async (app, ctx) => {
    await caseRoutes(app, ctx);
    await catalogueRoutes(app, ctx);
  },
  portalRoutes: async (app, ctx) => {
    await casePortalRoutes(app, ctx);
    await registryPortalRoutes(app, ctx);
  },
  indicators: enforcementIndicators,
  importLedger: importItems,
  report: enforcementReport,
  reportClaims: [],
  samples: async (tx, orgCode, actor) => {
    const registry = await registrySamples(tx, orgCode, actor);
    return { ...registry, ...(await caseSamples(tx, orgCode, actor)) };
  },
  seedDemo: seedEnforcement,
};
