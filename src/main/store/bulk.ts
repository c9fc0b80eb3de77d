// The store's bulk path for large loads (CSV import, benchmarks), inside the caller's transaction:
// the secondary indexes and triggers of the loaded tables are set aside (the undo journal's capture
// triggers too, which are idle during a bulk load but still cost a lookup per row), the rows go in
// through one prepared statement, and at the end the upkeep is done once, set-based: each index is
// rebuilt in one sorted pass and the search index takes the new entities in one INSERT … SELECT.
// Per-row index and trigger upkeep made a million rows take a minute; this takes seconds
// (bench/store.bench.ts). New rows have no citations or notes, so their counters start right at 0.
import type { EntityDraft } from '../../shared/model';
import { normalizeName } from '../../shared/text';
import type { Db } from './db';
import { installCapture } from './journal';
import { indexEntities } from './migrations/0009-search-fold';

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

/** Below this many rows, per-row upkeep is cheaper than rebuilding whole indexes. */
export const BULK_THRESHOLD = 50_000;

/** An entity for the bulk path: a draft, with its normalised name and attrs JSON when known. */
export interface BulkEntity extends EntityDraft {
  nameNorm?: string;
  /** The attrs column as JSON text ('{}' when absent). */
  attrs?: string;
}

export interface BulkRelation {
  sourceId: number;
  targetId: number;
  type: string;
  startDate?: string | null;
  endDate?: string | null;
  summary?: string;
  weight?: number | null;
  attrs?: string;
}

/** Page cache for a bulk load (KiB, negative as PRAGMA cache_size takes it): the sorts of the index
 * rebuilds and the new rows stay in memory instead of spilling to the WAL mid-transaction. */
const BULK_CACHE = -512 * 1024;

function setAside(db: Db, tables: string[]): SchemaObject[] {
  const objects = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema
        WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})
          AND NOT (type = 'index' AND sql LIKE 'CREATE UNIQUE%')`,
    )
    .all(...tables) as SchemaObject[];
  for (const object of objects) db.exec(`DROP ${object.type.toUpperCase()} "${object.name}"`);
  for (const table of tables) db.exec(`DROP TRIGGER IF EXISTS temp."jr_${table}_ins"`);
  return objects;
}

function restore(db: Db, objects: SchemaObject[]): void {
  for (const object of objects.filter((o) => o.type === 'index')) db.exec(object.sql);
  for (const object of objects.filter((o) => o.type === 'trigger')) db.exec(object.sql);
  installCapture(db);
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

const maxId = (db: Db, table: string): number =>
  db.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number;

export interface BulkResult {
  rows: number;
  firstId: number | null;
  lastId: number | null;
}

/**
 * Writes entities (with their aliases) row by row inside the caller's transaction, with the upkeep
 * done once in finish(). `expectedRows` decides whether indexes and triggers are set aside; either
 * way the result is the same rows, indexes and search entries.
 */
export class EntityBulkWriter {
  private readonly before: number;
  private readonly aside: SchemaObject[];
  private readonly cache: number;
  private readonly insert;
  private readonly alias;
  private readonly at = new Date().toISOString();
  private rows = 0;

  constructor(
    private readonly db: Db,
    expectedRows: number,
  ) {
    this.before = maxId(db, 'entity');
    this.aside = expectedRows >= BULK_THRESHOLD ? setAside(db, ['entity', 'alias']) : [];
    this.cache = db.pragma('cache_size', { simple: true }) as number;
    if (this.aside.length) db.pragma(`cache_size = ${BULK_CACHE}`);
    this.insert = db.prepare(
      'INSERT INTO entity (type, name, name_norm, summary, attrs, tags, created_at, updated_at, active_from, active_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.alias = db.prepare('INSERT OR IGNORE INTO alias (entity_id, name, name_norm) VALUES (?, ?, ?)');
  }

  add(draft: BulkEntity): number {
    const name = draft.name.trim();
    const norm = draft.nameNorm ?? normalizeName(name);
    const id = Number(
      this.insert.run(
        draft.type,
        name,
        norm,
        draft.summary ?? '',
        draft.attrs ?? '{}',
        draft.tags?.length ? JSON.stringify(draft.tags) : '[]',
        this.at,
        this.at,
        draft.activeFrom ?? null,
        draft.activeTo ?? null,
      ).lastInsertRowid,
    );
    for (const a of draft.aliases ?? []) {
      const aliasNorm = normalizeName(a);
      if (a.trim() && aliasNorm !== norm) this.alias.run(id, a.trim(), aliasNorm);
    }
    this.rows++;
    return id;
  }

  /** Puts the indexes and triggers back and brings the search index up to date, once. */
  finish(): BulkResult {
    const after = maxId(this.db, 'entity');
    if (this.aside.length > 0) {
      restore(this.db, this.aside);
      if (hasTable(this.db, 'search_index')) this.db.prepare(indexEntities('e.id > ?')).run(this.before);
      this.db.pragma(`cache_size = ${this.cache}`);
    }
    return { rows: this.rows, firstId: this.rows ? this.before + 1 : null, lastId: this.rows ? after : null };
  }
}

/** The same for relations: their five indexes (and any attribute index) rebuilt once at the end. */
export class RelationBulkWriter {
  private readonly before: number;
  private readonly aside: SchemaObject[];
  private readonly cache: number;
  private readonly insert;
  private readonly at = new Date().toISOString();
  private rows = 0;

  constructor(
    private readonly db: Db,
    expectedRows: number,
  ) {
    this.before = maxId(db, 'relation');
    this.aside = expectedRows >= BULK_THRESHOLD ? setAside(db, ['relation']) : [];
    this.cache = db.pragma('cache_size', { simple: true }) as number;
    if (this.aside.length) db.pragma(`cache_size = ${BULK_CACHE}`);
    this.insert = db.prepare(
      'INSERT INTO relation (source_id, target_id, type, start_date, end_date, summary, attrs, created_at, updated_at, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  add(r: BulkRelation): number {
    this.rows++;
    return Number(
      this.insert.run(
        r.sourceId,
        r.targetId,
        r.type,
        r.startDate ?? null,
        r.endDate ?? null,
        r.summary ?? '',
        r.attrs ?? '{}',
        this.at,
        this.at,
        r.weight ?? null,
      ).lastInsertRowid,
    );
  }

  finish(): BulkResult {
    const after = maxId(this.db, 'relation');
    if (this.aside.length > 0) {
      restore(this.db, this.aside);
      this.db.pragma(`cache_size = ${this.cache}`);
    }
    return { rows: this.rows, firstId: this.rows ? this.before + 1 : null, lastId: this.rows ? after : null };
  }
}

/** Inserts entities (with their aliases) in one transaction through the bulk path. */
export function bulkInsertEntities(db: Db, drafts: Iterable<BulkEntity>, expectedRows: number): BulkResult {
  return db.transaction((): BulkResult => {
    const writer = new EntityBulkWriter(db, expectedRows);
    for (const draft of drafts) writer.add(draft);
    return writer.finish();
  })();
}

/** Inserts relations in one transaction through the bulk path. */
export function bulkInsertRelations(db: Db, rows: Iterable<BulkRelation>, expectedRows: number): BulkResult {
  return db.transaction((): BulkResult => {
    const writer = new RelationBulkWriter(db, expectedRows);
    for (const row of rows) writer.add(row);
    return writer.finish();
  })();
}
