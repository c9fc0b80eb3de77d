// The timeline's canvas, zoom and drawing, owned by one object that React reads (STYLE.md: a
// controller is not a component). Rows are drawn on a canvas, only those in view, so 10,000 items
// pan at the frame rate; the axis is d3-axis on an SVG strip above it. Dragging or zooming moves the
// shared time window (lib/timeWindow.ts), which the graph follows, and the reverse.
import { axisTop } from 'd3-axis';
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { TimeSpan } from '../../../shared/time';
import { timeWindowStore } from '../../lib/timeWindow';
import type { TimelineModel } from './model';
import {
  AXIS_HEIGHT,
  LABEL_WIDTH,
  ROW_HEIGHT,
  drawShapes,
  rowsInView,
  sceneOf,
  svgOf,
  type Shape,
} from './scene';

export interface TimelineLook {
  entityColour: (type: string) => string;
  relationColour: (type: string) => string;
}

export interface TimelineHit {
  entityId: number;
  relationId: number | null;
}

const DAY = 86_400_000;
const MIN_SPAN = 30 * DAY;
const MAX_CANVAS = 32_000;

/** A little room either side of the case's dates, so the first and last items are not on the edge. */
function padded(extent: TimeSpan): TimeSpan {
  const pad = Math.max((extent.end - extent.start) * 0.04, 180 * DAY);
  return { start: extent.start - pad, end: extent.end + pad };
}

export class TimelineController {
  private readonly canvas: HTMLCanvasElement;
  private readonly axisSvg: SVGSVGElement;
  private readonly axisGroup: Selection<SVGGElement, unknown, null, undefined>;
  private readonly behaviour: ZoomBehavior<HTMLCanvasElement, unknown>;
  private model: TimelineModel | null = null;
  private base: ScaleTime<number, number> = scaleUtc();
  private transform: ZoomTransform = zoomIdentity;
  private width = 0;
  private height = 0;
  private scrollTop = 0;
  private frame = 0;
  private applying = false;
  private readonly unsubscribe: () => void;
  private readonly resize: ResizeObserver;
  selectedEntities: ReadonlySet<number> = new Set();
  selectedRelations: ReadonlySet<number> = new Set();
  /** Milliseconds each draw took, for the benchmark (kept short). */
  readonly drawTimes: number[] = [];
  /** Items drawn by the last frame. */
  itemsDrawn = 0;
  onPick: (hit: TimelineHit | null) => void = () => {};

