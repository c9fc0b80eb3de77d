// The SVG writer: the same plan, legend and sources as the PNG, the graph as paths and text.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import {
  EDGE_FONT_SIZE,
  LABEL_FONT,
  LABEL_FONT_SIZE,
  LABEL_LINE_HEIGHT,
  LABEL_MAX_WIDTH,
  entityStyle,
  isSymmetric,
  relationColour,
  shapePoints,
} from '../model/style';
import { DECOR_FONT, DECOR_LINE, MARGIN, layoutLegend, plan, visibleElements, wrap } from './plan';
import { edgeEnds } from './png';
import type { ExportContext, ExportOptions } from './types';

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => (Math.round(n * 100) / 100).toString();

function svgShape(shape: string, x: number, y: number, r: number, fill: string, extra = ''): string {
  if (shape === 'ellipse')
    return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="${fill}"${extra}/>`;
  const points = shapePoints(shape, x, y, r);
  if (!points)
    return `<rect x="${num(x - r)}" y="${num(y - r)}" width="${num(2 * r)}" height="${num(2 * r)}" rx="${num(r / 3)}" fill="${fill}"${extra}/>`;
  return `<polygon points="${points.map(([a, b]) => `${num(a)},${num(b)}`).join(' ')}" fill="${fill}"${extra}/>`;
}

function svgEdge(edge: EdgeSingular, host: ExportContext['host']): string {
  const [s, t] = edgeEnds(edge, host);
  const colour = String(edge.data('colour'));
  const cps = (edge.controlPoints() as { x: number; y: number }[] | undefined) ?? [];
  const d =
    cps.length === 1
      ? `M${num(s.x)},${num(s.y)} Q${num(cps[0]!.x)},${num(cps[0]!.y)} ${num(t.x)},${num(t.y)}`
      : `M${num(s.x)},${num(s.y)} L${num(t.x)},${num(t.y)}`;
  const dash = edge.hasClass('single')
    ? ' stroke-dasharray="6 4"'
    : edge.hasClass('loop')
      ? ' stroke-dasharray="2 3"'
      : '';
  const arrow = isSymmetric(String(edge.data('type'))) ? '' : ` marker-end="url(#arrow-${colour.slice(1)})"`;
  let out = `<path d="${d}" fill="none" stroke="${colour}" stroke-width="1.6"${dash}${arrow}/>`;
  const label = String(edge.data('label') ?? '');
  if (label) {
    const m = edge.midpoint();
    let angle = (Math.atan2(t.y - s.y, t.x - s.x) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle < -90) angle += 180;
    out += `<text x="${num(m.x)}" y="${num(m.y)}" transform="rotate(${num(angle)} ${num(m.x)} ${num(m.y)})" font-size="${EDGE_FONT_SIZE}" text-anchor="middle" dominant-baseline="middle" fill="#3a4352" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(label)}</text>`;
  }
  return out;
}

function svgNode(node: NodeSingular): string {
  const { x, y } = node.position();
  const size = Number(node.data('size'));
  const style = entityStyle(String(node.data('type')));
  let out = svgShape(style.shape, x, y, size / 2, style.colour, ' stroke="#ffffff"');
  const lines = wrap(String(node.data('label')), LABEL_MAX_WIDTH, LABEL_FONT);
  const top = y + size / 2 + 3 + LABEL_FONT_SIZE;
  out += `<text font-size="${LABEL_FONT_SIZE}" text-anchor="middle" fill="#1d2430" stroke="#ffffff" stroke-width="3" paint-order="stroke">`;
  lines.forEach(
    (line, i) => (out += `<tspan x="${num(x)}" y="${num(top + i * LABEL_LINE_HEIGHT)}">${esc(line)}</tspan>`),
  );
  return `${out}</text>`;
}

export function exportSvg(
  cy: Core,
  options: ExportOptions,
  context: Pick<ExportContext, 'sources' | 'host'>,
): string {
  const p = plan(cy, { ...options, scale: 1 }, context);
  const { nodes, edges } = visibleElements(cy);
  const colours = [...new Set(edges.map((e) => String(e.data('colour'))))];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}" viewBox="0 0 ${p.width} ${p.height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif">`,
    '<defs>',
    ...colours.map(
      (c) =>
        `<marker id="arrow-${c.slice(1)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
    ),
    '</defs>',
  ];
  if (options.background === 'white') parts.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  p.caption.forEach((line, i) =>
    parts.push(
      `<text x="${MARGIN}" y="${MARGIN + i * DECOR_LINE + DECOR_FONT}" font-size="${DECOR_FONT}" font-weight="600" fill="#1d2430">${esc(line)}</text>`,
    ),
  );
  const { box, k, left, top } = p.graph;
  parts.push(
    `<svg x="${num(left)}" y="${num(top)}" width="${num(box.w * k)}" height="${num(box.h * k)}" viewBox="${num(box.x1)} ${num(box.y1)} ${num(box.w)} ${num(box.h)}" overflow="hidden"><g>`,
  );
  edges.forEach((e) => void parts.push(svgEdge(e, context.host)));
  nodes.forEach((n) => void parts.push(svgNode(n)));
  cy.nodes('.heading').forEach((h) => {
    const { x, y } = h.position();
    const size = LABEL_FONT_SIZE + 2;
    parts.push(
      `<text x="${num(x)}" y="${num(y)}" font-size="${size}" font-weight="600" dominant-baseline="middle" fill="#5c6677">${esc(String(h.data('label')))}</text>`,
    );
  });
  parts.push('</g></svg>');
  if (p.legend) {
    for (const { item, x, y } of layoutLegend(p.legend, p.width - MARGIN * 2)) {
      const cx = MARGIN + x;
      const cy = p.legendTop + y + DECOR_LINE / 2;
      if (item.kind === 'entity')
        parts.push(svgShape(entityStyle(item.key).shape, cx + 12, cy, 7, entityStyle(item.key).colour));
      else if (item.kind === 'size')
        parts.push(
          svgShape('ellipse', cx + 6, cy, 4, '#5c6677') + svgShape('ellipse', cx + 20, cy, 8, '#5c6677'),
        );
      else {
        const colour = item.kind === 'dashed' ? '#5c6677' : relationColour(item.key);
        parts.push(
          `<line x1="${cx}" y1="${cy}" x2="${cx + 28}" y2="${cy}" stroke="${colour}" stroke-width="2"${item.kind === 'dashed' ? ' stroke-dasharray="6 4"' : ''}/>`,
        );
      }
      parts.push(
        `<text x="${num(cx + 34)}" y="${num(cy)}" font-size="${DECOR_FONT}" dominant-baseline="middle" fill="#1d2430">${esc(item.text)}</text>`,
      );
    }
  }
  p.sourceLines.forEach((line, i) =>
    parts.push(
      `<text x="${MARGIN}" y="${p.sourcesTop + i * DECOR_LINE + DECOR_FONT}" font-size="${DECOR_FONT}"${i === 0 ? ' font-weight="600"' : ''} fill="#1d2430">${esc(line)}</text>`,
    ),
  );
  parts.push('</svg>');
  return parts.join('\n');
}
