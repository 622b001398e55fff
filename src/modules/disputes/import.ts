import { eq, sql } from 'drizzle-orm';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { recordDeadlines } from '../../kernel/deadlines.js';
import { AppError } from '../../kernel/errors.js';
import type { ImportOutcome } from '../../kernel/module.js';
import { placeResolver } from '../../kernel/orgs/places.js';
import { inSubtree } from '../../kernel/scope.js';
import { maskIdCard } from '../../kernel/validate.js';
import { parseLedger, type RowError } from '../../kernel/xlsx/import.js';
import { type CATEGORIES, DISPUTE_LEDGER, type SOURCES, type Status } from './model.js';
import { judicialConfirmDue, statusFromLedger } from './rules.js';
import { disputeCases, disputeParties } from './schema.js';
import { caseNumbers, MEDIATION_LIMIT_DAYS, MODULE, townshipOf } from './service.js';

export type ImportResult = ImportOutcome;

/**
 * Import a 矛盾纠纷台账 workbook into `orgCode`'s subtree: every row is validated, and the file
 * commits whole or not at all. Rows keep the state and dates their ledger records.
 */
export async function importDisputes(
  tx: Tx,
  data: Buffer,
  orgCode: string,
  actor: Actor,
  today = todayCal(),
): Promise<ImportResult> {
  const parsed = await parseLedger(DISPUTE_LEDGER, data);
  const errors: RowError[] = [...parsed.errors];
  const warnings: RowError[] = [];
  const resolvePlace = await placeResolver(tx, orgCode);
  const [target] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.code, orgCode));
  if (!target) throw new AppError('NOT_FOUND');
  const header = (key: string) =>
    parsed.columns.find((c) => c.field === key)?.header ??
    DISPUTE_LEDGER.fields.find((f) => f.key === key)!.label;

  interface Ready {
    row: number;
    orgCode: string;
    status: Status;
    v: Record<string, unknown>;
    closedOn: string | null;
  }
  const ready: Ready[] = [];
  for (const r of parsed.rows) {
    const v = r.values;
    const err = (key: string, message: string) => errors.push({ row: r.row, column: header(key), message });
    const village = String(v.village ?? '').trim();
    const place = resolvePlace(village);
    const code = 'code' in place ? place.code : null;
    if ('error' in place) err('village', place.error);
    const status = statusFromLedger(v.status as string | null);
    if (!status)
      err(
        'status',
        `无法识别的调处结果「${String(v.status)}」,可填:调解成功/已化解、调解不成/未化解、调解中、已受理、不予受理`,
      );
    const receivedOn = v.receivedOn as string;
    if (receivedOn && receivedOn > today) err('receivedOn', '登记日期不能晚于今天');
    let closedOn = (v.closedOn as string | null) ?? null;
    if (closedOn && receivedOn && closedOn < receivedOn) err('closedOn', '化解日期不能早于登记日期');
    if (closedOn && closedOn > today) err('closedOn', '化解日期不能晚于今天');
    if ((status === 'resolved' || status === 'failed') && !closedOn) {
      closedOn = receivedOn;
      warnings.push({
        row: r.row,
        column: header('closedOn'),
        message: '未填写化解(办结)日期,按登记日期记录',
      });
    }
    if (code && status) ready.push({ row: r.row, orgCode: code, status, v, closedOn });
  }
  if (parsed.rows.length === 0 && errors.length === 0) {
    errors.push({ row: parsed.headerRow, column: '', message: '文件中没有数据行' });
  }
  if (errors.length) return { imported: 0, errors, warnings };

  // All rows are valid: write them in one go, grouped by township-year for case numbers.
  const groups = new Map<string, Ready[]>();
  for (const r of ready) {
    const k = `${townshipOf(r.orgCode)}|${String(r.v.receivedOn).slice(0, 4)}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  let imported = 0;
  for (const [k, list] of groups) {
    const [town, year] = k.split('|') as [string, string];
    const numbers = await caseNumbers(tx, town, year, list.length);
    const values = list.map((r, i) => {
      const v = r.v;
      const agreementForm = (v.agreementForm as string | null) ?? (r.status === 'resolved' ? '口头' : null);
      const accepted = ['accepted', 'mediating', 'resolved', 'failed'].includes(r.status);
      return {
        orgCode: r.orgCode,
        caseNo: (v.caseNo as string | null)?.trim()
          ? `${numbers[i]}(原${String(v.caseNo).trim()})`
          : numbers[i]!,
        source: (v.source as (typeof SOURCES)[number] | null) ?? '排查发现',
        category: v.category as (typeof CATEGORIES)[number],
        summary: String(v.summary),
        riskLevel: (v.riskLevel as string | null) ?? '低',
        mediatorName: (v.mediatorName as string | null) ?? null,
        status: r.status,
        receivedOn: String(v.receivedOn),
        acceptedOn: accepted ? String(v.receivedOn) : null,
        rejectedOn: r.status === 'rejected' ? (r.closedOn ?? String(v.receivedOn)) : null,
        mediationOn: ['mediating', 'resolved', 'failed'].includes(r.status) ? String(v.receivedOn) : null,
        resolvedOn: r.status === 'resolved' ? r.closedOn : null,
        failedOn: r.status === 'failed' ? r.closedOn : null,
        transferTo: r.status === 'failed' ? ((v.transferTo as string | null) ?? null) : null,
        agreementForm: r.status === 'resolved' ? agreementForm : null,
        agreementText: r.status === 'resolved' ? ((v.agreementText as string | null) ?? null) : null,
        performance: r.status === 'resolved' ? ((v.performance as string | null) ?? null) : null,
        judicialDueOn:
          r.status === 'resolved' && agreementForm === '书面' && r.closedOn
            ? judicialConfirmDue(r.closedOn)
            : null,
        followupOn: (v.followupOn as string | null) ?? null,
        channel: 'import',
        createdBy: actor.id,
      };
    });
    const inserted: { id: number; orgCode: string; caseNo: string; status: string; receivedOn: string }[] =
      [];
    for (let i = 0; i < values.length; i += 500) {
      inserted.push(
        ...(await tx
          .insert(disputeCases)
          .values(values.slice(i, i + 500))
          .returning({
            id: disputeCases.id,
            orgCode: disputeCases.orgCode,
            caseNo: disputeCases.caseNo,
            status: disputeCases.status,
            receivedOn: disputeCases.receivedOn,
          })),
      );
    }
    const parties = inserted.flatMap((c, i) => {
      const v = list[i]!.v;
      const out = [
        {
          caseId: c.id,
          orgCode: c.orgCode,
          role: '申请人',
          name: String(v.partyName),
          idCard: (v.partyIdCard as string | null) ?? null,
          phone: (v.partyPhone as string | null) ?? null,
          address: (v.partyAddress as string | null) ?? null,
        },
      ];
      if (v.otherName) {
        out.push({
          caseId: c.id,
          orgCode: c.orgCode,
          role: '被申请人',
          name: String(v.otherName),
          idCard: (v.otherIdCard as string | null) ?? null,
          phone: (v.otherPhone as string | null) ?? null,
          address: null,
        });
      }
      return out;
    });
    for (let i = 0; i < parties.length; i += 500)
      await tx.insert(disputeParties).values(parties.slice(i, i + 500));
    // The mediation step's deadline, as the ledger's dates say it went.
    await recordDeadlines(
      tx,
      inserted.flatMap((c, i) => {
        const r = list[i]!;
        if (!['accepted', 'mediating', 'resolved', 'failed'].includes(r.status)) return [];
        return [
          {
            module: MODULE,
            entity: 'case',
            entityId: c.id,
            step: 'mediate',
            orgCode: c.orgCode,
            title: `纠纷调解 ${c.caseNo}`,
            rule: { kind: 'CAL_DAYS' as const, n: MEDIATION_LIMIT_DAYS },
            startsOn: c.receivedOn,
            legalBasis: '《人民调解工作若干规定》第三十六条:一般在一个月内调结',
            doneOn: r.status === 'resolved' || r.status === 'failed' ? r.closedOn : null,
          },
        ];
      }),
      actor,
    );
    await appendAudit(
      tx,
      inserted.map((c, i) => ({
        actor,
        orgCode: c.orgCode,
        action: 'disputes.import',
        entity: 'disputes.case',
        entityId: c.id,
        after: {
          ...values[i],
          sourceRow: list[i]!.row,
          parties: parties
            .filter((p) => p.caseId === c.id)
            .map((p) => ({ ...p, idCard: p.idCard ? maskIdCard(p.idCard) : null })),
        },
      })),
    );
    imported += inserted.length;
  }
  return { imported, errors: [], warnings };
}

/** How many of the subtree's disputes there are (used by tests and the CLI summary). */
export async function countDisputes(tx: Tx, orgCode: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(disputeCases)
    .where(inSubtree(disputeCases.orgCode, orgCode));
  return Number(r?.n ?? 0);
}
