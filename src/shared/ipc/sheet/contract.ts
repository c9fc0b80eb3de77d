// IPC contract of the sheet feature: channel name → payload schema and result type.
import { z } from 'zod';
import { EntityQuery, Id, RelationQuery, type Entity } from '../../model';
import { READS, channel, writes } from '../channel';

export const SHEET_TABS = ['entities', 'relations', 'sources'] as const;
export const SheetTab = z.enum(SHEET_TABS);
export type SheetTab = z.infer<typeof SheetTab>;

/** One column as the analyst left it: shown or hidden, where, how wide. */
export const ColumnLayout = z
  .object({
    colId: z.string().min(1).max(64),
    hide: z.boolean().optional(),
    width: z.number().int().min(20).max(4000).optional(),
  })
  .strict();
export type ColumnLayout = z.infer<typeof ColumnLayout>;

export const ImportKind = z.enum(['entities', 'relations']);
export type ImportKind = z.infer<typeof ImportKind>;

/** Fields an imported column can fill. */
export const ENTITY_IMPORT_FIELDS = ['type', 'name', 'aliases', 'summary', 'tags'] as const;
export const RELATION_IMPORT_FIELDS = ['source', 'type', 'target', 'start', 'end', 'summary'] as const;
export type ImportField = (typeof ENTITY_IMPORT_FIELDS)[number] | (typeof RELATION_IMPORT_FIELDS)[number];

export const Delimiter = z.enum([',', ';', '\t', '|']);
export type Delimiter = z.infer<typeof Delimiter>;

const UploadId = z.string().regex(/^[a-f0-9]{32}$/, 'Not an upload id.');
const JobId = UploadId;

/** field → index of the CSV column that fills it (absent: not imported). */
export const ImportMapping = z.partialRecord(
  z.enum([...new Set([...ENTITY_IMPORT_FIELDS, ...RELATION_IMPORT_FIELDS])] as [
    ImportField,
    ...ImportField[],
  ]),
  z.number().int().min(0).max(999),
);
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportRequest = z
  .object({
    uploadId: UploadId,
    kind: ImportKind,
    delimiter: Delimiter,
    /** Absent: matched automatically from the header names. */
    mapping: ImportMapping.optional(),
  })
  .strict();
export type ImportRequest = z.infer<typeof ImportRequest>;

export interface RejectedRow {
  /** Line of the file the row starts on (the header is line 1). */
  line: number;
  reason: string;
}

export interface ImportPreview {
  fileName: string;
  bytes: number;
  header: string[];
  /** The first rows, as text, for the preview table. */
  sample: string[][];
  mapping: ImportMapping;
  rows: number;
  accepted: number;
  rejected: number;
  /** The first rejected rows with the reason, in file order. */
  rejections: RejectedRow[];
  /** When the whole file cannot be imported: what is wrong, in words. Nothing is imported then. */
  problem: string | null;
}

export interface ImportJobState {
  status: 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  imported: number;
  rejected: number;
  message: string | null;
}

export const ExportRequest = z.discriminatedUnion('tab', [
  z
    .object({
      tab: z.literal('entities'),
      columns: z.array(z.string().max(64)).min(1).max(50),
      query: EntityQuery.omit({ offset: true, limit: true }),
    })
    .strict(),
  z
    .object({
      tab: z.literal('relations'),
      columns: z.array(z.string().max(64)).min(1).max(50),
      query: RelationQuery.omit({ offset: true, limit: true }),
    })
    .strict(),
]);
export type ExportRequest = z.infer<typeof ExportRequest>;

export interface ExportTicket {
  /** Fetch it with the shell's download door; it is good for one download. */
  downloadId: string;
  fileName: string;
  rows: number;
}

/** Uploads arrive in pieces of at most 4 MB (base64), so no single request is large. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** The largest CSV file the import takes. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export const sheetContract = {
  'sheet:get': channel<{ columns: ColumnLayout[] | null }>()(z.object({ tab: SheetTab }).strict(), READS),
  'sheet:saveLayout': channel<{ saved: true }>()(
    z.object({ tab: SheetTab, columns: z.array(ColumnLayout).max(50) }).strict(),
    writes('setting'),
  ),
  'entities:tag': channel<{ tagged: number }>()(
    z
      .object({
        ids: z.array(Id).min(1).max(10_000),
        tag: z
          .string()
          .trim()
          .min(1, 'A tag cannot be empty.')
          .max(100, 'A tag may be at most 100 characters.'),
      })
      .strict(),
    writes('entity'),
  ),
  'entities:merge': channel<Entity>()(
    z
      .object({
        keepId: Id,
        mergeIds: z.array(Id).min(1, 'Choose at least two entities to merge.').max(1000),
      })
      .strict(),
    writes('entity', 'alias', 'relation', 'citation', 'note'),
  ),
  'csvExport:get': channel<ExportTicket>()(ExportRequest, READS),
  'csvImport:upload': channel<{ uploadId: string; bytes: number }>()(
    z
      .object({
        uploadId: UploadId.optional(),
        fileName: z.string().min(1).max(255),
        /** base64 of the next piece of the file. */
        chunk: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4 + 4),
        totalBytes: z
          .number()
          .int()
          .min(0)
          .max(10 * 1024 * 1024 * 1024),
      })
      .strict(),
    READS,
  ),
  'csvImport:info': channel<ImportPreview>()(ImportRequest, READS),
  'csvImport:run': channel<ImportJobState>()(
    ImportRequest.extend({ jobId: JobId }).strict(),
    writes('entity', 'alias', 'relation'),
  ),
  'csvImport:state': channel<ImportJobState>()(z.object({ jobId: JobId }).strict(), READS),
  'csvImport:cancel': channel<{ cancelled: boolean }>()(z.object({ jobId: JobId }).strict(), READS),
} as const;
