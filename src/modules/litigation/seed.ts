import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import { addCalendarDays, addDays, addWorkdays } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { type Rng, rng } from '../../kernel/demo/random.js';
import { personName, phoneNumber } from '../../kernel/demo/seed.js';
import { at, type DemoOptions, daysFrom } from '../../kernel/demo/window.js';
import { ACT_KINDS, type DECISION_TYPES, type JUDGMENT_TYPES, suggestProcedure } from './model.js';
import {
  insertLawsuits,
  insertReconsiderations,
  type NewHearing,
  type NewLawsuit,
  type NewReconsideration,
} from './service.js';

const SYSTEM: Actor = { id: null, name: '演示数据' };

const ACTS: Record<(typeof ACT_KINDS)[number], { act: string; amount?: number }[]> = {
  行政处罚: [
    { act: '对未经批准占用耕地建房作出的罚款决定', amount: 18_000 },
    { act: '对擅自设置户外广告作出的警告处罚' },
    { act: '对违规焚烧秸秆作出罚款200元的处罚', amount: 200 },
    { act: '对无证经营作出没收违法所得并处罚款的决定', amount: 5_000 },
  ],
  行政强制: [{ act: '限期拆除违法建筑的强制执行决定' }, { act: '查封经营场所及扣押物品' }],
  行政许可: [{ act: '不予批准农村宅基地建房申请' }, { act: '不予办理林木采伐许可' }],
  政府信息公开: [
    { act: '对征地补偿安置信息公开申请的答复' },
    { act: '对村集体资金使用情况信息公开申请作出不予公开答复' },
  ],
  不履行法定职责: [{ act: '未依法处理土地权属争议申请' }, { act: '未对举报违法建设事项作出处理' }],
  行政协议: [{ act: '房屋征收补偿安置协议的履行' }, { act: '解除集体土地流转协议' }],
  其他: [{ act: '土地承包经营权登记行为' }, { act: '行政确认（村民资格认定）' }],
};
const KIND_WEIGHTS = [40, 10, 10, 15, 12, 8, 5];
const COMPANIES = [
  '建材有限公司',
  '农业开发有限公司',
  '商贸有限公司',
  '养殖专业合作社',
  '砖厂',
  '食品有限公司',
];

const DECISION_WEIGHTS: Record<(typeof DECISION_TYPES)[number], number> = {
  维持: 45,
  驳回复议请求: 10,
  撤销: 8,
  部分撤销: 2,
  变更: 2,
  确认违法: 7,
  确认无效: 0,
  责令履行: 3,
  驳回申请: 3,
  不予受理: 2,
  调解: 5,
  和解撤回: 10,
  终止: 3,
};
const JUDGMENT_WEIGHTS: Record<(typeof JUDGMENT_TYPES)[number], number> = {
  驳回诉讼请求: 55,
  撤销: 6,
  部分撤销: 2,
  变更: 0,
  确认违法: 6,
  确认无效: 0,
  责令履行: 3,
  给付: 1,
  撤诉: 14,
  裁定驳回起诉: 10,
  调解: 3,
};

function dayIn(r: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, r.int(0, span));
}

const min = (a: string, b: string) => (a < b ? a : b);
const pickWeighted = <K extends string>(r: Rng, w: Record<K, number>): K =>
  r.weighted(Object.keys(w) as K[], Object.values(w) as number[]);

function party(r: Rng, townName: string) {
  if (r.chance(0.8)) return { name: personName(r), kind: '自然人' as const, phone: phoneNumber(r) };
  return {
    name: `${townName.replace(/(镇|乡|街道)$/, '')}${r.pick(COMPANIES)}`,
    kind: '法人或其他组织' as const,
    phone: null,
  };
}

/** A step done on time (or, now and then, late) after `start` against a due date. */
function doneBy(r: Rng, start: string, due: string, lateChance: number): string {
  if (r.chance(lateChance)) return addDays(due, r.int(1, 6));
  const span = Math.max(1, Math.round((Date.parse(due) - Date.parse(start)) / 86_400_000));
  return addDays(start, r.int(1, span));
}

/**
 * 复议/应诉 in the demo county: a handful of cases per township over the demo window (seed 004: a district had 8
 * lawsuits in half a year), mostly upheld, some corrected or lost, a few replies late and a few hearings
 * where the head did not appear, so the rates are not all 100%.
 */
