// Degree, betweenness and PageRank with their definitions stated (issue 16, point 3), equal to
// networkx's on the same graph. Pure TypeScript on typed arrays: runs in main and in the renderer.
//
// The graph a measure sees: relations of the chosen types whose two ends are listed entities;
// self-loops never count. Unweighted: parallel relations between the same two entities (in the
// same direction when directed) count once. Weighted: a relation's weight is its tie strength
// (1 when it has none; weights of 0 or below, or not numbers, leave the relation out) and parallel
// relations add their weights. Directed: a relation counts from source to target, and a relation of
// a symmetric type in both directions. Undirected: every relation joins its two ends both ways.

export type EntityId = string | number;

export interface CentralityRelation {
  source: EntityId;
  target: EntityId;
  type: string;
  weight?: number | null;
  /** The relation's type reads the same both ways (allied_with, rival_of). */
  symmetric: boolean;
}

export interface CentralityOptions {
  weighted: boolean;
  directed: boolean;
  /** Only relations of these types; all types when absent. */
  types?: string[];
  /** Betweenness divided by (n−1)(n−2) as networkx does by default; true when absent. */
  normalized?: boolean;
}

export interface CentralityResult {
  /** The entity ids, in the order of the arrays below (the order they were given). */
  ids: EntityId[];
  /** Distinct neighbours (unweighted) or the sum of tie strengths (weighted); in + out when directed. */
  degree: Float64Array;
  /** Directed only: ties coming in, ties going out. */
  inDegree: Float64Array | null;
  outDegree: Float64Array | null;
  betweenness: Float64Array;
  pagerank: Float64Array;
  /** Relations the measures left out, by reason. */
  left: { selfLoops: number; otherTypes: number; unknownEnds: number; badWeights: number };
}

export const PAGERANK_DAMPING = 0.85;

/** The definition in words, for the analysis panel. */
export function describeDefinition(options: CentralityOptions): string {
  const types = options.types
    ? options.types.length === 1
      ? `relations of type “${options.types[0]}”`
      : `relations of ${options.types.length} types (${options.types.join(', ')})`
    : 'relations of every type';
  const direction = options.directed
    ? 'Directed: a relation counts from its source to its target, and a relation of a symmetric type counts in both directions.'
    : 'Undirected: every relation joins its two entities both ways.';
  const weights = options.weighted
    ? 'Weighted: a relation’s weight is the strength of the tie (1 when it has none; weights of 0 or below are left out) and parallel relations between the same two entities add their weights; degree sums the weights, betweenness takes 1/weight as the length of a tie, so strong ties are short, and PageRank follows ties in proportion to their weight.'
    : 'Unweighted: parallel relations between the same two entities count once; degree counts distinct neighbours.';
  const inOut = options.directed ? ' Degree is in-degree plus out-degree.' : '';
  const normalized =
    options.normalized === false
      ? 'Betweenness counts the shortest paths through an entity.'
      : 'Betweenness is the share of shortest paths through an entity, divided by (n−1)(n−2).';
  return `Over ${types}. ${direction} ${weights} Self-loops are left out.${inOut} ${normalized} PageRank uses damping ${PAGERANK_DAMPING} and spreads the rank of entities with no outgoing tie evenly over all entities.`;
}

