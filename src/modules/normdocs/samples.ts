import type { Actor } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';
import { normdocsDocuments, normdocsSuggestions } from './schema.js';

/** One document and one 审查建议 in `orgCode`, for the authorization matrix. */
export async function normdocsSamples(
  tx: Tx,
  orgCode: string,
  _actor: Actor,
): Promise<Record<string, number>> {
  const [d] = await tx
    .insert(normdocsDocuments)
    .values({
      orgCode,
      title: `样本规范性文件 ${orgCode}`,
      docType: '政府规范性文件',
      status: 'draft',
      draftedOn: '2024-03-01',
    })
    .returning({ id: normdocsDocuments.id });
  const [s] = await tx
    .insert(normdocsSuggestions)
    .values({ orgCode, documentId: d!.id, text: '样本审查建议', submittedOn: '2024-03-02' })
    .returning({ id: normdocsSuggestions.id });
  return { 'normdocs.document': d!.id, 'normdocs.suggestion': s!.id };
}
