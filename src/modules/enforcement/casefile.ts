import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import type { Tx } from '../../kernel/db/client.js';
import { files } from '../../kernel/db/schema.js';
import type { FileStore } from '../../kernel/files.js';
import { enforcementEvidence } from './schema.js';
import { getCase } from './service.js';

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** A file name safe inside a zip on every OS. */
function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\r\n\t]/g, '_').slice(0, 80);
}

/**
 * 案卷 export: manifest.json (the case, officers, steps, and every file with its SHA-256), 清单.txt for
 * people, and the files themselves under 材料/. A blob missing from the store is listed as missing,
 * never silently dropped.
 */
export async function buildCaseFile(
  db: Tx,
  store: FileStore,
  id: number,
  personal: boolean,
): Promise<{ caseNo: string; data: Buffer }> {
  const c = await getCase(db, id, { personal, handle: false, review: false });
  const rows = await db
    .select({ e: enforcementEvidence, f: files })
    .from(enforcementEvidence)
    .leftJoin(files, eq(files.id, enforcementEvidence.fileId))
    .where(eq(enforcementEvidence.caseId, id))
    .orderBy(asc(enforcementEvidence.id));
  const zip = new JSZip();
  const listed: Record<string, unknown>[] = [];
  rows.forEach(({ e, f }, i) => {
    const ext = f?.name.includes('.') ? f.name.split('.').pop() : 'bin';
    const path = `材料/${String(i + 1).padStart(3, '0')}-${e.step}-${safeName(e.title)}.${ext}`;
    let data: Buffer | null = null;
    if (f && !e.removedAt) {
      try {
        data = store.read(f);
      } catch {
        data = null;
      }
    }
    if (data) zip.file(path, data);
    listed.push({
      evidenceId: e.id,
      name: f?.name ?? null,
      path: data ? path : null,
      step: e.step,
      kind: e.kind,
      title: e.title,
      sha256: e.sha256,
      size: f?.size ?? null,
      takenAt: e.takenAt,
      place: e.place,
      recordedAt: e.recordedAt,
      removedAt: e.removedAt,
      removedReason: e.removedReason,
      missing: !e.removedAt && !data,
    });
  });
  const { evidence: _e, timeline, allowedSteps: _a, missing: _m, officers, ...record } = c;
  const manifest = {
    generatedAt: new Date().toISOString(),
    case: record,
    officers,
    steps: timeline,
    files: listed,
  };
  const manifestText = JSON.stringify(manifest, null, 2);
  zip.file('manifest.json', manifestText);
  const lines = [
    `案卷清单 ${c.caseNo}`,
    `办案单位:${c.orgName ?? c.orgCode}`,
    `案由:${c.summary}`,
    `当事人:${c.partyName}`,
    `执法人员:${officers.map((o) => `${o.name}(${o.certNo})`).join('、')}`,
    `状态:${c.statusLabel}`,
    '',
    '办理环节:',
    ...timeline.map((t) => `  ${t.on ?? ''} ${t.label}(${t.actor})`),
    '',
    '材料(SHA-256):',
    ...listed.map(
      (f, i) =>
        `  ${i + 1}. [${f.step}] ${f.title} ${f.sha256}${f.removedAt ? `(已撤除:${f.removedReason})` : f.missing ? '(文件缺失)' : ''}`,
    ),
    '',
    `manifest.json SHA-256:${sha(manifestText)}`,
  ];
  zip.file('清单.txt', `${lines.join('\r\n')}\r\n`);
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { caseNo: c.caseNo, data };
}
