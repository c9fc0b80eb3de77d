// The open case and the list of recent cases. One case is open at a time per window.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseInfo } from '../../shared/ipc/contract';
import type { StoreChanged, Written } from '../../shared/ipc/tables';
import { CaseFileError, CaseStore, type OpenOptions } from '../store';
import { Backups, type BackupOptions } from './backups';
import { AppError } from './errors';

const MAX_RECENT = 10;

export interface SessionOptions {
  /** Folder for new cases, the recent-cases list and backups (the user's data folder). */
  dataDir: string;
  nativeBinding?: string;
  /** Test seam: the check that a case file can be written (see OpenOptions). */
  checkWritable?: OpenOptions['checkWritable'];
  /** Automatic backups (interval, limits); `false` turns them off. */
  backups?: Omit<BackupOptions, 'dataDir' | 'nativeBinding'> | false;
}

/** Events that are not changes to the case's content (no backup is due for them). */
const NOT_A_CHANGE = new Set(['case opened', 'case damaged', 'case closed']);

type Listener = (event: StoreChanged) => void;

export class CaseSession {
  private current: CaseStore | null = null;
  /** Why the last case was closed on its own (a damaged file found by the background check). */
  private problem: string | null = null;
  private readonly listeners = new Set<Listener>();
  /** The case last opened or asked for, so its backups can be found after it failed to open. */
  private lastFile: string | null = null;
  readonly backups: Backups | null;
  /** What holds the case's one write transaction open across awaits (a document import), if anything. */
  private busyWith: string | null = null;

