import { eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';
import { hearings } from './schema.js';
import { insertLawsuits, insertReconsiderations } from './service.js';

/** One 复议 case, one lawsuit and one hearing in `orgCode`, for the authorization matrix. */
export async function litigationSamples(
  tx: Tx,
  orgCode: string,
  actor: Actor,
): Promise<Record<string, number>> {
  const [r] = await insertReconsiderations(
    tx,
    [
      {
        orgCode,
        authority: '样本县人民政府',
        applicantName: '样本申请人',
        applicantKind: '自然人',
        act: '样本行政处罚决定',
        actKind: '行政处罚',
        receivedOn: '2024-03-01',
      },
    ],
    actor,
  );
  const [l] = await insertLawsuits(
    tx,
    [
      {
        lawsuit: {
          orgCode,
          court: '样本县人民法院',
          instance: '一审',
          plaintiffName: '样本原告',
          plaintiffKind: '自然人',
          act: '样本行政强制',
          actKind: '行政强制',
          filedOn: '2024-03-01',
        },
        hearings: [{ hearingOn: '2024-04-10' }],
      },
    ],
    actor,
  );
  const [h] = await tx.select({ id: hearings.id }).from(hearings).where(eq(hearings.lawsuitId, l!.id));
  return { 'litigation.reconsideration': r!.id, 'litigation.lawsuit': l!.id, 'litigation.hearing': h!.id };
}
