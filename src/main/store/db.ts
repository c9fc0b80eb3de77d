// Opening a case file: refuse what we cannot read (not SQLite, corrupt, newer schema) without
// touching a byte of it, then migrate in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** "AWB1" — marks a SQLite file as an Analyst Workbench case. */
export const APPLICATION_ID = 0x41574231;

const SQLITE_HEADER = 'SQLite format 3\0';

export type CaseFileProblem = 'not_found' | 'not_sqlite' | 'corrupt' | 'newer_version' | 'foreign';

export class CaseFileError extends Error {
  constructor(
    readonly problem: CaseFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CaseFileError';
  }
}

/** Options a shell may set: where the native module for this runtime lives (Electron needs its own build). */
export interface OpenOptions {
  nativeBinding?: string;
}

function nativeOptions(options: OpenOptions): Database.Options {
  const nativeBinding = options.nativeBinding ?? process.env.AW_SQLITE_BINDING;
  return nativeBinding ? { nativeBinding } : {};
}

function inspectExisting(file: string, options: OpenOptions): void {
  const name = path.basename(file);
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 16 || header.toString('latin1') !== SQLITE_HEADER) {
    throw new CaseFileError(
      'not_sqlite',
      `“${name}” is not an Analyst Workbench case file (it is not an SQLite database). Nothing was changed.`,
    );
  }
  let probe: Db | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, ...nativeOptions(options) });
    const version = probe.pragma('user_version', { simple: true }) as number;
    const appId = probe.pragma('application_id', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new CaseFileError(
        'newer_version',
        `“${name}” was written by a newer Analyst Workbench (schema ${version}); this version reads up to schema ${LATEST_VERSION}. Update the app to open it. Nothing was changed.`,
      );
    }
    if (appId !== APPLICATION_ID && !(appId === 0 && version === 0 && isEmptySchema(probe))) {
      throw new CaseFileError(
        'foreign',
        `“${name}” is an SQLite database but not an Analyst Workbench case file. Nothing was changed.`,
      );
    }
    const check = probe.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new Error(check);
  } catch (error) {
    if (error instanceof CaseFileError) throw error;
    throw new CaseFileError(
      'corrupt',
      `“${name}” is damaged and cannot be opened (${(error as Error).message}). Nothing was changed; open a backup copy instead.`,
    );
  } finally {
    probe?.close();
  }
}

function isEmptySchema(db: Db): boolean {
  const row = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
  return row.n === 0;
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
}

/** Opens (or, with create, makes) a case file, checked and migrated to the latest schema. */
export function openDatabase(file: string, { create = false, ...options }: OpenOptions & { create?: boolean } = {}): Db {
  const exists = fs.existsSync(file);
  if (!exists && !create) {
    throw new CaseFileError('not_found', `There is no case file at “${file}”.`);
  }
  if (exists) inspectExisting(file, options);
  const db = new Database(file, nativeOptions(options));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
