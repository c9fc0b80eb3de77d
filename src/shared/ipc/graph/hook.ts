// The graph pane's read-only test hook, window.__awGraph: its shape is shared here so end-to-end
// tests and benchmarks (Node side) and the renderer agree on it, as the IPC contract does for calls.
import type { GraphEdge } from './contract';

export interface GraphStats {
  loadMs: number;
  layoutMs: number;
  applyMs: number;
  metricsMs: number;
  busy: boolean;
  layoutRuns: number;
  /**
   * performance.now() in the page when the data arrived, the layout started and ended, its positions
   * were applied (elements added), and cytoscape first drew them.
   */
  marks: {
    loaded?: number;
    added?: number;
    layoutStart?: number;
    layoutEnd?: number;
    applied?: number;
    drawn?: number;
  };
  /**
   * A big graph's edge layer (edgeLayer.ts), when it draws the edges: pictures shown, the last
   * one's time and edge count, and how many nodes' bounds are still to be worked out in idle time.
   */
  edgeLayer?: { draws: number; lastMs: number; lines: number; boundsPending: number };
  /**
   * The last write applied as a delta (instead of a reload): when its announcement arrived, when
   * the graph's elements were changed, and when cytoscape next drew (performance.now() in the page).
   */
  lastDelta?: {
    heardAt: number;
    appliedAt: number;
    drawnAt?: number;
    nodes: number;
    edges: number;
    relayout: boolean;
  };
  /** Full reads of the case (the first load, another case, a write not known row by row). */
  reloads: number;
  /** The last PNG export: its size, strips, and time spent drawing and encoding. */
  lastExport?: {
    width: number;
    height: number;
    strips: number;
    drawMs: number;
    encodeMs: number;
    /** Milliseconds by part: plan, edges, background, elements, read, encode. */
    phases?: Record<string, number>;
  };
}

export interface GraphHookFilters {
  entityTypes: string[];
  relationTypes: string[] | null;
  minReliability: string | null;
  minCredibility: number | null;
  from: number | null;
  to: number | null;
}

export interface GraphHook {
  nodes(): { id: number; name: string; type: string; x: number; y: number; size: number }[];
  edges(): (Pick<GraphEdge, 'id' | 'source' | 'target' | 'type' | 'start' | 'end'> & {
    label: string;
    dashed: boolean;
  })[];
  layoutName(): string;
  /** Lineage: relations that close a loop (a group rejoining one it came from) and so point backwards. */
  loopEdges(): number[];
  stats(): GraphStats;
  filters(): GraphHookFilters;
  renderer(): 'canvas' | 'webgl';
  selected(): number[];
  zoom(): number;
  /** The viewport's pan: a node at model (x, y) is drawn at (x · zoom + pan.x, y · zoom + pan.y) in the canvas. */
  pan(): { x: number; y: number };
  metrics(id: number): { degree: number; betweenness: number | null; pagerank: number } | undefined;
  /**
   * Each visible node's box, and its label's box where the label is shown (below, above or beside
   * the node), in model coordinates: what is drawn, for checking that nothing overlaps.
   */
  labelBoxes(): { id: number; x1: number; y1: number; x2: number; y2: number }[];
  /** One node as drawn (its label is `name`; colour as CSS rgb()), without reading every node. */
  node(id: number):
    | {
        id: number;
        name: string;
        x: number;
        y: number;
        size: number;
        shown: boolean;
        colour: string;
        shape: string;
      }
    | undefined;
  /** The height of node labels on screen now, CSS pixels. */
  labelPx(): number;
  /** Entities whose label is shown now (the others wait for room: hover, selection, zoom). */
  labelsShown(): number[];
  /** Relations whose label is shown now (hovered, selected, or zoomed in close enough). */
  edgeLabelsShown(): number[];
  /** Headings drawn in the layout (lineage: the groups set apart). */
  headings(): string[];
}

declare global {
  interface Window {
    __awGraph?: GraphHook;
  }
}
