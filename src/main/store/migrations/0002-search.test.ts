import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CaseStore } from '..';
import { tempDir } from '../../testing/tempCase';
import { APPLICATION_ID } from '../db';
import { migration0001 } from './0001-init';

/** What the search index returns for one word (a quoted prefix term, as the search service builds it). */
function searchCase(store: CaseStore, { query }: { query: string }) {
  const hits = store.db
    .prepare('SELECT kind, ref AS id, title FROM search_index WHERE search_index MATCH ? ORDER BY rank')
    .all(`"${query}"*`) as { kind: string; id: number; title: string }[];
  return {
    hits: hits.map((h) => ({ ...h, title: h.kind === 'entity' ? h.title.split(' · ')[0]! : h.title })),
  };
}

/** A case file as version 1 wrote it, with an entity, an alias, a note and a document. */
function schemaOneCase(file: string): void {
  const db = new Database(file);
  db.exec(migration0001.up);
  db.pragma('user_version = 1');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  const id = db
    .prepare(
      "INSERT INTO entity (type, name, name_norm, summary, created_at, updated_at) VALUES ('person', 'Abdelmalek Droukdel', 'abdelmalek droukdel', 'Emir of AQIM.', 't', 't')",
    )
    .run().lastInsertRowid;
  db.prepare(
    "INSERT INTO alias (entity_id, name, name_norm) VALUES (?, 'Abdelmalik Droukdal', 'abdelmalik droukdal')",
  ).run(id);
  db.prepare(
    "INSERT INTO note (subject_kind, subject_id, body, created_at, updated_at) VALUES ('entity', ?, 'Killed in northern Mali, per Barkhane.', 't', 't')",
  ).run(id);
  db.prepare(
    "INSERT INTO source (title, reliability, text, created_at, updated_at) VALUES ('CRS brief', 'B', 'The group’s leader, Abdelmalik Droukdel, was based in Algeria.', 't', 't')",
  ).run();
  db.close();
}

describe('migration 0002 (search)', () => {
  it('opens a version-1 case with data, migrates it, and makes that data searchable', () => {
    const file = path.join(tempDir(), 'v1.awcase');
    schemaOneCase(file);
    const store = CaseStore.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
    expect(store.entities.count()).toBe(1);
    expect(store.notes.count()).toBe(1);

    const kinds = (q: string) =>
      searchCase(store, { query: q })
        .hits.map((h) => h.kind)
        .sort();
    expect(kinds('Abdelmalek')).toEqual(['entity']);
    expect(kinds('Abdelmalik')).toEqual(['entity', 'source']);
    expect(kinds('Droukdel')).toEqual(['entity', 'source']);
    expect(kinds('barkhane')).toEqual(['note']);
    store.close();
  });

  it('keeps the index in step with every table through triggers, including undo', () => {
    const file = path.join(tempDir(), 'v2.awcase');
    const store = CaseStore.open(file, { create: true });
    const find = (q: string) => searchCase(store, { query: q }).hits.map((h) => `${h.kind}:${h.title}`);
    const id = store.journal.record('add', () =>
      store.entities.insert({ type: 'organization', name: 'Al Mourabitoun', aliases: ['The Sentinels'] }),
    );
    expect(find('sentinels')).toEqual(['entity:Al Mourabitoun']);
    store.journal.record('edit', () =>
      store.entities.update(id, { name: 'Al Murabitoun', aliases: ['Les Signataires'] }),
    );
    expect(find('sentinels')).toEqual([]);
    expect(find('signataires')).toEqual(['entity:Al Murabitoun']);
    store.journal.record('delete', () => store.entities.delete(id));
    expect(find('murabitoun')).toEqual([]);
    store.journal.undo();
    expect(find('murabitoun')).toEqual(['entity:Al Murabitoun']);
    expect(find('signataires')).toEqual(['entity:Al Murabitoun']);

    const source = store.sources.insert({ title: 'Report', text: 'A siege at In Amenas.' });
    expect(find('amenas')).toEqual(['source:Report']);
    store.db.prepare('UPDATE source SET text = ? WHERE id = ?').run('Nothing here.', source);
    expect(find('amenas')).toEqual([]);
    store.close();
  });
});
