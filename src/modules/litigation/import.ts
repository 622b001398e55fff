import { inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import type { RecordModel } from '../../kernel/model.js';
import type { ImportOutcome } from '../../kernel/module.js';
import { inSubtree } from '../../kernel/scope.js';
import { type ParseResult, parseLedger, type RowError } from '../../kernel/xlsx/import.js';
import {
  type JUDGMENT_TYPES,
  LAWSUIT_LEDGER,
  type PARTY_KINDS,
  RECONSIDERATION_LEDGER,
  suggestProcedure,
} from './model.js';
import { lawsuits, reconsiderations } from './schema.js';
import {
  insertLawsuits,
  insertReconsiderations,
  type NewHearing,
  type NewLawsuit,
  type NewReconsideration,
} from './service.js';

type PartyKind = (typeof PARTY_KINDS)[number];

/** A party named like a company or an organisation is not a 自然人. */
function partyKind(name: string): PartyKind {
  return /公司|厂|合作社|中心|协会|委员会|集团|企业|商行|店|部|所|院|社|站|场/.test(name) || name.length > 6
    ? '法人或其他组织'
    : '自然人';
}

/** 镇长/书记/主任… without 副 is 正职; with 副 a 副职 (分管 when it says so). */
function roleOf(post: string | null): string | null {
  if (!post) return null;
  if (/副/.test(post)) return /分管/.test(post) ? '分管副职' : '副职';
  if (/镇长|乡长|主任|局长|书记|县长|区长|处长|所长|站长/.test(post)) return '正职';
  return '其他负责人';
}

/** Resolves the 被告/被申请人 column (e.g. 某某镇人民政府) to an org of the subtree; empty → the import's org. */
async function respondentResolver(tx: Tx, root: string) {
  const list = await tx
    .select({ code: orgs.code, name: orgs.name, level: orgs.level })
    .from(orgs)
    .where(sql`${inSubtree(orgs.code, root)} AND ${orgs.level} IN ('county', 'township')`);
  return (text: string): { code: string } | { error: string } => {
    const t = text.replace(/\s/g, '');
    if (!t) return { code: root };
    const hits = list.filter((o) => t.includes(o.name.replace(/\s/g, '')));
    // The most specific name wins: 某某镇 over 安和县 in 安和县某某镇人民政府.
    const best = hits.filter((o) => o.level === 'township');
    const pick = best.length ? best : hits;
    if (pick.length === 1) return { code: pick[0]!.code };
    if (pick.length > 1) return { error: `「${text}」对应多个单位，请写明乡镇名称` };
    return { error: `在本单位辖区内找不到「${text}」` };
  };
}

const header = (parsed: ParseResult, model: RecordModel) => (key: string) =>
  parsed.columns.find((c) => c.field === key)?.header ??
  model.fields.find((f) => f.key === key)?.label ??
  key;

/**
 * Import a 行政应诉案件台账 or a 行政复议案件台账 (which one: by its header — 复议机关 vs 法院). All or nothing:
 * any row error leaves nothing written.
 */
export async function importLitigation(
  tx: Tx,
  data: Buffer,
  orgCode: string,
  actor: Actor,
  today = todayCal(),
): Promise<ImportOutcome> {
  const suit = await parseLedger(LAWSUIT_LEDGER, data, { today });
  const has = (p: ParseResult, key: string) => p.columns.some((c) => c.field === key);
  if (!has(suit, 'court')) {
    const recon = await parseLedger(RECONSIDERATION_LEDGER, data, { today });
    if (has(recon, 'authority')) return importReconsiderations(tx, recon, orgCode, actor, today);
  }
  return importLawsuits(tx, suit, orgCode, actor, today);
}

async function existingCaseNos(tx: Tx, table: 'lawsuit' | 'reconsideration', nos: string[], root: string) {
  if (nos.length === 0) return new Set<string>();
  const t = table === 'lawsuit' ? lawsuits : reconsiderations;
  const found = await tx
    .select({ caseNo: t.caseNo })
    .from(t)
    .where(sql`${inArray(t.caseNo, nos)} AND ${inSubtree(t.orgCode, root.slice(0, 6).padEnd(12, '0'))}`);
  return new Set(found.map((f) => f.caseNo!));
}

async function importLawsuits(
  tx: Tx,
  parsed: ParseResult,
  orgCode: string,
  actor: Actor,
  today: string,
): Promise<ImportOutcome> {
  const errors: RowError[] = [...parsed.errors];
  const warnings: RowError[] = [];
  const col = header(parsed, LAWSUIT_LEDGER);
  const resolve = await respondentResolver(tx, orgCode);
  const nos = parsed.rows.map((r) => String(r.values.caseNo ?? '').trim()).filter(Boolean);
  const taken = await existingCaseNos(tx, 'lawsuit', nos, orgCode);
  const seen = new Set<string>();
  const ready: { lawsuit: NewLawsuit; hearings: NewHearing[] }[] = [];
  for (const r of parsed.rows) {
    const v = r.values as Record<string, string | number | boolean | null | undefined>;
    const before = errors.length;
    const err = (key: string, message: string) => errors.push({ row: r.row, column: col(key), message });
    const s = (k: string) => (v[k] === null || v[k] === undefined ? null : String(v[k]).trim() || null);
    const org = resolve(s('defendant') ?? '');
    if ('error' in org) err('defendant', org.error);
    const caseNo = s('caseNo');
    if (caseNo && taken.has(caseNo)) err('caseNo', `案号「${caseNo}」已在系统中登记`);
    if (caseNo && seen.has(caseNo)) err('caseNo', `案号「${caseNo}」在文件中重复`);
    if (caseNo) seen.add(caseNo);
    const filedOn = s('filedOn');
    const answeredOn = s('answeredOn');
    const hearingOn = s('hearingOn');
    const judgedOn = s('judgedOn');
    const judgmentType = s('judgmentType') as (typeof JUDGMENT_TYPES)[number] | null;
    const appeared = v.headAppeared === undefined ? null : (v.headAppeared as boolean | null);
    if (filedOn && filedOn > today) err('filedOn', '收到起诉状副本日期不能晚于今天');
    if (filedOn && answeredOn && answeredOn < filedOn)
      err('answeredOn', '答辩日期不能早于收到起诉状副本日期');
    if (filedOn && hearingOn && hearingOn < filedOn) err('hearingOn', '开庭日期不能早于收到起诉状副本日期');
    if (filedOn && judgedOn && judgedOn < filedOn) err('judgedOn', '裁判日期不能早于收到起诉状副本日期');
    if (judgmentType && !judgedOn) err('judgedOn', '已填写裁判结果的，请填写裁判日期');
    if (judgedOn && !judgmentType) err('judgmentType', '已填写裁判日期的，请填写裁判结果');
    if (appeared !== null && !hearingOn) err('hearingOn', '填写了出庭情况的，请填写开庭日期');
    if (appeared !== null && hearingOn && hearingOn > today)
      err('headAppeared', '开庭日期未到，不能填写出庭情况');
    if (appeared === true && !s('headName')) err('headName', '负责人出庭的，请填写出庭负责人');
    if (errors.length > before || !filedOn || 'error' in org) continue;
    const name = s('plaintiffName')!;
    const post = s('headPost');
    if (appeared === false)
      warnings.push({
        row: r.row,
        column: col('headAppeared'),
        message: '负责人未出庭：请在案件详情中补充委托出庭人员和不能出庭事由',
      });
    ready.push({
      lawsuit: {
        orgCode: org.code,
        court: s('court')!,
        instance: s('instance') ?? '一审',
        caseNo,
        plaintiffName: name,
        plaintiffKind: (s('plaintiffKind') as PartyKind | null) ?? partyKind(name),
        plaintiffIdNo: s('plaintiffIdNo'),
        plaintiffPhone: s('plaintiffPhone'),
        act: s('act')!,
        actKind: s('actKind')!,
        filedOn,
        answeredOn,
        judgmentType,
        judgedOn,
        note: s('note'),
        source: 'import',
        createdBy: actor.id,
      },
      hearings: hearingOn
        ? [
            {
              hearingOn,
              headAppeared: appeared,
              headName: appeared ? s('headName') : null,
              headPost: appeared ? post : null,
              headRole: appeared ? roleOf(post) : null,
            },
          ]
        : [],
    });
  }
  if (parsed.rows.length === 0 && errors.length === 0)
    errors.push({ row: parsed.headerRow, column: '', message: '文件中没有数据行' });
  if (errors.length) return { imported: 0, errors, warnings };
  const inserted = await insertLawsuits(tx, ready, actor);
  return { imported: inserted.length, errors: [], warnings };
}

async function importReconsiderations(
  tx: Tx,
  parsed: ParseResult,
  orgCode: string,
  actor: Actor,
  today: string,
): Promise<ImportOutcome> {
  const errors: RowError[] = [...parsed.errors];
  const warnings: RowError[] = [];
  const col = header(parsed, RECONSIDERATION_LEDGER);
  const resolve = await respondentResolver(tx, orgCode);
  const nos = parsed.rows.map((r) => String(r.values.caseNo ?? '').trim()).filter(Boolean);
  const taken = await existingCaseNos(tx, 'reconsideration', nos, orgCode);
  const seen = new Set<string>();
  const ready: NewReconsideration[] = [];
  for (const r of parsed.rows) {
    const v = r.values as Record<string, string | number | boolean | null | undefined>;
    const before = errors.length;
    const err = (key: string, message: string) => errors.push({ row: r.row, column: col(key), message });
    const s = (k: string) => (v[k] === null || v[k] === undefined ? null : String(v[k]).trim() || null);
    const org = resolve(s('respondent') ?? '');
    if ('error' in org) err('respondent', org.error);
    const caseNo = s('caseNo');
    if (caseNo && taken.has(caseNo)) err('caseNo', `案号「${caseNo}」已在系统中登记`);
    if (caseNo && seen.has(caseNo)) err('caseNo', `案号「${caseNo}」在文件中重复`);
    if (caseNo) seen.add(caseNo);
    const receivedOn = s('receivedOn');
    const repliedOn = s('repliedOn');
    const decidedOn = s('decidedOn');
    const decisionType = s('decisionType');
    if (receivedOn && receivedOn > today) err('receivedOn', '收到申请书副本日期不能晚于今天');
    if (receivedOn && repliedOn && repliedOn < receivedOn)
      err('repliedOn', '答复日期不能早于收到申请书副本日期');
    if (receivedOn && decidedOn && decidedOn < receivedOn)
      err('decidedOn', '决定日期不能早于收到申请书副本日期');
    if (decisionType && !decidedOn) err('decidedOn', '已填写复议决定的，请填写决定日期');
    if (decidedOn && !decisionType) err('decisionType', '已填写决定日期的，请填写复议决定');
    if (errors.length > before || !receivedOn || 'error' in org) continue;
    const name = s('applicantName')!;
    const actKind = s('actKind')!;
    const act = s('act')!;
    ready.push({
      orgCode: org.code,
      authority: s('authority')!,
      caseNo,
      applicantName: name,
      applicantKind: (s('applicantKind') as PartyKind | null) ?? partyKind(name),
      applicantIdNo: s('applicantIdNo'),
      applicantPhone: s('applicantPhone'),
      act,
      actKind,
      procedure: s('procedure') ?? suggestProcedure({ actKind, act }),
      receivedOn,
      repliedOn,
      decisionType,
      decidedOn,
      note: s('note'),
      source: 'import',
      createdBy: actor.id,
    });
  }
  if (parsed.rows.length === 0 && errors.length === 0)
    errors.push({ row: parsed.headerRow, column: '', message: '文件中没有数据行' });
  if (errors.length) return { imported: 0, errors, warnings };
  const inserted = await insertReconsiderations(tx, ready, actor);
  return { imported: inserted.length, errors: [], warnings };
}
