import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';
import { files } from '../../kernel/db/schema.js';
import { addCatalogueItem, addEvidence, createCatalogue, createDecision } from './service.js';

/** One record of each resource in the township of `orgCode` (for the authorization matrix). */
export async function decisionSamples(tx: Tx, orgCode: string, actor: Actor) {
  const township = `${orgCode.slice(0, 9)}000`;
  const cat = await createCatalogue(tx, { orgCode: township, year: 2024 }, actor);
  const item = await addCatalogueItem(
    tx,
    cat.id,
    { title: '样本决策事项', category: '重大公共建设项目', sponsorUnit: '样本承办单位' },
    actor,
    '2024-01-10',
  );
  const d = await createDecision(
    tx,
    {
      orgCode: township,
      kind: '重大行政决策',
      title: '样本决策',
      category: '重大公共建设项目',
      catalogueItemId: item.id,
      sponsorUnit: '样本承办单位',
      draft: '样本决策草案',
      launchedOn: '2024-02-01',
    },
    actor,
    '2024-02-01',
  );
  const [existing] = await tx
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.orgCode, orgCode), eq(files.name, `样本-${orgCode}.txt`)));
  let fileId = existing?.id;
  if (!fileId) {
    const data = `sample decision ${orgCode}`;
    const [f] = await tx
      .insert(files)
      .values({
        sha256: createHash('sha256').update(data).digest('hex'),
        size: data.length,
        mime: 'text/plain',
        name: `样本决策材料-${orgCode}.txt`,
        orgCode: township,
      })
      .returning({ id: files.id });
    fileId = f!.id;
  }
  const e = await addEvidence(tx, d.id, { procedure: 'participation', title: '样本材料', fileId }, actor);
  return {
    'decisions.catalogue': cat.id,
    'decisions.catalogueItem': item.id,
    'decisions.decision': d.id,
    'decisions.evidence': e.id,
  };
}
