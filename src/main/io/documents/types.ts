// STUB until the docs-io branch lands (same API).
export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';
export interface PageSpan {
  number: number;
  start: number;
  end: number;
}
export interface ParsedDocument {
  format: DocumentFormat;
  text: string;
  pages: PageSpan[] | null;
  title: string | null;
  author: string | null;
  publishedOn: string | null;
  language: string | null;
  origin: string | null;
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
  | { ok: false; code: ProblemCode; reason: string; encodings?: string[] };
