// Node labels that stay readable at any zoom (a small graph only). Zoomed out below 100% a label
// keeps its size on screen — 11 px, not 6 — as a map's place names do. Each label goes below its
// node, or above, right or left where that has room; where none has, the less central entity's
// label waits (it shows under the pointer, when selected, or once zoomed in), so the labels shown
// never overlap each other or a node.
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';
import { LABEL_FONT, LABEL_FONT_SIZE, LABEL_LINE_HEIGHT, LABEL_MAX_WIDTH } from '../model/style';

type Box = { x1: number; y1: number; x2: number; y2: number };

const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Boxes bucketed by screen cell, so each new label is checked against its neighbours only. */
class BoxGrid {
  private readonly cells = new Map<number, Box[]>();
  private static readonly CELL = 128;

  private keys(b: Box): number[] {
    const c = BoxGrid.CELL;
    const keys: number[] = [];
    for (let x = Math.floor(b.x1 / c); x <= Math.floor(b.x2 / c); x++)
      for (let y = Math.floor(b.y1 / c); y <= Math.floor(b.y2 / c); y++) keys.push(x * 100_003 + y);
    return keys;
  }

  add(b: Box): void {
    for (const k of this.keys(b)) (this.cells.get(k) ?? this.cells.set(k, []).get(k)!).push(b);
  }

  hits(b: Box, except?: Box): boolean {
    return this.keys(b).some((k) => this.cells.get(k)?.some((o) => o !== except && overlap(o, b)));
  }
}

let measureCtx: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();
/** A label's width at its own size (11 px), unwrapped. */
function textWidth(text: string): number {
  let w = widths.get(text);
  if (w === undefined) {
    measureCtx ??= document.createElement('canvas').getContext('2d')!;
    measureCtx.font = LABEL_FONT;
    w = measureCtx.measureText(text).width;
    widths.set(text, w);
  }
  return w;
}

/** Classes that put a label above, right or left of its node instead of below (style.ts). */
const SIDES = ['label-above', 'label-right', 'label-left'];

/** Wait between two updates while the analyst zooms. */
const THROTTLE_MS = 100;

export class NodeLabels {
  private scale = 1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = 0;
  /** Entities whose label goes first (lineage: those in the family tree). */
  private first: ReadonlySet<number> = new Set();
  /** Whole-graph export under way: every label at its own size, all shown. */
  private held = false;

  constructor(private readonly cy: Core) {
    cy.on('zoom', () => this.soon());
    cy.on('mouseover', 'node', (event) => event.target.addClass('hovered'));
    cy.on('mouseout', 'node', (event) => event.target.removeClass('hovered'));
  }

