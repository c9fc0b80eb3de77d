// One document import at a time, whoever starts it (the Sources pane, File ▸ Import documents…, a
// drop on the window): the files' bytes are sent (inline when small, in pieces when not), main reads
// them on worker threads, and this module follows the progress for the dialog.
import { useSyncExternalStore } from 'react';
import {
  MAX_DOCUMENT_BYTES,
  type DocumentImportResult,
  type DocumentImportState,
  type ImportFile,
  type RefusedDocument,
} from '../../../shared/ipc/sources/contract';
import { megabytes, randomId, toBase64, uploadFile } from '../../lib/files';
import { call, IpcCallError } from '../../lib/ipc';
import { rereadTables } from '../../lib/store';

/** Files up to this size travel inline; a request stays well under the browser shell's 32 MB. */
const INLINE_FILE_BYTES = 2 * 1024 * 1024;
const INLINE_BATCH_BYTES = 12 * 1024 * 1024;

export interface DocumentImportRun {
  jobId: string;
  files: File[];
  /** 'choosing': the dialog asks for files (File ▸ Import documents…). */
  phase: 'choosing' | 'sending' | 'reading' | 'done' | 'cancelled' | 'failed';
  /** Bytes sent to main so far, of all the files' bytes. */
  sent: number;
  bytes: number;
  state: DocumentImportState | null;
  result: DocumentImportResult | null;
  message: string | null;
}

type Listener = () => void;
let current: DocumentImportRun | null = null;
const listeners = new Set<Listener>();
let cancelRequested = false;
/** The dialog was dismissed while the batch ran: forget it once the cancel has gone through. */
let dismissed = false;

function update(patch: Partial<DocumentImportRun> | null): void {
  current = patch === null || !current ? (patch as DocumentImportRun | null) : { ...current, ...patch };
  if (dismissed && current && !isRunning(current)) {
    current = null;
    dismissed = false;
  }
  for (const l of listeners) l();
}

export function useDocumentImport(): DocumentImportRun | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/** Opens the import dialog to choose files or a folder (or drop them). */
export function openDocumentImport(): void {
  if (isRunning(current)) return;
  update(null);
  update({
    jobId: '',
    files: [],
    phase: 'choosing',
    sent: 0,
    bytes: 0,
    state: null,
    result: null,
    message: null,
  });
}

export function closeDocumentImport(): void {
  if (current && (current.phase === 'sending' || current.phase === 'reading')) return;
  update(null);
}

export const isRunning = (run: DocumentImportRun | null): boolean =>
  !!run && (run.phase === 'sending' || run.phase === 'reading');

/** Files the workbench cannot take are refused here, before their bytes are sent. */
function refusedLocally(file: File, index: number): RefusedDocument | null {
  if (file.size > MAX_DOCUMENT_BYTES)
    return {
      index,
      name: file.name,
      reason: `“${file.name}” is ${megabytes(file.size)}; the workbench imports documents up to ${megabytes(MAX_DOCUMENT_BYTES)}.`,
      code: 'too_large',
    };
  return null;
}

/**
 * Imports the files as one batch (one undo step). `encodings` gives, by position in `files`, the
 * encoding the analyst picked for a text file whose encoding could not be told.
 */
export async function importDocumentFiles(
  files: File[],
  encodings: Record<number, string> = {},
): Promise<void> {
  if (files.length === 0 || isRunning(current)) return;
  cancelRequested = false;
  dismissed = false;
  const jobId = randomId();
  const local: RefusedDocument[] = [];
  const wanted = files
    .map((file, index) => ({ file, index }))
    .filter(({ file, index }) => {
      const refused = refusedLocally(file, index);
      if (refused) local.push(refused);
      return !refused;
    });
  const bytes = wanted.reduce((sum, { file }) => sum + file.size, 0);
  update(null);
  update({ jobId, files, phase: 'sending', sent: 0, bytes, state: null, result: null, message: null });

  try {
    const payload: ImportFile[] = [];
    const positions: number[] = [];
    let sent = 0;
    let inline = 0;
    for (const { file, index } of wanted) {
      if (cancelRequested) throw new DOMException('Cancelled', 'AbortError');
      const encoding = encodings[index] ? { encoding: encodings[index] } : {};
      if (file.size <= INLINE_FILE_BYTES && inline + file.size <= INLINE_BATCH_BYTES) {
        payload.push({ name: file.name, bytes: await toBase64(file), ...encoding });
        inline += file.size;
      } else {
        const base = sent;
        const uploadId = await uploadFile(
          file,
          (n) => update({ sent: base + n }),
          () => cancelRequested,
        );
        payload.push({ name: file.name, uploadId, ...encoding });
      }
      positions.push(index);
      sent += file.size;
      update({ sent });
    }
    if (payload.length === 0) {
      update({ phase: 'done', result: { imported: [], refused: local } });
      return;
    }
    update({ phase: 'reading' });
    const poll = setInterval(() => {
      void call('sources:importState', { jobId })
        .then((state) => current?.jobId === jobId && current.phase === 'reading' && update({ state }))
        .catch(() => undefined);
    }, 200);
    try {
      const result = await call('sources:import', { files: payload, jobId });
      // Positions in the request are positions among the files sent; report them as the analyst chose them.
      const at = (i: number): number => positions[i] ?? i;
      update({
        phase: 'done',
        result: {
          imported: result.imported.map((d) => ({ ...d, index: at(d.index) })),
          refused: [...local, ...result.refused.map((r) => ({ ...r, index: at(r.index) }))].sort(
            (a, b) => a.index - b.index,
          ),
        },
      });
    } finally {
      clearInterval(poll);
    }
  } catch (error) {
    const cancelled =
      cancelRequested ||
      (error instanceof DOMException && error.name === 'AbortError') ||
      (error instanceof IpcCallError && error.code === 'cancelled');
    update({
      phase: cancelled ? 'cancelled' : 'failed',
      message: cancelled ? 'The import was cancelled; nothing was imported.' : (error as Error).message,
    });
    // Reads made while the batch ran saw its rows before they were rolled back: read again.
    rereadTables(['source', 'original', 'suggestion', 'citation'], 'document import rolled back');
  }
}

export function cancelDocumentImport({ dismiss = false } = {}): void {
  if (!current || !isRunning(current)) return;
  cancelRequested = true;
  dismissed = dismiss;
  if (current.phase === 'reading')
    void call('sources:importCancel', { jobId: current.jobId }).catch(() => undefined);
}

/** Formats a drop or a picker can hand to the document import. */
export const DOCUMENT_ACCEPT =
  '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
