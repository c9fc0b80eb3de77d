// Graph images as PNG (scale 1–4, white or transparent, whole graph or current view), with an
// optional caption, legend and list of sources drawn in. The image is drawn by cytoscape's own
// renderer strip by strip (each strip drawing only the elements that reach into it), so a graph
// larger than one browser canvas still exports; the strips are compressed in png.worker.ts while
// the next one is drawn. A big graph's straight edges are rasterised on a second thread
// (edges.worker.ts) while the nodes are drawn, and laid under them. Notes are never drawn (they are
// private by default).
import type { Core, EdgeSingular } from 'cytoscape';
import { readEdgeLook } from '../bigGraph/edgeLook';
import { newLayerModel, viewLines, type LayerModel } from '../bigGraph/edgeView';
import { lineBuffers, type Lines } from '../bigGraph/rasterEdges';
import type { Rpc } from '../model/rpc';
import type { EdgesWorkerApi, EdgeStrip, StripEdges } from './edges.worker';
import { drawDecor, plan, type Plan } from './plan';
import type { PngWorkerApi } from './png.worker';
import type { ElementLike, ExportContext, ExportHost, ExportOptions, Phases, PngResult } from './types';

/** Pixels one strip canvas holds when the image is drawn in strips (two strips in flight at most). */
const STRIP_PIXELS = 32_000_000;
const MAX_SIDE = 32_000;
/** Pixels in the buffer straight edges are drawn into before they go onto the canvas. */
const BAND_PIXELS = 4_000_000;

/** The drawn elements in z order with their model-space vertical extent, for culling by strip. */
interface DrawList {
  eles: ElementLike[];
  y1: Float64Array;
  y2: Float64Array;
  /** With straight edges: the edges as lines in image pixels (and `eles` holds the nodes only). */
  lines: Lines | null;
}

/**
 * An edge's ends as drawn. Haystack edges (big graphs) run centre to centre, and as the edge layer
 * draws them on screen (edgeLayer.ts) cytoscape may never have worked out their endpoints.
 */
export function edgeEnds(
  edge: EdgeSingular,
  host: Pick<ExportHost, 'style'>,
): [{ x: number; y: number }, { x: number; y: number }] {
  if (host.style(edge, 'curve-style').strValue === 'haystack')
    return [edge.source().position(), edge.target().position()];
  return [edge.sourceEndpoint(), edge.targetEndpoint()];
}

/**
 * A big graph's edges as the edge layer holds them, read from cytoscape: when there is no layer
 * (WebGL), or a layout still holds a batch open. Each edge gets its own two points (its ends).
 */
function readEdgeModel(edges: EdgeSingular[], host: ExportHost): LayerModel {
  const model = newLayerModel(edges.length * 2, edges.length);
  edges.forEach((edge, i) => {
    const [s, t] = edgeEnds(edge, host);
    model.xy.set([s.x, s.y, t.x, t.y], i * 4);
    model.source[i] = i * 2;
    model.target[i] = i * 2 + 1;
    readEdgeLook(model, i, edge, host.style);
  });
  return model;
}

function drawList(cy: Core, p: Plan, scale: number, context: ExportContext): DrawList {
  const all = context.host.zSortedElements();
  const eles: ElementLike[] = [];
  const { box, k, left, top } = p.graph;
  let lines: Lines | null = null;
  if (context.straightEdges) {
    // Image pixel = model coordinate × k × scale + offset: the layer's own view of the graph, with
    // its dashes shown at any size.
    const model = context.edgeModel ?? readEdgeModel(cy.edges().toArray(), context.host);
    const view = {
      zoom: k * scale,
      panX: (left - box.x1 * k) * scale,
      panY: (top - box.y1 * k) * scale,
      width: 0,
      height: 0,
      pixelRatio: 1,
    };
    lines = viewLines(model, view, undefined, true);
  }
  for (let i = 0; i < all.length; i++) {
    const ele = all[i]!;
    if (lines && ele.isEdge()) continue; // drawn from the lines
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
  host: ExportHost,
  ctx: CanvasRenderingContext2D,
  p: Plan,
  options: ExportOptions,
  list: DrawList,
  top: number,
  width: number,
  height: number,
  phases: Phases,
  edges: EdgeRaster | null,
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
        clip: {
          x1: left * s,
          y1: p.graph.top * s,
          x2: (left + box.w * k) * s,
          y2: (p.graph.top + box.h * k) * s,
        },
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
    const inStrip: ElementLike[] = [];
    for (let i = 0; i < list.eles.length; i++)
      if (list.y2[i]! >= modelTop && list.y1[i]! <= modelBottom) inStrip.push(list.eles[i]!);
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, p.graph.top, box.w * k, box.h * k);
    ctx.clip();
    ctx.translate(left - box.x1 * k, p.graph.top - box.y1 * k);
    ctx.scale(k, k);
    try {
      host.drawElements(ctx, inStrip);
    } finally {
      ctx.restore();
      t = lap(phases, 'elements', t);
    }
  }
  if (!edgeBands) return;
  const { slices: bands, ms, rasterMs } = await edgeBands;
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

