// The cytoscape instance: options for a small or a big graph, and for a big one under the canvas
// renderer the edge layer that draws its edges on a worker.
import cytoscape, { type Core } from 'cytoscape';
import { EdgeLayer } from '../bigGraph/edgeLayer';
import type { EdgeLayerApi } from '../bigGraph/edgeLayer.worker';
import { DASHES_MIN_ZOOM, stylesheet } from '../model/style';
import { CyInternals } from './cyInternals';
import { WorkerClient, spawnEdgeLayerWorker } from './workers';

export interface Drawing {
  cy: Core;
  internals: CyInternals;
  /** A big graph's edge layer, when it draws the edges (canvas renderer). */
  edgeLayer: EdgeLayer | null;
  large: boolean;
}

export function createCy(container: HTMLElement, large: boolean, webgl: boolean): Drawing {
  // A big graph under the canvas renderer has its edges drawn on a worker (edgeLayer.ts); on a
  // real GPU cytoscape's WebGL renderer draws them fast enough itself.
  const layered = large && !webgl;
  const cy = cytoscape({
    container,
    style: stylesheet(large, true, layered),
    wheelSensitivity: 0.3,
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: true,
    // A click selects one element; Shift, Ctrl or Cmd+click adds one (or takes it away).
    selectionType: 'single',
    // Large graphs: without the edge layer (WebGL), edges hidden mid-gesture and a texture of
    // the rest moved; with it, the few nodes cytoscape draws redraw faster than a texture starts.
    hideEdgesOnViewport: large && !layered,
    textureOnViewport: large && !layered,
    pixelRatio: large ? 1 : 'auto',
    motionBlur: false,
    renderer: { name: 'canvas', webgl: large && webgl } as never,
  } as cytoscape.CytoscapeOptions);
  const internals = new CyInternals(cy);
  let edgeLayer: EdgeLayer | null = null;
  if (layered) {
    edgeLayer = new EdgeLayer(cy, container, internals, new WorkerClient<EdgeLayerApi>(spawnEdgeLayerWorker));
  } else if (large) {
    // Dashes only where they can be seen (style.ts, DASHES_MIN_ZOOM): restyling 80,000 edges
    // takes about 0.1 s, once each time the zoom crosses the threshold.
    let dashes = true;
    cy.on('zoom', () => {
      const want = cy.zoom() >= DASHES_MIN_ZOOM;
      if (want === dashes) return;
      dashes = want;
      cy.style().fromJson(stylesheet(true, dashes)).update();
    });
  }
  return { cy, internals, edgeLayer, large };
}

export function destroyCy(drawing: Drawing | null): void {
  drawing?.edgeLayer?.destroy();
  drawing?.cy.destroy();
}
