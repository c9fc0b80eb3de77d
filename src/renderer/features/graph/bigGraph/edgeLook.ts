// An edge's look as cytoscape styles it, read into the layer's arrays (LayerModel): what the edge
// layer draws on screen and a big graph's PNG export draws its lines from.
import type { EdgeSingular } from 'cytoscape';
import { DASH_DASHED, DASH_DOTTED, DASH_SOLID, type LayerModel } from './edgeView';
import { packRgb } from './rasterEdges';

/** An element's style as cytoscape worked it out (the engine reads it: engine/cyInternals.ts). */
export type StyleReader = (
  ele: unknown,
  name: string,
) => { value: unknown; pfValue: number; strValue: string };

type Rgb = [number, number, number];

/**
 * Reads edge i's look into the model as cytoscape styles it: colour, opacity (0 when hidden), width,
 * and its dash from the classes (style.ts) — the stylesheet draws dashes solid when zoomed out, the
 * layer (and an export) decides that itself from the size it draws at.
 */
export function readEdgeLook(model: LayerModel, i: number, edge: EdgeSingular, style: StyleReader): void {
  model.colour[i] = packRgb(style(edge, 'line-color').value as Rgb);
  model.opacity[i] = edge.visible() ? edge.effectiveOpacity() : 0;
  model.width[i] = style(edge, 'width').pfValue;
  model.dash[i] = edge.hasClass('loop') ? DASH_DOTTED : edge.hasClass('single') ? DASH_DASHED : DASH_SOLID;
}
