// Centrality on graphs small enough to check by hand; the real networks are compared with networkx
// in src/main/io/graph/networkx.test.ts.
import { describe, expect, it } from 'vitest';
import { centrality, describeDefinition, type CentralityRelation } from './centrality';

const rel = (
  source: string,
  target: string,
  type = 'tie',
  weight?: number,
  symmetric = false,
): CentralityRelation => ({
  source,
  target,
  type,
  weight,
  symmetric,
});

describe('centrality', () => {
  it('betweenness of a path: the middle entity carries the only shortest path', () => {
    const r = centrality(['a', 'b', 'c'], [rel('a', 'b'), rel('b', 'c')], {
      weighted: false,
      directed: false,
    });
    expect([...r.degree]).toEqual([1, 2, 1]);
    expect([...r.betweenness]).toEqual([0, 1, 0]);
    expect(r.pagerank.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(r.pagerank[1]).toBeGreaterThan(r.pagerank[0]!);
  });

  it('unweighted: parallel relations count once and self-loops not at all; weighted: weights add up', () => {
    const relations = [
      rel('a', 'b', 'tie', 2),
      rel('a', 'b', 'tie', 3),
      rel('a', 'a', 'tie', 5),
      rel('b', 'c', 'other', 1),
    ];
    const plain = centrality(['a', 'b', 'c'], relations, { weighted: false, directed: false });
    expect([...plain.degree]).toEqual([1, 2, 1]);
    expect(plain.left.selfLoops).toBe(1);
    const weighted = centrality(['a', 'b', 'c'], relations, { weighted: true, directed: false });
    expect([...weighted.degree]).toEqual([5, 6, 1]);
  });

  it('directed: in plus out, and a symmetric type counts both ways', () => {
    const r = centrality(['a', 'b', 'c'], [rel('a', 'b'), rel('b', 'c', 'allied_with', undefined, true)], {
      weighted: false,
      directed: true,
    });
    expect([...r.outDegree!]).toEqual([1, 1, 1]);
    expect([...r.inDegree!]).toEqual([0, 2, 1]);
    expect([...r.degree]).toEqual([1, 3, 2]);
  });

  it('keeps to the chosen relation types', () => {
    const r = centrality(['a', 'b', 'c'], [rel('a', 'b', 'kinship'), rel('b', 'c', 'training')], {
      weighted: false,
      directed: false,
      types: ['kinship'],
    });
    expect([...r.degree]).toEqual([1, 1, 0]);
    expect(r.left.otherTypes).toBe(1);
  });

  it('weighted betweenness takes 1/weight as length: strong ties make the short way', () => {
    // a–b–c with strong ties, a–d–c with weak ones: by hops both ways tie, by strength b carries all.
    const relations = [
      rel('a', 'b', 'tie', 10),
      rel('b', 'c', 'tie', 10),
      rel('a', 'd', 'tie', 1),
      rel('d', 'c', 'tie', 1),
    ];
    const ids = ['a', 'b', 'c', 'd'];
    const plain = centrality(ids, relations, { weighted: false, directed: false });
    expect(plain.betweenness[1]).toBeCloseTo(plain.betweenness[3]!, 15);
    const weighted = centrality(ids, relations, { weighted: true, directed: false });
    expect(weighted.betweenness[1]).toBeGreaterThan(0);
    expect(weighted.betweenness[3]).toBe(0);
  });

  it('PageRank spreads the rank of an entity with no outgoing tie evenly, as networkx does', () => {
    // a → b, b has no outgoing tie: x_b = 0.15/2 + 0.85·(x_a + x_b/2), x_a = 0.15/2 + 0.85·x_b/2.
    const r = centrality(['a', 'b'], [rel('a', 'b')], { weighted: false, directed: true });
    const xa = r.pagerank[0]!;
    const xb = r.pagerank[1]!;
    expect(xa + xb).toBeCloseTo(1, 12);
    expect(xa).toBeCloseTo(0.075 + 0.425 * xb, 12);
  });

  it('leaves out weights of zero or below and relations to entities not listed', () => {
    const r = centrality(['a', 'b'], [rel('a', 'b', 'tie', 0), rel('a', 'b', 'tie', -1), rel('a', 'z')], {
      weighted: true,
      directed: false,
    });
    expect([...r.degree]).toEqual([0, 0]);
    expect(r.left).toEqual({ selfLoops: 0, otherTypes: 0, unknownEnds: 1, badWeights: 2 });
  });

  it('states its definition in words', () => {
    expect(describeDefinition({ weighted: false, directed: true })).toMatch(
      /^Over relations of every type\. Directed: .* symmetric type counts in both directions\. Unweighted: parallel relations between the same two entities count once; .* Self-loops are left out\. Degree is in-degree plus out-degree\./,
    );
    const weighted = describeDefinition({ weighted: true, directed: false, types: ['kinship', 'training'] });
    expect(weighted).toContain('Over relations of 2 types (kinship, training).');
    expect(weighted).toContain('degree sums the weights, betweenness takes 1/weight as the length of a tie');
    expect(weighted).toContain('PageRank uses damping 0.85');
  });
});
