import { z } from 'zod';
import { RELIABILITY } from '../vocab';

export const ReliabilitySchema = z.enum(RELIABILITY);

export const DOCUMENT_FORMATS = ['txt', 'md', 'html', 'pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const FORMAT_LABEL: Record<DocumentFormat, string> = {
  txt: 'Text',
  md: 'Markdown',
  html: 'HTML',
  pdf: 'PDF',
  docx: 'Word',
};

/** A page of a paged document: UTF-16 offsets into the stored text, end exclusive. */
export interface PageSpan {
  number: number;
  start: number;
  end: number;
}

export interface SourceSummary {
  id: number;
  title: string;
  publisher: string;
  author: string | null;
  publishedOn: string | null;
  /** Where the document comes from: a URL or a reference. */
  origin: string | null;
  language: string | null;
  reliability: string;
  /** Null for documents typed in or loaded with a case (no file behind them). */
  format: DocumentFormat | null;
  /** Number of pages; null for formats without pages. */
  pageCount: number | null;
  fileName: string | null;
  /** Size of the original file in bytes, when it is kept. */
  originalSize: number | null;
  citationCount: number;
  /** Suggestions from assisted extraction still waiting for review. */
  pendingSuggestions: number;
  length: number;
}

export interface SourceDocument extends SourceSummary {
  text: string;
  pages: PageSpan[] | null;
}

/** The field of its subject a citation supports (null: the subject as a whole). */
export const CITED_FIELDS = ['activeFrom', 'activeTo', 'startDate', 'endDate'] as const;
export const CitedField = z.enum(CITED_FIELDS);
export type CitedField = z.infer<typeof CitedField>;
export const CITED_FIELD_TEXT: Record<CitedField, string> = {
  activeFrom: 'active from',
  activeTo: 'active to',
  startDate: 'start date',
  endDate: 'end date',
};
/** Which fields a citation may name for each kind of subject. */
export const FIELDS_OF: Record<'entity' | 'relation', readonly CitedField[]> = {
  entity: ['activeFrom', 'activeTo'],
  relation: ['startDate', 'endDate'],
};

export interface Citation {
  id: number;
  sourceId: number;
  sourceTitle: string;
  subjectKind: 'entity' | 'relation';
  subjectId: number;
  quote: string;
  start: number | null;
  end: number | null;
  credibility: number;
  reliability: string;
  field: CitedField | null;
}
