import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { type OpenDeadline, recordDeadlines } from '../../kernel/deadlines.js';
import type { ImportOutcome } from '../../kernel/module.js';
import { placeResolver } from '../../kernel/orgs/places.js';
import { maskIdCard } from '../../kernel/validate.js';
import { parseLedger, type RowError } from '../../kernel/xlsx/import.js';
import { type CATEGORIES, type CHANNELS, type OPINIONS, PETITION_LEDGER, VISIT_CHANNELS } from './model.js';
import { LIMITS } from './rules.js';
import { petitionCases, petitioners } from './schema.js';
import { intakeDeadlines, MODULE, petitionNumbers, townshipOf } from './service.js';

/**
 * Import a 信访台账 into `orgCode`'s subtree, all or nothing. A row's state follows its dates:
 * 办结日期 → 已办结 (化解 as the ledger says), 受理告知日期 → 办理中, neither → 登记.
 */
export async function importPetitions(
  tx: Tx,
  data: Buffer,
  orgCode: string,
  actor: Actor,
  today = todayCal(),
): Promise<ImportOutcome> {
  const parsed = await parseLedger(PETITION_LEDGER, data, { today });
  const errors: RowError[] = [...parsed.errors];
  const resolvePlace = await placeResolver(tx, orgCode);
  const header = (key: string) =>
    parsed.columns.find((c) => c.field === key)?.header ??
    PETITION_LEDGER.fields.find((f) => f.key === key)!.label;
  const ready: { row: number; orgCode: string; v: Record<string, unknown> }[] = [];
  for (const r of parsed.rows) {
    const v = r.values;
    const err = (key: string, message: string) => errors.push({ row: r.row, column: header(key), message });
    let code = orgCode;
    if (v.village) {
      const place = resolvePlace(String(v.village));
      if ('error' in place) err('village', place.error);
      else code = place.code;
    }
    const receivedOn = String(v.receivedOn);
    const acceptedOn = v.acceptedOn as string | null;
    const closedOn = v.closedOn as string | null;
    if (receivedOn > today) err('receivedOn', '来信来访日期不能晚于今天');
    if (acceptedOn && acceptedOn < receivedOn) err('acceptedOn', '受理告知日期不能早于来信来访日期');
    if (closedOn && !acceptedOn) err('acceptedOn', '已办结的信访件须填写受理告知日期');
    if (closedOn && acceptedOn && closedOn < acceptedOn) err('closedOn', '办结日期不能早于受理告知日期');
    if (closedOn && closedOn > today) err('closedOn', '办结日期不能晚于今天');
    if (closedOn && !v.opinion) err('opinion', '已办结的信访件须填写处理意见(支持/解释说明/不予支持)');
    ready.push({ row: r.row, orgCode: code, v });
  }
  if (parsed.rows.length === 0 && errors.length === 0)
    errors.push({ row: parsed.headerRow, column: '', message: '文件中没有数据行' });
  if (errors.length) return { imported: 0, errors, warnings: [] };

  const groups = new Map<string, typeof ready>();
  for (const r of ready) {
    const k = `${townshipOf(r.orgCode)}|${String(r.v.receivedOn).slice(0, 4)}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  let imported = 0;
  for (const [k, list] of groups) {
    const [town, year] = k.split('|') as [string, string];
    const numbers = await petitionNumbers(tx, town, year, list.length);
    const values = list.map((r, i) => {
      const v = r.v;
      const channel = v.channel as (typeof CHANNELS)[number];
      const visit = VISIT_CHANNELS.includes(channel);
      const closedOn = (v.closedOn as string | null) ?? null;
      const acceptedOn = (v.acceptedOn as string | null) ?? null;
      const resolved = Boolean(v.resolved) && Boolean(closedOn);
      return {
        orgCode: r.orgCode,
        petitionNo: v.petitionNo ? `${numbers[i]}(原${String(v.petitionNo).trim()})` : numbers[i]!,
        channel,
        origin: (v.origin as string | null) ?? '直接提出',
        category: v.category as (typeof CATEGORIES)[number],
        subject: String(v.subject),
        summary: (v.summary as string | null) ?? String(v.subject),
        batchCount: 1,
        personCount: visit ? ((v.personCount as number | null) ?? 1) : 1,
        isRepeat: Boolean(v.isRepeat),
        leaderName: (v.leaderName as string | null) ?? null,
        status: closedOn ? 'closed' : acceptedOn ? 'accepted' : 'registered',
        receivedOn: String(v.receivedOn),
        acceptedOn,
        closedOn,
        opinion: (v.opinion as (typeof OPINIONS)[number] | null) ?? null,
        resolved,
        resolvedOn: resolved ? closedOn : null,
        channelSource: 'import',
        createdBy: actor.id,
      };
    });
    const inserted: (typeof petitionCases.$inferSelect)[] = [];
    for (let i = 0; i < values.length; i += 500) {
      inserted.push(
        ...(await tx
          .insert(petitionCases)
          .values(values.slice(i, i + 500))
          .returning()),
      );
    }
    const people = inserted.map((c, i) => ({
      caseId: c.id,
      orgCode: c.orgCode,
      name: String(list[i]!.v.petitionerName),
      idCard: (list[i]!.v.petitionerIdCard as string | null) ?? null,
      phone: (list[i]!.v.petitionerPhone as string | null) ?? null,
      isRepresentative: c.personCount >= 5,
    }));
    for (let i = 0; i < people.length; i += 500)
      await tx.insert(petitioners).values(people.slice(i, i + 500));
    // The statutory limits, closed on the dates the ledger records.
    const limits: (OpenDeadline & { doneOn?: string | null })[] = [];
    for (const c of inserted) {
      for (const d of intakeDeadlines(c)) {
        if (d.step === 'objection' && c.acceptedOn) continue; // accepted as ours: no objection due
        limits.push({ ...d, doneOn: d.step === 'notify' ? c.acceptedOn : null });
      }
      if (c.acceptedOn) {
        limits.push({
          module: MODULE,
          entity: 'case',
          entityId: c.id,
          step: 'handle',
          orgCode: c.orgCode,
          title: `信访件办理 ${c.petitionNo}`,
          rule: LIMITS.handle.rule,
          startsOn: c.acceptedOn,
          legalBasis: LIMITS.handle.basis,
          doneOn: c.closedOn,
        });
      }
    }
    await recordDeadlines(tx, limits, actor);
    await appendAudit(
      tx,
      inserted.map((c, i) => ({
        actor,
        orgCode: c.orgCode,
        action: 'petitions.import',
        entity: 'petitions.case',
        entityId: c.id,
        after: {
          ...c,
          sourceRow: list[i]!.row,
          petitioner: { ...people[i], idCard: people[i]!.idCard ? maskIdCard(people[i]!.idCard!) : null },
        },
      })),
    );
    imported += inserted.length;
  }
  return { imported, errors: [], warnings: [] };
}
