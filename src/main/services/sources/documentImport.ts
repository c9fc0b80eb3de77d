// Document import: the page sends each file's bytes (inline or as an upload), main hashes them,
// skips bytes the case already holds, has them parsed on worker threads, and writes each document,
// its original bytes and its extraction suggestions into one transaction that stays open for the
// batch: a cancel or a failure keeps nothing, a finished batch is one undo step. Main's event loop
// is yielded between files, so the workbench keeps answering while a batch is read.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import {
  MAX_CASE_ORIGINALS_BYTES,
  MAX_DOCUMENT_BYTES,
  type DocumentImportResult,
  type DocumentImportState,
  type ImportFile,
  type ImportedDocument,
  type RefusedDocument,
} from '../../../shared/ipc/sources/contract';
import { contract } from '../../../shared/ipc/contract';
import { PARTIAL_DATE } from '../../../shared/vocab';
import type { ParsedDocument } from '../../io/documents';
import { parseInWorker, type ParseJob } from '../../io/documents/pool';
import type { CaseStore } from '../../store';
import { AppError } from '../errors';
import type { CaseSession } from '../session';
import { completeUpload, discardUpload, megabytes, uploadOf } from '../uploads';
import { suggestionDrafts, type Extractor } from './suggestions';

interface Job {
  state: DocumentImportState;
  controller: AbortController;
}

const jobs = new Map<string, Job>();
const JOB_MEMORY_MS = 10 * 60_000;
const HASH_SLICE = 8 * 1024 * 1024;

export function importState(jobId: string): DocumentImportState {
  const job = jobs.get(jobId);
  if (!job) throw new AppError('not_found', 'This import is not known; it may have finished a while ago.');
  return job.state;
}

export function cancelDocumentImport(jobId: string): { cancelled: boolean } {
  const job = jobs.get(jobId);
  if (!job || job.state.status !== 'running') return { cancelled: false };
  job.controller.abort();
  return { cancelled: true };
}

/** sha256 in slices, yielding between them, so a 200 MB file does not stall main. */
async function sha256(bytes: Uint8Array): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (let at = 0; at < bytes.byteLength; at += HASH_SLICE) {
    hash.update(bytes.subarray(at, at + HASH_SLICE));
    if (at + HASH_SLICE < bytes.byteLength) await yieldToLoop();
  }
  return hash.digest('hex');
}

const stem = (name: string): string => name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || name;

function titleOf(doc: ParsedDocument, name: string): string {
  const title = doc.title?.replace(/\s+/g, ' ').trim();
  return title ? title.slice(0, 500) : stem(name).slice(0, 500);
}

function tooLarge(name: string, size: number): string {
  return `“${name}” is ${megabytes(size)}; the workbench imports documents up to ${megabytes(MAX_DOCUMENT_BYTES)}.`;
}

async function bytesOf(file: ImportFile): Promise<Uint8Array | string> {
  if ('bytes' in file) {
    const bytes = Buffer.from(file.bytes, 'base64');
    return bytes.byteLength > MAX_DOCUMENT_BYTES ? tooLarge(file.name, bytes.byteLength) : bytes;
  }
  const upload = uploadOf(file.uploadId);
  if (upload.totalBytes > MAX_DOCUMENT_BYTES) return tooLarge(file.name, upload.totalBytes);
  return fs.readFile(completeUpload(file.uploadId).path);
}

