// CSV import: choose a file, see the first rows and what happens to each column, map columns to
// fields, say value by value what to do with types the case does not know, see which rows will be
// rejected or folded into an identical one and why, then import in one transaction with a progress
// bar and a cancel button. Edge lists without a header are read by position.
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
  type ImportRequest,
  type TypeChoice,
} from '../../../shared/ipc/sheet/contract';
import type { Vocabulary } from '../../../shared/vocabulary';
import { megabytes, randomId, uploadFile } from '../../lib/files';
import { attempt, call, IpcCallError } from '../../lib/ipc';
import { Dialog } from '../../ui/Dialog';

const FIELD_LABELS: Record<string, string> = {
  type: 'Type',
  name: 'Name',
  aliases: 'Aliases (; between)',
  summary: 'Summary',
  tags: 'Tags (, between)',
  activeFrom: 'Active from (2013, 2013-01…)',
  activeTo: 'Active to (2013, 2013-01…)',
  source: 'Source (name or alias)',
  target: 'Target (name or alias)',
  start: 'Start date',
  end: 'End date',
  weight: 'Weight (a number)',
};
const DELIMITERS: { value: Delimiter | ''; label: string }[] = [
  { value: '', label: 'Detect' },
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Vertical bar |' },
  { value: ' ', label: 'Spaces' },
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
const n = (value: number): string => value.toLocaleString('en-US');

type Options = Omit<ImportRequest, 'uploadId' | 'kind'>;

export function ImportDialog({ defaultKind, onClose }: { defaultKind: ImportKind; onClose: () => void }) {
  const [kind, setKind] = useState<ImportKind>(defaultKind);
  const [delimiter, setDelimiter] = useState<Delimiter | ''>('');
  const [header, setHeader] = useState<boolean | undefined>(undefined);
  const [mapping, setMapping] = useState<ImportMapping | undefined>(undefined);
  const [ignore, setIgnore] = useState<number[] | undefined>(undefined);
  const [typeMap, setTypeMap] = useState<Record<string, TypeChoice>>({});
  const [createMissing, setCreateMissing] = useState<string>('');
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJobState | null>(null);
  const [vocabulary, setVocabulary] = useState<Vocabulary | null>(null);
  const jobId = useRef<string | null>(null);

  useEffect(() => {
    void attempt('caseTypes:list', {}).then((v) => v && setVocabulary(v));
  }, []);

  /** Starts the file's reading over: a new kind, delimiter or header changes what the columns mean. */
  const reshape = (): void => {
    setMapping(undefined);
    setIgnore(undefined);
    setTypeMap({});
  };

  const choose = async (file: File | undefined): Promise<void> => {
    setPreview(null);
    setUploadId(null);
    setHeader(undefined);
    reshape();
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

  const options: Options = {
    ...(delimiter ? { delimiter } : {}),
    ...(header !== undefined ? { header } : {}),
    ...(mapping ? { mapping } : {}),
    ...(ignore ? { ignore } : {}),
    ...(Object.keys(typeMap).length ? { typeMap } : {}),
    ...(kind === 'relations' && createMissing ? { createMissing } : {}),
  };
  const optionsKey = JSON.stringify(options);

  // Check the whole file again whenever the analyst changes how to read it.
  useEffect(() => {
    if (!uploadId) return;
    let live = true;
    setChecking(true);
    call('csvImport:info', { uploadId, kind, ...(JSON.parse(optionsKey) as Options) })
      .then((result) => {
        if (!live) return;
        setPreview(result);
        setProblem(result.problem);
        // Values the case does not know are offered as new types until the analyst says otherwise.
        const fresh = result.unknownTypes.filter((u) => u.choice === null);
        if (fresh.length)
          setTypeMap((current) => ({
            ...Object.fromEntries(fresh.map((u) => [u.value, 'add' as const])),
            ...current,
          }));
      })
      .catch((error: unknown) => live && setProblem(messageOf(error)))
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [uploadId, kind, optionsKey]);

  const start = async (): Promise<void> => {
    if (!uploadId || !preview) return;
    const id = randomId();
    jobId.current = id;
    setJob({ ...NO_JOB, total: preview.rows });
    const poll = setInterval(() => {
      void call('csvImport:state', { jobId: id })
        .then((state) => state.status === 'running' && setJob(state))
        .catch(() => undefined);
    }, 200);
    try {
      setJob(
        await call('csvImport:run', {
          jobId: id,
          uploadId,
          kind,
          ...options,
          delimiter: preview.delimiter,
          mapping: preview.mapping,
        }),
      );
    } catch (error) {
      setJob({ ...NO_JOB, status: 'failed', total: preview.rows, message: messageOf(error) });
    } finally {
      clearInterval(poll);
    }
  };

  const fields = kind === 'entities' ? ENTITY_IMPORT_FIELDS : RELATION_IMPORT_FIELDS;
  const running = job?.status === 'running';
  const current = preview?.mapping ?? {};
  const types =
    (kind === 'entities' ? vocabulary?.entityTypes : vocabulary?.relationTypes)?.map((t) => ({
      id: t.id,
      label: 'label' in t ? t.label : t.reads,
    })) ?? [];
  const showPlan = preview && preview.columns.length > 0 && !running && job?.status !== 'done';
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
                onChange={() => (setKind('entities'), reshape())}
              />
              Entities
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="kind"
                checked={kind === 'relations'}
                onChange={() => (setKind('relations'), reshape())}
              />
              Relations
            </label>
          </fieldset>
          <label>
            Delimiter
            <select
              value={delimiter}
              disabled={running}
              onChange={(e) => (setDelimiter(e.target.value as Delimiter | ''), reshape())}
            >
              {DELIMITERS.map((d) => (
                <option key={d.label} value={d.value}>
                  {d.label}
                  {d.value === '' && preview && !delimiter
                    ? ` (${DELIMITERS.find((x) => x.value === preview.delimiter)?.label ?? ''})`
                    : ''}
                </option>
              ))}
            </select>
          </label>
          {preview && preview.columns.length > 0 && (
            <label className="checkbox" title="Edge lists (a,b or a,b,weight) have no header line">
              <input
                type="checkbox"
                checked={preview.hasHeader}
                disabled={running}
                onChange={(e) => (setHeader(e.target.checked), reshape())}
              />
              First line names the columns{preview.headerDetected ? '' : ' (it looked like data)'}
            </label>
          )}
          {kind === 'relations' && (
            <label title="Edge lists have no entity table: create the people or groups they name">
              Ends no entity is called
              <select
                value={createMissing}
                disabled={running}
                onChange={(e) => setCreateMissing(e.target.value)}
              >
                <option value="">are refused</option>
                {(vocabulary?.entityTypes ?? []).map((t) => (
                  <option key={t.id} value={t.id}>
                    are created as {t.label}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {uploading !== null && <progress aria-label="Reading the file" value={uploading} max={1} />}
        {checking && <p className="muted">Checking every row…</p>}
        {problem && (
          <p className="form-error" role="alert" data-testid="import-problem">
            {problem}
          </p>
        )}
        {showPlan && (
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
            <ul
              className="import-columns"
              aria-label="What happens to each column"
              data-testid="import-columns"
            >
              {preview.columns.map((column) => (
                <li key={column.index}>
                  {column.use !== 'field' && (
                    <input
                      type="checkbox"
                      aria-label={`Keep “${column.name}”`}
                      checked={column.use === 'attribute'}
                      onChange={(e) => {
                        const dropped = preview.columns
                          .filter((c) => c.use === 'ignored' && c.index !== column.index)
                          .map((c) => c.index);
                        setIgnore(e.target.checked ? dropped : [...dropped, column.index]);
                      }}
                    />
                  )}
                  <strong>{column.name}</strong> {column.says}
                </li>
              ))}
            </ul>
            {preview.unknownTypes.length > 0 && (
              <table className="plain-table import-types" aria-label="Types the case does not know">
                <thead>
                  <tr>
                    <th>Type in the file</th>
                    <th>Rows</th>
                    <th>What to do</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.unknownTypes.map((u) => (
                    <tr key={u.value}>
                      <td>{u.value || '(no type)'}</td>
                      <td>{n(u.rows)}</td>
                      <td>
                        <select
                          aria-label={`What to do with “${u.value || 'no type'}”`}
                          value={typeMap[u.value] ?? ''}
                          onChange={(e) =>
                            setTypeMap((map) => ({ ...map, [u.value]: e.target.value as TypeChoice }))
                          }
                        >
                          {!typeMap[u.value] && <option value="">refuse its rows (say why)</option>}
                          <option value="add">add as a new type “{u.newId}”</option>
                          {types.map((t) => (
                            <option key={t.id} value={t.id}>
                              map onto {t.label}
                            </option>
                          ))}
                          <option value="reject">refuse these rows</option>
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
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
              <strong>{n(preview.rows)}</strong> rows: <strong>{n(preview.accepted)}</strong> will be
              imported, <strong>{n(preview.rejected)}</strong> rejected
              {preview.merged > 0 && (
                <>
                  , <strong>{n(preview.merged)}</strong> identical to another and folded into it
                </>
              )}
              {preview.entitiesToCreate > 0 && (
                <>
                  ; <strong>{n(preview.entitiesToCreate)}</strong> entities will be created for their ends
                </>
              )}
              . The import is one step: Undo (Ctrl+Z) takes it all back.
            </p>
            {preview.rejections.length > 0 && (
              <ul className="import-rejections" aria-label="Rejected rows">
                {preview.rejections.map((r) => (
                  <li key={r.line}>
                    Line {r.line}: {r.reason}
                  </li>
                ))}
                {preview.rejected > preview.rejections.length && (
                  <li className="muted">…and {n(preview.rejected - preview.rejections.length)} more.</li>
                )}
              </ul>
            )}
            {preview.mergedRows.length > 0 && (
              <ul className="import-rejections" aria-label="Rows folded into an identical one">
                {preview.mergedRows.map((r) => (
                  <li key={r.line}>
                    Line {r.line}: {r.reason}
                  </li>
                ))}
              </ul>
            )}
            {preview.possibleDuplicates.length > 0 && (
              <ul className="import-rejections" aria-label="Possible duplicates">
                {preview.possibleDuplicates.map((d) => (
                  <li key={`${d.line}-${d.name}`}>
                    Line {d.line}: “{d.name}” differs from “{d.other}”
                    {d.otherLine === null ? ' (in the case)' : ` (line ${d.otherLine})`} only in case or
                    accents; they are kept as two entities.
                  </li>
                ))}
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
                {n(job.done)} of {n(job.total)} rows read
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
                ? `${n(preview.accepted)} ${preview.accepted === 1 ? 'row' : 'rows'}`
                : ''}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
