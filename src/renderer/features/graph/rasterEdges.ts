// Straight edges drawn straight into an image's pixels, for exporting big graphs. The browser's
// software rasterizer strokes 80,000 long antialiased lines at about 25 M pixels a second (18 s
// for the 20,000-node benchmark graph); plain one-pixel lines written here run several times
// faster. Big graphs draw their edges as straight one-pixel lines anyway (style.ts: haystack,
// width 1, no arrows or edge labels), so the export looks as the screen does.

export interface RasterLine {
  /** Ends in image pixels. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** 0xAABBGGRR as Uint32 over little-endian RGBA bytes, alpha ignored (see `opacity`). */
  colour: number;
  opacity: number;
  /** Line width in image pixels (parallel one-pixel lines). */
  width: number;
  /** Dash and gap in image pixels along the line's major axis; null for a solid line. */
  dash: [number, number] | null;
}

/** [r, g, b] (as cytoscape's computed colours) → 0xffbbggrr (RGBA bytes in memory on little-endian machines). */
export function packRgb([r, g, b]: readonly [number, number, number]): number {
  return ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** '#rrggbb' → 0xffbbggrr, as packRgb. */
export function packColour(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 0xff777777 >>> 0;
  return packRgb([parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)]);
}

/** Lays `colour` at opacity `a` (0–1) over pixel i. */
export function blendPixel(pixels: Uint32Array, i: number, colour: number, a: number): void {
  if (a >= 0.999) {
    pixels[i] = colour;
    return;
  }
  const d = pixels[i]!;
  const r = ((colour & 0xff) * a + (d & 0xff) * (1 - a)) | 0;
  const g = (((colour >>> 8) & 0xff) * a + ((d >>> 8) & 0xff) * (1 - a)) | 0;
  const b = (((colour >>> 16) & 0xff) * a + ((d >>> 16) & 0xff) * (1 - a)) | 0;
  const na = Math.max(d >>> 24, Math.round(a * 255));
  pixels[i] = ((na << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/**
 * Draws the lines into `pixels` (width × height RGBA as Uint32), whose row 0 is image row `top`.
 * Each line is clipped to the clip rectangle (image pixels) and to the rows held.
 */
export function rasterLines(
  pixels: Uint32Array,
  width: number,
  height: number,
  top: number,
  lines: readonly RasterLine[],
  clip: { x1: number; y1: number; x2: number; y2: number },
): void {
  const cx1 = Math.max(0, Math.ceil(clip.x1));
  const cx2 = Math.min(width - 1, Math.floor(clip.x2));
  const cy1 = Math.max(top, Math.ceil(clip.y1));
  const cy2 = Math.min(top + height - 1, Math.floor(clip.y2));
  if (cx1 > cx2 || cy1 > cy2) return;
  for (const line of lines) {
    const { colour, opacity } = line;
    const opaque = opacity >= 0.999;
    const a = Math.max(0, Math.min(1, opacity));
    const dx = line.x2 - line.x1;
    const dy = line.y2 - line.y1;
    const steep = Math.abs(dy) > Math.abs(dx);
    const steps = Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
    if (steps === 0) continue;
    const sx = dx / steps;
    const sy = dy / steps;
    const w = Math.max(1, Math.round(line.width));
    const period = line.dash ? line.dash[0] + line.dash[1] : 0;
    // Only the steps whose point can fall inside the clip (a cheap parametric clip per axis).
    let t0 = 0;
    let t1 = steps;
    const clipAxis = (p: number, d: number, lo: number, hi: number): boolean => {
      if (d === 0) return p >= lo - w && p <= hi + w;
      let a0 = (lo - w - p) / d;
      let a1 = (hi + w - p) / d;
      if (a0 > a1) [a0, a1] = [a1, a0];
      t0 = Math.max(t0, Math.floor(a0));
      t1 = Math.min(t1, Math.ceil(a1));
      return t0 <= t1;
    };
    if (!clipAxis(line.x1, sx, cx1, cx2) || !clipAxis(line.y1, sy, cy1, cy2)) continue;
    const offset0 = -((w - 1) >> 1);
    // The common case in a big graph — one opaque pixel wide, wholly inside — without per-pixel tests.
    const inside =
      Math.min(line.x1 + sx * t0, line.x1 + sx * t1) >= cx1 &&
      Math.max(line.x1 + sx * t0, line.x1 + sx * t1) <= cx2 &&
      Math.min(line.y1 + sy * t0, line.y1 + sy * t1) >= cy1 &&
      Math.max(line.y1 + sy * t0, line.y1 + sy * t1) <= cy2;
    if (inside && opaque && w === 1) {
      let fx = line.x1 + sx * t0 + 0.5;
      let fy = line.y1 + sy * t0 + 0.5 - top;
      const on = period ? line.dash![0] : 0;
      let phase = period ? t0 % period : 0;
      for (let t = t0; t <= t1; t++) {
        if (!period || phase < on) pixels[(fy | 0) * width + (fx | 0)] = colour;
        fx += sx;
        fy += sy;
        if (period && ++phase >= period) phase = 0;
      }
      continue;
    }
    for (let t = t0; t <= t1; t++) {
      if (period && t % period >= line.dash![0]) continue;
      const px = Math.round(line.x1 + sx * t);
      const py = Math.round(line.y1 + sy * t);
      for (let o = offset0; o < offset0 + w; o++) {
        const x = steep ? px + o : px;
        const y = steep ? py : py + o;
        if (x < cx1 || x > cx2 || y < cy1 || y > cy2) continue;
        const i = (y - top) * width + x;
        if (opaque) pixels[i] = colour;
        else blendPixel(pixels, i, colour, a);
      }
    }
  }
}
