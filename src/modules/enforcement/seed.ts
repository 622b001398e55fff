import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import { addDays, addWorkdays } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs, users } from '../../kernel/db/schema.js';
import { type Rng, rng } from '../../kernel/demo/random.js';
import { personName, phoneNumber } from '../../kernel/demo/seed.js';
import { at, DEMO_2024, type DemoOptions, daysFrom } from '../../kernel/demo/window.js';
import { idCardCheckChar, usccCheckChar } from '../../kernel/validate.js';
import { createItem, createOfficer, createTarget } from './catalogue.js';
import { demoCatalogue } from './demo-catalogue.js';
import { createReviewTemplate, reviewCase } from './evaluation.js';
import { createInspection, drawInspection, publishInspection, recordResult } from './inspections.js';
import { CASE_SOURCES, type ITEM_TYPES, MAJOR_REASONS, type PARTY_TYPES } from './model.js';
import type { StepName } from './rules.js';
import { enforcementCases, enforcementItems, enforcementOfficers } from './schema.js';
import { createCase, runStep } from './service.js';

/**
 * The demo's "today": the end of the window being seeded. Set first thing by `seedEnforcement`; the case
 * flows below read it rather than carrying the window through every helper.
 */
let END = DEMO_2024.today;
const SYSTEM: Actor = { id: null, name: '演示数据' };

