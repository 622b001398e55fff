import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser, quickSession, type Session, seedTree, T, testApp, testContext } from '../test/kernel.js';
import type { KernelContext } from './module.js';

function multipart(name: string, data: Buffer) {
  const boundary = '----fazhi-test';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('png body'),
]);

describe('attachments stored by SHA-256', () => {
  let ctx: KernelContext;
  let app: FastifyInstance;
  let clerk: Session;
  let other: Session;
  beforeAll(async () => {
    ctx = await testContext();
    ctx.files = new (ctx.files.constructor as typeof import('./files.js').FileStore)(
      ctx.files.dir,
      64 * 1024,
    );
    await seedTree(ctx);
    clerk = await quickSession(ctx, await addUser(ctx, 'files.clerk', '经办人', T.townA));
    other = await quickSession(ctx, await addUser(ctx, 'files.other', '经办人', T.townB));
    app = await testApp(ctx);
  });

  const upload = (session: Session, name: string, data: Buffer, org: string = T.villageA1) => {
    const m = multipart(name, data);
    return app.inject({
      method: 'POST',
      url: `/api/files?org=${org}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': m.contentType },
      payload: m.payload,
    });
  };

  it('stores a file once by its hash and serves it back verified, in scope only', async () => {
    const a = await upload(clerk, '现场照片.png', PNG);
    expect(a.statusCode).toBe(201);
    const b = await upload(clerk, '同一张.png', PNG);
    expect(b.json().sha256).toBe(a.json().sha256);
    expect(a.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const get = await app.inject({
      method: 'GET',
      url: `/api/files/${a.json().id}`,
      headers: { cookie: clerk.cookie },
    });
    expect(get.statusCode).toBe(200);
    expect(get.rawPayload.equals(PNG)).toBe(true);
    expect(get.headers['x-content-sha256']).toBe(a.json().sha256);
    expect(get.headers['content-disposition']).toContain(encodeURIComponent('现场照片.png'));
    const foreign = await app.inject({
      method: 'GET',
      url: `/api/files/${a.json().id}`,
      headers: { cookie: other.cookie },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it.each([
    ['an executable', 'virus.exe', Buffer.from('MZ....'), 415, '不支持的文件类型'],
    ['a file whose content is not its type', 'fake.pdf', Buffer.from('not a pdf'), 415, '不符'],
    ['an empty file', 'empty.txt', Buffer.alloc(0), 400, '文件为空'],
    ['an oversized file', 'big.txt', Buffer.alloc(65 * 1024, 65), 413, '大小限制'],
  ])('refuses %s with a clear Chinese error', async (_, name, data, status, message) => {
    const res = await upload(clerk, name, data);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toContain(message);
  });
});
