// CSV import: the file arrives in pieces, is checked as a whole (which rows will be rejected and
// why), then imported in one transaction — all or nothing — with progress and a cancel, as one
// undo step whatever its size.
// Parsing is csv-parse's; UTF-8 is checked strictly so broken text is refused, not mangled.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { parse } from 'csv-parse';
import {
  ENTITY_IMPORT_FIELDS,
  MAX_IMPORT_BYTES,
  RELATION_IMPORT_FIELDS,
  type Delimiter,
  type ImportField,
  type ImportJobState,
  type ImportKind,
  type ImportMapping,
  type ImportPreview,
  type ImportRequest,
  type RejectedRow,
} from '../../../shared/ipc/sheet/contract';
import type { EntityDraft, RelationDraft } from '../../../shared/model';
import { normalizeName } from '../../../shared/text';
import {
  ENTITY_TYPES,
  PARTIAL_DATE,
  RELATION_TYPES,
  RELATION_TYPE_NAMES,
  type EntityType,
  type RelationType,
} from '../../../shared/vocab';
import { DELIMITER_NAMES, describeCsvError, guessDelimiter } from '../../io/csv';
import { Spool } from '../../io/spool';
import type { CaseStore } from '../../store';
import { bulkInsertEntities } from '../../store/bulk';
import { AppError, storeProblem } from '../errors';

const SAMPLE_ROWS = 8;
const MAX_REJECTIONS_SHOWN = 200;
const BATCH = 5000;

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

// ── Uploads ────────────────────────────────────────────────────────────────────────────────

interface Upload {
  path: string;
  fileName: string;
  bytes: number;
  /** Row count of the last check, for the progress bar. */
  rows?: number;
}

const uploads = new Map<string, Upload>();
const uploadDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'aw-import-'));

function tooLarge(fileName: string, bytes: number): AppError {
  return new AppError(
    'invalid_input',
    `“${fileName}” is ${megabytes(bytes)}; the import takes files up to ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files and import them one by one. Nothing was imported.`,
  );
}

export function receiveChunk(input: {
  uploadId?: string;
  fileName: string;
  chunk: string;
  totalBytes: number;
}): {
  uploadId: string;
  bytes: number;
} {
  if (input.totalBytes > MAX_IMPORT_BYTES) throw tooLarge(input.fileName, input.totalBytes);
  let id = input.uploadId;
  let upload = id ? uploads.get(id) : undefined;
  if (id && !upload)
    throw new AppError(
      'not_found',
      'This upload is no longer known (was the app restarted?). Choose the file again.',
    );
  if (!upload) {
    id = crypto.randomBytes(16).toString('hex');
    upload = {
      path: path.join(uploadDir(), 'upload.csv'),
      fileName: path.basename(input.fileName),
      bytes: 0,
    };
    fs.writeFileSync(upload.path, '');
    uploads.set(id, upload);
  }
  const bytes = Buffer.from(input.chunk, 'base64');
  if (upload.bytes + bytes.length > MAX_IMPORT_BYTES) {
    discardUpload(id!);
    throw tooLarge(upload.fileName, upload.bytes + bytes.length);
  }
  fs.appendFileSync(upload.path, bytes);
  upload.bytes += bytes.length;
  return { uploadId: id!, bytes: upload.bytes };
}

export function discardUpload(id: string): void {
  const upload = uploads.get(id);
  uploads.delete(id);
  if (upload) fs.rmSync(path.dirname(upload.path), { recursive: true, force: true });
}

/** For tests and benchmarks: registers a file already on disk as an upload. */
export function uploadFromFile(file: string): string {
  const id = crypto.randomBytes(16).toString('hex');
  const dir = uploadDir();
  const copy = path.join(dir, 'upload.csv');
  fs.copyFileSync(file, copy);
  uploads.set(id, { path: copy, fileName: path.basename(file), bytes: fs.statSync(copy).size });
  return id;
}

function uploadOf(id: string): Upload {
  const upload = uploads.get(id);
  if (!upload)
    throw new AppError(
      'not_found',
      'This upload is no longer known (was the app restarted?). Choose the file again.',
    );
  return upload;
}

// ── Reading ────────────────────────────────────────────────────────────────────────────────

class FileProblem extends Error {}

