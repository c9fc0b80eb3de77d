// What the graph says about its selection, and whether a node is in view.
import type { Core, NodeSingular } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../../../shared/ipc/graph/contract';
import { relationReads } from '../model/types';

export function isInView(cy: Core, node: NodeSingular): boolean {
  const e = cy.extent();
  const p = node.position();
  return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2;
}

/** One line about the selection: a relation's dates, corroboration and grade; how many entities. */
export function describeSelection(cy: Core, data: { nodes: GraphNode[]; edges: GraphEdge[] }): string {
  const edges = cy.edges(':selected');
  const nodes = cy.nodes(':selected');
  if (edges.length === 1 && nodes.length === 0) {
    const id = edges[0]!.data('relationId') as number;
    const r = data.edges.find((e) => e.id === id);
    if (!r) return '';
    const name = (n: number) => data.nodes.find((x) => x.id === n)?.name ?? '?';
    const when = r.start || r.end ? `, ${r.start ?? '…'}–${r.end ?? ''}` : '';
    const grade = r.grade ? `best grade ${r.grade}` : 'no citation';
    const sources = `${r.corroboration} source${r.corroboration === 1 ? '' : 's'}`;
    return `${name(r.source)} ${relationReads(r.type)} ${name(r.target)}${when} — ${sources}, ${grade}`;
  }
  return nodes.length > 1 ? `${nodes.length} entities selected` : '';
}