/** The graph as compressed rows of arcs (an undirected edge is two arcs), weights summed. */
interface Arcs {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

function buildArcs(
  ids: EntityId[],
  relations: CentralityRelation[],
  options: CentralityOptions,
  left: CentralityResult['left'],
): Arcs {
  const n = ids.length;
  const index = new Map<EntityId, number>();
  ids.forEach((id, i) => index.set(id, i));
  const types = options.types ? new Set(options.types) : null;
  // One entry per distinct arc, in first-seen order: key = source * n + target.
  const arcIndex = new Map<number, number>();
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  const addArc = (s: number, t: number, w: number) => {
    const key = s * n + t;
    const at = arcIndex.get(key);
    if (at === undefined) {
      arcIndex.set(key, from.length);
      from.push(s);
      to.push(t);
      weight.push(w);
    } else if (options.weighted) weight[at]! += w;
  };
  for (const r of relations) {
    if (types && !types.has(r.type)) {
      left.otherTypes++;
      continue;
    }
    const s = index.get(r.source);
    const t = index.get(r.target);
    if (s === undefined || t === undefined) {
      left.unknownEnds++;
      continue;
    }
    if (s === t) {
      left.selfLoops++;
      continue;
    }
    let w = 1;
    if (options.weighted && r.weight !== undefined && r.weight !== null) {
      if (!Number.isFinite(r.weight) || r.weight <= 0) {
        left.badWeights++;
        continue;
      }
      w = r.weight;
    }
    if (!options.directed) {
      // An undirected edge is kept once under its smaller end first, then mirrored.
      addArc(Math.min(s, t), Math.max(s, t), w);
    } else {
      addArc(s, t, w);
      if (r.symmetric) addArc(t, s, w);
    }
  }
  const count = options.directed ? from.length : from.length * 2;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < from.length; i++) {
    offsets[from[i]! + 1]!++;
    if (!options.directed) offsets[to[i]! + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(count);
  const weights = new Float64Array(count);
  for (let i = 0; i < from.length; i++) {
    const s = from[i]!;
    const t = to[i]!;
    const w = weight[i]!;
    targets[fill[s]!] = t;
    weights[fill[s]!++] = w;
    if (!options.directed) {
      targets[fill[t]!] = s;
      weights[fill[t]!++] = w;
    }
  }
  return { n, offsets, targets, weights };
}

function degrees(g: Arcs, options: CentralityOptions) {
  const { n, offsets, targets, weights } = g;
  const out = new Float64Array(n);
  const inn = new Float64Array(n);
  for (let v = 0; v < n; v++)
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = options.weighted ? weights[k]! : 1;
      out[v]! += w;
      inn[targets[k]!]! += w;
    }
  if (!options.directed) return { degree: out, inDegree: null, outDegree: null };
  const degree = new Float64Array(n);
  for (let v = 0; v < n; v++) degree[v] = inn[v]! + out[v]!;
  return { degree, inDegree: inn, outDegree: out };
}

/** Brandes' betweenness; breadth-first search when unweighted, Dijkstra on 1/weight when weighted. */
function betweennessOf(g: Arcs, options: CentralityOptions): Float64Array {
  const { n, offsets, targets, weights } = g;
  const result = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  // Arcs of the shortest-path DAG in discovery order: walked backwards they accumulate dependencies.
  const dagFrom = new Int32Array(offsets[n]!);
  const dagTo = new Int32Array(offsets[n]!);
  if (!options.weighted) {
    const dist = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      dist.fill(-1);
      sigma.fill(0);
      dist[s] = 0;
      sigma[s] = 1;
      order[0] = s;
      let head = 0;
      let tail = 1;
      let arcs = 0;
      while (head < tail) {
        const v = order[head++]!;
        const dv = dist[v]! + 1;
        const sv = sigma[v]!;
        for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++) {
          const w = targets[k]!;
          let dw = dist[w]!;
          if (dw < 0) {
            dist[w] = dw = dv;
            order[tail++] = w;
          }
          if (dw === dv) {
            sigma[w]! += sv;
            dagFrom[arcs] = v;
            dagTo[arcs++] = w;
          }
        }
      }
      accumulate(s, tail, arcs);
    }
  } else {
    const dist = new Float64Array(n);
    const done = new Uint8Array(n);
    const heap = new Heap(offsets[n]! + 1);
    for (let s = 0; s < n; s++) {
      dist.fill(Infinity);
      sigma.fill(0);
      done.fill(0);
      dist[s] = 0;
      sigma[s] = 1;
      heap.push(0, s);
      let tail = 0;
      let arcs = 0;
      while (heap.size) {
        const d = heap.topKey();
        const v = heap.pop();
        if (done[v] || d > dist[v]!) continue;
        done[v] = 1;
        order[tail++] = v;
        for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++) {
          const w = targets[k]!;
          if (done[w]) continue;
          // The same float operation as networkx: dist + 1/weight.
          const vw = d + 1 / weights[k]!;
          if (vw < dist[w]!) {
            dist[w] = vw;
            heap.push(vw, w);
          }
        }
      }
      // Predecessors are the arcs that reach a node at exactly its distance.
      for (let i = 0; i < tail; i++) {
        const v = order[i]!;
        const dv = dist[v]!;
        for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++) {
          const w = targets[k]!;
          if (w !== s && dv + 1 / weights[k]! === dist[w]) {
            dagFrom[arcs] = v;
            dagTo[arcs++] = w;
          }
        }
      }
      // Path counts in order of distance: every predecessor of w is settled before w.
      sortDagByTarget(arcs, tail);
      for (let a = 0; a < arcs; a++) sigma[dagTo[a]!]! += sigma[dagFrom[a]!]!;
      accumulate(s, tail, arcs);
    }
  }

  function accumulate(s: number, reached: number, arcs: number) {
    for (let i = 0; i < reached; i++) delta[order[i]!] = 0;
    for (let a = arcs - 1; a >= 0; a--) {
      const v = dagFrom[a]!;
      const w = dagTo[a]!;
      delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
    }
    for (let i = 0; i < reached; i++) {
      const v = order[i]!;
      if (v !== s) result[v]! += delta[v]!;
    }
  }

  /** Orders DAG arcs by their target's place in `order` (stable), so sums run in distance order. */
  function sortDagByTarget(arcs: number, reached: number) {
    const rank = new Int32Array(n);
    for (let i = 0; i < reached; i++) rank[order[i]!] = i;
    const counts = new Int32Array(reached + 1);
    for (let a = 0; a < arcs; a++) counts[rank[dagTo[a]!]! + 1]!++;
    for (let i = 0; i < reached; i++) counts[i + 1]! += counts[i]!;
    const f = dagFrom.slice(0, arcs);
    const t = dagTo.slice(0, arcs);
    for (let a = 0; a < arcs; a++) {
      const at = counts[rank[t[a]!]!]!++;
      dagFrom[at] = f[a]!;
      dagTo[at] = t[a]!;
    }
  }

  if (options.normalized !== false) {
    if (n > 2) {
      const scale = 1 / ((n - 1) * (n - 2));
      for (let v = 0; v < n; v++) result[v]! *= scale;
    }
  } else if (!options.directed) for (let v = 0; v < n; v++) result[v]! *= 0.5;
  return result;
}

