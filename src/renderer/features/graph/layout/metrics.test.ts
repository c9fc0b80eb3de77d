import { afterEach, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY } from '../../../../shared/vocabulary';
import { setGraphTypes } from '../model/types';
import { computeMetrics } from './metrics';

afterEach(() => void setGraphTypes(DEFAULT_VOCABULARY));

it('counts a relation of a symmetric type the case added both ways, as the worker is told', () => {
  const input = { nodes: [10, 20], edges: [{ source: 10, target: 20, type: 'prior_contact' }] };
  const directed = computeMetrics(input).pagerank;
  expect(directed[1]).toBeGreaterThan(directed[0]!);
  setGraphTypes({
    entityTypes: DEFAULT_VOCABULARY.entityTypes,
    relationTypes: [
      ...DEFAULT_VOCABULARY.relationTypes,
      {
        id: 'prior_contact',
        reads: 'was in contact with',
        symmetric: true,
        lineage: false,
        colour: '#f4511e',
        lineStyle: 'dashed',
      },
    ],
  });
  const both = computeMetrics(input).pagerank;
  expect(both[0]).toBeCloseTo(both[1]!, 9);
});
