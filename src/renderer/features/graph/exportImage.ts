// Graph images: PNG (scale 1–4, white or transparent, whole graph or current view) and SVG, with
// an optional caption, legend and list of sources drawn in. The PNG is drawn by cytoscape's own
// renderer strip by strip (each strip drawing only the elements that reach into it), so a graph
// larger than one browser canvas still exports; the strips are compressed in png.worker.ts while
// the next one is drawn. A big graph's straight edges are rasterised on a second thread
// (edges.worker.ts) while the nodes are drawn, and laid under them. Notes are never drawn (they are
// private by default).
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { GraphSource } from '../../../shared/ipc/graph/contract';
import { relationReads } from '../../../shared/vocab';
import type { EdgeStrip, EdgesWorkerRequest, EdgesWorkerResponse } from './edges.worker';
import type { PngWorkerRequest, PngWorkerResponse } from './png.worker';
import { readEdgeLook } from './edgeLayer';
import { newLayerModel, viewLines, type LayerModel } from './edgeView';
import { lineBuffers, type Lines } from './rasterEdges';
import { EDGE_FONT_SIZE, LABEL_FONT, LABEL_FONT_SIZE, LABEL_LINE_HEIGHT, LABEL_MAX_WIDTH, entityStyle, isSymmetric, relationColour } from './style';

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

