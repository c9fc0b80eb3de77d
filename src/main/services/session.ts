// The open case and the list of recent cases. One case is open at a time per window.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseInfo } from '../../shared/ipc/contract';
import type { StoreChanged, Written } from '../../shared/ipc/tables';
import { CaseFileError, CaseStore } from '../store';
import { AppError } from './errors';

const MAX_RECENT = 10;

export interface SessionOptions {
  /** Folder for new cases and the recent-cases list (the user's data folder). */
  dataDir: string;
  nativeBinding?: string;
}

type Listener = (event: StoreChanged) => void;

export class CaseSession {
  private current: CaseStore | null = null;
  /** Why the last case was closed on its own (a damaged file found by the background check). */
  private problem: string | null = null;
  private readonly listeners = new Set<Listener>();
  /** What holds the case's one write transaction open across awaits (a document import), if anything. */
  private busyWith: string | null = null;

  constructor(readonly options: SessionOptions) {
    fs.mkdirSync(options.dataDir, { recursive: true });
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
    for (const listener of this.listeners) listener(event);
  }

  open(file: string, { create = false } = {}): CaseStore {
    const resolved = path.resolve(file);
    let next: CaseStore;
    try {
      next = CaseStore.open(resolved, { create, nativeBinding: this.options.nativeBinding });
    } catch (error) {
      if (error instanceof CaseFileError) throw new AppError('case_unreadable', error.message);
      throw error;
    }
    this.current?.close();
    this.current = next;
    this.problem = null;
    this.remember(resolved);
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
        counts: { entities: 0, relations: 0, sources: 0, notes: 0 },
      };
    }
    return {
      open: true,
      name: store.name,
      path: store.file,
      schemaVersion: store.db.pragma('user_version', { simple: true }) as number,
      problem: null,
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

  /** Reopens the last case, if it still opens; otherwise returns null and leaves the session closed. */
  reopenLast(): CaseStore | null {
    for (const file of this.recent()) {
      try {
        return this.open(file);
      } catch {
        // A recent case that no longer opens is skipped; the analyst sees the next one or a new case.
      }
    }
    return null;
  }

  close(): void {
    this.current?.close();
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
