import { describe, expect, it } from 'vitest';
import { AQIM, JNIM, MLF, MURABITOUN, data, edges, nodes } from '../model/aqimFamily.testdata';
import { mergeRows } from './delta';

const nodeOf = (id: number) => nodes.find((n) => n.id === id)!;
const edgeInto = (target: number, source: number) =>
  edges.find((e) => e.source === source && e.target === target)!;

describe('a write applied to the graph as a delta', () => {
  it('changes only a label when an entity is renamed: nothing added, nothing moves', () => {
    const renamed = { ...nodeOf(AQIM), name: 'AQIM' };
    const delta = mergeRows(data, { entityIds: [AQIM], relationIds: [] }, { nodes: [renamed], edges: [] });
    expect(delta.structural).toBe(false);
    expect(delta.nodes.changed).toEqual([renamed]);
    expect(delta.data.nodes.find((n) => n.id === AQIM)!.name).toBe('AQIM');
    expect(delta.data.edges).toBe(data.edges); // untouched arrays are kept as they are
    expect(data.nodes.find((n) => n.id === AQIM)!.name).not.toBe('AQIM'); // the old data is not changed
  });

  it('changes nothing when the row read back draws the same (a summary edit)', () => {
    const delta = mergeRows(
      data,
      { entityIds: [AQIM], relationIds: [] },
      { nodes: [nodeOf(AQIM)], edges: [] },
    );
    expect(delta.data).toBe(data);
  });

  it('takes an entity not read back as deleted, and its relations with it', () => {
    const delta = mergeRows(data, { entityIds: [JNIM], relationIds: [] }, { nodes: [], edges: [] });
    expect(delta.structural).toBe(true);
    expect(delta.nodes.removed).toEqual([JNIM]);
    expect(delta.data.nodes.some((n) => n.id === JNIM)).toBe(false);
    const intoJnim = edges.filter((e) => e.target === JNIM).map((e) => e.id);
    expect(delta.edges.removed.sort()).toEqual(intoJnim.sort());
    expect(delta.data.edges.some((e) => e.target === JNIM)).toBe(false);
  });

  it('treats a changed date or type as structural (what is shown may change), a new source count not', () => {
    const merger = edgeInto(JNIM, MLF);
    const redated = mergeRows(
      data,
      { entityIds: [], relationIds: [merger.id] },
      { nodes: [], edges: [{ ...merger, start: '2018' }] },
    );
    expect(redated.structural).toBe(true);
    const corroborated = mergeRows(
      data,
      { entityIds: [], relationIds: [merger.id] },
      { nodes: [], edges: [{ ...merger, corroboration: 2, sources: [1, 2] }] },
    );
    expect(corroborated.structural).toBe(false);
    expect(corroborated.edges.changed).toHaveLength(1);
  });

  it('adds a new entity and a new relation', () => {
    const added = {
      id: 99,
      type: 'organization',
      name: 'Katiba Macina',
      aliases: [],
      notes: 0,
      citations: 0,
    };
    const relation = { ...edgeInto(JNIM, MLF), id: 500, source: 99, target: MURABITOUN, type: 'allied_with' };
    const delta = mergeRows(
      data,
      { entityIds: [99], relationIds: [500] },
      { nodes: [added], edges: [relation] },
    );
    expect(delta.structural).toBe(true);
    expect(delta.nodes.added).toEqual([added]);
    expect(delta.edges.added).toEqual([relation]);
    expect(delta.data.nodes).toHaveLength(data.nodes.length + 1);
  });
});
