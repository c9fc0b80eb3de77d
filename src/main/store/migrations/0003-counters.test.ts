import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCase, tempDir, type TempCase } from '../../testing/tempCase';
import { CaseStore } from '..';
import { migration0001 } from './0001-init';
import { migration0002 } from './0002-search';
import { APPLICATION_ID } from '../db';

let t: TempCase | undefined;
afterEach(() => t?.cleanup());

/** Counts as the sheet used to compute them, per row, from the citation and note tables. */
function computed(store: CaseStore) {
  return {
    entities: store.db
      .prepare(
        `SELECT id, (SELECT count(*) FROM citation c WHERE c.subject_kind = 'entity' AND c.subject_id = e.id) AS citation_count,
                (SELECT min(s.reliability || c.credibility) FROM citation c JOIN source s ON s.id = c.source_id WHERE c.subject_kind = 'entity' AND c.subject_id = e.id) AS grade,
                (SELECT count(*) FROM note n WHERE n.subject_kind = 'entity' AND n.subject_id = e.id) AS note_count
           FROM entity e ORDER BY id`,
      )
      .all(),
    relations: store.db
      .prepare(
        `SELECT id, (SELECT count(DISTINCT c.source_id) FROM citation c WHERE c.subject_kind = 'relation' AND c.subject_id = r.id) AS corroboration,
                (SELECT min(s.reliability || c.credibility) FROM citation c JOIN source s ON s.id = c.source_id WHERE c.subject_kind = 'relation' AND c.subject_id = r.id) AS grade,
                (SELECT count(*) FROM note n WHERE n.subject_kind = 'relation' AND n.subject_id = r.id) AS note_count
           FROM relation r ORDER BY id`,
      )
      .all(),
  };
}

function stored(store: CaseStore) {
  return {
    entities: store.db.prepare('SELECT id, citation_count, grade, note_count FROM entity ORDER BY id').all(),
    relations: store.db
      .prepare('SELECT id, corroboration, grade, note_count FROM relation ORDER BY id')
      .all(),
  };
}

function seed(store: CaseStore) {
  return store.transaction(() => {
    const a = store.entities.insert({ type: 'organization', name: 'AQIM' });
    const b = store.entities.insert({ type: 'organization', name: 'GSPC' });
    const crs = store.sources.insert({
      title: 'CRS',
      reliability: 'B',
      text: 'GSPC became AQIM. AQIM reportedly grew.',
    });
    const wiki = store.sources.insert({ title: 'Wiki', reliability: 'C', text: 'GSPC became AQIM in 2007.' });
    const r = store.relations.insert({ sourceId: b, targetId: a, type: 'succeeded_by' });
    store.sources.cite({
      sourceId: crs,
      subjectKind: 'relation',
      subjectId: r,
      quote: 'GSPC became AQIM.',
      credibility: 2,
    });
    store.sources.cite({
      sourceId: wiki,
      subjectKind: 'relation',
      subjectId: r,
      quote: 'GSPC became AQIM in 2007.',
      credibility: 3,
    });
    store.sources.cite({
      sourceId: crs,
      subjectKind: 'entity',
      subjectId: a,
      quote: 'AQIM reportedly grew.',
      credibility: 3,
    });
    store.notes.insert({ kind: 'entity', id: a }, 'mine', true);
    return { a, b, r, crs, wiki };
  });
}

describe('migration 0003 (counters)', () => {
  it('fills the counters of a case written at schema 2', () => {
    const file = path.join(tempDir(), 'v2.awcase');
    const raw = new Database(file);
    raw.exec(migration0001.up);
    raw.exec(migration0002.up);
    raw.pragma('user_version = 2');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.exec(`
      INSERT INTO entity (id, type, name, name_norm, created_at, updated_at) VALUES (1, 'organization', 'AQIM', 'aqim', 'x', 'x'), (2, 'organization', 'GSPC', 'gspc', 'x', 'x');
      INSERT INTO source (id, title, reliability, text, created_at, updated_at) VALUES (1, 'CRS', 'B', 't', 'x', 'x'), (2, 'Wiki', 'C', 't', 'x', 'x');
      INSERT INTO relation (id, source_id, target_id, type, created_at, updated_at) VALUES (1, 2, 1, 'succeeded_by', 'x', 'x');
      INSERT INTO citation (source_id, subject_kind, subject_id, quote, credibility, created_at) VALUES (1, 'relation', 1, 'q', 2, 'x'), (2, 'relation', 1, 'q', 3, 'x'), (1, 'relation', 1, 'q2', 4, 'x'), (2, 'entity', 1, 'q', 1, 'x');
      INSERT INTO note (subject_kind, subject_id, body, created_at, updated_at) VALUES ('entity', 1, 'n', 'x', 'x'), ('relation', 1, 'n', 'x', 'x'), ('relation', 1, 'n2', 'x', 'x');
    `);
    raw.close();
    const store = CaseStore.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    expect(stored(store)).toEqual({
      entities: [
        { id: 1, citation_count: 1, grade: 'C1', note_count: 1 },
        { id: 2, citation_count: 0, grade: null, note_count: 0 },
      ],
      relations: [{ id: 1, corroboration: 2, grade: 'B2', note_count: 2 }],
    });
    store.close();
  });

  it('keeps the counters equal to the counts through citing, regrading, notes, deletes, undo and redo', () => {
    t = tempCase();
    const { store } = t;
    const { a, r, crs, wiki } = seed(store);
    expect(stored(store)).toEqual(computed(store));
    expect(
      store.relations.page({ offset: 0, limit: 5, sort: [{ column: 'corroboration', dir: 'desc' }] }).rows[0],
    ).toMatchObject({
      id: r,
      corroboration: 2,
      grade: 'B2',
    });
    store.journal.record('Regrade', () =>
      store.db.prepare("UPDATE source SET reliability = 'A' WHERE id = ?").run(wiki),
    );
    expect(stored(store)).toEqual(computed(store));
    expect(store.relations.get(r) && stored(store).relations[0]).toMatchObject({ grade: 'A3' });
    store.journal.record('Delete AQIM', () => store.entities.delete(a));
    expect(stored(store)).toEqual(computed(store));
    store.journal.undo();
    expect(stored(store)).toEqual(computed(store));
    expect(stored(store).entities.find((e) => (e as { id: number }).id === a)).toMatchObject({
      citation_count: 1,
      note_count: 1,
      grade: 'B3',
    });
    store.journal.undo();
    expect(stored(store)).toEqual(computed(store));
    store.journal.redo();
    store.journal.redo();
    expect(stored(store)).toEqual(computed(store));
    store.journal.record('Drop CRS', () => store.db.prepare('DELETE FROM source WHERE id = ?').run(crs));
    expect(stored(store)).toEqual(computed(store));
  });
});
