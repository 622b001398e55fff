import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../kernel/calendar.js';
import { rows } from '../../kernel/db/client.js';
import type { KernelContext } from '../../kernel/module.js';
import { extractClaims } from '../../reporting/checker/claims.js';
import { indicatorFor } from '../../reporting/checker/ledger.js';
import {
  addUser,
  call,
  quickSession,
  type Session,
  seedTree,
  T,
  testApp,
  testContext,
} from '../../test/kernel.js';
import { disclosureModule } from './manifest.js';
import { correctionWindowEnd, pausedFor, publishDue, receivedOnOf, replyDue } from './rules.js';

describe('disclosure rules: 第三十一条 receipt and the reply period across 国庆 2025', () => {
  it('derives received_on from each channel’s evidence', () => {
    expect(receivedOnOf({ channel: '当面', submittedOn: '2025-09-22' })).toBe('2025-09-22');
    expect(receivedOnOf({ channel: '邮寄', submittedOn: '2025-09-18', signedOn: '2025-09-22' })).toBe(
      '2025-09-22',
    );
    expect(
      receivedOnOf({
        channel: '邮寄',
        mailKind: '平信',
        submittedOn: '2025-09-18',
        signedOn: '2025-09-20',
        confirmedOn: '2025-09-22',
      }),
    ).toBe('2025-09-22');
    expect(receivedOnOf({ channel: '网络', submittedOn: '2025-09-20' })).toBeNull();
    expect(receivedOnOf({ channel: '传真', submittedOn: '2025-09-20', confirmedOn: '2025-09-22' })).toBe(
      '2025-09-22',
    );
  });

  it('counts 20 工作日 over 国庆 2025 (09-28 and 10-11 are 调休 workdays, 10-01…10-08 off)', () => {
    // By hand: 09-23,24,25,26 (4), 09-28 Sun 调休 (5), 29, 30 (7), 10-09, 10 (9), 10-11 Sat 调休 (10),
    // 10-13…17 (15), 10-20…24 (20).
    expect(replyDue({ receivedOn: '2025-09-22' })).toBe('2025-10-24');
    // 补正 must be asked within 7 工作日: 09-23,24,25,26,28,29,30.
    expect(correctionWindowEnd('2025-09-22')).toBe('2025-09-30');
    // Waiting for the correction: no running period.
    expect(replyDue({ receivedOn: '2025-09-22', correctionRequestedOn: '2025-09-25' })).toBeNull();
    // Correction received 09-30: 20 工作日 from it — 10-09,10,11 (3), 10-13…17 (8), 10-20…24 (13),
    // 10-27…31 (18), 11-03, 11-04 (20).
    expect(
      replyDue({
        receivedOn: '2025-09-22',
        correctionRequestedOn: '2025-09-25',
        correctionReceivedOn: '2025-09-30',
      }),
    ).toBe('2025-11-04');
    // Third party consulted 10-09, replied 10-15: paused 10-10, 10-11, 10-13, 10-14, 10-15 = 5 工作日.
    expect(pausedFor('2025-10-09', '2025-10-15')).toBe(5);
    expect(
      replyDue({
        receivedOn: '2025-09-22',
        thirdPartySentOn: '2025-10-09',
        thirdPartyRepliedOn: '2025-10-15',
        pausedWorkdays: 5,
      }),
    ).toBe('2025-10-31');
    // While the consultation is out, the full 15 工作日: 10-24 + 15 = 11-14.
    expect(replyDue({ receivedOn: '2025-09-22', thirdPartySentOn: '2025-10-09' })).toBe('2025-11-14');
    // Extension of 20 工作日 after the correction: 11-04 + 20 = 12-02.
    expect(
      replyDue({
        receivedOn: '2025-09-22',
        correctionRequestedOn: '2025-09-25',
        correctionReceivedOn: '2025-09-30',
        extendedDays: 20,
      }),
    ).toBe('2025-12-02');
    // 主动公开: 20 工作日 from the day formed.
    expect(publishDue('2025-09-22')).toBe('2025-10-24');
  });
});

