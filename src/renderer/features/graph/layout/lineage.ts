// Lineage: a left-to-right family tree of splinters, mergers, successions and pledges.
import { dateStart, lineageEnds } from '../model/graphData';
import { countCrossings } from './crossings';
import type { LayoutInput, LayoutNode, LayoutResult } from './types';

/** Up to this many lineage relations, several orderings are tried and the one with fewest crossings kept. */
const CROSSING_CHECK_LIMIT = 1500;
/** Up to this many lineage relations in a family, neighbouring groups are swapped to undo crossings. */
const SWAP_LIMIT = 200;
/** Up to this many groups in a family, any two may trade places. */
const SWAP_ANY_LIMIT = 40;
/** Rounds of ordering each group by the mean place of its parents, then of its children. */
const SWEEPS = 6;
/** Space between two families, and between the tree and the groups set apart, model pixels. */
const FAMILY_GAP = 60;
const ASIDE_GAP = 110;

interface Options {
  pxPerYear?: number;
  columnGap?: number;
  rowGap?: number;
}

interface Gaps {
  rowGap: number;
  columnGap: number;
}

interface Tree {
  parents: number[][];
  children: number[][];
  year: (number | null)[];
  /** Nodes in the tree in topological order, older first. */
  order: number[];
  x: number[];
  loopEdges: number[];
  /** Index pairs of the tree's relations (loops left out), for counting crossings. */
  links: (readonly [number, number])[];
}

/**
 * The lineage layout. An edge runs from the older group to the newer one; edges are taken in date
 * order and one that would close a loop (a splinter rejoining its parent) is left out of the
 * ordering and reported. x is the later of the year scale and one column right of every parent.
 * Each family (groups linked by lineage) gets a band of its own, top to bottom; within it the
 * groups are ordered by the mean place of their parents and children (a few rounds, keeping the
 * order with fewest crossings) and packed in that order so that no two label boxes overlap. Groups
 * with no lineage relation are set apart in a block of their own under a heading, beside or below
 * the tree, whichever lets the whole fit the view larger.
 */
export function lineageLayout({ nodes, edges, view }: LayoutInput, options: Options = {}): LayoutResult {
  const { pxPerYear = 45, columnGap = 40, rowGap = 14 } = options;
  const tree = buildTree(nodes, edges, pxPerYear, columnGap);
  const positions = new Float64Array(nodes.length * 2);
  let top = 0;
  for (const family of families(tree, nodes.length)) {
    const y = placeFamily(family, tree, nodes, { rowGap, columnGap }, top);
    let bottom = top;
    for (const u of family) {
      positions[u * 2] = tree.x[u]!;
      positions[u * 2 + 1] = y.get(u)!;
      bottom = Math.max(bottom, y.get(u)! + nodes[u]!.h / 2);
    }
    top = bottom + FAMILY_GAP;
  }
  const inTree = new Set(tree.order);
  const rest = nodes.map((_, i) => i).filter((i) => !inTree.has(i));
  if (rest.length) setApart(rest, nodes, positions, tree.order, view);
  return { positions, loopEdges: tree.loopEdges };
}

function buildTree(
  nodes: LayoutNode[],
  edges: LayoutInput['edges'],
  pxPerYear: number,
  columnGap: number,
): Tree {
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
  const treeLinks: (readonly [number, number])[] = [];
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
    treeLinks.push([link.older, link.newer]);
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
  const x: number[] = nodes.map(() => 0);
  for (const u of order) {
    const fromYear = year[u] !== null ? (year[u]! - minYear) * pxPerYear : 0;
    let fromParents = -Infinity;
    for (const p of parents[u]!)
      fromParents = Math.max(fromParents, x[p]! + nodes[p]!.w / 2 + columnGap + nodes[u]!.w / 2);
    x[u] = Math.max(fromYear, fromParents);
  }
  return { parents, children, year, order, x, loopEdges, links: treeLinks };
}

