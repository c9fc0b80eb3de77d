// Layout computations, run in the layout worker (layout.worker.ts) and in tests. Each returns
// positions as a Float64Array [x0, y0, x1, y1, …] in node order; the pane applies them as a
// `preset` layout in one draw. Force-directed layout is graphology's ForceAtlas2 (Barnes-Hut).
import forceAtlas2 from 'graphology-layout-forceatlas2';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { dateStart, lineageEnds } from './model';

export interface LayoutNode {
  id: number;
  /** Label box (the node and its label under it), in model pixels. */
  w: number;
  h: number;
  /** For concentric: the centrality to order rings by. */
  weight?: number;
  /** For grid: the key to sort by (type, then name). */
  sortKey?: string;
}

export interface LayoutEdge {
  id: number;
  source: number;
  target: number;
  type: string;
  start: string | null;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface LayoutResult {
  positions: Float64Array;
  /** Lineage only: edges that would close a loop (a group rejoining its parent) and so point backwards. */
  loopEdges: number[];
}

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

/** Above this many nodes label boxes are not kept apart (labels only show close up, see style.ts). */
export const LABEL_OVERLAP_LIMIT = 3000;

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
export function forceLayout({ nodes, edges }: LayoutInput, options: ForceOptions = {}): LayoutResult {
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
  return { positions, loopEdges: [] };
}

/**
 * Scales FA2's output (its units are arbitrary) so the median edge is `edgeLength` long — unless
 * that packs nodes tighter than their boxes: on a big, evenly knit graph most edges span the
 * whole drawing, and scaling by edge length alone collapses 20,000 nodes into a few hundred
 * pixels. So the median distance to the nearest neighbour is held at least at the median box size.
 */
function scaleLayout(positions: Float64Array, nodes: LayoutNode[], edgeMatrix: Float32Array, edgeLength: number): void {
  const n = nodes.length;
  if (n < 2) return;
  const lengths = new Float64Array(edgeMatrix.length / PPE);
  for (let e = 0; e < lengths.length; e++) {
    const s = edgeMatrix[e * PPE]! / PPN;
    const t = edgeMatrix[e * PPE + 1]! / PPN;
    lengths[e] = Math.hypot(positions[s * 2]! - positions[t * 2]!, positions[s * 2 + 1]! - positions[t * 2 + 1]!);
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

/**
 * Points bucketed by grid cell in flat arrays (a hash of the cell into about 2n slots, counting
 * sort). `near` visits the points of the 3×3 cells around a point; a hash collision only adds
 * candidates, never loses one.
 */
class SpatialGrid {
  private readonly mask: number;
  private readonly start: Int32Array;
  private readonly items: Int32Array;

  constructor(
    positions: Float64Array,
    private readonly cell: number,
  ) {
    const n = positions.length / 2;
    let size = 1;
    while (size < n * 2) size <<= 1;
    this.mask = size - 1;
    const slot = new Int32Array(n);
    const count = new Int32Array(size + 1);
    for (let i = 0; i < n; i++) {
      slot[i] = this.slot(Math.floor(positions[i * 2]! / cell), Math.floor(positions[i * 2 + 1]! / cell));
      count[slot[i]! + 1]!++;
    }
    for (let s = 0; s < size; s++) count[s + 1]! += count[s]!;
    this.start = count;
    this.items = new Int32Array(n);
    const fill = count.slice(0, size);
    for (let i = 0; i < n; i++) this.items[fill[slot[i]!]!++] = i;
  }

  private slot(cx: number, cy: number): number {
    return (Math.imul(cx, 73856093) ^ Math.imul(cy, 19349663)) & this.mask;
  }

  near(x: number, y: number, visit: (j: number) => void): void {
    const cx = Math.floor(x / this.cell);
    const cy = Math.floor(y / this.cell);
    const seen: number[] = [];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const s = this.slot(cx + dx, cy + dy);
        if (seen.includes(s)) continue;
        seen.push(s);
        for (let k = this.start[s]!, end = this.start[s + 1]!; k < end; k++) visit(this.items[k]!);
      }
    }
  }
}

/**
 * Pushes apart nodes whose label boxes overlap, along the axis of least overlap, up to `passes`
 * passes or `budgetMs`. A spatial grid keeps each pass near O(n). Returns the overlaps found in
 * the last pass (0 when it ended clean).
 */
export function removeOverlaps(positions: Float64Array, nodes: LayoutNode[], padding = 6, passes = 60, budgetMs = Infinity): number {
  const n = nodes.length;
  if (n < 2) return 0;
  const deadline = performance.now() + budgetMs;
  let cell = 0;
  for (const node of nodes) cell = Math.max(cell, node.w + padding, node.h + padding);
  const w = Float64Array.from(nodes, (node) => node.w);
  const h = Float64Array.from(nodes, (node) => node.h);
  let overlaps = 0;
  for (let pass = 0; pass < passes; pass++) {
    const grid = new SpatialGrid(positions, cell);
    overlaps = 0;
    for (let i = 0; i < n; i++) {
      grid.near(positions[i * 2]!, positions[i * 2 + 1]!, (j) => {
        if (j <= i) return;
        const ddx = positions[j * 2]! - positions[i * 2]!;
        const ddy = positions[j * 2 + 1]! - positions[i * 2 + 1]!;
        const ox = (w[i]! + w[j]!) / 2 + padding - Math.abs(ddx);
        const oy = (h[i]! + h[j]!) / 2 + padding - Math.abs(ddy);
        if (ox <= 0 || oy <= 0) return;
        overlaps++;
        if (ox < oy) {
          const push = (ox / 2) * (ddx >= 0 ? 1 : -1) || ox / 2;
          positions[i * 2]! -= push;
          positions[j * 2]! += push;
        } else {
          const push = (oy / 2) * (ddy >= 0 ? 1 : -1) || oy / 2;
          positions[i * 2 + 1]! -= push;
          positions[j * 2 + 1]! += push;
        }
      });
    }
    if (overlaps === 0 || performance.now() > deadline) break;
  }
  return overlaps;
}

/**
 * Lineage: a left-to-right family tree of splinters, mergers, successions and pledges. An edge
 * runs from the older group to the newer one; edges are taken in date order and one that would
 * close a loop (a splinter rejoining its parent) is left out of the ordering and reported. x is
 * the later of the year scale and one column right of every parent; y is packed so that no two
 * label boxes overlap, near the parents' mean. Nodes without lineage relations sit in rows below.
 */
export function lineageLayout({ nodes, edges }: LayoutInput, pxPerYear = 45, columnGap = 40, rowGap = 14): LayoutResult {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  type Link = { id: number; older: number; newer: number; date: number | null };
  const links: Link[] = [];
  for (const e of edges) {
    const ends = lineageEnds(e);
    if (!ends) continue;
    const older = index.get(ends.older);
    const newer = index.get(ends.newer);
    if (older === undefined || newer === undefined || older === newer) continue;
    links.push({ id: e.id, older, newer, date: dateStart(e.start) });
  }
  links.sort((a, b) => (a.date ?? -Infinity) - (b.date ?? -Infinity) || a.id - b.id);

  const children: number[][] = nodes.map(() => []);
  const parents: number[][] = nodes.map(() => []);
  const loopEdges: number[] = [];
  const reaches = (from: number, to: number): boolean => {
    const stack = [from];
    const seen = new Set<number>([from]);
    while (stack.length) {
      const u = stack.pop()!;
      if (u === to) return true;
      for (const v of children[u]!) {
        if (seen.has(v)) continue;
        seen.add(v);
        stack.push(v);
      }
    }
    return false;
  };
  const year: (number | null)[] = nodes.map(() => null);
  for (const link of links) {
    if (reaches(link.newer, link.older)) {
      loopEdges.push(link.id);
      continue;
    }
    children[link.older]!.push(link.newer);
    parents[link.newer]!.push(link.older);
    if (link.date !== null) year[link.newer] = Math.min(year[link.newer] ?? Infinity, Math.floor(link.date));
  }
  const inTree = nodes.map((_, i) => children[i]!.length > 0 || parents[i]!.length > 0);
  // A root's year: a little before its first child appears.
  for (let i = 0; i < nodes.length; i++) {
    if (year[i] !== null || !inTree[i]) continue;
    const childYears = children[i]!.map((c) => year[c]).filter((y): y is number => y !== null);
    if (childYears.length) year[i] = Math.min(...childYears) - 2;
  }
  const known = year.filter((y): y is number => y !== null);
  const minYear = known.length ? Math.min(...known) : 0;

  // Topological order (Kahn), older first; ties by year then name order.
  const indegree = parents.map((p) => p.length);
  const order: number[] = [];
  const ready = nodes.map((_, i) => i).filter((i) => inTree[i] && indegree[i] === 0);
  while (ready.length) {
    ready.sort((a, b) => (year[a] ?? minYear) - (year[b] ?? minYear) || a - b);
    const u = ready.shift()!;
    order.push(u);
    for (const v of children[u]!) if (--indegree[v]! === 0) ready.push(v);
  }

  const positions = new Float64Array(nodes.length * 2);
  const x: number[] = nodes.map(() => 0);
  for (const u of order) {
    const fromYear = year[u] !== null ? (year[u]! - minYear) * pxPerYear : 0;
    let fromParents = -Infinity;
    for (const p of parents[u]!) fromParents = Math.max(fromParents, x[p]! + nodes[p]!.w / 2 + columnGap + nodes[u]!.w / 2);
    x[u] = Math.max(fromYear, fromParents);
  }
  // Pack y: place nodes left to right, each at the free spot nearest its parents' mean y.
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const y: number[] = nodes.map(() => 0);
  const byX = [...order].sort((a, b) => x[a]! - x[b]! || a - b);
  for (const u of byX) {
    const node = nodes[u]!;
    const ps = parents[u]!;
    const want = ps.length ? ps.reduce((s, p) => s + y[p]!, 0) / ps.length : 0;
    const x0 = x[u]! - node.w / 2 - columnGap / 2;
    const x1 = x[u]! + node.w / 2 + columnGap / 2;
    const blocking = placed.filter((b) => b.x0 < x1 && b.x1 > x0).sort((a, b) => a.y0 - b.y0);
    const fits = (top: number): boolean => blocking.every((b) => top + node.h + rowGap <= b.y0 || top >= b.y1 + rowGap);
    let best = want - node.h / 2;
    if (!fits(best)) {
      const candidates: number[] = [];
      for (const b of blocking) candidates.push(b.y1 + rowGap, b.y0 - rowGap - node.h);
      best = candidates.filter(fits).sort((a, b) => Math.abs(a + node.h / 2 - want) - Math.abs(b + node.h / 2 - want))[0] ?? best;
    }
    y[u] = best + node.h / 2;
    placed.push({ x0, x1, y0: best, y1: best + node.h });
  }
  let maxY = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const u of order) {
    positions[u * 2] = x[u]!;
    positions[u * 2 + 1] = y[u]!;
    maxY = Math.max(maxY, y[u]! + nodes[u]!.h);
    minX = Math.min(minX, x[u]!);
    maxX = Math.max(maxX, x[u]!);
  }
  // The rest: rows under the tree.
  const rest = nodes.map((_, i) => i).filter((i) => !inTree[i]);
  if (rest.length) {
    const left = Number.isFinite(minX) ? minX : 0;
    const width = Math.max(Number.isFinite(maxX) ? maxX - left : 0, 900);
    const top = order.length ? maxY + 80 : 0;
    packRows(rest, nodes, positions, left, top, width);
  }
  return { positions, loopEdges };
}

