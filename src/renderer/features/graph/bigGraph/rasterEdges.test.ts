import { describe, expect, it } from 'vitest';
import { addLine, newLines, packColour, rasterLines, type RasterLine } from './rasterEdges';

const W = 40;
const H = 20;
const white = () => new Uint32Array(W * H).fill(0xffffffff);
const red = packColour('#ff0000');
const line = (patch: Partial<RasterLine>): RasterLine => ({
  x1: 2,
  y1: 5,
  x2: 30,
  y2: 5,
  colour: red,
  opacity: 1,
  width: 1,
  dash: null,
  ...patch,
});
const all = { x1: 0, y1: 0, x2: W, y2: H };
const packLines = (list: RasterLine[]) => {
  const lines = newLines(list.length);
  for (const one of list) addLine(lines, one);
  return lines;
};

describe('edges drawn straight into pixels (big graph export)', () => {
  it('packs #rrggbb as RGBA bytes', () => {
    const bytes = new Uint8Array(new Uint32Array([packColour('#102030')]).buffer);
    expect([...bytes]).toEqual([0x10, 0x20, 0x30, 0xff]);
  });

  it('draws a solid line end to end, and nothing else', () => {
    const px = white();
    rasterLines(px, W, H, 0, packLines([line({})]), all);
    for (let x = 0; x < W; x++) expect(px[5 * W + x], `x=${x}`).toBe(x >= 2 && x <= 30 ? red : 0xffffffff);
    expect(px.filter((p) => p === red)).toHaveLength(29);
  });

  it('leaves gaps for a dashed line and widens a thick one', () => {
    const px = white();
    rasterLines(px, W, H, 0, packLines([line({ dash: [6, 4] })]), all);
    expect(px[5 * W + 2]).toBe(red);
    expect(px[5 * W + 2 + 7]).toBe(0xffffffff); // in the first gap
    expect(px[5 * W + 2 + 10]).toBe(red); // the second dash
    const thick = white();
    rasterLines(thick, W, H, 0, packLines([line({ width: 3 })]), all);
    expect([thick[4 * W + 10], thick[5 * W + 10], thick[6 * W + 10], thick[7 * W + 10]]).toEqual([
      red,
      red,
      red,
      0xffffffff,
    ]);
  });

  it('draws only the rows of its strip, clipped, so strips join without seams', () => {
    const diagonal = line({ x1: 0, y1: 0, x2: 19, y2: 19 });
    const whole = white();
    rasterLines(whole, W, H, 0, packLines([diagonal]), all);
    const upper = new Uint32Array(W * 10).fill(0xffffffff);
    const lower = new Uint32Array(W * 10).fill(0xffffffff);
    rasterLines(upper, W, 10, 0, packLines([diagonal]), all);
    rasterLines(lower, W, 10, 10, packLines([diagonal]), all);
    expect([...upper, ...lower]).toEqual([...whole]);
    const clipped = white();
    rasterLines(clipped, W, H, 0, packLines([diagonal]), { x1: 5, y1: 0, x2: 9, y2: H });
    expect(clipped.filter((p) => p === red)).toHaveLength(5);
  });

  it('blends a translucent line with what is under it', () => {
    const px = white();
    rasterLines(px, W, H, 0, packLines([line({ opacity: 0.5 })]), all);
    const bytes = new Uint8Array(px.buffer, (5 * W + 10) * 4, 4);
    expect([...bytes]).toEqual([255, 127, 127, 255]);
  });

  it('joins bands of any height without seams or strays, for lines at any angle and offset', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const lines = packLines(
      Array.from({ length: 400 }, (_, i) =>
        line({
          x1: rand() * 60 - 10,
          y1: rand() * 60 - 10,
          x2: rand() * 60 - 10,
          y2: rand() * 60 - 10,
          colour: i + 1,
          dash: i % 3 ? null : [2.5, 1.5],
        }),
      ),
    );
    const clip = { x1: 1, y1: 0, x2: W - 2, y2: H };
    const whole = new Uint32Array(W * H);
    rasterLines(whole, W, H, 0, lines, clip);
    // What it must draw: every step of every line, in order, where it lands inside the clip.
    const expected = new Uint32Array(W * H);
    for (let i = 0; i < lines.count; i++) {
      const [x1, y1, x2, y2] = lines.ends.subarray(i * 4, i * 4 + 4) as unknown as number[];
      const steps = Math.ceil(Math.max(Math.abs(x2! - x1!), Math.abs(y2! - y1!)));
      for (let t = 0; t <= steps; t++) {
        if (i % 3 === 0 && t % 4 >= 2.5) continue;
        const x = Math.floor(x1! + 0.5 + ((x2! - x1!) / steps) * t);
        const y = Math.floor(y1! + 0.5 + ((y2! - y1!) / steps) * t);
        if (x >= 1 && x <= W - 2 && y >= 0 && y < H) expected[y * W + x] = i + 1;
      }
    }
    expect(whole.filter((p) => p !== 0).length).toBeGreaterThan(W * H * 0.3);
    expect([...whole]).toEqual([...expected]);
    for (const rows of [1, 3, 7]) {
      const joined: number[] = [];
      for (let top = 0; top < H; top += rows) {
        const band = new Uint32Array(W * rows);
        rasterLines(band, W, Math.min(rows, H - top), top, lines, clip);
        joined.push(...band.subarray(0, W * Math.min(rows, H - top)));
      }
      expect(joined, `bands of ${rows}`).toEqual([...whole]);
    }
  });
});