export interface ExportContext {
  sources: ReadonlyMap<number, GraphSource>;
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

const MARGIN = 24;
const DECOR_FONT = 13;
const DECOR_LINE = 18;
/** Pixels one strip canvas may hold (well under Chromium's 268 M limit, and kind to memory). */
/** Pixels one strip canvas holds when the image is drawn in strips (two strips in flight at most). */
const STRIP_PIXELS = 32_000_000;
const MAX_SIDE = 32_000;
/** Pixels in the buffer straight edges are drawn into before they go onto the canvas. */
const BAND_PIXELS = 4_000_000;

interface Box {
  x1: number;
  y1: number;
  w: number;
  h: number;
}

/** The image plan in unscaled units: where the caption, graph and legend go. */
interface Plan {
  width: number;
  height: number;
  caption: string[];
  graph: { left: number; top: number; box: Box; k: number };
  legend: { entity: string[]; relation: string[]; dashed: boolean; size: string } | null;
  legendTop: number;
  sourceLines: string[];
  sourcesTop: number;
}

let measureCtx: CanvasRenderingContext2D | null = null;
function measure(text: string, font: string): number {
  measureCtx ??= document.createElement('canvas').getContext('2d')!;
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
}

export function wrap(text: string, maxWidth: number, font: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, font) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const decorFont = (weight = 'normal') => `${weight} ${DECOR_FONT}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;

function visibleElements(cy: Core) {
  // A class test each: `.not('.hidden')` matches a selector and takes a collection difference,
  // 0.15 s over 100,000 elements.
  const shown = (ele: { hasClass(name: string): boolean }) => !ele.hasClass('hidden');
  return { nodes: cy.nodes().filter(shown), edges: cy.edges().filter(shown) };
}

function plan(cy: Core, options: ExportOptions, context: ExportContext): Plan {
  const { nodes, edges } = visibleElements(cy);
  let box: Box;
  let k = 1;
  if (options.area === 'view') {
    const e = cy.extent();
    box = { x1: e.x1, y1: e.y1, w: e.w, h: e.h };
    k = cy.zoom();
  } else {
    // Straight edges run centre to centre, inside the nodes' bounds; their own bounds would cost
    // 80,000 edge geometries cytoscape has not worked out (the edge layer draws them on screen).
    const bb = (context.straightEdges ? nodes : nodes.union(edges)).boundingBox({});
    box = nodes.length ? { x1: bb.x1, y1: bb.y1, w: bb.w, h: bb.h } : { x1: 0, y1: 0, w: 200, h: 100 };
  }
  const graphW = box.w * k;
  const graphH = box.h * k;
  const width = Math.ceil(Math.max(graphW, 480) + MARGIN * 2);
  const textWidth = width - MARGIN * 2;
  const caption = options.caption.trim() ? wrap(options.caption.trim(), textWidth, decorFont('600')) : [];
  const top = MARGIN + (caption.length ? caption.length * DECOR_LINE + 10 : 0);
  let y = top + graphH + 16;
  let legend: Plan['legend'] = null;
  const legendTop = y;
  if (options.legend) {
    const entityTypes = [...new Set(nodes.map((n) => String(n.data('type'))))].sort();
    const relationTypes = [...new Set(edges.map((e) => String(e.data('type'))))].sort();
    const dashed = edges.some((e) => (e as EdgeSingular).hasClass('single'));
    legend = { entity: entityTypes, relation: relationTypes, dashed, size: options.sizeMeaning };
    y += legendHeight(legend, textWidth) + 10;
  }
  const sourcesTop = y;
  let sourceLines: string[] = [];
  if (options.sources) {
    const ids = new Set<number>();
    edges.forEach((e) => {
      for (const id of e.data('sources') as number[]) ids.add(id);
    });
    const cited = [...ids].map((id) => context.sources.get(id)).filter((s): s is GraphSource => !!s);
    sourceLines = ['Sources:'];
    cited.slice(0, 60).forEach((s, i) => {
      const detail = [s.publisher, s.publishedOn].filter(Boolean).join(', ');
      sourceLines.push(...wrap(`${i + 1}. ${s.title}${detail ? ` — ${detail}` : ''} (reliability ${s.reliability})`, textWidth, decorFont()));
    });
    if (cited.length > 60) sourceLines.push(`…and ${cited.length - 60} more`);
    if (!cited.length) sourceLines.push('No relation drawn here cites a source.');
    y += sourceLines.length * DECOR_LINE + 6;
  }
  return {
    width,
    height: Math.ceil(y + MARGIN - 16),
    caption,
    graph: { left: MARGIN + Math.max(0, (textWidth - graphW) / 2), top, box, k },
    legend,
    legendTop,
    sourceLines,
    sourcesTop,
  };
}

interface LegendItem {
  kind: 'entity' | 'relation' | 'dashed' | 'size';
  key: string;
  text: string;
}

function legendItems(legend: NonNullable<Plan['legend']>): LegendItem[] {
  const items: LegendItem[] = legend.entity.map((t) => ({ kind: 'entity', key: t, text: entityStyle(t).plural }));
  for (const t of legend.relation) items.push({ kind: 'relation', key: t, text: relationReads(t) });
  if (legend.dashed) items.push({ kind: 'dashed', key: '', text: 'dashed: one source only' });
  items.push({ kind: 'size', key: '', text: `node size: ${legend.size}` });
  return items;
}

function layoutLegend(legend: NonNullable<Plan['legend']>, width: number): { item: LegendItem; x: number; y: number }[] {
  const out: { item: LegendItem; x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  for (const item of legendItems(legend)) {
    const w = 34 + measure(item.text, decorFont()) + 18;
    if (x > 0 && x + w > width) {
      x = 0;
      y += DECOR_LINE + 4;
    }
    out.push({ item, x, y });
    x += w;
  }
  return out;
}

function legendHeight(legend: NonNullable<Plan['legend']>, width: number): number {
  const placed = layoutLegend(legend, width);
  return (placed.at(-1)?.y ?? 0) + DECOR_LINE + 4;
}

function drawShape(ctx: CanvasRenderingContext2D, shape: string, x: number, y: number, r: number): void {
  ctx.beginPath();
  if (shape === 'ellipse') ctx.arc(x, y, r, 0, Math.PI * 2);
  else if (shape === 'diamond') {
    ctx.moveTo(x, y - r);
    ctx.lineTo(x + r, y);
    ctx.lineTo(x, y + r);
    ctx.lineTo(x - r, y);
    ctx.closePath();
  } else if (shape === 'hexagon') {
    for (let i = 0; i < 6; i++) {
      const a = (Math.PI / 3) * i;
      ctx[i ? 'lineTo' : 'moveTo'](x + r * Math.cos(a), y + r * Math.sin(a));
    }
    ctx.closePath();
  } else ctx.roundRect(x - r, y - r, r * 2, r * 2, r / 3);
  ctx.fill();
}

function drawDecor(ctx: CanvasRenderingContext2D, p: Plan): void {
  ctx.fillStyle = '#1d2430';
  ctx.textBaseline = 'middle';
  ctx.font = decorFont('600');
  p.caption.forEach((line, i) => ctx.fillText(line, MARGIN, MARGIN + i * DECOR_LINE + DECOR_LINE / 2));
  ctx.font = decorFont();
  if (p.legend) {
    for (const { item, x, y } of layoutLegend(p.legend, p.width - MARGIN * 2)) {
      const cx = MARGIN + x;
      const cy = p.legendTop + y + DECOR_LINE / 2;
      if (item.kind === 'entity') {
        ctx.fillStyle = entityStyle(item.key).colour;
        drawShape(ctx, entityStyle(item.key).shape, cx + 12, cy, 7);
      } else if (item.kind === 'size') {
        ctx.fillStyle = '#5c6677';
        drawShape(ctx, 'ellipse', cx + 6, cy, 4);
        drawShape(ctx, 'ellipse', cx + 20, cy, 8);
      } else {
        ctx.strokeStyle = item.kind === 'dashed' ? '#5c6677' : relationColour(item.key);
        ctx.lineWidth = 2;
        ctx.setLineDash(item.kind === 'dashed' ? [6, 4] : []);
        ctx.beginPath();
        ctx.moveTo(cx, cy);
        ctx.lineTo(cx + 28, cy);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = '#1d2430';
      ctx.fillText(item.text, cx + 34, cy);
    }
  }
  p.sourceLines.forEach((line, i) => {
    ctx.font = decorFont(i === 0 ? '600' : 'normal');
    ctx.fillText(line, MARGIN, p.sourcesTop + i * DECOR_LINE + DECOR_LINE / 2);
  });
}

interface CanvasRendererInternals {
  drawElements(ctx: CanvasRenderingContext2D, eles: ArrayLike<unknown>): void;
  getCachedZSortedEles(): ArrayLike<ElementSingularLike>;
  eleTextBiggerThanMin(ele: unknown, scale?: number): boolean;
}

interface ElementSingularLike {
  visible(): boolean;
  boundingBox(): { x1: number; y1: number; x2: number; y2: number; w: number; h: number };
}

/** The drawn elements in z order with their model-space vertical extent, for culling by strip. */
interface DrawList {
  eles: ElementSingularLike[];
  y1: Float64Array;
  y2: Float64Array;
  /** With straight edges: the edges as lines in image pixels (and `eles` holds the nodes only). */
  lines: Lines | null;
}

interface EdgeStyleLike {
  isEdge(): boolean;
  pstyle(name: string): { value: unknown; pfValue: number; strValue: string };
}

/**
 * An edge's ends as drawn. Haystack edges (big graphs) run centre to centre, and as the edge layer
 * draws them on screen (edgeLayer.ts) cytoscape may never have worked out their endpoints.
 */
function edgeEnds(edge: EdgeSingular): [{ x: number; y: number }, { x: number; y: number }] {
  if ((edge as unknown as EdgeStyleLike).pstyle('curve-style').strValue === 'haystack')
    return [edge.source().position(), edge.target().position()];
  return [edge.sourceEndpoint(), edge.targetEndpoint()];
}

/**
 * A big graph's edges as the edge layer holds them, read from cytoscape: when there is no layer
 * (WebGL), or a layout still holds a batch open. Each edge gets its own two points (its ends).
 */
function readEdgeModel(edges: EdgeSingular[]): LayerModel {
  const model = newLayerModel(edges.length * 2, edges.length);
  edges.forEach((edge, i) => {
    const [s, t] = edgeEnds(edge);
    model.xy.set([s.x, s.y, t.x, t.y], i * 4);
    model.source[i] = i * 2;
    model.target[i] = i * 2 + 1;
    readEdgeLook(model, i, edge);
  });
  return model;
}

function drawList(cy: Core, p: Plan, scale: number, context: ExportContext): DrawList {
  const renderer = (cy as unknown as { renderer(): CanvasRendererInternals }).renderer();
  const all = renderer.getCachedZSortedEles();
  const eles: ElementSingularLike[] = [];
  const { box, k, left, top } = p.graph;
  let lines: Lines | null = null;
  if (context.straightEdges) {
    // Image pixel = model coordinate × k × scale + offset: the layer's own view of the graph, with
    // its dashes shown at any size.
    const model = context.edgeModel ?? readEdgeModel(cy.edges().toArray());
    const view = { zoom: k * scale, panX: (left - box.x1 * k) * scale, panY: (top - box.y1 * k) * scale, width: 0, height: 0, pixelRatio: 1 };
    lines = viewLines(model, view, undefined, true);
  }
  for (let i = 0; i < all.length; i++) {
    const ele = all[i]!;
    if (lines && (ele as unknown as EdgeStyleLike).isEdge()) continue; // drawn from the lines
    if (ele.visible()) eles.push(ele);
  }
  const y1 = new Float64Array(eles.length);
  const y2 = new Float64Array(eles.length);
  eles.forEach((ele, i) => {
    const bb = ele.boundingBox(); // cached by cytoscape; includes labels and arrows
    y1[i] = bb.y1;
    y2[i] = bb.y2;
  });
  return { eles, y1, y2, lines };
}

/**
 * Draws strip [top, top + height) of the image into ctx (image pixels): the decorations, then the
 * graph's elements that reach into the strip, with cytoscape's own renderer. Straight edges are
 * rasterised meanwhile on the edge thread and laid under everything drawn (destination-over), so
 * the result is as if they had been drawn first, and the two cores share the work.
 */
async function drawStrip(
  cy: Core,
  ctx: CanvasRenderingContext2D,
  p: Plan,
  options: ExportOptions,
  list: DrawList,
  top: number,
  width: number,
  height: number,
  phases: Phases,
  edges: EdgeRasterClient | null,
): Promise<void> {
  const s = options.scale;
  const { box, k, left } = p.graph;
  let t = performance.now();
  const edgeBands = edges
    ? edges.strip({
        top,
        height,
        width,
        bandRows: Math.max(1, Math.min(height, Math.floor(BAND_PIXELS / width))),
        background: options.background === 'white' ? 0xffffffff : 0,
        clip: { x1: left * s, y1: p.graph.top * s, x2: (left + box.w * k) * s, y2: (p.graph.top + box.h * k) * s },
      })
    : null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (top > 0) ctx.clearRect(0, 0, width, height); // the first strip is a fresh, clear canvas
  if (options.background === 'white' && !edgeBands) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
  }
  ctx.setTransform(s, 0, 0, s, 0, -top);
  drawDecor(ctx, p);
  t = lap(phases, 'background', t);
  // The strip's rows in model coordinates.
  const modelTop = box.y1 + (top / s - p.graph.top) / k;
  const modelBottom = box.y1 + ((top + height) / s - p.graph.top) / k;
  if (modelBottom >= box.y1 && modelTop <= box.y1 + box.h) {
    const inStrip: ElementSingularLike[] = [];
    for (let i = 0; i < list.eles.length; i++) if (list.y2[i]! >= modelTop && list.y1[i]! <= modelBottom) inStrip.push(list.eles[i]!);
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, p.graph.top, box.w * k, box.h * k);
    ctx.clip();
    ctx.translate(left - box.x1 * k, p.graph.top - box.y1 * k);
    ctx.scale(k, k);
    try {
      (cy as unknown as { renderer(): CanvasRendererInternals }).renderer().drawElements(ctx, inStrip);
    } finally {
      ctx.restore();
      t = lap(phases, 'elements', t);
    }
  }
  if (!edgeBands) return;
  const { bands, ms, rasterMs } = await edgeBands;
  t = lap(phases, 'edges', t); // waiting for the edge thread
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = 'destination-over';
  for (const band of bands) {
    ctx.drawImage(band.bitmap, 0, band.y);
    band.bitmap.close();
  }
  ctx.restore();
  lap(phases, 'underlay', t); // laying its bands under what was drawn
  phases.edgeThread = (phases.edgeThread ?? 0) + ms;
  phases.edgeRaster = (phases.edgeRaster ?? 0) + rasterMs;
}

/**
 * The edge thread, started when a big graph is drawn and kept for later exports: a worker takes up
 * to a second to start on a busy machine, and idle it holds nothing.
 */
let edgeThread: Worker | null = null;
let nextStripId = 0;

/** Starts the edge thread ahead of an export, so the export does not wait for it. */
export function prewarmEdgeThread(): void {
  edgeThread ??= new Worker(new URL('./edges.worker.ts', import.meta.url), { type: 'module' });
}

/** The edge thread (edges.worker.ts): the lines once, then a strip at a time. */
class EdgeRasterClient {
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { bands: { y: number; bitmap: ImageBitmap }[]; done: (ms: number, rasterMs: number) => void }
  >();
  private failure: ((error: Error) => void)[] = [];
  private failed = false;
  /**
   * Settles once the thread has started and holds the lines. Starting a worker needs this thread's
   * event loop, so the export waits for it before drawing synchronously, or the edges would only
   * begin once the nodes were done.
   */
  readonly ready: Promise<void>;
  private isReady: () => void = () => undefined;

  constructor(lines: Lines) {
    prewarmEdgeThread();
    this.worker = edgeThread!;
    this.ready = new Promise<void>((resolve, reject) => {
      this.isReady = resolve;
      this.failure.push(reject);
    });
    this.worker.onmessage = (event: MessageEvent<EdgesWorkerResponse>) => {
      const message = event.data;
      if (message.kind === 'ready') this.isReady();
      else if (message.kind === 'band') {
        const strip = this.pending.get(message.id);
        if (strip) strip.bands.push(...message.slices);
        else for (const slice of message.slices) slice.bitmap.close(); // an abandoned export's
      } else if (message.kind === 'strip-done') this.pending.get(message.id)?.done(message.ms, message.rasterMs);
      else this.fail(new Error(message.message));
    };
    this.worker.onerror = (event) => this.fail(new Error(event.message || 'The edge drawing thread stopped.'));
    this.post({ kind: 'lines', lines }, lineBuffers(lines));
  }

  private post(message: EdgesWorkerRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private fail(error: Error): void {
    this.failed = true;
    for (const reject of this.failure.splice(0)) reject(error);
  }

  /** A strip's edges as bitmaps of a few rows each, with the thread's milliseconds (all, and drawing lines). */
  strip(strip: Omit<EdgeStrip, 'id'>): Promise<{ bands: { y: number; bitmap: ImageBitmap }[]; ms: number; rasterMs: number }> {
    const id = nextStripId++;
    return new Promise((resolve, reject) => {
      const entry = {
        bands: [] as { y: number; bitmap: ImageBitmap }[],
        done: (ms: number, rasterMs: number) => {
          this.pending.delete(id);
          resolve({ bands: entry.bands, ms, rasterMs });
        },
      };
      this.pending.set(id, entry);
      this.failure.push(reject);
      this.post({ kind: 'strip', id, ...strip });
    });
  }

  /** Lets the thread drop the lines and its band; a thread that failed is stopped (the next export starts another). */
  dispose(): void {
    for (const { bands } of this.pending.values()) for (const band of bands) band.bitmap.close();
    this.pending.clear();
    if (this.failed) {
      this.worker.terminate();
      if (edgeThread === this.worker) edgeThread = null;
    } else this.post({ kind: 'release' });
  }
}

/** Milliseconds spent in each part of an export, for the benchmarks. */
type Phases = Record<string, number>;

function lap(phases: Phases, name: string, since: number): number {
  const now = performance.now();
  phases[name] = (phases[name] ?? 0) + now - since;
  return now;
}

/**
 * Whole-graph images show labels as they read at 100%, whatever the zoom on screen: cytoscape
 * hides small text by the live zoom, so its test is answered at zoom 1 for the export's duration
 * (instead of moving the viewport, which would redraw the whole graph on screen between strips).
 */
function withLabelsAt100<T>(cy: Core, options: ExportOptions, run: () => Promise<T>): Promise<T> {
  if (options.area !== 'full') return run();
  const renderer = (cy as unknown as { renderer(): CanvasRendererInternals & Record<string, unknown> }).renderer();
  const own = Object.prototype.hasOwnProperty.call(renderer, 'eleTextBiggerThanMin');
  const original = renderer.eleTextBiggerThanMin;
  renderer.eleTextBiggerThanMin = function (ele: unknown, scale?: number) {
    return original.call(this, ele, scale ?? 1);
  };
  return run().finally(() => {
    if (own) renderer.eleTextBiggerThanMin = original;
    else delete (renderer as Partial<CanvasRendererInternals>).eleTextBiggerThanMin;
  });
}

/**
 * Runs `draw` with cytoscape's per-draw restyle of nodes held off. Cytoscape 3.34's drawNode sets a
 * node's :backgrounding state twice per call (its two background-image passes disagree when a node
 * has no image) and restyles the node whenever it changes: for a big graph's export, 20,000 style
 * passes and as many 'style' events (~2 s, and the edge layer re-reading every node). Our stylesheet
 * has no background images and no :backgrounding selector, so the state is pinned while drawing.
 */
async function withoutBackgroundingRestyles<T>(cy: Core, draw: () => Promise<T>): Promise<T> {
  const pinned = cy.nodes().map((node) => {
    const scratch = (node as unknown as { _private: Record<string, unknown> })._private;
    const value = scratch.backgrounding;
    Object.defineProperty(scratch, 'backgrounding', { get: () => value, set: () => undefined, configurable: true });
    return { scratch, value };
  });
  try {
    return await draw();
  } finally {
    for (const { scratch, value } of pinned)
      Object.defineProperty(scratch, 'backgrounding', { value, writable: true, enumerable: true, configurable: true });
  }
}

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

/**
 * The largest canvas drawn in one piece and encoded by the browser's own PNG encoder (several
 * times faster than zlib through CompressionStream). Chromium allows 268 M pixels and 32,767 px a
 * side, but a canvas that size takes a gigabyte, twice over while encoding; past 100 M pixels the
 * image is drawn in strips and streamed through png.worker.ts instead.
 */
const ONE_CANVAS_PIXELS = 100_000_000;
const ONE_CANVAS_SIDE = 32_000;

/** The encoder thread, with at most two strips queued so memory stays bounded. */
class PngEncoderClient {
  private readonly worker = new Worker(new URL('./png.worker.ts', import.meta.url), { type: 'module' });
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private done: Promise<Blob>;
  private failed: Error | null = null;

  constructor(width: number, height: number, alpha: boolean) {
    this.done = new Promise<Blob>((resolve, reject) => {
      this.worker.onmessage = (event: MessageEvent<PngWorkerResponse>) => {
        const message = event.data;
        if (message.kind === 'rows-done') {
          this.inFlight--;
          this.waiters.shift()?.();
        } else if (message.kind === 'done') resolve(message.blob);
        else this.fail(new Error(message.message), reject);
      };
      this.worker.onerror = (event) => this.fail(new Error(event.message || 'The image encoder stopped.'), reject);
    });
    this.done.catch(() => undefined);
    this.post({ kind: 'start', width, height, alpha });
  }

  private fail(error: Error, reject: (e: Error) => void): void {
    this.failed = error;
    for (const wake of this.waiters.splice(0)) wake();
    reject(error);
  }

  private post(message: PngWorkerRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  async rows(rgba: Uint8ClampedArray): Promise<void> {
    while (this.inFlight >= 2 && !this.failed) await new Promise<void>((wake) => this.waiters.push(wake));
    if (this.failed) throw this.failed;
    this.inFlight++;
    this.post({ kind: 'rows', rgba }, [rgba.buffer]);
  }

  async finish(): Promise<Blob> {
    try {
      if (this.failed) throw this.failed;
      this.post({ kind: 'finish' });
      return await this.done;
    } finally {
      this.worker.terminate();
    }
  }

  dispose(): void {
    this.worker.terminate();
  }
}

export async function exportPng(cy: Core, options: ExportOptions, context: ExportContext): Promise<PngResult> {
  const phases: Phases = {};
  const t = performance.now();
  const p = plan(cy, options, context);
  let scale = options.scale;
  // An image wider than any canvas is drawn at the largest scale that fits.
  if (p.width * scale > MAX_SIDE) scale = MAX_SIDE / p.width;
  const opts = { ...options, scale };
  const width = Math.max(1, Math.round(p.width * scale));
  const height = Math.max(1, Math.round(p.height * scale));
  const oneCanvas = width * height <= ONE_CANVAS_PIXELS && width <= ONE_CANVAS_SIDE && height <= ONE_CANVAS_SIDE;
  const stripHeight = oneCanvas ? height : Math.max(1, Math.min(height, Math.floor(STRIP_PIXELS / width)));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = stripHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: stripHeight < height })!;
  let t2 = lap(phases, 'plan', t);
  const list = drawList(cy, p, scale, context);
  t2 = lap(phases, 'drawList', t2);
  const edges = list.lines ? new EdgeRasterClient(list.lines) : null;
  try {
    await edges?.ready;
    lap(phases, 'edgeThreadStart', t2);
  } catch (error) {
    edges?.dispose();
    throw error;
  }
  return withLabelsAt100(cy, opts, () =>
    withoutBackgroundingRestyles(cy, async () => {
    const started = performance.now();
    if (stripHeight >= height) {
      await drawStrip(cy, ctx, p, opts, list, 0, width, height, phases, edges);
      const drawn = performance.now();
      const blob = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the image.'))), 'image/png'),
      );
      canvas.width = canvas.height = 0; // let the memory go now, not at the next collection
      lap(phases, 'encode', drawn);
      return { blob, width, height, strips: 1, drawMs: drawn - started, encodeMs: performance.now() - drawn, phases };
    }
    const encoder = new PngEncoderClient(width, height, options.background !== 'white');
    try {
      let strips = 0;
      let drawMs = 0;
      for (let top = 0; top < height; top += stripHeight) {
        const h = Math.min(stripHeight, height - top);
        const t0 = performance.now();
        await drawStrip(cy, ctx, p, opts, list, top, width, stripHeight, phases, edges);
        const t1 = performance.now();
        const rows = ctx.getImageData(0, 0, width, h).data;
        lap(phases, 'read', t1);
        drawMs += performance.now() - t0;
        await encoder.rows(rows);
        strips++;
      }
      const blob = await encoder.finish();
      canvas.width = canvas.height = 0;
      const encodeMs = performance.now() - started - drawMs;
      phases.encode = encodeMs; // the compressing not hidden behind the drawing
      return { blob, width, height, strips, drawMs, encodeMs, phases };
    } finally {
      encoder.dispose();
    }
  })).finally(() => edges?.dispose());
}

// ---- SVG ----------------------------------------------------------------------------------------

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => (Math.round(n * 100) / 100).toString();

function svgShape(shape: string, x: number, y: number, r: number, fill: string, extra = ''): string {
  if (shape === 'ellipse') return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="${fill}"${extra}/>`;
  let points: [number, number][];
  if (shape === 'diamond') points = [[x, y - r], [x + r, y], [x, y + r], [x - r, y]];
  else if (shape === 'hexagon') points = [0, 1, 2, 3, 4, 5].map((i) => [x + r * Math.cos((Math.PI / 3) * i), y + r * Math.sin((Math.PI / 3) * i)]);
  else return `<rect x="${num(x - r)}" y="${num(y - r)}" width="${num(2 * r)}" height="${num(2 * r)}" rx="${num(r / 3)}" fill="${fill}"${extra}/>`;
  return `<polygon points="${points.map(([a, b]) => `${num(a)},${num(b)}`).join(' ')}" fill="${fill}"${extra}/>`;
}

