// Undo and redo over the case journal.
import type { HistoryState } from '../../shared/ipc/contract';
import type { CaseStore } from '../store';

// An undone or redone import takes or brings back attribute declarations; their indexes follow.
export function undo(store: CaseStore): HistoryState {
  store.transaction(() => {
    store.journal.undo();
    store.attributes.syncIndexes();
  });
  return store.journal.state();
}

export function redo(store: CaseStore): HistoryState {
  store.transaction(() => {
    store.journal.redo();
    store.attributes.syncIndexes();
  });
  return store.journal.state();
}
