// File ▸ Import network…, Export network… and Open case export…: a preview that says what each type
// value and each row will become, the report after, and the export's format and notes choice.
import { useEffect, useState } from 'react';
import {
  GRAPH_FORMATS,
  GRAPH_FORMAT_LABEL,
  type GraphFormat,
  type InterchangeReport,
} from '../../../shared/ipc/interchange/contract';
import type { Vocabulary } from '../../../shared/vocabulary';
import { call } from '../../lib/ipc';
import { Dialog } from '../../ui/Dialog';
import {
  chooseNetworkFile,
  chooseType,
  chooseUnknownTypes,
  closeInterchange,
  exportNetwork,
  openCaseFile,
  runNetworkImport,
  useNetworkImport,
} from './interchange';

const ACCEPT = '.gexf,.graphml,.xml,.json,.cyjs,.stix';
const n = (count: number, one: string, many: string): string =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

function Summary({ report }: { report: InterchangeReport }) {
  const a = report.added;
  return (
    <p data-testid="network-summary">
      {report.dryRun ? 'Will add' : 'Added'} {n(a.entities, 'entity', 'entities')},{' '}
      {n(a.relations, 'relation', 'relations')}, {n(a.types, 'type', 'types')},{' '}
      {n(a.attributes, 'attribute', 'attributes')} and {n(a.sources, 'source', 'sources')}
      {report.merged.length
        ? `; ${n(report.merged.length, 'row goes', 'rows go')} into what the case already has`
        : ''}
      {report.skipped.length ? `; ${n(report.skipped.length, 'row is', 'rows are')} left out` : ''}.
    </p>
  );
}