function svgEdge(edge: EdgeSingular): string {
  const [s, t] = edgeEnds(edge);
  const colour = String(edge.data('colour'));
  const cps = (edge.controlPoints() as { x: number; y: number }[] | undefined) ?? [];
  const d = cps.length === 1 ? `M${num(s.x)},${num(s.y)} Q${num(cps[0]!.x)},${num(cps[0]!.y)} ${num(t.x)},${num(t.y)}` : `M${num(s.x)},${num(s.y)} L${num(t.x)},${num(t.y)}`;
  const dash = edge.hasClass('single') ? ' stroke-dasharray="6 4"' : edge.hasClass('loop') ? ' stroke-dasharray="2 3"' : '';
  const arrow = isSymmetric(String(edge.data('type'))) ? '' : ` marker-end="url(#arrow-${colour.slice(1)})"`;
  let out = `<path d="${d}" fill="none" stroke="${colour}" stroke-width="1.6"${dash}${arrow}/>`;
  const label = String(edge.data('label') ?? '');
  if (label) {
    const m = edge.midpoint();
    let angle = (Math.atan2(t.y - s.y, t.x - s.x) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle < -90) angle += 180;
    out += `<text x="${num(m.x)}" y="${num(m.y)}" transform="rotate(${num(angle)} ${num(m.x)} ${num(m.y)})" font-size="${EDGE_FONT_SIZE}" text-anchor="middle" dominant-baseline="middle" fill="#3a4352" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(label)}</text>`;
  }
  return out;
}

