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
  | { kind: 'circle'; x: number; y: number; r: number; fill: string; stroke: string }
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
  const shapes: Shape[] = [];
  const [x0, x1] = [LABEL_WIDTH, o.width];
  const [t0, t1] = o.scale.domain().map((d) => d.getTime()) as [number, number];
  const ticks = o.scale.ticks(Math.max(2, Math.floor((x1 - x0) / 90)));
  for (const tick of ticks) {
    const x = o.scale(tick);
    shapes.push({ kind: 'line', x1: x, y1: AXIS_HEIGHT, x2: x, y2: o.height, stroke: GRID });
  }
  if (o.axis) {
    const format = o.scale.tickFormat();
    shapes.push({ kind: 'line', x1: x0, y1: AXIS_HEIGHT, x2: x1, y2: AXIS_HEIGHT, stroke: MUTED });
    for (const tick of ticks)
      shapes.push({
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
    if (o.selectedEntities.has(row.entityId))
      shapes.push({ kind: 'rect', x: 0, y, w: o.width, h: ROW_HEIGHT, fill: '#e4eefc' });
    if (row.lifetime) {
      const a = Math.max(x0, Number.isFinite(row.lifetime.start) ? o.scale(row.lifetime.start) : x0);
      const b = Math.min(x1, Number.isFinite(row.lifetime.end) ? o.scale(row.lifetime.end) : x1);
      if (b > a && row.lifetime.end > t0 && row.lifetime.start < t1)
        shapes.push({
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
      shapes.push({ kind: 'line', x1: x0, y1: mid, x2: x1, y2: mid, stroke: '#c4c9d2', dash: true });
    }
    for (let i = model.rowStart[r]!; i < model.rowStart[r + 1]!; i++) {
      const item = model.items[i]!;
      if (item.end < t0 || item.start > t1) continue;
      const stroke = o.selectedRelations.has(item.relationId) ? '#111827' : '#ffffff';
      const fill = o.relationColour(item.type);
      if (item.point) {
        const x = o.scale((item.start + item.end) / 2);
        if (x >= x0 - 4) shapes.push({ kind: 'circle', x, y: mid, r: 4, fill, stroke });
      } else {
        const a = Math.max(x0, o.scale(item.start));
        const b = Math.min(x1, o.scale(item.end));
        shapes.push({ kind: 'rect', x: a, y: mid - 3, w: Math.max(2, b - a), h: 6, fill, stroke });
      }
    }
    const label = `${row.name}${row.lifetime ? '' : ' (undated)'}`;
    shapes.push({
      kind: 'rect',
      x: 0,
      y,
      w: LABEL_WIDTH - 6,
      h: ROW_HEIGHT,
      fill: o.selectedEntities.has(row.entityId) ? '#e4eefc' : '#ffffff',
    });
    shapes.push({
      kind: 'rect',
      x: 4,
      y: mid - 4,
      w: 8,
      h: 8,
      fill: row.lifetime ? colour : null,
      stroke: colour,
    });
    shapes.push({
      kind: 'text',
      x: 16,
      y: mid + 4,
      text: fit(label, LABEL_WIDTH - 24, 12),
      fill: row.lifetime ? '#1f2937' : MUTED,
      size: 12,
      italic: !row.lifetime,
      bold: o.selectedEntities.has(row.entityId),
    });
  }
  return shapes;
}

/** Draws shapes on a 2D canvas context (already scaled for the device pixel ratio). */
export function drawShapes(ctx: CanvasRenderingContext2D, shapes: Shape[]): void {
  for (const s of shapes) {
    switch (s.kind) {
      case 'rect':
        ctx.globalAlpha = s.alpha ?? 1;
        if (s.fill) {
          ctx.fillStyle = s.fill;
          ctx.fillRect(s.x, s.y, s.w, s.h);
        }
        ctx.globalAlpha = 1;
        if (s.stroke) {
          ctx.setLineDash(s.dash ? [4, 3] : []);
          ctx.strokeStyle = s.stroke;
          ctx.lineWidth = 1;
          ctx.strokeRect(s.x + 0.5, s.y + 0.5, s.w - 1, s.h - 1);
        }
        break;
      case 'circle':
        ctx.beginPath();
        ctx.arc(s.x, s.y, s.r, 0, Math.PI * 2);
        ctx.fillStyle = s.fill;
        ctx.fill();
        ctx.setLineDash([]);
        ctx.strokeStyle = s.stroke;
        ctx.lineWidth = 1;
        ctx.stroke();
        break;
      case 'line':
        ctx.beginPath();
        ctx.setLineDash(s.dash ? [4, 3] : []);
        ctx.moveTo(s.x1, s.y1 + 0.5);
        ctx.lineTo(s.x2, s.y2 + 0.5);
        ctx.strokeStyle = s.stroke;
        ctx.lineWidth = 1;
        ctx.stroke();
        break;
      case 'text':
        ctx.font = `${s.italic ? 'italic ' : ''}${s.bold ? '600 ' : ''}${s.size}px system-ui, sans-serif`;
        ctx.fillStyle = s.fill;
        ctx.textAlign = s.align ?? 'left';
        ctx.fillText(s.text, s.x, s.y);
        break;
    }
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
      case 'circle':
        out.push(`<circle cx="${n(s.x)}" cy="${n(s.y)}" r="${s.r}" fill="${s.fill}" stroke="${s.stroke}"/>`);
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
