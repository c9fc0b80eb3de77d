// The case's source documents: import more, read one, review what extraction proposes for it, edit
// its description and reliability, save its original back out, or delete it with its citations.
import { useEffect, useState } from 'react';
import { FORMAT_LABEL, type SourceSummary } from '../../../shared/model';
import { RELIABILITY, type Reliability } from '../../../shared/vocab';
import { attempt, call, reportError } from '../../lib/ipc';
import { saveDownload, saveFile } from '../../lib/platform';
import { openReader } from '../../lib/reader';
import { useRevision } from '../../lib/store';
import { openDocumentImport } from './documentImport';
import { openReview } from './reviewStore';
import { SourceEditDialog } from './SourceEditDialog';
import './sources.css';

export const RELIABILITY_TEXT: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Cannot be judged',
};

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });
export function languageName(code: string | null): string | null {
  if (!code) return null;
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function saveOriginal(source: SourceSummary): Promise<void> {
  try {
    const original = await call('sources:original', { id: source.id });
    if ('downloadId' in original) await saveDownload(original.downloadId);
    else await saveFile(original.name, base64Bytes(original.bytes), 'application/octet-stream');
  } catch (error) {
    reportError(error, 'sources:original');
  }
}

/** Asks, naming how many citations go with it, then deletes (Undo brings it all back). */
export async function deleteSource(
  source: SourceSummary,
  ask: (message: string) => boolean = (m) => window.confirm(m),
): Promise<void> {
  const citations = source.citationCount;
  const what =
    citations === 0
      ? `Delete “${source.title}”?`
      : `Delete “${source.title}” and the ${citations} citation${citations === 1 ? '' : 's'} of it? The facts they support stay in the case, without ${citations === 1 ? 'this' : 'these'} citation${citations === 1 ? '' : 's'}.`;
  if (!ask(`${what} Undo (Ctrl+Z) brings it back.`)) return;
  await attempt('sources:delete', { id: source.id });
}

function SourceItem({ source, onEdit }: { source: SourceSummary; onEdit: () => void }) {
  const details = [
    source.format ? FORMAT_LABEL[source.format] : null,
    source.pageCount !== null ? `${source.pageCount} ${source.pageCount === 1 ? 'page' : 'pages'}` : null,
    source.author,
    source.publisher || null,
    source.publishedOn,
    languageName(source.language),
  ].filter(Boolean);
  return (
    <li className="source-item" data-testid="source-item">
      <select
        className={`reliability-letter r-${source.reliability}`}
        value={source.reliability}
        aria-label={`Reliability of ${source.title}`}
        title={`Reliability (Admiralty code): ${RELIABILITY_TEXT[source.reliability as Reliability] ?? source.reliability}`}
        onChange={(e) =>
          void attempt('sources:setReliability', {
            id: source.id,
            reliability: e.target.value as Reliability,
          })
        }
      >
        {RELIABILITY.map((r) => (
          <option key={r} value={r} title={RELIABILITY_TEXT[r]}>
            {r}
          </option>
        ))}
      </select>
      <div className="source-text">
        <button
          type="button"
          className="link"
          onClick={() => openReader(source.id)}
          title="Open in the reader"
        >
          {source.title}
        </button>
        <span className="muted">
          {details.length ? `${details.join(' · ')} · ` : ''}
          {source.citationCount} {source.citationCount === 1 ? 'citation' : 'citations'}
        </span>
        <span className="source-actions">
          <button type="button" className="link" onClick={() => openReview(source.id)}>
            {source.pendingSuggestions > 0
              ? `Review ${source.pendingSuggestions} suggestions`
              : 'Suggestions'}
          </button>
          <button type="button" className="link" onClick={onEdit}>
            Edit…
          </button>
          {source.originalSize !== null && (
            <button type="button" className="link" onClick={() => void saveOriginal(source)}>
              Save original
            </button>
          )}
          <button type="button" className="link danger" onClick={() => void deleteSource(source)}>
            Delete…
          </button>
        </span>
      </div>
    </li>
  );
}

export function SourcesPanel() {
  const revision = useRevision(['source', 'citation']);
  const [sources, setSources] = useState<SourceSummary[]>([]);
  const [editing, setEditing] = useState<SourceSummary | null>(null);
  useEffect(() => {
    // A list asked for before the last change (a cancelled import's rolled-back rows) may answer
    // after the one asked for since: only the latest request's answer is shown.
    let latest = true;
    void attempt('sources:list', {}).then((list) => {
      if (latest) setSources(list ?? []);
    });
    return () => {
      latest = false;
    };
  }, [revision]);
  return (
    <section className="sources" aria-label="Sources">
      <div className="sources-head">
        <h3>Sources</h3>
        <button
          type="button"
          onClick={openDocumentImport}
          title="Import text, Markdown, HTML, PDF or Word documents"
        >
          Import…
        </button>
      </div>
      {sources.length === 0 && (
        <p className="muted">
          No source documents yet. Import the reports you read, or drop them on the window.
        </p>
      )}
      <ul className="source-list">
        {sources.map((s) => (
          <SourceItem key={s.id} source={s} onEdit={() => setEditing(s)} />
        ))}
      </ul>
      {editing && <SourceEditDialog source={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