function svgNode(node: NodeSingular): string {
  const { x, y } = node.position();
  const size = Number(node.data('size'));
  const style = entityStyle(String(node.data('type')));
  let out = svgShape(style.shape, x, y, size / 2, style.colour, ' stroke="#ffffff"');
  const lines = wrap(String(node.data('label')), LABEL_MAX_WIDTH, LABEL_FONT);
  const top = y + size / 2 + 3 + LABEL_FONT_SIZE;
  out += `<text font-size="${LABEL_FONT_SIZE}" text-anchor="middle" fill="#1d2430" stroke="#ffffff" stroke-width="3" paint-order="stroke">`;
  lines.forEach((line, i) => (out += `<tspan x="${num(x)}" y="${num(top + i * LABEL_LINE_HEIGHT)}">${esc(line)}</tspan>`));
  return `${out}</text>`;
}

export function exportSvg(cy: Core, options: ExportOptions, context: ExportContext): string {
  const p = plan(cy, { ...options, scale: 1 }, context);
  const { nodes, edges } = visibleElements(cy);
  const colours = [...new Set(edges.map((e) => String(e.data('colour'))))];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}" viewBox="0 0 ${p.width} ${p.height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif">`,
    '<defs>',
    ...colours.map(
      (c) => `<marker id="arrow-${c.slice(1)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
    ),
    '</defs>',
  ];
  if (options.background === 'white') parts.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  p.caption.forEach((line, i) =>
    parts.push(`<text x="${MARGIN}" y="${MARGIN + i * DECOR_LINE + DECOR_FONT}" font-size="${DECOR_FONT}" font-weight="600" fill="#1d2430">${esc(line)}</text>`),
  );
  const { box, k, left, top } = p.graph;
  parts.push(`<svg x="${num(left)}" y="${num(top)}" width="${num(box.w * k)}" height="${num(box.h * k)}" viewBox="${num(box.x1)} ${num(box.y1)} ${num(box.w)} ${num(box.h)}" overflow="hidden"><g>`);
  edges.forEach((e) => void parts.push(svgEdge(e)));
  nodes.forEach((n) => void parts.push(svgNode(n)));
  parts.push('</g></svg>');
  if (p.legend) {
    for (const { item, x, y } of layoutLegend(p.legend, p.width - MARGIN * 2)) {
      const cx = MARGIN + x;
      const cy = p.legendTop + y + DECOR_LINE / 2;
      if (item.kind === 'entity') parts.push(svgShape(entityStyle(item.key).shape, cx + 12, cy, 7, entityStyle(item.key).colour));
      else if (item.kind === 'size') parts.push(svgShape('ellipse', cx + 6, cy, 4, '#5c6677') + svgShape('ellipse', cx + 20, cy, 8, '#5c6677'));
      else {
        const colour = item.kind === 'dashed' ? '#5c6677' : relationColour(item.key);
        parts.push(`<line x1="${cx}" y1="${cy}" x2="${cx + 28}" y2="${cy}" stroke="${colour}" stroke-width="2"${item.kind === 'dashed' ? ' stroke-dasharray="6 4"' : ''}/>`);
      }
      parts.push(`<text x="${num(cx + 34)}" y="${num(cy)}" font-size="${DECOR_FONT}" dominant-baseline="middle" fill="#1d2430">${esc(item.text)}</text>`);
    }
  }
  p.sourceLines.forEach((line, i) =>
    parts.push(`<text x="${MARGIN}" y="${p.sourcesTop + i * DECOR_LINE + DECOR_FONT}" font-size="${DECOR_FONT}"${i === 0 ? ' font-weight="600"' : ''} fill="#1d2430">${esc(line)}</text>`),
  );
  parts.push('</svg>');
  return parts.join('\n');
}
