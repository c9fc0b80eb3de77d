// The document import dialog: choose files or a folder (or drop them on the window), follow the
// batch with a progress bar and Cancel, then see what came in and, by name, what was refused and why.
import { useRef, useState } from 'react';
import { FORMAT_LABEL, type DocumentFormat } from '../../../shared/model';
import type { RefusedDocument } from '../../../shared/ipc/sources/contract';
import { megabytes } from '../../lib/files';
import { openReader } from '../../lib/reader';
import { Dialog } from '../../ui/Dialog';
import {
  cancelDocumentImport,
  closeDocumentImport,
  DOCUMENT_ACCEPT,
  importDocumentFiles,
  isRunning,
  useDocumentImport,
  type DocumentImportRun,
} from './documentImport';
import { openReview } from './reviewStore';

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'Unicode (UTF-8)',
  'windows-1252': 'Western European (Windows-1252)',
  'windows-1256': 'Arabic (Windows-1256)',
  'windows-1251': 'Cyrillic (Windows-1251)',
  'iso-8859-1': 'Western European (ISO 8859-1)',
  'iso-8859-6': 'Arabic (ISO 8859-6)',
  'iso-8859-5': 'Cyrillic (ISO 8859-5)',
  'koi8-r': 'Cyrillic (KOI8-R)',
  'windows-1250': 'Central European (Windows-1250)',
  'windows-1253': 'Greek (Windows-1253)',
  'windows-1254': 'Turkish (Windows-1254)',
  'windows-1255': 'Hebrew (Windows-1255)',
};

/** Mounted once by the app: shows the dialog while an import is chosen, runs or has just finished. */
export function DocumentImportHost() {
  const run = useDocumentImport();
  if (!run) return null;
  // A new dialog per batch: the native <dialog> is shown once, when it mounts.
  return <DocumentImportDialog key={run.jobId || 'choose'} run={run} />;
}

function Chooser() {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const take = (list: FileList | null): void => {
    const chosen = [...(list ?? [])].filter((f) => !f.name.startsWith('.'));
    if (chosen.length) void importDocumentFiles(chosen);
  };
  return (
    <div className="import-chooser">
      <p>
        Text, Markdown, HTML, PDF and Word (DOCX) files, up to 200 MB each. You can also drop files on the
        window.
      </p>
      <div className="dialog-buttons import-choose-buttons">
        <button type="button" className="primary" onClick={() => files.current?.click()}>
          Choose files…
        </button>
        <button type="button" onClick={() => folder.current?.click()}>
          Choose a folder…
        </button>
      </div>
      <input
        ref={files}
        type="file"
        multiple
        accept={DOCUMENT_ACCEPT}
        hidden
        data-testid="document-files"
        onChange={(e) => take(e.currentTarget.files)}
      />
      <input
        ref={folder}
        type="file"
        hidden
        data-testid="document-folder"
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(e) => take(e.currentTarget.files)}
      />
    </div>
  );
}

function Progress({ run }: { run: DocumentImportRun }) {
  const sending = run.phase === 'sending';
  const state = run.state;
  const total = sending ? run.bytes : (state?.total ?? run.files.length);
  const done = sending ? run.sent : (state?.done ?? 0);
  const text = sending
    ? `Sending ${run.files.length} file${run.files.length === 1 ? '' : 's'} (${megabytes(run.sent)} of ${megabytes(run.bytes)})…`
    : `Reading documents: ${done} of ${total}${state?.current ? ` — ${state.current}` : ''}`;
  return (
    <div className="import-progress">
      <progress max={Math.max(1, total)} value={done} aria-label="Import progress" />
      <p role="status" data-testid="import-status">
        {text}
      </p>
      <div className="dialog-buttons">
        <button type="button" onClick={() => cancelDocumentImport()}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function EncodingPicker({ run, refused }: { run: DocumentImportRun; refused: RefusedDocument }) {
  const candidates = refused.encodings?.length ? refused.encodings : Object.keys(ENCODING_NAMES);
  const [encoding, setEncoding] = useState(candidates[0]!);
  const file = run.files[refused.index];
  if (!file) return null;
  return (
    <span className="encoding-picker">
      <select
        value={encoding}
        onChange={(e) => setEncoding(e.target.value)}
        aria-label={`Encoding of ${refused.name}`}
      >
        {candidates.map((c) => (
          <option key={c} value={c}>
            {ENCODING_NAMES[c] ?? c}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void importDocumentFiles([file], { 0: encoding })}>
        Import with this encoding
      </button>
    </span>
  );
}

function Summary({ run }: { run: DocumentImportRun }) {
  const result = run.result!;
  const { imported, refused } = result;
  return (
    <div className="import-summary" data-testid="import-summary">
      <p role="status">
        {imported.length === 0
          ? 'No document was imported.'
          : `${imported.length} document${imported.length === 1 ? ' was' : 's were'} imported.`}{' '}
        {refused.length > 0 && `${refused.length} ${refused.length === 1 ? 'was' : 'were'} refused.`}
        {imported.length > 0 && ' Undo (Ctrl+Z) takes the whole batch back out.'}
      </p>
      {imported.length > 0 && (
        <ul className="import-list" aria-label="Imported documents">
          {imported.map((d) => (
            <li key={d.id}>
              <span className="badge">{FORMAT_LABEL[d.format as DocumentFormat] ?? d.format}</span>{' '}
              <strong>{d.title}</strong>
              {d.pages !== null && <span className="muted"> · {d.pages} pages</span>}
              <span className="import-actions">
                <button type="button" onClick={() => openReader(d.id)}>
                  Read
                </button>
                <button
                  type="button"
                  onClick={() => {
                    closeDocumentImport();
                    openReview(d.id);
                  }}
                >
                  Review suggestions
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {refused.length > 0 && (
        <ul className="import-list refused" aria-label="Refused files">
          {refused.map((r) => (
            <li key={r.index} data-testid="refused-file">
              <span>{r.reason}</span>
              {r.code === 'encoding_unsure' && <EncodingPicker run={run} refused={r} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DocumentImportDialog({ run }: { run: DocumentImportRun }) {
  const title =
    run.phase === 'choosing'
      ? 'Import documents'
      : isRunning(run)
        ? 'Importing documents'
        : 'Import finished';
  return (
    <Dialog
      title={title}
      onClose={() => {
        if (isRunning(run)) cancelDocumentImport({ dismiss: true });
        else closeDocumentImport();
      }}
    >
      {run.phase === 'choosing' && <Chooser />}
      {isRunning(run) && <Progress run={run} />}
      {run.phase === 'done' && run.result && <Summary run={run} />}
      {(run.phase === 'cancelled' || run.phase === 'failed') && (
        <p role="status" className={run.phase === 'failed' ? 'form-error' : undefined}>
          {run.message}
        </p>
      )}
      {!isRunning(run) && (
        <div className="dialog-buttons">
          <button type="button" onClick={closeDocumentImport}>
            {run.phase === 'choosing' ? 'Cancel' : 'Close'}
          </button>
        </div>
      )}
    </Dialog>
  );
}