function Details({ report }: { report: InterchangeReport }) {
  return (
    <>
      {report.skipped.length > 0 && (
        <details>
          <summary>Left out ({report.skipped.length})</summary>
          <ul className="report-list">
            {report.skipped.slice(0, 200).map((s, i) => (
              <li key={i}>
                {s.kind} “{s.key}”: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.merged.length > 0 && (
        <details>
          <summary>Already in the case ({report.merged.length})</summary>
          <ul className="report-list">
            {report.merged.slice(0, 200).map((m, i) => (
              <li key={i}>
                {m.kind} “{m.key}” → {m.into}: {m.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.possibleDuplicates.length > 0 && (
        <details>
          <summary>
            Names that differ only in case or accents ({report.possibleDuplicates.length}), kept apart
          </summary>
          <ul className="report-list">
            {report.possibleDuplicates.slice(0, 200).map((d, i) => (
              <li key={i}>
                “{d.name}” and “{d.otherName}”
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.warnings.map((w, i) => (
        <p key={i} className="muted">
          {w}
        </p>
      ))}
    </>
  );
}

function TypeTable({ report, vocabulary }: { report: InterchangeReport; vocabulary: Vocabulary | null }) {
  const state = useNetworkImport();
  if (report.types.length === 0) return null;
  return (
    <table className="type-table" data-testid="network-types">
      <thead>
        <tr>
          <th>In the file</th>
          <th>Rows</th>
          <th>Becomes</th>
        </tr>
      </thead>
      <tbody>
        {report.types.map((t) => {
          const types = t.kind === 'entity' ? vocabulary?.entityTypes : vocabulary?.relationTypes;
          const choice = state.typeMap[t.value] ?? (t.choice === 'existing' ? (t.typeId ?? '') : t.choice);
          return (
            <tr key={`${t.kind}:${t.value}`}>
              <td>
                {t.kind === 'entity' ? 'Entity type' : 'Relation type'} “{t.value || '(none)'}”
              </td>
              <td>{t.rows.toLocaleString('en-US')}</td>
              <td>
                <select
                  aria-label={`What “${t.value || '(none)'}” becomes`}
                  value={choice}
                  onChange={(e) => chooseType(t.value, e.target.value)}
                >
                  <option value="add">
                    {t.choice === 'add' ? `Add as a new type “${t.typeId}”` : 'Add as a new type'}
                  </option>
                  <option value="reject">Leave these rows out</option>
                  {types?.map((v) => (
                    <option key={v.id} value={v.id}>
                      {'label' in v ? v.label : v.reads} ({v.id})
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ImportDialog() {
  const state = useNetworkImport();
  const [vocabulary, setVocabulary] = useState<Vocabulary | null>(null);
  useEffect(() => {
    void call('caseTypes:list', {}).then(setVocabulary, () => undefined);
  }, [state.result]);
  const busy = ['sending', 'previewing', 'importing'].includes(state.phase);
  const report = state.result ?? state.preview;
  return (
    <Dialog title="Import a network" onClose={closeInterchange}>
      <p className="muted">
        GEXF (Gephi), GraphML (yEd, networkx, igraph), STIX 2.1, Cytoscape JSON or an Analyst Workbench case
        export. You see what will come in before anything is written; Undo takes the whole import back.
      </p>
      {state.phase !== 'done' && (
        <label>
          File
          <input
            type="file"
            accept={ACCEPT}
            data-testid="network-file"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void chooseNetworkFile(file);
            }}
          />
        </label>
      )}
      {state.file && <p>“{state.file.name}”</p>}
      {busy && <p role="status">{state.phase === 'importing' ? 'Importing…' : 'Reading the file…'}</p>}
      {state.message && (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      )}
      {report && !busy && (
        <>
          <Summary report={report} />
          {state.phase === 'preview' && (
            <>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={state.unknownTypes === 'reject'}
                  onChange={(e) => chooseUnknownTypes(e.target.checked ? 'reject' : 'add')}
                />
                Leave out rows of types the case does not have (unless chosen below)
              </label>
              <TypeTable report={report} vocabulary={vocabulary} />
            </>
          )}
          <Details report={report} />
        </>
      )}
      <div className="dialog-buttons">
        {state.phase === 'done' ? (
          <button type="button" onClick={closeInterchange} autoFocus>
            Close
          </button>
        ) : (
          <>
            <button type="button" onClick={closeInterchange}>
              Cancel
            </button>
            {report?.format === 'case' && state.file && (
              <button type="button" disabled={busy} onClick={() => void openCaseFile(state.file!)}>
                Open as a new case
              </button>
            )}
            <button
              type="button"
              data-testid="network-import"
              disabled={
                state.phase !== 'preview' ||
                !report ||
                report.added.entities + report.added.relations + report.added.sources === 0
              }
              onClick={() => void runNetworkImport()}
            >
              Import
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}

function ExportDialog() {
  const [format, setFormat] = useState<GraphFormat>('gexf');
  const [notes, setNotes] = useState<'none' | 'shareable'>('none');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title="Export the network" onClose={closeInterchange}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void exportNetwork(format, notes).then((ok) => {
            setBusy(false);
            if (ok) closeInterchange();
          });
        }}
      >
        <label>
          Format
          <select
            data-testid="export-format"
            value={format}
            onChange={(e) => setFormat(e.target.value as GraphFormat)}
          >
            {GRAPH_FORMATS.map((f) => (
              <option key={f} value={f}>
                {GRAPH_FORMAT_LABEL[f]}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Notes</legend>
          <label className="inline">
            <input type="radio" name="notes" checked={notes === 'none'} onChange={() => setNotes('none')} />
            No notes
          </label>
          <label className="inline">
            <input
              type="radio"
              name="notes"
              checked={notes === 'shareable'}
              onChange={() => setNotes('shareable')}
            />
            Shareable notes (private notes never leave this machine)
          </label>
        </fieldset>
        <div className="dialog-buttons">
          <button type="button" onClick={closeInterchange}>
            Cancel
          </button>
          <button type="submit" data-testid="export-network" disabled={busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function OpenCaseDialog() {
  const state = useNetworkImport();
  const busy = state.phase === 'sending' || state.phase === 'importing';
  return (
    <Dialog title="Open a case export" onClose={closeInterchange}>
      <p className="muted">
        A case exported by Analyst Workbench opens as a new case of its own, with its sources, citations and
        shareable notes. The case open now stays as it is.
      </p>
      <label>
        Case export (.json)
        <input
          type="file"
          accept=".json"
          data-testid="case-file"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void openCaseFile(file);
          }}
        />
      </label>
      {busy && <p role="status">Opening…</p>}
      {state.message && (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={closeInterchange}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

export function InterchangeHost() {
  const { dialog } = useNetworkImport();
  if (dialog === 'import') return <ImportDialog />;
  if (dialog === 'export') return <ExportDialog />;
  if (dialog === 'openCase') return <OpenCaseDialog />;
  return null;
}
