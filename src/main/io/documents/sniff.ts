// What a file is, by its content first and its name second: a PDF renamed .txt is still a PDF, and a
// PNG renamed .txt is refused rather than read as text.
import { unzipSync } from 'fflate';
import type { DocumentFormat } from './types';

export type Sniffed =
  | { kind: 'document'; format: DocumentFormat }
  /** A file that is not text at all (an image, an executable, an archive). */
  | { kind: 'binary'; what: string }
  /** A document format the workbench does not read, with what to do about it. */
  | { kind: 'unsupported'; what: string; advice: string }
  /** An Office document saved with a password (an encrypted package inside an OLE container). */
  | { kind: 'encrypted' };

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * Magic numbers of common binary files, refused as binary naming what they look like. Signatures that a text
 * could start with are left out: NUL bytes and control characters catch those files.
 */
const BINARY_SIGNATURES: { bytes: number[]; at?: number; what: string }[] = [
  { bytes: [0x89, ...ascii('PNG')], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: ascii('GIF8'), what: 'a GIF image' },
  { bytes: ascii('II*\0'), what: 'a TIFF image' },
  { bytes: ascii('MM\0*'), what: 'a TIFF image' },
  { bytes: ascii('ftyp'), at: 4, what: 'a video or sound file' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], what: 'a video' },
  { bytes: ascii('OggS'), what: 'a sound or video file' },
  { bytes: ascii('fLaC'), what: 'a sound file' },
  { bytes: [0x7f, ...ascii('ELF')], what: 'a program' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a program' },
  { bytes: [0xfe, 0xed, 0xfa, 0xcf], what: 'a program' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], what: 'a program' },
  { bytes: ascii('\0asm'), what: 'a program' },
  { bytes: [0x1f, 0x8b], what: 'a compressed archive' },
  { bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c], what: 'a compressed archive' },
  { bytes: ascii('Rar!\x1a\x07'), what: 'a compressed archive' },
  { bytes: [0xfd, ...ascii('7zXZ'), 0], what: 'a compressed archive' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'a compressed archive' },
  { bytes: ascii('SQLite format 3\0'), what: 'a database' },
];

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The start of the file as Latin-1 text, for markup and signature checks. */
function head(bytes: Uint8Array, length = 1024): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, length));
}

export function sniff(name: string, bytes: Uint8Array): Sniffed {
  // PDF readers accept the header anywhere in the first kilobyte.
  if (head(bytes).includes('%PDF-')) return { kind: 'document', format: 'pdf' };
  if (startsWith(bytes, ascii('PK\x03\x04')) || startsWith(bytes, ascii('PK\x05\x06')))
    return sniffZip(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (containsUtf16(bytes, 'EncryptedPackage')) return { kind: 'encrypted' };
    return {
      kind: 'unsupported',
      what: 'an old Microsoft Office file (.doc, .xls or .ppt)',
      advice: 'save it as .docx or PDF and import that',
    };
  }
  const text = head(bytes).replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '');
  if (/^\s*\{\\rtf/.test(text)) {
    return {
      kind: 'unsupported',
      what: 'an RTF document',
      advice: 'save it as .docx or PDF and import that',
    };
  }
  for (const { bytes: signature, at, what } of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature, at)) return { kind: 'binary', what };
  }
  if (startsWith(bytes, ascii('RIFF'))) return { kind: 'binary', what: 'an image, sound or video file' };
  const ext = extension(name);
  if (isHtml(text, ext)) return { kind: 'document', format: 'html' };
  if (ext === 'md' || ext === 'markdown') return { kind: 'document', format: 'md' };
  return { kind: 'document', format: 'txt' };
}

/** Markup that opens an HTML page, or an .html name with a tag near the start. */
function isHtml(start: string, ext: string): boolean {
  // UTF-16 pages: look at the ASCII letters only.
  const letters = start.replace(/\0/g, '');
  const opening = letters.replace(/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*/i, '');
  if (/^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(opening)) return true;
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return /<[a-z!]/i.test(letters);
  if (ext === 'md' || ext === 'markdown' || ext === 'txt') return false;
  return /^<(meta|title|script|style|div|p|h1|table|a)[\s>]/i.test(opening);
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const needle = Buffer.from(word, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** A DOCX is a ZIP holding word/document.xml; other ZIPs (.xlsx, .odt, .epub, plain archives) are not read. */
function sniffZip(bytes: Uint8Array): Sniffed {
  const names = zipEntryNames(bytes);
  if (names === null) return { kind: 'document', format: 'docx' }; // unreadable: the DOCX reader says corrupt
  if (names.includes('word/document.xml')) return { kind: 'document', format: 'docx' };
  if (names.some((n) => n.startsWith('xl/'))) {
    return {
      kind: 'unsupported',
      what: 'an Excel workbook',
      advice: 'export the sheet as CSV and import it into the sheet',
    };
  }
  if (names.some((n) => n.startsWith('ppt/'))) {
    return {
      kind: 'unsupported',
      what: 'a PowerPoint presentation',
      advice: 'save it as PDF and import that',
    };
  }
  if (names.includes('mimetype') && names.includes('content.xml')) {
    return {
      kind: 'unsupported',
      what: 'an OpenDocument file',
      advice: 'save it as .docx or PDF and import that',
    };
  }
  if (names.includes('mimetype') && names.some((n) => n.endsWith('.opf'))) {
    return { kind: 'unsupported', what: 'an EPUB book', advice: 'save it as PDF and import that' };
  }
  return { kind: 'binary', what: 'a ZIP archive' };
}

/** The names in a ZIP's central directory (nothing is inflated), or null when it cannot be read. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  try {
    const names: string[] = [];
    // The filter sees every entry and keeps none, so no data is inflated.
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
    return names;
  } catch {
    return null;
  }
}