  constructor(
    private readonly host: HTMLElement,
    private look: TimelineLook,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'timeline-canvas';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Timeline of the case');
    this.axisSvg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    this.axisSvg.classList.add('timeline-axis');
    host.append(this.canvas, this.axisSvg);
    this.axisGroup = select(this.axisSvg)
      .append('g')
      .attr('transform', `translate(0, ${AXIS_HEIGHT - 1})`);
    this.behaviour = zoom<HTMLCanvasElement, unknown>()
      // Drag moves in time; Ctrl (or pinch) + wheel zooms; the plain wheel scrolls the rows.
      .filter((event: Event) =>
        event.type === 'wheel'
          ? (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey || (event as WheelEvent).altKey
          : !(event as MouseEvent).button,
      )
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        this.transform = event.transform;
        if (!this.applying && event.sourceEvent) this.publishWindow();
        this.requestDraw();
      });
    select(this.canvas).call(this.behaviour).on('dblclick.zoom', null);
    this.canvas.addEventListener('wheel', this.onWheel, { passive: false });
    this.canvas.addEventListener('click', this.onClick);
    this.unsubscribe = timeWindowStore.subscribe(() => {
      const state = timeWindowStore.get();
      if (state.origin !== 'timeline') this.showWindow(state.window);
    });
    this.resize = new ResizeObserver(() => this.fitToHost());
    this.resize.observe(host);
    this.fitToHost();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.unsubscribe();
    this.resize.disconnect();
    select(this.canvas).on('.zoom', null);
    this.canvas.removeEventListener('wheel', this.onWheel);
    this.canvas.removeEventListener('click', this.onClick);
    this.canvas.remove();
    this.axisSvg.remove();
  }

  setLook(look: TimelineLook): void {
    this.look = look;
    this.requestDraw();
  }

  setModel(model: TimelineModel): void {
    const hadExtent = this.model?.extent ?? null;
    this.model = model;
    const extent = model.extent ? padded(model.extent) : null;
    if (
      extent &&
      (!hadExtent || hadExtent.start !== model.extent!.start || hadExtent.end !== model.extent!.end)
    ) {
      this.base = scaleUtc()
        .domain([new Date(extent.start), new Date(extent.end)])
        .range([LABEL_WIDTH, Math.max(LABEL_WIDTH + 1, this.width)]);
      this.behaviour.scaleExtent([0.05, Math.max(1, (extent.end - extent.start) / MIN_SPAN)]);
      this.showWindow(timeWindowStore.get().window);
    }
    this.scrollTop = Math.min(this.scrollTop, this.maxScroll());
    this.requestDraw();
  }

  /** The time the timeline shows, left edge to right edge. */
  domain(): TimeSpan | null {
    if (!this.model?.extent) return null;
    const [a, b] = this.scale().domain();
    return { start: a!.getTime(), end: b!.getTime() };
  }

  scale(): ScaleTime<number, number> {
    return this.transform.rescaleX(this.base);
  }

  /** Moves the view so the given span fills it (null: the whole case). */
  showWindow(window: TimeSpan | null): void {
    if (!this.model?.extent || this.width <= LABEL_WIDTH) return;
    const target = window ?? padded(this.model.extent);
    const a = this.base(target.start);
    const b = this.base(target.end);
    if (!(b > a)) return;
    const k = (this.width - LABEL_WIDTH) / (b - a);
    const t = zoomIdentity.translate(LABEL_WIDTH - k * a, 0).scale(k);
    this.applying = true;
    select(this.canvas).call(this.behaviour.transform, t);
    this.applying = false;
  }

  /** Pans by a number of pixels (the benchmark's scripted gesture drives this, as a drag would). */
  panBy(dx: number): void {
    select(this.canvas).call(this.behaviour.translateBy, dx, 0);
    this.publishWindow();
  }

  /** Scrolls the rows so the entity's row is in view. */
  reveal(entityId: number): void {
    const index = this.model?.rows.findIndex((r) => r.entityId === entityId) ?? -1;
    if (index < 0) return;
    const top = index * ROW_HEIGHT;
    const room = this.height - AXIS_HEIGHT - ROW_HEIGHT;
    if (top < this.scrollTop || top > this.scrollTop + room)
      this.scrollTop = Math.max(0, Math.min(this.maxScroll(), top - room / 2));
    this.requestDraw();
  }

  setSelection(entities: ReadonlySet<number>, relations: ReadonlySet<number>): void {
    this.selectedEntities = entities;
    this.selectedRelations = relations;
    this.requestDraw();
  }

  requestDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws now (the benchmark times this). */
  draw(): void {
    const started = performance.now();
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    const model = this.model;
    if (!model?.extent) {
      this.axisGroup.selectAll('*').remove();
      this.itemsDrawn = 0;
      return;
    }
    const scale = this.scale();
    const counter = { items: 0 };
    const shapes = this.shapes(model, scale, this.width, this.height, this.scrollTop, false, counter);
    drawShapes(ctx, shapes);
    this.itemsDrawn = counter.items;
    this.axisGroup.call(
      axisTop(scale)
        .ticks(Math.max(2, Math.floor((this.width - LABEL_WIDTH) / 90)))
        .tickSizeOuter(0),
    );
    this.drawTimes.push(performance.now() - started);
    if (this.drawTimes.length > 600) this.drawTimes.splice(0, 300);
  }

  /** The whole timeline (every row) as SVG, at the current time window. */
  exportSvg(): string {
    const { shapes, width, height } = this.exportShapes();
    return svgOf(shapes, width, height);
  }

  /** The same as PNG, twice the pixels where it fits in a canvas. */
  async exportPng(): Promise<Blob> {
    const { shapes, width, height } = this.exportShapes();
    const ratio = height * 2 <= MAX_CANVAS ? 2 : 1;
    const canvas = document.createElement('canvas');
    canvas.width = width * ratio;
    canvas.height = Math.min(MAX_CANVAS, height * ratio);
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    drawShapes(ctx, shapes);
    return new Promise((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))),
        'image/png',
      ),
    );
  }

  private exportShapes(): { shapes: Shape[]; width: number; height: number } {
    const model = this.model;
    if (!model?.extent) throw new Error('There is nothing dated to export yet.');
    const width = Math.max(900, Math.round(this.width));
    const height = AXIS_HEIGHT + model.rows.length * ROW_HEIGHT + 4;
    const scale = this.scale().copy().range([LABEL_WIDTH, width]);
    return { shapes: this.shapes(model, scale, width, height, 0, true), width, height };
  }

  private shapes(
    model: TimelineModel,
    scale: ScaleTime<number, number>,
    width: number,
    height: number,
    scrollTop: number,
    axis: boolean,
    counter?: { items: number },
  ): Shape[] {
    return sceneOf(model, {
      counter,
      scale,
      width,
      height,
      scrollTop,
      axis,
      entityColour: this.look.entityColour,
      relationColour: this.look.relationColour,
      selectedEntities: this.selectedEntities,
      selectedRelations: this.selectedRelations,
    });
  }

  private publishWindow(): void {
    const domain = this.domain();
    if (domain) timeWindowStore.set({ window: domain, origin: 'timeline' });
  }

  private maxScroll(): number {
    const rows = this.model?.rows.length ?? 0;
    return Math.max(0, rows * ROW_HEIGHT - (this.height - AXIS_HEIGHT) + 4);
  }

  private fitToHost(): void {
    const box = this.host.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const domain = this.domain();
    this.width = Math.max(LABEL_WIDTH + 100, Math.floor(box.width));
    this.height = Math.max(AXIS_HEIGHT + ROW_HEIGHT, Math.floor(box.height));
    this.canvas.width = this.width * ratio;
    this.canvas.height = this.height * ratio;
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    this.axisSvg.setAttribute('width', String(this.width));
    this.axisSvg.setAttribute('height', String(AXIS_HEIGHT));
    this.base.range([LABEL_WIDTH, this.width]);
    // The same span stays in view as the pane changes size.
    if (domain) this.showWindow(domain);
    this.requestDraw();
  }

  private readonly onWheel = (event: WheelEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return; // d3-zoom's
    const next = Math.max(0, Math.min(this.maxScroll(), this.scrollTop + event.deltaY));
    if (next === this.scrollTop) return;
    event.preventDefault();
    this.scrollTop = next;
    this.requestDraw();
  };

  /** What is under a point of the canvas: an item on a row, or the row's entity. */
  hitAt(x: number, y: number): TimelineHit | null {
    const model = this.model;
    if (!model || y < AXIS_HEIGHT) return null;
    const [first, last] = rowsInView(model, this.height, this.scrollTop);
    const r = Math.floor((y - AXIS_HEIGHT + this.scrollTop) / ROW_HEIGHT);
    if (r < first || r >= last) return null;
    const row = model.rows[r]!;
    if (x > LABEL_WIDTH) {
      const scale = this.scale();
      let best: { id: number; d: number } | null = null;
      for (let i = model.rowStart[r]!; i < model.rowStart[r + 1]!; i++) {
        const item = model.items[i]!;
        const a = scale(item.point ? (item.start + item.end) / 2 : item.start);
        const b = item.point ? a : scale(item.end);
        const d = x < a ? a - x : x > b ? x - b : 0;
        if (d <= 5 && (!best || d < best.d)) best = { id: item.relationId, d };
      }
      if (best) return { entityId: row.entityId, relationId: best.id };
    }
    return { entityId: row.entityId, relationId: null };
  }

  private readonly onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented) return;
    const box = this.canvas.getBoundingClientRect();
    this.onPick(this.hitAt(event.clientX - box.left, event.clientY - box.top));
  };
}
