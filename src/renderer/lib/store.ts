// The renderer's small shared state: what is selected, and a change counter per table so panes
// re-read after main reports a write. Selection is the only UI state features share.
import { useSyncExternalStore } from 'react';
import type { StoreChanged } from '../../shared/ipc/contract';
import { bridge } from './platform';

export interface Selection {
  entityIds: number[];
  relationIds: number[];
  /** Where the selection was made, so a pane does not echo its own selection back. */
  origin: string;
  /** A source document in view (its notes show in the side panel when nothing else is selected). */
  sourceIds?: number[];
}

type Listener = () => void;

function createStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      for (const l of listeners) l();
    },
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const selectionStore = createStore<Selection>({ entityIds: [], relationIds: [], origin: 'init' });

export function select(selection: Omit<Selection, 'relationIds'> & { relationIds?: number[] }): void {
  selectionStore.set({ relationIds: [], ...selection });
}

export function useSelection(): Selection {
  return useSyncExternalStore(selectionStore.subscribe, selectionStore.get);
}

/** Bumped on every store:changed; panes depend on it to re-read what they show. */
export const revisionStore = createStore<{ n: number; tables: string[] }>({ n: 0, tables: ['*'] });

export function useRevision(): number {
  return useSyncExternalStore(revisionStore.subscribe, () => revisionStore.get().n);
}

/**
 * Writes that change no case data: the sheet's column layouts, graph node positions and CSV upload
 * plumbing (a finished import announces the tables it filled itself). Panes need not re-read for these.
 */
const NOT_CASE_DATA = new Set(['sheet', 'csvImport', 'graph']);

export function listenForChanges(): () => void {
  return bridge().on('store:changed', (payload) => {
    const event = payload as StoreChanged;
    if (event.tables.length > 0 && event.tables.every((t) => NOT_CASE_DATA.has(t))) return;
    revisionStore.set({ n: revisionStore.get().n + 1, tables: event.tables });
  });
}
