import { eq, sql } from 'drizzle-orm';
import { addDays } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { rng } from '../../kernel/demo/random.js';
import { personName, phoneNumber } from '../../kernel/demo/seed.js';
import { at, type DemoOptions, daysFrom } from '../../kernel/demo/window.js';
import { exportRows } from '../../kernel/xlsx/export.js';
import { importDisputes } from './import.js';
import { CATEGORIES, DISPUTE_LEDGER, SOURCES } from './model.js';

const SUMMARIES: Record<string, string[]> = {
  婚姻家庭: ['夫妻因家庭琐事发生争吵,女方要求离婚并分割财产', '兄弟三人因赡养老人费用分摊产生矛盾'],
  邻里: ['两户因排水沟堵塞导致雨水倒灌发生争执', '邻居在公共通道堆放杂物引发纠纷'],
  房屋宅基地: ['相邻两户因宅基地界址不清发生争议', '翻建房屋时滴水檐超出界线引发纠纷'],
  山林土地: ['两组村民因林地边界发生争议', '承包地流转租金支付发生纠纷'],
  征地拆迁: ['村民对征地补偿款分配方案有异议', '拆迁安置面积认定存在分歧'],
  劳动争议: ['务工人员被拖欠工资三个月', '工地务工受伤后工伤赔偿协商未果'],
  合同: ['农资买卖货款结算发生争议', '房屋租赁合同提前解约押金退还纠纷'],
  损害赔偿: ['饲养的狗咬伤邻居小孩,医疗费赔偿协商', '车辆刮擦致他人财物受损'],
  道路交通: ['电动车与行人相撞致人受伤,赔偿发生争议', '农用车倒车碰伤路人'],
  医疗: ['患者家属对卫生院诊疗结果有异议', '村卫生室输液后出现不良反应引发纠纷'],
  物业: ['小区业主与物业公司因物业费及服务质量发生纠纷', '电梯维修费用分摊引发业主矛盾'],
  环境污染: ['养殖场异味影响周边住户生活', '小作坊夜间噪音扰民'],
  其他: ['村民反映集体经济收益分配不公', '红白喜事占道引发邻里不满'],
};

/**
 * One realistic year and most of the next per village, written as the township ledgers a county
 * would bring in, and imported through the same import path a clerk uses.
 */
export async function seedDisputes(tx: Tx, opts: DemoOptions): Promise<void> {
  const w = opts.window;
  const r = rng(opts.seed + 11);
  const townships = await tx
    .select({ code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(sql`${orgs.level} = 'township' AND ${orgs.code} LIKE ${`${opts.countyCode.slice(0, 6)}%`}`)
    .orderBy(orgs.code);
  const catWeights = [12, 16, 14, 9, 5, 8, 9, 8, 6, 2, 4, 3, 4];
  const pickCategory = () => r.weighted(CATEGORIES, catWeights);
  const end = w.today;
  const start = at(w, '2024-01-02');
  const span = daysFrom(start, end);
  for (const t of townships) {
    const villages = await tx
      .select({ code: orgs.code, name: orgs.name })
      .from(orgs)
      .where(eq(orgs.parentCode, t.code));
    const rows: Record<string, unknown>[] = [];
    const regulars = Array.from({ length: 6 }, () => ({ name: personName(r), phone: phoneNumber(r) }));
    for (const v of villages.filter((x) => x.code.length === 12)) {
      const n = r.int(6, 16);
      for (let i = 0; i < n; i++) {
        const receivedOn = addDays(start, r.int(0, span));
        if (receivedOn > end) continue;
        const category = pickCategory();
        const age = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${receivedOn}T00:00:00Z`)) / 86_400_000;
        const roll = r.next();
        // Older disputes are mostly settled; the last weeks still have open ones.
        let status = '调解成功';
        if (roll < 0.03) status = '不予受理';
        else if (roll < 0.1) status = '调解不成';
        else if (age < 60 && roll < 0.35) status = '调解中';
        else if (age < 20 && roll < 0.5) status = '已受理';
        const closedOn = ['调解成功', '调解不成', '不予受理'].includes(status)
          ? addDays(receivedOn, r.int(1, r.chance(0.9) ? 28 : 60))
          : null;
        const repeat = r.chance(0.04) ? r.pick(regulars) : null;
        const party = repeat ?? { name: personName(r), phone: phoneNumber(r) };
        rows.push({
          receivedOn,
          village: v.name,
          source: r.pick(SOURCES),
          category,
          partyName: party.name,
          partyPhone: party.phone,
          otherName: personName(r),
          summary: r.pick(SUMMARIES[category] ?? SUMMARIES.其他!),
          riskLevel: r.chance(0.04) ? '高' : r.chance(0.2) ? '中' : '低',
          mediatorName: personName(r),
          status,
          closedOn: closedOn && closedOn > end ? end : closedOn,
          agreementForm: status === '调解成功' ? (r.chance(0.6) ? '书面' : '口头') : null,
          performance: status === '调解成功' ? (r.chance(0.9) ? '已履行' : '履行中') : null,
          transferTo: status === '调解不成' ? r.pick(['诉讼', '信访', '仲裁', '行政复议']) : null,
        });
      }
    }
    rows.sort((a, b) => String(a.receivedOn).localeCompare(String(b.receivedOn)));
    const file = await exportRows(DISPUTE_LEDGER, rows, {
      title: `${t.name}矛盾纠纷排查化解台账`,
      fields: DISPUTE_LEDGER.fields.map((f) => f.key),
    });
    const result = await importDisputes(tx, file, t.code, { id: null, name: '演示数据' }, end);
    if (result.errors.length) {
      throw new Error(`demo disputes for ${t.name}: ${JSON.stringify(result.errors.slice(0, 3))}`);
    }
  }
}
