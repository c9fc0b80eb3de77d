// A big graph's edges as the screen shows them, drawn off the main thread (edgeLayer.ts). Cytoscape's
// canvas renderer redraws every edge at the end of each pan, zoom or drag — about a second for
// 80,000 edges under a software rasterizer, a frozen window every time the analyst moves. The edge
// layer instead keeps the edges as plain arrays in a worker, which rasterises the current view
// (rasterEdges.ts) while the page only moves the last picture with the view.
import { DASHES_MIN_ZOOM } from '../model/style';
import { addLine, blendPixel, newLines, rasterLines, type Lines } from './rasterEdges';

/**
 * The nodes as the layer draws them when zoomed out (below NODE_DOTS_ZOOM): a filled shape of the
 * type's colour, no label (labels are not drawn that small anyway). Cytoscape draws them above it.
 */
export interface NodeDots {
  colour: Uint32Array;
  /** 0 when not drawn here. */
  opacity: Float32Array;
  /** Half the outer width and height, model units: hw, hh per node. */
  half: Float32Array;
  /** SHAPE_* */
  shape: Uint8Array;
  /** Colour of a thick border (a node with notes), 0 for none. */
  ring: Uint32Array;
}

/** The edges (and nodes), as struct-of-arrays so they cross to the worker as a few buffers. */
export interface LayerModel {
  nodes: NodeDots;
  /** Node positions in model coordinates: x, y per node index. */
  xy: Float32Array;
  /** Node index of each edge's ends. */
  source: Int32Array;
  target: Int32Array;
  /** 0xffbbggrr (see packColour). */
  colour: Uint32Array;
  /** 0 when the edge is not drawn (hidden, or drawn by cytoscape instead). */
  opacity: Float32Array;
  /** Line width in model units. */
  width: Float32Array;
  /** 0 solid, 1 dashed (one source), 2 dotted (a lineage loop). */
  dash: Uint8Array;
}

/** What a picture shows: cytoscape's pan and zoom over a canvas of width × height CSS pixels. */
export interface EdgeViewport {
  panX: number;
  panY: number;
  zoom: number;
  width: number;
  height: number;
  /** Device pixels per CSS pixel of the picture. */
  pixelRatio: number;
}

export const DASH_SOLID = 0;
export const DASH_DASHED = 1;
export const DASH_DOTTED = 2;
/** Cytoscape's patterns (style.ts), in model units. */
const PATTERNS: Record<number, [number, number]> = { [DASH_DASHED]: [6, 4], [DASH_DOTTED]: [1.5, 3] };
/** The faintest a hairline is drawn: a line 0.1 px wide is drawn one pixel wide at this opacity or more. */
const MIN_COVERAGE = 0.12;

export const SHAPE_BOX = 0;
export const SHAPE_ELLIPSE = 1;
export const SHAPE_DIAMOND = 2;
export const SHAPE_HEXAGON = 3;
export const shapeCode = (shape: string): number =>
  shape === 'ellipse'
    ? SHAPE_ELLIPSE
    : shape === 'diamond'
      ? SHAPE_DIAMOND
      : shape === 'hexagon'
        ? SHAPE_HEXAGON
        : SHAPE_BOX;

/**
 * Below this zoom the layer draws the nodes too and cytoscape only the ones the analyst acts on: a
 * node is then under 7–17 px and its label hidden, and cytoscape's per-node drawing (about 25 µs
 * each, 0.5 s for 20,000) is what every redraw would cost.
 */
export const NODE_DOTS_ZOOM = 0.3;

export function emptyNodeDots(n = 0): NodeDots {
  return {
    colour: new Uint32Array(n),
    opacity: new Float32Array(n),
    half: new Float32Array(n * 2),
    shape: new Uint8Array(n),
    ring: new Uint32Array(n),
  };
}

/** A model for `nodes` nodes and `edges` edges, all zero (filled in by its reader). */
export function newLayerModel(nodes = 0, edges = 0): LayerModel {
  return {
    nodes: emptyNodeDots(nodes),
    xy: new Float32Array(nodes * 2),
    source: new Int32Array(edges),
    target: new Int32Array(edges),
    colour: new Uint32Array(edges),
    opacity: new Float32Array(edges),
    width: new Float32Array(edges),
    dash: new Uint8Array(edges),
  };
}

/**
 * The lines of `model` in the picture's pixels, `skip` left out. A line thinner than a pixel is
 * drawn one pixel wide and as much fainter, as an antialiasing canvas would; dashes are drawn where
 * they can be seen (zoom ≥ DASHES_MIN_ZOOM), as on screen, unless `dashes` says otherwise (an
 * exported image shows them at any size).
 */
