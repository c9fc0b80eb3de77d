// Test helper: a digest of a case's content — every table's rows (the search index's own tables
// included), the schema's text and the header pragmas — so two files can be compared for "exactly
// this state". Page layout is left out: the same rows may sit on other pages after a rebuild.
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import type { Db } from '../store';

interface TableRow {
  name: string;
  sql: string | null;
  withoutRowid: boolean;
}

function hashValue(hash: crypto.Hash, value: unknown): void {
  if (value === null) hash.update('\u0000n');
  else if (typeof value === 'string') hash.update(`\u0000s${value.length}:`).update(value);
  else if (Buffer.isBuffer(value)) hash.update(`\u0000b${value.length}:`).update(value);
  else hash.update(`\u0000${typeof value}${String(value)}`);
}

/** The digest of a connection's main database. */
export function digestOf(db: Db): string {
  const hash = crypto.createHash('sha256');
  for (const pragma of ['user_version', 'application_id'])
    hash.update(`${pragma}=${String(db.pragma(pragma, { simple: true }))};`);
  const schema = db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name",
    )
    .raw()
    .all() as unknown[][];
  for (const row of schema) for (const value of row) hashValue(hash, value);
  const tables = (
    db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Omit<
      TableRow,
      'withoutRowid'
    >[]
  )
    // A virtual table's rows live in its shadow tables, which are digested themselves.
    .filter((t) => !/^CREATE VIRTUAL/i.test(t.sql ?? ''))
    .map((t) => ({ ...t, withoutRowid: /WITHOUT\s+ROWID\s*$/i.test(t.sql ?? '') }));
  for (const table of tables) {
    hash.update(`\u0001${table.name}`);
    const quoted = `"${table.name.replaceAll('"', '""')}"`;
    const order = table.withoutRowid ? 'ORDER BY 1, 2' : 'ORDER BY rowid';
    for (const row of db.prepare(`SELECT * FROM ${quoted} ${order}`).raw().iterate() as Iterable<unknown[]>) {
      hash.update('\u0002');
      for (const value of row) hashValue(hash, value);
    }
  }
  return hash.digest('hex');
}

/** The digest of a case file, read through its own read-only connection. */
export function digestOfFile(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return digestOf(db);
  } finally {
    db.close();
  }
}

/** PRAGMA integrity_check's answer: 'ok' for a sound file. */
export function integrityOf(db: Db): string {
  return (db.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('\n');
}
