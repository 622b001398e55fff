import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';
import { files } from '../../kernel/db/schema.js';
import { enforcementItems, enforcementOfficers } from './schema.js';
import { addEvidence, createCase, townshipOf } from './service.js';

/** One case and one evidence row in `orgCode`'s township, for the authorization matrix. */
export async function caseSamples(tx: Tx, orgCode: string, actor: Actor): Promise<Record<string, number>> {
  const township = townshipOf(orgCode);
  const [item] = await tx
    .insert(enforcementItems)
    .values({
      orgCode: township,
      listKind: '行政执法权责事项',
      itemCode: `SAMPLE-CASE-${orgCode}`,
      name: '样本执法事项',
      itemType: '行政处罚',
      legalBasis: '样本法律第一条',
      effectiveFrom: '2020-01-01',
    })
    .returning({ id: enforcementItems.id });
  const officers = await tx
    .insert(enforcementOfficers)
    .values(
      [1, 2].map((n) => ({
        orgCode: township,
        name: `样本执法员${n}`,
        certNo: `SAMPLE-${orgCode}-${n}`,
        issuer: '样本发证机关',
        validFrom: '2020-01-01',
        validTo: '2030-12-31',
      })),
    )
    .returning({ id: enforcementOfficers.id });
  const c = await createCase(
    tx,
    {
      orgCode: township,
      procedure: 'ordinary',
      itemId: item!.id,
      source: '日常巡查',
      partyType: '自然人',
      partyName: '样本当事人',
      summary: '样本案件',
      filedOn: '2024-03-01',
      officerIds: officers.map((o) => o.id),
    },
    actor,
    '2024-03-01',
  );
  // The kernel's sample file of this org when present (its blob exists), else a row of our own.
  const [kernelFile] = await tx
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.orgCode, orgCode), eq(files.name, `样本-${orgCode}.txt`)));
  let fileId = kernelFile?.id;
  if (!fileId) {
    const data = `sample evidence ${orgCode}`;
    const [f] = await tx
      .insert(files)
      .values({
        sha256: createHash('sha256').update(data).digest('hex'),
        size: data.length,
        mime: 'text/plain',
        name: `样本证据-${orgCode}.txt`,
        orgCode: township,
      })
      .returning({ id: files.id });
    fileId = f!.id;
  }
  const e = await addEvidence(
    tx,
    c.id,
    { fileId, step: 'file', kind: '文字记录', title: '样本现场笔录' },
    actor,
  );
  return { 'enforcement.case': c.id, 'enforcement.evidence': e.id };
}
