// What the edge layer needs of cytoscape's canvas renderer, which it partly takes over.
import type { EdgeCollection, NodeCollection, NodeSingular } from 'cytoscape';
import type { StyleReader } from './edgeLook';

export type Box = { x1: number; y1: number; x2: number; y2: number };

/**
 * What the layer needs of cytoscape's canvas renderer, which it partly takes over. The engine
 * provides it (engine/cyInternals.ts, the one module that reaches into the renderer).
 */
export interface LayerHost {
  /** Whether cytoscape is inside a batch (the styles of what it added are not worked out yet). */
  inBatch(): boolean;
  /** Draws the node layer and answers the hit test with these instead of cytoscape; returns how to undo. */
  takeOver(hooks: {
    drawNodeLayer(ctx: CanvasRenderingContext2D, pxRatio: number, extent: Box): void;
    nearest(x: number, y: number, isTouch: boolean): unknown[];
  }): () => void;
  /** Draws one element as cytoscape does, from its cache. */
  drawElement(ctx: CanvasRenderingContext2D, ele: unknown, pxRatio: number, extent: Box): void;
  /** Whether cytoscape is drawing the element in its drag layer. */
  inDragLayer(ele: unknown): boolean;
  /** Whether model point (x, y) is inside the node's shape, drawn w × h at (cx, cy). */
  shapeHolds(node: NodeSingular, x: number, y: number, w: number, h: number, cx: number, cy: number): boolean;
  /**
   * Works out where the nodes and the edges between ready nodes are drawn, now, and marks the
   * nodes as cytoscape marks them when it has done so itself.
   */
  warm(nodes: NodeCollection, edges: EdgeCollection): void;
  style: StyleReader;
}
