// A streaming PNG encoder (RGBA, 8 bits, filter None, zlib via CompressionStream). It lets the
// graph export an image taller than any one browser canvas: the image is drawn strip by strip and
// each strip's rows are compressed as they come.
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
  for (const bytes of parts) for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
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

export function pngWriter(width: number, height: number): PngWriter {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
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
  let rowsWritten = 0;
  return {
    async addRows(rgba) {
      const rows = rgba.length / stride;
      const filtered = new Uint8Array(rows * (stride + 1));
      for (let r = 0; r < rows; r++) filtered.set(rgba.subarray(r * stride, (r + 1) * stride), r * (stride + 1) + 1);
      rowsWritten += rows;
      await writer.write(filtered);
    },
    async finish() {
      if (rowsWritten !== height) throw new Error(`The image has ${rowsWritten} rows of ${height}.`);
      await writer.close();
      await reading;
      const parts: Uint8Array[] = [SIGNATURE, chunk('IHDR', header)];
      for (const data of compressed) parts.push(chunk('IDAT', data));
      parts.push(chunk('IEND', new Uint8Array(0)));
      return new Blob(parts as BlobPart[], { type: 'image/png' });
    },
  };
}
