// What both shells do at start: pick the case to open (the one asked for, the last one, or on the
// very first start the sample case) and build the handler table over it.
import fs from 'node:fs';
import path from 'node:path';
import type { StoreChanged } from '../../shared/ipc/tables';
import { createHandlers, openSampleCase, type HandlerContext } from '../ipc/handlers';
import type { HandlerTable, WatchWrites } from '../ipc/handle';
import { CaseSession, type SessionOptions } from '../services/session';

export interface StartupOptions {
  dataDir: string;
  resourcesDir: string;
  /** A case file to open (created if missing). */
  casePath?: string;
  nativeBinding?: string;
  /** Automatic backups' settings; false turns them off. */
  backups?: SessionOptions['backups'];
}

export interface Core {
  session: CaseSession;
  handlers: HandlerTable;
  context: HandlerContext;
  /** Tells the panes what a write changed (dispatch's announcement of it). */
  onWrite: (change: StoreChanged) => void;
  /** Watches the rows a write touches, in the open case's undo journal. */
  watch: WatchWrites;
}

export function startCore(options: StartupOptions): Core {
  const session = new CaseSession({
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    backups: options.backups,
  });
  const context: HandlerContext = { session, resourcesDir: options.resourcesDir };
  if (options.casePath) {
    const file = path.resolve(options.casePath);
    session.openOrReadOnly(file, { create: !fs.existsSync(file) });
  } else if (!session.reopenLast()) {
    const firstStart = session.recent().length === 0;
    if (firstStart && fs.existsSync(path.join(options.resourcesDir, 'sample-case', 'case.json')))
      openSampleCase(context);
    else session.create();
  }
  return {
    session,
    handlers: createHandlers(context),
    context,
    onWrite: (change) => {
      // Opening or creating a case ('*') announces itself: the session emits 'case opened'.
      if (change.tables.includes('*')) return;
      session.emit(change);
    },
    watch: () => (session.isOpen ? session.store.journal.watch() : undefined),
  };
}
