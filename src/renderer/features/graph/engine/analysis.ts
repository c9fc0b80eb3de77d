// Neighbourhoods and shortest paths over the visible graph, and how the graph shows them.
import type { Core } from 'cytoscape';

/** Nodes within `hops` steps of the start nodes, over the given edges, in either direction. */
export function neighbourhood(
  start: number[],
  edges: { source: number; target: number }[],
  hops: number,
): Set<number> {
  const adjacent = new Map<number, number[]>();
  for (const e of edges) {
    (adjacent.get(e.source) ?? adjacent.set(e.source, []).get(e.source)!).push(e.target);
    (adjacent.get(e.target) ?? adjacent.set(e.target, []).get(e.target)!).push(e.source);
  }
  const seen = new Set(start);
  let frontier = [...start];
  for (let step = 0; step < hops; step++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (const v of adjacent.get(u) ?? []) {
        if (seen.has(v)) continue;
        seen.add(v);
        next.push(v);
      }
    }
    frontier = next;
  }
  return seen;
}

/** The shortest path (fewest relations, either direction) from one node to another, or null. */
export function shortestPath(
  from: number,
  to: number,
  edges: { id: number; source: number; target: number }[],
): { nodes: number[]; edges: number[] } | null {
  const adjacent = new Map<number, { node: number; edge: number }[]>();
  for (const e of edges) {
    (adjacent.get(e.source) ?? adjacent.set(e.source, []).get(e.source)!).push({
      node: e.target,
      edge: e.id,
    });
    (adjacent.get(e.target) ?? adjacent.set(e.target, []).get(e.target)!).push({
      node: e.source,
      edge: e.id,
    });
  }
  const previous = new Map<number, { node: number; edge: number } | null>([[from, null]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    if (u === to) break;
    for (const step of adjacent.get(u) ?? []) {
      if (previous.has(step.node)) continue;
      previous.set(step.node, { node: u, edge: step.edge });
      queue.push(step.node);
    }
  }
  if (!previous.has(to)) return null;
  const nodes = [to];
  const pathEdges: number[] = [];
  for (let at = previous.get(to); at; at = previous.get(at.node)) {
    nodes.unshift(at.node);
    pathEdges.unshift(at.edge);
  }
  return { nodes, edges: pathEdges };
}

/** Fades what `keepNode` and `keepEdge` leave out; with `path`, marks what they keep as the path. */
export function highlight(
  cy: Core,
  keepNode: (id: number) => boolean,
  keepEdge: (e: { id: number; source: number; target: number }) => boolean,
  path = false,
): void {
  cy.batch(() => {
    cy.elements().removeClass('faded path');
    cy.nodes().forEach((n) => {
      const keep = keepNode(n.data('entityId') as number);
      n.toggleClass('faded', !keep);
      if (path && keep) n.addClass('path');
    });
    cy.edges().forEach((e) => {
      const keep = keepEdge({
        id: e.data('relationId') as number,
        source: e.source().data('entityId') as number,
        target: e.target().data('entityId') as number,
      });
      e.toggleClass('faded', !keep);
      if (path && keep) e.addClass('path');
    });
  });
}
