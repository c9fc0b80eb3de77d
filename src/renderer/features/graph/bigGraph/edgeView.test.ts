import { describe, expect, it } from 'vitest';
import {
  DASH_DASHED,
  DASH_SOLID,
  NODE_DOTS_ZOOM,
  SHAPE_BOX,
  SHAPE_ELLIPSE,
  drawView,
  emptyNodeDots,
  viewLines,
  type EdgeViewport,
  type LayerModel,
} from './edgeView';
import { packColour, type Lines, type RasterLine } from './rasterEdges';
import { DASHES_MIN_ZOOM } from '../model/style';

const red = packColour('#ff0000');
const blue = packColour('#0000ff');
const WHITE = 0xffffffff;

/** Three nodes on a line at model x = 0, 100, 200 (y = 50); edges 0→1 red, 1→2 blue dashed. */
function model(patch: Partial<LayerModel> = {}): LayerModel {
  return {
    nodes: emptyNodeDots(3),
    xy: new Float32Array([0, 50, 100, 50, 200, 50]),
    source: new Int32Array([0, 1]),
    target: new Int32Array([1, 2]),
    colour: new Uint32Array([red, blue]),
    opacity: new Float32Array([1, 1]),
    width: new Float32Array([1, 1]),
    dash: new Uint8Array([DASH_SOLID, DASH_DASHED]),
    ...patch,
  };
}
const view = (patch: Partial<EdgeViewport> = {}): EdgeViewport => ({
  panX: 0,
  panY: 0,
  zoom: 1,
  width: 220,
  height: 100,
  pixelRatio: 1,
  ...patch,
});
/** The lines, unpacked. */
const list = (lines: Lines): RasterLine[] =>
  Array.from({ length: lines.count }, (_, i) => ({
    x1: lines.ends[i * 4]!,
    y1: lines.ends[i * 4 + 1]!,
    x2: lines.ends[i * 4 + 2]!,
    y2: lines.ends[i * 4 + 3]!,
    colour: lines.colour[i]!,
    opacity: lines.opacity[i]!,
    width: lines.width[i]!,
    dash: lines.dash[i * 2]! > 0 ? [lines.dash[i * 2]!, lines.dash[i * 2 + 1]!] : null,
  }));
const row = (pixels: Uint32Array, v: EdgeViewport, y: number) =>
  Array.from(pixels.subarray(y * v.width * v.pixelRatio, (y + 1) * v.width * v.pixelRatio));

describe('the edge layer picture (big graphs)', () => {
  it('puts each edge where cytoscape draws it: model × zoom + pan, in device pixels', () => {
    const v = view({ panX: 10, panY: -20, zoom: 0.5, pixelRatio: 2 });
    const [first] = list(viewLines(model(), v));
    expect(first).toMatchObject({ x1: 20, y1: 10, x2: 120, y2: 10, colour: red, width: 1 });
  });

  it('draws the view: red then blue along the row, dashed where one source backs the relation', () => {
    const v = view();
    const pixels = new Uint32Array(v.width * v.height);
    drawView(pixels, model(), v, WHITE);
    const line = row(pixels, v, 50);
    expect(line.slice(0, 100).every((p) => p === red)).toBe(true);
    const blues = line.slice(101, 200);
    expect(blues.filter((p) => p === blue).length).toBeGreaterThan(50); // dashes…
    expect(blues.filter((p) => p === WHITE).length).toBeGreaterThan(30); // …and gaps
    expect(row(pixels, v, 40).every((p) => p === WHITE)).toBe(true); // nothing else drawn
  });

  it('draws dashes solid zoomed out, where they could not be seen', () => {
    const lines = list(viewLines(model(), view({ zoom: DASHES_MIN_ZOOM / 2 })));
    expect(lines[1]!.dash).toBeNull();
    expect(list(viewLines(model(), view({ zoom: DASHES_MIN_ZOOM })))[1]!.dash).toEqual(
      [6 * DASHES_MIN_ZOOM, 4 * DASHES_MIN_ZOOM].map((d) => Math.max(1, d)),
    );
    // An exported image shows them at any size (the export asks for them).
    const exported = list(viewLines(model(), view({ zoom: DASHES_MIN_ZOOM / 2 }), undefined, true));
    expect(exported[1]!.dash).toEqual([6, 4].map((d) => Math.max(1, (d * DASHES_MIN_ZOOM) / 2)));
    expect(exported[0]!.dash).toBeNull(); // a solid line stays solid
  });

  it('leaves out hidden edges and the ones asked to be skipped (dragged with their nodes)', () => {
    expect(
      list(viewLines(model({ opacity: new Float32Array([0, 1]) }), view())).map((l) => l.colour),
    ).toEqual([blue]);
    expect(list(viewLines(model(), view(), new Set([1]))).map((l) => l.colour)).toEqual([red]);
  });

  it('draws a line thinner than a pixel one pixel wide and as much fainter', () => {
    const [thin] = list(viewLines(model(), view({ zoom: 0.25 })));
    expect(thin!.width).toBe(1);
    expect(thin!.opacity).toBeCloseTo(0.25);
    const pixels = new Uint32Array(220 * 100);
    drawView(pixels, model(), view({ zoom: 0.25, panY: 37.5 }), WHITE);
    const px = pixels[50 * 220 + 10]!; // y = 50 × 0.25 + 37.5
    expect(px & 0xff).toBe(255); // red stays full…
    expect((px >>> 8) & 0xff).toBeGreaterThan(150); // …green and blue only partly covered
    expect((px >>> 8) & 0xff).toBeLessThan(255);
  });

  it('zoomed out, draws the nodes over the edges as filled shapes of their colour, ringed when they carry notes', () => {
    const green = packColour('#00ff00');
    const purple = packColour('#800080');
    const nodes = emptyNodeDots(3);
    nodes.opacity.set([1, 1, 0]); // the third is hidden
    nodes.colour.fill(green);
    nodes.half.fill(20); // 40 model units across
    nodes.shape.set([SHAPE_BOX, SHAPE_ELLIPSE, SHAPE_BOX]);
    nodes.ring.set([0, purple, 0]);
    const zoom = NODE_DOTS_ZOOM / 2;
    // Pan so the edges' row (model y 50) falls on a pixel row's middle; edges wide enough to be opaque.
    const v = view({ zoom, panX: 20, panY: 19.5, width: 120, height: 60 });
    const pixels = new Uint32Array(v.width * v.height);
    const at = (mx: number, my: number) =>
      pixels[Math.floor(my * zoom + v.panY) * v.width + Math.floor(mx * zoom + v.panX)];
    drawView(pixels, model({ nodes, width: new Float32Array([1 / zoom, 1 / zoom]) }), v, WHITE);
    expect(at(0, 50)).toBe(green); // node 0's middle, over the red edge
    expect(at(100, 50)).toBe(green);
    expect(at(116, 50)).toBe(purple); // node 1's ring
    expect(at(200, 50)).not.toBe(green); // node 2 is hidden: its edge shows
    expect(at(50, 50)).toBe(red); // between nodes, the edge
    // Zoomed in, cytoscape draws the nodes: the picture has the edges only.
    drawView(pixels, model({ nodes }), view({ zoom: NODE_DOTS_ZOOM }), WHITE);
    expect(pixels.includes(green)).toBe(false);
  });
});
