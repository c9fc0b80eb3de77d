// IPC contract of the sources feature: the analyst's own documents (upload, import, edit, delete,
// save the original back out) and assisted extraction (suggestions and their review).
// Offsets are UTF-16 code units into the stored text, end exclusive.
import { z } from 'zod';
import { Id, Name, PartialDate, ReliabilitySchema, type SourceSummary } from '../../model';
import { READS, channel, writes } from '../channel';

/** Uploads arrive in pieces of at most 4 MB (base64), so no single request is large. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** The largest file an upload takes; each import then applies its own limit. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
/** The largest document the import takes, and the most original bytes one case keeps. */
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;
export const MAX_CASE_ORIGINALS_BYTES = 2 * 1024 * 1024 * 1024;
/** Files up to this size may be sent inline in sources:import; larger ones go through uploads:put. */
export const MAX_INLINE_BYTES = 16 * 1024 * 1024;
/** sources:original answers with the bytes up to this size, and with a download ticket above. */
export const MAX_INLINE_ORIGINAL_BYTES = 20 * 1024 * 1024;

export const UploadId = z.string().regex(/^[a-f0-9]{32}$/, 'Not an upload id.');
const JobId = z.string().regex(/^[a-f0-9]{32}$/, 'Not a job id.');

/** Standard padded base64, no data: prefix. */
export const Base64 = (maxBytes: number) =>
  z
    .string()
    .max(
      Math.ceil(maxBytes / 3) * 4,
      `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; send it in pieces.`,
    )
    .refine(
      (s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s),
      'The file’s bytes are not standard base64.',
    );

const FileName = z
  .string()
  .min(1, 'A file needs a name.')
  .max(255, 'A file name may be at most 255 characters.');
/** An encoding the analyst picked for a text file whose encoding could not be told (a WHATWG label). */
const EncodingLabel = z.string().regex(/^[a-z0-9_-]{2,40}$/i, 'Not an encoding name.');

export const ImportFile = z.union([
  z.object({ name: FileName, bytes: Base64(MAX_INLINE_BYTES), encoding: EncodingLabel.optional() }).strict(),
  z.object({ name: FileName, uploadId: UploadId, encoding: EncodingLabel.optional() }).strict(),
]);
export type ImportFile = z.infer<typeof ImportFile>;

export interface ImportedDocument {
  index: number;
  id: number;
  name: string;
  title: string;
  format: string;
  pages: number | null;
}

export interface RefusedDocument {
  index: number;
  name: string;
  /** One sentence naming the file and why. */
  reason: string;
  /** The source that already holds these bytes. */
  existingId?: number;
  /** Why, as a code the page can act on ('encoding_unsure' offers an encoding picker). */
  code?: string;
  /** Candidate encodings, most plausible first, when the encoding could not be told. */
  encodings?: string[];
}

export interface DocumentImportResult {
  imported: ImportedDocument[];
  refused: RefusedDocument[];
}

export interface DocumentImportState {
  status: 'running' | 'done' | 'cancelled' | 'failed';
  /** Files read so far, of total. */
  done: number;
  total: number;
  /** The file being read. */
  current: string | null;
  imported: number;
  refused: number;
  message: string | null;
}

export const SourcePatch = z
  .object({
    title: Name.optional(),
    publisher: z.string().max(500).optional(),
    author: z.string().max(500).nullable().optional(),
    publishedOn: PartialDate.nullable().optional(),
    origin: z.string().max(2000, 'An origin may be at most 2,000 characters.').nullable().optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A language is a code such as en, fr or ar.')
      .nullable()
      .optional(),
    reliability: ReliabilitySchema.optional(),
  })
  .strict();
export type SourcePatch = z.infer<typeof SourcePatch>;

export type OriginalFile =
  { name: string; bytes: string } | { name: string; downloadId: string; size: number };

// ── Assisted extraction ─────────────────────────────────────────────────────────────────────

export type SuggestionStatus = 'pending' | 'accepted' | 'rejected';
export type RelationEnd = { entityId: number } | { name: string };

