// Opening a case file: refuse what we cannot read (not SQLite, corrupt, newer schema) without
// touching a byte of it, then migrate in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** "AWB1" — marks a SQLite file as an Analyst Workbench case. */
export const APPLICATION_ID = 0x41574231;

const SQLITE_HEADER = 'SQLite format 3\0';

export type CaseFileProblem =
  'not_found' | 'not_sqlite' | 'corrupt' | 'newer_version' | 'foreign' | 'in_use' | 'not_writable';

/**
 * Files up to this size get a full PRAGMA quick_check before they open. quick_check reads every
 * page (seconds for a million-row case), so larger files get the cheap checks here and the full
 * check in the background after opening (see checkIntegrityInBackground).
 */
export const SYNC_CHECK_BYTES = 16 * 1024 * 1024;

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
  /**
   * Throws (EACCES, EPERM, EROFS) when the case file cannot be written; the case then opens
   * read-only. Tests inject the error here: they run as root, where chmod does not bite.
   */
  checkWritable?: (file: string) => void;
}

/** Why a case is open read-only, in one sentence for the banner. */
export type ReadOnlyReason = string;

const NOT_WRITABLE_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

function defaultCheckWritable(file: string): void {
  fs.accessSync(file, fs.constants.W_OK);
  // SQLite writes its -wal and -shm files beside the case.
  fs.accessSync(path.dirname(file), fs.constants.W_OK);
}

/** The reason a case file cannot be written, or null when it can. */
export function notWritableReason(file: string, options: OpenOptions = {}): ReadOnlyReason | null {
  try {
    (options.checkWritable ?? defaultCheckWritable)(file);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!NOT_WRITABLE_CODES.has(code)) throw error;
    const why = code === 'EROFS' ? 'it is on a read-only disk' : 'you do not have permission to change it';
    return `“${path.basename(file)}” cannot be written (${why}), so it is open read-only: you can read, search and export it, but not change it. To work on it, copy it to a folder you can write to and open the copy.`;
  }
}

function nativeOptions(options: OpenOptions): Database.Options {
  const nativeBinding = options.nativeBinding ?? process.env.AW_SQLITE_BINDING;
  return nativeBinding ? { nativeBinding } : {};
}

/** A read-only connection to a case file: it sees the case as last committed, indexes included. */
export function openReadOnly(file: string, options: OpenOptions = {}): Db {
  return new Database(file, { readonly: true, fileMustExist: true, ...nativeOptions(options) });
}

function corrupt(name: string, report: string): CaseFileError {
  // quick_check reports one problem per line; the first says enough.
  const detail = report.split('\n').find((line) => line.trim() && !line.startsWith('***')) ?? report;
  return new CaseFileError(
    'corrupt',
    `“${name}” is damaged and cannot be opened (${detail}). Nothing was changed; open a backup copy instead.`,
  );
}

/** Returns whether the full integrity check still has to run (in the background). */
function inspectExisting(file: string, options: OpenOptions): boolean {
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
    const size = fs.statSync(file).size;
    if (size <= SYNC_CHECK_BYTES) {
      const check = probe.pragma('quick_check', { simple: true }) as string;
      if (check !== 'ok') throw new Error(check);
      return false;
    }
    // Cheap checks: the schema parses and the page count fits the file.
    probe.prepare('SELECT count(*) FROM sqlite_schema').get();
    const pages = probe.pragma('page_count', { simple: true }) as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    if (pages * pageSize > size + pageSize && !fs.existsSync(`${file}-wal`))
      throw new Error('the file is truncated');
    return true;
  } catch (error) {
    if (error instanceof CaseFileError) throw error;
    throw corrupt(name, (error as Error).message);
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

export interface Opened {
  db: Db;
  /** The full integrity check has not run yet (large file): run checkIntegrityInBackground. */
  checkPending: boolean;
  /** Set when the case was opened read-only, with the reason; null when it can be written. */
  readOnly: ReadOnlyReason | null;
}

export interface OpenCaseOptions extends OpenOptions {
  create?: boolean;
  /** Open without writing, for this reason (shown to the analyst). */
  readOnly?: ReadOnlyReason;
}

/**
 * Opens (or, with create, makes) a case file, checked and migrated to the latest schema. A file
 * that cannot be written opens read-only (not migrated, so it must already be at the latest schema).
 */
export function openCaseFile(file: string, { create = false, ...options }: OpenCaseOptions = {}): Opened {
  const exists = fs.existsSync(file);
  if (!exists && !create) {
    throw new CaseFileError('not_found', `There is no case file at “${file}”.`);
  }
  const checkPending = exists ? inspectExisting(file, options) : false;
  const readOnly = options.readOnly ?? (exists ? notWritableReason(file, options) : null);
  if (readOnly !== null) return { db: openCaseReadOnly(file, options), checkPending, readOnly };
  let db: Db;
  try {
    db = new Database(file, nativeOptions(options));
  } catch (error) {
    throw new CaseFileError(
      'not_writable',
      `A case file cannot be made at “${file}” (${(error as Error).message}). Choose a folder you can write to; nothing was changed.`,
    );
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    db.pragma('cache_size = -65536');
    migrate(db);
    return { db, checkPending, readOnly: null };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The case itself, read-only: it must already be at the latest schema (it cannot be migrated). */
function openCaseReadOnly(file: string, options: OpenOptions): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...nativeOptions(options) });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < LATEST_VERSION) {
      throw new CaseFileError(
        'not_writable',
        `“${path.basename(file)}” was made by an earlier Analyst Workbench and must be upgraded before it opens, but it cannot be written. Copy it to a folder you can write to and open the copy; nothing was changed.`,
      );
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    db.pragma('cache_size = -65536');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function openDatabase(file: string, options: OpenCaseOptions = {}): Db {
  return openCaseFile(file, options).db;
}

const CHECK_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let result;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  result = db.pragma('quick_check', { simple: true });
  db.close();
} catch (error) {
  result = error.message;
}
parentPort.postMessage(result);
`;

/** Runs PRAGMA quick_check on its own connection in a worker thread; resolves null when the file is sound. */
export function checkIntegrityInBackground(
  file: string,
  options: OpenOptions = {},
): Promise<CaseFileError | null> {
  const nativeBinding = options.nativeBinding ?? process.env.AW_SQLITE_BINDING;
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(CHECK_WORKER, { eval: true, workerData: { file, nativeBinding, module } });
    worker.once('message', (result: string) => {
      void worker.terminate();
      resolve(result === 'ok' ? null : corrupt(path.basename(file), result));
    });
    worker.once('error', (error) => resolve(corrupt(path.basename(file), error.message)));
  });
}
