import type { Actor } from './audit.js';
import { openConsultation } from './consultation.js';
import type { Tx } from './db/client.js';
import { comments, supervision } from './db/schema.js';
import { openDeadline } from './deadlines.js';
import type { FileStore } from './files.js';

/** One record of each kernel resource in `orgCode`, for the authorization matrix (see ModuleManifest.samples). */
export async function kernelSamples(
  tx: Tx,
  files: FileStore,
  orgCode: string,
  actor: Actor,
): Promise<Record<string, number>> {
  const file = await files.save(
    tx,
    { name: `样本-${orgCode}.txt`, data: Buffer.from(`sample ${orgCode}`), orgCode },
    actor,
  );
  const d = await openDeadline(tx, {
    orgCode,
    module: 'kernel',
    entity: 'sample',
    entityId: orgCode,
    step: 'sample',
    title: '样本期限',
    rule: { kind: 'CAL_DAYS', n: 15 },
    startsOn: '2024-01-02',
  });
  const [s] = await tx
    .insert(supervision)
    .values({ deadlineId: d.id, orgCode, title: '样本督办', dueOn: d.dueOn, createdOn: '2024-02-01' })
    .returning({ id: supervision.id });
  const c = await openConsultation(
    tx,
    {
      orgCode,
      module: 'kernel',
      entity: 'sample',
      entityId: orgCode,
      title: '样本征求意见稿',
      paragraphs: ['第一条 样本。'],
      opensOn: '2024-01-02',
      closesOn: '2024-01-31',
    },
    actor,
  );
  const [cm] = await tx
    .insert(comments)
    .values({ consultationId: c.id, orgCode, text: '样本意见' })
    .returning({ id: comments.id });
  return {
    'kernel.file': file.id,
    'kernel.supervision': s!.id,
    'kernel.consultation': c.id,
    'kernel.comment': cm!.id,
  };
}
