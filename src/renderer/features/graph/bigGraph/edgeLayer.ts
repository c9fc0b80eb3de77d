// The edge layer of a big graph under the canvas renderer (see edgeView.ts for why). A canvas under
// cytoscape's shows the edges — and, zoomed out, the nodes — as a bitmap drawn on a worker; while
// the analyst pans or zooms, the page only moves and scales that bitmap with a CSS transform, and
// asks the worker for the new view. Cytoscape keeps every element — selection, events, styles and
// exports are its — but draws only the nodes in view (zoomed out, none) and the few elements the
// analyst is acting on: selected ones, a shortest path, and what is being dragged (its drag layer).
// What is under the pointer is found from the layer's arrays, not by asking every element.
import type { CollectionArgument, Core, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import type { GraphStats } from '../../../../shared/ipc/graph/hook';
import type { Rpc } from '../model/rpc';
import type { EdgeLayerApi } from './edgeLayer.worker';
import { readEdgeLook } from './edgeLook';
import type { Box, LayerHost } from './layerHost';
import {
  NODE_DOTS_ZOOM,
  newLayerModel,
  shapeCode,
  type EdgeViewport,
  type LayerModel,
  type NodeDots,
} from './edgeView';
import { packRgb } from './rasterEdges';

/** Pictures shown, the last one's milliseconds on the worker and the edges it drew (the test hook's). */
export type EdgeLayerStats = NonNullable<GraphStats['edgeLayer']>;

type Rgb = [number, number, number];
/** How far a node's label reaches beyond its body, model units: to each side (unwrapped) and below. */
const LABEL_REACH = { x: 120, below: 24 };

/** Above this many changed edges the whole look is read again rather than patched. */
const PATCH_LIMIT = 5000;

/** Nodes whose bounds are worked out per idle slot (about 30 ms at four edges a node). */
const WARM_CHUNK = 400;

export class EdgeLayer {
  readonly stats: EdgeLayerStats = { draws: 0, lastMs: 0, lines: 0, boundsPending: 0 };
  private readonly canvas = document.createElement('canvas');
  private readonly bitmaps: ImageBitmapRenderingContext;
  private nodes: NodeSingular[] = [];
  private edges: EdgeSingular[] = [];
  private readonly nodeIndex = new Map<string, number>();
  private readonly edgeIndex = new Map<string, number>();
  private model: LayerModel | null = null;
  private structureDirty = true;
  private positionsDirty = false;
  private readonly dirtyEdges = new Set<number>();
  /** Nodes restyled since the last picture, and whether each node was shown then. */
  private readonly dirtyNodes = new Set<NodeSingular>();
  private nodeShown = new Uint8Array(0);
  /** Edges cytoscape draws itself, over the layer: selected or on a path. */
  private readonly live = new Set<EdgeSingular>();
  /** Nodes cytoscape draws itself when zoomed out (the layer draws the rest then): selected or on a path. */
  private readonly liveNodes = new Set<NodeSingular>();
  /** Edges and nodes left out of the picture while dragged (cytoscape's drag layer has them). */
  private skipEdges = new Int32Array(0);
  private skipNodes = new Int32Array(0);
  private grabbed = false;
  private inFlight = false;
  private again = false;
  private scheduled = 0;
  private shown: EdgeViewport | null = null;
  private destroyed = false;
  /**
   * Nodes whose bounds cytoscape has not worked out since they last moved or changed look. It does
   * so only for what it draws — here, next to nothing — so the first thing to ask for all of them
   * (an export) paid for 20,000 nodes and, at the next frame, their 80,000 edges: about a second.
   * They are worked out in idle time instead, a chunk at a time.
   */
  private readonly coldNodes = new Set<NodeSingular>();
  private warming = 0;
  private readonly off: (() => void)[] = [];

  constructor(
    private readonly cy: Core,
    container: HTMLElement,
    private readonly host: LayerHost,
    private readonly worker: Rpc<EdgeLayerApi>,
    private readonly pixelRatio = 1,
  ) {
    this.canvas.className = 'graph-edge-layer';
    this.canvas.dataset.testid = 'graph-edge-layer';
    this.canvas.setAttribute('aria-hidden', 'true');
    container.prepend(this.canvas);
    this.bitmaps = this.canvas.getContext('bitmaprenderer')!;

    const on = (events: string, selector: string | null, handler: (event: EventObject) => void) => {
      if (selector) cy.on(events, selector, handler);
      else cy.on(events, handler);
      this.off.push(() =>
        selector ? cy.removeListener(events, selector, handler) : cy.removeListener(events, handler),
      );
    };
    on('add remove', null, () => {
      this.structureDirty = true;
      this.schedule();
    });
    on('add', 'node', (event) => this.cool(event.target as NodeSingular));
    on('position', 'node', (event) => {
      this.positionsDirty = true;
      this.cool(event.target as NodeSingular);
      if (!this.grabbed) this.schedule();
    });
    on('style', 'edge', (event) => this.edgeChanged(event.target as EdgeSingular));
    on('select unselect', 'edge', (event) => this.edgeChanged(event.target as EdgeSingular));
    // A node shown or hidden shows or hides its edges without touching their style.
    on('style', 'node', (event) => this.nodeChanged(event.target as NodeSingular));
    on('select unselect', 'node', (event) => this.nodeChanged(event.target as NodeSingular));
    on('grab', 'node', () => {
      this.grabbed = true;
      const grabbed = cy.nodes(':grabbed');
      this.skipEdges = Int32Array.from(
        grabbed.connectedEdges(),
        (edge) => this.edgeIndex.get(edge.id()) ?? -1,
      );
      this.skipNodes = Int32Array.from(grabbed, (node) => this.nodeIndex.get(node.id()) ?? -1);
      this.draw();
    });
    on('free', 'node', () => {
      this.grabbed = false;
      this.skipEdges = new Int32Array(0);
      this.skipNodes = new Int32Array(0);
      this.schedule();
    });
    on('viewport', null, () => {
      this.place();
      this.draw();
    });
    on('resize', null, () => this.draw());

    // Cytoscape's node layer draws the live edges and the nodes in view (zoomed out, only the
    // live nodes); the worker has the rest. Cytoscape finds what is under the pointer by asking
    // every element in turn, on every mouse move: about a second per move at 100,000 elements.
    // The same answer from the arrays takes about a millisecond.
    this.off.push(
      host.takeOver({
        drawNodeLayer: (ctx, pxRatio, extent) => this.drawLive(ctx, pxRatio, extent),
        nearest: (x, y, isTouch) => this.nearest(x, y, isTouch),
      }),
    );
    this.schedule();
  }

  /**
   * Cytoscape's node layer: the live edges, then the nodes. Zoomed out the worker's picture has the
   * nodes and only the live ones are drawn here; zoomed in, the nodes in view, found from the
   * arrays — cytoscape would work out the bounds of all 20,000 to find the few on screen.
   */
  private drawLive(ctx: CanvasRenderingContext2D, pxRatio: number, extent: Box): void {
    const { host } = this;
    const inDrag = (ele: unknown) => host.inDragLayer(ele);
    for (const edge of this.live)
      if (!inDrag(edge) && edge.inside()) host.drawElement(ctx, edge, pxRatio, extent);
    if (this.cy.zoom() < NODE_DOTS_ZOOM) {
      for (const node of this.liveNodes)
        if (!inDrag(node) && node.inside()) host.drawElement(ctx, node, pxRatio, extent);
      return;
    }
    if (!this.grabbed) this.sync();
    const model = this.model;
    if (!model) return;
    const { xy } = model;
    for (let i = 0; i < this.nodes.length; i++) {
      if (!this.nodeShown[i]) continue;
      const x = xy[i * 2]!;
      const y = xy[i * 2 + 1]!;
      const hw = model.nodes.half[i * 2]! + LABEL_REACH.x;
      const hh = model.nodes.half[i * 2 + 1]!;
      if (
        x + hw < extent.x1 ||
        x - hw > extent.x2 ||
        y + hh + LABEL_REACH.below < extent.y1 ||
        y - hh > extent.y2
      )
        continue;
      const node = this.nodes[i]!;
      if (!inDrag(node)) host.drawElement(ctx, node, pxRatio, extent);
    }
  }

  /**
   * The edges as the layer holds them, brought up to date: what a PNG export draws its straight
   * edges from (reading 80,000 styles from cytoscape again takes a few hundred milliseconds). Null
   * while cytoscape is inside a batch (a layout running), when the arrays may lag behind it.
   */
  currentModel(): LayerModel | null {
    if (this.inBatch()) return null;
    this.sync();
    return this.model;
  }

  destroy(): void {
    this.destroyed = true;
    cancelAnimationFrame(this.scheduled);
    cancelIdleCallback(this.warming);
    for (const off of this.off) off();
    this.worker.dispose();
    this.canvas.remove();
  }

  private cool(node: NodeSingular): void {
    this.coldNodes.add(node);
    this.stats.boundsPending = this.coldNodes.size;
    this.warming ||= requestIdleCallback(this.warm);
  }

  private readonly warm = (deadline: IdleDeadline): void => {
    this.warming = 0;
    if (this.destroyed) return;
    if (!this.grabbed && !this.inBatch()) {
      while (this.coldNodes.size && deadline.timeRemaining() > 10) {
        const chunk: NodeSingular[] = [];
        for (const node of this.coldNodes) {
          this.coldNodes.delete(node);
          if (!node.removed()) chunk.push(node);
          if (chunk.length === WARM_CHUNK) break;
        }
        const nodes = this.cy.collection(chunk as unknown as CollectionArgument);
        nodes.boundingBox();
        // Working out the bounds queues the nodes for cytoscape's next frame, which would then work
        // out their rendered style and their edges' — for all queued nodes at once (a 2 s frame
        // after a restyle of every node). Done here a chunk at a time instead; an edge to a node
        // still to come waits for it.
        const edges = nodes
          .connectedEdges()
          .filter((edge) => !this.coldNodes.has(edge.source()) && !this.coldNodes.has(edge.target()));
        this.host.warm(nodes, edges);
      }
    }
    this.stats.boundsPending = this.coldNodes.size;
    if (this.coldNodes.size) this.warming = requestIdleCallback(this.warm);
  };

  private nodeChanged(node: NodeSingular): void {
    this.cool(node);
    if (node.selected() || node.hasClass('path')) this.liveNodes.add(node);
    else this.liveNodes.delete(node);
    this.dirtyNodes.add(node);
    this.schedule();
  }

  private edgeChanged(edge: EdgeSingular): void {
    if (edge.selected() || edge.hasClass('path')) this.live.add(edge);
    else this.live.delete(edge);
    const i = this.edgeIndex.get(edge.id());
    if (i !== undefined) this.dirtyEdges.add(i);
    this.schedule();
  }

  /** Coalesces a burst of events (a filter restyles 80,000 edges) into one read and one picture. */
  private schedule(): void {
    if (this.scheduled || this.destroyed) return;
    this.scheduled = requestAnimationFrame(() => {
      this.scheduled = 0;
      this.draw();
    });
  }

  /**
   * Whether cytoscape is inside a batch (the engine keeps one open while a layout runs): the
   * styles of what it added are not worked out until it ends, and reading them then would read
   * cytoscape's defaults — and leave them in place.
   */
  private inBatch(): boolean {
    return this.host.inBatch();
  }

  /** Sends the worker what changed since the last picture. */
  private sync(): void {
    if (this.inBatch()) return;
    if (this.structureDirty || !this.model) {
      this.structureDirty = false;
      this.positionsDirty = false;
      this.dirtyEdges.clear();
      this.live.clear();
      this.nodes = this.cy.nodes().toArray();
      this.edges = this.cy.edges().toArray();
      this.nodeIndex.clear();
      this.edgeIndex.clear();
      this.dirtyNodes.clear();
      this.liveNodes.clear();
      this.nodeShown = new Uint8Array(this.nodes.length);
      const model = newLayerModel(this.nodes.length, this.edges.length);
      this.nodes.forEach((node, i) => {
        this.nodeIndex.set(node.id(), i);
        this.readNode(model.nodes, node, i);
        if (node.selected() || node.hasClass('path')) this.liveNodes.add(node);
      });
      this.edges.forEach((edge, i) => {
        this.edgeIndex.set(edge.id(), i);
        model.source[i] = this.nodeIndex.get(edge.source().id()) ?? 0;
        model.target[i] = this.nodeIndex.get(edge.target().id()) ?? 0;
        readEdgeLook(model, i, edge, this.host.style);
        if (edge.selected() || edge.hasClass('path')) this.live.add(edge);
      });
      this.model = model;
      this.readPositions();
      this.worker.notify('model', model);
      return;
    }
    const nodesChanged = this.dirtyNodes.size > 0;
    for (const node of this.dirtyNodes) {
      const i = this.nodeIndex.get(node.id());
      if (i === undefined) continue;
      const wasShown = this.nodeShown[i];
      this.readNode(this.model.nodes, node, i);
      if (this.nodeShown[i] === wasShown) continue;
      for (const edge of node.connectedEdges()) {
        const j = this.edgeIndex.get(edge.id());
        if (j !== undefined) this.dirtyEdges.add(j);
      }
    }
    this.dirtyNodes.clear();
    if (nodesChanged) this.worker.notify('nodes', this.model.nodes);
    if (this.positionsDirty) {
      this.positionsDirty = false;
      this.readPositions();
      this.worker.notify('positions', this.model.xy); // copied by postMessage
    }
    const style = this.host.style;
    if (this.dirtyEdges.size > PATCH_LIMIT) {
      for (let i = 0; i < this.edges.length; i++) readEdgeLook(this.model, i, this.edges[i]!, style);
      this.dirtyEdges.clear();
      this.worker.notify('model', this.model);
    } else if (this.dirtyEdges.size) {
      const index = Int32Array.from(this.dirtyEdges);
      this.dirtyEdges.clear();
      const m = this.model;
      for (const i of index) readEdgeLook(m, i, this.edges[i]!, style);
      this.worker.notify('edges', {
        index,
        colour: Uint32Array.from(index, (i) => m.colour[i]!),
        opacity: Float32Array.from(index, (i) => m.opacity[i]!),
        width: Float32Array.from(index, (i) => m.width[i]!),
        dash: Uint8Array.from(index, (i) => m.dash[i]!),
      });
    }
  }

  private readNode(dots: NodeDots, node: NodeSingular, i: number): void {
    const shown = node.visible();
    this.nodeShown[i] = shown ? 1 : 0;
    dots.half[i * 2] = node.outerWidth() / 2;
    dots.half[i * 2 + 1] = node.outerHeight() / 2;
    const style = this.host.style;
    dots.colour[i] = packRgb(style(node, 'background-color').value as Rgb);
    dots.opacity[i] = shown ? node.effectiveOpacity() : 0;
    dots.shape[i] = shapeCode(String(style(node, 'shape').value));
    dots.ring[i] =
      style(node, 'border-width').pfValue >= 3 ? packRgb(style(node, 'border-color').value as Rgb) : 0;
  }

  /**
   * What is under model point (x, y), as cytoscape's own hit test answers it: the topmost node
   * whose shape holds the point (within 2 px, 8 px by touch), and the nearest edge within 8 px
   * (24 px by touch) of it. Node labels do not take events (style.ts), so they are not tested.
   */
  private nearest(x: number, y: number, isTouch: boolean): unknown[] {
    this.sync();
    const model = this.model;
    if (!model) return [];
    const zoom = this.cy.zoom();
    const nodePad = (isTouch ? 8 : 2) / zoom;
    const edgePad = (isTouch ? 24 : 8) / zoom;
    const { xy } = model;
    const near: unknown[] = [];
    for (let i = this.nodes.length - 1; i >= 0; i--) {
      if (!this.nodeShown[i]) continue;
      const hw = model.nodes.half[i * 2]! + nodePad;
      const hh = model.nodes.half[i * 2 + 1]! + nodePad;
      const cx = xy[i * 2]!;
      const cy = xy[i * 2 + 1]!;
      if (Math.abs(x - cx) > hw || Math.abs(y - cy) > hh) continue;
      const node = this.nodes[i]!;
      if (!this.host.shapeHolds(node, x, y, hw * 2, hh * 2, cx, cy)) continue;
      near.push(node);
      break;
    }
    const { source, target, opacity, width } = model;
    let best = -1;
    let bestSq = Infinity;
    for (let j = 0; j < source.length; j++) {
      if (opacity[j]! <= 0) continue;
      const reach = width[j]! / 2 + edgePad;
      const s = source[j]! * 2;
      const t = target[j]! * 2;
      const ax = xy[s]!;
      const ay = xy[s + 1]!;
      const dx = xy[t]! - ax;
      const dy = xy[t + 1]! - ay;
      // A cheap box test first: most edges are nowhere near the pointer.
      if (x < Math.min(ax, ax + dx) - reach || x > Math.max(ax, ax + dx) + reach) continue;
      if (y < Math.min(ay, ay + dy) - reach || y > Math.max(ay, ay + dy) + reach) continue;
      const length = dx * dx + dy * dy;
      const u = length > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length)) : 0;
      const ex = ax + u * dx - x;
      const ey = ay + u * dy - y;
      const sq = ex * ex + ey * ey;
      if (sq <= reach * reach && sq < bestSq) {
        bestSq = sq;
        best = j;
      }
    }
    if (best >= 0) near.push(this.edges[best]!);
    return near;
  }

  private readPositions(): void {
    const xy = this.model!.xy;
    this.nodes.forEach((node, i) => {
      const p = node.position();
      xy[i * 2] = p.x;
      xy[i * 2 + 1] = p.y;
    });
  }

  /** Asks for a picture of the current view; one is drawn at a time, and the newest view wins. */
  private draw(): void {
    if (this.destroyed) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (this.inBatch()) {
      this.schedule(); // again next frame
      return;
    }
    this.sync();
    const pan = this.cy.pan();
    const view: EdgeViewport = {
      panX: pan.x,
      panY: pan.y,
      zoom: this.cy.zoom(),
      width: this.cy.width(),
      height: this.cy.height(),
      pixelRatio: this.pixelRatio,
    };
    if (view.width <= 0 || view.height <= 0) return;
    this.inFlight = true;
    this.worker
      .call('draw', { view, skipEdges: this.skipEdges, skipNodes: this.skipNodes })
      .then((drawn) => this.received(drawn))
      .catch((error: Error) => {
        if (!this.destroyed) console.error(`The edge layer could not draw: ${error.message}`);
      })
      .finally(() => {
        this.inFlight = false;
        if (this.destroyed || !this.again) return;
        this.again = false;
        this.draw();
      });
  }

  private received(drawn: { view: EdgeViewport; bitmap: ImageBitmap; ms: number; lines: number }): void {
    if (this.destroyed) return drawn.bitmap.close();
    this.bitmaps.transferFromImageBitmap(drawn.bitmap);
    this.canvas.style.width = `${drawn.view.width}px`;
    this.canvas.style.height = `${drawn.view.height}px`;
    this.shown = drawn.view;
    this.place();
    this.stats.draws++;
    this.stats.lastMs = drawn.ms;
    this.stats.lines = drawn.lines;
  }

  /** Moves and scales the last picture to where the current view has its edges. */
  private place(): void {
    const shown = this.shown;
    if (!shown) return;
    const pan = this.cy.pan();
    const s = this.cy.zoom() / shown.zoom;
    this.canvas.style.transform = `translate(${pan.x - s * shown.panX}px, ${pan.y - s * shown.panY}px) scale(${s})`;
  }
}
