// The one module that reaches into cytoscape's private renderer and element internals (cytoscape
// 3.34): the edge layer's take-over of the node layer and the hit test, the export's drawing of
// elements, styles as cytoscape computed them, batching. Everything else uses the public API; lint
// holds the rest of the feature to that (eslint.config.js).
import type { Core, EdgeCollection, NodeCollection, NodeSingular } from 'cytoscape';
import type { Box, LayerHost } from '../bigGraph/layerHost';
import type { StyleReader } from '../bigGraph/edgeLook';
import type { ElementLike, ExportHost } from '../export/types';

/** The parts of cytoscape's canvas renderer used here. */
interface RendererInternals {
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): unknown[];
  nodeShapes: Record<
    string,
    | {
        checkPoint(
          x: number,
          y: number,
          padding: number,
          w: number,
          h: number,
          cx: number,
          cy: number,
          cornerRadius: unknown,
          rs: unknown,
        ): boolean;
      }
    | undefined
  >;
  getNodeShape(node: unknown): string;
  /** Works out where elements are drawn (label positions, edge ends); skips those already clean. */
  recalculateRenderedStyle(eles: unknown): void;
  drawLayeredElements(
    ctx: CanvasRenderingContext2D,
    eles: ArrayLike<unknown>,
    pxRatio: number,
    extent: unknown,
  ): void;
  drawCachedElement(ctx: CanvasRenderingContext2D, ele: unknown, pxRatio: number, extent: unknown): void;
  drawElements(ctx: CanvasRenderingContext2D, eles: ArrayLike<unknown>): void;
  getCachedZSortedEles(): ArrayLike<ElementLike>;
  eleTextBiggerThanMin(ele: unknown, scale?: number): boolean;
}

type Scratch = {
  _private: {
    rscratch: { inDragLayer?: boolean };
    rstyle: { cleanConnected?: boolean };
    backgrounding?: unknown;
  };
};

/** An element's style as cytoscape worked it out (pstyle: not in @types/cytoscape). */
export const styleOf: StyleReader = (ele, name) =>
  (ele as { pstyle(name: string): ReturnType<StyleReader> }).pstyle(name);

/** Whether cytoscape is inside a batch. */
export function isBatching(cy: Core): boolean {
  return (cy as unknown as { batching(): boolean }).batching();
}

export class CyInternals implements LayerHost, ExportHost {
  private readonly renderer: RendererInternals;
  readonly style = styleOf;

  constructor(private readonly cy: Core) {
    this.renderer = (cy as unknown as { renderer(): RendererInternals }).renderer();
  }

  inBatch(): boolean {
    return isBatching(this.cy);
  }

  takeOver(hooks: Parameters<LayerHost['takeOver']>[0]): () => void {
    const renderer = this.renderer;
    const drawLayered = renderer.drawLayeredElements;
    const findNearest = renderer.findNearestElements;
    renderer.drawLayeredElements = (ctx, _eles, pxRatio, extent) =>
      hooks.drawNodeLayer(ctx, pxRatio, extent as Box);
    renderer.findNearestElements = (x, y, _interactiveOnly, isTouch) => hooks.nearest(x, y, isTouch);
    return () => {
      renderer.drawLayeredElements = drawLayered;
      renderer.findNearestElements = findNearest;
    };
  }

  drawElement(ctx: CanvasRenderingContext2D, ele: unknown, pxRatio: number, extent: Box): void {
    this.renderer.drawCachedElement(ctx, ele, pxRatio, extent);
  }

  inDragLayer(ele: unknown): boolean {
    return !!(ele as Scratch)._private.rscratch.inDragLayer;
  }

  shapeHolds(
    node: NodeSingular,
    x: number,
    y: number,
    w: number,
    h: number,
    cx: number,
    cy: number,
  ): boolean {
    const renderer = this.renderer;
    const shape = renderer.nodeShapes[renderer.getNodeShape(node)];
    if (!shape) return true;
    const corner = styleOf(node, 'corner-radius');
    const radius = corner.value === 'auto' ? 'auto' : corner.pfValue;
    return shape.checkPoint(
      x,
      y,
      0,
      w,
      h,
      cx,
      cy,
      radius,
      (node as unknown as { _private: { rscratch: unknown } })._private.rscratch,
    );
  }

  warm(nodes: NodeCollection, edges: EdgeCollection): void {
    this.renderer.recalculateRenderedStyle(nodes);
    this.renderer.recalculateRenderedStyle(edges);
    // As cytoscape marks a node whose edges it has worked out, so its next frame skips them.
    nodes.forEach((node) => void ((node as unknown as Scratch)._private.rstyle.cleanConnected = true));
  }

  zSortedElements(): ArrayLike<ElementLike> {
    return this.renderer.getCachedZSortedEles();
  }

  drawElements(ctx: CanvasRenderingContext2D, eles: ArrayLike<unknown>): void {
    this.renderer.drawElements(ctx, eles);
  }

  /**
   * Whole-graph images show labels as they read at 100%, whatever the zoom on screen: cytoscape
   * hides small text by the live zoom, so its test is answered at zoom 1 for the export's duration
   * (instead of moving the viewport, which would redraw the whole graph on screen between strips).
   */
  withLabelsAt100<T>(draw: () => Promise<T>): Promise<T> {
    const renderer = this.renderer as RendererInternals & Record<string, unknown>;
    const own = Object.prototype.hasOwnProperty.call(renderer, 'eleTextBiggerThanMin');
    const original = renderer.eleTextBiggerThanMin;
    renderer.eleTextBiggerThanMin = function (ele: unknown, scale?: number) {
      return original.call(this, ele, scale ?? 1);
    };
    return draw().finally(() => {
      if (own) renderer.eleTextBiggerThanMin = original;
      else delete (renderer as Partial<RendererInternals>).eleTextBiggerThanMin;
    });
  }

  /**
   * Runs `draw` with cytoscape's per-draw restyle of nodes held off. Cytoscape 3.34's drawNode sets
   * a node's :backgrounding state twice per call (its two background-image passes disagree when a
   * node has no image) and restyles the node whenever it changes: for a big graph's export, 20,000
   * style passes and as many 'style' events (~2 s, and the edge layer re-reading every node). Our
   * stylesheet has no background images and no :backgrounding selector, so the state is pinned.
   */
  async withoutBackgroundingRestyles<T>(draw: () => Promise<T>): Promise<T> {
    const pinned = this.cy.nodes().map((node) => {
      const scratch = (node as unknown as Scratch)._private as Record<string, unknown>;
      const value = scratch.backgrounding;
      Object.defineProperty(scratch, 'backgrounding', {
        get: () => value,
        set: () => undefined,
        configurable: true,
      });
      return { scratch, value };
    });
    try {
      return await draw();
    } finally {
      for (const { scratch, value } of pinned)
        Object.defineProperty(scratch, 'backgrounding', {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
    }
  }
}
