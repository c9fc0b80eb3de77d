import { afterEach, describe, expect, it } from 'vitest';
import { tempCase, type TempCase } from '../testing/tempCase';
import { BULK_THRESHOLD, bulkInsertEntities, bulkInsertRelations, type BulkRelation } from './bulk';
import type { Db } from './db';

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
      attrs: i % 7 === 0 ? JSON.stringify({ values: { size: i } }) : undefined,
    };
  }
}

function* relationRows(n: number, entities: number): Generator<BulkRelation> {
  for (let i = 0; i < n; i++)
    yield {
      sourceId: 1 + (i % entities),
      targetId: 1 + ((i * 7 + 3) % entities),
      type: i % 2 ? 'allied_with' : 'rival_of',
      startDate: i % 3 ? null : '2013',
      weight: i % 5 ? null : i / 10,
    };
}

/** The counters as the citations and notes say they should be. */
function counterDrift(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT 'entity' AS t, e.id, e.citation_count, e.note_count, e.grade FROM entity e
        WHERE e.citation_count <> (SELECT count(*) FROM citation c WHERE c.subject_kind = 'entity' AND c.subject_id = e.id)
           OR e.note_count <> (SELECT count(*) FROM note n WHERE n.subject_kind = 'entity' AND n.subject_id = e.id)
           OR e.grade IS NOT (SELECT min(s.reliability || c.credibility) FROM citation c JOIN source s ON s.id = c.source_id
                               WHERE c.subject_kind = 'entity' AND c.subject_id = e.id)
       UNION ALL
       SELECT 'relation', r.id, r.corroboration, r.note_count, r.grade FROM relation r
        WHERE r.corroboration <> (SELECT count(DISTINCT c.source_id) FROM citation c WHERE c.subject_kind = 'relation' AND c.subject_id = r.id)
           OR r.note_count <> (SELECT count(*) FROM note n WHERE n.subject_kind = 'relation' AND n.subject_id = r.id)`,
    )
    .all();
}

function state(t: TempCase) {
  const db = t.store.db;
  return {
    schema: db
      .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'search_index_%' ORDER BY name")
      .all(),
    entities: db
      .prepare(
        'SELECT id, type, name, name_norm, summary, attrs, tags, citation_count, grade, note_count FROM entity ORDER BY id',
      )
      .all(),
    aliases: db.prepare('SELECT entity_id, name, name_norm FROM alias ORDER BY id').all(),
    relations: db
      .prepare(
        'SELECT id, source_id, target_id, type, start_date, end_date, weight, attrs, corroboration, grade, note_count FROM relation ORDER BY id',
      )
      .all(),
    search: db
      .prepare("SELECT rowid, kind, ref, title, body FROM search_index WHERE kind = 'entity' ORDER BY rowid")
      .all(),
    match: db.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'brigade'").pluck().get(),
    drift: counterDrift(db),
    integrity: db.pragma('integrity_check', { simple: true }),
  };
}

/** A case with a cited, annotated entity and relation, so the counters have something to count. */
function seeded(t: TempCase): void {
  const s = t.store;
  const x = s.entities.insert({ type: 'organization', name: 'AQIM' });
  const y = s.entities.insert({ type: 'organization', name: 'GSPC' });
  const r = s.relations.insert({ sourceId: y, targetId: x, type: 'succeeded_by' });
  const source = s.sources.insert({ title: 'CRS', reliability: 'B', text: 'GSPC became AQIM.' });
  s.sources.cite({ sourceId: source, subjectKind: 'entity', subjectId: x, quote: 'AQIM', credibility: 2 });
  s.sources.cite({
    sourceId: source,
    subjectKind: 'relation',
    subjectId: r,
    quote: 'became',
    credibility: 3,
  });
  s.notes.insert({ kind: 'entity', id: x }, 'note', true);
}

describe('the bulk path', () => {
  it('leaves the same rows, indexes, search entries, counters and undo as the same rows inserted one by one', () => {
    a = tempCase();
    b = tempCase();
    seeded(a);
    seeded(b);
    const original = state(a);
    expect(state(b)).toEqual(original);
    // Announced as a bulk load, so indexes and triggers are set aside, with few enough rows that
    // the one-by-one side (a row image each in the journal) stays quick.
    const n = 3010;
    const tables = ['entity', 'alias', 'relation'] as const;
    const bulk = a.store.journal.recordInserts('Import', tables, () => {
      const result = bulkInsertEntities(a.store.db, drafts(n), BULK_THRESHOLD);
      bulkInsertRelations(a.store.db, relationRows(n, n), BULK_THRESHOLD);
      return result;
    });
    b.store.journal.record('Import', () => {
      for (const d of drafts(n)) b.store.entities.insert(d, d.attrs ? JSON.parse(d.attrs) : {});
      for (const r of relationRows(n, n)) b.store.relations.insert(r);
    });
    expect(bulk).toEqual({ rows: n, firstId: 3, lastId: n + 2 });
    const imported = state(a);
    expect(state(b)).toEqual(imported);
    expect(imported.drift).toEqual([]);
    expect(imported.match).toBe(4);
    expect(a.store.entities.findByName('brigade 3000')).toBe(3003);

    a.store.journal.undo();
    b.store.journal.undo();
    expect(state(a)).toEqual(original);
    expect(state(b)).toEqual(original);
    a.store.journal.redo();
    b.store.journal.redo();
    expect(state(a)).toEqual(imported);
    expect(state(b)).toEqual(imported);
  }, 60_000);

  it('notices a counter left stale', () => {
    a = tempCase();
    seeded(a);
    expect(counterDrift(a.store.db)).toEqual([]);
    // A bulk path that skipped the citation counters would leave this behind.
    a.store.db.exec('DROP TRIGGER counters_citation_ins');
    a.store.sources.cite({ sourceId: 1, subjectKind: 'entity', subjectId: 2, quote: 'GSPC', credibility: 1 });
    expect(counterDrift(a.store.db)).toEqual([
      { t: 'entity', id: 2, citation_count: 0, note_count: 0, grade: null },
    ]);
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
