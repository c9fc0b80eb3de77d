import { describe, expect, it } from 'vitest';
import { AQIM, JNIM, MLF, MURABITOUN, box, edges, nodes } from '../model/aqimFamily.testdata';
import { lineageEnds } from '../model/graphData';
import { forceLayout } from './force';
import { lineageLayout } from './lineage';
import { computeMetrics } from './metrics';
import { removeOverlaps } from './overlaps';

describe('layouts', () => {
  const lineageInput = { nodes: nodes.filter((n) => n.type === 'organization').map(box), edges };
  const at = (positions: Float64Array, id: number) => {
    const i = lineageInput.nodes.findIndex((n) => n.id === id);
    return { x: positions[i * 2]!, y: positions[i * 2 + 1]! };
  };

  it('draws the lineage left to right: every splinter, merger and succession points forward except a loop it reports', () => {
    const { positions, loopEdges } = lineageLayout(lineageInput);
    const rejoin = edges.find((e) => e.source === MURABITOUN && e.target === AQIM)!;
    expect(loopEdges).toEqual([rejoin.id]);
    for (const e of edges) {
      const ends = lineageEnds(e);
      if (!ends || loopEdges.includes(e.id)) continue;
      expect(at(positions, ends.newer).x, `${e.type} ${e.source}→${e.target}`).toBeGreaterThan(
        at(positions, ends.older).x,
      );
    }
  });

  it('keeps lineage label boxes apart', () => {
    const { positions } = lineageLayout(lineageInput);
    expect(removeOverlaps(Float64Array.from(positions), lineageInput.nodes, 0, 1)).toBe(0);
  });

  it('lays out with ForceAtlas2 into finite positions with no label boxes overlapping', () => {
    const { positions } = forceLayout(lineageInput);
    expect(positions.every(Number.isFinite)).toBe(true);
    expect(removeOverlaps(Float64Array.from(positions), lineageInput.nodes, 0, 1)).toBe(0);
  });
});

describe('centrality', () => {
  it('ranks JNIM and AQIM highest by degree and PageRank, and computes betweenness', () => {
    const ids = nodes.filter((n) => n.type === 'organization').map((n) => n.id);
    const m = computeMetrics({ nodes: ids, edges: edges.filter((e) => e.type !== 'operates_in') });
    const degreeOf = (id: number) => m.degree[ids.indexOf(id)]!;
    expect(degreeOf(AQIM)).toBe(5);
    expect(degreeOf(JNIM)).toBe(4);
    const top = ids[m.pagerank.indexOf(Math.max(...m.pagerank))];
    expect([AQIM, JNIM]).toContain(top);
    expect(m.betweenness![ids.indexOf(MURABITOUN)]).toBeGreaterThan(m.betweenness![ids.indexOf(MLF)]!);
  });
});