/** The tree's families (groups linked by lineage, either way), largest first, each in topological order. */
function families(tree: Tree, n: number): number[][] {
  const family = new Int32Array(n).fill(-1);
  const found: number[][] = [];
  for (const start of tree.order) {
    if (family[start] !== -1) continue;
    const id = found.length;
    const stack = [start];
    family[start] = id;
    while (stack.length) {
      const u = stack.pop()!;
      for (const v of [...tree.parents[u]!, ...tree.children[u]!]) {
        if (family[v] !== -1) continue;
        family[v] = id;
        stack.push(v);
      }
    }
    found.push([]);
  }
  for (const u of tree.order) found[family[u]!]!.push(u);
  const firstYear = (f: number[]) => Math.min(...f.map((u) => tree.year[u] ?? Infinity));
  return found.sort((a, b) => b.length - a.length || firstYear(a) - firstYear(b));
}

/** y of each group of one family, its band starting at `top`: the ordering with fewest crossings, packed. */
function placeFamily(
  family: number[],
  tree: Tree,
  nodes: LayoutNode[],
  gaps: Gaps,
  top: number,
): Map<number, number> {
  const members = new Set(family);
  const links = tree.links.filter(([a]) => members.has(a));
  const crossingsOf = (y: Map<number, number>) => {
    const positions = new Float64Array(nodes.length * 2);
    for (const u of family) {
      positions[u * 2] = tree.x[u]!;
      positions[u * 2 + 1] = y.get(u)!;
    }
    return countCrossings(positions, links);
  };
  let best: { order: number[]; y: Map<number, number>; crossings: number } | null = null;
  for (const order of orderings(family, tree)) {
    const y = pack(order, tree, nodes, gaps, top);
    if (links.length > CROSSING_CHECK_LIMIT) return y;
    const crossings = crossingsOf(y);
    if (!best || crossings < best.crossings) best = { order, y, crossings };
    if (crossings === 0) return y;
  }
  // Then two groups trade places in the order while that removes a crossing (small families:
  // any two; larger ones: neighbours only).
  const reach = family.length <= SWAP_ANY_LIMIT ? family.length : 2;
  for (let improved = links.length <= SWAP_LIMIT; improved && best!.crossings > 0;) {
    improved = false;
    for (let i = 0; i < best!.order.length && best!.crossings > 0; i++) {
      for (let j = i + 1; j < Math.min(best!.order.length, i + reach); j++) {
        const order = [...best!.order];
        [order[i], order[j]] = [order[j]!, order[i]!];
        const y = pack(order, tree, nodes, gaps, top);
        const crossings = crossingsOf(y);
        if (crossings >= best!.crossings) continue;
        best = { order, y, crossings };
        improved = true;
      }
    }
  }
  return best!.y;
}

/**
 * Candidate top-to-bottom orders of a family: depth first from its oldest roots (children in
 * the order they appeared), then after each round of ordering every group by the mean rank of its
 * parents (older to newer) and then of its children (newer to older).
 */
function* orderings(family: number[], tree: Tree): Generator<number[]> {
  const byYear = (a: number, b: number) => (tree.year[a] ?? 0) - (tree.year[b] ?? 0) || a - b;
  const seen = new Set<number>();
  const dfs: number[] = [];
  const visit = (u: number): void => {
    if (seen.has(u)) return;
    seen.add(u);
    dfs.push(u);
    for (const v of [...tree.children[u]!].sort(byYear)) visit(v);
  };
  for (const u of family.filter((u) => tree.parents[u]!.length === 0).sort(byYear)) visit(u);
  yield dfs;
  const rank = new Map(dfs.map((u, i) => [u, i]));
  const byX = [...family].sort((a, b) => tree.x[a]! - tree.x[b]! || rank.get(a)! - rank.get(b)!);
  const mean = (us: number[]) => us.reduce((s, v) => s + rank.get(v)!, 0) / us.length;
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const key = new Map(rank);
    for (const u of byX) if (tree.parents[u]!.length) key.set(u, mean(tree.parents[u]!));
    reRank(family, key, rank);
    yield [...family].sort((a, b) => rank.get(a)! - rank.get(b)!);
    const back = new Map(rank);
    for (const u of [...byX].reverse()) if (tree.children[u]!.length) back.set(u, mean(tree.children[u]!));
    reRank(family, back, rank);
    yield [...family].sort((a, b) => rank.get(a)! - rank.get(b)!);
  }
}

