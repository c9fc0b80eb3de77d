// IPC contract of network interchange: GEXF, GraphML, STIX 2.1, Cytoscape JSON and the workbench's
// own case file, in (through one preview, report and undo step) and out (private notes never).
import { z } from 'zod';
import { TypeId } from '../../vocabulary';
import { READS, channel, writes } from '../channel';
import type { CaseInfo } from '../contract';
import { Base64, UploadId } from '../sources/contract';

export const GRAPH_FORMATS = ['gexf', 'graphml', 'stix', 'cyjs', 'case'] as const;
export const GraphFormat = z.enum(GRAPH_FORMATS);
export type GraphFormat = z.infer<typeof GraphFormat>;

export const GRAPH_FORMAT_LABEL: Record<GraphFormat, string> = {
  gexf: 'GEXF (Gephi)',
  graphml: 'GraphML (yEd, networkx, igraph)',
  stix: 'STIX 2.1 bundle',
  cyjs: 'Cytoscape JSON',
  case: 'Analyst Workbench case file',
};

/** Files up to this size may travel inline (base64); larger ones go through uploads:put. */
export const MAX_INLINE_GRAPH_BYTES = 20 * 1024 * 1024;
/** interchange:export answers with the bytes up to this size, and with a download ticket above. */
export const MAX_INLINE_EXPORT_BYTES = 20 * 1024 * 1024;

const JobId = z.string().regex(/^[a-f0-9]{32}$/, 'Not a job id.');
const FileName = z
  .string()
  .min(1, 'A file needs a name.')
  .max(255, 'A file name may be at most 255 characters.');
/** What a file's type value becomes: a type of the case, a new type, or its rows refused. */
const TypeChoice = z.union([TypeId, z.literal('add'), z.literal('reject')]);

const ImportOptions = {
  name: FileName,
  format: GraphFormat.optional(),
  /** What to do with a type value the case does not know, unless typeMap says: add it (default) or refuse its rows. */
  unknownTypes: z.enum(['add', 'reject']).optional(),
  /** Value by value: the file's type value ('' for none) → a type of the case, 'add' or 'reject'. */
  typeMap: z.record(z.string().max(200), TypeChoice).optional(),
  /** Only preview: read and plan, write nothing. */
  dryRun: z.boolean().optional(),
  jobId: JobId.optional(),
};

export const InterchangeImportInput = z.union([
  z.object({ ...ImportOptions, bytes: Base64(MAX_INLINE_GRAPH_BYTES) }).strict(),
  z.object({ ...ImportOptions, uploadId: UploadId }).strict(),
]);
export type InterchangeImportInput = z.infer<typeof InterchangeImportInput>;

export interface TypeDecision {
  kind: 'entity' | 'relation';
  /** The value as the file writes it ('' for rows without a type). */
  value: string;
  rows: number;
  /** The case type the rows go to (or would, with 'add'). */
  typeId: string | null;
  choice: 'existing' | 'add' | 'reject';
}

export interface InterchangeReport {
  format: GraphFormat;
  dryRun: boolean;
  added: { entities: number; relations: number; types: number; attributes: number; sources: number };
  /** Rows that went into something the case (or the file) already had. */
  merged: { kind: 'entity' | 'relation'; key: string; into: string; reason: string }[];
  /** Rows left out, with the reason. */
  skipped: { kind: 'entity' | 'relation' | 'source'; key: string; reason: string }[];
  /** Names that differ only in case or accents from another: two entities, worth a look. */
  possibleDuplicates: { key: string; name: string; other: string; otherName: string }[];
  /** Every type value of the file and what it became. */
  types: TypeDecision[];
  /** What the reader could not keep, one sentence each. */
  warnings: string[];
}

export interface InterchangeImportState {
  status: 'reading' | 'writing' | 'done' | 'failed';
  message: string | null;
}

export const InterchangeExportInput = z
  .object({
    format: GraphFormat,
    /** Shareable notes go with the export only when asked; private notes never do. */
    notes: z.enum(['none', 'shareable']).optional(),
  })
  .strict();

export type ExportedFile =
  { name: string; bytes: string } | { name: string; downloadId: string; size: number };

export const interchangeContract = {
  'interchange:import': channel<InterchangeReport>()(
    InterchangeImportInput,
    writes('vocabulary', 'attribute', 'entity', 'alias', 'relation', 'source'),
  ),
  'interchange:importState': channel<InterchangeImportState>()(z.object({ jobId: JobId }).strict(), READS),
  'interchange:export': channel<ExportedFile>()(InterchangeExportInput, READS),
  'case:importFile': channel<CaseInfo>()(
    z.union([
      z.object({ name: FileName, bytes: Base64(MAX_INLINE_GRAPH_BYTES) }).strict(),
      z.object({ name: FileName, uploadId: UploadId }).strict(),
    ]),
    writes('*'),
  ),
} as const;
