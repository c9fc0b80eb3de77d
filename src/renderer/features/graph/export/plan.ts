// The image plan: where the caption, the graph, the legend and the list of sources go, and how
// the legend and the decorations are drawn (PNG); the SVG writer shares the plan and the legend.
import type { Core, EdgeSingular } from 'cytoscape';
import type { GraphSource } from '../../../../shared/ipc/graph/contract';
import { entityStyle, relationColour, shapePoints } from '../model/style';
import { relationReads } from '../model/types';
import type { ExportContext, ExportOptions } from './types';

export const MARGIN = 24;
export const DECOR_FONT = 13;
export const DECOR_LINE = 18;

export interface Box {
  x1: number;
  y1: number;
  w: number;
  h: number;
}

/** The image plan in unscaled units: where the caption, graph and legend go. */
export interface Plan {
  width: number;
  height: number;
  caption: string[];
  graph: { left: number; top: number; box: Box; k: number };
  legend: { entity: string[]; relation: string[]; dashed: boolean; size: string } | null;
  legendTop: number;
  sourceLines: string[];
  sourcesTop: number;
}

let measureCtx: CanvasRenderingContext2D | null = null;
function measure(text: string, font: string): number {
  measureCtx ??= document.createElement('canvas').getContext('2d')!;
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
}