/** Places nodes in rows of the given width starting at (left, top). */
function packRows(indices: number[], nodes: LayoutNode[], positions: Float64Array, left: number, top: number, width: number): void {
  let cx = left;
  let cy = top;
  let rowH = 0;
  for (const i of indices) {
    const n = nodes[i]!;
    if (cx > left && cx + n.w > left + width) {
      cx = left;
      cy += rowH + 16;
      rowH = 0;
    }
    positions[i * 2] = cx + n.w / 2;
    positions[i * 2 + 1] = cy + n.h / 2;
    cx += n.w + 16;
    rowH = Math.max(rowH, n.h);
  }
}

export function gridLayout({ nodes }: LayoutInput): LayoutResult {
  const positions = new Float64Array(nodes.length * 2);
  const order = nodes.map((_, i) => i).sort((a, b) => (nodes[a]!.sortKey ?? '').localeCompare(nodes[b]!.sortKey ?? ''));
  const cellW = Math.max(40, ...nodes.map((n) => n.w)) + 16;
  const cellH = Math.max(30, ...nodes.map((n) => n.h)) + 16;
  const cols = Math.max(1, Math.ceil(Math.sqrt((nodes.length * cellH * 1.4) / cellW)));
  order.forEach((i, k) => {
    positions[i * 2] = (k % cols) * cellW;
    positions[i * 2 + 1] = Math.floor(k / cols) * cellH;
  });
  return { positions, loopEdges: [] };
}

