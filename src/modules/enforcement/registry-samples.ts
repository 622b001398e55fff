import type { Actor } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';
import { createOfficer, createTarget } from './catalogue.js';
import {
  enforcementCaseReviews,
  enforcementCases,
  enforcementInspections,
  enforcementItems,
  enforcementReviewTemplates,
} from './schema.js';

/** One record of each registry resource in `orgCode` (any level), for the authorization matrix. */
export async function registrySamples(
  tx: Tx,
  orgCode: string,
  actor: Actor,
): Promise<Record<string, number>> {
  const [item] = await tx
    .insert(enforcementItems)
    .values({
      orgCode,
      listKind: '行政执法权责事项',
      itemCode: `SAMPLE-${orgCode}`,
      name: '样本执法事项',
      itemType: '行政检查',
      legalBasis: '《中华人民共和国行政处罚法》第五十四条',
      effectiveFrom: '2024-01-01',
      createdBy: actor.id,
    })
    .returning({ id: enforcementItems.id });
  const officer = await createOfficer(
    tx,
    {
      orgCode,
      name: '样本执法员',
      certNo: `SAMPLE-${orgCode}`,
      issuer: '测试县人民政府',
      validFrom: '2024-01-01',
      validTo: '2099-12-31',
    },
    actor,
  );
  const target = await createTarget(tx, { orgCode, name: `样本检查对象${orgCode}`, kind: '企业' }, actor);
  const [inspection] = await tx
    .insert(enforcementInspections)
    .values({
      orgCode,
      title: '样本双随机抽查',
      plannedOn: '2024-06-01',
      targetCount: 1,
      inspectorCount: 2,
      status: 'planned',
    })
    .returning({ id: enforcementInspections.id });
  const [template] = await tx
    .insert(enforcementReviewTemplates)
    .values({
      orgCode,
      name: '样本评查模板',
      items: [{ key: 'basis', label: '适用依据正确', points: 100 }],
      passScore: 60,
    })
    .returning({ id: enforcementReviewTemplates.id });
  const [closed] = await tx
    .insert(enforcementCases)
    .values({
      orgCode,
      caseNo: `样本评查案-${orgCode}`,
      itemId: item!.id,
      procedure: 'simple',
      source: '日常巡查',
      partyType: '法人',
      partyName: '样本公司',
      summary: '样本已结案案件',
      status: 'closed',
      filedOn: '2024-03-01',
      decidedOn: '2024-03-01',
      closedOn: '2024-03-05',
    })
    .returning({ id: enforcementCases.id });
  const [review] = await tx
    .insert(enforcementCaseReviews)
    .values({
      caseId: closed!.id,
      orgCode,
      templateId: template!.id,
      reviewerName: '样本评查人',
      reviewedOn: '2024-04-01',
      scores: { basis: 80 },
      total: 80,
      passed: true,
    })
    .returning({ id: enforcementCaseReviews.id });
  return {
    'enforcement.item': item!.id,
    'enforcement.officer': officer.id,
    'enforcement.target': target.id,
    'enforcement.inspection': inspection!.id,
    'enforcement.reviewTemplate': template!.id,
    'enforcement.caseReview': review!.id,
  };
}
