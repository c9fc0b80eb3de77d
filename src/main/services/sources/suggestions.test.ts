// Reviewing suggestions against a real case: accepting creates the entity, alias or relation with a
// citation of the exact passage; a review batch is one undo step; a rejection is remembered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCase, type TempCase } from '../../testing/tempCase';
import { listSuggestions, reviewSuggestions } from './suggestions';

let t: TempCase;
let sourceId: number;
let aqim: number;
const TEXT =
  'In 2012, the Movement for Unity and Jihad in West Africa (MUJAO) broke away from Al Qaida in the Islamic Maghreb.';
const span = (s: string): [number, number] => [TEXT.indexOf(s), TEXT.indexOf(s) + s.length];

beforeEach(() => {
  t = tempCase();
  const { store } = t;
  aqim = store.entities.insert({
    type: 'organization',
    name: 'Al Qaeda in the Islamic Maghreb',
    aliases: ['AQIM'],
  });
  sourceId = store.sources.insert({ title: 'Report', reliability: 'B', text: TEXT });
  const [ms, me] = span('Al Qaida in the Islamic Maghreb');
  const [es, ee] = span('Movement for Unity and Jihad in West Africa (MUJAO)');
  store.suggestions.insert(sourceId, {
    kind: 'mention',
    key: 'm1',
    score: 0.9,
    start: ms,
    end: me,
    text: TEXT.slice(ms, me),
    payload: { entityId: aqim, matched: 'Al Qaeda in the Islamic Maghreb' },
  });
  store.suggestions.insert(sourceId, {
    kind: 'entity',
    key: 'e1',
    score: 0.8,
    start: es,
    end: ee,
    text: TEXT.slice(es, ee),
    payload: {
      name: 'Movement for Unity and Jihad in West Africa',
      type: 'organization',
      aliases: ['MUJAO'],
    },
  });
  store.suggestions.insert(sourceId, {
    kind: 'relation',
    key: 'r1',
    score: 0.7,
    start: 0,
    end: TEXT.length,
    text: TEXT,
    payload: {
      type: 'splinter_of',
      source: { name: 'Movement for Unity and Jihad in West Africa' },
      target: { entityId: aqim },
      sourceSpan: [es, ee],
      targetSpan: [ms, me],
      startDate: '2012',
    },
  });
});
afterEach(() => t.cleanup());

const ids = (): Record<string, number> =>
  Object.fromEntries(
    (t.store.db.prepare('SELECT key, id FROM suggestion').all() as { key: string; id: number }[]).map((r) => [
      r.key,
      r.id,
    ]),
  );

describe('review of suggestions', () => {
  it('accepting creates the entity, the alias and the relation, each cited with its exact passage, as one undo step', () => {
    const { store } = t;
    const id = ids();
    const result = reviewSuggestions(store, sourceId, [
      { id: id.r1!, action: 'accept' },
      { id: id.m1!, action: 'accept', edit: { credibility: 3 } },
    ]);
    expect(result.accepted).toBe(2);
    expect(result.created.entities).toHaveLength(1);
    expect(result.created.relations).toHaveLength(1);
    expect(result.created.aliases).toBe(1);
    const mujao = store.entities.get(result.created.entities[0]!)!;
    expect(mujao).toMatchObject({
      name: 'Movement for Unity and Jihad in West Africa',
      type: 'organization',
      aliases: ['MUJAO'],
    });
    expect(store.entities.get(aqim)!.aliases).toContain('Al Qaida in the Islamic Maghreb');
    const relation = store.relations.get(result.created.relations[0]!)!;
    expect(relation).toMatchObject({
      sourceId: mujao.id,
      targetId: aqim,
      type: 'splinter_of',
      startDate: '2012',
    });
    for (const citation of store.sources.citationsIn(sourceId)) {
      expect(TEXT.slice(citation.start!, citation.end!)).toBe(citation.quote);
    }
    expect(store.sources.citationsOf('entity', aqim)[0]!.credibility).toBe(3);
    // The candidate entity the relation named was accepted with it.
    expect(store.suggestions.get(id.e1!)!.status).toBe('accepted');

    store.journal.undo();
    expect(store.entities.count()).toBe(1);
    expect(store.relations.count()).toBe(0);
    expect(store.entities.get(aqim)!.aliases).toEqual(['AQIM']);
    expect(store.suggestions.get(id.r1!)!.status).toBe('pending');
  });

  it('a rejected suggestion is not proposed again when the names change and suggestions are recomputed', () => {
    const { store } = t;
    reviewSuggestions(store, sourceId, [{ id: ids().e1!, action: 'reject' }]);
    store.entities.insert({ type: 'location', name: 'West Africa' });
    const { suggestions } = listSuggestions(store, sourceId);
    const rejected = suggestions.filter((s) => s.status === 'rejected');
    expect(rejected.map((s) => s.text)).toEqual(['Movement for Unity and Jihad in West Africa (MUJAO)']);
    expect(
      suggestions.filter(
        (s) => s.kind === 'entity' && s.status === 'pending' && s.text === rejected[0]!.text,
      ),
    ).toEqual([]);
  });

  it('refuses a decision on a suggestion already decided, and a type the case does not know, changing nothing', () => {
    const { store } = t;
    const id = ids();
    reviewSuggestions(store, sourceId, [{ id: id.m1!, action: 'reject' }]);
    expect(() => reviewSuggestions(store, sourceId, [{ id: id.m1!, action: 'accept' }])).toThrow(
      /already rejected/,
    );
    const before = store.relations.count();
    expect(() =>
      reviewSuggestions(store, sourceId, [{ id: id.r1!, action: 'accept', edit: { type: 'kinship' } }]),
    ).toThrow(/not a relation type/);
    expect(store.relations.count()).toBe(before);
    expect(store.suggestions.get(id.r1!)!.status).toBe('pending');
  });
});