function ringPositions(order: number[], nodes: LayoutNode[], positions: Float64Array, startRadius: number, ringGap: number): void {
  let k = 0;
  let radius = startRadius;
  while (k < order.length) {
    if (radius === 0) {
      positions[order[k]! * 2] = 0;
      positions[order[k]! * 2 + 1] = 0;
      k++;
      radius = ringGap;
      continue;
    }
    const spacing = Math.max(...order.slice(k, k + 50).map((i) => Math.max(nodes[i]!.w, nodes[i]!.h))) + 12;
    const capacity = Math.max(1, Math.floor((2 * Math.PI * radius) / spacing));
    const ring = order.slice(k, k + capacity);
    ring.forEach((i, j) => {
      const a = (2 * Math.PI * j) / ring.length - Math.PI / 2;
      positions[i * 2] = Math.cos(a) * radius;
      positions[i * 2 + 1] = Math.sin(a) * radius;
    });
    k += ring.length;
    radius += ringGap;
  }
}

export function circleLayout({ nodes }: LayoutInput): LayoutResult {
  const positions = new Float64Array(nodes.length * 2);
  const order = nodes.map((_, i) => i).sort((a, b) => (nodes[a]!.sortKey ?? '').localeCompare(nodes[b]!.sortKey ?? ''));
  const circumference = nodes.reduce((s, n) => s + Math.max(n.w, n.h) * 0.8 + 12, 0);
  const radius = Math.max(100, circumference / (2 * Math.PI));
  order.forEach((i, j) => {
    const a = (2 * Math.PI * j) / order.length - Math.PI / 2;
    positions[i * 2] = Math.cos(a) * radius;
    positions[i * 2 + 1] = Math.sin(a) * radius;
  });
  removeOverlaps(positions, nodes, 4, 20);
  return { positions, loopEdges: [] };
}

/** Concentric: the most central node in the middle, rings outward in falling centrality. */
export function concentricLayout({ nodes }: LayoutInput): LayoutResult {
  const positions = new Float64Array(nodes.length * 2);
  const order = nodes.map((_, i) => i).sort((a, b) => (nodes[b]!.weight ?? 0) - (nodes[a]!.weight ?? 0) || a - b);
  const ringGap = Math.max(...nodes.map((n) => n.h), 30) + 60;
  ringPositions(order, nodes, positions, 0, ringGap);
  return { positions, loopEdges: [] };
}
