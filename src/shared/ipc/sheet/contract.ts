// IPC contract of the sheet feature: channel name → payload schema and result type.
import { z } from 'zod';
import type { AttributeDef, AttrValueType } from '../../attributes';
import { EntityQuery, Id, RelationQuery, type Entity } from '../../model';
import { TypeId, type Vocabulary } from '../../vocabulary';
import { READS, channel, writes } from '../channel';
import { UPLOAD_CHUNK_BYTES } from '../sources/contract';

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
export const ENTITY_IMPORT_FIELDS = [
  'type',
  'name',
  'aliases',
  'summary',
  'tags',
  'activeFrom',
  'activeTo',
] as const;
export const RELATION_IMPORT_FIELDS = [
  'source',
  'type',
  'target',
  'start',
  'end',
  'weight',
  'summary',
] as const;
export type ImportField = (typeof ENTITY_IMPORT_FIELDS)[number] | (typeof RELATION_IMPORT_FIELDS)[number];

/** ' ' reads runs of spaces as one (edge lists lined up in columns). */
export const Delimiter = z.enum([',', ';', '\t', '|', ' ']);
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

/** What to do with the rows of one type value the case does not know. */
export const TypeChoice = z.union([TypeId, z.enum(['add', 'reject'])]);
export type TypeChoice = z.infer<typeof TypeChoice>;

export const ImportRequest = z
  .object({
    uploadId: UploadId,
    kind: ImportKind,
    /** Absent: guessed from the first line. */
    delimiter: Delimiter.optional(),
    /** Absent: matched automatically from the header names (or by position without a header). */
    mapping: ImportMapping.optional(),
    /** Whether the first line names the columns. Absent: detected (an edge list `a,b,2` has none). */
    header: z.boolean().optional(),
    /**
     * Columns to leave out. Absent: only the columns the workbench computes itself (Citations,
     * Best grade, Notes, Updated, Corroboration); every other column that fills no field is kept
     * as a named attribute.
     */
    ignore: z.array(z.number().int().min(0).max(999)).max(1000).optional(),
    /**
     * Type values the case does not know, value by value (the cell's text as written; '' for an
     * empty cell or no type column): add as a new type, map onto a type of the case, or refuse
     * those rows. A value left out refuses its rows with the reason.
     */
    typeMap: z.record(z.string().max(500), TypeChoice).optional(),
    /** Relations: an end no entity is called is created as an entity of this type (edge lists). */
    createMissing: TypeId.optional(),
  })
  .strict();
export type ImportRequest = z.infer<typeof ImportRequest>;

/** What the import does with one column of the file, as the preview says it. */
export interface ImportColumn {
  index: number;
  /** The header cell, or "Column 3" when the file has no header. */
  name: string;
  use: 'field' | 'attribute' | 'ignored';
  field?: ImportField;
  attribute?: { key: string; title: string; valueType: AttrValueType; values: number };
  /** In words: "→ Name", "→ Weight", "kept as attribute ‘in_prior_contacts_19’ (boolean)", "ignored". */
  says: string;
}

/** A type value of the file the case does not know, with how many rows carry it. */
export interface UnknownTypeValue {
  value: string;
  rows: number;
  /** The id "add as a new type" would give it, and whether the case already has a type of that id. */
  newId: string;
  /** What the request chose for it (absent: its rows are refused). */
  choice: TypeChoice | null;
}

/** Two names of the file or the case that differ only in case, accents or spacing: kept apart. */
export interface PossibleDuplicate {
  name: string;
  line: number;
  /** The other name, and its line in the file (null: it is in the case already). */
  other: string;
  otherLine: number | null;
}

/** A row folded into an earlier identical one (same ends, type, dates, weight, attributes). */
export interface MergedRow {
  line: number;
  reason: string;
}

export interface RejectedRow {
  /** Line of the file the row starts on (the header is line 1). */
  line: number;
  reason: string;
}

export interface ImportPreview {
  fileName: string;
  bytes: number;
  /** The delimiter used (the request's, or the one guessed from the first line). */
  delimiter: Delimiter;
  /** Whether the first line was read as a header, and whether detection thought it one. */
  hasHeader: boolean;
  headerDetected: boolean;
  header: string[];
  /** The first rows, as text, for the preview table. */
  sample: string[][];
  mapping: ImportMapping;
  /** Every column of the file and what happens to it. */
  columns: ImportColumn[];
  rows: number;
  accepted: number;
  rejected: number;
  /** Rows identical to an earlier row of the file or a relation of the case, folded into it. */
  merged: number;
  /** The first merged rows with what they repeat. */
  mergedRows: MergedRow[];
  /** The first rejected rows with the reason, in file order. */
  rejections: RejectedRow[];
  /** Type values the case does not know (the first 200 by first appearance). */
  unknownTypes: UnknownTypeValue[];
  /** Names differing only in case or accents, kept as different entities (the first 200). */
  possibleDuplicates: PossibleDuplicate[];
  /** Relations: entities the import will create for ends no entity is called (createMissing). */
  entitiesToCreate: number;
  /** When the whole file cannot be imported: what is wrong, in words. Nothing is imported then. */
  problem: string | null;
}

export interface ImportJobState {
  status: 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  imported: number;
  rejected: number;
  merged: number;
  /** Types and attributes added to the case, and entities created for relation ends. */
  typesAdded: number;
  attributesAdded: number;
  entitiesCreated: number;
  possibleDuplicates: number;
  message: string | null;
}

export const ExportRequest = z.discriminatedUnion('tab', [
  z
    .object({
      tab: z.literal('entities'),
      columns: z.array(z.string().max(80)).min(1).max(200),
      query: EntityQuery.omit({ offset: true, limit: true }),
    })
    .strict(),
  z
    .object({
      tab: z.literal('relations'),
      columns: z.array(z.string().max(80)).min(1).max(200),
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

/** The largest CSV file the import takes (it streams: a 2M-row relation file fits). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024;

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
  // Bulk: announced whole (no row ids), vocabulary and attributes for the types and columns it adds.
  'csvImport:run': channel<ImportJobState>()(
    ImportRequest.extend({ jobId: JobId }).strict(),
    writes('entity', 'alias', 'relation', 'attribute', 'vocabulary'),
  ),
  'csvImport:state': channel<ImportJobState>()(z.object({ jobId: JobId }).strict(), READS),
  'csvImport:cancel': channel<{ cancelled: boolean }>()(z.object({ jobId: JobId }).strict(), READS),
  /** The case's types without their usage counts (vocabulary:list counts every row: slow at a million). */
  'caseTypes:list': channel<Vocabulary>()(z.object({}).strict(), READS),
  'attributes:list': channel<{ entity: AttributeDef[]; relation: AttributeDef[] }>()(
    z.object({}).strict(),
    READS,
  ),
} as const;
