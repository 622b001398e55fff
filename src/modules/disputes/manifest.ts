import type { ModuleManifest } from '../../kernel/module.js';
import { importDisputes } from './import.js';
import { disputeIndicators } from './indicators.js';
import { DISPUTE_LEDGER } from './model.js';
import { disputePortalRoutes } from './portal.js';
import { disputeReport } from './report.js';
import { disputeRoutes } from './routes.js';
import { disputeConsultations } from './schema.js';
import { seedDisputes } from './seed.js';
import { createDispute } from './service.js';

/** 矛盾纠纷排查化解: the module's one export. */
export const disputesModule: ModuleManifest = {
  id: 'disputes',
  title: '矛盾纠纷',
  nav: [
    { path: '/disputes', title: '矛盾纠纷', icon: 'team' },
    { path: '/disputes/warnings', title: '纠纷预警', icon: 'alert' },
  ],
  permissions: {
    'disputes.read': [
      '系统管理员',
      '县级监督',
      '镇级管理员',
      '经办人',
      '调解员',
      '网格员',
      '法律顾问',
      '领导',
    ],
    'disputes.register': ['系统管理员', '镇级管理员', '经办人', '调解员', '网格员'],
    'disputes.handle': ['系统管理员', '镇级管理员', '经办人', '调解员'],
    'disputes.import': ['系统管理员', '镇级管理员', '经办人'],
    'disputes.meeting': ['系统管理员', '镇级管理员', '经办人'],
    'disputes.consult': ['系统管理员', '镇级管理员', '经办人', '法律顾问'],
    // 身份证号、电话: those who handle the case see them whole; supervisors and leaders see them masked.
    'disputes.personal': ['系统管理员', '镇级管理员', '经办人', '调解员', '网格员'],
  },
  resources: {
    'disputes.case': { table: 'disputes_case' },
    'disputes.consultation': { table: 'disputes_consultation' },
  },
  models: [DISPUTE_LEDGER],
  routes: disputeRoutes,
  portalRoutes: disputePortalRoutes,
  indicators: disputeIndicators,
  importLedger: importDisputes,
  report: disputeReport,
  reportClaims: [
    { indicator: 'disputes.resolutionRate', kind: 'rate', topic: /纠纷|调解|调处/, metric: '化解率' },
    { indicator: 'disputes.screened', kind: 'count', topic: /纠纷/, verb: /排查/, unit: /^(件|起|宗)/ },
    { indicator: 'disputes.accepted', kind: 'count', topic: /纠纷|调解/, verb: /受理/, unit: /^(件|起|宗)/ },
    {
      indicator: 'disputes.resolved',
      kind: 'count',
      topic: /纠纷|调解|调处/,
      verb: /化解|调处|调解成功|成功调解/,
      unit: /^(件|起|宗)/,
    },
  ],
  samples: async (tx, orgCode, actor) => {
    const c = await createDispute(
      tx,
      {
        orgCode,
        receivedOn: '2024-03-01',
        source: '排查发现',
        category: '邻里',
        summary: '样本纠纷:邻里排水纠纷',
        riskLevel: '低',
        parties: [{ name: '样本', role: '申请人' }],
      },
      actor,
    );
    const [k] = await tx
      .insert(disputeConsultations)
      .values({
        orgCode,
        name: '样本',
        phone: '13800000000',
        description: '样本咨询',
        trackingCode: `S${String(c.id).padStart(9, '0')}`,
      })
      .returning({ id: disputeConsultations.id });
    return { 'disputes.case': c.id, 'disputes.consultation': k!.id };
  },
  seedDemo: seedDisputes,
};
