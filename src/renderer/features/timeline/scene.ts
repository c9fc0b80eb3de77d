// The timeline as shapes: one list of rectangles, circles, lines and texts, drawn on the pane's
// canvas and written as SVG or PNG by the export, so the file shows what the screen shows.
import type { ScaleTime } from 'd3-scale';
import type { TimelineModel } from './model';

export const LABEL_WIDTH = 190;
export const ROW_HEIGHT = 22;
export const AXIS_HEIGHT = 26;

export type Shape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill: string | null;
      stroke?: string;
      dash?: boolean;
      alpha?: number;
    }
  /** A one-off relation: a diamond (cheaper to raster than a circle, thousands a frame). */
  | { kind: 'point'; x: number; y: number; r: number; fill: string; stroke?: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; dash?: boolean }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      fill: string;
      size: number;
      align?: 'left' | 'center' | 'right';
      italic?: boolean;
      bold?: boolean;
    };

export interface SceneOptions {
  scale: ScaleTime<number, number>;
  width: number;
  height: number;
  /** Vertical scroll of the rows, in pixels. */
  scrollTop: number;
  entityColour: (type: string) => string;
  relationColour: (type: string) => string;
  selectedEntities: ReadonlySet<number>;
  selectedRelations: ReadonlySet<number>;
  /** Draw the axis (labels and grid) into the scene: the export does, the pane draws it with d3-axis. */
  axis: boolean;
  /** Counts the relation items drawn (the benchmark's "items in view"). */
  counter?: { items: number };
}

const MUTED = '#6b7280';
const GRID = '#eef0f3';

/** The rows in view, [first, last), for a scroll position. */
export function rowsInView(model: TimelineModel, height: number, scrollTop: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT));
  const last = Math.min(model.rows.length, Math.ceil((scrollTop + height - AXIS_HEIGHT) / ROW_HEIGHT) + 1);
  return [first, Math.max(first, last)];
}

/** Cuts a label to the room it has (measured by characters: no canvas needed, same in SVG). */
function fit(text: string, width: number, size: number): string {
  const room = Math.floor(width / (size * 0.56));
  return text.length <= room ? text : `${text.slice(0, Math.max(1, room - 1))}…`;
}

