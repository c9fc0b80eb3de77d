import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCase, type TempCase } from '../../testing/tempCase';
import { mergeEntities, tagEntities } from './sheetActions';

let c: TempCase;
beforeEach(() => {
  c = tempCase();
});
afterEach(() => c.cleanup());

describe('merging entities', () => {
  it('keeps every alias, relation, citation and note of both, as one undo step', () => {
    const { store } = c;
    const keep = store.entities.insert({
      type: 'person',
      name: 'Abdelmalek Droukdel',
      aliases: ['Droukdel'],
      tags: ['leader'],
    });
    const other = store.entities.insert({
      type: 'person',
      name: 'Abu Musab Abd al-Wadoud',
      aliases: ['Abdelmalik Droukdal'],
      summary: 'Emir of AQIM',
    });
    const aqim = store.entities.insert({ type: 'organization', name: 'AQIM' });
    const led = store.relations.insert({ sourceId: other, targetId: aqim, type: 'leader_of' });
    const source = store.sources.insert({ title: 'Brief', text: 'Droukdel leads AQIM' });
    store.sources.cite({
      sourceId: source,
      subjectKind: 'entity',
      subjectId: other,
      quote: 'Droukdel leads AQIM',
      credibility: 2,
    });
    store.notes.insert({ kind: 'entity', id: other }, 'same man?', true);

    const merged = mergeEntities(store, keep, [other]);
    expect(merged.aliases.sort()).toEqual(
      ['Abdelmalik Droukdal', 'Abu Musab Abd al-Wadoud', 'Droukdel'].sort(),
    );
    expect(merged.summary).toBe('Emir of AQIM');
    expect(merged.tags).toEqual(['leader']);
    expect(store.entities.get(other)).toBeNull();
    expect(store.relations.get(led)).toMatchObject({ sourceId: keep, targetId: aqim });
    expect(store.sources.citationsOf('entity', keep)).toHaveLength(1);
    expect(store.notes.list({ kind: 'entity', id: keep }).map((n) => n.body)).toEqual(['same man?']);

    store.journal.undo();
    expect(store.entities.get(other)?.name).toBe('Abu Musab Abd al-Wadoud');
    expect(store.relations.get(led)).toMatchObject({ sourceId: other });
    expect(store.sources.citationsOf('entity', other)).toHaveLength(1);
    expect(store.notes.list({ kind: 'entity', id: other })).toHaveLength(1);
    expect(store.entities.get(keep)!.aliases).toEqual(['Droukdel']);
  });

  it('refuses to merge an entity with itself', () => {
    const id = c.store.entities.insert({ type: 'organization', name: 'AQIM' });
    expect(() => mergeEntities(c.store, id, [id])).toThrow('at least two different entities');
  });
});

describe('tagging entities', () => {
  it('tags many entities in one undo step and skips those already tagged', () => {
    const a = c.store.entities.insert({ type: 'organization', name: 'A', tags: ['sahel'] });
    const b = c.store.entities.insert({ type: 'organization', name: 'B' });
    expect(tagEntities(c.store, [a, b], 'sahel')).toEqual({ tagged: 1 });
    expect(c.store.entities.get(b)!.tags).toEqual(['sahel']);
    c.store.journal.undo();
    expect(c.store.entities.get(b)!.tags).toEqual([]);
    expect(c.store.entities.get(a)!.tags).toEqual(['sahel']);
  });
});
