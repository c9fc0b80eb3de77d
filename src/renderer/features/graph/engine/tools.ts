// The analysis tools over what is shown: a neighbourhood, a shortest path, finding a node by name.
// Each highlights or selects in the drawing and returns the line the status bar shows.
import type { Core } from 'cytoscape';
import { normalizeName } from '../../../../shared/text';
import type { GraphData, VisibleGraph } from '../model/graphData';
import { highlight, neighbourhood, shortestPath } from './analysis';

const visibleEdges = (data: GraphData, visible: VisibleGraph) =>
  data.edges.filter((e) => visible.edgeIds.has(e.id));
const namer = (data: GraphData) => (id: number) => data.nodes.find((n) => n.id === id)?.name ?? '?';

export function showNeighbourhood(cy: Core, data: GraphData, visible: VisibleGraph, hops: number): string {
  const start = cy.nodes(':selected').map((n) => n.data('entityId') as number);
  if (!start.length) return 'Select one or more entities first, then show their neighbourhood.';
  const keep = neighbourhood(start, visibleEdges(data, visible), hops);
  highlight(
    cy,
    (id) => keep.has(id),
    (e) => keep.has(e.source) && keep.has(e.target),
  );
  return `${keep.size - start.length} entities within ${hops} step${hops === 1 ? '' : 's'} of the selection.`;
}

export function showPath(cy: Core, data: GraphData, visible: VisibleGraph): string {
  const ends = cy.nodes(':selected').map((n) => n.data('entityId') as number);
  if (ends.length !== 2)
    return 'Select exactly two entities (Shift+click the second) to find the shortest path between them.';
  const name = namer(data);
  const path = shortestPath(ends[0]!, ends[1]!, visibleEdges(data, visible));
  if (!path) return `No path links ${name(ends[0]!)} and ${name(ends[1]!)} in the graph as filtered.`;
  const onPath = new Set(path.nodes);
  const pathEdges = new Set(path.edges);
  highlight(
    cy,
    (id) => onPath.has(id),
    (e) => pathEdges.has(e.id),
    true,
  );
  const steps = `${path.edges.length} step${path.edges.length === 1 ? '' : 's'}`;
  return `Shortest path, ${steps}: ${path.nodes.map(name).join(' → ')}`;
}

/** Selects the entity called `text` (name or alias) and brings it into view; null when found. */
export function jumpTo(cy: Core, data: GraphData, visible: VisibleGraph, text: string): string | null {
  const query = normalizeName(text);
  if (!query) return null;
  const nodes = data.nodes;
  const names = (n: (typeof nodes)[number]) => [n.name, ...n.aliases].map(normalizeName);
  const found =
    nodes.find((n) => names(n).includes(query)) ??
    nodes.find((n) => names(n).some((s) => s.startsWith(query))) ??
    nodes.find((n) => names(n).some((s) => s.includes(query)));
  if (!found) return `No entity is called “${text}”.`;
  if (!visible.nodeIds.has(found.id)) return `${found.name} is hidden by the current filters or time window.`;
  const node = cy.getElementById(`n${found.id}`);
  cy.$(':selected').unselect();
  node.select();
  cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1), duration: 250 });
  return null;
}
