// A case store: one open case file with its repositories and undo journal.
import path from 'node:path';
import {
  CaseFileError,
  checkIntegrityInBackground,
  openCaseFile,
  openReadOnly,
  type Db,
  type OpenOptions,
  type ReadOnlyReason,
} from './db';
import { Journal } from './journal';
import { acquireWriterLock, isLockedElsewhere, type WriterLock } from './lock';
import { AttributeRepo } from './repos/attributes';
import { EntityRepo } from './repos/entities';
import { NoteRepo } from './repos/notes';
import { OriginalRepo } from './repos/originals';
import { RelationRepo } from './repos/relations';
import { SettingRepo } from './repos/settings';
import { SourceRepo } from './repos/sources';
import { SuggestionRepo } from './repos/suggestions';
import { VocabularyRepo } from './repos/vocabulary';

export { CaseFileError, openDatabase, APPLICATION_ID } from './db';
export type { OpenOptions, ReadOnlyReason } from './db';
export type { Db } from './db';

export interface CaseStoreOptions extends OpenOptions {
  create?: boolean;
  /** The analyst asked for read-only (e.g. the case is open in another window). */
  readOnly?: boolean;
}

const inUse = (file: string): string =>
  `“${path.basename(file)}” is open in another Analyst Workbench window, so it is open read-only here: close it there and open it again to make changes.`;

export class CaseStore {
  readonly entities: EntityRepo;
  readonly relations: RelationRepo;
  readonly sources: SourceRepo;
  readonly notes: NoteRepo;
  readonly originals: OriginalRepo;
  readonly suggestions: SuggestionRepo;
  readonly settings: SettingRepo;
  readonly vocabulary: VocabularyRepo;
  readonly attributes: AttributeRepo;
  readonly journal: Journal;

  private constructor(
    readonly db: Db,
    readonly file: string,
    /** Set when the file was too large to check before opening; see integrityCheck(). */
    readonly checkPending: boolean,
    private readonly options: OpenOptions,
    /** Why the case is open read-only (one sentence), or null when this window is its writer. */
    readonly readOnly: ReadOnlyReason | null,
    private readonly lock: WriterLock | null,
  ) {
    this.entities = new EntityRepo(db);
    this.relations = new RelationRepo(db);
    this.sources = new SourceRepo(db);
    this.notes = new NoteRepo(db);
    this.originals = new OriginalRepo(db);
    this.suggestions = new SuggestionRepo(db);
    this.settings = new SettingRepo(db);
    this.vocabulary = new VocabularyRepo(db);
    this.attributes = new AttributeRepo(db);
    this.journal = new Journal(db);
  }

  /**
   * Opens a case for writing, holding its writer lock, so no other window or process writes it at
   * the same time; a case another one holds is refused (CaseFileError 'in_use') unless read-only
   * is asked for. A file that cannot be written opens read-only.
   */
  static open(file: string, { readOnly = false, ...options }: CaseStoreOptions = {}): CaseStore {
    const resolved = path.resolve(file);
    if (readOnly) {
      const reason = isLockedElsewhere(resolved, options.nativeBinding)
        ? inUse(resolved)
        : `“${path.basename(resolved)}” is open read-only, as you asked: open it again to make changes.`;
      const opened = openCaseFile(resolved, { ...options, create: false, readOnly: reason });
      return new CaseStore(opened.db, resolved, opened.checkPending, options, opened.readOnly, null);
    }
    const lock = acquireWriterLock(resolved, options.nativeBinding);
    if (lock.status === 'busy') {
      throw new CaseFileError(
        'in_use',
        `“${path.basename(resolved)}” is open in another Analyst Workbench window. Close it there, or open it read-only here; nothing was changed.`,
      );
    }
    const held = lock.status === 'held' ? lock.lock : null;
    try {
      const opened = openCaseFile(resolved, options);
      if (opened.readOnly !== null) held?.release();
      return new CaseStore(
        opened.db,
        resolved,
        opened.checkPending,
        options,
        opened.readOnly,
        opened.readOnly === null ? held : null,
      );
    } catch (error) {
      held?.release();
      throw error;
    }
  }

  /** The full integrity check of a large file, off the main thread. Null when sound. */
  integrityCheck(): Promise<Error | null> {
    return this.checkPending ? checkIntegrityInBackground(this.file, this.options) : Promise.resolve(null);
  }

  get name(): string {
    return path.basename(this.file).replace(/\.[^.]+$/, '');
  }

  /**
   * A second, read-only connection to the file (close it after): it sees the case as last
   * committed, whatever this connection's open transaction has written or set aside.
   */
  reader(): Db {
    return openReadOnly(this.file, this.options);
  }

  /** Runs fn in one transaction without recording it for undo. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) {
      if (this.readOnly === null) this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
    this.lock?.release();
  }
}
