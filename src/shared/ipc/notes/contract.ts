// IPC contract of the notes feature (notes, sources and their reader, search, case export):
// channel name → payload schema and result type.
import { z } from 'zod';
import {
  CitedField,
  EntityTypeSchema,
  Id,
  Name,
  ReliabilitySchema,
  Subject,
  type Citation,
} from '../../model';
import { READS, channel, writes } from '../channel';

/** Snippet highlight markers: control characters that never occur in case text, rendered as <mark> by the UI. */
export const HIGHLIGHT_OPEN = '\u0002';
export const HIGHLIGHT_CLOSE = '\u0003';

export const SearchInput = z
  .object({
    query: z.string().max(200, 'A search may be at most 200 characters.'),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict();
export type SearchInput = z.infer<typeof SearchInput>;

export interface SearchHit {
  kind: 'entity' | 'note' | 'source';
  /** The entity, note or source id. */
  id: number;
  /** Entity name, source title, or for a note what it is about. */
  title: string;
  entityType: string | null;
  /** Matching text with HIGHLIGHT_OPEN/HIGHLIGHT_CLOSE around matched words (plain text, not HTML). */
  snippet: string;
  /** For a note: what it is about. */
  subject: Subject | null;
}

/** A citation as the reader shows it: the passage, and what it supports. */
export interface CitationDetail extends Citation {
  subjectLabel: string;
  /** For a relation: distinct sources citing it, and its best grade (e.g. "B2"). */
  corroboration: number | null;
  grade: string | null;
}

const Credibility = z.number().int().min(1).max(6);
const Quote = z
  .string()
  .min(1, 'Select a passage first.')
  .max(20_000, 'A cited passage may be at most 20,000 characters.');
const Offset = z.number().int().min(0).max(100_000_000);

const Passage = {
  sourceId: Id,
  quote: Quote,
  /** Where the selection starts in the document text, so a quote that occurs twice is cited where it was selected. */
  start: Offset.optional(),
  credibility: Credibility,
};

export const CiteInput = z
  .object({
    ...Passage,
    subject: z.object({ kind: z.enum(['entity', 'relation']), id: Id }).strict(),
    /** The field of the subject the passage states (an entity's lifetime end, a relation's date). */
    field: CitedField.nullable().optional(),
  })
  .strict();
export type CiteInput = z.infer<typeof CiteInput>;

export const CiteNewEntityInput = z
  .object({ ...Passage, entity: z.object({ type: EntityTypeSchema, name: Name }).strict() })
  .strict();
export type CiteNewEntityInput = z.infer<typeof CiteNewEntityInput>;

export interface SubjectInfo {
  subject: Subject;
  label: string;
  exists: boolean;
}

export interface NoteCounts {
  /** Notes on all the given subjects together. */
  total: number;
  /** Of which private. */
  private: number;
}

/** The case as one JSON document (DESIGN.md §5 shape plus notes): shareable notes only when asked, never private ones. */
export interface CaseExport {
  format: 'analyst-workbench-case';
  version: 1;
  exportedAt: string;
  name: string;
  sources: {
    id: number;
    title: string;
    publisher: string;
    published_on: string | null;
    url: string | null;
    reliability: string;
    text: string;
  }[];
  entities: { id: number; type: string; name: string; aliases: string[]; summary: string }[];
  relations: {
    id: number;
    source: number;
    target: number;
    type: string;
    start: string | null;
    end: string | null;
    summary: string;
    citations: { source: number; quote: string; credibility: number }[];
  }[];
  entityCitations: { entity: number; source: number; quote: string; credibility: number }[];
  notes: {
    subject_kind: string;
    subject_id: number | null;
    body: string;
    created_at: string;
    updated_at: string;
  }[];
}

export const notesContract = {
  'search:list': channel<{ hits: SearchHit[]; more: boolean }>()(SearchInput, READS),
  'citations:list': channel<CitationDetail[]>()(z.object({ sourceId: Id }).strict(), READS),
  'citations:create': channel<CitationDetail>()(CiteInput, writes('citation', 'entity', 'relation')),
  'citations:createEntity': channel<{ entityId: number; citation: CitationDetail }>()(
    CiteNewEntityInput,
    writes('citation', 'entity', 'alias'),
  ),
  'citations:delete': channel<{ deleted: number }>()(
    z.object({ id: Id }).strict(),
    writes('citation', 'entity', 'relation'),
  ),
  'sources:setReliability': channel<{ id: number; reliability: string }>()(
    z.object({ id: Id, reliability: ReliabilitySchema }).strict(),
    writes('source', 'entity', 'relation'),
  ),
  'subjects:get': channel<SubjectInfo>()(z.object({ subject: Subject }).strict(), READS),
  'noteCounts:get': channel<NoteCounts>()(
    z
      .object({ kind: z.enum(['entity', 'relation', 'source']), ids: z.array(Id).min(1).max(10_000) })
      .strict(),
    READS,
  ),
  'case:exportJson': channel<CaseExport>()(z.object({ includeShareableNotes: z.boolean() }).strict(), READS),
} as const;