/** Passes bytes through as text, refusing anything that is not UTF-8. */
class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private offset = 0;
  constructor() {
    super({ readableObjectMode: false, decodeStrings: true });
    this.setEncoding('utf8');
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      this.offset += chunk.length;
      done(null, text);
    } catch {
      done(
        new FileProblem(
          `The file is not UTF-8 text (an invalid byte sequence follows byte ${this.offset.toLocaleString('en-US')}). Save it as “CSV UTF-8” in your spreadsheet and choose it again. Nothing was imported.`,
        ),
      );
    }
  }
  override _flush(done: TransformCallback): void {
    try {
      done(null, this.decoder.decode());
    } catch {
      done(
        new FileProblem(
          'The file ends in the middle of a UTF-8 character. Save it as “CSV UTF-8” and choose it again. Nothing was imported.',
        ),
      );
    }
  }
}

interface CsvRecord {
  cells: string[];
  line: number;
}

/** The file's records in batches (per-record async iteration costs more than the parsing). */
async function* recordBatches(file: string, delimiter: Delimiter): AsyncGenerator<CsvRecord[]> {
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    skip_empty_lines: true,
    max_record_size: 1_000_000,
  });
  const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  const check = new Utf8Check();
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const fail = (error: unknown): void => {
    failure ??= error;
    wake?.();
  };
  input.on('error', fail);
  check.on('error', fail);
  parser.on('error', fail);
  parser.on('readable', () => wake?.());
  parser.on('end', () => {
    ended = true;
    wake?.();
  });
  input.pipe(check).pipe(parser);
  try {
    for (;;) {
      const batch: CsvRecord[] = [];
      let item: { record: string[]; info: { lines: number } } | null;
      while (batch.length < BATCH && (item = parser.read() as typeof item) !== null) {
        batch.push({ cells: item.record, line: item.info.lines });
      }
      if (batch.length) {
        yield batch;
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(describeCsvError(error));
  } finally {
    input.destroy();
    parser.destroy();
  }
}

function firstLine(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8').split(/\r?\n/)[0] ?? '';
  } finally {
    fs.closeSync(fd);
  }
}

// ── Mapping and validation ─────────────────────────────────────────────────────────────────

const HEADER_NAMES: Record<ImportField, string[]> = {
  type: ['type', 'kind', 'entity type', 'relation', 'relation type', 'relationship'],
  name: ['name', 'entity', 'entity name', 'label'],
  aliases: ['aliases', 'alias', 'also known as', 'aka', 'other names'],
  summary: ['summary', 'description', 'comment'],
  tags: ['tags', 'tag', 'labels'],
  source: ['source', 'from', 'source name', 'subject'],
  target: ['target', 'to', 'target name', 'object'],
  start: ['start', 'start date', 'since', 'begin', 'from date'],
  end: ['end', 'end date', 'until', 'to date'],
};

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return kind === 'entities' ? ENTITY_IMPORT_FIELDS : RELATION_IMPORT_FIELDS;
}

const REQUIRED: Record<ImportKind, ImportField[]> = {
  entities: ['type', 'name'],
  relations: ['source', 'type', 'target'],
};

