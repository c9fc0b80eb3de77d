// The neutral result of reading a document file: text that citations index, page spans and metadata.
export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

/** One page of a PDF: UTF-16 offsets into the document's text, end exclusive. */
export interface PageSpan {
  number: number;
  start: number;
  end: number;
}

export interface ParsedDocument {
  format: DocumentFormat;
  /** NFC, '\n' line ends: what citations will index forever. */
  text: string;
  /** PDF only (null for formats without pages); the spans cover the text in order. */
  pages: PageSpan[] | null;
  title: string | null;
  author: string | null;
  /** Partial ISO 8601 (2013, 2013-01, 2013-01-16) when the file states it. */
  publishedOn: string | null;
  /** ISO 639-1, from the file's metadata or detected from the text; null if unsure. */
  language: string | null;
  /** A URL the file states (HTML canonical / og:url). */
  origin: string | null;
  /** Text formats: the encoding the bytes were read with ('utf-8', 'utf-16le', 'windows-1256', …). */
  encoding: string | null;
}

export type ProblemCode =
  | 'empty'
  | 'binary'
  | 'corrupt'
  | 'encrypted'
  | 'no_text'
  | 'too_large'
  | 'unsupported'
  | 'encoding_unsure'
  | 'zip_bomb';

export type ParseOutcome =
  | { ok: true; document: ParsedDocument }
  /** reason: one sentence naming the file; encodings: candidates for the picker when code = 'encoding_unsure'. */
  | { ok: false; code: ProblemCode; reason: string; encodings?: string[] };

export type Refusal = Extract<ParseOutcome, { ok: false }>;

export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;

/** The refusal of a file over MAX_DOCUMENT_BYTES, or null; checked before any parsing (and before a copy). */
export function tooLarge(name: string, size: number): Refusal | null {
  if (size <= MAX_DOCUMENT_BYTES) return null;
  const mb = Math.round(size / (1024 * 1024));
  return refuse('too_large', `${quoted(name)} is ${mb} MB; the workbench reads documents up to 200 MB.`);
}

/** Typographic quotes around a file name, as every reason sentence shows it. */
export function quoted(name: string): string {
  return `“${name}”`;
}

export function refuse(code: ProblemCode, reason: string, encodings?: string[]): Refusal {
  return encodings ? { ok: false, code, reason, encodings } : { ok: false, code, reason };
}
