// CSV import: choose a file, see the first rows, map columns to fields, see which rows will be
// rejected and why, then import in one transaction with a progress bar and a cancel button.
import { useEffect, useRef, useState } from 'react';
import {
  ENTITY_IMPORT_FIELDS,
  MAX_IMPORT_BYTES,
  RELATION_IMPORT_FIELDS,
  type Delimiter,
  type ImportJobState,
  type ImportKind,
  type ImportMapping,
  type ImportPreview,
} from '../../../shared/ipc/sheet/contract';
import { megabytes, randomId, uploadFile } from '../../lib/files';
import { call, IpcCallError } from '../../lib/ipc';
import { Dialog } from '../../ui/Dialog';

const FIELD_LABELS: Record<string, string> = {
  type: 'Type',
  name: 'Name',
  aliases: 'Aliases (; between)',
  summary: 'Summary',
  tags: 'Tags (, between)',
  source: 'Source (name or alias)',
  target: 'Target (name or alias)',
  start: 'Start date',
  end: 'End date',
};
const DELIMITERS: { value: Delimiter; label: string }[] = [
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Vertical bar |' },
];
const NO_JOB: ImportJobState = {
  status: 'running',
  done: 0,
  total: 0,
  imported: 0,
  rejected: 0,
  merged: 0,
  typesAdded: 0,
  attributesAdded: 0,
  entitiesCreated: 0,
  possibleDuplicates: 0,
  message: null,
};
const messageOf = (error: unknown): string =>
  error instanceof IpcCallError ? error.message : String((error as Error).message ?? error);

