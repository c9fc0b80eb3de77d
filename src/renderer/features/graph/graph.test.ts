import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../shared/ipc/graph/contract';
import { computeMetrics, neighbourhood, shortestPath } from './analysis';
import { forceLayout, lineageLayout, removeOverlaps, type LayoutNode } from './layouts';
import { DEFAULT_FILTERS, edgeLabel, inWindow, lineageEnds, visibleGraph } from './model';

const org = (id: number, name: string): GraphNode => ({ id, type: 'organization', name, aliases: [], notes: 0, citations: 0 });
let nextEdge = 1;
const rel = (source: number, type: string, target: number, start: string | null, end: string | null = null, grade: string | null = 'B2'): GraphEdge => ({
  id: nextEdge++,
  source,
  target,
  type,
  start,
  end,
  corroboration: 1,
  grade,
  sources: [1],
});

// The AQIM family as the sample case tells it, including Al Murabitoun's return to AQIM in 2015.
const GSPC = 1, AQIM = 2, MULATHAMUN = 3, MUJAO = 4, MURABITOUN = 5, ANSAR_DINE = 6, MLF = 7, SAHEL = 8, JNIM = 9, ISGS = 10, IS = 11;
const nodes = [
  org(GSPC, 'Salafist Group for Preaching and Combat'),
  org(AQIM, 'Al Qaeda in the Islamic Maghreb'),
  org(MULATHAMUN, 'Al Mulathamun'),
  org(MUJAO, 'Movement for Unity and Jihad in West Africa'),
  org(MURABITOUN, 'Al Murabitoun'),
  org(ANSAR_DINE, 'Ansar al Dine'),
  org(MLF, 'Macina Liberation Front'),
  org(SAHEL, 'AQIM Sahel branch'),
  org(JNIM, 'Jama’at Nusrat al Islam wal Muslimeen'),
  org(ISGS, 'Islamic State-Greater Sahara'),
  org(IS, 'Islamic State'),
  { ...org(12, 'Mali'), type: 'location' },
];
const edges = [
  rel(GSPC, 'succeeded_by', AQIM, '2007'),
  rel(MULATHAMUN, 'splinter_of', AQIM, null, '2013'),
  rel(MUJAO, 'splinter_of', AQIM, null, '2013'),
  rel(MULATHAMUN, 'merged_into', MURABITOUN, '2013'),
  rel(MUJAO, 'merged_into', MURABITOUN, '2013'),
  rel(MURABITOUN, 'merged_into', AQIM, '2015'),
  rel(MURABITOUN, 'merged_into', JNIM, '2017'),
  rel(ANSAR_DINE, 'merged_into', JNIM, '2017'),
  rel(MLF, 'merged_into', JNIM, '2017', null, 'C3'),
  rel(SAHEL, 'merged_into', JNIM, '2017'),
  rel(ISGS, 'splinter_of', MURABITOUN, '2015'),
  rel(ISGS, 'allegiance_to', IS, '2015'),
  rel(AQIM, 'operates_in', 12, '2007'),
  rel(AQIM, 'rival_of', IS, '2015'),
];
const data = { nodes, edges };
const box = (n: GraphNode): LayoutNode => ({ id: n.id, w: Math.min(130, n.name.length * 6.5), h: 60 });

describe('what the graph shows', () => {
  it('shows organizations and the relations between them by default', () => {
    const v = visibleGraph(data, DEFAULT_FILTERS);
    expect(v.nodeIds.has(12)).toBe(false);
    expect([...v.edgeIds]).not.toContain(edges.find((e) => e.type === 'operates_in')!.id);
    expect(v.edgeIds.size).toBe(edges.length - 1);
  });

  it('shows the 2017 mergers into JNIM only once the time window reaches 2017', () => {
    const jnimEdges = edges.filter((e) => e.target === JNIM).map((e) => e.id);
    const in2016 = visibleGraph(data, { ...DEFAULT_FILTERS, from: 2016, to: 2016 });
    expect(jnimEdges.some((id) => in2016.edgeIds.has(id))).toBe(false);
    expect(in2016.nodeIds.has(JNIM)).toBe(false);
    const in2017 = visibleGraph(data, { ...DEFAULT_FILTERS, from: 2016, to: 2017 });
    expect(jnimEdges.every((id) => in2017.edgeIds.has(id))).toBe(true);
    const in2007 = visibleGraph(data, { ...DEFAULT_FILTERS, from: 2007, to: 2007 });
    expect(in2007.nodeIds.has(MURABITOUN)).toBe(false);
    expect(in2007.nodeIds.has(AQIM)).toBe(true);
    expect(in2007.nodeIds.has(GSPC)).toBe(true);
  });

  it('does not draw a group before it emerged, even through its undated relations', () => {
    const undated = rel(ANSAR_DINE, 'allied_with', MURABITOUN, null);
    const withUndated = { nodes, edges: [...edges, undated] };
    expect(visibleGraph(withUndated, { ...DEFAULT_FILTERS, from: 2007, to: 2007 }).nodeIds.has(MURABITOUN)).toBe(false);
    expect(visibleGraph(withUndated, { ...DEFAULT_FILTERS, from: 2007, to: 2007 }).edgeIds.has(undated.id)).toBe(false);
    expect(visibleGraph(withUndated, { ...DEFAULT_FILTERS, from: 2013, to: 2013 }).edgeIds.has(undated.id)).toBe(true);
  });

  it('handles open-ended and partial dates in the window', () => {
    expect(inWindow({ start: null, end: '2013' }, 2013, 2013)).toBe(true);
    expect(inWindow({ start: null, end: '2013' }, 2014, null)).toBe(false);
    expect(inWindow({ start: '2017-03', end: null }, null, 2016)).toBe(false);
    expect(inWindow({ start: '2017-03', end: null }, 2030, 2030)).toBe(true);
  });

  it('drops relations below the minimum grade, and uncited ones once a grade is asked for', () => {
    const v = visibleGraph(data, { ...DEFAULT_FILTERS, minReliability: 'B', minCredibility: 2 });
    expect(v.edgeIds.has(edges.find((e) => e.source === MLF)!.id)).toBe(false);
    expect(v.edgeIds.has(edges.find((e) => e.source === ANSAR_DINE)!.id)).toBe(true);
  });

  it('labels relations in words, with years and grade when asked', () => {
    expect(edgeLabel(edges[1]!, { years: false, grade: false })).toBe('broke away from');
    expect(edgeLabel(edges[0]!, { years: true, grade: true })).toBe('became · 2007– · B2');
  });
});

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
      expect(at(positions, ends.newer).x, `${e.type} ${e.source}→${e.target}`).toBeGreaterThan(at(positions, ends.older).x);
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

describe('analysis', () => {
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

  it('finds neighbourhoods by hops and the shortest path between two groups', () => {
    expect([...neighbourhood([MLF], edges, 1)].sort((a, b) => a - b)).toEqual([MLF, JNIM]);
    expect(neighbourhood([MLF], edges, 2).has(MURABITOUN)).toBe(true);
    const path = shortestPath(MLF, IS, edges)!;
    expect(path.nodes[0]).toBe(MLF);
    expect(path.nodes.at(-1)).toBe(IS);
    expect(path.nodes).toHaveLength(path.edges.length + 1);
    expect(path.nodes.length).toBeLessThanOrEqual(5);
    expect(shortestPath(MLF, 999, edges)).toBeNull();
  });
});
