// Centrality of the entities in the graph's visible network, computed by the graph pane and offered
// to other panes (the sheet shows them as sortable columns). Keyed by entity id; recomputed when
// the graph's filters or time window change. `scope` says in words what the numbers are over.
import { useSyncExternalStore } from 'react';

export interface EntityMetrics {
  /** Relations drawn to or from the entity. */
  degree: number;
  /** Normalised betweenness (0–1); null when the visible graph is too large to compute it exactly. */
  betweenness: number | null;
  pagerank: number;
}

export interface MetricsSnapshot {
  byId: ReadonlyMap<number, EntityMetrics>;
  /** e.g. "visible graph, 2007–2017, 24 entities". */
  scope: string;
  /** Bumped on every new computation, so grids can refresh. */
  version: number;
}

type Listener = () => void;
let snapshot: MetricsSnapshot = { byId: new Map(), scope: 'not computed yet', version: 0 };
const listeners = new Set<Listener>();

export function setMetrics(byId: ReadonlyMap<number, EntityMetrics>, scope: string): void {
  snapshot = { byId, scope, version: snapshot.version + 1 };
  for (const l of listeners) l();
}

export function getMetrics(): MetricsSnapshot {
  return snapshot;
}

export function subscribeMetrics(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useMetrics(): MetricsSnapshot {
  return useSyncExternalStore(subscribeMetrics, getMetrics);
}

/** One entity's centrality, or undefined when it is not in the graph's visible network. */
export function useEntityMetrics(id: number): EntityMetrics | undefined {
  return useSyncExternalStore(subscribeMetrics, () => snapshot.byId.get(id));
}
