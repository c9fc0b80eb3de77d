import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CaseStore } from '..';
import { APPLICATION_ID } from '../db';
import { tempDir } from '../../testing/tempCase';
import { MIGRATIONS } from './index';

/** A case file as version 5 wrote it, with a type outside the defaults on an entity and a relation. */
function schemaFiveCase(file: string): void {
  const db = new Database(file);
  for (const m of MIGRATIONS.filter((m) => m.version <= 5)) db.exec(m.up);
  db.pragma('user_version = 5');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  const add = db.prepare(
    "INSERT INTO entity (type, name, name_norm, created_at, updated_at) VALUES (?, ?, ?, 't', 't')",
  );
  const a = add.run('person', 'Hambali', 'hambali').lastInsertRowid;
  const b = add.run('cell', 'Mantiqi I', 'mantiqi i').lastInsertRowid;
  db.prepare(
    "INSERT INTO relation (source_id, target_id, type, created_at, updated_at) VALUES (?, ?, 'leader_of', 't', 't')",
  ).run(a, b);
  db.prepare(
    "INSERT INTO relation (source_id, target_id, type, created_at, updated_at) VALUES (?, ?, 'trained_with', 't', 't')",
  ).run(a, b);
  db.close();
}

describe('migration 0006 (vocabulary)', () => {
  it('keeps every row of a version-5 case and makes a type of each type it already uses', () => {
    const file = path.join(tempDir(), 'v5.awcase');
    schemaFiveCase(file);
    const store = CaseStore.open(file);
    expect(store.entities.count()).toBe(2);
    expect(store.relations.count()).toBe(2);
    const v = store.vocabulary.list();
    expect(v.entityTypes.map((t) => t.id)).toEqual(['organization', 'person', 'location', 'event', 'cell']);
    expect(v.relationTypes.map((t) => t.id)).toContain('trained_with');
    expect(v.relationTypes.find((t) => t.id === 'trained_with')).toMatchObject({
      reads: 'trained with',
      symmetric: false,
    });
    expect(store.relations.page({ offset: 0, limit: 10 }).rows.map((r) => r.weight)).toEqual([null, null]);
    store.close();
  });
});
