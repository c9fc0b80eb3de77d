// Centrality over the visible graph (degree, betweenness, PageRank) with graphology-metrics, run in
// the layout worker. Symmetric relations count in both directions.
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { Vocabulary } from '../../../../shared/vocabulary';
import { relationType } from '../model/types';

/** Exact betweenness is O(n·m): above this many nodes it is left out rather than freeze a core. */
export const BETWEENNESS_MAX_NODES = 5000;

export interface MetricsInput {
  nodes: number[];
  edges: { source: number; target: number; type: string }[];
  /** The case's types (which relations are symmetric): the worker has its own copy of model/types. */
  types?: Vocabulary;
}

export interface MetricsResult {
  degree: Float64Array;
  betweenness: Float64Array | null;
  pagerank: Float64Array;
}

export function computeMetrics({ nodes, edges }: MetricsInput): MetricsResult {
  const directed = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  const undirected = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const degree = new Float64Array(nodes.length);
  const index = new Map(nodes.map((id, i) => [id, i]));
  for (const id of nodes) {
    directed.addNode(String(id));
    undirected.addNode(String(id));
  }
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    degree[s]!++;
    degree[t]!++;
    const a = String(e.source);
    const b = String(e.target);
    if (!directed.hasEdge(a, b)) directed.addEdge(a, b);
    if (relationType(e.type)?.symmetric && !directed.hasEdge(b, a)) directed.addEdge(b, a);
    if (!undirected.hasEdge(a, b)) undirected.addEdge(a, b);
  }
  const ranks = nodes.length ? pagerank(directed, { getEdgeWeight: null }) : {};
  const pr = new Float64Array(nodes.length);
  nodes.forEach((id, i) => (pr[i] = ranks[String(id)] ?? 0));
  let betweenness: Float64Array | null = null;
  if (nodes.length <= BETWEENNESS_MAX_NODES) {
    const b = nodes.length ? betweennessCentrality(undirected, { normalized: true }) : {};
    betweenness = new Float64Array(nodes.length);
    nodes.forEach((id, i) => (betweenness![i] = b[String(id)] ?? 0));
  }
  return { degree, betweenness, pagerank: pr };
}