export async function seedLitigation(tx: Tx, opts: DemoOptions): Promise<void> {
  const w = opts.window;
  const START = at(w, '2024-01-01');
  const END = w.today;
  const r = rng(opts.seed + 73);
  const [county] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.code, opts.countyCode));
  const countyName = county?.name ?? '安和县';
  const short = countyName.slice(0, 1);
  const townships = await tx
    .select({ code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(sql`${orgs.level} = 'township' AND ${orgs.parentCode} = ${opts.countyCode}`)
    .orderBy(orgs.code);

  let reconNo = 0;
  const recons: NewReconsideration[] = [];
  for (const t of townships) {
    const n = r.int(1, 4);
    for (let i = 0; i < n; i++) {
      const kind = r.weighted(ACT_KINDS, KIND_WEIGHTS);
      const a = r.pick(ACTS[kind]);
      const p = party(r, t.name);
      const receivedOn = dayIn(r, START, END);
      const procedure = r.chance(0.9)
        ? suggestProcedure({ actKind: kind, act: a.act, amount: a.amount })
        : '普通';
      const due = addWorkdays(receivedOn, procedure === '简易' ? 5 : 10).due;
      const repliedRaw = doneBy(r, receivedOn, due, 0.08);
      const repliedOn = repliedRaw <= END ? repliedRaw : null;
      const decidedRaw = addDays(receivedOn, procedure === '简易' ? r.int(15, 30) : r.int(30, 75));
      const decided = decidedRaw <= END;
      const decisionType = decided ? pickWeighted(r, DECISION_WEIGHTS) : null;
      const year = receivedOn.slice(0, 4);
      const hearing = decided && procedure === '普通' && r.chance(0.15);
      const opinionOn = decided && r.chance(0.1) ? addDays(decidedRaw, r.int(5, 30)) : null;
      const opinion = opinionOn && opinionOn <= END ? opinionOn : null;
      const rectifyRaw = opinion ? doneBy(r, opinion, addCalendarDays(opinion, 60).due, 0.15) : null;
      recons.push({
        orgCode: t.code,
        authority: `${countyName}人民政府`,
        caseNo: `${short}府复〔${year}〕${++reconNo}号`,
        applicantName: p.name,
        applicantKind: p.kind,
        applicantPhone: p.phone,
        act: `${t.name}人民政府${a.act}`,
        actKind: kind,
        actOn: addDays(receivedOn, -r.int(20, 55)),
        amount: a.amount ?? null,
        procedure,
        receivedOn,
        repliedOn:
          repliedOn && (!decided || repliedOn <= decidedRaw)
            ? repliedOn
            : decided
              ? min(due, decidedRaw)
              : null,
        hearingOn: hearing ? addDays(receivedOn, r.int(15, 25)) : null,
        hearingHeadAttended: hearing ? r.chance(0.8) : null,
        hearingHeadName: hearing ? personName(r) : null,
        decisionType,
        decidedOn: decided ? decidedRaw : null,
        servedOn: decided ? min(addDays(decidedRaw, r.int(1, 5)), END) : null,
        opinionReceivedOn: opinion,
        opinionContent: opinion ? '建议规范行政执法程序，加强证据收集和法律适用审查' : null,
        rectifiedOn: rectifyRaw && rectifyRaw <= END ? rectifyRaw : null,
        rectificationReport:
          rectifyRaw && rectifyRaw <= END ? '已组织专题学习，修订执法文书模板，完善法制审核流程' : null,
        source: 'demo',
      });
    }
  }
  const savedRecons = await insertReconsiderations(tx, recons, SYSTEM);

  let suitNo = 0;
  let heard = 0;
  const suits: { lawsuit: NewLawsuit; hearings: NewHearing[] }[] = [];
  for (const t of townships) {
    const n = r.int(1, 5);
    const mine = savedRecons.filter(
      (x) => x.orgCode === t.code && x.decisionType && ['维持', '驳回复议请求'].includes(x.decisionType),
    );
    for (let i = 0; i < n; i++) {
      const after = mine.length && r.chance(0.3) ? mine.shift()! : null;
      const kind = after
        ? (after.actKind as (typeof ACT_KINDS)[number])
        : r.weighted(ACT_KINDS, KIND_WEIGHTS);
      const a = r.pick(ACTS[kind]);
      const p = after
        ? { name: after.applicantName, kind: after.applicantKind as '自然人', phone: after.applicantPhone }
        : party(r, t.name);
      const filedOn = after ? addDays(after.decidedOn!, r.int(5, 14)) : dayIn(r, START, END);
      if (filedOn > END) continue;
      const instance = r.weighted(['一审', '二审', '再审'] as const, [82, 14, 4]);
      const year = filedOn.slice(0, 4);
      suitNo++;
      const caseNo =
        instance === '一审'
          ? `（${year}）川0626行初${suitNo}号`
          : instance === '二审'
            ? `（${year}）川06行终${suitNo}号`
            : `（${year}）川06行再${suitNo}号`;
      const court =
        instance === '一审'
          ? `${countyName}人民法院`
          : instance === '二审'
            ? '德阳市中级人民法院'
            : '德阳市中级人民法院';
      const due = addCalendarDays(filedOn, 15).due;
      const answeredRaw = doneBy(r, filedOn, due, 0.06);
      const hearings: NewHearing[] = [];
      let last = filedOn;
      if (r.chance(0.85)) {
        const count = r.chance(0.15) ? 2 : 1;
        // Now and then (and in every eighth case heard) no head appears: a delegate does.
        const headIn = r.chance(0.93) && ++heard % 8 !== 3;
        for (let k = 0; k < count; k++) {
          const on = addDays(last, r.int(25, 70));
          last = on;
          if (on > END) {
            if (on <= addDays(END, 30)) hearings.push({ hearingOn: on, courtNotifiedHead: r.chance(0.3) });
            break;
          }
          const appeared = headIn && (k === 0 || r.chance(0.5));
          const deputy = r.chance(0.4);
          hearings.push({
            hearingOn: on,
            courtNotifiedHead: r.chance(0.3),
            headAppeared: appeared,
            headName: appeared ? personName(r) : null,
            headPost: appeared ? (deputy ? '副镇长' : '镇长') : null,
            headRole: appeared ? (deputy ? '分管副职' : '正职') : null,
            delegateName: appeared ? (r.chance(0.5) ? personName(r) : null) : personName(r),
            delegatePost: appeared ? null : '司法所工作人员',
            absenceReason: appeared ? null : r.pick(['需履行他人不能替代的公务', '意外事件', '其他正当事由']),
            proofSubmitted: appeared ? null : r.chance(0.8),
          });
        }
      }
      const judgedRaw = addDays(last, r.int(10, 60));
      const judged = judgedRaw <= END && (hearings.length === 0 || hearings.every((h) => h.hearingOn <= END));
      const judgmentType = judged ? pickWeighted(r, JUDGMENT_WEIGHTS) : null;
      const suggestionOn = judged && r.chance(0.08) ? addDays(judgedRaw, r.int(5, 30)) : null;
      const suggestion = suggestionOn && suggestionOn <= END ? suggestionOn : null;
      const replyRaw = suggestion ? doneBy(r, suggestion, addCalendarDays(suggestion, 30).due, 0.25) : null;
      suits.push({
        lawsuit: {
          orgCode: t.code,
          court,
          instance,
          caseNo,
          plaintiffName: p.name,
          plaintiffKind: p.kind,
          plaintiffPhone: p.phone,
          act: after ? after.act : `${t.name}人民政府${a.act}`,
          actKind: kind,
          actOn: after ? after.actOn : addDays(filedOn, -r.int(30, 150)),
          reconsiderationId: after?.id ?? null,
          filedOn,
          answeredOn: answeredRaw <= END ? answeredRaw : null,
          judgmentType,
          judgedOn: judged ? judgedRaw : null,
          appealed: judged && instance === '一审' && r.chance(0.2),
          appealedOn: null,
          suggestionKind: suggestion ? r.pick(['司法建议', '检察建议']) : null,
          suggestionReceivedOn: suggestion,
          suggestionContent: suggestion ? '建议加强行政执法程序规范，严格落实负责人出庭应诉制度' : null,
          suggestionRepliedOn: replyRaw && replyRaw <= END ? replyRaw : null,
          suggestionReply: replyRaw && replyRaw <= END ? '已召开专题会议研究整改，完善应诉工作机制' : null,
          source: 'demo',
        },
        hearings,
      });
    }
  }
  for (const s of suits)
    if (s.lawsuit.appealed) s.lawsuit.appealedOn = min(addDays(s.lawsuit.judgedOn!, r.int(5, 14)), END);
  await insertLawsuits(tx, suits, SYSTEM);
}
