// Centralities over the whole case, saved as number columns of the sheet (sortable, filterable,
// exported with CSV and GEXF), under the definition the analysis panel states.
import { centrality, describeDefinition, type CentralityRelation } from '../../shared/analytics/centrality';
import {
  CENTRALITY_KEYS,
  type CentralityRequest,
  type SavedCentrality,
} from '../../shared/ipc/analytics/contract';
import type { CaseStore } from '../store';
import { AppError } from './errors';

/** Betweenness costs entities × relations: beyond this the analyst narrows the case first. */
export const MAX_CENTRALITY_ENTITIES = 20_000;

const TITLES = {
  degree: 'Degree (computed)',
  betweenness: 'Betweenness (computed)',
  pagerank: 'PageRank (computed)',
};

export function saveCentrality(store: CaseStore, request: CentralityRequest): SavedCentrality {
  const db = store.db;
  const ids = db.prepare('SELECT id FROM entity ORDER BY id').pluck().all() as number[];
  if (ids.length > MAX_CENTRALITY_ENTITIES)
    throw new AppError(
      'invalid_input',
      `Centralities are computed for cases of up to ${MAX_CENTRALITY_ENTITIES.toLocaleString('en-US')} entities; this one has ${ids.length.toLocaleString('en-US')}. Nothing was changed.`,
    );
  const symmetric = new Map(store.vocabulary.list().relationTypes.map((t) => [t.id, t.symmetric]));
  const relations = (
    db.prepare('SELECT source_id, target_id, type, weight FROM relation').raw().all() as [
      number,
      number,
      string,
      number | null,
    ][]
  ).map(([source, target, type, weight]): CentralityRelation => ({
    source,
    target,
    type,
    weight,
    symmetric: symmetric.get(type) ?? false,
  }));
  const options = { weighted: request.weighted, directed: request.directed, types: request.types };
  const result = centrality(ids, relations, options);
  const definition = describeDefinition(options);
  store.journal.record('Compute centralities', () => {
    const known = new Set(store.attributes.list('entity').map((a) => a.key));
    for (const [measure, key] of Object.entries(CENTRALITY_KEYS))
      if (!known.has(key))
        store.attributes.declare({
          kind: 'entity',
          key,
          title: TITLES[measure as keyof typeof TITLES],
          valueType: 'number',
        });
    const update = db.prepare(
      `UPDATE entity SET attrs = json_set(attrs, '$.values.${CENTRALITY_KEYS.degree}', ?, '$.values.${CENTRALITY_KEYS.betweenness}', ?, '$.values.${CENTRALITY_KEYS.pagerank}', ?) WHERE id = ?`,
    );
    ids.forEach((id, i) => update.run(result.degree[i], result.betweenness[i], result.pagerank[i], id));
  });
  return { definition, entities: ids.length };
}
