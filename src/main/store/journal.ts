// Undo/redo that survives a restart. Temporary triggers (per connection, never written into the
// file) record the before/after image of every row a user action changes; the images are saved in
// the journal table in the same transaction as the action.
import type { CaseTable } from '../../shared/ipc/tables';
import type { Db } from './db';
import { indexEntities } from './migrations/0009-search-fold';

export const JOURNALED_TABLES = {
  vocabulary: [
    'id',
    'kind',
    'key',
    'label',
    'plural',
    'symmetric',
    'lineage',
    'colour',
    'shape',
    'line_style',
    'position',
  ],
  attribute: ['id', 'kind', 'key', 'title', 'value_type', 'position'],
  entity: [
    'id',
    'type',
    'name',
    'name_norm',
    'summary',
    'attrs',
    'tags',
    'created_at',
    'updated_at',
    'citation_count',
    'grade',
    'note_count',
    'active_from',
    'active_to',
  ],
  alias: ['id', 'entity_id', 'name', 'name_norm'],
  relation: [
    'id',
    'source_id',
    'target_id',
    'type',
    'start_date',
    'end_date',
    'summary',
    'attrs',
    'created_at',
    'updated_at',
    'corroboration',
    'grade',
    'note_count',
    'weight',
  ],
  source: [
    'id',
    'title',
    'publisher',
    'published_on',
    'url',
    'reliability',
    'text',
    'attrs',
    'created_at',
    'updated_at',
    'author',
    'language',
    'format',
    'pages',
    'file_name',
    'sha256',
  ],
  suggestion: [
    'id',
    'source_id',
    'kind',
    'status',
    'key',
    'score',
    'start',
    'end',
    'text',
    'payload',
    'created_at',
    'decided_at',
  ],
  citation: [
    'id',
    'source_id',
    'subject_kind',
    'subject_id',
    'quote',
    'start',
    'end',
    'credibility',
    'created_at',
    'field',
  ],
  note: ['id', 'subject_kind', 'subject_id', 'body', 'private', 'created_at', 'updated_at'],
} as const;

export type JournaledTable = keyof typeof JOURNALED_TABLES;
// The journal records exactly the case tables of the shared vocabulary (src/shared/ipc/tables.ts).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const journaledAreCaseTables: Same<JournaledTable, CaseTable> = true;
void journaledAreCaseTables;

/** Per table, the ids of the rows written while watched; a table written in bulk is left out. */
export type TouchedRows = Partial<Record<JournaledTable, number[]>>;

export interface WriteWatch {
  /** Ends the watch: every table, with the rows written to it (none: []), bulk-written ones left out. */
  stop(): TouchedRows;
}

/** Above this many rows of one table a watch reports the table without ids (re-read it whole). */
export const MAX_TOUCHED_IDS = 10_000;

interface Watcher {
  rows: Map<JournaledTable, Set<number>>;
  bulk: Set<JournaledTable>;
}
type RowImage = Record<string, unknown>;

export interface Change {
  t: JournaledTable;
  id: number;
  before: RowImage | null;
  after: RowImage | null;
}

/** A large insert-only action: the id range each table gained ([first, last], inclusive). */
export type InsertedRanges = Partial<Record<JournaledTable, [number, number]>>;

/** What one journal entry holds: row images, or the id ranges of a large insert. */
type EntryChanges = Change[] | { inserted: InsertedRanges };

/** Children before parents when removing rows; the reverse when putting them back. */
const INSERT_ORDER = Object.keys(JOURNALED_TABLES) as JournaledTable[];

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

const MAX_ENTRIES = 1000;

function quoted(column: string): string {
  return `"${column}"`;
}

/** A JSON object of a row's columns; prefix names the row (NEW, OLD) or is '' for a plain SELECT. */
function imageOf(prefix: 'NEW.' | 'OLD.' | '', columns: readonly string[]): string {
  return `json_object(${columns.map((c) => `'${c}', ${prefix}${quoted(c)}`).join(', ')})`;
}

