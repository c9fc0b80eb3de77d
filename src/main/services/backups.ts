// Automatic rotating backups of the open case, so a mistake can be undone past the undo stack.
// Each copy is made with SQLite's online backup API on a worker thread with its own read-only
// connection: main keeps answering while a big case is copied, and writes may go on meanwhile.
// Copies live in <dataDir>/backups/<case name> <hash of its path>/, at most 10 or 2 GB per case,
// the oldest going first. A copy is restored by opening a new case file made from it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaseCounts } from '../../shared/ipc/contract';
import { AppError } from './errors';

export interface BackupInfo {
  /** The copy's file name in its folder; what backups:restore takes. */
  id: string;
  createdAt: string;
  bytes: number;
  counts: CaseCounts;
}

export interface BackupOptions {
  /** The user's data folder; copies go under its backups/ folder. */
  dataDir: string;
  nativeBinding?: string;
  /** After a change, how long until the next copy is made (a few minutes). */
  intervalMs?: number;
  /** False: copies are made only when asked (backUpNow), not on opening and after changes. */
  automatic?: boolean;
  maxCopies?: number;
  maxBytes?: number;
  /** Told when a copy fails (the analyst's work goes on; the next change tries again). */
  log?: (message: string, error: unknown) => void;
}

export const BACKUP_INTERVAL_MS = 5 * 60_000;
export const MAX_BACKUPS = 10;
export const MAX_BACKUP_BYTES = 2 * 1024 ** 3;

/** What the case file looked like when it was copied, to skip copying an unchanged case again. */
interface SourceStamp {
  path: string;
  size: number;
  mtimeMs: number;
  walBytes: number;
}

interface Sidecar {
  createdAt: string;
  counts: CaseCounts;
  source: SourceStamp;
}

const EXTENSION = '.awcase';
const PARTIAL = '.partial-';

function stampOf(file: string): SourceStamp {
  const stat = fs.statSync(file);
  let walBytes = 0;
  try {
    walBytes = fs.statSync(`${file}-wal`).size;
  } catch {
    // No WAL file: every change is in the case file itself.
  }
  return { path: file, size: stat.size, mtimeMs: stat.mtimeMs, walBytes };
}

const sameStamp = (a: SourceStamp, b: SourceStamp): boolean =>
  a.path === b.path && a.size === b.size && a.mtimeMs === b.mtimeMs && a.walBytes === b.walBytes;

