import { afterEach, describe, expect, it } from 'vitest';
import { CaseStore } from '..';
import { tempCase, type TempCase } from '../../testing/tempCase';

let t: TempCase;
afterEach(() => t?.cleanup());

describe('paged rows and their total', () => {
  it('gives the same total from a short page, a full page, the last page and past the end', () => {
    t = tempCase();
    const { store } = t;
    const ids = store.transaction(() =>
      Array.from({ length: 250 }, (_, i) =>
        store.entities.insert({ type: i % 5 ? 'organization' : 'person', name: `Katiba ${i}` }),
      ),
    );
    store.transaction(() => {
      for (let i = 1; i < ids.length; i++)
        store.relations.insert({ sourceId: ids[i - 1]!, targetId: ids[i]!, type: 'allied_with' });
    });
    const persons = store.db.prepare("SELECT count(*) FROM entity WHERE type = 'person'").pluck().get();
    expect(persons).toBe(50);
    for (const [offset, limit] of [
      [0, 100],
      [0, 10],
      [40, 100],
      [49, 1],
      [50, 10],
      [400, 10],
    ] as const) {
      const page = store.entities.page({
        filters: { type: { kind: 'set', values: ['person'] } },
        offset,
        limit,
      });
      expect(page.total, `offset ${offset} limit ${limit}`).toBe(50);
      expect(page.rows).toHaveLength(Math.max(0, Math.min(limit, 50 - offset)));
    }
    expect(store.entities.page({ quick: 'Katiba 249', offset: 0, limit: 100 })).toMatchObject({ total: 1 });
    expect(store.entities.page({ quick: 'nothing like it', offset: 0, limit: 100 })).toMatchObject({
      rows: [],
      total: 0,
    });
    expect(store.entities.page({ offset: 200, limit: 100 }).total).toBe(250);

    // Totals are remembered per query until the case changes: an edit, an undo, a redo.
    const persons10 = () =>
      store.entities.page({ filters: { type: { kind: 'set', values: ['person'] } }, offset: 0, limit: 10 })
        .total;
    expect(persons10()).toBe(50);
    store.journal.record('Add', () => store.entities.insert({ type: 'person', name: 'Iyad Ag Ghaly' }));
    expect(persons10()).toBe(51);
    store.journal.record('Retype', () => store.entities.update(ids[1]!, { type: 'person' }));
    expect(persons10()).toBe(52);
    store.journal.undo();
    expect(persons10()).toBe(51);
    store.journal.undo();
    expect(persons10()).toBe(50);
    store.journal.redo();
    expect(persons10()).toBe(51);
    expect(store.relations.page({ quick: 'Katiba 12', offset: 0, limit: 100 }).total).toBe(
      store.db
        .prepare(
          "SELECT count(*) FROM relation r WHERE r.source_id IN (SELECT id FROM entity WHERE name LIKE '%Katiba 12%') OR r.target_id IN (SELECT id FROM entity WHERE name LIKE '%Katiba 12%')",
        )
        .pluck()
        .get(),
    );
    expect(store.relations.page({ offset: 240, limit: 100 }).total).toBe(249);
  });

  it('quick-searches relations by either end’s name and by the relation’s words, with filters and sorts', () => {
    t = tempCase();
    const { store } = t;
    const [aqim, mujao, murabitoun, mali] = store.transaction(() =>
      ['AQIM', 'MUJAO', 'Al Murabitoun', 'Mali'].map((name, i) =>
        store.entities.insert({ type: i === 3 ? 'location' : 'organization', name }),
      ),
    ) as [number, number, number, number];
    store.transaction(() => {
      store.relations.insert({ sourceId: mujao, targetId: aqim, type: 'splinter_of', startDate: '2011' });
      store.relations.insert({
        sourceId: mujao,
        targetId: murabitoun,
        type: 'merged_into',
        startDate: '2013',
      });
      store.relations.insert({ sourceId: aqim, targetId: mali, type: 'operates_in' });
      store.relations.insert({ sourceId: murabitoun, targetId: mali, type: 'operates_in' });
    });
    const names = (q: Parameters<typeof store.relations.page>[0]) => {
      const page = store.relations.page(q);
      return { total: page.total, rows: page.rows.map((r) => `${r.sourceName} ${r.type} ${r.targetName}`) };
    };
    expect(names({ quick: 'mujao', offset: 0, limit: 100 })).toEqual({
      total: 2,
      rows: ['MUJAO splinter_of AQIM', 'MUJAO merged_into Al Murabitoun'],
    });
    expect(names({ quick: 'broke away', offset: 0, limit: 100 }).rows).toEqual(['MUJAO splinter_of AQIM']);
    expect(names({ quick: 'operates_in', offset: 0, limit: 100 }).total).toBe(2);
    expect(
      names({
        quick: 'murabitoun',
        filters: { startDate: { kind: 'dateRange', from: '2012', to: null } },
        offset: 0,
        limit: 100,
      }).rows,
    ).toEqual(['MUJAO merged_into Al Murabitoun']);
    expect(
      names({ quick: 'mali', sort: [{ column: 'sourceName', dir: 'desc' }], offset: 0, limit: 1 }),
    ).toEqual({ total: 2, rows: ['AQIM operates_in Mali'] });
    expect(names({ quick: '100%_', offset: 0, limit: 100 })).toEqual({ total: 0, rows: [] });
  });
  it('keeps a quick search’s relations until the case changes, here or in another window', () => {
    t = tempCase();
    const { store } = t;
    const [katiba, ansar, mali] = store.transaction(() =>
      ['Katiba Macina', 'Ansar Dine', 'Mali'].map((name) =>
        store.entities.insert({ type: 'organization', name }),
      ),
    ) as [number, number, number];
    store.transaction(() => {
      for (let i = 0; i < 150; i++)
        store.relations.insert({
          sourceId: katiba,
          targetId: mali,
          type: 'operates_in',
          startDate: `${1900 + i}`,
        });
    });
    const total = (quick: string, offset = 0) => store.relations.page({ quick, offset, limit: 100 }).total;
    const rows = (quick: string, offset: number) =>
      store.relations.page({ quick, offset, limit: 100 }).rows.map((r) => r.startDate);
    expect(total('macina')).toBe(150);
    expect(rows('macina', 100)).toHaveLength(50);
    expect(rows('macina', 100)[0]).toBe('2000');

    // Each kind of change is seen at once: an edit, its undo and redo, a rename, another term between.
    store.journal.record('Add', () =>
      store.relations.insert({ sourceId: ansar, targetId: katiba, type: 'allied_with' }),
    );
    expect(total('macina')).toBe(151);
    expect(total('dine')).toBe(1);
    store.journal.undo();
    expect(total('macina')).toBe(150);
    expect(total('dine')).toBe(0);
    store.journal.redo();
    expect(total('dine')).toBe(1);
    store.journal.record('Rename', () => store.entities.update(ansar, { name: 'Ansar Macina' }));
    expect(total('macina')).toBe(151);
    for (const other of ['a', 'b', 'c', 'd', 'e', 'mali']) total(other);
    expect(total('macina')).toBe(151);
    expect(store.relations.page({ quick: 'macina', offset: 150, limit: 100 }).rows[0]?.type).toBe(
      'allied_with',
    );

    // Another connection (a read-only window) sees the writer's changes to its matches.
    const reader = CaseStore.open(t.file, { readOnly: true });
    try {
      expect(reader.relations.page({ quick: 'macina', offset: 0, limit: 100 }).total).toBe(151);
      store.journal.record('Add', () =>
        store.relations.insert({ sourceId: mali, targetId: katiba, type: 'rival_of' }),
      );
      expect(reader.relations.page({ quick: 'macina', offset: 0, limit: 100 }).total).toBe(152);
    } finally {
      reader.close();
    }
  });
});