export function installCapture(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS change_log (seq INTEGER PRIMARY KEY, t TEXT, row_id INTEGER, before TEXT, after TEXT);
    CREATE TEMP TABLE IF NOT EXISTS capture (active INTEGER NOT NULL);
    DELETE FROM temp.capture; INSERT INTO temp.capture VALUES (0);
  `);
  for (const [table, columns] of Object.entries(JOURNALED_TABLES)) {
    const when = 'WHEN (SELECT active FROM temp.capture)';
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS jr_${table}_ins AFTER INSERT ON main.${table} ${when} BEGIN
        INSERT INTO temp.change_log (t, row_id, before, after) VALUES ('${table}', NEW.id, NULL, ${imageOf('NEW.', columns)});
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS jr_${table}_upd AFTER UPDATE ON main.${table} ${when} BEGIN
        INSERT INTO temp.change_log (t, row_id, before, after) VALUES ('${table}', NEW.id, ${imageOf('OLD.', columns)}, ${imageOf('NEW.', columns)});
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS jr_${table}_del AFTER DELETE ON main.${table} ${when} BEGIN
        INSERT INTO temp.change_log (t, row_id, before, after) VALUES ('${table}', OLD.id, ${imageOf('OLD.', columns)}, NULL);
      END;
    `);
  }
}

export class Journal {
  private readonly setCapture;
  private readonly readLog;
  private readonly clearLog;
  private readonly dropRedo;
  private readonly insertEntry;
  private readonly trim;
  private readonly lastDone;
  private readonly firstUndone;
  private readonly markUndone;
  private readonly dropRows;
  private readonly watchers = new Set<Watcher>();

  constructor(private readonly db: Db) {
    installCapture(db);
    this.setCapture = db.prepare('UPDATE temp.capture SET active = ?');
    this.readLog = db.prepare('SELECT t, row_id AS id, before, after FROM temp.change_log ORDER BY seq');
    this.clearLog = db.prepare('DELETE FROM temp.change_log');
    this.dropRedo = db.prepare('DELETE FROM journal WHERE undone = 1');
    this.insertEntry = db.prepare('INSERT INTO journal (label, changes, created_at) VALUES (?, ?, ?)');
    this.trim = db.prepare(`DELETE FROM journal WHERE id <= (SELECT max(id) FROM journal) - ${MAX_ENTRIES}`);
    this.lastDone = db.prepare(
      'SELECT id, label, changes FROM journal WHERE undone = 0 ORDER BY id DESC LIMIT 1',
    );
    this.firstUndone = db.prepare(
      'SELECT id, label, changes FROM journal WHERE undone = 1 ORDER BY id ASC LIMIT 1',
    );
    this.markUndone = db.prepare('UPDATE journal SET undone = ? WHERE id = ?');
    this.dropRows = db.prepare('DELETE FROM journal_rows WHERE entry_id = ?');
  }

  /** Runs a user action in one transaction and records it for undo under the given label. */
  record<T>(label: string, action: () => T): T {
    return this.db.transaction(() => {
      this.clearLog.run();
      this.setCapture.run(1);
      let result: T;
      try {
        result = action();
      } finally {
        this.setCapture.run(0);
      }
      const changes = (
        this.readLog.all() as { t: JournaledTable; id: number; before: string | null; after: string | null }[]
      ).map((row): Change => ({
        t: row.t,
        id: row.id,
        before: row.before === null ? null : (JSON.parse(row.before) as RowImage),
        after: row.after === null ? null : (JSON.parse(row.after) as RowImage),
      }));
      this.clearLog.run();
      if (changes.length > 0) this.addEntry(label, changes);
      this.saw(changes);
      return result;
    })();
  }

  /**
   * Runs a large action that only inserts rows (a CSV import) in one transaction and records it
   * as the id ranges it added to `tables`, instead of a row image per row: recording costs nothing
   * and undo stays possible at a million rows. The action must not change or delete existing rows.
   */
  recordInserts<T>(label: string, tables: readonly JournaledTable[], action: () => T): T {
    return this.db.transaction(() => {
      const maxId = (t: JournaledTable): number =>
        this.db.prepare(`SELECT coalesce(max(id), 0) FROM ${t}`).pluck().get() as number;
      const before = new Map(tables.map((t) => [t, maxId(t)]));
      const result = action();
      const inserted: InsertedRanges = {};
      for (const t of tables) {
        const [first, last] = [before.get(t)! + 1, maxId(t)];
        if (last >= first) inserted[t] = [first, last];
      }
      if (Object.keys(inserted).length > 0) this.addEntry(label, { inserted });
      this.saw({ inserted });
      return result;
    })();
  }

