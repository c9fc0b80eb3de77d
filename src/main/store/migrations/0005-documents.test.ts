import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CaseStore } from '..';
import { APPLICATION_ID } from '../db';
import { JOURNALED_TABLES } from '../journal';
import { tempDir } from '../../testing/tempCase';
import { migration0001 } from './0001-init';
import { migration0002 } from './0002-search';
import { migration0003 } from './0003-counters';
import { migration0004 } from './0004-journal-rows';

/** A case file as version 4 wrote it: a document with a citation. */
function schemaFourCase(file: string): void {
  const db = new Database(file);
  for (const m of [migration0001, migration0002, migration0003, migration0004]) db.exec(m.up);
  db.pragma('user_version = 4');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  const entity = db
    .prepare(
      "INSERT INTO entity (type, name, name_norm, created_at, updated_at) VALUES ('organization', 'AQIM', 'aqim', 't', 't')",
    )
    .run().lastInsertRowid;
  const source = db
    .prepare(
      "INSERT INTO source (title, url, reliability, text, created_at, updated_at) VALUES ('CRS brief', 'https://crs', 'B', 'AQIM grew.', 't', 't')",
    )
    .run().lastInsertRowid;
  db.prepare(
    "INSERT INTO citation (source_id, subject_kind, subject_id, quote, start, end, credibility, created_at) VALUES (?, 'entity', ?, 'AQIM grew.', 0, 10, 2, 't')",
  ).run(source, entity);
  db.close();
}

describe('migration 0005 (documents)', () => {
  it('keeps every source and citation of a version-4 case and describes them as documents without a file', () => {
    const file = path.join(tempDir(), 'v4.awcase');
    schemaFourCase(file);
    const store = CaseStore.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5);
    const source = store.sources.get(1)!;
    expect(source).toMatchObject({
      title: 'CRS brief',
      origin: 'https://crs',
      reliability: 'B',
      text: 'AQIM grew.',
    });
    expect(source).toMatchObject({
      format: null,
      pages: null,
      pageCount: null,
      author: null,
      originalSize: null,
      citationCount: 1,
    });
    expect(store.sources.citationsIn(1)).toHaveLength(1);
    expect(store.db.prepare('SELECT count(*) FROM original').pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM suggestion').pluck().get()).toBe(0);
    store.close();
  });

  it('the undo journal copies every column of every table it journals (a new column would be lost on undo)', () => {
    const store = CaseStore.open(path.join(tempDir(), 'latest.awcase'), { create: true });
    for (const [table, columns] of Object.entries(JOURNALED_TABLES)) {
      const actual = (store.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      expect([...columns].sort(), table).toEqual(actual.sort());
    }
    store.close();
  });
});
