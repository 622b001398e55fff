import type { ModuleManifest } from '../../kernel/module.js';
import { decisionsIndicators } from './indicators.js';
import { decisionPortalRoutes } from './portal.js';
import { decisionsReport } from './report.js';
import { decisionRoutes } from './routes.js';
import { decisionSamples } from './samples.js';
import { seedDecisions } from './seed.js';

const STAFF = ['系统管理员', '镇级管理员', '经办人'] as const;

/** 重大行政决策, 年度决策事项目录 and 三重一大: the module's one export. */
export const decisionsModule: ModuleManifest = {
  id: 'decisions',
  title: '重大行政决策',
  nav: [
    { path: '/decisions', title: '重大行政决策', icon: 'schedule' },
    { path: '/decisions/catalogue', title: '决策事项目录', icon: 'profile' },
  ],
  permissions: {
    'decisions.read': ['系统管理员', '县级监督', '镇级管理员', '经办人', '法律顾问', '领导'],
    // 决策启动, 公众参与, 专家论证, 风险评估, 送审, 集体讨论决定的记录, 公布, 执行, 后评估.
    'decisions.handle': STAFF,
    // 合法性审查意见 (第二十五至二十八条): the legality reviewer or a legal adviser.
    'decisions.review': ['系统管理员', '法律顾问'],
    // 年度决策事项目录.
    'decisions.manage': ['系统管理员', '镇级管理员'],
  },
  resources: {
    'decisions.catalogue': { table: 'decisions_catalogue' },
    'decisions.catalogueItem': { table: 'decisions_catalogue_item' },
    'decisions.decision': { table: 'decisions_decision' },
    'decisions.evidence': { table: 'decisions_evidence' },
  },
  routes: decisionRoutes,
  portalRoutes: decisionPortalRoutes,
  indicators: decisionsIndicators,
  report: decisionsReport,
  reportClaims: [
    { indicator: 'decisions.procedureRate', kind: 'rate', topic: /决策程序|法定程序/, metric: '履行率' },
    {
      indicator: 'decisions.legalReviewRate',
      kind: 'rate',
      topic: /(决策|常务会议)[^,，。;；]{0,20}合法性审查|合法性审查[^,，。;；]{0,10}决策/,
      metric: '审查率',
    },
    { indicator: 'decisions.consultationRate', kind: 'rate', topic: /征求意见/, metric: '合规率' },
    {
      indicator: 'decisions.decided',
      kind: 'count',
      topic: /重大行政决策|重大决策事项/,
      verb: /(作出|研究|审议|出台)[^,，。;；]{0,8}(重大行政决策|重大决策事项?)$/,
      unit: /^(件|项|个)/,
    },
    {
      indicator: 'decisions.sanzhong',
      kind: 'count',
      topic: /三重一大/,
      verb: /三重一大”?(事项)?$/,
      unit: /^(件|项|个)/,
    },
    {
      indicator: 'decisions.evaluated',
      kind: 'count',
      topic: /决策后评估/,
      verb: /(开展|完成)[^,，。;；]{0,6}(决策后)?评估$/,
      unit: /^(件|项|个|次)/,
    },
  ],
  samples: decisionSamples,
  seedDemo: seedDecisions,
};
