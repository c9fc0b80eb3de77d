// What keeps a small graph readable as the analyst moves about it: a relation's label shows when
// the pointer is on it or on one of its ends, when it or an end is selected, or once zoomed in
// well past the fitted view (at fit, forty labels over forty lines are noise); and the view
// refits when the graph's box changes size, unless the analyst has moved it since the last fit.
import type { Core, EdgeCollection, EventObject } from 'cytoscape';
import { NodeLabels } from './labels';

/** Zoomed in this far past the fitted view, every relation shows its label. */
const EDGE_LABEL_ZOOM_FACTOR = 1.5;
/** … and at least this far (labels are 11 px at 100%). */
const EDGE_LABEL_MIN_ZOOM = 1;

export class Readability {
  private fitZoom = 1;
  private close = false;
  /** The analyst panned or zoomed since the view was last fitted. */
  moved = false;
  /** A small graph's node labels, kept readable at any zoom. */
  readonly labels: NodeLabels | null;
  private readonly off: (() => void)[] = [];

  constructor(
    private readonly cy: Core,
    private readonly large: boolean,
  ) {
    const on = (events: string, selector: string | null, handler: (event: EventObject) => void) => {
      if (selector) cy.on(events, selector, handler);
      else cy.on(events, handler);
      this.off.push(() => (selector ? cy.off(events, selector, handler) : cy.off(events, handler)));
    };
    on('dragpan scrollzoom pinchzoom', null, () => (this.moved = true));
    this.labels = large ? null : new NodeLabels(cy);
    if (large) return; // a big graph draws no relation labels, and its node labels only close up
    on('mouseover', 'node', (event) => this.hover(event.target.connectedEdges(), true));
    on('mouseout', 'node', (event) => this.hover(event.target.connectedEdges(), false));
    on('mouseover', 'edge', (event) => this.hover(event.target, true));
    on('mouseout', 'edge', (event) => this.hover(event.target, false));
    on('select unselect', 'node', () => this.markSelected());
    on('zoom', null, () => this.zoomed());
  }

  private hover(edges: EdgeCollection, on: boolean): void {
    edges.toggleClass('hovered', on);
  }

  /** Relations of a selected entity show their labels, as the selected relations do (style.ts). */
  private markSelected(): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.edges('.near-selected').removeClass('near-selected');
      cy.nodes(':selected').connectedEdges().addClass('near-selected');
    });
  }

  private zoomed(): void {
    const close = this.cy.zoom() >= Math.max(EDGE_LABEL_MIN_ZOOM, this.fitZoom * EDGE_LABEL_ZOOM_FACTOR);
    if (close === this.close) return;
    this.close = close;
    this.cy.batch(() => this.cy.edges().toggleClass('zoomed-in', close));
  }

  /**
   * Fits the view to the shown nodes' bodies, with room for labels around them. Labels keep their
   * size on screen as the zoom changes (labels.ts), so a fit to boxes with labels would not land
   * on the same zoom twice.
   */
  fit(padding: number): void {
    const cy = this.cy;
    const shown = cy.nodes().not('.hidden');
    if (shown.empty()) return;
    const bb = shown.boundingBox({ includeLabels: false, includeOverlays: false });
    // Room for a label (labels.ts): a line or two above or below, half its width each side.
    const pad = this.large
      ? { x: padding, top: padding, bottom: padding }
      : { x: padding + 40, top: padding + 24, bottom: padding + 30 };
    const w = Math.max(1, cy.width() - 2 * pad.x);
    const h = Math.max(1, cy.height() - pad.top - pad.bottom);
    // A handful of nodes is not blown up past twice their size.
    const zoom = Math.min(2, Math.max(cy.minZoom(), Math.min(w / Math.max(bb.w, 1), h / Math.max(bb.h, 1))));
    cy.viewport({
      zoom,
      pan: {
        x: pad.x + (w - bb.w * zoom) / 2 - bb.x1 * zoom,
        y: pad.top + (h - bb.h * zoom) / 2 - bb.y1 * zoom,
      },
    });
    this.fitZoom = zoom;
    this.moved = false;
    if (this.large) return;
    this.zoomed();
    this.labels!.update();
  }

  /**
   * The graph's box changed size (the window, Enlarge, the filters panel): cytoscape is told, and
   * the view fitted again — or, when the analyst has moved it, kept centred where it was.
   */
  resized(padding: number): void {
    const cy = this.cy;
    const before = { w: cy.width(), h: cy.height() };
    cy.resize();
    const dw = cy.width() - before.w;
    const dh = cy.height() - before.h;
    if (!(before.w > 0 && before.h > 0 && (dw || dh))) return;
    if (!this.moved && cy.nodes().not('.hidden').length) this.fit(padding);
    else cy.panBy({ x: dw / 2, y: dh / 2 });
  }

  destroy(): void {
    for (const off of this.off) off();
    this.labels?.destroy();
  }
}
