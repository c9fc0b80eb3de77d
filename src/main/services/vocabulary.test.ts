// The case's vocabulary against a real case file: types are data, checked on every write, and the
// editor's add, change, merge and delete each undo as one step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCase, type TempCase } from '../testing/tempCase';
import { createEntity } from './entities';
import { createRelation } from './relations';
import { deleteType, listVocabulary, mergeTypes, saveType } from './vocabulary';

let t: TempCase;
beforeEach(() => (t = tempCase()));
afterEach(() => t.cleanup());

const kinship = {
  id: 'kinship',
  reads: 'is related to',
  symmetric: true,
  lineage: false,
  colour: '#00897b',
  lineStyle: 'dashed' as const,
};

describe('vocabulary', () => {
  it('a new case starts with the 4 entity types and 17 relation types', () => {
    const v = listVocabulary(t.store);
    expect(v.entityTypes.map((x) => x.id)).toEqual(['organization', 'person', 'location', 'event']);
    expect(v.relationTypes).toHaveLength(17);
    expect(v.relationTypes.find((x) => x.id === 'splinter_of')).toMatchObject({
      reads: 'broke away from',
      lineage: true,
      symmetric: false,
    });
    expect(v.relationTypes.find((x) => x.id === 'rival_of')).toMatchObject({ symmetric: true });
  });

  it('refuses a type the case does not have, and takes it once added; undo removes the type again', () => {
    const { store } = t;
    const a = createEntity(store, { type: 'person', name: 'Imam Samudra' });
    const b = createEntity(store, { type: 'person', name: 'Mukhlas' });
    expect(() => createRelation(store, { sourceId: a.id, targetId: b.id, type: 'kinship' })).toThrow(
      /“kinship” is not a relation type of this case/,
    );
    saveType(store, { kind: 'relation', type: kinship });
    const relation = createRelation(store, { sourceId: a.id, targetId: b.id, type: 'kinship', weight: 3 });
    expect(relation).toMatchObject({ type: 'kinship', weight: 3 });
    expect(listVocabulary(store).relationTypes.find((x) => x.id === 'kinship')).toMatchObject({
      ...kinship,
      count: 1,
    });
    store.journal.undo();
    store.journal.undo();
    expect(listVocabulary(store).relationTypes.some((x) => x.id === 'kinship')).toBe(false);
  });

  it('renames and recolours a type in place, keeping its rows', () => {
    const { store } = t;
    saveType(store, {
      kind: 'entity',
      type: { id: 'vehicle', label: 'Vehicle', plural: 'Vehicles', colour: '#123456', shape: 'rectangle' },
    });
    createEntity(store, { type: 'vehicle', name: 'White Toyota' });
    saveType(store, {
      kind: 'entity',
      type: { id: 'vehicle', label: 'Car', plural: 'Cars', colour: '#654321', shape: 'rectangle' },
    });
    expect(listVocabulary(store).entityTypes.find((x) => x.id === 'vehicle')).toMatchObject({
      label: 'Car',
      colour: '#654321',
      count: 1,
    });
  });

  it('merges one type into another (rows move, the type goes) and refuses to delete a type in use', () => {
    const { store } = t;
    saveType(store, { kind: 'relation', type: kinship });
    const a = createEntity(store, { type: 'person', name: 'A' });
    const b = createEntity(store, { type: 'person', name: 'B' });
    createRelation(store, { sourceId: a.id, targetId: b.id, type: 'kinship' });
    expect(() => deleteType(store, { kind: 'relation', id: 'kinship' })).toThrow(
      /is the type of 1 relation; merge it/,
    );
    expect(mergeTypes(store, { kind: 'relation', from: 'kinship', into: 'allied_with' })).toEqual({
      moved: 1,
    });
    expect(store.relations.page({ offset: 0, limit: 10 }).rows.map((r) => r.type)).toEqual(['allied_with']);
    expect(listVocabulary(store).relationTypes.some((x) => x.id === 'kinship')).toBe(false);
    store.journal.undo();
    expect(store.relations.page({ offset: 0, limit: 10 }).rows.map((r) => r.type)).toEqual(['kinship']);
    expect(deleteType(store, { kind: 'entity', id: 'event' })).toEqual({ deleted: 1 });
  });
});
