// What a layout is given and gives back. Positions come back as a Float64Array [x0, y0, x1, y1, …]
// in node order; the engine applies them as a `preset` layout in one draw.
import type { Vocabulary } from '../../../../shared/vocabulary';

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
  /**
   * The graph's box on screen, CSS pixels: a small graph is drawn compact enough to fit it at
   * about 100%, so its labels read at their own size at fit (see compactToView).
   */
  view?: { width: number; height: number };
  /** The case's types (which relations are lineage): the worker has its own copy of model/types. */
  types?: Vocabulary;
}

export interface LayoutResult {
  positions: Float64Array;
  /** Lineage only: edges that would close a loop (a group rejoining its parent) and so point backwards. */
  loopEdges: number[];
}
