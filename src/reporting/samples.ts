import type { Tx } from '../kernel/db/client.js';
import { annualReports } from './schema.js';

/** One record of each reporting resource in `orgCode`, for the authorization matrix. */
export async function reportingSamples(tx: Tx, orgCode: string): Promise<Record<string, number>> {
  const [report] = await tx
    .insert(annualReports)
    .values({ orgCode, year: 2024, title: `样本报告 ${orgCode}`, signature: '样本' })
    .returning({ id: annualReports.id });
  return { 'reporting.annual': report!.id };
}
