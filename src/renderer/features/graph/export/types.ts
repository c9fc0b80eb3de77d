// What an export is asked for, what it is given, and what it tells back.
import type { GraphSource } from '../../../../shared/ipc/graph/contract';
import type { StyleReader } from '../bigGraph/edgeLook';
import type { LayerModel } from '../bigGraph/edgeView';
import type { Rpc } from '../model/rpc';
import type { EdgesWorkerApi } from './edges.worker';
import type { PngWorkerApi } from './png.worker';

export interface ExportOptions {
  scale: number;
  background: 'white' | 'transparent';
  area: 'full' | 'view';
  caption: string;
  legend: boolean;
  sources: boolean;
  /** What node size shows, for the legend. */
  sizeMeaning: string;
}

/** An element as the export draws it (cytoscape's, through ExportHost). */
export interface ElementLike {
  visible(): boolean;
  isEdge(): boolean;
  boundingBox(): { x1: number; y1: number; x2: number; y2: number; w: number; h: number };
}

/**
 * What the export needs of cytoscape's canvas renderer: its elements in drawing order and its own
 * drawing of them. The engine provides it (engine/cyInternals.ts).
 */
export interface ExportHost {
  zSortedElements(): ArrayLike<ElementLike>;
  drawElements(ctx: CanvasRenderingContext2D, eles: ArrayLike<unknown>): void;
  /** Runs `draw` with labels shown as they read at 100%, whatever the zoom on screen. */
  withLabelsAt100<T>(draw: () => Promise<T>): Promise<T>;
  /** Runs `draw` without cytoscape restyling each node it draws (see cyInternals.ts). */
  withoutBackgroundingRestyles<T>(draw: () => Promise<T>): Promise<T>;
  style: StyleReader;
}

export interface ExportContext {
  sources: ReadonlyMap<number, GraphSource>;
  host: ExportHost;
  /**
   * Threads: for straight edges, the edge thread (kept between exports: a worker takes up to a
   * second to start on a busy machine); for an image drawn in strips, a fresh encoder.
   */
  edgeThread?: () => Rpc<EdgesWorkerApi>;
  pngEncoder: () => Rpc<PngWorkerApi>;
  /**
   * The graph is big and draws its edges as straight one-pixel lines (style.ts): the PNG then
   * writes them straight into the pixels (rasterEdges.ts) instead of stroking 80,000 canvas paths.
   */
  straightEdges?: boolean;
  /**
   * With straight edges under the canvas renderer: the edge layer's arrays (edgeLayer.ts), which
   * hold every edge's ends and look as drawn. The lines are made from them in a few milliseconds,
   * where asking cytoscape for 80,000 edges' styles and ends takes a few hundred.
   */
  edgeModel?: LayerModel | null;
}

/** Milliseconds spent in each part of an export, for the benchmarks. */
export type Phases = Record<string, number>;

export interface PngResult {
  blob: Blob;
  width: number;
  height: number;
  strips: number;
  /** Milliseconds spent drawing and encoding (encoding overlaps drawing when there are strips). */
  drawMs: number;
  encodeMs: number;
  /**
   * Milliseconds by part: plan, drawList, edgeThreadStart, background, elements, edges (waiting for
   * the edge thread), underlay, read (pixels off the canvas), encode; edgeThread is the edge
   * thread's own time, spent alongside the others.
   */
  phases: Record<string, number>;
}
