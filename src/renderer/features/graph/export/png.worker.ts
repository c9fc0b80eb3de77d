// The PNG export's encoder thread: the pane draws strips and sends their pixels here (transferred,
// not copied), so compressing one strip overlaps with drawing the next on a second core.
import { serve } from '../model/rpc';
import { pngWriter, type PngWriter } from './pngEncoder';

export type PngWorkerApi = {
  start(image: { width: number; height: number; alpha: boolean }): void;
  rows(rgba: Uint8ClampedArray): Promise<void>;
  finish(): Promise<Blob>;
};

let writer: PngWriter | null = null;

serve<PngWorkerApi>({
  start: ({ width, height, alpha }) => void (writer = pngWriter(width, height, { alpha })),
  rows: async (rgba) => {
    if (!writer) throw new Error('The image encoder was not started.');
    await writer.addRows(rgba);
  },
  finish: async () => {
    if (!writer) throw new Error('The image encoder was not started.');
    const blob = await writer.finish();
    writer = null;
    return blob;
  },
});
