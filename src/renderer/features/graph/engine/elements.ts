// The case's entities and relations as cytoscape elements: their data, their classes, and the
// look of a relation in the current view.
import type { ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphLayoutName, GraphNode } from '../../../../shared/ipc/graph/contract';
import { edgeLabel, lineageEnds } from '../model/graphData';
import {
  LABEL_FONT,
  LABEL_LINE_HEIGHT,
  LABEL_MAX_WIDTH,
  MIN_NODE_SIZE,
  isSymmetric,
  relationColour,
} from '../model/style';

export interface EdgeView {
  edgeLabels: boolean;
  grades: boolean;
  layoutName: GraphLayoutName;
  loopEdges: number[];
}

export interface EdgeLook {
  hidden: boolean;
  loop: boolean;
  aside: boolean;
  label: string;
  classes: string;
}

/** How one relation is drawn in the current view: hidden, dotted (a loop), faint (aside), its label. */
export function edgeLook(
  relation: GraphEdge,
  shown: boolean,
  view: EdgeView,
  loops: ReadonlySet<number>,
): EdgeLook {
  const lineage = view.layoutName === 'lineage';
  const loop = lineage && loops.has(relation.id);
  // The lineage view is about splits, mergers, successions and pledges; other relations stay faint.
  const aside = lineage && !lineageEnds(relation);
  let label =
    view.edgeLabels || view.grades ? edgeLabel(relation, { years: lineage, grade: view.grades }) : '';
  if (!view.edgeLabels && view.grades) label = relation.grade ?? '';
  const classes = [shown ? '' : 'hidden', loop ? 'loop' : '', aside ? 'aside' : ''].filter(Boolean).join(' ');
  return { hidden: !shown, loop, aside, label: aside ? '' : label, classes };
}

/** The data a node element carries (what a change to the entity may change). */
export function nodeData(n: GraphNode): { label: string; type: string; notes: number } {
  return { label: n.name, type: n.type, notes: n.notes };
}

export function nodeElement(
  n: GraphNode,
  shown: boolean,
  position: { x: number; y: number } | undefined,
  size = MIN_NODE_SIZE,
): ElementDefinition {
  return {
    group: 'nodes',
    data: { id: `n${n.id}`, entityId: n.id, size, ...nodeData(n) },
    classes: shown ? '' : 'hidden',
    position: position ? { x: position.x, y: position.y } : { x: 0, y: 0 },
  };
}

/** The classes a relation always has: dashed when one source backs it, no arrow when symmetric. */
export function edgeClasses(e: GraphEdge, look: EdgeLook): string {
  return [e.corroboration <= 1 ? 'single' : '', isSymmetric(e.type) ? 'symmetric' : '', look.classes]
    .filter(Boolean)
    .join(' ');
}

export function edgeData(e: GraphEdge, look: EdgeLook) {
  return {
    type: e.type,
    colour: relationColour(e.type),
    label: look.label,
    sources: e.sources,
  };
}

export function edgeElement(e: GraphEdge, look: EdgeLook): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: `e${e.id}`,
      relationId: e.id,
      source: `n${e.source}`,
      target: `n${e.target}`,
      ...edgeData(e, look),
    },
    classes: edgeClasses(e, look),
  };
}

let measureCtx: CanvasRenderingContext2D | null = null;
/** The box a node of `size` and its wrapped label take, for layouts that keep labels apart. */
export function labelBox(name: string, size: number): { w: number; h: number } {
  measureCtx ??= document.createElement('canvas').getContext('2d')!;
  measureCtx.font = LABEL_FONT;
  const width = measureCtx.measureText(name).width;
  const lines = Math.max(1, Math.ceil(width / (LABEL_MAX_WIDTH - 10)));
  // The margins hold the node's border, the label's offset and its background.
  return {
    w: Math.max(size, Math.min(width, LABEL_MAX_WIDTH)) + 10,
    h: size + lines * LABEL_LINE_HEIGHT + 12,
  };
}