export function ImportDialog({ defaultKind, onClose }: { defaultKind: ImportKind; onClose: () => void }) {
  const [kind, setKind] = useState<ImportKind>(defaultKind);
  const [delimiter, setDelimiter] = useState<Delimiter>(',');
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJobState | null>(null);
  const jobId = useRef<string | null>(null);

  const choose = async (file: File | undefined): Promise<void> => {
    setPreview(null);
    setUploadId(null);
    setMapping(undefined);
    setJob(null);
    setProblem(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setProblem(
        `“${file.name}” is ${megabytes(file.size)}; the import takes files up to ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files and import them one by one. Nothing was imported.`,
      );
      return;
    }
    try {
      setUploading(0);
      const id = await uploadFile(file, (sent) => setUploading(sent / Math.max(1, file.size)));
      setUploadId(id);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setUploading(null);
    }
  };

  // Check the whole file again whenever the kind, the delimiter or the mapping changes.
  useEffect(() => {
    if (!uploadId) return;
    let live = true;
    setChecking(true);
    call('csvImport:info', { uploadId, kind, delimiter, ...(mapping ? { mapping } : {}) })
      .then((result) => {
        if (!live) return;
        setPreview(result);
        setProblem(result.problem);
      })
      .catch((error: unknown) => live && setProblem(messageOf(error)))
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [uploadId, kind, delimiter, mapping]);

  const start = async (): Promise<void> => {
    if (!uploadId || !preview) return;
    const id = randomId();
    jobId.current = id;
    setJob({ ...NO_JOB, status: 'running', total: preview.rows });
    const poll = setInterval(() => {
      void call('csvImport:state', { jobId: id })
        .then((state) => state.status === 'running' && setJob(state))
        .catch(() => undefined);
    }, 200);
    try {
      setJob(await call('csvImport:run', { jobId: id, uploadId, kind, delimiter, mapping: preview.mapping }));
    } catch (error) {
      setJob({ ...NO_JOB, status: 'failed', total: preview.rows, message: messageOf(error) });
    } finally {
      clearInterval(poll);
    }
  };

  const fields = kind === 'entities' ? ENTITY_IMPORT_FIELDS : RELATION_IMPORT_FIELDS;
  const running = job?.status === 'running';
  const current = preview?.mapping ?? {};
  return (
    <Dialog title="Import CSV" onClose={() => !running && onClose()}>
      <div className="import-dialog">
        <div className="import-row">
          <label>
            CSV file (UTF-8, up to {megabytes(MAX_IMPORT_BYTES)})
            <input
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              disabled={running}
              onChange={(e) => void choose(e.target.files?.[0])}
            />
          </label>
          <fieldset className="import-kind" disabled={running}>
            <legend>Rows are</legend>
            <label className="checkbox">
              <input
                type="radio"
                name="kind"
                checked={kind === 'entities'}
                onChange={() => (setKind('entities'), setMapping(undefined))}
              />
              Entities
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="kind"
                checked={kind === 'relations'}
                onChange={() => (setKind('relations'), setMapping(undefined))}
              />
              Relations
            </label>
          </fieldset>
          <label>
            Delimiter
            <select
              value={delimiter}
              disabled={running}
              onChange={(e) => (setDelimiter(e.target.value as Delimiter), setMapping(undefined))}
            >
              {DELIMITERS.map((d) => (
                <option key={d.label} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {uploading !== null && <progress aria-label="Reading the file" value={uploading} max={1} />}
        {checking && <p className="muted">Checking every row…</p>}
        {problem && (
          <p className="form-error" role="alert" data-testid="import-problem">
            {problem}
          </p>
        )}
        {preview && preview.header.length > 1 && !running && job?.status !== 'done' && (
          <>
            <div className="import-mapping" role="group" aria-label="Columns to fields">
              {fields.map((field) => (
                <label key={field}>
                  {FIELD_LABELS[field]}
                  <select
                    value={current[field] ?? ''}
                    onChange={(e) => {
                      const next = { ...current };
                      if (e.target.value === '') delete next[field];
                      else next[field] = Number(e.target.value);
                      setMapping(next);
                    }}
                  >
                    <option value="">(not imported)</option>
                    {preview.header.map((h, i) => (
                      <option key={i} value={i}>
                        {h || `Column ${i + 1}`}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <div className="import-sample">
              <table className="plain-table" aria-label="First rows of the file">
                <thead>
                  <tr>
                    {preview.header.map((h, i) => (
                      <th key={i}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) => (
                        <td key={c}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {preview && !preview.problem && !running && job?.status !== 'done' && (
          <div className="import-report" data-testid="import-report">
            <p>
              <strong>{preview.rows.toLocaleString('en-US')}</strong> rows:{' '}
              <strong>{preview.accepted.toLocaleString('en-US')}</strong> will be imported,{' '}
              <strong>{preview.rejected.toLocaleString('en-US')}</strong> rejected. The import is one step:
              Undo (Ctrl+Z) takes it all back.
            </p>
            {preview.rejections.length > 0 && (
              <ul className="import-rejections" aria-label="Rejected rows">
                {preview.rejections.map((r) => (
                  <li key={r.line}>
                    Line {r.line}: {r.reason}
                  </li>
                ))}
                {preview.rejected > preview.rejections.length && (
                  <li className="muted">
                    …and {(preview.rejected - preview.rejections.length).toLocaleString('en-US')} more.
                  </li>
                )}
              </ul>
            )}
          </div>
        )}
        {job && (
          <div className="import-progress" data-testid="import-progress">
            {running && (
              <progress aria-label="Import progress" value={job.done} max={Math.max(1, job.total)} />
            )}
            {running && (
              <span className="muted">
                {job.done.toLocaleString('en-US')} of {job.total.toLocaleString('en-US')} rows read
              </span>
            )}
            {job.message && (
              <p
                role={job.status === 'failed' ? 'alert' : 'status'}
                className={job.status === 'failed' ? 'form-error' : ''}
              >
                {job.message}
              </p>
            )}
          </div>
        )}
        <div className="dialog-buttons">
          {running ? (
            <button
              type="button"
              onClick={() => jobId.current && void call('csvImport:cancel', { jobId: jobId.current })}
            >
              Cancel import
            </button>
          ) : (
            <button type="button" onClick={onClose}>
              {job?.status === 'done' ? 'Close' : 'Cancel'}
            </button>
          )}
          {job?.status !== 'done' && (
            <button
              type="button"
              className="primary"
              disabled={!preview || !!preview.problem || preview.accepted === 0 || checking || running}
              onClick={() => void start()}
            >
              Import{' '}
              {preview && !preview.problem
                ? `${preview.accepted.toLocaleString('en-US')} ${preview.accepted === 1 ? 'row' : 'rows'}`
                : ''}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
