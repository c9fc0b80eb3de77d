// The edge layer's thread (edgeLayer.ts): holds a big graph's edges as arrays and draws the view it
// is asked for into a bitmap, so the page's thread never strokes 80,000 edges.
import { Transfer, serve } from '../model/rpc';
import { drawView, newLayerModel, type EdgeViewport, type LayerModel, type NodeDots } from './edgeView';

export type EdgeLayerApi = {
  model(model: LayerModel): void;
  positions(xy: Float32Array): void;
  nodes(nodes: NodeDots): void;
  /** Edges whose look changed: their indices and new values. */
  edges(patch: {
    index: Int32Array;
    colour: Uint32Array;
    opacity: Float32Array;
    width: Float32Array;
    dash: Uint8Array;
  }): void;
  draw(request: { view: EdgeViewport; skipEdges: Int32Array; skipNodes: Int32Array }): Promise<{
    view: EdgeViewport;
    bitmap: ImageBitmap;
    ms: number;
    lines: number;
  }>;
};

let model = newLayerModel();
let image: ImageData | null = null;

serve<EdgeLayerApi>({
  model: (next) => void (model = next),
  positions: (xy) => void (model = { ...model, xy }),
  nodes: (nodes) => void (model = { ...model, nodes }),
  edges: (patch) => {
    for (let j = 0; j < patch.index.length; j++) {
      const i = patch.index[j]!;
      model.colour[i] = patch.colour[j]!;
      model.opacity[i] = patch.opacity[j]!;
      model.width[i] = patch.width[j]!;
      model.dash[i] = patch.dash[j]!;
    }
  },
  draw: async ({ view, skipEdges, skipNodes }) => {
    const started = performance.now();
    const w = Math.max(1, Math.round(view.width * view.pixelRatio));
    const h = Math.max(1, Math.round(view.height * view.pixelRatio));
    if (image?.width !== w || image.height !== h) image = new ImageData(w, h);
    const lines = drawView(new Uint32Array(image.data.buffer), model, view, 0xffffffff, {
      edges: skipEdges.length ? new Set(skipEdges) : undefined,
      nodes: skipNodes.length ? new Set(skipNodes) : undefined,
    });
    const bitmap = await createImageBitmap(image, { premultiplyAlpha: 'none' }); // opaque: nothing to premultiply
    return new Transfer({ view, bitmap, ms: performance.now() - started, lines }, [bitmap]);
  },
});
