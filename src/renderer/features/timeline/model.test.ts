import { scaleUtc } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../shared/ipc/graph/contract';
import { buildTimeline, relationSpan } from './model';
import { sceneOf, svgOf } from './scene';

const node = (
  id: number,
  name: string,
  activeFrom: string | null,
  activeTo: string | null,
  type = 'organization',
): GraphNode => ({
  id,
  type,
  name,
  aliases: [],
  notes: 0,
  citations: 0,
  activeFrom,
  activeTo,
});
const edge = (
  id: number,
  source: number,
  target: number,
  start: string | null,
  end: string | null,
): GraphEdge => ({
  id,
  source,
  target,
  type: 'merged_into',
  start,
  end,
  corroboration: 1,
  grade: 'B2',
  sources: [1],
});

describe('the timeline model', () => {
  const nodes = [
    node(1, 'GSPC', null, '2007'),
    node(2, 'AQIM', '2007', null),
    node(3, 'JNIM', '2017', null),
    node(4, 'Unnamed cell', null, null),
    node(5, 'Mali', null, null, 'location'),
  ];
  const edges = [
    edge(10, 1, 2, '2007', null),
    edge(11, 2, 3, '2017-03', '2017-03'),
    edge(12, 2, 5, '2012', '2013'),
    edge(13, 4, 2, null, null),
  ];

  it('gives each dated group a row in order of appearance, lifetimes as partial-date periods', () => {
    const model = buildTimeline(nodes, edges, ['organization']);
    expect(model.rows.map((r) => r.name)).toEqual(['GSPC', 'AQIM', 'JNIM']);
    expect(model.rows[0]!.lifetime).toEqual({ start: -Infinity, end: Date.UTC(2008, 0, 1) });
    expect(model.undatedRelations).toBe(1);
    expect(model.extent).toEqual({ start: Date.UTC(2007, 0, 1), end: Date.UTC(2018, 0, 1) });
    // AQIM's row holds its relation to Mali (an interval) and the merger with JNIM (a point).
    const aqim = model.rows.findIndex((r) => r.name === 'AQIM');
    const onAqim = model.items.slice(model.rowStart[aqim], model.rowStart[aqim + 1]);
    expect(onAqim.map((i) => [i.relationId, i.point])).toEqual([
      [12, false],
      [11, true],
    ]);
  });

  it('has no extent, and so no window, for a case without dates', () => {
    const model = buildTimeline(
      [node(1, 'A', null, null), node(2, 'B', null, null)],
      [edge(1, 1, 2, null, null)],
      ['organization'],
    );
    expect(model.extent).toBeNull();
    expect(model.rows).toEqual([]);
  });

  it('reads a relation as an interval only when its end outlasts its start', () => {
    expect(relationSpan({ start: '2013', end: '2013' })).toMatchObject({ point: true });
    expect(relationSpan({ start: '2013', end: '2015' })).toMatchObject({ point: false });
    expect(relationSpan({ start: null, end: null })).toBeNull();
  });

  it('draws the same rows into SVG that the screen shows, undated ones hollow', () => {
    const model = buildTimeline(nodes, edges, ['organization']);
    const scale = scaleUtc()
      .domain([new Date(Date.UTC(2005, 0, 1)), new Date(Date.UTC(2019, 0, 1))])
      .range([190, 900]);
    const common = {
      scale,
      width: 900,
      height: 200,
      scrollTop: 0,
      entityColour: () => '#1f5fbf',
      relationColour: () => '#c62828',
      selectedEntities: new Set([2]),
      selectedRelations: new Set<number>(),
    };
    const svg = svgOf(sceneOf(model, { ...common, axis: true }), 900, 200);
    expect(svg).toContain('>GSPC</text>');
    expect(svg).toContain('>2010</text>');
    expect(svg.match(/<path d="M/g)).toHaveLength(2); // the two one-off relations, as diamonds
    // The pane draws the axis with d3-axis: the canvas scene has no tick labels.
    expect(
      sceneOf(model, { ...common, axis: false }).some((s) => s.kind === 'text' && s.text === '2010'),
    ).toBe(false);
    const withCell = buildTimeline(nodes, [...edges, edge(14, 4, 2, '2010', null)], ['organization']);
    expect(svgOf(sceneOf(withCell, { ...common, axis: true }), 900, 200)).toContain('Unnamed cell (undated)');
  });
});
