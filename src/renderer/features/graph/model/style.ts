// How the graph looks: shape and colour per entity type, colour per relation type (the case's
// vocabulary, types.ts), dashed when a single source backs a relation. The legend, the SVG writer
// and the cytoscape stylesheet all read these, so what is on screen and what is exported agree.
import type { StylesheetJson, StylesheetJsonBlock } from 'cytoscape';
import type { NodeShape } from '../../../../shared/vocabulary';
import { entityType, graphTypes, relationType } from './types';

export type { NodeShape };

export const FALLBACK_ENTITY = { colour: '#5c6677', shape: 'ellipse' as NodeShape, plural: 'Other' };
/** How an entity type is drawn, from the case's vocabulary (model/types.ts). */
export function entityStyle(type: string): { colour: string; shape: NodeShape; plural: string } {
  const t = entityType(type);
  return t ? { colour: t.colour, shape: t.shape, plural: t.plural } : FALLBACK_ENTITY;
}
export const relationColour = (type: string): string => relationType(type)?.colour ?? '#78909c';
export const isSymmetric = (type: string): boolean => relationType(type)?.symmetric ?? false;

/**
 * A node shape as a polygon around (x, y) with radius r, for the exports and the legend's canvas;
 * 'ellipse' and 'round-rectangle' are drawn as such by the caller.
 */
export function shapePoints(shape: string, x: number, y: number, r: number): [number, number][] | null {
  const ring = (n: number, turn: number, radius = (_: number) => r): [number, number][] =>
    Array.from({ length: n }, (_, i) => {
      const a = turn + ((Math.PI * 2) / n) * i;
      return [x + radius(i) * Math.cos(a), y + radius(i) * Math.sin(a)];
    });
  switch (shape) {
    case 'diamond':
      return ring(4, -Math.PI / 2);
    case 'hexagon':
      return ring(6, 0);
    case 'octagon':
      return ring(8, Math.PI / 8);
    case 'triangle':
      return ring(3, -Math.PI / 2);
    case 'star':
      return ring(10, -Math.PI / 2, (i) => (i % 2 ? r * 0.45 : r));
    case 'rectangle':
      return [
        [x - r, y - r],
        [x + r, y - r],
        [x + r, y + r],
        [x - r, y + r],
      ];
    default:
      return null;
  }
}

export const LABEL_FONT_SIZE = 11;
export const LABEL_MAX_WIDTH = 100;
export const LABEL_LINE_HEIGHT = 13;
export const LABEL_FONT = `${LABEL_FONT_SIZE}px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif`;
export const EDGE_FONT_SIZE = 11;
export const MIN_NODE_SIZE = 22;
export const MAX_NODE_SIZE = 56;

/** Above this the graph drops edge labels and curves so pan and zoom stay responsive. */
export const LARGE_GRAPH_ELEMENTS = 6000;

/**
 * A big graph zoomed out below this draws its dashed and dotted edges solid: a 6/4 dash is then
 * under two pixels, too small to read, and the software rasterizer strokes dashes slowly (80,000
 * dashed edges: 2.4 s a full redraw, solid 0.95 s). Exports still draw the dashes (exportImage.ts).
 */
export const DASHES_MIN_ZOOM = 0.4;

/**
 * `dashes` false: single-source and loop edges drawn solid (a big graph zoomed out, see above).
 * `edgeLayer`: the edges are drawn by the edge layer under cytoscape's canvas (edgeLayer.ts), so
 * the part of cytoscape's texture outside the view it had is left clear rather than painted white.
 */
