import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../kernel/db/client.js';
import { orgs } from '../kernel/db/schema.js';
import type { Narratives } from './annual.js';
import { ensureReport } from './annual.js';
import { annualReports } from './schema.js';

/** What a clerk writes by hand for the parts no ledger holds; the figures come from the ledgers. */
function demoNarratives(name: string, year: number): Narratives {
  return {
    achievements: [
      {
        heading: '加强党对法治政府建设的领导',
        text: `${name}党委、政府把法治政府建设纳入年度重点工作,成立法治政府建设工作领导小组,由主要负责同志任组长,定期研究部署法治建设重点任务,形成主要领导亲自抓、分管领导具体抓、各站所协同推进的工作格局。`,
      },
    ],
    shortcomings: [
      {
        heading: '基层法治工作力量相对薄弱',
        text: '具有法律专业背景的工作人员较少,部分站所工作人员运用法治思维和法治方式解决问题的能力有待提升;法治宣传教育的针对性和实效性还需进一步增强。',
      },
    ],
    leadership: [
      {
        text: `党委、政府主要负责人切实履行推进法治建设第一责任人职责,带头学法、述法,亲自研究部署法治政府建设重点任务,对重大矛盾纠纷和信访事项亲自协调、包案化解,把法治建设情况纳入站所和村(社区)年度考核。`,
      },
    ],
    plans: [
      {
        text: `${year + 1}年,${name}将继续深入学习贯彻习近平法治思想:一是健全依法决策机制,落实重大行政决策法定程序;二是规范行政执法行为,全面落实行政执法“三项制度”;三是坚持和发展新时代“枫桥经验”,推动矛盾纠纷源头预防、就地化解;四是加强法治宣传教育,提升干部群众法治素养。`,
      },
    ],
    other: [{ text: '无。' }],
  };
}

/** A report draft for `year` for the county and every township, with the narrative parts written. */
export async function seedReportDrafts(tx: Tx, countyCode: string, year = 2024): Promise<void> {
  const list = await tx
    .select({ code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.level, ['county', 'township']));
  for (const o of list.filter((x) => x.code.startsWith(countyCode.slice(0, 6)))) {
    const row = await ensureReport(tx, o.code, year, { id: null, name: '演示数据' });
    await tx
      .update(annualReports)
      .set({ narratives: demoNarratives(o.name, year) })
      .where(eq(annualReports.id, row.id));
  }
}