// The worker opens the case read-only and copies it in one step of the backup API: in steps, a
// write from the analyst's connection would restart the copy, and a busy case might never finish.
const BACKUP_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const native = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {};
(async () => {
  const source = new Database(workerData.source, { readonly: true, fileMustExist: true, ...native });
  try {
    await source.backup(workerData.target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new Database(workerData.target, native);
  try {
    copy.pragma('journal_mode = DELETE');
    const count = (table) => copy.prepare('SELECT count(*) FROM ' + table).pluck().get();
    parentPort.postMessage({
      ok: true,
      counts: { entities: count('entity'), relations: count('relation'), sources: count('source'), notes: count('note') },
    });
  } finally {
    copy.close();
  }
})().catch((error) => parentPort.postMessage({ ok: false, message: error.message, code: error.code }));
`;

function copyInWorker(
  source: string,
  target: string,
  nativeBinding: string | undefined,
): Promise<CaseCounts> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(BACKUP_WORKER, {
      eval: true,
      workerData: { source, target, nativeBinding, module },
    });
    worker.once(
      'message',
      (result: { ok: boolean; counts?: CaseCounts; message?: string; code?: string }) => {
        void worker.terminate();
        if (result.ok) resolve(result.counts!);
        else reject(Object.assign(new Error(result.message), { code: result.code }));
      },
    );
    worker.once('error', reject);
  });
}

/** "Sahel groups 3f2a9c1e": the case's name (made safe for a folder) and a short hash of its path. */
export function backupFolderName(caseFile: string): string {
  const resolved = path.resolve(caseFile);
  const name = path
    .basename(resolved)
    .replace(/\.[^.]+$/, '')
    .replace(/[\p{Cc}\\/:*?"<>|]/gu, '_')
    .slice(0, 80);
  const hash = crypto.createHash('sha256').update(resolved).digest('hex').slice(0, 8);
  return `${name} ${hash}`;
}

export class Backups {
  private readonly intervalMs: number;
  private readonly maxCopies: number;
  private readonly maxBytes: number;
  private timer: NodeJS.Timeout | null = null;
  /** The case whose changes are waiting for the next copy. */
  private dirty: string | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private lastProblem: string | null = null;

  constructor(private readonly options: BackupOptions) {
    this.intervalMs = options.intervalMs ?? BACKUP_INTERVAL_MS;
    this.maxCopies = options.maxCopies ?? MAX_BACKUPS;
    this.maxBytes = options.maxBytes ?? MAX_BACKUP_BYTES;
  }

  folderOf(caseFile: string): string {
    return path.join(this.options.dataDir, 'backups', backupFolderName(caseFile));
  }

  /** A case was opened: copy it now, unless the newest copy is of exactly this file. */
  caseOpened(caseFile: string): void {
    this.cancelTimer();
    this.dirty = null;
    if (this.options.automatic === false) return;
    const newest = this.sidecars(caseFile).at(-1);
    try {
      if (newest && sameStamp(newest.sidecar.source, stampOf(caseFile))) return;
    } catch {
      return; // the file went away; nothing to copy
    }
    this.enqueue(caseFile).catch(() => {}); // recorded in problem and logged by enqueue
  }

  /** The open case changed: copy it once the interval has passed (changes meanwhile join that copy). */
  caseChanged(caseFile: string): void {
    if (this.options.automatic === false) return;
    this.dirty = caseFile;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const file = this.dirty;
      this.dirty = null;
      if (file) this.enqueue(file).catch(() => {});
    }, this.intervalMs);
    this.timer.unref();
  }

  /** The case is closing: changes still waiting for their copy get it now. */
  caseClosed(): void {
    this.cancelTimer();
    const file = this.dirty;
    this.dirty = null;
    if (file) this.enqueue(file).catch(() => {});
  }

  /** Resolves when the copies asked for so far are made (tests, and the app's orderly exit). */
  idle(): Promise<void> {
    return this.running.then(() => undefined);
  }

  /** Makes a copy now; resolves with it (and rejects with the reason it could not be made). */
  backUpNow(caseFile: string): Promise<BackupInfo> {
    return this.enqueue(caseFile);
  }

  /** Why the last copy failed, or null when it succeeded. */
  get problem(): string | null {
    return this.lastProblem;
  }

  /** The copies of a case, newest first. */
  list(caseFile: string): BackupInfo[] {
    const folder = this.folderOf(caseFile);
    return this.sidecars(caseFile)
      .map(({ id, sidecar }) => ({
        id,
        createdAt: sidecar.createdAt,
        counts: sidecar.counts,
        bytes: fs.statSync(path.join(folder, id)).size,
      }))
      .reverse();
  }

  /** Copies a backup to a new case file (the backup and the original stay as they are). */
  restoreTo(caseFile: string, id: string, target: string): void {
    if (!this.sidecars(caseFile).some((entry) => entry.id === id))
      throw new AppError('not_found', 'This backup is no longer there; choose another one.');
    fs.copyFileSync(path.join(this.folderOf(caseFile), id), target, fs.constants.COPYFILE_EXCL);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private enqueue(caseFile: string): Promise<BackupInfo> {
    const result = this.running.then(() => this.copy(caseFile));
    this.running = result.then(
      () => (this.lastProblem = null),
      (error: unknown) => {
        // The case or the data folder is gone (a test's temporary one): there is nothing to copy.
        if (!fs.existsSync(caseFile) || !fs.existsSync(this.options.dataDir)) return;
        this.lastProblem = `The last automatic backup could not be made (${(error as Error).message}).`;
        this.options.log?.('backup failed', error);
      },
    );
    return result;
  }

  private async copy(caseFile: string): Promise<BackupInfo> {
    const folder = this.folderOf(caseFile);
    fs.mkdirSync(folder, { recursive: true });
    const createdAt = new Date();
    const id = `${createdAt.toISOString().replace(/[:.]/g, '-')}${EXTENSION}`;
    const partial = path.join(folder, `${PARTIAL}${crypto.randomBytes(4).toString('hex')}${EXTENSION}`);
    const source = stampOf(caseFile);
    try {
      const counts = await copyInWorker(caseFile, partial, this.options.nativeBinding);
      const sidecar: Sidecar = { createdAt: createdAt.toISOString(), counts, source };
      fs.writeFileSync(path.join(folder, `${id}.json`), JSON.stringify(sidecar, null, 2));
      fs.renameSync(partial, path.join(folder, id));
      this.rotate(caseFile);
      return { id, createdAt: sidecar.createdAt, counts, bytes: fs.statSync(path.join(folder, id)).size };
    } catch (error) {
      for (const leftover of [partial, `${partial}-journal`, path.join(folder, `${id}.json`)])
        fs.rmSync(leftover, { force: true });
      throw error;
    }
  }

  /** Oldest first out, until at most maxCopies remain and they fit in maxBytes (the newest always stays). */
  private rotate(caseFile: string): void {
    const folder = this.folderOf(caseFile);
    // Copies left half-made by a crash an hour or more ago.
    for (const name of fs.readdirSync(folder).filter((n) => n.startsWith(PARTIAL))) {
      const file = path.join(folder, name);
      if (Date.now() - fs.statSync(file).mtimeMs > 3_600_000) fs.rmSync(file, { force: true });
    }
    const entries = this.sidecars(caseFile).map((entry) => ({
      ...entry,
      bytes: fs.statSync(path.join(folder, entry.id)).size,
    }));
    let total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    while (entries.length > 1 && (entries.length > this.maxCopies || total > this.maxBytes)) {
      const oldest = entries.shift()!;
      total -= oldest.bytes;
      fs.rmSync(path.join(folder, oldest.id), { force: true });
      fs.rmSync(path.join(folder, `${oldest.id}.json`), { force: true });
    }
  }

  /** The complete copies of a case (copy and its description both there), oldest first. */
  private sidecars(caseFile: string): { id: string; sidecar: Sidecar }[] {
    const folder = this.folderOf(caseFile);
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      return [];
    }
    const entries: { id: string; sidecar: Sidecar }[] = [];
    for (const id of names.filter((n) => n.endsWith(EXTENSION) && !n.startsWith(PARTIAL)).sort()) {
      try {
        entries.push({
          id,
          sidecar: JSON.parse(fs.readFileSync(path.join(folder, `${id}.json`), 'utf8')) as Sidecar,
        });
      } catch {
        // A copy without its description was not finished; it is not offered.
      }
    }
    return entries;
  }
}
