import { eq, inArray } from 'drizzle-orm';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import { recordDeadlines } from '../../kernel/deadlines.js';
import { AppError } from '../../kernel/errors.js';
import type { ImportOutcome } from '../../kernel/module.js';
import { levelOf, parentOf } from '../../kernel/orgs/codes.js';
import { parseLedger, type RowError } from '../../kernel/xlsx/import.js';
import { type DOC_TYPES, DOCUMENT_LEDGER } from './model.js';
import { BASIS, effectiveOnDefault, filingDue, filingRule, isTemporaryTitle, validUntilOf } from './rules.js';
import { normdocsDocuments as docs } from './schema.js';
import { ENTITY, KERNEL_ENTITY, MODULE } from './service.js';
import { effectiveSettings } from './settings.js';

/** The ledger's 状态 column: 废止/失效 end the document; anything else (现行有效, blank) keeps it published. */
function statusFromLedger(text: unknown): 'published' | 'repealed' | 'expired' | null {
  const t = String(text ?? '').trim();
  if (!t || /有效|施行|现行|公布|印发/.test(t)) return 'published';
  if (/废止|撤销/.test(t)) return 'repealed';
  if (/失效|到期/.test(t)) return 'expired';
  return null;
}

/**
 * Import an old 发文台账 into `orgCode` (the issuing organ): every row checked, the file committed whole
 * or not at all. A 统一登记号 the ledger already has is kept; none is invented for old documents.
 */
