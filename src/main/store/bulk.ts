// The store's bulk path for large loads (CSV import, benchmarks): one transaction in which the
// secondary indexes and triggers of the loaded tables are set aside, the rows go in through one
// prepared statement, and then the indexes are rebuilt in one sorted pass and the search index
// catches up over the new id range. Per-row index and trigger upkeep made a million rows take a
// minute; this takes seconds (bench/store.bench.ts).
import type { EntityDraft } from '../../shared/model';
import { normalizeName } from '../../shared/text';
import type { Db } from './db';
import { indexEntities } from './migrations/0002-search';

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

/** Below this many rows, per-row upkeep is cheaper than rebuilding whole indexes. */
export const BULK_THRESHOLD = 50_000;

function setAside(db: Db, tables: string[]): SchemaObject[] {
  const objects = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema
        WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})
          AND NOT (type = 'index' AND sql LIKE 'CREATE UNIQUE%')`,
    )
    .all(...tables) as SchemaObject[];
  for (const object of objects) db.exec(`DROP ${object.type.toUpperCase()} "${object.name}"`);
  return objects;
}

function restore(db: Db, objects: SchemaObject[]): void {
  for (const object of objects.filter((o) => o.type === 'index')) db.exec(object.sql);
  for (const object of objects.filter((o) => o.type === 'trigger')) db.exec(object.sql);
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export interface BulkResult {
  rows: number;
  firstId: number | null;
  lastId: number | null;
}

/**
 * Inserts entities (with their aliases) in one transaction. `expectedRows` decides whether indexes
 * and triggers are set aside; either way the result is the same rows, indexes and search entries.
 */
export function bulkInsertEntities(db: Db, drafts: Iterable<EntityDraft>, expectedRows: number): BulkResult {
  return db.transaction((): BulkResult => {
    const before = db.prepare('SELECT coalesce(max(id), 0) FROM entity').pluck().get() as number;
    const aside = expectedRows >= BULK_THRESHOLD ? setAside(db, ['entity', 'alias']) : [];
    const insert = db.prepare(
      "INSERT INTO entity (type, name, name_norm, summary, attrs, tags, created_at, updated_at) VALUES (?, ?, ?, ?, '{}', ?, ?, ?)",
    );
    const alias = db.prepare('INSERT OR IGNORE INTO alias (entity_id, name, name_norm) VALUES (?, ?, ?)');
    const at = new Date().toISOString();
    let rows = 0;
    for (const draft of drafts) {
      const name = draft.name.trim();
      const norm = normalizeName(name);
      const id = insert.run(
        draft.type,
        name,
        norm,
        draft.summary ?? '',
        JSON.stringify(draft.tags ?? []),
        at,
        at,
      ).lastInsertRowid;
      for (const a of draft.aliases ?? []) {
        const aliasNorm = normalizeName(a);
        if (a.trim() && aliasNorm !== norm) alias.run(id, a.trim(), aliasNorm);
      }
      rows++;
    }
    const after = db.prepare('SELECT coalesce(max(id), 0) FROM entity').pluck().get() as number;
    if (aside.length > 0) {
      restore(db, aside);
      if (hasTable(db, 'search_index')) {
        db.prepare(indexEntities('e.id > ?')).run(before);
      }
    }
    return { rows, firstId: rows ? before + 1 : null, lastId: rows ? after : null };
  })();
}
