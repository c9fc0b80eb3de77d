// The case's source documents with their reliability letters.
import { useEffect, useState } from 'react';
import type { SourceSummary } from '../../../shared/model';
import { attempt } from '../../lib/ipc';
import { useRevision } from '../../lib/store';

export function SourcesPanel() {
  const revision = useRevision();
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
          <li key={s.id}>
            <span className="badge" title="Reliability (Admiralty code)">
              {s.reliability}
            </span>{' '}
            {s.title}
            <span className="muted">
              {' '}
              — {s.publisher || 'unknown publisher'}
              {s.publishedOn ? `, ${s.publishedOn}` : ''} · {s.citationCount} citations
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
