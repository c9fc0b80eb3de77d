// A case store: one open case file with its repositories and undo journal.
import path from 'node:path';
import { checkIntegrityInBackground, openCaseFile, openReadOnly, type Db, type OpenOptions } from './db';
import { Journal } from './journal';
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
export type { OpenOptions } from './db';
export type { Db } from './db';

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

  static open(file: string, options: OpenOptions & { create?: boolean } = {}): CaseStore {
    const { db, checkPending } = openCaseFile(file, options);
    return new CaseStore(db, path.resolve(file), checkPending, options);
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
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }
}
