import { afterEach, describe, expect, it } from 'vitest';
import { tempCase, type TempCase } from '../testing/tempCase';
import { CaseStore } from '.';

let t: TempCase;
afterEach(() => t?.cleanup());

function snapshot(store: CaseStore): unknown {
  const dump = (table: string) => store.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  return {
    entity: dump('entity'),
    alias: dump('alias'),
    relation: dump('relation'),
    citation: dump('citation'),
    note: dump('note'),
  };
}

describe('undo and redo', () => {
  it('undoes and redoes an edit, and the labels say what will be undone', () => {
    t = tempCase();
    const { store } = t;
    const id = store.journal.record('Add AQIM', () =>
      store.entities.insert({ type: 'organization', name: 'AQIM' }),
    );
    store.journal.record('Rename AQIM', () =>
      store.entities.update(id, { name: 'Al Qaeda in the Islamic Maghreb', aliases: ['AQIM'] }),
    );
    expect(store.journal.state()).toMatchObject({ canUndo: true, undoLabel: 'Rename AQIM', canRedo: false });
    expect(store.journal.undo()).toBe('Rename AQIM');
    expect(store.entities.get(id)).toMatchObject({ name: 'AQIM', aliases: [] });
    expect(store.journal.state()).toMatchObject({ redoLabel: 'Rename AQIM' });
    expect(store.journal.redo()).toBe('Rename AQIM');
    expect(store.entities.get(id)).toMatchObject({
      name: 'Al Qaeda in the Islamic Maghreb',
      aliases: ['AQIM'],
    });
  });

  it('brings back an entity with its aliases, relations, citations and notes after a delete', () => {
    t = tempCase();
    const { store } = t;
    const [aqim, gspc, source] = store.transaction(() => {
      const a = store.entities.insert({
        type: 'organization',
        name: 'AQIM',
        aliases: ['Al Qaeda in the Islamic Maghreb'],
      });
      const g = store.entities.insert({ type: 'organization', name: 'GSPC' });
      const s = store.sources.insert({ title: 'CRS IF10172', reliability: 'B', text: 'GSPC became AQIM.' });
      const r = store.relations.insert({ sourceId: g, targetId: a, type: 'succeeded_by', startDate: '2007' });
      store.sources.cite({
        sourceId: s,
        subjectKind: 'relation',
        subjectId: r,
        quote: 'GSPC became AQIM.',
        credibility: 2,
      });
      store.sources.cite({ sourceId: s, subjectKind: 'entity', subjectId: a, quote: 'AQIM', credibility: 2 });
      store.notes.insert({ kind: 'entity', id: a }, 'my private judgement', true);
      return [a, g, s];
    });
    const before = snapshot(store);
    store.journal.record('Delete AQIM', () => store.entities.delete(aqim));
    expect(store.entities.get(aqim)).toBeNull();
    expect(store.relations.count()).toBe(0);
    expect(store.notes.count()).toBe(0);
    store.journal.undo();
    expect(snapshot(store)).toEqual(before);
    store.journal.redo();
    expect(store.entities.get(aqim)).toBeNull();
    expect(store.entities.get(gspc)).not.toBeNull();
    expect(store.sources.citationsIn(source)).toHaveLength(0);
    store.journal.undo();
    expect(snapshot(store)).toEqual(before);
  });

  it('keeps the history across a restart', () => {
    t = tempCase();
    const id = t.store.journal.record('Add Ansar al Dine', () =>
      t.store.entities.insert({ type: 'organization', name: 'Ansar al Dine' }),
    );
    t.store.close();
    const reopened = CaseStore.open(t.file);
    t.store = reopened;
    expect(reopened.journal.state()).toMatchObject({ canUndo: true, undoLabel: 'Add Ansar al Dine' });
    reopened.journal.undo();
    expect(reopened.entities.get(id)).toBeNull();
  });

  it('drops the redo branch when a new edit is made after an undo', () => {
    t = tempCase();
    const { store } = t;
    store.journal.record('Add A', () => store.entities.insert({ type: 'person', name: 'A' }));
    store.journal.undo();
    store.journal.record('Add B', () => store.entities.insert({ type: 'person', name: 'B' }));
    expect(store.journal.state()).toMatchObject({ canRedo: false, undoLabel: 'Add B' });
  });

  it('records nothing when the action fails, and changes nothing', () => {
    t = tempCase();
    const { store } = t;
    const before = snapshot(store);
    expect(() =>
      store.journal.record('Bad', () => {
        store.entities.insert({ type: 'person', name: 'Half-written' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(snapshot(store)).toEqual(before);
    expect(store.journal.state().canUndo).toBe(false);
  });

  it('undoes a large insert by its id ranges, across a restart, leaving the file as it was', () => {
    t = tempCase();
    const a = t.store.entities.insert({ type: 'organization', name: 'AQIM', aliases: ['GSPC'] });
    const search = () =>
      t.store.db.prepare('SELECT rowid, kind, ref, title, body FROM search_index ORDER BY rowid').all();
    const before = { rows: snapshot(t.store), search: search() };
    t.store.journal.recordInserts('Import 3 rows', ['entity', 'alias', 'relation'], () => {
      const b = t.store.entities.insert({ type: 'organization', name: 'MUJAO', aliases: ['MOJWA'] });
      t.store.entities.setTags(b, ['splinter']);
      t.store.relations.insert({ sourceId: b, targetId: a, type: 'splinter_of', startDate: '2011' });
      t.store.entities.insert({ type: 'person', name: 'Belmokhtar' });
    });
    const after = { rows: snapshot(t.store), search: search() };
    const entry = t.store.db.prepare('SELECT changes FROM journal ORDER BY id DESC LIMIT 1').pluck().get();
    expect(JSON.parse(entry as string)).toEqual({
      inserted: { entity: [2, 3], alias: [2, 2], relation: [1, 1] },
    });

    t.store.close();
    t.store = CaseStore.open(t.file);
    expect(t.store.journal.undo()).toBe('Import 3 rows');
    expect({ rows: snapshot(t.store), search: search() }).toEqual(before);
    expect(t.store.entities.findByName('MOJWA')).toBeNull();

    t.store.close();
    t.store = CaseStore.open(t.file);
    expect(t.store.journal.redo()).toBe('Import 3 rows');
    expect({ rows: snapshot(t.store), search: search() }).toEqual(after);
    expect(t.store.db.prepare('SELECT count(*) FROM journal_rows').pluck().get()).toBe(0);
  });
});
