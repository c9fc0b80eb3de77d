// DOCX: the ZIP is checked first by inflating every entry and counting the bytes actually produced (declared
// sizes can lie), so a zip bomb is refused before mammoth sees it; then mammoth's HTML gives paragraphs
// and headings, and docProps/core.xml the title, author, date and language.
import { Inflate, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { toPartialDate } from './dates';
import { blockText } from './htmlText';
import { detectLanguage, normaliseLanguageTag } from './language';
import { cleanField, normaliseText } from './normalise';
import { quoted, refuse, type ParseOutcome } from './types';

const MB = 1024 * 1024;
/** What all entries of a document may inflate to: more than any real document needs. */
export const MAX_INFLATED_BYTES = 500 * MB;
/** Real DOCX files inflate to a few times their size, XML-heavy ones to a few dozen; bombs to a thousand. */
const MAX_RATIO = 100;
/** Below this, inflating costs nothing worth refusing for, whatever the ratio. */
const SMALL_INFLATED = 64 * MB;
const MAX_ENTRIES = 50_000;
const PUSH = 4096; // compressed bytes fed at a time: each push inflates to at most a few MB

export type ZipCheck =
  | { ok: true; inflated: number }
  | { ok: false; problem: 'bomb' | 'corrupt'; inflated: number; detail: string };

/** The inflation limit for a ZIP of this size. */
export function inflationLimit(size: number): number {
  return Math.min(MAX_INFLATED_BYTES, Math.max(SMALL_INFLATED, size * MAX_RATIO));
}

/**
 * Walks the central directory and inflates each entry's data (as its local header places it), counting
 * the output, and stops as soon as the total passes the limit. Overlapping entries are counted each time.
 */
export function checkZip(bytes: Uint8Array, limit = inflationLimit(bytes.length)): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (detail: string, inflated = 0): ZipCheck => ({
    ok: false,
    problem: 'corrupt',
    inflated,
    detail,
  });
  const eocd = findEndOfDirectory(bytes);
  if (eocd < 0) return corrupt('no end of central directory');
  const entries = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || directoryOffset === 0xffffffff) return corrupt('ZIP64 archive');
  if (entries > MAX_ENTRIES) return { ok: false, problem: 'bomb', inflated: 0, detail: `${entries} entries` };
  let inflated = 0;
  let at = directoryOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      return corrupt('bad directory', inflated);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    at += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
      return corrupt('bad entry', inflated);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const end = start + compressedSize;
    if (end > bytes.length) return corrupt('entry past the end', inflated);
    if (method === 0) {
      inflated += compressedSize;
    } else if (method === 8) {
      let failed = false;
      const inflater = new Inflate((chunk) => {
        inflated += chunk.length;
      });
      try {
        for (let p = start; p < end && inflated <= limit; p += PUSH) {
          inflater.push(bytes.subarray(p, Math.min(p + PUSH, end)), p + PUSH >= end);
        }
      } catch {
        failed = true;
      }
      if (failed) return corrupt('bad compressed data', inflated);
    } else {
      return corrupt(`compression method ${method}`, inflated);
    }
    if (inflated > limit) {
      return { ok: false, problem: 'bomb', inflated, detail: `inflates past ${Math.round(limit / MB)} MB` };
    }
  }
  return { ok: true, inflated };
}

function findEndOfDirectory(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06)
      return i;
  }
  return -1;
}

export async function parseDocx(name: string, bytes: Uint8Array): Promise<ParseOutcome> {
  const check = checkZip(bytes);
  if (!check.ok && check.problem === 'bomb') {
    return refuse(
      'zip_bomb',
      `${quoted(name)} expands to far more data than any real document (a “zip bomb”); the workbench did not open it.`,
    );
  }
  const damaged = refuse('corrupt', `${quoted(name)} is damaged and cannot be read as a Word document.`);
  if (!check.ok) return damaged;

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are not text: skip their base64 copies. Nothing outside the file is read.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    html = result.value;
  } catch {
    return damaged;
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const text = normaliseText(blockText(document.body));
  if (!text.trim()) return refuse('empty', `${quoted(name)} has no text to read.`);
  const core = coreProperties(bytes);
  return {
    ok: true,
    document: {
      format: 'docx',
      text,
      pages: null,
      title: cleanField(core.title),
      author: cleanField(core.creator),
      publishedOn: toPartialDate(core.created),
      language: normaliseLanguageTag(core.language) ?? detectLanguage(text),
      origin: null,
      encoding: null,
    },
  };
}

/** docProps/core.xml's Dublin Core fields (title, creator, created, language), unescaped. */
function coreProperties(bytes: Uint8Array): Record<string, string> {
  let xml = '';
  try {
    const files = unzipSync(bytes, { filter: (file) => file.name === 'docProps/core.xml' });
    const core = files['docProps/core.xml'];
    if (core) xml = new TextDecoder().decode(core);
  } catch {
    return {};
  }
  const fields: Record<string, string> = {};
  for (const key of ['title', 'creator', 'created', 'language']) {
    const match = new RegExp(`<(?:\\w+:)?${key}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${key}>`).exec(xml);
    if (match) fields[key] = unescapeXml(match[1]!);
  }
  return fields;
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (body[0] !== '#') return named[body.toLowerCase()] ?? entity;
    const code =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
