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
  reportClaims: [
    // Rates: the checker's normalised metric (公示及时率 → 及时率, 法制审核率 → 审核率, 评查合格率 → 合格率).
    {
      indicator: 'enforcement.publishOnTimeRate',
      kind: 'rate',
      topic: /公示|(执法|处罚|许可|决定)[^,，。;；]{0,10}公开/,
      metric: '及时率',
    },
    { indicator: 'enforcement.majorReviewRate', kind: 'rate', topic: /法制审核/, metric: '审核率' },
    { indicator: 'enforcement.certifiedRate', kind: 'rate', topic: /执法证|持证|执法人员/, metric: '持证率' },
    { indicator: 'enforcement.reviewPassRate', kind: 'rate', topic: /评查/, metric: '合格率' },
    { indicator: 'enforcement.onTimeRate', kind: 'rate', topic: /执法/, metric: '按期办结率' },
    // Counts: the clause before the number holds the verb ("2024年公示行政处罚类信息16条").
    {
      indicator: 'enforcement.penaltiesPublished',
      kind: 'count',
      topic: /公[示开][^,，。;；]{0,8}处罚|处罚[^,，。;；]{0,8}公[示开]/,
      verb: /公[示开]/,
      unit: /^条/,
    },
    {
      // Not 政府信息公开: the clause must name an enforcement decision.
      indicator: 'enforcement.published',
      kind: 'count',
      topic: /(执法|处罚|许可)[^,，。;；]{0,10}公[示开]|公[示开][^,，。;；]{0,10}(执法|处罚|许可)/,
      verb: /公[示开]/,
      unit: /^条/,
    },
    {
      indicator: 'enforcement.certifiedOfficers',
      kind: 'count',
      topic: /执法证|持证/,
      verb: /^$|(已有|现有|共有|持证|持有)$/,
      unit: /^(名|人)/,
    },
    {
      indicator: 'enforcement.officers',
      kind: 'count',
      topic: /执法人员/,
      verb: /执法人员$/,
      unit: /^(名|人)/,
    },
    {
      indicator: 'enforcement.simpleCases',
      kind: 'count',
      topic: /简易程序/,
      verb: /简易程序[^,，。;；]{0,6}$/,
      unit: /^(件|起)/,
    },
    {
      indicator: 'enforcement.majorDecisions',
      kind: 'count',
      topic: /重大(执法|行政处罚)决定/,
      verb: /重大(执法|行政处罚)决定$/,
      unit: /^(件|起)/,
    },
    {
      indicator: 'enforcement.penalties',
      kind: 'count',
      topic: /处罚/,
      verb: /(作出|下达|办理)[^,，。;；]{0,6}处罚决定书?$|(实施|给予)[^,，。;；]{0,6}处罚$/,
      unit: /^(件|起|份)/,
    },
    {
      indicator: 'enforcement.fines',
      kind: 'count',
      topic: /罚款|罚没/,
      verb: /罚款$|罚没款?$/,
      unit: /^元/,
    },
    { indicator: 'enforcement.reviews', kind: 'count', topic: /评查/, verb: /案卷$/, unit: /^(件|份)/ },
    { indicator: 'enforcement.inspectionsDone', kind: 'count', topic: /抽查/, verb: /抽查$/, unit: /^次/ },
    {
      indicator: 'enforcement.cases',
      kind: 'count',
      topic: /行政执法|执法案件|立案查处/,
      verb: /(办理|受理|立案|查处)[^,，。;；]{0,10}案件$|立案查处$/,
      unit: /^(件|起)/,
    },
  ],
  samples: async (tx, orgCode, actor) => {
    const registry = await registrySamples(tx, orgCode, actor);
    return { ...registry, ...(await caseSamples(tx, orgCode, actor)) };
  },
  seedDemo: seedEnforcement,
};
