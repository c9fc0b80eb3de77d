import { describe, expect, it } from 'vitest';
import {
  ANSAR_DINE,
  AQIM,
  GSPC,
  JNIM,
  MLF,
  MURABITOUN,
  data,
  edges,
  nodes,
  rel,
} from './aqimFamily.testdata';
import { DEFAULT_FILTERS, edgeLabel, inWindow, visibleGraph, yearRange } from './graphData';

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
    expect(
      visibleGraph(withUndated, { ...DEFAULT_FILTERS, from: 2007, to: 2007 }).nodeIds.has(MURABITOUN),
    ).toBe(false);
    expect(
      visibleGraph(withUndated, { ...DEFAULT_FILTERS, from: 2007, to: 2007 }).edgeIds.has(undated.id),
    ).toBe(false);
    expect(
      visibleGraph(withUndated, { ...DEFAULT_FILTERS, from: 2013, to: 2013 }).edgeIds.has(undated.id),
    ).toBe(true);
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

describe('lifetimes under a time window', () => {
  const n = (id: number, activeFrom: string | null, activeTo: string | null) => ({
    id,
    type: 'organization',
    name: `G${id}`,
    aliases: [],
    notes: 0,
    citations: 0,
    activeFrom,
    activeTo,
  });
  const e = (id: number, source: number, target: number, start: string | null) => ({
    id,
    source,
    target,
    type: 'allied_with',
    start,
    end: null,
    corroboration: 1,
    grade: 'B2',
    sources: [1],
  });
  // GSPC to 2007, MUJAO to 2013, JNIM from 2017, an undated cell; one dated and one undated relation.
  const lifetimes = {
    nodes: [n(1, null, '2007'), n(2, null, '2013'), n(3, '2017', null), n(4, null, null)],
    edges: [e(10, 2, 3, '2012'), e(11, 4, 2, null)],
  };
  const shown = (from: number, to: number, showUndated = true) =>
    [...visibleGraph(lifetimes, { ...DEFAULT_FILTERS, from, to, showUndated }).nodeIds].sort();

  it('shows an entity whose lifetime overlaps the window and hides the others, a partial date covering its period', () => {
    expect(shown(2007, 2007)).toEqual([1, 2, 4]);
    expect(shown(2013, 2013)).toEqual([2, 4]);
    // The undated cell's one relation is with MUJAO, gone by 2017: it goes with it.
    expect(shown(2017, 2017)).toEqual([3]);
    expect(shown(2008, 2012, false)).toEqual([2]);
  });

  it('leaves undated entities and relations to the toggle', () => {
    const v = visibleGraph(lifetimes, { ...DEFAULT_FILTERS, from: 2010, to: 2013, showUndated: false });
    expect(v.edgeIds.has(11)).toBe(false);
    expect(v.nodeIds.has(4)).toBe(false);
    const w = visibleGraph(lifetimes, { ...DEFAULT_FILTERS, from: 2010, to: 2013 });
    expect(w.edgeIds.has(11)).toBe(true);
  });

  it('has no years, and so no window, while nothing is dated', () => {
    expect(yearRange([{ start: null, end: null }], [{ activeFrom: null, activeTo: null }])).toBeNull();
    expect(yearRange([], [{ activeFrom: '2007', activeTo: '2013' }])).toEqual({ min: 2007, max: 2013 });
  });
});