function lap(phases: Phases, name: string, since: number): number {
  const now = performance.now();
  phases[name] = (phases[name] ?? 0) + now - since;
  return now;
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
class PngEncoder {
  private readonly queued: Promise<unknown>[] = [];

  constructor(
    private readonly worker: Rpc<PngWorkerApi>,
    width: number,
    height: number,
    alpha: boolean,
  ) {
    this.queue(worker.call('start', { width, height, alpha }));
  }

  private queue(done: Promise<unknown>): void {
    done.catch(() => undefined); // awaited in turn below
    this.queued.push(done);
  }

  async rows(rgba: Uint8ClampedArray): Promise<void> {
    while (this.queued.length >= 2) await this.queued.shift();
    this.queue(this.worker.call('rows', rgba, [rgba.buffer]));
  }

  async finish(): Promise<Blob> {
    for (const done of this.queued.splice(0)) await done;
    return this.worker.call('finish', undefined);
  }

  dispose(): void {
    this.worker.dispose();
  }
}

/**
 * The edge thread for one export: the lines once, then a strip at a time. Settling `ready` means
 * the thread holds the lines: starting a worker needs this thread's event loop, so the export
 * waits for it before drawing synchronously, or the edges would only begin once the nodes were done.
 */
class EdgeRaster {
  readonly ready: Promise<void>;
  private failed = false;
  private readonly unread = new Set<Promise<StripEdges>>();

  constructor(
    private readonly thread: Rpc<EdgesWorkerApi>,
    lines: Lines,
  ) {
    this.ready = this.guard(thread.call('lines', lines, lineBuffers(lines)));
  }

  private guard<T>(done: Promise<T>): Promise<T> {
    return done.catch((error: Error) => {
      this.failed = true;
      throw error;
    });
  }

  /** A strip's edges as bitmaps of a few rows each, with the thread's milliseconds (all, and drawing lines). */
  strip(strip: EdgeStrip): Promise<StripEdges> {
    const done = this.guard(this.thread.call('strip', strip));
    this.unread.add(done);
    done.catch(() => undefined);
    return done.then((edges) => {
      this.unread.delete(done);
      return edges;
    });
  }

  /** Lets the thread drop the lines; a thread that failed is stopped (the next export starts another). */
  dispose(): void {
    for (const done of this.unread) void done.then((edges) => edges.slices.forEach((s) => s.bitmap.close()));
    if (this.failed) this.thread.dispose();
    else this.thread.notify('release', undefined);
  }
}

export async function exportPng(
  cy: Core,
  options: ExportOptions,
  context: ExportContext,
): Promise<PngResult> {
  const phases: Phases = {};
  const t = performance.now();
  const p = plan(cy, options, context);
  let scale = options.scale;
  // An image wider than any canvas is drawn at the largest scale that fits.
  if (p.width * scale > MAX_SIDE) scale = MAX_SIDE / p.width;
  const opts = { ...options, scale };
  const width = Math.max(1, Math.round(p.width * scale));
  const height = Math.max(1, Math.round(p.height * scale));
  const oneCanvas =
    width * height <= ONE_CANVAS_PIXELS && width <= ONE_CANVAS_SIDE && height <= ONE_CANVAS_SIDE;
  const stripHeight = oneCanvas ? height : Math.max(1, Math.min(height, Math.floor(STRIP_PIXELS / width)));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = stripHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: stripHeight < height })!;
  let t2 = lap(phases, 'plan', t);
  const list = drawList(cy, p, scale, context);
  t2 = lap(phases, 'drawList', t2);
  const edges = list.lines && context.edgeThread ? new EdgeRaster(context.edgeThread(), list.lines) : null;
  try {
    await edges?.ready;
    lap(phases, 'edgeThreadStart', t2);
  } catch (error) {
    edges?.dispose();
    throw error;
  }
  const { host } = context;
  const labelled = <T>(draw: () => Promise<T>) =>
    options.area === 'full' ? host.withLabelsAt100(draw) : draw();
  return labelled(() =>
    host.withoutBackgroundingRestyles(async () => {
      const started = performance.now();
      if (stripHeight >= height) {
        await drawStrip(host, ctx, p, opts, list, 0, width, height, phases, edges);
        const drawn = performance.now();
        const blob = await new Promise<Blob>((resolve, reject) =>
          canvas.toBlob(
            (b) => (b ? resolve(b) : reject(new Error('The browser could not encode the image.'))),
            'image/png',
          ),
        );
        canvas.width = canvas.height = 0; // let the memory go now, not at the next collection
        lap(phases, 'encode', drawn);
        return {
          blob,
          width,
          height,
          strips: 1,
          drawMs: drawn - started,
          encodeMs: performance.now() - drawn,
          phases,
        };
      }
      const encoder = new PngEncoder(context.pngEncoder(), width, height, options.background !== 'white');
      try {
        let strips = 0;
        let drawMs = 0;
        for (let top = 0; top < height; top += stripHeight) {
          const h = Math.min(stripHeight, height - top);
          const t0 = performance.now();
          await drawStrip(host, ctx, p, opts, list, top, width, stripHeight, phases, edges);
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
    }),
  ).finally(() => edges?.dispose());
}
