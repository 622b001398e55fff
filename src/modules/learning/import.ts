import { eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/audit.js';
import { appendAudit } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import { orgs } from '../../kernel/db/schema.js';
import type { ImportOutcome } from '../../kernel/module.js';
import { inSubtree } from '../../kernel/scope.js';
import { parseLedger, type RowError } from '../../kernel/xlsx/import.js';
import { MODULE, RESULT_LEDGER, roleOf, SESSION_LEDGER, sessionKindOf, statusOf } from './model.js';
import { learningExamEntries } from './schema.js';
import {
  cleanIdCard,
  type EntryRow,
  entryValues,
  getExamRow,
  recordEntries,
  recordSessions,
  resultProblem,
  type SessionRow,
} from './service.js';

function headerOf(parsed: { columns: { field: string; header: string }[] }, model: typeof SESSION_LEDGER) {
  return (key: string) =>
    parsed.columns.find((c) => c.field === key)?.header ??
    model.fields.find((f) => f.key === key)?.label ??
    key;
}

/**
 * Import a 学法活动台账 into `orgCode` (the sessions are the org's own). All or nothing: the kernel rolls
 * back when any row has an error.
 */
export async function importSessions(
  tx: Tx,
  data: Buffer,
  orgCode: string,
  actor: Actor,
  today = todayCal(),
): Promise<ImportOutcome> {
  const parsed = await parseLedger(SESSION_LEDGER, data);
  const errors: RowError[] = [...parsed.errors];
  const warnings: RowError[] = [];
  const header = headerOf(parsed, SESSION_LEDGER);
  const ready: SessionRow[] = [];
  for (const r of parsed.rows) {
    const v = r.values;
    const kindText = String(v.kind ?? '');
    const kind = sessionKindOf(kindText);
    if (!kind) {
      errors.push({
        row: r.row,
        column: header('kind'),
        message: `无法识别学法形式「${kindText}」，应为：党委理论学习中心组学法/政府常务会议会前学法/专题法治讲座/专题培训/其他`,
      });
      continue;
    }
    const heldOn = v.heldOn as string;
    if (heldOn > today) {
      errors.push({ row: r.row, column: header('heldOn'), message: '学习日期不能晚于今天' });
      continue;
    }
    const topic = String(v.topic ?? '').trim();
    if (topic.length < 2) {
      errors.push({ row: r.row, column: header('topic'), message: '请填写学习主题' });
      continue;
    }
    ready.push({
      orgCode,
      kind,
      heldOn,
      topic,
      laws: (v.laws as string | null) ?? null,
      lecturer: (v.lecturer as string | null) ?? null,
      attendees: (v.attendees as number | null) ?? null,
      hours: (v.hours as number | null) ?? null,
      note: (v.note as string | null) ?? null,
      source: 'import',
    });
  }
  if (parsed.rows.length === 0 && errors.length === 0)
    errors.push({ row: parsed.headerRow, column: '', message: '文件中没有数据行' });
  if (errors.length) return { imported: 0, errors, warnings };
  const inserted = await recordSessions(tx, ready, actor);
  return { imported: inserted.length, errors: [], warnings };
}

/** The org a 单位 text names, inside `root`'s subtree: the longest township/village name it contains. */
async function unitResolver(tx: Tx, root: string) {
  const list = await tx
    .select({ code: orgs.code, name: orgs.name, level: orgs.level })
    .from(orgs)
    .where(inSubtree(orgs.code, root));
  const named = list
    .filter((o) => ['township', 'village'].includes(o.level) && o.code !== root)
    .sort((a, b) => b.name.length - a.name.length);
  return (unit: string): string => {
    const t = unit.replace(/\s/g, '');
    if (!t) return root;
    return named.find((o) => t.includes(o.name))?.code ?? root;
  };
}

/**
 * Import an exam platform's results export into an exam's roster. A row is matched to the roster by
 * 身份证号 (or by 姓名 when either has no number); people not on the roster are added to it; people on
 * the roster missing from the file keep their state (未参考 unless recorded otherwise). All or nothing.
 */
export async function importResults(
  tx: Tx,
  examId: number,
  data: Buffer,
  actor: Actor,
  today = todayCal(),
): Promise<ImportOutcome> {
  const exam = await getExamRow(tx, examId);
  const parsed = await parseLedger(RESULT_LEDGER, data);
  const errors: RowError[] = [...parsed.errors];
  const warnings: RowError[] = [];
  const header = headerOf(parsed, RESULT_LEDGER);
  const roster = await tx.select().from(learningExamEntries).where(eq(learningExamEntries.examId, examId));
  const resolveUnit = await unitResolver(tx, exam.orgCode);
  const seen = new Map<string, number>();
  const updates: { id: number; row: EntryRow }[] = [];
  const added: EntryRow[] = [];
  for (const r of parsed.rows) {
    const v = r.values;
    const err = (key: string, message: string) => errors.push({ row: r.row, column: header(key), message });
    const name = String(v.personName ?? '')
      .replace(/\s/g, '')
      .trim();
    const idCard = cleanIdCard(v.idCard as string | null);
    if (name.length < 2) {
      err('personName', '姓名至少2个字');
      continue;
    }
    const key = idCard ?? `name:${name}`;
    if (seen.has(key)) {
      err('personName', `与第${seen.get(key)}行是同一人，请删除重复行`);
      continue;
    }
    seen.set(key, r.row);
    const score = (v.score as number | null) ?? null;
    const statusText = String(v.status ?? '');
    const status = statusOf(statusText, score !== null);
    if (!status) {
      err('status', `无法识别参考状态「${statusText}」，应为：已参考/未参考/缺考/免考`);
      continue;
    }
    const problem = resultProblem({ status, score });
    if (problem) {
      err(status === '已参考' ? 'score' : 'status', problem);
      continue;
    }
    const sittedOn = (v.sittedOn as string | null) ?? null;
    if (sittedOn && sittedOn > today) {
      err('sittedOn', '考试时间不能晚于今天');
      continue;
    }
    const unitName = (v.unitName as string | null) ?? null;
    const roleText = String(v.role ?? '');
    const result: Omit<EntryRow, 'orgCode' | 'personName'> = {
      status,
      score,
      attempts: (v.attempts as number | null) ?? null,
      makeupScore: (v.makeupScore as number | null) ?? null,
      studyHours: (v.studyHours as number | null) ?? null,
      sittedOn,
      source: 'import',
    };
    const byId = idCard ? roster.filter((x) => x.idCard === idCard) : [];
    const byName = roster.filter(
      (x) => x.personName === name && (!idCard || !x.idCard || x.idCard === idCard),
    );
    const match = byId.length === 1 ? byId : byName;
    if (match.length > 1) {
      err('idCard', `名册中有${match.length}名“${name}”，请填写身份证号区分`);
      continue;
    }
    if (match.length === 1) {
      const x = match[0]!;
      updates.push({
        id: x.id,
        row: {
          ...x,
          ...result,
          idCard: x.idCard ?? idCard,
          unitName: x.unitName ?? unitName,
          role: x.role ?? roleOf(roleText),
        },
      });
    } else {
      added.push({
        ...result,
        orgCode: resolveUnit(unitName ?? ''),
        personName: name,
        idCard,
        unitName,
        role: roleOf(roleText),
        required: true,
      });
      warnings.push({ row: r.row, column: header('personName'), message: `${name}不在名册中，已加入名册` });
    }
  }
  if (parsed.rows.length === 0 && errors.length === 0)
    errors.push({ row: parsed.headerRow, column: '', message: '文件中没有数据行' });
  if (errors.length) return { imported: 0, errors, warnings };

  const updatedIds = new Set(updates.map((u) => u.id));
  for (const u of updates) {
    const v = entryValues(exam.id, exam, u.row);
    const before = roster.find((x) => x.id === u.id)!;
    await tx
      .update(learningExamEntries)
      .set({ ...v, required: before.required && v.status !== '免考', updatedAt: new Date() })
      .where(eq(learningExamEntries.id, u.id));
  }
  await recordEntries(tx, exam, added, actor);
  const missing = roster.filter((x) => !updatedIds.has(x.id) && x.required && !x.sat).length;
  if (missing) warnings.push({ row: 0, column: '', message: `名册中${missing}人不在文件中，保持“未参考”` });
  await appendAudit(tx, {
    actor,
    orgCode: exam.orgCode,
    action: `${MODULE}.exam.import`,
    entity: 'learning.exam',
    entityId: exam.id,
    after: { updated: updates.length, added: added.length, missing },
  });
  return { imported: updates.length + added.length, errors: [], warnings };
}
