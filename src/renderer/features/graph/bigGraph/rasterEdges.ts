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
 * Lines packed into typed arrays: what rasterLines reads. Built once per picture or export and
 * handed to a worker by transferring the buffers (80,000 line objects took the structured clone
 * a second or two).
 */
export interface Lines {
  count: number;
  /** x1, y1, x2, y2 of line i at 4i … 4i + 3. */
  ends: Float64Array;
  colour: Uint32Array;
  opacity: Float64Array;
  width: Float64Array;
  /** Dash and gap of line i at 2i and 2i + 1; 0, 0 for a solid line. */
  dash: Float64Array;
}

export function newLines(capacity: number): Lines {
  return {
    count: 0,
    ends: new Float64Array(capacity * 4),
    colour: new Uint32Array(capacity),
    opacity: new Float64Array(capacity),
    width: new Float64Array(capacity),
    dash: new Float64Array(capacity * 2),
  };
}

/** Appends a line; `lines` must have room (newLines' capacity). */
export function addLine(lines: Lines, line: RasterLine): void {
  const i = lines.count++;
  lines.ends[i * 4] = line.x1;
  lines.ends[i * 4 + 1] = line.y1;
  lines.ends[i * 4 + 2] = line.x2;
  lines.ends[i * 4 + 3] = line.y2;
  lines.colour[i] = line.colour;
  lines.opacity[i] = line.opacity;
  lines.width[i] = line.width;
  lines.dash[i * 2] = line.dash?.[0] ?? 0;
  lines.dash[i * 2 + 1] = line.dash?.[1] ?? 0;
}

/** The buffers to transfer when posting `lines` to a worker. */
export function lineBuffers(lines: Lines): ArrayBuffer[] {
  return [lines.ends, lines.colour, lines.opacity, lines.width, lines.dash].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/**
 * Draws the lines into `pixels` (width × height RGBA as Uint32), whose row 0 is image row `top`.
 * Each line is clipped to the clip rectangle (image pixels) and to the rows held. A line is walked
 * one step per pixel along its major axis; step t lights pixel round(start + t · step), so a line
 * drawn in bands of rows (an export's strips) joins without seams.
 */
export function rasterLines(
  pixels: Uint32Array,
  width: number,
  height: number,
  top: number,
  lines: Lines,
  clip: { x1: number; y1: number; x2: number; y2: number },
): void {
  const cx1 = Math.max(0, Math.ceil(clip.x1));
  const cx2 = Math.min(width - 1, Math.floor(clip.x2));
  const cy1 = Math.max(top, Math.ceil(clip.y1));
  const cy2 = Math.min(top + height - 1, Math.floor(clip.y2));
  if (cx1 > cx2 || cy1 > cy2) return;
  const { ends, dash } = lines;
  for (let i = 0; i < lines.count; i++) {
    const x1 = ends[i * 4]!;
    const y1 = ends[i * 4 + 1]!;
    const x2 = ends[i * 4 + 2]!;
    const y2 = ends[i * 4 + 3]!;
    const w = Math.max(1, Math.round(lines.width[i]!));
    // Most lines of a big graph miss a band of rows altogether.
    if ((y1 < cy1 - w && y2 < cy1 - w) || (y1 > cy2 + w && y2 > cy2 + w)) continue;
    const dx = x2 - x1;
    const dy = y2 - y1;
    const steep = Math.abs(dy) > Math.abs(dx);
    const steps = Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
    if (steps === 0) continue;
    const sx = dx / steps;
    const sy = dy / steps;
    // The steps whose point can fall inside the clip, w pixels to spare (a parametric clip per axis).
    let t0 = 0;
    let t1 = steps;
    if (sx !== 0) {
      const a0 = (cx1 - w - x1) / sx;
      const a1 = (cx2 + w - x1) / sx;
      t0 = Math.max(t0, Math.floor(Math.min(a0, a1)));
      t1 = Math.min(t1, Math.ceil(Math.max(a0, a1)));
    } else if (x1 < cx1 - w || x1 > cx2 + w) continue;
    if (sy !== 0) {
      const a0 = (cy1 - w - y1) / sy;
      const a1 = (cy2 + w - y1) / sy;
      t0 = Math.max(t0, Math.floor(Math.min(a0, a1)));
      t1 = Math.min(t1, Math.ceil(Math.max(a0, a1)));
    }
    if (t0 > t1) continue;
    const colour = lines.colour[i]!;
    const opacity = lines.opacity[i]!;
    const opaque = opacity >= 0.999;
    const a = Math.max(0, Math.min(1, opacity));
    const on = dash[i * 2]!;
    const period = on > 0 ? on + dash[i * 2 + 1]! : 0;
    if (w === 1) {
      // One pixel wide, the common case: narrow [t0, t1] to the steps inside, then no tests per pixel.
      // Step t lights pixel (⌊ox + t·sx⌋, ⌊oy + t·sy⌋), each from t rather than by adding steps
      // up, so it is exactly the pixel inside() judged.
      const ox = x1 + 0.5;
      const oy = y1 + 0.5;
      while (t0 <= t1 && !inside(ox + sx * t0, oy + sy * t0, cx1, cx2, cy1, cy2)) t0++;
      while (t1 >= t0 && !inside(ox + sx * t1, oy + sy * t1, cx1, cx2, cy1, cy2)) t1--;
      if (opaque && !period) {
        for (let t = t0; t <= t1; t++)
          pixels[(((oy + sy * t) | 0) - top) * width + ((ox + sx * t) | 0)] = colour;
      } else {
        let phase = period ? t0 % period : 0;
        for (let t = t0; t <= t1; t++) {
          if (!period || phase < on) {
            const p = (((oy + sy * t) | 0) - top) * width + ((ox + sx * t) | 0);
            if (opaque) pixels[p] = colour;
            else blendPixel(pixels, p, colour, a);
          }
          if (period && ++phase >= period) phase -= period;
        }
      }
      continue;
    }
    const offset0 = -((w - 1) >> 1);
    for (let t = t0; t <= t1; t++) {
      if (period && t % period >= on) continue;
      const px = Math.round(x1 + sx * t);
      const py = Math.round(y1 + sy * t);
      for (let o = offset0; o < offset0 + w; o++) {
        const x = steep ? px + o : px;
        const y = steep ? py : py + o;
        if (x < cx1 || x > cx2 || y < cy1 || y > cy2) continue;
        const p = (y - top) * width + x;
        if (opaque) pixels[p] = colour;
        else blendPixel(pixels, p, colour, a);
      }
    }
  }
}

/** Whether pixel (⌊x⌋, ⌊y⌋) lies inside [x1, x2] × [y1, y2] (where it does, ⌊x⌋ is x | 0). */
function inside(x: number, y: number, x1: number, x2: number, y1: number, y2: number): boolean {
  const px = Math.floor(x);
  const py = Math.floor(y);
  return px >= x1 && px <= x2 && py >= y1 && py <= y2;
}