export function stylesheet(large: boolean, dashes = true, edgeLayer = false): StylesheetJson {
  const typeRules = graphTypes().entityTypes.map((type) => ({
    selector: `node[type = ${JSON.stringify(type.id)}]`,
    style: { 'background-color': type.colour, shape: type.shape },
  }));
  return [
    // (@types/cytoscape wants every core property named in a core block.)
    ...(edgeLayer
      ? [{ selector: 'core', style: { 'outside-texture-bg-opacity': 0 } } as unknown as StylesheetJsonBlock]
      : []),
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': FALLBACK_ENTITY.colour,
        label: 'data(label)',
        'font-size': LABEL_FONT_SIZE,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
        color: '#1d2430',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': large ? 'none' : 'wrap',
        'text-max-width': `${LABEL_MAX_WIDTH}px`,
        'text-background-color': '#ffffff',
        'text-background-opacity': large ? 0 : 0.75,
        'text-background-padding': '1px',
        'min-zoomed-font-size': large ? 9 : 4,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...typeRules,
    {
      selector: 'edge',
      style: {
        // Big graphs: one-pixel opaque lines, which the software rasterizer draws about 2.5× faster
        // than 1.6 px translucent ones (80,000 edges: the cost of every full redraw and export).
        width: large ? 1 : 1.6,
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        'target-arrow-shape': large ? 'none' : 'triangle',
        'arrow-scale': 0.9,
        'curve-style': large ? 'haystack' : 'bezier',
        label: large ? '' : 'data(label)',
        'font-size': EDGE_FONT_SIZE,
        color: '#3a4352',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        // A relation's label shows on hover, with the selection, or zoomed in (the classes below,
        // set by engine/readability.ts): forty labels at once over forty lines were noise.
        'text-opacity': 0,
        opacity: large ? 1 : 0.9,
      },
    },
    {
      selector: 'edge.hovered, edge.near-selected, edge.zoomed-in, edge:selected',
      style: { 'text-opacity': 1 },
    },
    // A label with no room at this zoom waits (engine/labels.ts); it shows under the pointer and when selected.
    { selector: 'node.quiet', style: { label: '' } },
    { selector: 'node.label-above', style: { 'text-valign': 'top', 'text-margin-y': -3 } },
    {
      selector: 'node.label-right',
      style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 3, 'text-margin-y': 0 },
    },
    {
      selector: 'node.label-left',
      style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': -3, 'text-margin-y': 0 },
    },
    { selector: 'node.quiet.hovered, node.quiet:selected', style: { label: 'data(label)', 'z-index': 10 } },
    { selector: 'edge.symmetric', style: { 'target-arrow-shape': 'none' } },
    {
      selector: 'edge.single',
      style: { 'line-style': dashes ? 'dashed' : 'solid', 'line-dash-pattern': [6, 4] },
    },
    { selector: 'edge.loop', style: { 'line-style': dashes ? 'dotted' : 'solid', width: 2 } },
    { selector: 'edge.aside', style: { opacity: 0.14, 'target-arrow-shape': 'none' } },
    // Under a time window: no lifetime / no date in the sources, shown only while "Undated" is on.
    {
      selector: 'node.undated',
      style: {
        'background-opacity': 0.18,
        'border-width': 2,
        'border-style': 'dashed',
        'border-color': '#6b7280',
      },
    },
    { selector: 'edge.undated', style: { 'line-style': 'dotted', opacity: 0.55 } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.15 } },
    // A node the analyst has written notes on (the count only; note text never reaches the graph).
    {
      selector: 'node[notes > 0]',
      style: { 'border-width': 3, 'border-color': '#8e24aa', 'border-style': 'double' },
    },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#f9a825' } },
    { selector: 'edge.path', style: { width: 4, 'line-color': '#f9a825', 'target-arrow-color': '#f9a825' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111111' } },
    // A heading a layout draws over a group of nodes (lineage: those with no lineage relation).
    {
      selector: 'node.heading',
      style: {
        width: 1,
        height: 1,
        'background-opacity': 0,
        'border-width': 0,
        'font-size': LABEL_FONT_SIZE + 2,
        'font-weight': 600,
        color: '#5c6677',
        'text-halign': 'right',
        'text-valign': 'center',
        'text-wrap': 'none',
        'text-background-opacity': 0,
        'min-zoomed-font-size': 0,
        events: 'no',
      },
    },
    {
      selector: 'edge:selected',
      style: { width: 3.5, 'line-color': '#111111', 'target-arrow-color': '#111111' },
    },
  ];
}