function reRank(family: number[], key: Map<number, number>, rank: Map<number, number>): void {
  const sorted = [...family].sort((a, b) => key.get(a)! - key.get(b)! || rank.get(a)! - rank.get(b)!);
  sorted.forEach((u, i) => rank.set(u, i));
}

/**
 * Packs a family in `order`, top to bottom: each group as near its parents' mean height as it can
 * go, but below every group before it in the order whose box reaches into its column — so the
 * order holds wherever groups share a column, and no two label boxes overlap.
 */
function pack(
  order: number[],
  tree: Tree,
  nodes: LayoutNode[],
  gaps: Gaps,
  top: number,
): Map<number, number> {
  const { rowGap, columnGap } = gaps;
  const y = new Map<number, number>();
  const placed: { x0: number; x1: number; bottom: number }[] = [];
  for (const u of order) {
    const node = nodes[u]!;
    const x0 = tree.x[u]! - node.w / 2 - columnGap / 2;
    const x1 = tree.x[u]! + node.w / 2 + columnGap / 2;
    const ps = tree.parents[u]!.filter((p) => y.has(p));
    let at = ps.length ? ps.reduce((s, p) => s + y.get(p)!, 0) / ps.length - node.h / 2 : top;
    at = Math.max(at, top);
    for (const b of placed) if (b.x0 < x1 && b.x1 > x0) at = Math.max(at, b.bottom + rowGap);
    y.set(u, at + node.h / 2);
    placed.push({ x0, x1, bottom: at + node.h });
  }
  return y;
}

/**
 * Places the groups with no lineage relation in a block of columns of their own, with room for a
 * heading over it (the engine draws it): below the tree or right of it, whichever lets the whole
 * fit `view` at the larger zoom (below when the view is not known).
 */
function setApart(
  rest: number[],
  nodes: LayoutNode[],
  positions: Float64Array,
  tree: number[],
  view: LayoutInput['view'],
): void {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity; // prettier-ignore
  for (const u of tree) {
    x1 = Math.min(x1, positions[u * 2]! - nodes[u]!.w / 2);
    x2 = Math.max(x2, positions[u * 2]! + nodes[u]!.w / 2);
    y1 = Math.min(y1, positions[u * 2 + 1]! - nodes[u]!.h / 2);
    y2 = Math.max(y2, positions[u * 2 + 1]! + nodes[u]!.h / 2);
  }
  if (!tree.length) [x1, y1, x2, y2] = [0, 0, 0, 0];
  const cellW = Math.max(...rest.map((u) => nodes[u]!.w)) + 16;
  const cellH = Math.max(...rest.map((u) => nodes[u]!.h)) + 12;
  const headingH = 30;
  const fits = (w: number, h: number) => (view ? Math.min(view.width / w, view.height / h) : 0);
  // Below: as wide as the tree. Right: as tall as the tree.
  const belowCols = Math.max(1, Math.min(rest.length, Math.floor(Math.max(x2 - x1, cellW * 4) / cellW)));
  const rightRows = Math.max(1, Math.floor(Math.max(y2 - y1 - headingH, cellH * 3) / cellH));
  const rightCols = Math.ceil(rest.length / rightRows);
  const belowZoom = fits(
    Math.max(x2 - x1, belowCols * cellW),
    y2 - y1 + ASIDE_GAP + headingH + Math.ceil(rest.length / belowCols) * cellH,
  );
  const rightZoom = fits(
    x2 - x1 + ASIDE_GAP + rightCols * cellW,
    Math.max(y2 - y1, headingH + rightRows * cellH),
  );
  const right = tree.length > 0 && rightZoom > belowZoom;
  const cols = right ? rightCols : belowCols;
  const left = right ? x2 + ASIDE_GAP : x1;
  const blockTop = (right ? y1 : y2 + ASIDE_GAP) + headingH;
  rest.forEach((u, k) => {
    positions[u * 2] = left + (k % cols) * cellW + cellW / 2;
    positions[u * 2 + 1] = blockTop + Math.floor(k / cols) * cellH + nodes[u]!.h / 2;
  });
}
