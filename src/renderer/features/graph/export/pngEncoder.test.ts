import { describe, expect, it } from 'vitest';
import { pngWriter } from './pngEncoder';

describe('the streaming PNG encoder', () => {
  it('writes a valid PNG from strips whose pixels decode back exactly', async () => {
    const width = 7;
    const height = 5;
    const pixels = new Uint8Array(width * height * 4).map((_, i) => (i * 37) % 256);
    const png = pngWriter(width, height);
    await png.addRows(pixels.subarray(0, width * 4 * 2));
    await png.addRows(pixels.subarray(width * 4 * 2));
    const bytes = new Uint8Array(await (await png.finish()).arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(16)).toBe(width);
    expect(view.getUint32(20)).toBe(height);
    // Collect the IDAT payloads and inflate them.
    const idat: Uint8Array[] = [];
    for (let at = 8; at < bytes.length;) {
      const length = view.getUint32(at);
      const type = new TextDecoder().decode(bytes.subarray(at + 4, at + 8));
      if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    const inflated = new Blob(idat as BlobPart[]).stream().pipeThrough(new DecompressionStream('deflate'));
    const raw = new Uint8Array(await new Response(inflated).arrayBuffer());
    for (let r = 0; r < height; r++) {
      expect(raw[r * (width * 4 + 1)]).toBe(0);
      expect([...raw.subarray(r * (width * 4 + 1) + 1, (r + 1) * (width * 4 + 1))]).toEqual([
        ...pixels.subarray(r * width * 4, (r + 1) * width * 4),
      ]);
    }
  });

  it('writes an opaque image as RGB: colour type 2, three bytes a pixel, alpha dropped', async () => {
    const width = 9;
    const height = 4;
    const pixels = new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 53) % 256));
    const png = pngWriter(width, height, { alpha: false });
    await png.addRows(pixels);
    const bytes = new Uint8Array(await (await png.finish()).arrayBuffer());
    const view = new DataView(bytes.buffer);
    expect(bytes[25]).toBe(2); // IHDR colour type: RGB
    const idat: Uint8Array[] = [];
    for (let at = 8; at < bytes.length;) {
      const length = view.getUint32(at);
      if (new TextDecoder().decode(bytes.subarray(at + 4, at + 8)) === 'IDAT')
        idat.push(bytes.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    const raw = new Uint8Array(
      await new Response(
        new Blob(idat as BlobPart[]).stream().pipeThrough(new DecompressionStream('deflate')),
      ).arrayBuffer(),
    );
    expect(raw.length).toBe(height * (width * 3 + 1));
    for (let r = 0; r < height; r++) {
      const row = raw.subarray(r * (width * 3 + 1) + 1, (r + 1) * (width * 3 + 1));
      const expected = [...pixels.subarray(r * width * 4, (r + 1) * width * 4)].filter((_, i) => i % 4 !== 3);
      expect([...row]).toEqual(expected);
    }
  });

  it('refuses to finish an image with rows missing', async () => {
    const png = pngWriter(2, 3);
    await png.addRows(new Uint8Array(2 * 4));
    await expect(png.finish()).rejects.toThrow('1 rows of 3');
  });
});
