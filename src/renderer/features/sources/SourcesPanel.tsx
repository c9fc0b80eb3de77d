// The case's source documents with their reliability letters (editable A–F); each opens in the reader.
import { useEffect, useState } from 'react';
import type { SourceSummary } from '../../../shared/model';
import { RELIABILITY, type Reliability } from '../../../shared/vocab';
import { attempt } from '../../lib/ipc';
import { openReader } from '../../lib/reader';
import { useRevision } from '../../lib/store';
import './sources.css';

const RELIABILITY_TEXT: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Cannot be judged',
};

export function SourcesPanel() {
  const revision = useRevision(['source', 'citation']);
  const [sources, setSources] = useState<SourceSummary[]>([]);
  useEffect(() => {
    void attempt('sources:list', {}).then((list) => setSources(list ?? []));
  }, [revision]);
  return (
    <section className="sources" aria-label="Sources">
      <h3>Sources</h3>
      {sources.length === 0 && <p className="muted">No source documents yet.</p>}
      <ul className="source-list">
        {sources.map((s) => (
          <li key={s.id} className="source-item">
            <select
              className={`reliability-letter r-${s.reliability}`}
              value={s.reliability}
              aria-label={`Reliability of ${s.title}`}
              title={`Reliability (Admiralty code): ${RELIABILITY_TEXT[s.reliability as Reliability] ?? s.reliability}`}
              onChange={(e) => void attempt('sources:setReliability', { id: s.id, reliability: e.target.value as Reliability })}
            >
              {RELIABILITY.map((r) => (
                <option key={r} value={r} title={RELIABILITY_TEXT[r]}>
                  {r}
                </option>
              ))}
            </select>
            <div className="source-text">
              <button type="button" className="link" onClick={() => openReader(s.id)} title="Open in the reader">
                {s.title}
              </button>
              <span className="muted">
                {s.publisher || 'Unknown publisher'}
                {s.publishedOn ? `, ${s.publishedOn}` : ''} · {s.citationCount} {s.citationCount === 1 ? 'citation' : 'citations'}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
