// Undo and redo over the case journal.
import type { HistoryState } from '../../shared/ipc/contract';
import type { CaseStore } from '../store';

export function undo(store: CaseStore): HistoryState {
  store.journal.undo();
  return store.journal.state();
}

export function redo(store: CaseStore): HistoryState {
  store.journal.redo();
  return store.journal.state();
}
