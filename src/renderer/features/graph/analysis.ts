// Centrality over the visible graph (degree, betweenness, PageRank) with graphology-metrics, run in
// a worker; neighbourhoods for the pane. Symmetric relations count in both directions.
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { RELATION_TYPES, isRelationType } from '../../../shared/vocab';

/** Exact betweenness is O(n·m): above this many nodes it is left out rather than freeze a core. */
export const BETWEENNESS_MAX_NODES = 5000;

export interface MetricsInput {
  nodes: number[];
  edges: { source: number; target: number; type: string }[];
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
    const symmetric = isRelationType(e.type) && RELATION_TYPES[e.type].symmetric;
    if (symmetric && !directed.hasEdge(b, a)) directed.addEdge(b, a);
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

/** Nodes within `hops` steps of the start nodes, over the given edges, in either direction. */
export function neighbourhood(start: number[], edges: { source: number; target: number }[], hops: number): Set<number> {
  const adjacent = new Map<number, number[]>();
  for (const e of edges) {
    (adjacent.get(e.source) ?? adjacent.set(e.source, []).get(e.source)!).push(e.target);
    (adjacent.get(e.target) ?? adjacent.set(e.target, []).get(e.target)!).push(e.source);
  }
  const seen = new Set(start);
  let frontier = [...start];
  for (let step = 0; step < hops; step++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (const v of adjacent.get(u) ?? []) {
        if (seen.has(v)) continue;
        seen.add(v);
        next.push(v);
      }
    }
    frontier = next;
  }
  return seen;
}

/** The shortest path (fewest relations, either direction) from one node to another, or null. */
export function shortestPath(from: number, to: number, edges: { id: number; source: number; target: number }[]): { nodes: number[]; edges: number[] } | null {
  const adjacent = new Map<number, { node: number; edge: number }[]>();
  for (const e of edges) {
    (adjacent.get(e.source) ?? adjacent.set(e.source, []).get(e.source)!).push({ node: e.target, edge: e.id });
    (adjacent.get(e.target) ?? adjacent.set(e.target, []).get(e.target)!).push({ node: e.source, edge: e.id });
  }
  const previous = new Map<number, { node: number; edge: number } | null>([[from, null]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    if (u === to) break;
    for (const step of adjacent.get(u) ?? []) {
      if (previous.has(step.node)) continue;
      previous.set(step.node, { node: u, edge: step.edge });
      queue.push(step.node);
    }
  }
  if (!previous.has(to)) return null;
  const nodes = [to];
  const pathEdges: number[] = [];
  for (let at = previous.get(to); at; at = previous.get(at.node)) {
    nodes.unshift(at.node);
    pathEdges.unshift(at.edge);
  }
  return { nodes, edges: pathEdges };
}