export function sceneOf(model: TimelineModel, o: SceneOptions): Shape[] {
  // Three layers: what lies under the items, the items (grouped by colour, so the canvas fills each
  // colour in one path), and the label column over them.
  const back: Shape[] = [];
  const items: Shape[] = [];
  const front: Shape[] = [];
  const [x0, x1] = [LABEL_WIDTH, o.width];
  const [t0, t1] = o.scale.domain().map((d) => d.getTime()) as [number, number];
  const ticks = o.scale.ticks(Math.max(2, Math.floor((x1 - x0) / 90)));
  for (const tick of ticks) {
    const x = o.scale(tick);
    back.push({ kind: 'line', x1: x, y1: AXIS_HEIGHT, x2: x, y2: o.height, stroke: GRID });
  }
  if (o.axis) {
    const format = o.scale.tickFormat();
    front.push({ kind: 'line', x1: x0, y1: AXIS_HEIGHT, x2: x1, y2: AXIS_HEIGHT, stroke: MUTED });
    for (const tick of ticks)
      front.push({
        kind: 'text',
        x: o.scale(tick),
        y: AXIS_HEIGHT - 9,
        text: format(tick),
        fill: '#1f2937',
        size: 11,
        align: 'center',
      });
  }
  const [first, last] = rowsInView(model, o.height, o.scrollTop);
  for (let r = first; r < last; r++) {
    const row = model.rows[r]!;
    const y = AXIS_HEIGHT + r * ROW_HEIGHT - o.scrollTop;
    const mid = y + ROW_HEIGHT / 2;
    const colour = o.entityColour(row.type);
    const selected = o.selectedEntities.has(row.entityId);
    if (selected) back.push({ kind: 'rect', x: 0, y, w: o.width, h: ROW_HEIGHT, fill: '#e4eefc' });
    if (row.lifetime) {
      const a = Math.max(x0, Number.isFinite(row.lifetime.start) ? o.scale(row.lifetime.start) : x0);
      const b = Math.min(x1, Number.isFinite(row.lifetime.end) ? o.scale(row.lifetime.end) : x1);
      if (b > a && row.lifetime.end > t0 && row.lifetime.start < t1)
        back.push({
          kind: 'rect',
          x: a,
          y: y + 4,
          w: Math.max(2, b - a),
          h: ROW_HEIGHT - 8,
          fill: colour,
          alpha: 0.22,
          stroke: colour,
        });
    } else {
      // No lifetime in the sources: a hollow dashed line says "when, we do not know".
      back.push({ kind: 'line', x1: x0, y1: mid, x2: x1, y2: mid, stroke: '#c4c9d2', dash: true });
    }
    for (let i = model.rowStart[r]!; i < model.rowStart[r + 1]!; i++) {
      const item = model.items[i]!;
      if (item.end < t0 || item.start > t1) continue;
      if (o.counter) o.counter.items++;
      // Only a selected item is outlined: an outline on each of thousands doubles the raster work.
      const stroke = o.selectedRelations.has(item.relationId) ? '#111827' : undefined;
      const fill = o.relationColour(item.type);
      if (item.point) {
        const x = o.scale((item.start + item.end) / 2);
        if (x >= x0 - 4) items.push({ kind: 'point', x, y: mid, r: 5, fill, stroke });
      } else {
        const a = Math.max(x0, o.scale(item.start));
        const b = Math.min(x1, o.scale(item.end));
        items.push({ kind: 'rect', x: a, y: mid - 3, w: Math.max(2, b - a), h: 6, fill, stroke });
      }
    }
    const label = `${row.name}${row.lifetime ? '' : ' (undated)'}`;
    front.push({
      kind: 'rect',
      x: 0,
      y,
      w: LABEL_WIDTH - 6,
      h: ROW_HEIGHT,
      fill: selected ? '#e4eefc' : '#ffffff',
    });
    front.push({
      kind: 'rect',
      x: 4,
      y: mid - 4,
      w: 8,
      h: 8,
      fill: row.lifetime ? colour : null,
      stroke: colour,
    });
    front.push({
      kind: 'text',
      x: 16,
      y: mid + 4,
      text: fit(label, LABEL_WIDTH - 24, 12),
      fill: row.lifetime ? '#1f2937' : MUTED,
      size: 12,
      italic: !row.lifetime,
      bold: selected,
    });
  }
  // Same colour together (intervals first, points over them); a selected item last, on top.
  const buckets = new Map<string, Shape[]>();
  for (const shape of items) {
    const key = `${shape.kind === 'point' ? 1 : 0}${'stroke' in shape && shape.stroke === '#111827' ? 1 : 0}${'fill' in shape ? shape.fill : ''}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(shape);
    else buckets.set(key, [shape]);
  }
  const grouped = [...buckets.keys()].sort().flatMap((key) => buckets.get(key)!);
  return [...back, ...grouped, ...front];
}

/** Shapes that can share one path: same kind and the same paint. */
function styleOf(s: Shape): string {
  switch (s.kind) {
    case 'rect':
      return `r${s.fill}|${s.stroke ?? ''}|${s.dash ? 1 : 0}|${s.alpha ?? 1}`;
    case 'point':
      return `p${s.fill}|${s.stroke ?? ''}`;
    case 'line':
      return `l${s.stroke}|${s.dash ? 1 : 0}`;
    default:
      return '';
  }
}

/**
 * Draws shapes on a 2D canvas context (already scaled for the device pixel ratio). Consecutive
 * shapes of one style go into one path with one fill and one stroke: thousands of items cost a
 * few dozen paint calls (one per colour), which keeps a pan fluid under software rendering.
 */
export function drawShapes(ctx: CanvasRenderingContext2D, shapes: Shape[]): void {
  let i = 0;
  while (i < shapes.length) {
    const s = shapes[i]!;
    if (s.kind === 'text') {
      ctx.font = `${s.italic ? 'italic ' : ''}${s.bold ? '600 ' : ''}${s.size}px system-ui, sans-serif`;
      ctx.fillStyle = s.fill;
      ctx.textAlign = s.align ?? 'left';
      ctx.fillText(s.text, s.x, s.y);
      i++;
      continue;
    }
    const style = styleOf(s);
    let j = i;
    ctx.beginPath();
    while (j < shapes.length && styleOf(shapes[j]!) === style) {
      const t = shapes[j]!;
      if (t.kind === 'rect') ctx.rect(t.x + 0.5, t.y + 0.5, t.w - 1, t.h - 1);
      else if (t.kind === 'point') {
        ctx.moveTo(t.x, t.y - t.r);
        ctx.lineTo(t.x + t.r, t.y);
        ctx.lineTo(t.x, t.y + t.r);
        ctx.lineTo(t.x - t.r, t.y);
        ctx.closePath();
      } else if (t.kind === 'line') {
        ctx.moveTo(t.x1, t.y1 + 0.5);
        ctx.lineTo(t.x2, t.y2 + 0.5);
      }
      j++;
    }
    ctx.setLineDash('dash' in s && s.dash ? [4, 3] : []);
    ctx.lineWidth = 1;
    if (s.kind === 'line') {
      ctx.strokeStyle = s.stroke;
      ctx.stroke();
    } else {
      if (s.fill) {
        ctx.globalAlpha = s.kind === 'rect' ? (s.alpha ?? 1) : 1;
        ctx.fillStyle = s.fill;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
      if (s.stroke) {
        ctx.strokeStyle = s.stroke;
        ctx.stroke();
      }
    }
    i = j;
  }
  ctx.setLineDash([]);
}

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const n = (v: number): string => (Math.round(v * 10) / 10).toString();

/** The same shapes as a standalone SVG document. */
export function svgOf(shapes: Shape[], width: number, height: number): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  for (const s of shapes) {
    switch (s.kind) {
      case 'rect':
        out.push(
          `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${s.fill ?? 'none'}"${s.alpha !== undefined && s.fill ? ` fill-opacity="${s.alpha}"` : ''}${s.stroke ? ` stroke="${s.stroke}"` : ''}${s.dash ? ' stroke-dasharray="4 3"' : ''}/>`,
        );
        break;
      case 'point':
        out.push(
          `<path d="M${n(s.x)} ${n(s.y - s.r)}L${n(s.x + s.r)} ${n(s.y)}L${n(s.x)} ${n(s.y + s.r)}L${n(s.x - s.r)} ${n(s.y)}Z" fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}"` : ''}/>`,
        );
        break;
      case 'line':
        out.push(
          `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.stroke}"${s.dash ? ' stroke-dasharray="4 3"' : ''}/>`,
        );
        break;
      case 'text':
        out.push(
          `<text x="${n(s.x)}" y="${n(s.y)}" font-size="${s.size}" fill="${s.fill}"${s.align === 'center' ? ' text-anchor="middle"' : s.align === 'right' ? ' text-anchor="end"' : ''}${s.italic ? ' font-style="italic"' : ''}${s.bold ? ' font-weight="600"' : ''}>${escape(s.text)}</text>`,
        );
        break;
    }
  }
  out.push('</svg>');
  return out.join('\n');
}