  /** Something labels are judged by changed (the zoom, positions, what is shown): look again soon. */
  soon(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.last + THROTTLE_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, wait);
  }

  /** Elements were added (a reload, a delta, a heading): they get the current size at the next update. */
  added(): void {
    this.scale = Number.NaN;
    this.soon();
  }

  setFirst(ids: ReadonlySet<number>): void {
    this.first = ids;
  }

  destroy(): void {
    clearTimeout(this.timer);
  }

  /** Sizes the labels for the zoom, then lets each entity's label show where it has room. */
  update(): void {
    const cy = this.cy;
    if (cy.destroyed() || this.held) return;
    this.last = performance.now();
    const zoom = cy.zoom();
    this.resize(zoom < 1 ? 1 / zoom : 1);
    this.cull(zoom);
  }

  private resize(scale: number): void {
    if (Math.abs(scale - this.scale) < 0.02 * this.scale) return; // (NaN: never close)
    this.scale = scale;
    const cy = this.cy;
    cy.batch(() => {
      cy.nodes('[entityId]').style({
        'font-size': LABEL_FONT_SIZE * scale,
        'text-max-width': `${LABEL_MAX_WIDTH * scale}px`,
      });
      cy.nodes('.heading').style({ 'font-size': (LABEL_FONT_SIZE + 2) * scale });
    });
  }

  /**
   * Runs a whole-graph export with every label at its own size and shown: the image is drawn at
   * 100% and the layout kept the labels apart at that size.
   */
  async atOwnSize<T>(run: () => Promise<T>): Promise<T> {
    this.held = true;
    this.resize(1);
    this.cy.nodes('.quiet, .label-above, .label-right, .label-left').removeClass(`quiet ${SIDES.join(' ')}`);
    try {
      return await run();
    } finally {
      this.held = false;
      this.update();
    }
  }

  private cull(zoom: number): void {
    const cy = this.cy;
    const pan = cy.pan();
    const k = Math.max(1, zoom); // a label's size on screen relative to its own
    const nodes = cy.nodes('[entityId]').filter((n) => !n.hasClass('hidden')) as unknown as NodeCollection;
    const bodies = new BoxGrid();
    const places = new Map<NodeSingular, { body: Box; sides: Box[] }>();
    nodes.forEach((node) => {
      const p = node.position();
      const r = ((node.data('size') as number) * zoom) / 2 + 3;
      const x = p.x * zoom + pan.x;
      const y = p.y * zoom + pan.y;
      const body = { x1: x - r, y1: y - r, x2: x + r, y2: y + r };
      const text = textWidth(String(node.data('label')));
      // As cytoscape draws it: a little wider than measured here, with its background's padding.
      const w = Math.min(text * 1.08, LABEL_MAX_WIDTH) * k + 12;
      const h = Math.max(1, Math.ceil(text / (LABEL_MAX_WIDTH - 10))) * LABEL_LINE_HEIGHT * k + 6;
      // Reaching right up to the node (cytoscape's box takes in the margin and the text's padding).
      const gap = 0;
      // Below (where the layout made room), above, right, left.
      const sides = [
        { x1: x - w / 2, y1: body.y2 + gap, x2: x + w / 2, y2: body.y2 + gap + h },
        { x1: x - w / 2, y1: body.y1 - gap - h, x2: x + w / 2, y2: body.y1 - gap },
        { x1: body.x2 + gap, y1: y - h / 2, x2: body.x2 + gap + w, y2: y + h / 2 },
        { x1: body.x1 - gap - w, y1: y - h / 2, x2: body.x1 - gap, y2: y + h / 2 },
      ];
      bodies.add(body);
      places.set(node, { body, sides });
    });
    // A layout's heading is in the way too.
    cy.nodes('.heading').forEach((heading) => {
      if (heading.hasClass('hidden')) return;
      const p = heading.position();
      const x = p.x * zoom + pan.x;
      const y = p.y * zoom + pan.y;
      const w = textWidth(String(heading.data('label'))) * 1.25 * k + 8;
      bodies.add({ x1: x, y1: y - 9 * k, x2: x + w, y2: y + 9 * k });
    });
    const rank = (n: NodeSingular) =>
      (n.selected() ? 4 : 0) + (this.first.has(n.data('entityId') as number) ? 2 : 0);
    const order = nodes
      .toArray()
      .sort(
        (a, b) =>
          rank(b) - rank(a) ||
          (b.data('size') as number) - (a.data('size') as number) ||
          (a.data('entityId') as number) - (b.data('entityId') as number),
      );
    const shown = new BoxGrid();
    const side = new Map<NodeSingular, number>();
    const [width, height] = [cy.width(), cy.height()];
    const inView = (b: Box) => b.x1 >= 0 && b.y1 >= 0 && b.x2 <= width && b.y2 <= height;
    for (const node of order) {
      const { body, sides } = places.get(node)!;
      // What shows must not overlap: another label, or a node (its own label sits beside it).
      const free = sides.findIndex((box) => inView(box) && !shown.hits(box) && !bodies.hits(box, body));
      const at = free < 0 && node.selected() ? 0 : free;
      if (at >= 0) shown.add(sides[at]!);
      side.set(node, at);
    }
    cy.batch(() =>
      nodes.forEach((n) => {
        const at = side.get(n)!;
        n.toggleClass('quiet', at < 0);
        SIDES.forEach((name, i) => void n.toggleClass(name, at === i + 1));
      }),
    );
  }
}
