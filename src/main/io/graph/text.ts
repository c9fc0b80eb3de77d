// Bytes to text for the graph readers: the encoding a file declares (BOM, XML declaration),
// strict UTF-8 otherwise, and the place of the first broken byte in words.
import { Buffer, isUtf8 } from 'node:buffer';
import { nestsDeeperThan } from '../json';
import { FormatError } from './types';

/** Text is fed to parsers in pieces of about this many bytes, so no second copy of a big file is made. */
export const CHUNK_BYTES = 1 << 20;

/** Where the first byte that is not UTF-8 sits: a line number (1-based) and a byte offset. */
function firstBadUtf8(bytes: Uint8Array): { offset: number; line: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  // Find the 64 KB piece that fails, then the byte inside it.
  const STEP = 1 << 16;
  for (; start < bytes.length; start += STEP) {
    try {
      decoder.decode(bytes.subarray(start, Math.min(bytes.length, start + STEP + 3)));
    } catch {
      break;
    }
  }
  let offset = start;
  for (let i = start; i < bytes.length;) {
    const b = bytes[i]!;
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || !isUtf8(bytes.subarray(i, i + len)) || i + len > bytes.length) {
      offset = i;
      break;
    }
    i += len;
  }
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return { offset, line };
}

/** The encoding named in an XML declaration (`<?xml … encoding="ISO-8859-1"?>`), lower-cased. */
function declaredXmlEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 200)).toString('latin1');
  const match = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * The file's text in pieces of about CHUNK_BYTES. UTF-16 with a byte-order mark and legacy
 * encodings named in the XML declaration are decoded as declared; everything else must be UTF-8.
 */
export function* decodeText(bytes: Uint8Array, what = 'file'): Generator<string> {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let label = 'utf-8';
  let skip = 0;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) skip = 3;
  else if (b0 === 0xff && b1 === 0xfe) [label, skip] = ['utf-16le', 2];
  else if (b0 === 0xfe && b1 === 0xff) [label, skip] = ['utf-16be', 2];
  else {
    const declared = declaredXmlEncoding(bytes);
    if (declared && declared !== 'utf-8' && declared !== 'utf8') label = declared;
  }
  if (label === 'utf-8') {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!isUtf8(buffer)) {
      const { line, offset } = firstBadUtf8(buffer);
      throw new FormatError(
        `Line ${line} of the ${what} is not valid UTF-8 text (byte ${offset + 1}); save the file again as UTF-8 and import it again.`,
        line,
      );
    }
    // Whole code points per piece: back off to the start of a multi-byte character.
    for (let start = skip; start < buffer.length;) {
      let end = Math.min(buffer.length, start + CHUNK_BYTES);
      while (end < buffer.length && (buffer[end]! & 0xc0) === 0x80) end--;
      yield buffer.toString('utf8', start, end);
      start = end;
    }
    return;
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new FormatError(
      `The ${what} says its text is in the “${label}” encoding, which the workbench does not know; save it as UTF-8 and import it again.`,
    );
  }
  try {
    for (let start = skip; start < bytes.length; start += CHUNK_BYTES) {
      const end = Math.min(bytes.length, start + CHUNK_BYTES);
      yield decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    }
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError(
      `The ${what} is not valid ${label.toUpperCase()} text as it says it is; save it as UTF-8 and import it again.`,
    );
  }
}

/** The whole text at once (JSON formats): UTF-8 checked the same way. */
export function decodeAll(bytes: Uint8Array, what = 'file'): string {
  let text = '';
  for (const piece of decodeText(bytes, what)) text += piece;
  return text;
}

/** Encodes string pieces into byte chunks of about 64 KB for a streaming writer. */
export function* encodePieces(pieces: Iterable<string>): Generator<Uint8Array> {
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= 1 << 16) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending) yield Buffer.from(pending, 'utf8');
}

export function concatChunks(chunks: Iterable<Uint8Array>): Uint8Array {
  const list = [...chunks];
  return Buffer.concat(list);
}

/** Far deeper than any network file nests (a STIX object's extensions and markings go a few levels). */
const MAX_JSON_DEPTH = 256;

/** JSON from the file's text; a syntax error becomes one sentence with its line when V8 gives a position. */
export function parseJson(text: string, what: string): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    throw new FormatError(
      `The ${what} nests its JSON more than ${MAX_JSON_DEPTH} levels deep, which no network file does; it may be damaged or made to exhaust memory.`,
    );
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    if (/Unexpected end of JSON input/.test(message))
      throw new FormatError(
        `The ${what} ends before its JSON is complete: it was probably cut short while saving or downloading.`,
      );
    const at = /at position (\d+)/.exec(message);
    const reason = message
      .replace(/,? ?".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '');
    if (at && Number(at[1]) >= text.trimEnd().length - 1)
      throw new FormatError(
        `The ${what} ends before its JSON is complete: it was probably cut short while saving or downloading.`,
      );
    if (at) {
      const position = Number(at[1]);
      let line = 1;
      for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
      throw new FormatError(`Line ${line} of the ${what} is not valid JSON (${reason.toLowerCase()}).`, line);
    }
    throw new FormatError(`The ${what} is not valid JSON (${reason.toLowerCase()}).`);
  }
}
