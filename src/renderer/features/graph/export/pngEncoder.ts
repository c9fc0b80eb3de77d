// A streaming PNG encoder (RGBA or RGB, 8 bits, filter None, zlib via CompressionStream). It lets
// the graph export an image taller than any one browser canvas: the image is drawn strip by strip
// and each strip's rows are compressed as they come — in png.worker.ts, beside the drawing.
const SIGNATURE = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(parts: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const bytes of parts)
    for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  const typeBytes = new TextEncoder().encode(type);
  out.set(typeBytes, 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32([typeBytes, data]));
  return out;
}

export interface PngWriter {
  /** Adds the next rows, top to bottom: RGBA bytes, width × 4 per row. */
  addRows(rgba: Uint8Array | Uint8ClampedArray): Promise<void>;
  finish(): Promise<Blob>;
}

export interface PngOptions {
  /** false: an opaque image, written as RGB (a quarter less to compress); the alpha bytes are dropped. */
  alpha?: boolean;
}

/**
 * Writes a PNG from rows given in order. Compression is the browser's native zlib
 * (CompressionStream 'deflate' is exactly the zlib stream an IDAT holds); rows are filtered
 * "None", which on a mostly white graph image compresses about as well as the adaptive filters,
 * at a fraction of the cost.
 */
export function pngWriter(width: number, height: number, options: PngOptions = {}): PngWriter {
  const alpha = options.alpha ?? true;
  const channels = alpha ? 4 : 3;
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = alpha ? 6 : 2; // RGBA or RGB
  const stream = new CompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const compressed: Uint8Array[] = [];
  const reading = (async () => {
    const reader = stream.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      compressed.push(value);
    }
  })();
  const stride = width * 4;
  const outStride = width * channels + 1;
  let rowsWritten = 0;
  return {
    async addRows(rgba) {
      const rows = rgba.length / stride;
      const filtered = new Uint8Array(rows * outStride);
      if (alpha) {
        for (let r = 0; r < rows; r++)
          filtered.set(rgba.subarray(r * stride, (r + 1) * stride), r * outStride + 1);
      } else {
        for (let r = 0; r < rows; r++) {
          let o = r * outStride + 1;
          const end = (r + 1) * stride;
          for (let i = r * stride; i < end; i += 4) {
            filtered[o++] = rgba[i]!;
            filtered[o++] = rgba[i + 1]!;
            filtered[o++] = rgba[i + 2]!;
          }
        }
      }
      rowsWritten += rows;
      await writer.write(filtered);
    },
    async finish() {
      if (rowsWritten !== height) throw new Error(`The image has ${rowsWritten} rows of ${height}.`);
      await writer.close();
      await reading;
      // IDAT chunks of at most 1 MiB each: many small stream pieces would each cost a chunk header.
      const data = new Blob(compressed as BlobPart[]);
      const bytes = new Uint8Array(await data.arrayBuffer());
      const parts: Uint8Array[] = [SIGNATURE, chunk('IHDR', header)];
      for (let at = 0; at < bytes.length; at += 1 << 20)
        parts.push(chunk('IDAT', bytes.subarray(at, Math.min(bytes.length, at + (1 << 20)))));
      parts.push(chunk('IEND', new Uint8Array(0)));
      return new Blob(parts as BlobPart[], { type: 'image/png' });
    },
  };
}