export function viewLines(
  model: LayerModel,
  view: EdgeViewport,
  skip?: ReadonlySet<number>,
  dashes = view.zoom >= DASHES_MIN_ZOOM,
): Lines {
  const k = view.zoom * view.pixelRatio;
  const ox = view.panX * view.pixelRatio;
  const oy = view.panY * view.pixelRatio;
  const { xy, source, target, colour, opacity, width, dash } = model;
  const lines = newLines(source.length);
  for (let i = 0; i < source.length; i++) {
    const alpha = opacity[i]!;
    if (alpha <= 0 || skip?.has(i)) continue;
    const s = source[i]! * 2;
    const t = target[i]! * 2;
    const w = width[i]! * k;
    const pattern = dashes ? PATTERNS[dash[i]!] : undefined;
    addLine(lines, {
      x1: xy[s]! * k + ox,
      y1: xy[s + 1]! * k + oy,
      x2: xy[t]! * k + ox,
      y2: xy[t + 1]! * k + oy,
      colour: colour[i]!,
      opacity: w >= 1 ? alpha : alpha * Math.max(MIN_COVERAGE, w),
      width: Math.max(1, w),
      dash: pattern ? [Math.max(1, pattern[0] * k), Math.max(1, pattern[1] * k)] : null,
    });
  }
  return lines;
}

/** Draws the nodes of `model` as filled shapes into the picture (w × h device pixels), `skip` left out. */
export function drawDots(
  pixels: Uint32Array,
  w: number,
  h: number,
  model: LayerModel,
  view: EdgeViewport,
  skip?: ReadonlySet<number>,
): void {
  const k = view.zoom * view.pixelRatio;
  const ox = view.panX * view.pixelRatio;
  const oy = view.panY * view.pixelRatio;
  const { xy, nodes } = model;
  const ringWidth = Math.max(1, 3 * k); // a ring is at least a pixel, or it would not show
  for (let i = 0; i < nodes.opacity.length; i++) {
    const alpha = nodes.opacity[i]!;
    if (alpha <= 0 || skip?.has(i)) continue;
    const cx = xy[i * 2]! * k + ox;
    const cy = xy[i * 2 + 1]! * k + oy;
    const rx = Math.max(0.5, nodes.half[i * 2]! * k);
    const ry = Math.max(0.5, nodes.half[i * 2 + 1]! * k);
    const x0 = Math.max(0, Math.floor(cx - rx));
    const x1 = Math.min(w - 1, Math.ceil(cx + rx) - 1);
    const y0 = Math.max(0, Math.floor(cy - ry));
    const y1 = Math.min(h - 1, Math.ceil(cy + ry) - 1);
    if (x0 > x1 || y0 > y1) continue;
    const shape = nodes.shape[i]!;
    const fill = nodes.colour[i]!;
    const ring = nodes.ring[i]!;
    // Inside when the shape's own measure of the pixel centre is at most 1; the ring is its outer band.
    const inner = ring ? Math.max(0, 1 - ringWidth / Math.min(rx, ry)) : 2;
    for (let y = y0; y <= y1; y++) {
      const dy = Math.abs((y + 0.5 - cy) / ry);
      for (let x = x0; x <= x1; x++) {
        const dx = Math.abs((x + 0.5 - cx) / rx);
        const m =
          shape === SHAPE_ELLIPSE
            ? Math.sqrt(dx * dx + dy * dy)
            : shape === SHAPE_DIAMOND
              ? dx + dy
              : shape === SHAPE_HEXAGON
                ? Math.max(dy / 0.9, dx + (0.5 * dy) / 0.9)
                : Math.max(dx, dy);
        // A node smaller than a pixel still shows as one.
        if (m > 1 && !(rx < 1 && ry < 1)) continue;
        blendPixel(pixels, y * w + x, m >= inner ? ring : fill, alpha);
      }
    }
  }
}

/**
 * The picture: `view`'s device pixels over `background` (0xffffffff white), as RGBA in a
 * Uint32Array — the edges, and zoomed out (below NODE_DOTS_ZOOM) the nodes over them. Returns how
 * many edges it drew (shown, not skipped).
 */
export function drawView(
  pixels: Uint32Array,
  model: LayerModel,
  view: EdgeViewport,
  background: number,
  skip?: { edges?: ReadonlySet<number>; nodes?: ReadonlySet<number> },
): number {
  const w = Math.round(view.width * view.pixelRatio);
  const h = Math.round(view.height * view.pixelRatio);
  pixels.fill(background, 0, w * h);
  const lines = viewLines(model, view, skip?.edges);
  rasterLines(pixels, w, h, 0, lines, { x1: 0, y1: 0, x2: w - 1, y2: h - 1 });
  if (view.zoom < NODE_DOTS_ZOOM) drawDots(pixels, w, h, model, view, skip?.nodes);
  return lines.count;
}