/** A binary min-heap of (key, node) on typed arrays, with lazy deletion by the caller. */
class Heap {
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  push(key: number, node: number): void {
    let i = this.size++;
    const { keys, nodes } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0]!;
    const last = --this.size;
    const key = keys[last]!;
    const node = nodes[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      nodes[i] = nodes[child]!;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }
}

/** PageRank by power iteration, as networkx: uniform teleport and dangling mass. */
function pagerankOf(
  g: Arcs,
  options: CentralityOptions,
  tolerance = 1e-13,
  maxIterations = 10_000,
): Float64Array {
  const { n, offsets, targets, weights } = g;
  if (n === 0) return new Float64Array(0);
  const outWeight = new Float64Array(n);
  for (let v = 0; v < n; v++)
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) outWeight[v]! += options.weighted ? weights[k]! : 1;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const alpha = PAGERANK_DAMPING;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outWeight[v] === 0) dangling += x[v]!;
    const base = (alpha * dangling) / n + (1 - alpha) / n;
    next.fill(base);
    for (let v = 0; v < n; v++) {
      const total = outWeight[v]!;
      if (total === 0) continue;
      const share = (alpha * x[v]!) / total;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++)
        next[targets[k]!]! += share * (options.weighted ? weights[k]! : 1);
    }
    let err = 0;
    for (let v = 0; v < n; v++) err += Math.abs(next[v]! - x[v]!);
    [x, next] = [next, x];
    if (err < n * tolerance) break;
  }
  return x;
}

/** Degree, betweenness and PageRank of every listed entity under one definition. */
export function centrality(
  ids: EntityId[],
  relations: CentralityRelation[],
  options: CentralityOptions,
): CentralityResult {
  const left = { selfLoops: 0, otherTypes: 0, unknownEnds: 0, badWeights: 0 };
  const g = buildArcs(ids, relations, options, left);
  return {
    ids,
    ...degrees(g, options),
    betweenness: betweennessOf(g, options),
    pagerank: pagerankOf(g, options),
    left,
  };
}

/** Only the betweenness (the expensive measure), for callers that time or chunk it. */
export function betweenness(
  ids: EntityId[],
  relations: CentralityRelation[],
  options: CentralityOptions,
): Float64Array {
  const left = { selfLoops: 0, otherTypes: 0, unknownEnds: 0, badWeights: 0 };
  return betweennessOf(buildArcs(ids, relations, options, left), options);
}
