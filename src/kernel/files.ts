import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { type Actor, appendAudit } from './audit.js';
import type { Tx } from './db/client.js';
import { files } from './db/schema.js';
import { AppError } from './errors.js';

/** Accepted types: extension → MIME, with the magic bytes that must open the file (null: plain text). */
const TYPES: Record<string, { mime: string; magic: number[][] | null }> = {
  pdf: { mime: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  jpg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  png: { mime: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  gif: { mime: 'image/gif', magic: [[0x47, 0x49, 0x46, 0x38]] },
  webp: { mime: 'image/webp', magic: [[0x52, 0x49, 0x46, 0x46]] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  doc: { mime: 'application/msword', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xls: { mime: 'application/vnd.ms-excel', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  mp4: { mime: 'video/mp4', magic: null },
  mp3: { mime: 'audio/mpeg', magic: null },
  wav: { mime: 'audio/wav', magic: [[0x52, 0x49, 0x46, 0x46]] },
  txt: { mime: 'text/plain', magic: null },
  zip: { mime: 'application/zip', magic: [[0x50, 0x4b, 0x03, 0x04]] },
};

export const ALLOWED_EXTENSIONS = Object.keys(TYPES);

export interface StoredFile {
  id: number;
  sha256: string;
  size: number;
  mime: string;
  name: string;
  orgCode: string;
}

export class FileStore {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  blobPath(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Check type and size, store the bytes under their SHA-256 (once), and record the attachment. */
  async save(
    tx: Tx,
    input: { name: string; data: Buffer; orgCode: string },
    actor: Actor,
  ): Promise<StoredFile> {
    const name = path.basename(input.name).trim();
    const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
    const type = TYPES[ext];
    if (!type) {
      throw new AppError(
        'FILE_TYPE_NOT_ALLOWED',
        `不支持的文件类型「.${ext || '无扩展名'}」,允许:${ALLOWED_EXTENSIONS.join('、')}`,
      );
    }
    if (input.data.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空');
    if (input.data.length > this.maxBytes) {
      throw new AppError(
        'FILE_TOO_LARGE',
        `文件超过大小限制(最大 ${Math.round(this.maxBytes / 1048576)} MB)`,
      );
    }
    if (type.magic && !type.magic.some((m) => m.every((b, i) => input.data[i] === b))) {
      throw new AppError('FILE_TYPE_NOT_ALLOWED', `文件内容与扩展名「.${ext}」不符`);
    }
    const sha256 = createHash('sha256').update(input.data).digest('hex');
    const target = this.blobPath(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, input.data);
      fs.renameSync(tmp, target); // atomic: a crash never leaves a half-written blob under its hash
    }
    const [row] = await tx
      .insert(files)
      .values({
        sha256,
        size: input.data.length,
        mime: type.mime,
        name,
        orgCode: input.orgCode,
        uploadedBy: actor.id,
      })
      .returning();
    await appendAudit(tx, {
      actor,
      orgCode: input.orgCode,
      action: 'file.upload',
      entity: 'file',
      entityId: row!.id,
      after: { sha256, size: row!.size, name },
    });
    return { id: row!.id, sha256, size: row!.size, mime: row!.mime, name: row!.name, orgCode: row!.orgCode };
  }

  async get(tx: Tx, id: number): Promise<StoredFile | null> {
    const [row] = await tx.select().from(files).where(eq(files.id, id));
    return row ?? null;
  }

  /** The bytes, verified against their hash on the way out. */
  read(file: StoredFile): Buffer {
    const data = fs.readFileSync(this.blobPath(file.sha256));
    if (createHash('sha256').update(data).digest('hex') !== file.sha256) {
      throw new AppError('INTERNAL', '附件内容校验失败(哈希不符)');
    }
    return data;
  }
}
