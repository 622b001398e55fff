import { eq, sql } from 'drizzle-orm';
import { addDays } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { rng } from '../../kernel/demo/random.js';
import { personName, phoneNumber } from '../../kernel/demo/seed.js';
import { at, type DemoOptions, daysFrom } from '../../kernel/demo/window.js';
import { exportRows } from '../../kernel/xlsx/export.js';
import { importPetitions } from './import.js';
import { CATEGORIES, CHANNELS, OPINIONS, PETITION_LEDGER } from './model.js';

const SUBJECTS: Record<string, string[]> = {
  建议意见: ['建议增设村内路灯', '建议整治集镇交通秩序', '建议加快农村污水管网建设'],
  检举控告: ['反映村干部优亲厚友评定低保', '举报非法采砂', '反映工程项目违规转包'],
  申诉求决: [
    '要求解决征地补偿款',
    '要求落实退役军人待遇',
    '要求解决拖欠工程款',
    '要求调处宅基地纠纷',
    '要求办理不动产登记',
  ],
};

/** The demo window (a year and most of the next): a few hundred 信访 per county, imported as the townships' ledgers. */
export async function seedPetitions(tx: Tx, opts: DemoOptions): Promise<void> {
  const w = opts.window;
  const r = rng(opts.seed + 23);
  const end = w.today;
  const start = at(w, '2024-01-02');
  const span = daysFrom(start, end);
  const townships = await tx
    .select({ code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(sql`${orgs.level} = 'township' AND ${orgs.code} LIKE ${`${opts.countyCode.slice(0, 6)}%`}`)
    .orderBy(orgs.code);
  for (const t of townships) {
    const villages = await tx
      .select({ name: orgs.name, level: orgs.level })
      .from(orgs)
      .where(eq(orgs.parentCode, t.code));
    const places = villages.filter((v) => v.level === 'village').map((v) => v.name);
    const regulars = Array.from({ length: 3 }, () => ({ name: personName(r), phone: phoneNumber(r) }));
    const rows: Record<string, unknown>[] = [];
    const n = r.int(18, 40);
    for (let i = 0; i < n; i++) {
      const receivedOn = addDays(start, r.int(0, span));
      const channel = r.weighted(CHANNELS, [14, 6, 18, 1, 22, 6]);
      const category = r.weighted(CATEGORIES, [2, 3, 10]);
      const repeat = r.chance(0.08);
      const person = repeat ? r.pick(regulars) : { name: personName(r), phone: phoneNumber(r) };
      // Most are told within the 15 days, a few late; most are closed within 60 days of 受理, some not.
      const acceptedOn = addDays(receivedOn, r.chance(0.93) ? r.int(1, 12) : r.int(16, 25));
      const closing = r.chance(0.88) ? r.int(10, 55) : r.int(61, 90);
      let closedOn: string | null = addDays(acceptedOn, closing);
      if (closedOn > end) closedOn = null;
      rows.push({
        receivedOn,
        village: r.pick(places),
        channel,
        origin: r.chance(0.3) ? '转送交办' : '直接提出',
        petitionerName: person.name,
        petitionerPhone: person.phone,
        personCount:
          channel === '走访' || channel === '领导接访' ? r.weighted([1, 2, 3, 6, 12], [60, 20, 10, 7, 3]) : 1,
        category,
        subject: r.pick(SUBJECTS[category]!),
        leaderName: r.chance(0.2) ? personName(r) : null,
        isRepeat: repeat,
        acceptedOn: acceptedOn > end ? null : acceptedOn,
        closedOn: acceptedOn > end ? null : closedOn,
        opinion: closedOn && acceptedOn <= end ? r.weighted(OPINIONS, [55, 35, 10]) : null,
        resolved: closedOn ? r.chance(0.93) : false,
      });
    }
    rows.sort((a, b) => String(a.receivedOn).localeCompare(String(b.receivedOn)));
    const file = await exportRows(PETITION_LEDGER, rows, {
      title: `${t.name}信访台账`,
      fields: PETITION_LEDGER.fields.map((f) => f.key),
    });
    const result = await importPetitions(tx, file, t.code, { id: null, name: '演示数据' }, end);
    if (result.errors.length)
      throw new Error(`demo petitions for ${t.name}: ${JSON.stringify(result.errors.slice(0, 3))}`);
  }
}