export async function importLedger(
  tx: Tx,
  data: Buffer,
  orgCode: string,
  actor: Actor,
  today = todayCal(),
): Promise<ImportOutcome> {
  const level = levelOf(orgCode);
  if (level !== 'township' && level !== 'county') {
    throw new AppError('INVALID_ORG_CODE', '发文台账应导入到制定机关(乡镇或县级机关)');
  }
  const [org] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.code, orgCode));
  if (!org) throw new AppError('NOT_FOUND');
  const parsed = await parseLedger(DOCUMENT_LEDGER, data, { today });
  const errors: RowError[] = [...parsed.errors];
  const warnings: RowError[] = [];
  const settings = await effectiveSettings(tx, orgCode);
  const header = (key: string) =>
    parsed.columns.find((c) => c.field === key)?.header ??
    DOCUMENT_LEDGER.fields.find((f) => f.key === key)!.label;

  const numbers = parsed.rows.map((r) => String(r.values.registrationNo ?? '').trim()).filter(Boolean);
  const taken = new Set(
    numbers.length
      ? (
          await tx.select({ no: docs.registrationNo }).from(docs).where(inArray(docs.registrationNo, numbers))
        ).map((r) => r.no)
      : [],
  );
  const seen = new Set<string>();
  const values: (typeof docs.$inferInsert & { sourceRow: number })[] = [];
  for (const r of parsed.rows) {
    const v = r.values;
    const err = (k: string, message: string) => errors.push({ row: r.row, column: header(k), message });
    const warn = (k: string, message: string) => warnings.push({ row: r.row, column: header(k), message });
    const title = String(v.title ?? '').trim();
    const publishedOn = v.publishedOn as string;
    if (publishedOn && publishedOn > today) err('publishedOn', '公布日期不能晚于今天');
    const regNo = String(v.registrationNo ?? '').trim() || null;
    if (regNo) {
      if (taken.has(regNo)) err('registrationNo', `统一登记号「${regNo}」已存在`);
      else if (seen.has(regNo)) err('registrationNo', `统一登记号「${regNo}」在文件中重复`);
      seen.add(regNo);
    } else {
      warn('registrationNo', '未填写统一登记号,按历史文件导入(不补发编号)');
    }
    const status = statusFromLedger(v.status);
    if (!status) err('status', `无法识别的状态「${String(v.status)}」,可填:现行有效、已废止、已失效`);
    const reviewedOn = (v.reviewedOn as string | null) ?? null;
    let reviewResult = (v.reviewResult as string | null) ?? null;
    if (reviewResult && !reviewedOn) err('reviewedOn', '填写了审核意见,应同时填写合法性审核日期');
    if (reviewedOn && !reviewResult) {
      reviewResult = '合法';
      warn('reviewResult', '未填写审核意见,按「合法」记录');
    }
    if (reviewedOn && publishedOn && reviewedOn > publishedOn)
      err('reviewedOn', '合法性审核日期不能晚于公布日期');
    const deliberatedOn = (v.deliberatedOn as string | null) ?? null;
    if (deliberatedOn && publishedOn && deliberatedOn > publishedOn) {
      err('deliberatedOn', '集体审议日期不能晚于公布日期');
    }
    const effectiveOn =
      (v.effectiveOn as string | null) ?? (publishedOn ? effectiveOnDefault(settings, publishedOn) : null);
    if (effectiveOn && publishedOn && effectiveOn < publishedOn)
      err('effectiveOn', '施行日期不能早于公布日期');
    const temporary = isTemporaryTitle(title);
    const validUntil =
      (v.validUntil as string | null) ??
      (effectiveOn ? validUntilOf(settings, effectiveOn, temporary) : null);
    const filedOn = (v.filedOn as string | null) ?? null;
    if (filedOn && publishedOn && filedOn < publishedOn) err('filedOn', '报备日期不能早于公布日期');
    if (filedOn && filedOn > today) err('filedOn', '报备日期不能晚于今天');
    const filingResult = (v.filingResult as string | null) ?? null;
    if (filingResult && !filedOn) err('filedOn', '填写了备案审查结果,应同时填写报备日期');
    if (!publishedOn || !status) continue;
    values.push({
      sourceRow: r.row,
      orgCode,
      title,
      docType: (v.docType as (typeof DOC_TYPES)[number] | null) ?? '政府规范性文件',
      draftUnit: (v.draftUnit as string | null) ?? null,
      temporary,
      status,
      draftedOn: reviewedOn ?? deliberatedOn ?? publishedOn,
      reviewSubmittedOn: reviewedOn,
      reviewedOn,
      reviewResult,
      deliberatedOn,
      meeting: (v.meeting as string | null) ?? null,
      deliberationResult: deliberatedOn ? '通过' : null,
      registeredOn: regNo ? publishedOn : null,
      registrationNo: regNo,
      registrationYear: regNo ? Number(publishedOn.slice(0, 4)) : null,
      docNo: (v.docNo as string | null) ?? null,
      publishedOn,
      effectiveOn,
      validUntil,
      filedTo: parentOf(orgCode),
      filingDueOn: filingDue(settings, publishedOn),
      filedOn,
      filingReviewedOn: filingResult ? filedOn : null,
      filingResult,
      endedOn: status === 'published' ? null : (validUntil ?? publishedOn),
      channelSource: 'import',
      createdBy: actor.id,
    });
  }
  if (parsed.rows.length === 0 && errors.length === 0) {
    errors.push({ row: parsed.headerRow, column: '', message: '文件中没有数据行' });
  }
  if (errors.length) return { imported: 0, errors, warnings };

  const inserted: { id: number; registrationNo: string | null; publishedOn: string | null }[] = [];
  for (let i = 0; i < values.length; i += 500) {
    inserted.push(
      ...(await tx
        .insert(docs)
        .values(values.slice(i, i + 500).map(({ sourceRow: _s, ...rest }) => rest))
        .returning({ id: docs.id, registrationNo: docs.registrationNo, publishedOn: docs.publishedOn })),
    );
  }
  // 报备 as the ledger says it went: a filing deadline per document, done on the filing date.
  await recordDeadlines(
    tx,
    inserted.map((d, i) => ({
      module: MODULE,
      entity: KERNEL_ENTITY,
      entityId: d.id,
      step: 'filing',
      orgCode,
      title: `规范性文件报送备案 ${d.registrationNo ?? values[i]!.title}`,
      rule: filingRule(settings),
      startsOn: d.publishedOn!,
      legalBasis: BASIS.filing(settings.filingDays),
      doneOn: values[i]!.filedOn ?? null,
    })),
    actor,
  );
  await appendAudit(
    tx,
    inserted.map((d, i) => {
      const { sourceRow, ...rest } = values[i]!;
      return {
        actor,
        orgCode,
        action: 'normdocs.import',
        entity: ENTITY,
        entityId: d.id,
        after: { ...rest, sourceRow, on: rest.publishedOn },
      };
    }),
  );
  return { imported: inserted.length, errors: [], warnings };
}
