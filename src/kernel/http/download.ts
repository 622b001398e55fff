import type { FastifyReply } from 'fastify';

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

/** Send a generated file as a download under its Chinese name (RFC 5987), typed by its extension. */
export function sendDownload(reply: FastifyReply, name: string, body: Buffer | Uint8Array, mime?: string) {
  const type = mime ?? MIME[name.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(body);
}
