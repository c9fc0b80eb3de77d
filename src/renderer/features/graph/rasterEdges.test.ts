import { describe, expect, it } from 'vitest';
import { packColour, rasterLines, type RasterLine } from './rasterEdges';

const W = 40;
const H = 20;
const white = () => new Uint32Array(W * H).fill(0xffffffff);
const red = packColour('#ff0000');
const line = (patch: Partial<RasterLine>): RasterLine => ({ x1: 2, y1: 5, x2: 30, y2: 5, colour: red, opacity: 1, width: 1, dash: null, ...patch });
const all = { x1: 0, y1: 0, x2: W, y2: H };

describe('edges drawn straight into pixels (big graph export)', () => {
  it('packs #rrggbb as RGBA bytes', () => {
    const bytes = new Uint8Array(new Uint32Array([packColour('#102030')]).buffer);
    expect([...bytes]).toEqual([0x10, 0x20, 0x30, 0xff]);
  });

  it('draws a solid line end to end, and nothing else', () => {
    const px = white();
    rasterLines(px, W, H, 0, [line({})], all);
    for (let x = 0; x < W; x++) expect(px[5 * W + x], `x=${x}`).toBe(x >= 2 && x <= 30 ? red : 0xffffffff);
    expect(px.filter((p) => p === red)).toHaveLength(29);
  });

  it('leaves gaps for a dashed line and widens a thick one', () => {
    const px = white();
    rasterLines(px, W, H, 0, [line({ dash: [6, 4] })], all);
    expect(px[5 * W + 2]).toBe(red);
    expect(px[5 * W + 2 + 7]).toBe(0xffffffff); // in the first gap
    expect(px[5 * W + 2 + 10]).toBe(red); // the second dash
    const thick = white();
    rasterLines(thick, W, H, 0, [line({ width: 3 })], all);
    expect([thick[4 * W + 10], thick[5 * W + 10], thick[6 * W + 10], thick[7 * W + 10]]).toEqual([red, red, red, 0xffffffff]);
  });

  it('draws only the rows of its strip, clipped, so strips join without seams', () => {
    const diagonal = line({ x1: 0, y1: 0, x2: 19, y2: 19 });
    const whole = white();
    rasterLines(whole, W, H, 0, [diagonal], all);
    const upper = new Uint32Array(W * 10).fill(0xffffffff);
    const lower = new Uint32Array(W * 10).fill(0xffffffff);
    rasterLines(upper, W, 10, 0, [diagonal], all);
    rasterLines(lower, W, 10, 10, [diagonal], all);
    expect([...upper, ...lower]).toEqual([...whole]);
    const clipped = white();
    rasterLines(clipped, W, H, 0, [diagonal], { x1: 5, y1: 0, x2: 9, y2: H });
    expect(clipped.filter((p) => p === red)).toHaveLength(5);
  });

  it('blends a translucent line with what is under it', () => {
    const px = white();
    rasterLines(px, W, H, 0, [line({ opacity: 0.5 })], all);
    const bytes = new Uint8Array(px.buffer, (5 * W + 10) * 4, 4);
    expect([...bytes]).toEqual([255, 127, 127, 255]);
  });
});
