// Centrality in numbers: the selected entity's degree, betweenness and PageRank in the visible graph,
// and the whole case's saved as sheet columns under a definition the analyst chooses and reads.
import { useState } from 'react';
import { describeDefinition } from '../../../../shared/analytics/centrality';
import { call, reportError } from '../../../lib/ipc';
import { useMetrics } from '../../../lib/metrics';
import { useSelection } from '../../../lib/store';

const format = (n: number | null | undefined, digits = 4): string =>
  n === null || n === undefined ? '–' : Number.isInteger(n) ? String(n) : n.toFixed(digits);

export function CentralityPanel() {
  const [weighted, setWeighted] = useState(false);
  const [directed, setDirected] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const selection = useSelection();
  const metrics = useMetrics();
  const one = selection.entityIds.length === 1 ? selection.entityIds[0]! : null;
  const values = one === null ? undefined : metrics.byId.get(one);
  const save = async (): Promise<void> => {
    try {
      const result = await call('analytics:saveCentrality', { weighted, directed });
      setSaved(
        `Saved for ${result.entities.toLocaleString('en-US')} entities as the sheet columns Degree, Betweenness and PageRank (computed). Undo takes them back.`,
      );
    } catch (error) {
      reportError(error, 'analytics:saveCentrality');
    }
  };
  return (
    <fieldset>
      <legend>Centrality</legend>
      {values ? (
        <p data-testid="node-centrality">
          Selected, in the visible graph ({metrics.scope}): degree {format(values.degree)}, betweenness{' '}
          {format(values.betweenness)}, PageRank {format(values.pagerank)}.
        </p>
      ) : (
        <p className="muted">Select one entity to read its degree, betweenness and PageRank.</p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={weighted} onChange={(e) => setWeighted(e.target.checked)} /> Weighted
      </label>{' '}
      <label className="checkbox">
        <input type="checkbox" checked={directed} onChange={(e) => setDirected(e.target.checked)} /> Directed
      </label>
      <p className="muted" data-testid="centrality-definition">
        {describeDefinition({ weighted, directed })}
      </p>
      <button type="button" onClick={() => void save()}>
        Save for the whole case as sheet columns
      </button>
      {saved && <p role="status">{saved}</p>}
    </fieldset>
  );
}
