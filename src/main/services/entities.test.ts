// Deleting with an id given twice (found by the IPC fuzz test: the delete was saved, then reported
// as a failure that "changed nothing").
import { afterEach, describe, expect, it } from 'vitest';
import { tempCase, type TempCase } from '../testing/tempCase';
import { deleteEntities } from './entities';
import { deleteRelations } from './relations';

let t: TempCase;
afterEach(() => t.cleanup());

describe('deleting with an id given twice', () => {
  it('deletes the entity once, says so, and undoes in one step', () => {
    t = tempCase();
    const aqim = t.store.entities.insert({ type: 'organization', name: 'AQIM' });
    t.store.entities.insert({ type: 'organization', name: 'GSPC' });
    expect(deleteEntities(t.store, [aqim, aqim])).toEqual({ deleted: 1 });
    expect(t.store.entities.count()).toBe(1);
    expect(t.store.journal.state().undoLabel).toBe('Delete “AQIM”');
    t.store.journal.undo();
    expect(t.store.entities.count()).toBe(2);
  });

  it('deletes the relation once', () => {
    t = tempCase();
    const a = t.store.entities.insert({ type: 'organization', name: 'AQIM' });
    const b = t.store.entities.insert({ type: 'organization', name: 'GSPC' });
    const r = t.store.relations.insert({ sourceId: b, targetId: a, type: 'renamed_to' });
    expect(deleteRelations(t.store, [r, r])).toEqual({ deleted: 1 });
    expect(t.store.relations.count()).toBe(0);
  });
});
