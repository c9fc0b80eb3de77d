// Undo/redo that survives a restart. Temporary triggers (per connection, never written into the
// file) record the before/after image of every row a user action changes; the images are saved in
// the journal table in the same transaction as the action.
import type { Db } from './db';

export const JOURNALED_TABLES = {
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
  ],
  note: ['id', 'subject_kind', 'subject_id', 'body', 'private', 'created_at', 'updated_at'],
} as const;

export type JournaledTable = keyof typeof JOURNALED_TABLES;
type RowImage = Record<string, unknown>;

export interface Change {
  t: JournaledTable;
  id: number;
  before: RowImage | null;
  after: RowImage | null;
}

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

function imageOf(prefix: 'NEW' | 'OLD', columns: readonly string[]): string {
  return `json_object(${columns.map((c) => `'${c}', ${prefix}.${quoted(c)}`).join(', ')})`;
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
        INSERT INTO temp.change_log (t, row_id, before, after) VALUES ('${table}', NEW.id, NULL, ${imageOf('NEW', columns)});
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS jr_${table}_upd AFTER UPDATE ON main.${table} ${when} BEGIN
        INSERT INTO temp.change_log (t, row_id, before, after) VALUES ('${table}', NEW.id, ${imageOf('OLD', columns)}, ${imageOf('NEW', columns)});
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS jr_${table}_del AFTER DELETE ON main.${table} ${when} BEGIN
        INSERT INTO temp.change_log (t, row_id, before, after) VALUES ('${table}', OLD.id, ${imageOf('OLD', columns)}, NULL);
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
      if (changes.length > 0) {
        this.dropRedo.run();
        this.insertEntry.run(label, JSON.stringify(changes), new Date().toISOString());
        this.trim.run();
      }
      return result;
    })();
  }

  undo(): string | null {
    return this.db.transaction(() => {
      const entry = this.lastDone.get() as { id: number; label: string; changes: string } | undefined;
      if (!entry) return null;
      const changes = JSON.parse(entry.changes) as Change[];
      this.apply(changes.reverse(), 'before');
      this.markUndone.run(1, entry.id);
      return entry.label;
    })();
  }

  redo(): string | null {
    return this.db.transaction(() => {
      const entry = this.firstUndone.get() as { id: number; label: string; changes: string } | undefined;
      if (!entry) return null;
      this.apply(JSON.parse(entry.changes) as Change[], 'after');
      this.markUndone.run(0, entry.id);
      return entry.label;
    })();
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

  /** Tables touched by an entry, for store:changed. */
  static tablesOf(changes: Change[]): JournaledTable[] {
    return [...new Set(changes.map((c) => c.t))];
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
