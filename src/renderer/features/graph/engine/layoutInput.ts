// What a layout is given: the visible nodes with the boxes their labels need, and the visible
// relations; and where a node the layout has not placed yet goes.
import type { EntityMetrics } from '../../../lib/metrics';
import type { GraphData, VisibleGraph } from '../model/graphData';
import { graphTypes } from '../model/types';
import { LABEL_OVERLAP_LIMIT } from '../layout/overlaps';
import type { LayoutInput, LayoutNode } from '../layout/types';
import { labelBox } from './elements';
import { sizeFor } from './sizes';

export type Positions = Map<number, { x: number; y: number }>;

/**
 * The layout's input. Each node is as large as it is drawn by default (by degree, until centrality
 * arrives); a small graph keeps its label boxes apart and is told the view it is to fit, a big
 * one shows labels only close up (style.ts) and keeps its nodes apart by their own size.
 */
export function layoutInput(
  data: GraphData,
  visible: VisibleGraph,
  metrics: ReadonlyMap<number, EntityMetrics>,
  large: boolean,
  view: { width: number; height: number } | undefined,
): LayoutInput {
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edges = data.edges
    .filter((e) => visible.edgeIds.has(e.id))
    .map((e) => ({ id: e.id, source: e.source, target: e.target, type: e.type, start: e.start }));
  const sizes = degreeSizes(edges);
  const nodes: LayoutNode[] = [];
  for (const id of visible.nodeIds) {
    const node = byId.get(id)!;
    const size = sizes.get(id) ?? sizeFor(0, 0);
    nodes.push({
      id,
      ...(large ? { w: size + 8, h: size + 8 } : labelBox(node.name, size)),
      weight: metrics.get(id)?.pagerank ?? 0,
      sortKey: `${node.type}\u0000${node.name.toLowerCase()}`,
    });
  }
  const small = !large && nodes.length <= LABEL_OVERLAP_LIMIT;
  const fits = small && view && view.width > 0 && view.height > 0;
  return { nodes, edges, view: fits ? view : undefined, types: graphTypes() };
}

/**
 * Each node's size by its degree over these edges: how it is drawn until centrality arrives, and
 * after, by default (the workers count degree the same way), so nothing grows under its label.
 */
export function degreeSizes(edges: readonly { source: number; target: number }[]): Map<number, number> {
  const degree = new Map<number, number>();
  for (const e of edges) {
    if (e.source === e.target) continue;
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  let max = 0;
  for (const d of degree.values()) max = Math.max(max, d);
  const sizes = new Map<number, number>();
  for (const [id, d] of degree) sizes.set(id, sizeFor(d, max));
  return sizes;
}

/** Places nodes the layout has not placed yet next to their placed neighbours, or right of the rest. */
export function placeNearNeighbours(missing: number[], data: GraphData, positions: Positions): void {
  const neighbours = new Map<number, number[]>();
  for (const e of data.edges) {
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  let maxX = 0;
  for (const p of positions.values()) maxX = Math.max(maxX, p.x);
  missing.forEach((id, i) => {
    const known = (neighbours.get(id) ?? [])
      .map((n) => positions.get(n))
      .filter((p): p is { x: number; y: number } => !!p);
    if (known.length) {
      const x = known.reduce((s, p) => s + p.x, 0) / known.length;
      const y = known.reduce((s, p) => s + p.y, 0) / known.length;
      const a = (i * 2.399963) % (Math.PI * 2);
      positions.set(id, { x: x + Math.cos(a) * 90, y: y + Math.sin(a) * 90 });
    } else positions.set(id, { x: maxX + 160, y: i * 80 });
  });
}