function multipart(data: Buffer) {
  const boundary = '----fazhi-disclosure';
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

async function workbook(title: string, header: string[], data: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell('A1').value = title;
  ws.addRow(header);
  for (const r of data) ws.addRow(r);
  ws.addRow([]);
  ws.addRow([]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('disclosure report', () => {
  it('reads report sentences as this module’s figures and writes its paragraph', () => {
    const matchers = disclosureModule.reportClaims ?? [];
    const read = (text: string) => extractClaims(text).map((c) => [c.stated, indicatorFor(c, matchers)]);
    // seed 002: "一是在政府官网及时更新工作动态,实行政务公开,今年以来公布政务动态38条。"
    expect(read('一是在政府官网及时更新工作动态,实行政务公开,今年以来公布政务动态38条。')).toEqual([
      [38, 'disclosure.itemsPublished'],
    ]);
    expect(read('全年共收到政府信息公开申请12件,全部按期答复。')).toContainEqual([
      12,
      'disclosure.requestsReceived',
    ]);
    const paragraphs = disclosureModule.report!(
      new Map([
        ['disclosure.itemsPublished', { value: 40 }],
        ['disclosure.timelyRate', { value: 90 }],
        ['disclosure.requestsReceived', { value: 3 }],
      ]),
    );
    expect(paragraphs.map((p) => p.heading)).toEqual(['推进政务公开', '政务公开时效有待提高']);
  });
});

describe('disclosure: 主动公开, 依申请公开 procedure, portal, annual tables, import', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let clerkA: Session;
  let leaderA: Session;
  let clerkB: Session;
  const count = async (table: string) =>
    (
      await rows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`)
    )[0]!.n;

  beforeAll(async () => {
    ctx = await testContext();
    await seedTree(ctx);
    clerkA = await quickSession(ctx, await addUser(ctx, 'jia.clerk', '经办人', T.townA));
    leaderA = await quickSession(ctx, await addUser(ctx, 'jia.lingdao', '领导', T.townA));
    clerkB = await quickSession(ctx, await addUser(ctx, 'yi.clerk', '经办人', T.townB));
    app = await testApp(ctx);
  });

  const newRequest = (body: Record<string, unknown> = {}) =>
    call(app, clerkA, 'POST', '/api/disclosure/requests', {
      orgCode: T.townA,
      applicantKind: '自然人',
      applicantName: '王小明',
      idNo: '11010519491231002X',
      phone: '13812345678',
      address: '甲镇甲一村三组12号',
      content: '申请公开甲一村2025年道路硬化工程的招标结果',
      channel: '当面',
      submittedOn: '2025-09-22',
      ...body,
    });
  const step = (s: Session, id: number, name: string, body: Record<string, unknown>) =>
    call(app, s, 'POST', `/api/disclosure/requests/${id}/${name}`, body);
  const replyDeadline = async (id: number) =>
    (
      await rows<{ due_on: string; status: string }>(
        ctx.database.db,
        sql`SELECT due_on::text, status FROM kernel_deadline WHERE module = 'disclosure' AND entity = 'request'
            AND entity_id = ${String(id)} AND step = 'reply'`,
      )
    )[0];

  it('runs 补正 within 7 工作日, restarts the period, refuses a late 补正 and writes nothing', async () => {
    const res = await newRequest();
    expect(res.statusCode).toBe(201);
    const id = res.json().id as number;
    expect(res.json().dueOn).toBe('2025-10-24');
    expect((await replyDeadline(id))?.due_on).toBe('2025-10-24');

    const late = await newRequest();
    const lateId = late.json().id as number;
    const audits = await count('kernel_audit');
    const refused = await step(clerkA, lateId, 'requestCorrection', {
      on: '2025-10-09',
      items: '请明确工程名称',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('第三十条');
    expect(await count('kernel_audit')).toBe(audits);

    const asked = await step(clerkA, id, 'requestCorrection', {
      on: '2025-09-25',
      items: '请明确所需工程的名称或时间范围',
      dueOn: '2025-10-20',
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().status).toBe('correcting');
    expect(asked.json().dueOn).toBeNull();
    expect((await replyDeadline(id))?.status).toBe('cancelled');
    // Only once (一次性告知).
    const fixed = await step(clerkA, id, 'receiveCorrection', { on: '2025-09-30' });
    expect(fixed.json().dueOn).toBe('2025-11-04');
    expect(await replyDeadline(id)).toEqual({ due_on: '2025-11-04', status: 'open' });
    expect(
      (await step(clerkA, id, 'requestCorrection', { on: '2025-09-30', items: '再次补正' })).statusCode,
    ).toBe(409);

    // Extension: 经办人 may not approve it (机构负责人), the 领导 may; ≤ 20 工作日, once.
    expect(
      (
        await step(clerkA, id, 'extend', {
          on: '2025-10-30',
          days: 20,
          reason: '需调取档案',
          approver: '张镇长',
          notifiedOn: '2025-10-30',
        })
      ).statusCode,
    ).toBe(403);
    const tooLong = await step(leaderA, id, 'extend', {
      on: '2025-10-30',
      days: 21,
      reason: '需调取档案',
      approver: '张镇长',
      notifiedOn: '2025-10-30',
    });
    expect(tooLong.statusCode).toBe(400);
    const ext = await step(leaderA, id, 'extend', {
      on: '2025-10-30',
      days: 20,
      reason: '需调取档案',
      approver: '张镇长',
      notifiedOn: '2025-10-31',
    });
    expect(ext.statusCode).toBe(200);
    expect(ext.json().dueOn).toBe('2025-12-02');
    expect((await replyDeadline(id))?.due_on).toBe('2025-12-02');
    // The leader reads the applicant masked.
    expect(ext.json().applicantName).toBe('王**');
    expect(ext.json().phone).toBe('138****5678');

    const bad = await step(clerkA, id, 'answer', { on: '2025-11-20', type: '不予公开' });
    expect(bad.statusCode).toBe(400);
    const done = await step(clerkA, id, 'answer', {
      on: '2025-11-20',
      type: '予以公开',
      text: '提供招标结果公告',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('closed');
    expect(done.json().onTime).toBe(true);
    expect((await replyDeadline(id))?.status).toBe('done');
  });

  it('pauses for a third party by exactly the workdays it took', async () => {
    const id = (
      await newRequest({
        applicantKind: '法人或其他组织',
        applicantSubKind: '商业企业',
        idNo: null,
        applicantName: '四川某建筑公司',
      })
    ).json().id as number;
    const sent = await step(clerkA, id, 'consult', { on: '2025-10-09', thirdParty: '中标单位' });
    expect(sent.json().dueOn).toBe('2025-11-14');
    expect((await replyDeadline(id))?.due_on).toBe('2025-11-14');
    const back = await step(clerkA, id, 'consultReply', { on: '2025-10-15', opinion: '同意公开' });
    expect(back.json().pausedWorkdays).toBe(5);
    expect(back.json().dueOn).toBe('2025-10-31');
    expect((await replyDeadline(id))?.due_on).toBe('2025-10-31');
    const late = await step(clerkA, id, 'answer', {
      on: '2025-11-03',
      type: '不予公开',
      reason: '保护第三方合法权益',
    });
    expect(late.json().onTime).toBe(false);
    // Out of scope: another township's clerk sees nothing.
    expect((await call(app, clerkB, 'GET', `/api/disclosure/requests/${id}`)).statusCode).toBe(404);
  });

  it('publishes 主动公开 items and counts late ones', async () => {
    const a = await call(app, clerkA, 'POST', '/api/disclosure/items', {
      orgCode: T.townA,
      title: '甲镇2025年第三季度低保对象公示',
      category: '社会救助',
      formedOn: '2025-09-22',
    });
    expect(a.statusCode).toBe(201);
    expect(a.json().dueOn).toBe('2025-10-24');
    expect(a.json().indexNo).toBe(`${T.townA}/2025-00001`);
    const p = await call(app, clerkA, 'POST', `/api/disclosure/items/${a.json().id}/publish`, {
      on: '2025-10-27',
      channel: '政务公开栏',
    });
    expect(p.statusCode).toBe(200);
    expect(p.json().late).toBe(true);
    const list = await call(app, leaderA, 'GET', `/api/disclosure/items?org=${T.townA}&late=1`);
    expect(list.json().total).toBe(1);
  });

  it('takes an online request on the portal, shows no personal data, and staff confirm receipt', async () => {
    const res = await call(app, null, 'POST', '/portal/disclosure/requests', {
      orgCode: T.townA,
      applicantKind: '自然人',
      applicantName: '李四',
      phone: '13900001111',
      content: '申请公开甲镇2025年耕地地力保护补贴发放名册',
    });
    expect(res.statusCode).toBe(201);
    const { trackingCode, requestNo } = res.json();
    const track = await call(app, null, 'GET', `/portal/disclosure/track/${trackingCode}`);
    expect(track.json()).toMatchObject({
      requestNo,
      statusLabel: '待确认收到',
      receivedOn: null,
      dueOn: null,
    });
    expect(JSON.stringify(track.json())).not.toContain('李四');
    const [row] = await rows<{ id: number }>(
      ctx.database.db,
      sql`SELECT id FROM disclosure_request WHERE tracking_code = ${trackingCode}`,
    );
    const on = today();
    const ok = await step(clerkA, row!.id, 'confirm', { on });
    expect(ok.json()).toMatchObject({
      status: 'received',
      receivedOn: on,
      dueOn: replyDue({ receivedOn: on }),
      confirmedOn: on,
    });
    const items = await call(app, null, 'GET', `/portal/disclosure/items?org=${T.townA}`);
    expect(items.json().total).toBe(1);
  });

  it('builds the annual report tables and keeps 一+二 = 三+四', async () => {
    const res = await call(app, leaderA, 'GET', `/api/disclosure/annual-report?org=${T.townA}&year=2025`);
    expect(res.statusCode).toBe(200);
    const t = res.json();
    const row = (key: string) =>
      t.requests.rows.find((r: { key: string }) => r.key === key).values as number[];
    expect(row('new').at(-1)).toBe(3);
    expect(row('type:予以公开')[0]).toBe(1);
    expect(row('type:不予公开')[1]).toBe(1); // 商业企业
    expect(row('reason:不予公开:保护第三方合法权益').at(-1)).toBe(1);
    expect(row('new').at(-1)! + row('carried').at(-1)!).toBe(row('total').at(-1)! + row('forward').at(-1)!);
    expect(t.review.available).toBe(true);
    const xlsx = await call(
      app,
      leaderA,
      'GET',
      `/api/disclosure/annual-report?org=${T.townA}&year=2025&format=xlsx`,
    );
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('imports a 主动公开 ledger all or nothing', async () => {
    const header = ['序号', '索引号', '信息名称', '公开类别', '生成日期', '公开日期', '公开渠道', '内容概述'];
    const upload = async (data: unknown[][], url = `/api/disclosure/import?org=${T.townA}`, h = header) => {
      const m = multipart(await workbook('甲镇政府信息主动公开台账（2025年）', h, data));
      return app.inject({
        method: 'POST',
        url,
        headers: { cookie: clerkA.cookie, 'x-csrf-token': clerkA.csrf, 'content-type': m.contentType },
        payload: m.payload,
      });
    };
    const before = await count('disclosure_item');
    const bad = await upload([
      [
        '１',
        'JZ-2025-001',
        '甲镇2025年部门预算',
        '财政预决算',
        '2025.3.5',
        '2025年3月10日',
        '政府网站',
        '预算',
      ],
      [2, '', '甲镇防汛工作提示', '天气', '2025-06-01', '2025-06-02', '政府网站', ''],
      [3, '', '甲镇宅基地审批结果公示', '宅基地使用', '2025-07-01', '2025-06-20', '政务公开栏', ''],
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.length).toBeGreaterThanOrEqual(2);
    expect(await count('disclosure_item')).toBe(before);
    const good = await upload([
      [
        '１',
        'JZ-2025-001',
        '甲镇2025年部门预算',
        '财政预决算',
        '2025.3.5',
        '2025年3月10日',
        '政府网站',
        '预算',
      ],
      [2, '', '甲镇防汛工作提示', '其他', 45809, '2025-06-05', '政务新媒体', ''],
      [3, '', '甲镇宅基地审批结果公示（第二批）', '宅基地使用', '2025-07-01', '', '', ''],
    ]);
    expect(good.json()).toMatchObject({ imported: 3, errors: [] });
    expect(await count('disclosure_item')).toBe(before + 3);

    const rh = [
      '申请编号',
      '申请人',
      '申请人类型',
      '申请方式',
      '收到申请日期',
      '申请内容',
      '答复日期',
      '答复类型',
      '理由',
    ];
    const reqBefore = await count('disclosure_request');
    const badReq = await upload(
      [['1', '赵六', '自然人', '邮寄', '2025-03-03', '申请公开低保名单', '2025-03-20', '不予公开', '']],
      `/api/disclosure/requests/import?org=${T.townA}`,
      rh,
    );
    expect(badReq.statusCode).toBe(422);
    expect(await count('disclosure_request')).toBe(reqBefore);
    const goodReq = await upload(
      [
        [
          '1',
          '赵六',
          '自然人',
          '邮寄',
          '2025.3.3',
          '申请公开低保名单',
          '2025-03-20',
          '不予公开',
          '保护第三方合法权益',
        ],
        ['2', '某律师事务所', '法律服务机构', '网络', '2025-04-01', '申请公开征收补偿方案', '', '', ''],
      ],
      `/api/disclosure/requests/import?org=${T.townA}`,
      rh,
    );
    expect(goodReq.json()).toMatchObject({ imported: 2, errors: [] });
    const tpl = await call(app, leaderA, 'GET', '/api/disclosure/requests/template.xlsx');
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
    const exp = await call(app, clerkA, 'GET', `/api/disclosure/requests?org=${T.townA}&format=xlsx`);
    expect(exp.statusCode).toBe(200);
  });
});
