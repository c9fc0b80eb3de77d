// A write applied as a delta: the rows it touched, read again, merged into the graph's data, and
// what that changes for the drawing.
import type { GraphEdge, GraphNode, GraphRows } from '../../../../shared/ipc/graph/contract';
import type { GraphData } from '../model/graphData';

export interface Delta {
  data: GraphData;
  /** Nodes whose drawn fields changed, new ones, and the ids of those gone; the same for edges. */
  nodes: { changed: GraphNode[]; added: GraphNode[]; removed: number[] };
  edges: { changed: GraphEdge[]; added: GraphEdge[]; removed: number[] };
  /**
   * Whether what is shown may change, not only how it reads: an element added or removed, or a
   * type, an end, a date or a grade changed. A name, alias or note count changes only a label.
   */
  structural: boolean;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

function sameNode(a: GraphNode, b: GraphNode): boolean {
  return (
    a.name === b.name &&
    a.type === b.type &&
    a.notes === b.notes &&
    a.citations === b.citations &&
    sameList(a.aliases, b.aliases)
  );
}

function sameEdge(a: GraphEdge, b: GraphEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.type === b.type &&
    a.start === b.start &&
    a.end === b.end &&
    a.corroboration === b.corroboration &&
    a.grade === b.grade &&
    sameList(a.sources, b.sources)
  );
}

/** Whether an edge's change can change what is shown (its type, ends, dates, grade). */
function edgeMoves(a: GraphEdge, b: GraphEdge): boolean {
  return (
    a.source !== b.source ||
    a.target !== b.target ||
    a.type !== b.type ||
    a.start !== b.start ||
    a.end !== b.end ||
    a.grade !== b.grade
  );
}

/**
 * Where the rows with these ids are in `list`: one pass over it, and only for the ids asked (a
 * rename looks up one id, not a map of 80,000 relations).
 */
function positionsOf(list: readonly { id: number }[], ids: readonly number[]): Map<number, number> {
  const at = new Map<number, number>();
  if (!ids.length) return at;
  const wanted = new Set(ids);
  for (let i = 0; i < list.length && at.size < wanted.size; i++)
    if (wanted.has(list[i]!.id)) at.set(list[i]!.id, i);
  return at;
}

/**
 * Merges the rows read for `asked` ids into `data` (the arrays are copied only where something
 * changed). An asked id whose row did not come back was deleted; an edge whose end is gone goes too.
 */
export function mergeRows(
  data: GraphData,
  asked: { entityIds: readonly number[]; relationIds: readonly number[] },
  rows: GraphRows,
): Delta {
  const delta: Delta = {
    data,
    nodes: { changed: [], added: [], removed: [] },
    edges: { changed: [], added: [], removed: [] },
    structural: false,
  };
  // Arrays are copied only when something in them changes (a rename touches one node of 20,000).
  const nodeAt = positionsOf(data.nodes, [...asked.entityIds, ...rows.nodes.map((n) => n.id)]);
  let nodes = data.nodes;
  const writeNodes = () => (nodes === data.nodes ? (nodes = [...data.nodes]) : nodes);
  const gotNodes = new Set(rows.nodes.map((n) => n.id));
  for (const row of rows.nodes) {
    const i = nodeAt.get(row.id);
    if (i === undefined) {
      writeNodes().push(row);
      delta.nodes.added.push(row);
    } else if (!sameNode(nodes[i]!, row)) {
      if (nodes[i]!.type !== row.type) delta.structural = true;
      writeNodes()[i] = row;
      delta.nodes.changed.push(row);
    }
  }
  const goneNodes = new Set(asked.entityIds.filter((id) => !gotNodes.has(id) && nodeAt.has(id)));
  delta.nodes.removed = [...goneNodes];
  const edgeAt = positionsOf(data.edges, [...asked.relationIds, ...rows.edges.map((e) => e.id)]);
  let edges = data.edges;
  const writeEdges = () => (edges === data.edges ? (edges = [...data.edges]) : edges);
  const gotEdges = new Set(rows.edges.map((e) => e.id));
  for (const row of rows.edges) {
    const i = edgeAt.get(row.id);
    if (i === undefined) {
      writeEdges().push(row);
      delta.edges.added.push(row);
    } else if (!sameEdge(edges[i]!, row)) {
      if (edgeMoves(edges[i]!, row)) delta.structural = true;
      writeEdges()[i] = row;
      delta.edges.changed.push(row);
    }
  }
  const goneEdges = new Set(asked.relationIds.filter((id) => !gotEdges.has(id) && edgeAt.has(id)));
  if (goneNodes.size) nodes = nodes.filter((n) => !goneNodes.has(n.id));
  if (goneNodes.size || goneEdges.size) {
    edges = edges.filter((e) => {
      const gone = goneEdges.has(e.id) || goneNodes.has(e.source) || goneNodes.has(e.target);
      if (gone) delta.edges.removed.push(e.id);
      return !gone;
    });
  }
  if (
    delta.nodes.added.length ||
    delta.nodes.removed.length ||
    delta.edges.added.length ||
    delta.edges.removed.length
  )
    delta.structural = true;
  if (nodes !== data.nodes || edges !== data.edges) delta.data = { nodes, edges };
  return delta;
}
