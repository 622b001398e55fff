import type { Actor } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';
import { createExam, recordEntries, recordSessions } from './service.js';

/** One session, one exam and one roster entry in `orgCode`, for the authorization matrix. */
export async function learningSamples(tx: Tx, orgCode: string, actor: Actor) {
  const [s] = await recordSessions(
    tx,
    [{ orgCode, kind: '党委理论学习中心组学法', heldOn: '2024-03-01', topic: '样本学法', attendees: 10 }],
    actor,
  );
  const exam = await createExam(
    tx,
    { orgCode, year: 2024, kind: '年度学法考试', name: '样本学法考试', heldOn: '2024-06-30' },
    actor,
  );
  const [x] = await recordEntries(
    tx,
    exam,
    [{ orgCode, personName: '样本人员', status: '已参考', score: 95 }],
    actor,
  );
  return { 'learning.session': s!.id, 'learning.exam': exam.id, 'learning.entry': x!.id };
}
