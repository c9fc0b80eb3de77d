// Editing the case's documents: their description, deleting one with its citations, and saving
// its original bytes back out.
import { Readable } from 'node:stream';
import {
  MAX_INLINE_ORIGINAL_BYTES,
  type OriginalFile,
  type SourcePatch,
} from '../../../shared/ipc/sources/contract';
import type { SourceSummary } from '../../../shared/model';
import type { CaseStore } from '../../store';
import { offerDownload } from '../downloads';
import { AppError, notFound } from '../errors';

export function updateSource(store: CaseStore, id: number, patch: SourcePatch): SourceSummary {
  const source = store.sources.summary(id);
  if (!source) throw notFound('source', id);
  store.journal.record(`Edit “${source.title}”`, () => store.sources.update(id, patch));
  return store.sources.summary(id)!;
}

/** Deletes a document with its citations and suggestions (one undo step); its original stays for undo. */
export function deleteSource(store: CaseStore, id: number): { deleted: number; citations: number } {
  const source = store.sources.summary(id);
  if (!source) throw notFound('source', id);
  const citations = store.sources.citationCount(id);
  const suffix = citations ? ` and its ${citations} citation${citations === 1 ? '' : 's'}` : '';
  store.journal.record(`Delete “${source.title}”${suffix}`, () => {
    // Cascades remove the citations and suggestions; deleting them first records them for undo.
    store.db.prepare('DELETE FROM citation WHERE source_id = ?').run(id);
    store.db.prepare('DELETE FROM suggestion WHERE source_id = ?').run(id);
    store.sources.delete(id);
  });
  return { deleted: 1, citations };
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  md: 'text/markdown',
  txt: 'text/plain',
};

/** The bytes the document was imported from: inline up to 20 MB, else a download ticket. */
export function originalOf(store: CaseStore, id: number): OriginalFile {
  const source = store.sources.summary(id);
  if (!source) throw notFound('source', id);
  const digest = store.sources.sha256Of(id);
  const bytes = digest ? store.originals.get(digest) : null;
  if (!bytes) {
    throw new AppError(
      'not_found',
      `“${source.title}” was not imported from a file, so there is no original to save. Its text is in the reader.`,
    );
  }
  const name =
    source.fileName ??
    `${source.title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'document'}.${source.format ?? 'txt'}`;
  if (bytes.byteLength <= MAX_INLINE_ORIGINAL_BYTES) return { name, bytes: bytes.toString('base64') };
  const downloadId = offerDownload({
    fileName: name,
    mime: MIME[source.format ?? 'txt'] ?? 'application/octet-stream',
    open: () => Readable.from([bytes]),
  });
  return { name, downloadId, size: bytes.byteLength };
}
