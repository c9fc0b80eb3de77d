import { describe, expect, it } from 'vitest';
import { IS, JNIM, MLF, MURABITOUN, edges } from '../model/aqimFamily.testdata';
import { neighbourhood, shortestPath } from './analysis';

describe('analysis', () => {
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
