import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db/client.js';
import type { KernelContext } from '../../kernel/module.js';
import { addUser, quickSession, type Session, seedTree, T, testApp, testContext } from '../../test/kernel.js';
import { messyLedger } from './fixtures.js';

function multipart(data: Buffer) {
  const boundary = '----fazhi-import';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="台账.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

describe('importing a real-world dispute ledger', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let clerk: Session;
  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    clerk = await quickSession(ctx, await addUser(ctx, 'jia.jingban', '经办人', T.townA));
    app = await testApp(ctx);
  });

  const upload = async (file: Buffer, org: string = T.townA) => {
    const m = multipart(file);
    return app.inject({
      method: 'POST',
      url: `/api/disputes/import?org=${org}`,
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': m.contentType },
      payload: m.payload,
    });
  };

  it('imports nothing from a file with one bad row, and names that row and its columns', async () => {
    const res = await upload(await messyLedger({ badRow: true }));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.imported).toBe(0);
    // Row 7 of the sheet: title, 填报单位, blank, header, two good rows, then the bad one.
    expect(body.errors.every((e: { row: number }) => e.row === 7)).toBe(true);
    const columns = body.errors.map((e: { column: string }) => e.column);
    expect(columns).toContain('受理日期');
    expect(columns).toContain('身份证号码');
    const [count] = await rows<{ n: number }>(
      ctx.database.db,
      sql`SELECT count(*)::int AS n FROM disputes_case`,
    );
    expect(count!.n).toBe(0);
  });

  it('imports every valid row, keeping the state and the dates the ledger records', async () => {
    const res = await upload(await messyLedger());
    expect(res.statusCode).toBe(200);
    expect(res.json().imported).toBe(5);
    expect(res.json().errors).toEqual([]);
    const list = await rows<Record<string, string | null>>(
      ctx.database.db,
      sql`SELECT org_code, received_on::text, category, status, resolved_on::text, failed_on::text, channel,
                 (SELECT string_agg(name || ':' || coalesce(id_card, '') || ':' || coalesce(phone, ''), ',' ORDER BY id) FROM disputes_party p WHERE p.case_id = c.id) AS parties
          FROM disputes_case c ORDER BY received_on`,
    );
    expect(list).toEqual([
      {
        org_code: T.villageA1,
        received_on: '2024-03-05',
        category: '邻里',
        status: 'resolved',
        resolved_on: '2024-03-09',
        failed_on: null,
        channel: 'import',
        parties: '张三:51062619800101001X:13812345678,李四::',
      },
      {
        org_code: T.villageA1,
        received_on: '2024-03-15',
        category: '婚姻家庭',
        status: 'failed',
        resolved_on: null,
        failed_on: '2024-03-30',
        channel: 'import',
        parties: '王芳::,刘强::',
      },
      {
        org_code: T.villageA2,
        received_on: '2024-05-06',
        category: '合同',
        status: 'mediating',
        resolved_on: null,
        failed_on: null,
        channel: 'import',
        parties: '陈明::0838-6212345',
      },
      {
        org_code: T.villageA2,
        received_on: '2024-06-01',
        category: '房屋宅基地',
        status: 'resolved',
        resolved_on: '2024-06-20',
        failed_on: null,
        channel: 'import',
        parties: '赵六::,钱七::',
      },
      {
        org_code: T.townA,
        received_on: '2024-07-08',
        category: '劳动争议',
        status: 'registered',
        resolved_on: null,
        failed_on: null,
        channel: 'import',
        parties: '孙八::',
      },
    ]);
    const [audit] = await rows<{ n: number }>(
      ctx.database.db,
      sql`SELECT count(*)::int AS n FROM kernel_audit WHERE action = 'disputes.import'`,
    );
    expect(audit!.n).toBe(5);
  });

  it("refuses an import into a township outside the caller's scope", async () => {
    expect((await upload(await messyLedger(), T.townB)).statusCode).toBe(404);
  });

  it('answers a garbage file with a Chinese error and imports nothing', async () => {
    const res = await upload(Buffer.from('this is not a workbook'));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toContain('无法读取文件');
  });
});
