// Force-directed layout: graphology's ForceAtlas2 (Barnes-Hut), iterated here on its own matrices
// so a big graph can stop on a time budget, then scaled and its label boxes kept apart.
import forceAtlas2 from 'graphology-layout-forceatlas2';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { LABEL_OVERLAP_LIMIT, SpatialGrid, compactToView, removeOverlaps } from './overlaps';
import type { LayoutInput, LayoutNode, LayoutResult } from './types';

/** Deterministic pseudo-random numbers so the same case lays out the same way twice. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** At most this many ForceAtlas2 iterations … */
export function forceIterations(nodeCount: number): number {
  if (nodeCount <= 300) return 600;
  if (nodeCount <= 1000) return 250;
  if (nodeCount <= 3000) return 100;
  return 100;
}

/** … and at most this long (ms): a big graph stops when its time is up, settled or not. */
export function forceBudgetMs(nodeCount: number): number {
  if (nodeCount <= 1000) return 4000;
  if (nodeCount <= 3000) return 900;
  return 12_000;
}

const PPN = 10; // ForceAtlas2 node matrix: x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed
const PPE = 3; // edge matrix: source offset, target offset, weight

export interface ForceOptions {
  edgeLength?: number;
  /** Overrides forceIterations / forceBudgetMs (tests, benchmarks). */
  iterations?: number;
  budgetMs?: number;
}

/**
 * ForceAtlas2 (graphology's Barnes-Hut implementation, iterated here on its own matrices so a big
 * graph can stop on a time budget), scaled so a typical edge is about `edgeLength` long and no
 * denser than the label boxes allow, then overlaps removed.
 */
export function forceLayout({ nodes, edges, view }: LayoutInput, options: ForceOptions = {}): LayoutResult {
  const n = nodes.length;
  const edgeLength = options.edgeLength ?? 170;
  const positions = new Float64Array(n * 2);
  const index = new Map<number, number>();
  nodes.forEach((node, i) => index.set(node.id, i));
  // Undirected, merged parallel edges, no self loops.
  const weights = new Map<number, number>();
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = s < t ? s * n + t : t * n + s;
    weights.set(key, (weights.get(key) ?? 0) + 1);
  }
  const nodeMatrix = new Float32Array(n * PPN);
  const edgeMatrix = new Float32Array(weights.size * PPE);
  const rand = random(n * 7919 + edges.length);
  const radius = Math.sqrt(n) * 10;
  for (let i = 0; i < n; i++) {
    const a = rand() * Math.PI * 2;
    const r = Math.sqrt(rand()) * radius;
    nodeMatrix[i * PPN] = Math.cos(a) * r;
    nodeMatrix[i * PPN + 1] = Math.sin(a) * r;
    nodeMatrix[i * PPN + 6] = 1; // mass: 1 + weighted degree
    nodeMatrix[i * PPN + 7] = 1; // convergence
    nodeMatrix[i * PPN + 8] = 1; // size
  }
  let j = 0;
  for (const [key, w] of weights) {
    const s = Math.floor(key / n);
    const t = key - s * n;
    edgeMatrix[j++] = s * PPN;
    edgeMatrix[j++] = t * PPN;
    edgeMatrix[j++] = w;
    nodeMatrix[s * PPN + 6]! += w;
    nodeMatrix[t * PPN + 6]! += w;
  }
  if (n > 1) {
    const settings = {
      ...forceAtlas2.inferSettings(n),
      adjustSizes: false,
      linLogMode: false,
      outboundAttractionDistribution: false,
      edgeWeightInfluence: 1,
      barnesHutOptimize: n > 300,
      barnesHutTheta: 0.5,
      gravity: 1,
      scalingRatio: 10,
    };
    const iterations = options.iterations ?? forceIterations(n);
    const deadline = performance.now() + (options.budgetMs ?? forceBudgetMs(n));
    for (let it = 0; it < iterations; it++) {
      iterate(settings, nodeMatrix, edgeMatrix);
      if (performance.now() > deadline) break;
    }
  }
  for (let i = 0; i < n; i++) {
    positions[i * 2] = nodeMatrix[i * PPN]!;
    positions[i * 2 + 1] = nodeMatrix[i * PPN + 1]!;
  }
  scaleLayout(positions, nodes, edgeMatrix, edgeLength);
  removeOverlaps(positions, nodes, 6, 60, n > LABEL_OVERLAP_LIMIT ? 1500 : 4000);
  if (view && n <= LABEL_OVERLAP_LIMIT) compactToView(positions, nodes, view);
  return { positions, loopEdges: [] };
}

/**
 * Scales FA2's output (its units are arbitrary) so the median edge is `edgeLength` long — unless
 * that packs nodes tighter than their boxes: on a big, evenly knit graph most edges span the
 * whole drawing, and scaling by edge length alone collapses 20,000 nodes into a few hundred
 * pixels. So the median distance to the nearest neighbour is held at least at the median box size.
 */
function scaleLayout(
  positions: Float64Array,
  nodes: LayoutNode[],
  edgeMatrix: Float32Array,
  edgeLength: number,
): void {
  const n = nodes.length;
  if (n < 2) return;
  const lengths = new Float64Array(edgeMatrix.length / PPE);
  for (let e = 0; e < lengths.length; e++) {
    const s = edgeMatrix[e * PPE]! / PPN;
    const t = edgeMatrix[e * PPE + 1]! / PPN;
    lengths[e] = Math.hypot(
      positions[s * 2]! - positions[t * 2]!,
      positions[s * 2 + 1]! - positions[t * 2 + 1]!,
    );
  }
  lengths.sort();
  const medianEdge = lengths.length ? lengths[lengths.length >> 1]! : 0;
  const kEdge = medianEdge > 0 ? edgeLength / medianEdge : 0;
  const nearest = nearestDistances(positions);
  nearest.sort();
  const medianNearest = nearest[n >> 1]!;
  const sizes = nodes.map((node) => Math.sqrt(node.w * node.h)).sort((a, b) => a - b);
  // A big graph (boxes are its nodes, labels only show close up) may pack a little tighter: the
  // overlap pass separates what touches, and the drawing — and its export — stays smaller.
  const density = n > LABEL_OVERLAP_LIMIT ? 0.75 : 1;
  const kDensity = medianNearest > 0 ? (density * sizes[n >> 1]!) / medianNearest : 0;
  const k = Math.max(kEdge, kDensity);
  if (!(k > 0) || !Number.isFinite(k)) return;
  for (let i = 0; i < positions.length; i++) positions[i]! *= k;
}

/** Each point's distance to its nearest neighbour (grid buckets; capped at two cells). */
function nearestDistances(positions: Float64Array): Float64Array {
  const n = positions.length / 2;
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity; // prettier-ignore
  for (let i = 0; i < n; i++) {
    x1 = Math.min(x1, positions[i * 2]!);
    x2 = Math.max(x2, positions[i * 2]!);
    y1 = Math.min(y1, positions[i * 2 + 1]!);
    y2 = Math.max(y2, positions[i * 2 + 1]!);
  }
  const cell = Math.max(Math.sqrt(((x2 - x1 || 1) * (y2 - y1 || 1)) / n), 1e-9);
  const grid = new SpatialGrid(positions, cell);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = positions[i * 2]!;
    const y = positions[i * 2 + 1]!;
    let best = 2 * cell;
    grid.near(x, y, (j) => {
      if (j !== i) best = Math.min(best, Math.hypot(positions[j * 2]! - x, positions[j * 2 + 1]! - y));
    });
    out[i] = best;
  }
  return out;
}
