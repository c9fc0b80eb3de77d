// The edge layer's thread (edgeLayer.ts): holds a big graph's edges as arrays and draws the view it
// is asked for into a bitmap, so the page's thread never strokes 80,000 edges.
import { drawView, newLayerModel, type LayerModel, type EdgeViewport, type NodeDots } from './edgeView';

export type EdgeLayerRequest =
  | { kind: 'model'; model: LayerModel }
  | { kind: 'positions'; xy: Float32Array }
  | { kind: 'nodes'; nodes: NodeDots }
  /** Edges whose look changed: their indices and new values. */
  | {
      kind: 'edges';
      index: Int32Array;
      colour: Uint32Array;
      opacity: Float32Array;
      width: Float32Array;
      dash: Uint8Array;
    }
  | { kind: 'draw'; id: number; view: EdgeViewport; skipEdges: Int32Array; skipNodes: Int32Array };

export type EdgeLayerResponse =
  | { kind: 'drawn'; id: number; view: EdgeViewport; bitmap: ImageBitmap; ms: number; lines: number }
  | { kind: 'error'; id: number; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<EdgeLayerRequest>) => void) | null;
  postMessage(message: EdgeLayerResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let model = newLayerModel();
let image: ImageData | null = null;

async function draw(
  id: number,
  view: EdgeViewport,
  skipEdges: Int32Array,
  skipNodes: Int32Array,
): Promise<void> {
  const started = performance.now();
  const w = Math.max(1, Math.round(view.width * view.pixelRatio));
  const h = Math.max(1, Math.round(view.height * view.pixelRatio));
  if (image?.width !== w || image.height !== h) image = new ImageData(w, h);
  const lines = drawView(new Uint32Array(image.data.buffer), model, view, 0xffffffff, {
    edges: skipEdges.length ? new Set(skipEdges) : undefined,
    nodes: skipNodes.length ? new Set(skipNodes) : undefined,
  });
  const bitmap = await createImageBitmap(image, { premultiplyAlpha: 'none' }); // opaque: nothing to premultiply
  scope.postMessage({ kind: 'drawn', id, view, bitmap, ms: performance.now() - started, lines }, [bitmap]);
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.kind) {
    case 'model':
      model = message.model;
      break;
    case 'positions':
      model = { ...model, xy: message.xy };
      break;
    case 'nodes':
      model = { ...model, nodes: message.nodes };
      break;
    case 'edges':
      for (let j = 0; j < message.index.length; j++) {
        const i = message.index[j]!;
        model.colour[i] = message.colour[j]!;
        model.opacity[i] = message.opacity[j]!;
        model.width[i] = message.width[j]!;
        model.dash[i] = message.dash[j]!;
      }
      break;
    case 'draw':
      draw(message.id, message.view, message.skipEdges, message.skipNodes).catch((error: Error) =>
        scope.postMessage({ kind: 'error', id: message.id, message: error.message }),
      );
      break;
  }
};