interface SuggestionBase {
  id: number;
  status: SuggestionStatus;
  score: number;
  start: number;
  end: number;
  text: string;
}

export type Suggestion = SuggestionBase &
  (
    | { kind: 'mention'; entityId: number; matched: string; entityName: string; entityType: string }
    | { kind: 'entity'; name: string; type: string; aliases: string[] }
    | {
        kind: 'relation';
        type: string;
        source: RelationEnd;
        target: RelationEnd;
        sourceSpan: [number, number];
        targetSpan: [number, number];
        startDate?: string;
        endDate?: string;
        /** The ends as the analyst reads them (entity name or the candidate's name). */
        sourceLabel: string;
        targetLabel: string;
      }
  );
export type SuggestionKind = Suggestion['kind'];

const End = z.union([z.object({ entityId: Id }).strict(), z.object({ name: Name }).strict()]);

/** What the analyst changed before accepting: retarget, another type, other dates, a grade. */
export const SuggestionEdit = z
  .object({
    entityId: Id.optional(),
    name: Name.optional(),
    type: z.string().min(1).max(64).optional(),
    aliases: z.array(Name).max(200).optional(),
    source: End.optional(),
    target: End.optional(),
    startDate: PartialDate.nullable().optional(),
    endDate: PartialDate.nullable().optional(),
    credibility: z.number().int().min(1).max(6).optional(),
  })
  .strict();
export type SuggestionEdit = z.infer<typeof SuggestionEdit>;

export const ReviewDecision = z
  .object({ id: Id, action: z.enum(['accept', 'reject']), edit: SuggestionEdit.optional() })
  .strict();
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export interface ReviewResult {
  accepted: number;
  rejected: number;
  created: { entities: number[]; aliases: number; relations: number[]; citations: number[] };
}

export const sourcesContract = {
  'uploads:put': channel<{ uploadId: string; bytes: number }>()(
    z
      .object({
        uploadId: UploadId.optional(),
        name: FileName,
        /** base64 of the next piece of the file. */
        chunk: Base64(UPLOAD_CHUNK_BYTES),
        totalBytes: z.number().int().min(0).max(MAX_UPLOAD_BYTES, 'The workbench takes files up to 2 GB.'),
      })
      .strict(),
    // Spooled to a temporary file in main: nothing of the case changes until an import reads it.
    READS,
  ),
  'sources:import': channel<DocumentImportResult>()(
    z
      .object({
        files: z
          .array(ImportFile)
          .min(1, 'Choose at least one file.')
          .max(10_000, 'Import at most 10,000 files at a time.'),
        jobId: JobId.optional(),
      })
      .strict(),
    writes('source', 'original', 'suggestion'),
  ),
  'sources:importState': channel<DocumentImportState>()(z.object({ jobId: JobId }).strict(), READS),
  // Stops the import, which then rolls back and answers sources:import (that call announces).
  'sources:importCancel': channel<{ cancelled: boolean }>()(z.object({ jobId: JobId }).strict(), READS),
  // A source's reliability grades its citations: the entities' and relations' grades follow.
  'sources:update': channel<SourceSummary>()(
    z.object({ id: Id, patch: SourcePatch }).strict(),
    writes('source', 'entity', 'relation'),
  ),
  'sources:delete': channel<{ deleted: number; citations: number }>()(
    z.object({ id: Id }).strict(),
    writes('source', 'citation', 'suggestion', 'entity', 'relation'),
  ),
  'sources:original': channel<OriginalFile>()(z.object({ id: Id }).strict(), READS),
  // May recompute pending suggestions (outside the journal); announcing that would make the reader read again.
  'extraction:suggestions': channel<{ suggestions: Suggestion[] }>()(
    z.object({ sourceId: Id }).strict(),
    READS,
  ),
  'extraction:review': channel<ReviewResult>()(
    z
      .object({
        sourceId: Id,
        decisions: z.array(ReviewDecision).min(1, 'Choose at least one suggestion.').max(10_000),
      })
      .strict(),
    writes('entity', 'alias', 'relation', 'citation', 'suggestion'),
  ),
} as const;