  constructor(readonly options: SessionOptions) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    this.backups =
      options.backups === false
        ? null
        : new Backups({
            dataDir: options.dataDir,
            nativeBinding: options.nativeBinding,
            log: (message, error) => console.error(message, error),
            ...options.backups,
          });
  }

  get store(): CaseStore {
    if (!this.current)
      throw new AppError('no_case', 'No case is open. Create a new case or open one from the File menu.');
    return this.current;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /** Why writes are refused right now, or null when the case takes them. */
  get busy(): string | null {
    return this.busyWith;
  }

  /**
   * Runs a long write that keeps one transaction open across awaits; every other write is refused
   * with a sentence until it ends (reads go on). Reads meanwhile share the connection and so see
   * its rows before they are committed: when it fails or is cancelled (rolled back), `tables` are
   * announced so that what the panes read in between is read again.
   */
  async exclusive<T>(what: string, work: () => Promise<T>, tables: readonly Written[] = []): Promise<T> {
    this.assertIdle();
    this.busyWith = what;
    try {
      return await work();
    } catch (error) {
      if (tables.length > 0) this.emit([...tables], `${what}: rolled back`);
      throw error;
    } finally {
      this.busyWith = null;
    }
  }

  assertIdle(): void {
    if (this.busyWith)
      throw new AppError(
        'conflict',
        `The workbench is ${this.busyWith}; this change can be made when it finishes (or cancel it). Nothing was changed.`,
      );
  }

  onChanged(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the panes what changed: a write's announcement, or `tables` and why. */
  emit(change: StoreChanged): void;
  emit(tables: Written[], reason: string): void;
  emit(change: StoreChanged | Written[], reason = ''): void {
    const event = Array.isArray(change) ? { tables: change, reason } : change;
    if (this.current?.readOnly === null && !NOT_A_CHANGE.has(event.reason))
      this.backups?.caseChanged(this.current.file);
    for (const listener of this.listeners) listener(event);
  }

  /** The case file last opened (or asked for), open or not. */
  get lastCaseFile(): string | null {
    return this.lastFile;
  }

  /**
   * Opens a case for writing. One held by another window or process is refused with a sentence
   * (code case_in_use) unless readOnly is asked for; a file that cannot be written opens read-only.
   */
  open(file: string, { create = false, readOnly = false } = {}): CaseStore {
    const resolved = path.resolve(file);
    if (this.current?.file === resolved && (readOnly || this.current.readOnly === null)) return this.current;
    this.lastFile = resolved;
    // Opening the same case again (now for writing) lets go of this window's own read-only connection first.
    if (this.current?.file === resolved) this.close();
    let next: CaseStore;
    try {
      next = CaseStore.open(resolved, {
        create,
        readOnly,
        nativeBinding: this.options.nativeBinding,
        checkWritable: this.options.checkWritable,
      });
    } catch (error) {
      if (error instanceof CaseFileError)
        throw new AppError(error.problem === 'in_use' ? 'case_in_use' : 'case_unreadable', error.message);
      throw error;
    }
    this.close();
    this.current = next;
    this.problem = null;
    this.remember(resolved);
    // A read-only case is not changed here: its writer (if any) makes its copies.
    if (next.readOnly === null) this.backups?.caseOpened(resolved);
    this.emit(['*'], 'case opened');
    void next.integrityCheck().then((damage) => {
      // A large file is checked after it opens; if it is damaged, close it before anything is written.
      if (!damage || this.current !== next) return;
      this.close();
      this.problem = damage.message;
      this.emit(['*'], 'case damaged');
    });
    return next;
  }

  /** A new, empty case file under the data folder (or at the path given). */
  create(file?: string): CaseStore {
    const target = file ?? this.freshPath('Untitled case');
    if (fs.existsSync(target)) {
      throw new AppError(
        'conflict',
        `A file already exists at “${target}”. Choose another name; nothing was changed.`,
      );
    }
    return this.open(target, { create: true });
  }

  freshPath(stem: string): string {
    const dir = path.join(this.options.dataDir, 'cases');
    fs.mkdirSync(dir, { recursive: true });
    for (let n = 1; ; n++) {
      const candidate = path.join(dir, n === 1 ? `${stem}.awcase` : `${stem} ${n}.awcase`);
      if (!fs.existsSync(candidate)) return candidate;
    }
  }

  info(): CaseInfo {
    const store = this.current;
    if (!store) {
      return {
        open: false,
        name: null,
        path: null,
        schemaVersion: null,
        problem: this.problem,
        readOnly: null,
        counts: { entities: 0, relations: 0, sources: 0, notes: 0 },
      };
    }
    return {
      open: true,
      name: store.name,
      path: store.file,
      schemaVersion: store.db.pragma('user_version', { simple: true }) as number,
      problem: null,
      readOnly: store.readOnly,
      counts: {
        entities: store.entities.count(),
        relations: store.relations.count(),
        sources: store.sources.count(),
        notes: store.notes.count(),
      },
    };
  }

  recent(): string[] {
    try {
      const list = JSON.parse(fs.readFileSync(this.recentFile(), 'utf8')) as unknown;
      return Array.isArray(list)
        ? list.filter((p): p is string => typeof p === 'string' && fs.existsSync(p))
        : [];
    } catch {
      return [];
    }
  }

  /** Opens a case; one open in another window is shown here read-only, with a banner saying so. */
  openOrReadOnly(file: string, { create = false } = {}): CaseStore {
    try {
      return this.open(file, { create });
    } catch (error) {
      if (error instanceof AppError && error.code === 'case_in_use')
        return this.open(file, { readOnly: true });
      throw error;
    }
  }

  /** Reopens the last case, if it still opens; otherwise returns null and leaves the session closed. */
  reopenLast(): CaseStore | null {
    for (const file of this.recent()) {
      try {
        return this.openOrReadOnly(file);
      } catch {
        // A recent case that no longer opens is skipped; the analyst sees the next one or a new case.
      }
    }
    return null;
  }

  close(): void {
    if (!this.current) return;
    this.backups?.caseClosed();
    this.current.close();
    this.current = null;
  }

  private recentFile(): string {
    return path.join(this.options.dataDir, 'recent-cases.json');
  }

  private remember(file: string): void {
    const list = [file, ...this.recent().filter((p) => p !== file)].slice(0, MAX_RECENT);
    fs.writeFileSync(this.recentFile(), JSON.stringify(list, null, 2));
  }
}
