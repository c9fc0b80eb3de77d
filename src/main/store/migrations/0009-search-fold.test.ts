import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CaseStore } from '..';
import { APPLICATION_ID } from '../db';
import { tempDir } from '../../testing/tempCase';
import { MIGRATIONS } from './index';

/** A case file as version 8 wrote it: a name and an alias with apostrophes inside words. */
function schemaEightCase(file: string): void {
  const db = new Database(file);
  for (const m of MIGRATIONS.filter((m) => m.version <= 8)) db.exec(m.up);
  db.pragma('user_version = 8');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  const id = db
    .prepare(
      "INSERT INTO entity (type, name, name_norm, summary, created_at, updated_at) VALUES ('organization', 'Anṣār al-Sharī‘a', 'ansar al-shari''a', 'Libyan group.', 't', 't')",
    )
    .run().lastInsertRowid;
  db.prepare(
    "INSERT INTO alias (entity_id, name, name_norm) VALUES (?, 'Katibat Shari’a', 'katibat shari''a')",
  ).run(id);
  db.close();
}

describe('migration 0009 (search fold)', () => {
  it('makes the names of a version-8 case findable as typed without apostrophes, and keeps them in step', () => {
    const file = path.join(tempDir(), 'v8.awcase');
    schemaEightCase(file);
    const before = new Database(file, { readonly: true });
    expect(
      before
        .prepare('SELECT count(*) FROM search_index WHERE search_index MATCH \'"sharia"*\'')
        .pluck()
        .get(),
    ).toBe(0);
    before.close();

    const store = CaseStore.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(9);
    // The query the search service builds: prefix terms, apostrophes taken out.
    const titles = (match: string) =>
      (
        store.db
          .prepare("SELECT title FROM search_index WHERE search_index MATCH ? AND kind = 'entity'")
          .pluck()
          .all(match) as string[]
      ).map((t) => t.split(' · ')[0]);
    expect(titles('"ansar"* AND "al"* AND "sharia"*')).toEqual(['Anṣār al-Sharī‘a']);
    expect(titles('"katibat"* AND "sharia"*')).toEqual(['Anṣār al-Sharī‘a']);
    expect(titles('"libyan"*')).toEqual(['Anṣār al-Sharī‘a']);
    store.entities.insert({
      type: 'organization',
      name: 'Jama’at Nusrat al Islam',
      aliases: ['Nusrat’s front'],
    });
    expect(titles('"jamaat"*')).toEqual(['Jama’at Nusrat al Islam']);
    expect(titles('"nusrats"* AND "front"*')).toEqual(['Jama’at Nusrat al Islam']);
    store.close();
  });
});
