import type { Actor } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';
import { createContract, recordActivities } from './service.js';

/** One contract and one work-log entry in `orgCode`, for the authorization matrix. */
export async function adviserSamples(tx: Tx, orgCode: string, actor: Actor) {
  const c = await createContract(
    tx,
    {
      orgCode,
      adviserName: '样本顾问',
      firm: '样本律师事务所',
      firmKind: '律师事务所',
      startsOn: '2024-01-01',
      endsOn: '2024-12-31',
      covers: [orgCode],
    },
    actor,
  );
  const [a] = await recordActivities(
    tx,
    [
      {
        contractId: c.id,
        orgCode,
        kind: '咨询',
        on: '2024-03-01',
        people: 1,
        way: '电话',
        topic: '样本咨询',
      },
    ],
    actor,
  );
  return { 'advisers.contract': c.id, 'advisers.activity': a!.id };
}