/** Reads one batch into the open transaction; returns what was imported and what was refused. */
async function readBatch(
  store: CaseStore,
  files: ImportFile[],
  job: Job,
  extractor: Extractor,
): Promise<DocumentImportResult> {
  const { state, controller } = job;
  const imported: ImportedDocument[] = [];
  const refused: RefusedDocument[] = [];
  const refuse = (entry: RefusedDocument): void => {
    refused.push(entry);
    state.refused++;
    state.done++;
  };
  const seen = new Map<string, string>();
  /** Originals this batch added, by file index: a file that fails to parse takes its bytes back out. */
  const added = new Map<number, string>();
  const digests = new Map<number, string>();
  let originals = store.originals.totalBytes();

  async function* parseJobs(): AsyncGenerator<ParseJob> {
    for (const [index, file] of files.entries()) {
      if (controller.signal.aborted) return;
      state.current = file.name;
      let bytes: Uint8Array | string;
      try {
        bytes = await bytesOf(file);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        bytes = error.message;
      }
      if (typeof bytes === 'string') {
        refuse({ index, name: file.name, reason: bytes, code: 'unreadable' });
        continue;
      }
      const digest = await sha256(bytes);
      const existingId = store.sources.findBySha256(digest);
      if (existingId !== null) {
        const title = store.sources.summary(existingId)?.title ?? 'another source';
        refuse({
          index,
          name: file.name,
          reason: `“${file.name}” is already in this case as “${title}”.`,
          existingId,
          code: 'duplicate',
        });
        continue;
      }
      const twin = seen.get(digest);
      if (twin !== undefined) {
        refuse({
          index,
          name: file.name,
          reason: `“${file.name}” has the same bytes as “${twin}” in this batch.`,
          code: 'duplicate',
        });
        continue;
      }
      if (store.originals.size(digest) === null) {
        if (originals + bytes.byteLength > MAX_CASE_ORIGINALS_BYTES) {
          refuse({
            index,
            name: file.name,
            reason: `“${file.name}” would take this case past ${megabytes(MAX_CASE_ORIGINALS_BYTES)} of original documents; start another case for more.`,
            code: 'case_full',
          });
          continue;
        }
        store.originals.put(digest, bytes);
        originals += bytes.byteLength;
        added.set(index, digest);
      }
      seen.set(digest, file.name);
      digests.set(index, digest);
      yield { index, name: file.name, bytes, encoding: file.encoding };
    }
  }

  for await (const { index, name, outcome } of parseInWorker(parseJobs(), { signal: controller.signal })) {
    if (controller.signal.aborted) break;
    state.done++;
    if (!outcome.ok) {
      const digest = added.get(index);
      if (digest) store.db.prepare('DELETE FROM original WHERE sha256 = ?').run(digest);
      refused.push({ index, name, reason: outcome.reason, code: outcome.code, encodings: outcome.encodings });
      state.refused++;
      continue;
    }
    const doc = outcome.document;
    const title = titleOf(doc, name);
    const id = store.sources.insert({
      title,
      author: doc.author?.slice(0, 500) ?? null,
      publishedOn: doc.publishedOn && PARTIAL_DATE.test(doc.publishedOn) ? doc.publishedOn : null,
      url: doc.origin?.slice(0, 2000) ?? null,
      language: doc.language,
      format: doc.format,
      pages: doc.pages,
      fileName: name.replace(/^.*[\\/]/, '').slice(0, 255),
      sha256: digests.get(index) ?? null,
      text: doc.text,
    });
    await yieldToLoop();
    for (const draft of suggestionDrafts(extractor, doc.text, doc.publishedOn))
      store.suggestions.insert(id, draft);
    store.suggestions.setStamp(id, extractor.stamp);
    imported.push({ index, id, name, title, format: doc.format, pages: doc.pages?.length ?? null });
    state.imported++;
    await yieldToLoop();
  }
  if (controller.signal.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
  state.current = null;
  return {
    imported: imported.sort((a, b) => a.index - b.index),
    refused: refused.sort((a, b) => a.index - b.index),
  };
}

function label({ imported }: DocumentImportResult): string {
  if (imported.length === 1) return `Import “${imported[0]!.title}”`;
  return `Import ${imported.length.toLocaleString('en-US')} documents`;
}

/** sources:import — answers when the batch is done; sources:importState follows it meanwhile. */
export async function importDocuments(
  session: CaseSession,
  input: { files: ImportFile[]; jobId?: string },
  makeExtractor: (store: CaseStore) => Extractor,
): Promise<DocumentImportResult> {
  const jobId = input.jobId ?? crypto.randomBytes(16).toString('hex');
  if (jobs.get(jobId)?.state.status === 'running')
    throw new AppError('conflict', 'This import is already running.');
  const job: Job = {
    controller: new AbortController(),
    state: {
      status: 'running',
      done: 0,
      total: input.files.length,
      current: null,
      imported: 0,
      refused: 0,
      message: null,
    },
  };
  jobs.set(jobId, job);
  try {
    const result = await session.exclusive(
      'importing documents',
      async () => {
        const store = session.store;
        const extractor = makeExtractor(store);
        return store.journal.recordInsertsAsync(label, ['source', 'suggestion'], () =>
          readBatch(store, input.files, job, extractor),
        );
      },
      contract['sources:import'].writes,
    );
    job.state.status = 'done';
    job.state.message = `${result.imported.length} imported, ${result.refused.length} refused.`;
    return result;
  } catch (error) {
    if (job.controller.signal.aborted) {
      job.state.status = 'cancelled';
      job.state.message = 'The import was cancelled; nothing was imported.';
      throw new AppError('cancelled', job.state.message);
    }
    job.state.status = 'failed';
    job.state.message = (error as Error).message;
    throw error;
  } finally {
    for (const file of input.files) if ('uploadId' in file) discardUpload(file.uploadId);
    setTimeout(() => jobs.delete(jobId), JOB_MEMORY_MS).unref();
  }
}
