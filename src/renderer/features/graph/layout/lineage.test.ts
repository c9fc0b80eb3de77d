// The lineage layout of the sample case, measured: how many lineage relations cross each other.
import { describe, expect, it } from 'vitest';
import sample from '../../../../../resources/sample-case/case.json';
import type { GraphEdge, GraphNode } from '../../../../shared/ipc/graph/contract';
import { DEFAULT_FILTERS, lineageEnds, visibleGraph } from '../model/graphData';
import { countCrossings } from './crossings';
import { lineageLayout } from './lineage';
import type { LayoutNode } from './types';

interface SampleCase {
  entities: { id: string; type: string; name: string; aliases?: string[] }[];
  relations: {
    id: string;
    source: string;
    target: string;
    type: string;
    start: string | null;
    end: string | null;
  }[];
}

/** The sample case as graph:get gives it (ids numbered in file order). */
function sampleGraph(): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const data = sample as unknown as SampleCase;
  const ids = new Map(data.entities.map((e, i) => [e.id, i + 1]));
  const nodes = data.entities.map((e, i) => ({
    id: i + 1,
    type: e.type,
    name: e.name,
    aliases: e.aliases ?? [],
    notes: 0,
    citations: 0,
  }));
  const edges = data.relations.map((r, i) => ({
    id: i + 1,
    source: ids.get(r.source)!,
    target: ids.get(r.target)!,
    type: r.type,
    start: r.start,
    end: r.end,
    corroboration: 1,
    grade: 'B2',
    sources: [1],
  }));
  return { nodes, edges };
}

/** The pane's label box (11 px labels, wrapped at 120 px), by an average character width. */
const box = (n: GraphNode): LayoutNode => {
  const width = n.name.length * 6;
  const lines = Math.max(1, Math.ceil(width / 110));
  return { id: n.id, w: Math.max(56, Math.min(width, 120)) + 8, h: 56 + lines * 13 + 8 };
};

describe('the lineage layout of the sample case', () => {
  const data = sampleGraph();
  const visible = visibleGraph(data, DEFAULT_FILTERS);
  const nodes = data.nodes.filter((n) => visible.nodeIds.has(n.id)).map(box);
  const edges = data.edges.filter((e) => visible.edgeIds.has(e.id));
  const { positions, loopEdges } = lineageLayout({ nodes, edges });
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const lineage = edges.filter((e) => lineageEnds(e) && !loopEdges.includes(e.id));

  it('crosses few of its lineage relations (8 of 16 crossed before the families were ordered; now 1)', () => {
    const ends = lineage.map((e) => [index.get(e.source)!, index.get(e.target)!] as const);
    const crossings = countCrossings(positions, ends);
    const all = countCrossings(
      positions,
      edges.map((e) => [index.get(e.source)!, index.get(e.target)!] as const),
    );
    console.log(
      `lineage relations: ${ends.length}, crossings: ${crossings}; all ${edges.length} relations: ${all}`,
    );
    expect(crossings).toBeLessThanOrEqual(1);
  });

  it('sets the groups with no lineage relation apart, below or right of the family tree', () => {
    const related = new Set(lineage.flatMap((e) => [e.source, e.target]));
    const at = (id: number) => ({ x: positions[index.get(id)! * 2]!, y: positions[index.get(id)! * 2 + 1]! });
    const tree = nodes.filter((n) => related.has(n.id));
    const apart = nodes.filter((n) => !related.has(n.id));
    expect(apart.length).toBeGreaterThan(0);
    const bottom = Math.max(...tree.map((n) => at(n.id).y + n.h / 2));
    const right = Math.max(...tree.map((n) => at(n.id).x + n.w / 2));
    for (const n of apart)
      expect(at(n.id).y - n.h / 2 > bottom || at(n.id).x - n.w / 2 > right, `${n.id}`).toBe(true);
  });
});
