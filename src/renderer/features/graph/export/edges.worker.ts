// The PNG export's edge thread: big graphs' straight edges are rasterised here (rasterEdges.ts),
// band by band, while the pane draws the nodes and labels on the main thread; the bands come back
// as ImageBitmaps that the pane lays under what it drew.
import { newLines, rasterLines, type Lines } from '../bigGraph/rasterEdges';
import { Transfer, serve } from '../model/rpc';

export interface EdgeStrip {
  /** Image rows [top, top + height) at `width` pixels, in bands of `bandRows` rows. */
  top: number;
  height: number;
  width: number;
  bandRows: number;
  /** Pixel value of the background (0xffffffff white, 0 transparent). */
  background: number;
  clip: { x1: number; y1: number; x2: number; y2: number };
}

/** A strip's edges: its rows as slices of a few rows each (see SLICE_PIXELS), top to bottom. */
export interface StripEdges {
  slices: { y: number; bitmap: ImageBitmap }[];
  /** The strip's time on this thread, and of which drawing the lines. */
  ms: number;
  rasterMs: number;
}

export type EdgesWorkerApi = {
  lines(lines: Lines): void;
  strip(strip: EdgeStrip): Promise<StripEdges>;
  /** The export is over: drop the lines and the band (the thread stays for the next one). */
  release(): void;
};

let lines: Lines = newLines(0);
let band: ImageData | null = null;

/**
 * Pixels in one bitmap sent back: under a megabyte, so the memory of the bitmaps the page has drawn
 * and closed is used again for the next ones. A bitmap of a whole band (16 MB) is new memory each
 * time, and on a virtual machine the first touch of 312 MB of new memory takes 0.2–0.8 s.
 */
const SLICE_PIXELS = 240_000;

async function rasterStrip(strip: EdgeStrip): Promise<Transfer<StripEdges>> {
  const started = performance.now();
  let rasterMs = 0;
  if (band?.width !== strip.width || band.height !== strip.bandRows)
    band = new ImageData(strip.width, strip.bandRows);
  const pixels = new Uint32Array(band.data.buffer);
  const slices: StripEdges['slices'] = [];
  for (let y = 0; y < strip.height; y += strip.bandRows) {
    const rows = Math.min(strip.bandRows, strip.height - y);
    pixels.fill(strip.background);
    const t = performance.now();
    rasterLines(pixels, strip.width, rows, strip.top + y, lines, strip.clip);
    rasterMs += performance.now() - t;
    const sliceRows = Math.max(1, Math.floor(SLICE_PIXELS / strip.width));
    const made: Promise<ImageBitmap>[] = [];
    for (let r = 0; r < rows; r += sliceRows) {
      // Not premultiplied: the band is opaque or its lines are, and premultiplying would cost a pass.
      made.push(
        createImageBitmap(band, 0, r, strip.width, Math.min(sliceRows, rows - r), {
          premultiplyAlpha: 'none',
        }),
      );
    }
    // Made together: one at a time, each waited for its own round trip.
    (await Promise.all(made)).forEach((bitmap, i) => slices.push({ y: y + i * sliceRows, bitmap }));
  }
  const done = { slices, ms: performance.now() - started, rasterMs };
  return new Transfer(
    done,
    slices.map((s) => s.bitmap),
  );
}

serve<EdgesWorkerApi>({
  lines: (next) => void (lines = next),
  strip: rasterStrip,
  release: () => {
    lines = newLines(0);
    band = null;
  },
});
