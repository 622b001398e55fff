import type { Actor } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';
import { levelOf } from '../../kernel/orgs/codes.js';
import { createItem, createRequest } from './service.js';

/** One 主动公开 item and one request in `orgCode` (or its township), for the authorization matrix. */
export async function disclosureSamples(tx: Tx, orgCode: string, actor: Actor) {
  const level = levelOf(orgCode);
  const organ =
    level === 'county' || level === 'township' || level === 'office' ? orgCode : `${orgCode.slice(0, 9)}000`;
  const item = await createItem(
    tx,
    { orgCode: organ, title: '样本主动公开信息', category: '政策文件', formedOn: '2024-03-01' },
    actor,
  );
  const request = await createRequest(
    tx,
    {
      orgCode: organ,
      applicantKind: '自然人',
      applicantName: '样本申请人',
      content: '样本：申请公开本村道路建设资金使用情况',
      channel: '当面',
      submittedOn: '2024-03-01',
    },
    actor,
  );
  return { 'disclosure.item': item.id, 'disclosure.request': request.id };
}
