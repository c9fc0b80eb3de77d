// The PNG export's encoder thread: the pane draws strips and sends their pixels here (transferred,
// not copied), so compressing one strip overlaps with drawing the next on a second core.
import { pngWriter, type PngWriter } from './pngEncoder';

export type PngWorkerRequest =
  | { kind: 'start'; width: number; height: number; alpha: boolean }
  | { kind: 'rows'; rgba: Uint8ClampedArray }
  | { kind: 'finish' };

export type PngWorkerResponse = { kind: 'rows-done' } | { kind: 'done'; blob: Blob } | { kind: 'error'; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<PngWorkerRequest>) => void) | null;
  postMessage(message: PngWorkerResponse): void;
}
const scope = self as unknown as WorkerScope;

let writer: PngWriter | null = null;
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const message = event.data;
  queue = queue
    .then(async () => {
      if (message.kind === 'start') writer = pngWriter(message.width, message.height, { alpha: message.alpha });
      else if (message.kind === 'rows') {
        await writer!.addRows(message.rgba);
        scope.postMessage({ kind: 'rows-done' });
      } else {
        const blob = await writer!.finish();
        writer = null;
        scope.postMessage({ kind: 'done', blob });
      }
    })
    .catch((error: Error) => {
      writer = null;
      scope.postMessage({ kind: 'error', message: error.message });
    });
};