function idCard(r: Rng, region: string): string {
  const birth = `${r.int(1958, 2000)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
  const first17 = `${region.slice(0, 6)}${birth}${String(r.int(1, 999)).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function uscc(r: Rng, region: string): string {
  for (;;) {
    let body = '';
    for (let i = 0; i < 9; i++) body += USCC_CHARS[r.int(0, 9)];
    const first17 = `92${region.slice(0, 6)}${body}`; // 92: 个体工商户
    const check = usccCheckChar(first17);
    if (check) return first17 + check;
  }
}

const SHOPS = [
  '便民超市',
  '农家乐',
  '建材经营部',
  '五金店',
  '餐馆',
  '养殖场',
  '汽修厂',
  '砂石场',
  '食品加工坊',
  '茶楼',
];

/** Demo 行政执法: the county catalogue, officers, cases through every step, 公示, 双随机 and 案卷评查. */
export async function seedEnforcement(tx: Tx, opts: DemoOptions): Promise<void> {
  const w = opts.window;
  END = w.today;
  const firstFiled = at(w, '2024-01-03');
  const filedSpan = daysFrom(firstFiled, at(w, '2025-10-04'));
  const r = rng(opts.seed + 41);
  const county = opts.countyCode;
  for (const item of demoCatalogue()) {
    await createItem(
      tx,
      {
        orgCode: county,
        listKind: item.listKind,
        name: item.name,
        itemType: item.itemType as (typeof ITEM_TYPES)[number],
        legalBasis: item.legalBasis,
        office: item.office,
        delegated: item.delegated,
        discretion: item.discretion ?? [],
        effectiveFrom: at(w, '2023-01-01'),
      },
      SYSTEM,
    );
  }
  const fines = new Map(demoCatalogue().map((i) => [i.name, i.fine]));
  const penaltyItems = (
    await tx
      .select({ id: enforcementItems.id, name: enforcementItems.name })
      .from(enforcementItems)
      .where(and(eq(enforcementItems.orgCode, county), eq(enforcementItems.itemType, '行政处罚')))
  ).map((i) => ({ ...i, fine: fines.get(i.name) ?? [200, 2000] }));
  const inspectionItems = await tx
    .select({ id: enforcementItems.id, name: enforcementItems.name })
    .from(enforcementItems)
    .where(and(eq(enforcementItems.orgCode, county), eq(enforcementItems.itemType, '行政检查')));

  const jiandu = await userActor(tx, 'xian.jiandu');
  const template = await createReviewTemplate(
    tx,
    {
      orgCode: county,
      name: `行政处罚案卷评查标准(${w.year}版)`,
      passScore: 80,
      items: [
        { key: 'subject', label: '执法主体合法、执法人员持证', points: 10 },
        { key: 'facts', label: '事实清楚、证据确凿', points: 25 },
        { key: 'basis', label: '适用依据正确、裁量适当', points: 20 },
        { key: 'procedure', label: '程序合法(告知、听证、法制审核)', points: 25 },
        { key: 'documents', label: '文书规范、送达合法', points: 10 },
        { key: 'archive', label: '案卷装订归档规范', points: 10 },
      ],
    },
    jiandu,
  );

  const townships = await tx
    .select({ code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(sql`${orgs.level} = 'township' AND ${orgs.parentCode} = ${county}`)
    .orderBy(orgs.code);
  const closed: number[] = [];
  for (const [idx, t] of townships.entries()) {
    const n = String(idx + 1).padStart(2, '0');
    const clerk = await userActor(tx, `zhen${n}.jingban`);
    const adviser = await userActor(tx, `zhen${n}.guwen`);
    const team = `${t.code}K04`; // 综合行政执法队
    const officerIds: number[] = [];
    const nOfficers = r.int(6, 9);
    for (let i = 0; i < nOfficers; i++) {
      // Most certificates valid for years; one expired mid second year, one about to expire, one never certified.
      const kind =
        i === nOfficers - 1 ? 'none' : i === nOfficers - 2 ? 'expired' : i === 0 ? 'expiring' : 'valid';
      const name = personName(r);
      const o = await createOfficer(
        tx,
        {
          orgCode: team,
          name,
          idCard: idCard(r, t.code),
          phone: phoneNumber(r),
          certNo:
            kind === 'none'
              ? null
              : `51062${String(idx + 1).padStart(2, '0')}${String(20230 + i).padStart(6, '0')}`,
          issuer: kind === 'none' ? null : '四川省人民政府',
          areas: kind === 'none' ? null : '城乡建设、市容环境、农业农村、应急管理',
          validFrom: kind === 'none' ? null : at(w, '2023-03-01'),
          validTo:
            kind === 'none'
              ? null
              : kind === 'expired'
                ? at(w, '2025-06-30')
                : kind === 'expiring'
                  ? at(w, '2026-12-31')
                  : at(w, '2028-02-28'),
        },
        SYSTEM,
      );
      if (kind !== 'none') officerIds.push(o.id);
    }
    const valid = await tx
      .select({ id: enforcementOfficers.id, validTo: enforcementOfficers.validTo })
      .from(enforcementOfficers)
      .where(inArray(enforcementOfficers.id, officerIds));
    const activeOn = (d: string) => valid.filter((o) => o.validTo! >= d).map((o) => o.id);

    const targets: number[] = [];
    for (let i = 0, m = r.int(20, 36); i < m; i++) {
      const tg = await createTarget(
        tx,
        {
          orgCode: t.code,
          name: `${t.name.slice(0, 2)}${personName(r).slice(0, 1)}记${r.pick(SHOPS)}`,
          uscc: uscc(r, t.code),
          kind: r.chance(0.7) ? '个体工商户' : '企业',
          industry: r.pick(['餐饮', '建材', '农业', '零售', '制造', '娱乐']),
          address: `${t.name}${r.int(1, 200)}号`,
        },
        SYSTEM,
      );
      targets.push(tg.id);
    }

    for (let i = 0, m = r.int(10, 24); i < m; i++) {
      const filedOn = addDays(firstFiled, r.int(0, filedSpan));
      const onDuty = activeOn(filedOn);
      if (onDuty.length < 2) continue;
      const pair = pickTwo(r, onDuty);
      const item = r.pick(penaltyItems);
      const person = r.chance(0.7);
      const party: {
        partyType: (typeof PARTY_TYPES)[number];
        partyName: string;
        partyIdNo: string;
        partyPhone: string;
      } = person
        ? {
            partyType: '自然人',
            partyName: personName(r),
            partyIdNo: idCard(r, t.code),
            partyPhone: phoneNumber(r),
          }
        : {
            partyType: '其他组织',
            partyName: `${t.name.slice(0, 2)}${r.pick(SHOPS)}`,
            partyIdNo: uscc(r, t.code),
            partyPhone: phoneNumber(r),
          };
      const base = {
        orgCode: team,
        itemId: item.id,
        source: r.weighted(CASE_SOURCES.slice(0, 5), [50, 30, 8, 7, 5]),
        ...party,
        partyAddress: `${t.name}${r.int(1, 300)}号`,
        summary: item.name.replace(/^对/, '').replace(/的处罚$/, ''),
        filedOn,
        officerIds: pair,
      };
      if (r.chance(0.3)) {
        const fine = person ? r.pick([50, 100, 200]) : r.pick([200, 500, 1000, 2000]);
        const c = await createCase(
          tx,
          {
            ...base,
            procedure: 'simple',
            penaltyTypes: ['罚款'],
            fineAmount: fine,
            decisionFacts: `经现场检查,当事人${base.summary},事实清楚。`,
            decisionBasis: item.name.includes('《') ? item.name : '依据相关法律法规',
          },
          clerk,
          END,
        );
        await step(
          tx,
          c.id,
          'execute',
          { on: filedOn, paidOn: filedOn, paidAmount: fine, note: '当场缴纳' },
          clerk,
        );
        const publishOn = addWorkdays(filedOn, r.chance(0.92) ? r.int(1, 6) : r.int(8, 14)).due;
        if (publishOn <= END) await step(tx, c.id, 'publish', { on: publishOn }, clerk);
        await step(tx, c.id, 'close', { on: addDays(filedOn, r.int(0, 3)) }, clerk);
        continue;
      }
      const c = await createCase(tx, { ...base, procedure: 'ordinary' }, clerk, END);
      const plan = await ordinaryPath(tx, r, c.id, item.fine, clerk, adviser, filedOn);
      if (plan === 'closed') closed.push(c.id);
    }

    // 双随机一公开: one plan per half-year, drawn from the 名录库 and the certified officers.
    for (const plannedOn of ['2024-04-15', '2024-10-15', '2025-04-15', '2025-10-20'].map((d) => at(w, d))) {
      const insp = await createInspection(
        tx,
        {
          orgCode: t.code,
          title: `${plannedOn.slice(0, 4)}年${plannedOn < `${plannedOn.slice(0, 4)}-07-01` ? '上' : '下'}半年${r
            .pick(inspectionItems)
            .name.replace(/^对/, '')
            .replace(/的行政检查$/, '')}双随机抽查`,
          itemId: r.pick(inspectionItems).id,
          plannedOn,
          targetCount: r.int(3, 6),
          inspectorCount: 2,
        },
        clerk,
      );
      const drawn = await drawInspection(
        tx,
        insp.id,
        { seed: hex(r), on: addDays(plannedOn, -3) },
        clerk,
        END,
      );
      if (plannedOn > at(w, '2025-10-01')) continue; // the latest plan is drawn, not yet carried out
      for (const targetId of drawn.drawnTargets ?? []) {
        await recordResult(
          tx,
          insp.id,
          {
            targetId,
            inspectedOn: addDays(plannedOn, r.int(1, 20)),
            result: r.weighted(['未发现问题', '发现问题已责令整改', '未找到检查对象'], [72, 25, 3]),
          },
          clerk,
          END,
        );
      }
      await publishInspection(tx, insp.id, { on: addDays(plannedOn, 25) }, clerk, END);
    }
    void targets;
  }

  // 案卷评查: the county reviews about a third of the files closed by mid second year.
  for (const caseId of closed) {
    const [c] = await tx
      .select({ closedOn: enforcementCases.closedOn })
      .from(enforcementCases)
      .where(eq(enforcementCases.id, caseId));
    if (!c?.closedOn || c.closedOn > at(w, '2025-06-30') || !r.chance(0.35)) continue;
    const weak = r.chance(0.12);
    await reviewCase(
      tx,
      {
        caseId,
        templateId: template.id,
        reviewedOn: addDays(c.closedOn, r.int(20, 120)) > END ? END : addDays(c.closedOn, r.int(20, 120)),
        scores: {
          subject: 10,
          facts: weak ? r.int(10, 18) : r.int(20, 25),
          basis: weak ? r.int(8, 14) : r.int(16, 20),
          procedure: weak ? r.int(10, 18) : r.int(21, 25),
          documents: r.int(7, 10),
          archive: r.int(7, 10),
        },
        comments: weak ? '证据链不完整,裁量理由未说明' : null,
      },
      jiandu,
    );
  }
}

async function userActor(tx: Tx, username: string): Promise<Actor> {
  const [u] = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.username, username));
  return u ? { id: u.id, name: u.name } : SYSTEM;
}

function pickTwo(r: Rng, ids: number[]): number[] {
  const a = r.pick(ids);
  const rest = ids.filter((x) => x !== a);
  return [a, r.pick(rest)];
}

function hex(r: Rng): string {
  return Array.from({ length: 16 }, () => r.int(0, 15).toString(16)).join('');
}

async function step(tx: Tx, id: number, name: StepName, input: Record<string, unknown>, actor: Actor) {
  return runStep(tx, id, name, input as never, actor, END);
}

/**
 * An ordinary case walked through its procedure with realistic gaps; most keep every limit, a few
 * miss one (late 公示, a decision past 90 days), and the newest stop part-way.
 */
async function ordinaryPath(
  tx: Tx,
  r: Rng,
  id: number,
  band: [number, number],
  clerk: Actor,
  adviser: Actor,
  filedOn: string,
): Promise<'open' | 'closed'> {
  let d = addDays(filedOn, r.int(8, 40));
  const stop = () => d > END;
  if (stop()) return 'open';
  const warning = r.chance(0.15);
  const fine = warning
    ? 0
    : Math.max(band[0], Math.round((band[0] + r.next() * (band[1] - band[0])) / 100) * 100);
  const penalties = warning ? ['警告'] : ['罚款'];
  await step(
    tx,
    id,
    'investigate',
    {
      on: d,
      findings: '经调查询问、现场勘验,违法事实清楚,证据确凿。',
      proposal: warning ? '拟给予警告' : `拟罚款${fine}元`,
      proposedPenalties: penalties,
      proposedFine: fine,
    },
    clerk,
  );
  const major = fine >= band[1] * 0.6 || r.chance(0.08);
  if (major) {
    await step(
      tx,
      id,
      'markMajor',
      { on: d, reasons: [r.pick(MAJOR_REASONS)], collectiveRequired: true },
      clerk,
    );
  }
  d = addDays(d, r.int(1, 5));
  if (stop()) return 'open';
  const notified = await step(
    tx,
    id,
    'notify',
    {
      on: d,
      content: `拟作出${warning ? '警告' : `罚款${fine}元`}的行政处罚,告知陈述、申辩${fine >= 10000 ? '、听证' : ''}权利。`,
    },
    clerk,
  );
  if (notified.hearingApplicable) {
    if (r.chance(0.3)) {
      await step(tx, id, 'requestHearing', { on: addWorkdays(d, r.int(1, 4)).due }, clerk);
      const noticeOn = addWorkdays(d, 5).due;
      const hearingOn = addWorkdays(noticeOn, 8).due;
      if (hearingOn > END) return 'open';
      await step(tx, id, 'scheduleHearing', { on: noticeOn, hearingOn, host: '党政办法制员' }, clerk);
      await step(
        tx,
        id,
        'holdHearing',
        { on: hearingOn, record: '听证会依法举行,当事人陈述申辩意见已记录。' },
        clerk,
      );
      d = hearingOn;
    } else {
      d = addWorkdays(d, r.int(1, 4)).due;
      if (stop()) return 'open';
      await step(tx, id, 'waiveHearing', { on: d }, clerk);
    }
  } else if (r.chance(0.4)) {
    d = addDays(d, r.int(1, 3));
    if (stop()) return 'open';
    await step(
      tx,
      id,
      'statement',
      { on: d, text: '当事人提出陈述申辩,经复核,理由不成立,不予采纳。' },
      clerk,
    );
  }
  if (major) {
    d = addDays(d, r.int(0, 2));
    if (stop()) return 'open';
    await step(tx, id, 'submitReview', { on: d }, clerk);
    d = addWorkdays(d, r.int(1, 5)).due;
    if (stop()) return 'open';
    await step(
      tx,
      id,
      'legalReview',
      {
        on: d,
        result: '同意',
        opinion: '主体合法,事实清楚,证据确凿,程序合法,适用依据正确,裁量适当,同意作出决定。',
      },
      adviser,
    );
    d = addDays(d, r.int(1, 4));
    if (stop()) return 'open';
    await step(
      tx,
      id,
      'collective',
      {
        on: d,
        attendees: '镇长、分管副镇长、综合行政执法队队长、司法所所长',
        minutes: '经集体讨论,同意法制审核意见,作出行政处罚决定。',
      },
      clerk,
    );
  }
  // A few run past the 90 days (late decisions), the rest decide within a fortnight.
  d = r.chance(0.06) ? addDays(filedOn, r.int(92, 110)) : addDays(d, r.int(1, 10));
  if (stop()) return 'open';
  const decided = await step(
    tx,
    id,
    'decide',
    {
      on: d,
      decisionKind: '处罚',
      penaltyTypes: penalties,
      fineAmount: warning ? null : fine,
      facts: '当事人实施了违法行为,有现场检查笔录、询问笔录、现场照片等证据证实。',
      basis: '依据所涉法律、法规相关条款及本县行政处罚裁量基准',
      performance: warning ? '自收到本决定书之日起生效' : '自收到本决定书之日起十五日内到指定银行缴纳罚款',
    },
    clerk,
  );
  const servedOn = r.chance(0.93) ? addWorkdays(d, r.int(0, 4)).due : addWorkdays(d, r.int(8, 12)).due;
  if (servedOn <= END)
    await step(
      tx,
      id,
      'serve',
      { on: servedOn, method: r.weighted(['直接送达', '留置送达', '邮寄送达'], [80, 10, 10]) },
      clerk,
    );
  const publishOn = r.chance(0.9) ? addWorkdays(d, r.int(1, 6)).due : addWorkdays(d, r.int(9, 15)).due;
  const published = publishOn <= END && publishOn >= (servedOn <= END ? servedOn : d);
  if (published) await step(tx, id, 'publish', { on: publishOn }, clerk);
  if (servedOn > END) return 'open';
  let last = published && publishOn > servedOn ? publishOn : servedOn;
  if (decided.fineAmount) {
    const paidOn = r.chance(0.9) ? addDays(servedOn, r.int(1, 14)) : addDays(servedOn, r.int(18, 30));
    if (paidOn > END) return 'open';
    last = paidOn > last ? paidOn : last;
    await step(tx, id, 'execute', { on: last, paidOn, paidAmount: fine }, clerk);
  } else {
    await step(tx, id, 'execute', { on: last, note: '警告已执行' }, clerk);
  }
  const closeOn = addDays(last, r.int(1, 10));
  if (closeOn > END) return 'open';
  await step(tx, id, 'close', { on: closeOn }, clerk);
  if (r.chance(0.7) && addDays(closeOn, 20) <= END)
    await step(tx, id, 'archive', { on: addDays(closeOn, 20) }, clerk);
  // Now and then a decision is set aside on 行政复议 and its 公示 comes down, mostly within 3 工作日.
  const revokeOn = addDays(closeOn, r.int(30, 90));
  if (r.chance(0.04) && revokeOn <= END && published) {
    await step(
      tx,
      id,
      'revoke',
      { on: revokeOn, kind: '撤销', reason: '经行政复议,原处罚决定被撤销' },
      clerk,
    );
    const withdrawOn = addWorkdays(revokeOn, r.chance(0.8) ? r.int(1, 3) : r.int(4, 6)).due;
    if (withdrawOn <= END)
      await step(tx, id, 'withdraw', { on: withdrawOn, reason: '原处罚决定经行政复议被撤销' }, clerk);
  }
  return 'closed';
}
