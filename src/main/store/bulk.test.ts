import { afterEach, describe, expect, it } from 'vitest';
import { tempCase, type TempCase } from '../testing/tempCase';
import { BULK_THRESHOLD, bulkInsertEntities } from './bulk';

let a: TempCase;
let b: TempCase;
afterEach(() => {
  a?.cleanup();
  b?.cleanup();
});

function* drafts(n: number) {
  for (let i = 0; i < n; i++) {
    yield {
      type: 'organization' as const,
      name: `Katiba ${i}`,
      aliases: i % 1000 === 0 ? [`Brigade ${i}`, `Katiba ${i}`] : [],
      summary: `s${i}`,
    };
  }
}

function state(t: TempCase) {
  const db = t.store.db;
  return {
    schema: db
      .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'search_index_%' ORDER BY name")
      .all(),
    entities: db.prepare('SELECT id, type, name, name_norm, summary FROM entity ORDER BY id').all(),
    aliases: db.prepare('SELECT entity_id, name, name_norm FROM alias ORDER BY id').all(),
    search: db
      .prepare("SELECT rowid, kind, ref, title, body FROM search_index WHERE kind = 'entity' ORDER BY rowid")
      .all(),
    integrity: db.pragma('integrity_check', { simple: true }),
  };
}

describe('the bulk path', () => {
  it('leaves the same rows, indexes, triggers and search entries as row-by-row inserts', () => {
    a = tempCase();
    b = tempCase();
    const n = BULK_THRESHOLD + 10;
    const bulk = bulkInsertEntities(a.store.db, drafts(n), n);
    const slow = bulkInsertEntities(b.store.db, drafts(n), 0);
    expect(bulk).toEqual({ rows: n, firstId: 1, lastId: n });
    expect(slow).toEqual(bulk);
    expect(state(a)).toEqual(state(b));
    expect(a.store.entities.findByName('brigade 49000')).toBe(49001);
  });

  it('rolls back completely when a row is bad', () => {
    a = tempCase();
    const before = state(a);
    function* bad() {
      yield* drafts(BULK_THRESHOLD);
      yield { type: 'organization' as const, name: '   ' };
    }
    expect(() => bulkInsertEntities(a.store.db, bad(), BULK_THRESHOLD + 1)).toThrow(/CHECK/);
    expect(state(a)).toEqual(before);
  });
});
