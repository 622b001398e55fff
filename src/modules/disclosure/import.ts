import { inArray } from 'drizzle-orm';
import { type Actor, appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { type OpenDeadline, recordDeadlines } from '../../kernel/deadlines.js';
import type { ImportOutcome } from '../../kernel/module.js';
import { levelOf } from '../../kernel/orgs/codes.js';
import { maskIdCard, maskName } from '../../kernel/validate.js';
import { parseLedger, type RowError } from '../../kernel/xlsx/import.js';
import {
  ABANDONED_REASON,
  ANSWER_REASONS,
  type AnswerType,
  ITEM_LEDGER,
  MODULE,
  REQUEST_LEDGER,
} from './model.js';
import { PUBLISH_BASIS, PUBLISH_RULE, publishDue, REPLY_BASIS, REPLY_WORKDAYS, replyDue } from './rules.js';
import { disclosureItems, disclosureRequests } from './schema.js';
import { checkApplicant, indexNumbers, requestNumbers, townshipOf, trackingCode } from './service.js';

function organProblem(orgCode: string): RowError[] {
  const level = levelOf(orgCode);
  return level && ['county', 'township', 'office'].includes(level)
    ? []
    : [{ row: 0, column: '', message: '请在县、乡镇(街道)或其科室（行政机关）下导入政务公开台账' }];
}

function headerOf(model: typeof ITEM_LEDGER, columns: { field: string; header: string }[]) {
  return (key: string) =>
    columns.find((c) => c.field === key)?.header ?? model.fields.find((f) => f.key === key)!.label;
}

/** 政府信息主动公开台账 → disclosure_item in `orgCode`, all or nothing. */
export async function importItems(
  tx: Tx,
  data: Buffer,
  orgCode: string,
  actor: Actor,
  today = todayCal(),
): Promise<ImportOutcome> {
  const org = organProblem(orgCode);
  if (org.length) return { imported: 0, errors: org, warnings: [] };
  const parsed = await parseLedger(ITEM_LEDGER, data, { today });
  const errors: RowError[] = [...parsed.errors];
  const header = headerOf(ITEM_LEDGER, parsed.columns);
  const given = parsed.rows.map((r) => (r.values.indexNo ? String(r.values.indexNo).trim() : null));
  const existing = new Set(
    (
      await tx
        .select({ indexNo: disclosureItems.indexNo })
        .from(disclosureItems)
        .where(inArray(disclosureItems.indexNo, given.filter((g): g is string => Boolean(g)).concat([''])))
    ).map((x) => x.indexNo),
  );
  const seen = new Set<string>();
  for (const [k, r] of parsed.rows.entries()) {
    const v = r.values;
    const err = (key: string, message: string) => errors.push({ row: r.row, column: header(key), message });
    const formedOn = String(v.formedOn);
    const publishedOn = v.publishedOn as string | null;
    if (formedOn > today) err('formedOn', '生成日期不能晚于今天');
    if (publishedOn && publishedOn < formedOn) err('publishedOn', '公开日期不能早于生成日期');
    if (publishedOn && publishedOn > today) err('publishedOn', '公开日期不能晚于今天');
    const idx = given[k];
    if (idx && (existing.has(idx) || seen.has(idx))) err('indexNo', `索引号 ${idx} 重复`);
    if (idx) seen.add(idx);
  }
  if (parsed.rows.length === 0 && errors.length === 0)
    errors.push({ row: parsed.headerRow, column: '', message: '文件中没有数据行' });
  if (errors.length) return { imported: 0, errors, warnings: [] };

  const byYear = new Map<string, number>();
  for (const [k, r] of parsed.rows.entries())
    if (!given[k]) {
      const y = String(r.values.formedOn).slice(0, 4);
      byYear.set(y, (byYear.get(y) ?? 0) + 1);
    }
  const numbers = new Map<string, string[]>();
  for (const [y, n] of byYear) numbers.set(y, await indexNumbers(tx, orgCode, y, n));
  const values = parsed.rows.map((r, k) => {
    const v = r.values;
    const formedOn = String(v.formedOn);
    const publishedOn = (v.publishedOn as string | null) ?? null;
    return {
      orgCode,
      indexNo: given[k] ?? numbers.get(formedOn.slice(0, 4))!.shift()!,
      title: String(v.title),
      category: String(v.category),
      formedOn,
      dueOn: publishDue(formedOn),
      publishedOn,
      channel: publishedOn ? ((v.channel as string | null) ?? '政府网站') : null,
      summary: (v.summary as string | null) ?? null,
      url: (v.url as string | null) ?? null,
      source: 'import',
      createdBy: actor.id,
    };
  });
  const inserted: (typeof disclosureItems.$inferSelect)[] = [];
  for (let i = 0; i < values.length; i += 500)
    inserted.push(
      ...(await tx
        .insert(disclosureItems)
        .values(values.slice(i, i + 500))
        .returning()),
    );
  await recordDeadlines(
    tx,
    inserted.map((it) => ({
      module: MODULE,
      entity: 'item',
      entityId: it.id,
      step: 'publish',
      orgCode: it.orgCode,
      title: `主动公开 ${it.title}`,
      rule: PUBLISH_RULE,
      startsOn: it.formedOn,
      dueOn: it.dueOn,
      legalBasis: PUBLISH_BASIS,
      doneOn: it.publishedOn,
    })),
    actor,
  );
  await appendAudit(
    tx,
    inserted.map((it, i) => ({
      actor,
      orgCode: it.orgCode,
      action: 'disclosure.item.import',
      entity: 'disclosure.item',
      entityId: it.id,
      after: { ...it, on: it.formedOn, sourceRow: parsed.rows[i]!.row },
    })),
  );
  return { imported: inserted.length, errors: [], warnings: [] };
}

/** 依申请公开登记台账 → disclosure_request in `orgCode`, all or nothing. State follows the dates. */
export async function importRequests(
  tx: Tx,
  data: Buffer,
  orgCode: string,
  actor: Actor,
  today = todayCal(),
): Promise<ImportOutcome> {
  const org = organProblem(orgCode);
  if (org.length) return { imported: 0, errors: org, warnings: [] };
  const parsed = await parseLedger(REQUEST_LEDGER, data, { today });
  const errors: RowError[] = [...parsed.errors];
  const header = headerOf(REQUEST_LEDGER, parsed.columns);
  const ready: { row: number; v: Record<string, unknown>; a: ReturnType<typeof checkApplicant> }[] = [];
  for (const r of parsed.rows) {
    const v = r.values;
    const err = (key: string, message: string) => errors.push({ row: r.row, column: header(key), message });
    const receivedOn = String(v.receivedOn);
    const corrected = v.correctionReceivedOn as string | null;
    const answeredOn = v.answeredOn as string | null;
    const type = v.answerType as AnswerType | null;
    if (receivedOn > today) err('receivedOn', '收到申请日期不能晚于今天');
    if (corrected && corrected < receivedOn) err('correctionReceivedOn', '补正日期不能早于收到申请日期');
    if (answeredOn && answeredOn < (corrected ?? receivedOn))
      err('answeredOn', '答复日期不能早于收到申请（补正）日期');
    if (answeredOn && answeredOn > today) err('answeredOn', '答复日期不能晚于今天');
    if (answeredOn && !type) err('answerType', '已答复的申请须填写答复类型');
    if (type && !answeredOn) err('answeredOn', '填写了答复类型的申请须填写答复日期');
    const reason = (v.answerReason as string | null)?.trim() || null;
    if (type) {
      const reasons: readonly string[] = ANSWER_REASONS[type];
      if (reasons.length && !reason) err('answerReason', `「${type}」须填写理由：${reasons.join('、')}`);
      if (reason && !reasons.includes(reason))
        err('answerReason', `「${type}」的理由应为：${reasons.join('、') || '（无）'}`);
    }
    const kind = String(v.applicantKind);
    const applicantKind = kind === '自然人' ? '自然人' : '法人或其他组织';
    let a: ReturnType<typeof checkApplicant> = { idNo: null, phone: null, applicantSubKind: null };
    try {
      a = checkApplicant({
        applicantKind,
        applicantSubKind: kind === '法人或其他组织' ? '其他' : kind === '自然人' ? null : kind,
        idNo: v.idNo as string | null,
        phone: v.phone as string | null,
      });
    } catch (e) {
      err(String((e as Error).message).includes('电话') ? 'phone' : 'idNo', (e as Error).message);
    }
    ready.push({ row: r.row, v: { ...v, applicantKind, answerReason: reason }, a });
  }
  if (parsed.rows.length === 0 && errors.length === 0)
    errors.push({ row: parsed.headerRow, column: '', message: '文件中没有数据行' });
  if (errors.length) return { imported: 0, errors, warnings: [] };

  const byYear = new Map<string, typeof ready>();
  for (const r of ready) {
    const y = String(r.v.receivedOn).slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), r]);
  }
  let imported = 0;
  for (const [year, list] of byYear) {
    const numbers = await requestNumbers(tx, townshipOf(orgCode), year, list.length);
    const values = list.map((r, i) => {
      const v = r.v;
      const receivedOn = String(v.receivedOn);
      const channel = String(v.channel);
      const correctionReceivedOn = (v.correctionReceivedOn as string | null) ?? null;
      const extendedDays = (v.extendedDays as number | null) ?? null;
      const answeredOn = (v.answeredOn as string | null) ?? null;
      const abandoned = v.answerType === '其他处理' && v.answerReason === ABANDONED_REASON;
      const due = replyDue({ receivedOn, correctionReceivedOn, extendedDays });
      return {
        orgCode,
        requestNo: v.requestNo ? `${numbers[i]}(原${String(v.requestNo).trim()})` : numbers[i]!,
        trackingCode: trackingCode(),
        applicantKind: String(v.applicantKind),
        applicantSubKind: r.a.applicantSubKind,
        applicantName: String(v.applicantName),
        idNo: r.a.idNo,
        phone: r.a.phone,
        channel,
        mailKind: channel === '邮寄' ? '挂号或快递' : null,
        submittedOn: receivedOn,
        signedOn: channel === '邮寄' ? receivedOn : null,
        confirmedOn: channel === '当面' || channel === '邮寄' ? null : receivedOn,
        receivedOn,
        content: String(v.content),
        status: answeredOn ? 'closed' : 'received',
        correctionReceivedOn,
        extendedDays,
        dueOn: abandoned ? null : due,
        answerType: (v.answerType as string | null) ?? null,
        answerReason: (v.answerReason as string | null) ?? null,
        answeredOn,
        source: 'import',
        createdBy: actor.id,
      };
    });
    const inserted: (typeof disclosureRequests.$inferSelect)[] = [];
    for (let i = 0; i < values.length; i += 500)
      inserted.push(
        ...(await tx
          .insert(disclosureRequests)
          .values(values.slice(i, i + 500))
          .returning()),
      );
    const limits: (OpenDeadline & { doneOn?: string | null })[] = inserted
      .filter((r) => r.dueOn)
      .map((r) => ({
        module: MODULE,
        entity: 'request',
        entityId: r.id,
        step: 'reply',
        orgCode: r.orgCode,
        title: `依申请公开答复 ${r.requestNo}`,
        rule: { kind: 'WORK_DAYS', n: REPLY_WORKDAYS + (r.extendedDays ?? 0) },
        startsOn: r.correctionReceivedOn ?? r.receivedOn!,
        dueOn: r.dueOn!,
        legalBasis: REPLY_BASIS,
        doneOn: r.answeredOn,
      }));
    await recordDeadlines(tx, limits, actor);
    await appendAudit(
      tx,
      inserted.map((r, i) => ({
        actor,
        orgCode: r.orgCode,
        action: 'disclosure.request.import',
        entity: 'disclosure.request',
        entityId: r.id,
        after: {
          ...r,
          on: r.receivedOn,
          sourceRow: list[i]!.row,
          applicantName: r.applicantKind === '自然人' ? maskName(r.applicantName) : r.applicantName,
          idNo: r.idNo && r.applicantKind === '自然人' ? maskIdCard(r.idNo) : r.idNo,
          phone: null,
        },
      })),
    );
    imported += inserted.length;
  }
  return { imported, errors: [], warnings: [] };
}