export function wrap(text: string, maxWidth: number, font: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, font) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export const decorFont = (weight = 'normal') =>
  `${weight} ${DECOR_FONT}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;

export function visibleElements(cy: Core) {
  // A class test each: `.not('.hidden')` matches a selector and takes a collection difference,
  // 0.15 s over 100,000 elements.
  const shown = (ele: { hasClass(name: string): boolean }) => !ele.hasClass('hidden');
  // Entities only: a heading a layout draws is no node of the legend (svg.ts draws it as text).
  const entity = (node: { hasClass(name: string): boolean }) => shown(node) && !node.hasClass('heading');
  return { nodes: cy.nodes().filter(entity), edges: cy.edges().filter(shown) };
}

export function plan(
  cy: Core,
  options: ExportOptions,
  context: Pick<ExportContext, 'sources' | 'straightEdges'>,
): Plan {
  const { nodes, edges } = visibleElements(cy);
  let box: Box;
  let k = 1;
  if (options.area === 'view') {
    const e = cy.extent();
    box = { x1: e.x1, y1: e.y1, w: e.w, h: e.h };
    k = cy.zoom();
  } else {
    // Straight edges run centre to centre, inside the nodes' bounds; their own bounds would cost
    // 80,000 edge geometries cytoscape has not worked out (the edge layer draws them on screen).
    const headings = cy.nodes('.heading').filter((h) => !h.hasClass('hidden'));
    const bb = (context.straightEdges ? nodes : nodes.union(edges)).union(headings).boundingBox({});
    box = nodes.length ? { x1: bb.x1, y1: bb.y1, w: bb.w, h: bb.h } : { x1: 0, y1: 0, w: 200, h: 100 };
  }
  const graphW = box.w * k;
  const graphH = box.h * k;
  const width = Math.ceil(Math.max(graphW, 480) + MARGIN * 2);
  const textWidth = width - MARGIN * 2;
  const caption = options.caption.trim() ? wrap(options.caption.trim(), textWidth, decorFont('600')) : [];
  const top = MARGIN + (caption.length ? caption.length * DECOR_LINE + 10 : 0);
  let y = top + graphH + 16;
  let legend: Plan['legend'] = null;
  const legendTop = y;
  if (options.legend) {
    const entityTypes = [...new Set(nodes.map((n) => String(n.data('type'))))].sort();
    const relationTypes = [...new Set(edges.map((e) => String(e.data('type'))))].sort();
    const dashed = edges.some((e) => (e as EdgeSingular).hasClass('single'));
    legend = { entity: entityTypes, relation: relationTypes, dashed, size: options.sizeMeaning };
    y += legendHeight(legend, textWidth) + 10;
  }
  const sourcesTop = y;
  let sourceLines: string[] = [];
  if (options.sources) {
    const ids = new Set<number>();
    edges.forEach((e) => {
      for (const id of e.data('sources') as number[]) ids.add(id);
    });
    const cited = [...ids].map((id) => context.sources.get(id)).filter((s): s is GraphSource => !!s);
    sourceLines = ['Sources:'];
    cited.slice(0, 60).forEach((s, i) => {
      const detail = [s.publisher, s.publishedOn].filter(Boolean).join(', ');
      sourceLines.push(
        ...wrap(
          `${i + 1}. ${s.title}${detail ? ` — ${detail}` : ''} (reliability ${s.reliability})`,
          textWidth,
          decorFont(),
        ),
      );
    });
    if (cited.length > 60) sourceLines.push(`…and ${cited.length - 60} more`);
    if (!cited.length) sourceLines.push('No relation drawn here cites a source.');
    y += sourceLines.length * DECOR_LINE + 6;
  }
  return {
    width,
    height: Math.ceil(y + MARGIN - 16),
    caption,
    graph: { left: MARGIN + Math.max(0, (textWidth - graphW) / 2), top, box, k },
    legend,
    legendTop,
    sourceLines,
    sourcesTop,
  };
}

export interface LegendItem {
  kind: 'entity' | 'relation' | 'dashed' | 'size';
  key: string;
  text: string;
}

function legendItems(legend: NonNullable<Plan['legend']>): LegendItem[] {
  const items: LegendItem[] = legend.entity.map((t) => ({
    kind: 'entity',
    key: t,
    text: entityStyle(t).plural,
  }));
  for (const t of legend.relation) items.push({ kind: 'relation', key: t, text: relationReads(t) });
  if (legend.dashed) items.push({ kind: 'dashed', key: '', text: 'dashed: one source only' });
  items.push({ kind: 'size', key: '', text: `node size: ${legend.size}` });
  return items;
}

export function layoutLegend(
  legend: NonNullable<Plan['legend']>,
  width: number,
): { item: LegendItem; x: number; y: number }[] {
  const out: { item: LegendItem; x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  for (const item of legendItems(legend)) {
    const w = 34 + measure(item.text, decorFont()) + 18;
    if (x > 0 && x + w > width) {
      x = 0;
      y += DECOR_LINE + 4;
    }
    out.push({ item, x, y });
    x += w;
  }
  return out;
}

function legendHeight(legend: NonNullable<Plan['legend']>, width: number): number {
  const placed = layoutLegend(legend, width);
  return (placed.at(-1)?.y ?? 0) + DECOR_LINE + 4;
}

function drawShape(ctx: CanvasRenderingContext2D, shape: string, x: number, y: number, r: number): void {
  ctx.beginPath();
  const points = shapePoints(shape, x, y, r);
  if (shape === 'ellipse') ctx.arc(x, y, r, 0, Math.PI * 2);
  else if (points) {
    points.forEach(([px, py], i) => ctx[i ? 'lineTo' : 'moveTo'](px, py));
    ctx.closePath();
  } else ctx.roundRect(x - r, y - r, r * 2, r * 2, r / 3);
  ctx.fill();
}

export function drawDecor(ctx: CanvasRenderingContext2D, p: Plan): void {
  ctx.fillStyle = '#1d2430';
  ctx.textBaseline = 'middle';
  ctx.font = decorFont('600');
  p.caption.forEach((line, i) => ctx.fillText(line, MARGIN, MARGIN + i * DECOR_LINE + DECOR_LINE / 2));
  ctx.font = decorFont();
  if (p.legend) {
    for (const { item, x, y } of layoutLegend(p.legend, p.width - MARGIN * 2)) {
      const cx = MARGIN + x;
      const cy = p.legendTop + y + DECOR_LINE / 2;
      if (item.kind === 'entity') {
        ctx.fillStyle = entityStyle(item.key).colour;
        drawShape(ctx, entityStyle(item.key).shape, cx + 12, cy, 7);
      } else if (item.kind === 'size') {
        ctx.fillStyle = '#5c6677';
        drawShape(ctx, 'ellipse', cx + 6, cy, 4);
        drawShape(ctx, 'ellipse', cx + 20, cy, 8);
      } else {
        ctx.strokeStyle = item.kind === 'dashed' ? '#5c6677' : relationColour(item.key);
        ctx.lineWidth = 2;
        ctx.setLineDash(item.kind === 'dashed' ? [6, 4] : []);
        ctx.beginPath();
        ctx.moveTo(cx, cy);
        ctx.lineTo(cx + 28, cy);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = '#1d2430';
      ctx.fillText(item.text, cx + 34, cy);
    }
  }
  p.sourceLines.forEach((line, i) => {
    ctx.font = decorFont(i === 0 ? '600' : 'normal');
    ctx.fillText(line, MARGIN, p.sourcesTop + i * DECOR_LINE + DECOR_LINE / 2);
  });
}