  /**
   * recordInserts for an action that awaits between its inserts (a document import whose files are
   * read on worker threads). The transaction stays open across the awaits, so the caller must keep
   * every other write out meanwhile (CaseSession.exclusive). A throw, or a cancel, rolls it all back.
   */
  async recordInsertsAsync<T>(
    label: (result: T) => string,
    tables: readonly JournaledTable[],
    action: () => Promise<T>,
  ): Promise<T> {
    const maxId = (t: JournaledTable): number =>
      this.db.prepare(`SELECT coalesce(max(id), 0) FROM ${t}`).pluck().get() as number;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const before = new Map(tables.map((t) => [t, maxId(t)]));
      const result = await action();
      const inserted: InsertedRanges = {};
      for (const t of tables) {
        const [first, last] = [before.get(t)! + 1, maxId(t)];
        if (last >= first) inserted[t] = [first, last];
      }
      if (Object.keys(inserted).length > 0) this.addEntry(label(result), { inserted });
      this.db.exec('COMMIT');
      this.saw({ inserted });
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private addEntry(label: string, changes: EntryChanges): void {
    this.dropRedo.run();
    this.insertEntry.run(label, JSON.stringify(changes), new Date().toISOString());
    this.trim.run();
  }

  undo(): string | null {
    return this.db.transaction(() => {
      const entry = this.lastDone.get() as { id: number; label: string; changes: string } | undefined;
      if (!entry) return null;
      const changes = JSON.parse(entry.changes) as EntryChanges;
      if (Array.isArray(changes)) this.apply(changes.reverse(), 'before');
      else this.setAsideInserted(entry.id, changes.inserted);
      this.saw(changes);
      this.markUndone.run(1, entry.id);
      return entry.label;
    })();
  }

  redo(): string | null {
    return this.db.transaction(() => {
      const entry = this.firstUndone.get() as { id: number; label: string; changes: string } | undefined;
      if (!entry) return null;
      const changes = JSON.parse(entry.changes) as EntryChanges;
      if (Array.isArray(changes)) this.apply(changes, 'after');
      else this.putBackInserted(entry.id, changes.inserted);
      this.saw(changes);
      this.markUndone.run(0, entry.id);
      return entry.label;
    })();
  }

  /**
   * Watches the rows written from now until stop(): every action recorded, undone or redone
   * meanwhile (all of them, if several overlap), so a write can say which rows it touched.
   */
  watch(): WriteWatch {
    const watcher: Watcher = { rows: new Map(), bulk: new Set() };
    this.watchers.add(watcher);
    return {
      stop: () => {
        this.watchers.delete(watcher);
        const touched: TouchedRows = {};
        for (const t of INSERT_ORDER) {
          const ids = watcher.rows.get(t);
          if (watcher.bulk.has(t) || (ids && ids.size > MAX_TOUCHED_IDS)) continue;
          touched[t] = ids ? [...ids] : [];
        }
        return touched;
      },
    };
  }

  private saw(changes: EntryChanges): void {
    for (const watcher of this.watchers) {
      if (!Array.isArray(changes)) {
        for (const t of Object.keys(changes.inserted) as JournaledTable[]) watcher.bulk.add(t);
        continue;
      }
      for (const change of changes) {
        const ids = watcher.rows.get(change.t) ?? watcher.rows.set(change.t, new Set()).get(change.t)!;
        ids.add(change.id);
      }
    }
  }

  state(): HistoryState {
    const done = this.lastDone.get() as { label: string } | undefined;
    const undone = this.firstUndone.get() as { label: string } | undefined;
    return {
      canUndo: !!done,
      canRedo: !!undone,
      undoLabel: done?.label ?? null,
      redoLabel: undone?.label ?? null,
    };
  }

  /** Undo of a large insert: its rows move into journal_rows as images, then leave their tables. */
  private setAsideInserted(entryId: number, inserted: InsertedRanges): void {
    this.db.pragma('defer_foreign_keys = ON');
    this.withSearchCaughtUp(inserted, () => {
      for (const t of [...INSERT_ORDER].reverse()) {
        const range = inserted[t];
        if (!range) continue;
        this.db
          .prepare(
            `INSERT INTO journal_rows (entry_id, t, image)
             SELECT ?, '${t}', ${imageOf('', JOURNALED_TABLES[t])} FROM ${t} WHERE id BETWEEN ? AND ? ORDER BY id`,
          )
          .run(entryId, ...range);
        this.db.prepare(`DELETE FROM ${t} WHERE id BETWEEN ? AND ?`).run(...range);
      }
    });
  }

  /** Redo of a large insert: the rows set aside come back with their ids. */
  private putBackInserted(entryId: number, inserted: InsertedRanges): void {
    this.db.pragma('defer_foreign_keys = ON');
    this.withSearchCaughtUp(inserted, () => {
      for (const t of INSERT_ORDER) {
        if (!inserted[t]) continue;
        const columns = JOURNALED_TABLES[t];
        this.db
          .prepare(
            `INSERT INTO ${t} (${columns.map(quoted).join(', ')})
               SELECT ${columns.map((c) => `json_extract(image, '$.${c}')`).join(', ')}
                 FROM journal_rows WHERE entry_id = ? AND t = '${t}' ORDER BY rowid`,
          )
          .run(entryId);
      }
    });
    this.dropRows.run(entryId);
  }

  /**
   * Moves rows with the search index's per-row triggers on entity and alias set aside, then
   * refreshes the index once for every entity the moved rows name. Per-row upkeep (each alias
   * row re-indexing its entity) made undoing a 60,000-entity import take 16 s.
   */
  private withSearchCaughtUp(inserted: InsertedRanges, move: () => void): void {
    const db = this.db;
    const triggers = db
      .prepare(
        `SELECT name, sql FROM sqlite_schema
          WHERE type = 'trigger' AND tbl_name IN ('entity', 'alias') AND substr(name, 1, 7) = 'search_'`,
      )
      .all() as { name: string; sql: string }[];
    if (triggers.length === 0 || (!inserted.entity && !inserted.alias)) return move();
    db.exec(
      'CREATE TEMP TABLE IF NOT EXISTS search_refresh (id INTEGER PRIMARY KEY); DELETE FROM temp.search_refresh;',
    );
    const collect = (): void => {
      if (inserted.entity)
        db.prepare(
          'INSERT OR IGNORE INTO temp.search_refresh SELECT id FROM entity WHERE id BETWEEN ? AND ?',
        ).run(...inserted.entity);
      if (inserted.alias)
        db.prepare(
          'INSERT OR IGNORE INTO temp.search_refresh SELECT entity_id FROM alias WHERE id BETWEEN ? AND ?',
        ).run(...inserted.alias);
    };
    collect();
    for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
    move();
    for (const trigger of triggers) db.exec(trigger.sql);
    collect();
    db.exec(`
      DELETE FROM search_index WHERE rowid IN (SELECT id * 4 + 1 FROM temp.search_refresh);
      ${indexEntities('e.id IN (SELECT id FROM temp.search_refresh)')};
      DELETE FROM temp.search_refresh;
    `);
  }

  private apply(changes: Change[], side: 'before' | 'after'): void {
    this.db.pragma('defer_foreign_keys = ON');
    for (const change of changes) {
      const image = change[side];
      if (image === null) {
        this.db.prepare(`DELETE FROM ${change.t} WHERE id = ?`).run(change.id);
        continue;
      }
      const columns = JOURNALED_TABLES[change.t];
      const names = columns.map(quoted).join(', ');
      const params = columns.map((c) => `@${c}`).join(', ');
      const updates = columns
        .filter((c) => c !== 'id')
        .map((c) => `${quoted(c)} = excluded.${quoted(c)}`)
        .join(', ');
      this.db
        .prepare(
          `INSERT INTO ${change.t} (${names}) VALUES (${params}) ON CONFLICT (id) DO UPDATE SET ${updates}`,
        )
        .run(image);
    }
  }
}
