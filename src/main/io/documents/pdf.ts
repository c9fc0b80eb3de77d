// PDF: each page's text in reading order through pdf.js (legacy build, in Node), pages joined by a blank
// line with their spans, and the document's metadata. pdf.js gets no network: no eval, no font faces, no
// system fonts, and its CMaps and standard fonts are read from the pdfjs-dist package on disk.
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { toPartialDate } from './dates';
import { inflationLimit } from './docx';
import { detectLanguage, normaliseLanguageTag } from './language';
import { cleanField, normaliseText } from './normalise';
import { quoted, refuse, type PageSpan, type ParseOutcome } from './types';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<Pdfjs> | null = null;

/** pdf.js, with its worker code run on this thread (this module already runs off main's event loop). */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    // pdf.js builds a DOMMatrix when it loads; Node has none, and text extraction never draws with it.
    globalThis.DOMMatrix ??= class {} as unknown as typeof DOMMatrix;
    const api = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const holder = globalThis as { pdfjsWorker?: unknown };
    holder.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return api;
  })();
  return pdfjs;
}

const packageRoot = (): string =>
  path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** pdf.js's data files (CMaps for CJK fonts, standard font programs), read from the package on disk only. */
class PackageData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const folder = kind === 'cMapUrl' ? 'cmaps' : kind === 'standardFontDataUrl' ? 'standard_fonts' : null;
    if (!folder || filename.includes('/') || filename.includes('\\'))
      throw new Error(`No ${kind} data here.`);
    return new Uint8Array(await fs.readFile(path.join(packageRoot(), folder, filename)));
  }
}

/**
 * Whether the file's deflated streams, images aside, inflate past `limit` bytes in all: pdf.js holds a
 * page's whole content stream in memory, so a 300 KB page that inflates to 300 MB took 1.9 GB. Each
 * stream is found by its keywords and inflated here first, stopping at the limit. Streams that do not
 * inflate on their own (encrypted, cut short) are left to pdf.js.
 */
export function inflatesPast(bytes: Uint8Array, limit: number): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let at = buffer.indexOf('stream'); at >= 0; at = buffer.indexOf('stream', at + 6)) {
    if (at >= 3 && buffer.toString('latin1', at - 3, at) === 'end') continue;
    const dictionary = buffer.toString('latin1', Math.max(0, at - 1024), at);
    const open = dictionary.lastIndexOf('<<');
    if (
      open < 0 ||
      !/\/FlateDecode/.test(dictionary.slice(open)) ||
      /\/Subtype\s*\/Image/.test(dictionary.slice(open))
    )
      continue;
    let start = at + 6;
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] === 0x0a) start++;
    const end = buffer.indexOf('endstream', start);
    if (end < 0) break;
    try {
      total += zlib.inflateSync(buffer.subarray(start, end), {
        maxOutputLength: limit - total + 1,
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
      }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return true;
    }
    if (total > limit) return true;
    at = end;
  }
  return false;
}

export async function parsePdf(name: string, bytes: Uint8Array): Promise<ParseOutcome> {
  if (inflatesPast(bytes, inflationLimit(bytes.length)))
    return refuse(
      'corrupt',
      `${quoted(name)} unpacks to far more than a document holds (more than ${Math.round(inflationLimit(bytes.length) / 1024 / 1024)} MB of page content); the workbench does not read it.`,
    );
  const api = await loadPdfjs();
  const task = api.getDocument({
    // A copy: pdf.js takes ownership of (detaches) the buffer it is given, and the caller may keep theirs.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    BinaryDataFactory: PackageData,
    cMapUrl: 'package:cmaps/',
    cMapPacked: true,
    standardFontDataUrl: 'package:standard_fonts/',
    verbosity: api.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      pages.push(normaliseText(pageText(content.items.filter((item): item is TextItem => 'str' in item))));
      page.cleanup();
    }
    const { text, spans } = joinPages(pages);
    if (!text.trim()) {
      return refuse(
        'no_text',
        `${quoted(name)} has no text layer (it looks scanned); the workbench has no OCR.`,
      );
    }
    const { info, metadata } = await doc.getMetadata();
    const fields = info as Record<string, unknown>;
    const xmp = (key: string): unknown => {
      try {
        return metadata?.get(key);
      } catch {
        return null;
      }
    };
    return {
      ok: true,
      document: {
        format: 'pdf',
        text,
        pages: spans,
        title: pdfTitle(fields.Title) ?? pdfTitle(xmp('dc:title')),
        author: cleanField(fields.Author) ?? cleanField(xmp('dc:creator')),
        publishedOn: toPartialDate(fields.CreationDate) ?? toPartialDate(xmp('xmp:createdate')),
        language:
          normaliseLanguageTag(fields.Language) ??
          normaliseLanguageTag(xmp('dc:language')) ??
          detectLanguage(text),
        origin: null,
        encoding: null,
      },
    };
  } catch (error) {
    return pdfRefusal(name, error);
  } finally {
    await task.destroy();
  }
}

function pdfRefusal(name: string, error: unknown): ParseOutcome {
  const kind = (error as { name?: string } | null)?.name;
  if (kind === 'PasswordException') {
    return refuse('encrypted', `${quoted(name)} needs a password to open; the workbench cannot read it.`);
  }
  return refuse('corrupt', `${quoted(name)} is damaged or incomplete and cannot be read as a PDF.`);
}

/**
 * A page's text: pdf.js gives runs in content order with hasEOL at line ends; a run that starts clearly
 * lower or higher than the last one also starts a new line (generators that move the pen without saying so).
 */
export function pageText(items: TextItem[]): string {
  let text = '';
  let lastY: number | null = null;
  let lastHeight = 0;
  for (const item of items) {
    const [, b, c, d, , y] = item.transform as number[];
    const upright = b === 0 && c === 0;
    const height = Math.abs(d ?? 0) || item.height;
    if (item.str && upright && lastY !== null && text && !text.endsWith('\n')) {
      if (Math.abs((y ?? 0) - lastY) > Math.max(height, lastHeight) * 0.75) text += '\n';
    }
    text += item.str;
    if (item.hasEOL) text += '\n';
    if (item.str && upright) {
      lastY = y ?? 0;
      lastHeight = height;
    }
  }
  return text.replace(/\s+$/, '');
}

/** Pages joined by a blank line, each page's span into the joined text. */
export function joinPages(pages: string[]): { text: string; spans: PageSpan[] } {
  const spans: PageSpan[] = [];
  let text = '';
  pages.forEach((page, index) => {
    if (index > 0) text += '\n\n';
    spans.push({ number: index + 1, start: text.length, end: text.length + page.length });
    text += page;
  });
  return { text, spans };
}

/** A title that is not a title: a file name or a word processor's placeholder. */
function pdfTitle(value: unknown): string | null {
  const title = cleanField(Array.isArray(value) ? value[0] : value)?.replace(
    /^Microsoft (Word|PowerPoint) - /,
    '',
  );
  if (!title || /^untitled$/i.test(title) || /\.(docx?|odt|rtf|pdf|indd|pptx?|txt|tex)$/i.test(title))
    return null;
  return title;
}
