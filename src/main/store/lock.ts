// One writer per case: a small lock file beside the case (`<case>.lock`) held with an exclusive
// SQLite lock for as long as the case is open for writing. The lock is the operating system's
// (fcntl), so it is released when the holder exits, even by a crash or SIGKILL: no stale lock to
// clear by hand, no process id that could be reused. SQLite also tracks it within a process, so a
// second window of the same process is refused too.
import fs from 'node:fs';
import Database from 'better-sqlite3';

export interface WriterLock {
  readonly file: string;
  release(): void;
}

export type LockResult =
  | { status: 'held'; lock: WriterLock }
  /** Another window or process has the case open for writing. */
  | { status: 'busy' }
  /** No lock file can be made beside the case (its folder cannot be written). */
  | { status: 'unavailable'; error: Error };

export const lockFileOf = (caseFile: string): string => `${caseFile}.lock`;

const isBusy = (error: unknown): boolean =>
  /^SQLITE_(BUSY|LOCKED)/.test((error as { code?: string }).code ?? '');

function inode(file: string): number | null {
  try {
    return fs.statSync(file).ino;
  } catch {
    return null;
  }
}

export function acquireWriterLock(caseFile: string, nativeBinding?: string): LockResult {
  const file = lockFileOf(caseFile);
  for (let attempt = 0; attempt < 3; attempt++) {
    let db: Database.Database | undefined;
    const before = inode(file);
    try {
      db = new Database(file, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
      // MEMORY: no -journal file beside the case (OFF is not taken on a new, empty file).
      db.pragma('journal_mode = MEMORY');
      db.pragma('locking_mode = EXCLUSIVE');
      // In exclusive locking mode the lock taken here is kept until the connection closes.
      db.exec('BEGIN EXCLUSIVE; COMMIT');
      const held = db.prepare('PRAGMA main.locking_mode').pluck().get();
      if (held !== 'exclusive') throw new Error('the lock file did not keep its lock');
    } catch (error) {
      db?.close();
      if (isBusy(error)) return { status: 'busy' };
      return { status: 'unavailable', error: error as Error };
    }
    // A holder that was closing may have removed the file we locked: then ours is not the lock.
    const owned = inode(file);
    if (owned === null || (before !== null && before !== owned)) {
      db.close();
      continue;
    }
    const connection = db;
    return {
      status: 'held',
      lock: {
        file,
        release() {
          if (!connection.open) return;
          // Removed while still locked, so no one can lock the old file after we let it go.
          if (inode(file) === owned) fs.rmSync(file, { force: true });
          connection.close();
        },
      },
    };
  }
  return { status: 'unavailable', error: new Error('the lock file kept disappearing') };
}

/** Whether another window or process holds the case's writer lock (takes and drops it when free). */
export function isLockedElsewhere(caseFile: string, nativeBinding?: string): boolean {
  const result = acquireWriterLock(caseFile, nativeBinding);
  if (result.status === 'held') result.lock.release();
  return result.status === 'busy';
}
