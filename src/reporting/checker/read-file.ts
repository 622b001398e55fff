/** Read a report from .txt (UTF-8, UTF-16 with BOM, GB18030/GBK) or .docx into plain text. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import JSZip from 'jszip';

export async function readReportFile(path: string): Promise<string> {
  const bytes = await readFile(path);
  const ext = extname(path).toLowerCase();
  const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === '.docx' || (ext !== '.txt' && isZip)) return docxText(bytes);
  if (ext === '.doc') throw new Error('不支持旧版 .doc 文件,请另存为 .docx 或 .txt');
  return decodeText(bytes);
}

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/\r\n?/g, '\n');
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return XML_ENTITIES[e] ?? '';
  });
}

/**
 * The paragraphs of word/document.xml in document order, one per line. Field instructions
 * (w:instrText, and anything between a field's begin and separate marks) are dropped; field
 * results are kept. Deleted text (w:delText) and the fallback copy of text boxes are skipped.
 */
export function documentXmlText(xml: string): string {
  const paragraphs: string[] = [];
  let current = '';
  let inText = false;
  let runDepth = 0;
  let fallbackDepth = 0;
  /** One entry per open complex field: true while in its instruction part. */
  const fields: boolean[] = [];
  const tag = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(tag)) {
    const [, closing, name, attrs = '', selfClosing, chars] = m;
    if (chars !== undefined) {
      if (inText && fallbackDepth === 0 && !fields.some((instr) => instr)) current += decodeEntities(chars);
      continue;
    }
    if (name === 'mc:Fallback') {
      if (!selfClosing) fallbackDepth += closing ? -1 : 1;
      continue;
    }
    if (fallbackDepth > 0) continue;
    if (name === 'w:r' && !selfClosing) runDepth += closing ? -1 : 1;
    else if (name === 'w:t') inText = !closing && !selfClosing;
    else if (name === 'w:tab' && !closing && runDepth > 0) current += '\t';
    else if ((name === 'w:br' || name === 'w:cr') && !closing && runDepth > 0) current += '\n';
    else if (name === 'w:fldChar') {
      const type = /w:fldCharType="(\w+)"/.exec(attrs)?.[1];
      if (type === 'begin') fields.push(true);
      else if (type === 'separate' && fields.length > 0) fields[fields.length - 1] = false;
      else if (type === 'end') fields.pop();
    } else if (name === 'w:p' && closing) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs.join('\n');
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = zip.file('word/document.xml');
  if (!doc) throw new Error('不是有效的 .docx 文件:缺少 word/document.xml');
  return documentXmlText(await doc.async('string'));
}
