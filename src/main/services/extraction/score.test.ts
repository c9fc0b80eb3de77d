// The scorer counts a mention when its span overlaps the gold span and links the same entity, and a relation
// when type, ends and direction match (either way round for a symmetric type) in an overlapping sentence.
import { describe, expect, it } from 'vitest';
import type { GoldDocument } from './gold/gold';
import { precision, recall, scoreDocument } from './score';
import type { ExtractedSuggestion } from './types';

const GOLD: GoldDocument = {
  source: 'test',
  file: 'test',
  mentions: [
    { start: 0, end: 4, text: 'AQIM', entity: 'aqim' },
    { start: 20, end: 33, text: 'Al Murabitoun', entity: 'al-murabitoun' },
  ],
  relations: [
    { type: 'splinter_of', source: 'al-murabitoun', target: 'aqim', start: 0, end: 40, text: '' },
    { type: 'rival_of', source: 'aqim', target: 'islamic-state', start: 0, end: 40, text: '' },
  ],
  unscored: [],
};
const ids = ['aqim', 'al-murabitoun', 'islamic-state'];
const idOf = (n: number): string | undefined => ids[n - 1];
const symmetric = (type: string): boolean => type === 'rival_of';
const base = { score: 1, text: '', key: '' };
const mention = (start: number, end: number, entityId: number): ExtractedSuggestion => ({
  ...base,
  kind: 'mention',
  start,
  end,
  entityId,
  matched: '',
});
const relation = (type: string, source: number, target: number, start = 0): ExtractedSuggestion => ({
  ...base,
  kind: 'relation',
  type,
  source: { entityId: source },
  target: { entityId: target },
  sourceSpan: [0, 0],
  targetSpan: [0, 0],
  start,
  end: start + 40,
});

describe('score', () => {
  it('counts an overlapping span with the same entity, once', () => {
    const s = scoreDocument(GOLD, [mention(0, 2, 1), mention(0, 4, 1), mention(20, 25, 3)], idOf, symmetric);
    expect(s.mentions).toEqual({ expected: 2, proposed: 3, matched: 1 });
    expect(recall(s.mentions)).toBe(0.5);
    expect(precision(s.mentions)).toBeCloseTo(1 / 3);
  });

  it('counts a relation by type, ends and direction, either way round only when symmetric', () => {
    const s = scoreDocument(
      GOLD,
      [relation('splinter_of', 1, 2), relation('splinter_of', 2, 1), relation('rival_of', 3, 1)],
      idOf,
      symmetric,
    );
    expect(s.relations).toEqual({ expected: 2, proposed: 3, matched: 2 });
    expect(s.wrongRelations).toEqual([
      { type: 'splinter_of', source: 'aqim', target: 'al-murabitoun', start: 0 },
    ]);
  });

  it('does not count a relation from another sentence, and leaves relations to new names unscored', () => {
    const far = scoreDocument(GOLD, [relation('splinter_of', 2, 1, 100)], idOf, symmetric);
    expect(far.relations.matched).toBe(0);
    const named = scoreDocument(
      GOLD,
      [{ ...relation('splinter_of', 2, 1), source: { name: 'Katiba X' } } as ExtractedSuggestion],
      idOf,
      symmetric,
    );
    expect(named.relations.proposed).toBe(0);
    expect(named.relationsWithNewNames).toBe(1);
  });
});
