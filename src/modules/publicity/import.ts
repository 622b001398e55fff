import type { Actor } from '../../kernel/audit.js';
import { today as todayCal } from '../../kernel/calendar.js';
import type { Tx } from '../../kernel/db/client.js';
import type { ImportOutcome } from '../../kernel/module.js';
import { levelOf } from '../../kernel/orgs/codes.js';
import { placeResolver } from '../../kernel/orgs/places.js';
import { inSubtree } from '../../kernel/scope.js';
import { parseLedger, type RowError } from '../../kernel/xlsx/import.js';
import {
  ACTIVITY_LEDGER,
  FORMS,
  normalizeForm,
  normalizeThemes,
  normalizeVenueType,
  parseCount,
  VENUE_TYPES,
} from './model.js';
import { publicityDuties } from './schema.js';
import { type ActivityRow, checkActivities, recordActivities, townshipOf } from './service.js';

/**
 * Import a 普法宣传活动台账 into `orgCode`'s subtree. Each row is one activity: the place column names a
 * village (blank: the importing org itself); forms and 六进 are read the way ledgers write them (赶集宣传,
 * 进农村, 校园 …); reach and materials may say “约300人”, “5000余份”; a 普法责任单位 is matched by its name in
 * the activity's year. All or nothing: any row error leaves nothing written.
 */
export async function importActivities(
  tx: Tx,
  data: Buffer,
  orgCode: string,
  actor: Actor,
  today = todayCal(),
): Promise<ImportOutcome> {
  const parsed = await parseLedger(ACTIVITY_LEDGER, data);
  const errors: RowError[] = [...parsed.errors];
  const warnings: RowError[] = [];
  const resolvePlace = await placeResolver(tx, orgCode);
  const header = (key: string) =>
    parsed.columns.find((c) => c.field === key)?.header ??
    ACTIVITY_LEDGER.fields.find((f) => f.key === key)?.label ??
    key;
  // Duties of the importing org's township (or of the whole county when a county imports).
  const level = levelOf(orgCode);
  const region =
    level === 'county' || level === 'city' || level === 'province' ? orgCode : townshipOf(orgCode);
  const duties = await tx.select().from(publicityDuties).where(inSubtree(publicityDuties.orgCode, region));
  const canBeItself = ['county', 'township', 'office', 'village'].includes(levelOf(orgCode) ?? '');

  const ready: { row: number; value: ActivityRow }[] = [];
  for (const r of parsed.rows) {
    const v = r.values;
    const err = (key: string, message: string) => errors.push({ row: r.row, column: header(key), message });
    const heldOn = v.heldOn as string | null;
    const text = (k: string) => String(v[k] ?? '').trim();
    let place = orgCode;
    if (text('place')) {
      const found = resolvePlace(text('place'));
      if ('error' in found) {
        err('place', found.error);
        continue;
      }
      place = found.code;
    } else if (!canBeItself) {
      err('place', '请填写开展活动的村(社区)');
      continue;
    }
    const form = normalizeForm(text('form'));
    if (!form) err('form', `无法识别的宣传形式「${text('form')}」,应为:${FORMS.join('/')}`);
    const venueType = normalizeVenueType(text('venueType'));
    if (!venueType)
      err('venueType', `无法识别的法律六进类型「${text('venueType')}」,应为:${VENUE_TYPES.join('/')}`);
    const themes = normalizeThemes(text('themes'));
    if (!themes.length) err('themes', '「宣传主题」不能为空');
    const reach = parseCount(v.reach);
    if (text('reach') && reach === null) err('reach', `无法识别的受众人次「${text('reach')}」`);
    const materials = parseCount(v.materials);
    if (text('materials') && materials === null)
      err('materials', `无法识别的资料份数「${text('materials')}」`);
    let dutyId: number | null = null;
    if (text('dutyUnit') && heldOn) {
      const year = Number(heldOn.slice(0, 4));
      const unit = text('dutyUnit').replace(/\s/g, '');
      const match = duties.filter(
        (d) =>
          d.year === year &&
          d.unitName.replace(/\s/g, '') === unit &&
          place.startsWith(townshipOf(d.orgCode).slice(0, 9)),
      );
      if (match.length === 1) dutyId = match[0]!.id;
      else err('dutyUnit', `${year}年普法责任清单中找不到责任单位「${text('dutyUnit')}」`);
    }
    if (!heldOn || !form || !venueType || !themes.length) continue;
    if (!text('reach'))
      warnings.push({ row: r.row, column: header('reach'), message: '未填写受众人次,按0记录' });
    ready.push({
      row: r.row,
      value: {
        orgCode: place,
        heldOn,
        title: text('title'),
        themes,
        form,
        venueType,
        venueName: text('venueName') || null,
        reach: reach ?? 0,
        materials: materials ?? 0,
        dutyId,
        organiser: text('organiser') || null,
        note: text('note') || null,
        source: 'import',
      },
    });
  }
  const problems = await checkActivities(
    tx,
    ready.map((r) => r.value),
    today,
  );
  const FIELD_KEY: Record<string, string> = { orgCode: 'place', dutyId: 'dutyUnit' };
  for (const p of problems)
    errors.push({
      row: ready[p.index]!.row,
      column: header(FIELD_KEY[p.field] ?? p.field),
      message: p.message,
    });
  if (parsed.rows.length === 0 && errors.length === 0)
    errors.push({ row: parsed.headerRow, column: '', message: '文件中没有数据行' });
  if (errors.length) return { imported: 0, errors, warnings };
  const inserted = await recordActivities(
    tx,
    ready.map((r) => r.value),
    actor,
  );
  return { imported: inserted.length, errors: [], warnings };
}