/** Matches header cells to fields by name (case, accents and spacing ignored). */
export function autoMapping(kind: ImportKind, header: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const normalized = header.map((h) => normalizeName(h).replace(/[_-]+/g, ' '));
  for (const field of fieldsOf(kind)) {
    const index = normalized.findIndex(
      (h, i) => HEADER_NAMES[field].includes(h) && !Object.values(mapping).includes(i),
    );
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

/** Cells the export neutralised ('=…) come back as they were. */
function cellText(cells: string[], index: number | undefined): string {
  if (index === undefined) return '';
  const cell = cells[index] ?? '';
  return (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell).trim();
}

const splitList = (text: string, separator: RegExp): string[] =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

const RELATION_BY_WORDS = new Map<string, RelationType>();
for (const type of RELATION_TYPE_NAMES) {
  RELATION_BY_WORDS.set(type, type);
  RELATION_BY_WORDS.set(type.replaceAll('_', ' '), type);
  RELATION_BY_WORDS.set(RELATION_TYPES[type].reads, type);
}

type Verdict<T> = { ok: true; draft: T } | { ok: false; reason: string };

/** Validates rows against the case; remembers names and relations seen so a file cannot add one twice. */
class RowChecker {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly store: CaseStore,
    private readonly mapping: ImportMapping,
  ) {}

  entity(cells: string[], line: number): Verdict<EntityDraft> {
    const m = this.mapping;
    const typeText = cellText(cells, m.type).toLowerCase();
    const name = cellText(cells, m.name);
    if (!name) return { ok: false, reason: 'The name is empty.' };
    if (name.length > 500) return { ok: false, reason: 'The name is longer than 500 characters.' };
    if (!(ENTITY_TYPES as readonly string[]).includes(typeText)) {
      return {
        ok: false,
        reason: typeText
          ? `“${typeText}” is not an entity type (${ENTITY_TYPES.join(', ')}).`
          : `The type is empty (${ENTITY_TYPES.join(', ')}).`,
      };
    }
    const norm = normalizeName(name);
    const earlier = this.seen.get(norm);
    if (earlier !== undefined)
      return { ok: false, reason: `“${name}” is already named on line ${earlier} of this file.` };
    if (this.store.entities.findByName(name) !== null)
      return { ok: false, reason: `An entity called “${name}” is already in the case.` };
    const aliases = splitList(cellText(cells, m.aliases), /;/);
    if (aliases.some((a) => a.length > 500))
      return { ok: false, reason: 'An alias is longer than 500 characters.' };
    const tags = splitList(cellText(cells, m.tags), /,/);
    if (tags.some((t) => t.length > 100))
      return { ok: false, reason: 'A tag is longer than 100 characters.' };
    const summary = cellText(cells, m.summary);
    if (summary.length > 100_000)
      return { ok: false, reason: 'The summary is longer than 100,000 characters.' };
    this.seen.set(norm, line);
    for (const alias of aliases)
      if (!this.seen.has(normalizeName(alias))) this.seen.set(normalizeName(alias), line);
    return { ok: true, draft: { type: typeText as EntityType, name, aliases, summary, tags } };
  }

  relation(cells: string[], line: number): Verdict<RelationDraft> {
    const m = this.mapping;
    const sourceName = cellText(cells, m.source);
    const targetName = cellText(cells, m.target);
    const typeText = cellText(cells, m.type);
    if (!sourceName) return { ok: false, reason: 'The source is empty.' };
    if (!targetName) return { ok: false, reason: 'The target is empty.' };
    const type = RELATION_BY_WORDS.get(typeText.toLowerCase().replace(/\s+/g, ' '));
    if (!type)
      return {
        ok: false,
        reason: `“${typeText}” is not a known relation (for example “broke away from” or splinter_of).`,
      };
    const start = cellText(cells, m.start) || null;
    const end = cellText(cells, m.end) || null;
    for (const [label, date] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (date && !PARTIAL_DATE.test(date))
        return {
          ok: false,
          reason: `The ${label} date “${date}” is not ISO 8601 (2013, 2013-01 or 2013-01-16).`,
        };
    }
    if (start && end && end < start)
      return { ok: false, reason: `The end date (${end}) is before the start date (${start}).` };
    const summary = cellText(cells, m.summary);
    if (summary.length > 100_000)
      return { ok: false, reason: 'The summary is longer than 100,000 characters.' };
    const sourceId = this.store.entities.findByName(sourceName);
    if (sourceId === null)
      return { ok: false, reason: `No entity is called “${sourceName}” (by name or alias).` };
    const targetId = this.store.entities.findByName(targetName);
    if (targetId === null)
      return { ok: false, reason: `No entity is called “${targetName}” (by name or alias).` };
    const draft: RelationDraft = { sourceId, targetId, type, startDate: start, endDate: end, summary };
    const reads = `“${sourceName} ${RELATION_TYPES[type].reads} ${targetName}”${start || end ? ` (${start ?? '…'} – ${end ?? '…'})` : ''}`;
    const key = `r|${sourceId}|${type}|${targetId}|${start ?? ''}|${end ?? ''}`;
    const earlier = this.seen.get(key);
    if (earlier !== undefined)
      return { ok: false, reason: `${reads} is already on line ${earlier} of this file.` };
    if (this.store.relations.find(draft) !== null)
      return { ok: false, reason: `${reads} is already in the case.` };
    this.seen.set(key, line);
    return { ok: true, draft };
  }

  check(kind: ImportKind, cells: string[], line: number): Verdict<EntityDraft | RelationDraft> {
    return kind === 'entities' ? this.entity(cells, line) : this.relation(cells, line);
  }
}

/** Whole-file problems found from the header and mapping alone. */
function mappingProblem(
  kind: ImportKind,
  header: string[],
  mapping: ImportMapping,
  delimiter: Delimiter,
  headerLine: string,
): string | null {
  if (header.length === 1) {
    const guess = guessDelimiter(headerLine);
    if (guess && guess !== delimiter) {
      return `The header has one column but contains ${DELIMITER_NAMES[guess]}: the file seems to be separated by ${DELIMITER_NAMES[guess]}, not ${DELIMITER_NAMES[delimiter]}. Choose “${guess === '\t' ? 'Tab' : guess}” as the delimiter. Nothing was imported.`;
    }
  }
  for (const [field, index] of Object.entries(mapping)) {
    if (index !== undefined && index >= header.length)
      return `The column chosen for “${field}” does not exist in this file. Choose another.`;
  }
  const missing = REQUIRED[kind].filter((f) => mapping[f] === undefined);
  if (missing.length) {
    return `No column is chosen for ${missing.map((f) => `“${f}”`).join(' and ')}. Choose which column holds it, or rename the file's header. Nothing was imported.`;
  }
  return null;
}

// ── Scan: header, mapping and every row's verdict ─────────────────────────────────────────

interface ScanResult {
  header: string[];
  mapping: ImportMapping;
  rows: number;
  /** What makes the whole file unimportable, in words; null when rows can be imported. */
  problem: string | null;
}

type RowVisitor = (verdict: Verdict<EntityDraft | RelationDraft>, cells: string[], line: number) => void;

/** Reads the whole file once, judging each row; between batches it yields and asks whether to stop. */
async function scan(
  store: CaseStore,
  request: ImportRequest,
  upload: Upload,
  visit: RowVisitor,
  stop: () => boolean = () => false,
): Promise<ScanResult> {
  const result: ScanResult = { header: [], mapping: request.mapping ?? {}, rows: 0, problem: null };
  if (upload.bytes === 0) {
    return {
      ...result,
      problem: `“${upload.fileName}” is empty. Choose a CSV file with a header line and at least one row. Nothing was imported.`,
    };
  }
  let checker: RowChecker | null = null;
  try {
    for await (const batch of recordBatches(upload.path, request.delimiter)) {
      for (const { cells, line } of batch) {
        if (!checker) {
          result.header = cells;
          result.mapping = request.mapping ?? autoMapping(request.kind, cells);
          result.problem = mappingProblem(
            request.kind,
            cells,
            result.mapping,
            request.delimiter,
            firstLine(upload.path),
          );
          if (result.problem) return result;
          checker = new RowChecker(store, result.mapping);
          continue;
        }
        result.rows++;
        visit(checker.check(request.kind, cells, line), cells, line);
      }
      await yieldToLoop();
      if (stop()) return result;
    }
  } catch (error) {
    if (error instanceof FileProblem) return { ...result, problem: error.message };
    throw error;
  }
  if (!checker)
    result.problem = `“${upload.fileName}” holds no rows. Choose a CSV file with a header line and at least one row. Nothing was imported.`;
  else if (result.rows === 0)
    result.problem = `“${upload.fileName}” has a header but no rows below it: there is nothing to import.`;
  return result;
}

// ── Check (preview) ────────────────────────────────────────────────────────────────────────

export async function checkImport(store: CaseStore, request: ImportRequest): Promise<ImportPreview> {
  const upload = uploadOf(request.uploadId);
  const sample: string[][] = [];
  const rejections: RejectedRow[] = [];
  let accepted = 0;
  let rejected = 0;
  const result = await scan(store, request, upload, (verdict, cells, line) => {
    if (sample.length < SAMPLE_ROWS) sample.push(cells);
    if (verdict.ok) accepted++;
    else {
      rejected++;
      if (rejections.length < MAX_REJECTIONS_SHOWN) rejections.push({ line, reason: verdict.reason });
    }
  });
  upload.rows = result.rows;
  return {
    fileName: upload.fileName,
    bytes: upload.bytes,
    header: result.header,
    sample,
    mapping: result.mapping,
    rows: result.rows,
    accepted: result.problem ? 0 : accepted,
    rejected,
    rejections,
    problem: result.problem,
  };
}

// ── Import ─────────────────────────────────────────────────────────────────────────────────

interface Job {
  state: ImportJobState;
  cancelled: boolean;
}
const jobs = new Map<string, Job>();
let running: string | null = null;

export function jobState(jobId: string): ImportJobState {
  const job = jobs.get(jobId);
  if (!job)
    throw new AppError(
      'not_found',
      'This import is not known (was the app restarted?). Start the import again.',
    );
  return job.state;
}

export function cancelImport(jobId: string): { cancelled: boolean } {
  const job = jobs.get(jobId);
  if (!job || job.state.status !== 'running') return { cancelled: false };
  job.cancelled = true;
  return { cancelled: true };
}

function write(store: CaseStore, kind: ImportKind, drafts: Spool<EntityDraft | RelationDraft>): void {
  if (kind === 'relations') {
    for (const draft of drafts.values()) store.relations.insert(draft as RelationDraft);
    return;
  }
  // The store's bulk path: for large loads it sets indexes and search triggers aside and rebuilds them once.
  const entities = drafts as Spool<EntityDraft>;
  bulkInsertEntities(store.db, entities.values(), entities.length);
}

/**
 * Imports the accepted rows. First every row is read and judged (progress, cancel) and the
 * accepted ones are spooled to disk; then they are written in one transaction — all or nothing —
 * recorded as one undo step by the id ranges it adds (Journal.recordInserts), so even a
 * million-row import can be undone.
 */
export async function runImport(
  store: CaseStore,
  request: ImportRequest & { jobId: string },
): Promise<ImportJobState> {
  if (running)
    throw new AppError('conflict', 'An import is already running. Wait for it to finish or cancel it first.');
  const upload = uploadOf(request.uploadId);
  const job: Job = {
    state: { status: 'running', done: 0, total: upload.rows ?? 0, imported: 0, rejected: 0, message: null },
    cancelled: false,
  };
  jobs.set(request.jobId, job);
  running = request.jobId;
  const noun = request.kind;
  const drafts = new Spool<EntityDraft | RelationDraft>();
  try {
    const result = await scan(
      store,
      request,
      upload,
      (verdict) => {
        if (verdict.ok) drafts.push(verdict.draft);
        else job.state.rejected++;
        job.state.done++;
      },
      () => job.cancelled,
    );
    if (job.cancelled) {
      job.state = {
        ...job.state,
        status: 'cancelled',
        imported: 0,
        message: 'The import was cancelled. Nothing was imported.',
      };
      return job.state;
    }
    if (result.problem) throw new AppError('invalid_input', result.problem);
    if (drafts.length === 0) {
      throw new AppError(
        'invalid_input',
        'Every row of the file would be rejected, so nothing was imported. Read the reasons, fix the file and try again.',
      );
    }
    const label = `Import ${drafts.length.toLocaleString('en-US')} ${noun} from “${upload.fileName}”`;
    const tables = request.kind === 'entities' ? (['entity', 'alias'] as const) : (['relation'] as const);
    store.journal.recordInserts(label, tables, () => write(store, request.kind, drafts));
    job.state.imported = drafts.length;
    job.state.status = 'done';
    job.state.message = `Imported ${drafts.length.toLocaleString('en-US')} ${noun}; ${job.state.rejected.toLocaleString('en-US')} rows were rejected. Undo (Ctrl+Z) takes the whole import back.`;
    discardUpload(request.uploadId);
    return job.state;
  } catch (error) {
    job.state.imported = 0;
    job.state.status = 'failed';
    const known = error instanceof AppError ? error : storeProblem(error);
    job.state.message = known
      ? known.message
      : `The import failed (${(error as Error).message}). Nothing was imported.`;
    throw known ?? new AppError('internal', job.state.message);
  } finally {
    drafts.close();
    running = null;
  }
}

export function importRunning(): boolean {
  return running !== null;
}