describe('the Entities quick search', () => {
  it('looks only in the columns it is given (the shown ones), and everywhere it is told to', () => {
    t = tempCase();
    const { store } = t;
    store.entities.insert({
      type: 'organization',
      name: 'Al Qaeda in the Islamic Maghreb',
      aliases: ['AQIM'],
    });
    store.entities.insert({
      type: 'organization',
      name: 'Ansar al Dine',
      summary: 'A local front for AQIM.',
    });
    store.entities.insert({ type: 'location', name: 'Mali', tags: ['aqim-area'] });
    const names = (quickIn?: Parameters<typeof store.entities.page>[0]['quickIn']) =>
      store.entities
        .page({ offset: 0, limit: 10, quick: 'aqim', sort: [{ column: 'name', dir: 'asc' }], quickIn })
        .rows.map((r) => r.name);
    expect(names(['type', 'name', 'aliases'])).toEqual(['Al Qaeda in the Islamic Maghreb']);
    expect(names(['name', 'summary'])).toEqual(['Ansar al Dine']);
    expect(names(['name', 'aliases', 'summary', 'tags'])).toEqual([
      'Al Qaeda in the Islamic Maghreb',
      'Ansar al Dine',
      'Mali',
    ]);
    expect(names([])).toEqual([]);
    expect(names()).toEqual(['Al Qaeda in the Islamic Maghreb', 'Ansar al Dine']);
  });
});

describe('where an entity sits in the sheet', () => {
  it('gives its row index under the sheet’s sort and quick search, and null when they leave it out', () => {
    t = tempCase();
    const { store } = t;
    const ids = ['Charlie', 'Alpha', 'Delta', 'Bravo'].map((name) =>
      store.entities.insert({ type: 'organization', name }),
    );
    const [charlie, alpha, delta] = ids as [number, number, number, number];
    const byName = { sort: [{ column: 'name' as const, dir: 'asc' as const }] };
    expect(store.entities.position(charlie, byName)).toBe(2);
    expect(store.entities.position(alpha, { sort: [{ column: 'name', dir: 'desc' }] })).toBe(3);
    expect(store.entities.position(delta, { ...byName, quick: 'a', quickIn: ['name'] })).toBe(3);
    expect(store.entities.position(charlie, { ...byName, quick: 'lta' })).toBeNull();
  });
});
