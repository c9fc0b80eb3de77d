// The renderer's small shared state: what is selected, and the writes main announces, by table
// (src/shared/ipc/tables.ts), so each pane re-reads — or applies — what concerns it. Selection is
// the only UI state features share.
import { useCallback, useSyncExternalStore } from 'react';
import { CASE_TABLES, TABLES, type StoreChanged, type TableName } from '../../shared/ipc/tables';
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

/** Tables of the case data, for a pane that shows a bit of everything. */
export const CASE_DATA: readonly TableName[] = CASE_TABLES;

type ChangeListener = (change: StoreChanged) => void;
const changeListeners = new Map<ChangeListener, ReadonlySet<TableName>>();
/** Changes seen per table (a case opened counts for all), so a pane can depend on its own tables. */
const revisions = new Map<TableName, number>(TABLES.map((t) => [t, 0]));

/**
 * Whether a change announced by main touches any of these tables: one it declares ('*': another
 * case, all of them), unless its ids show no row of that table was written (an undo of a note edit
 * declares every case table but writes two).
 */
export function touches(change: StoreChanged, tables: ReadonlySet<TableName>): boolean {
  return change.tables.some(
    (t) => t === '*' || (tables.has(t) && (change.ids?.[t] === undefined || change.ids[t].length > 0)),
  );
}

/** Calls `listener` with every change main announces to any of `tables`. */
export function onTablesChanged(tables: readonly TableName[], listener: ChangeListener): () => void {
  changeListeners.set(listener, new Set(tables));
  return () => void changeListeners.delete(listener);
}

function announce(change: StoreChanged): void {
  for (const t of TABLES) if (touches(change, new Set([t]))) revisions.set(t, revisions.get(t)! + 1);
  // (Read by useRevision at React's next render; the listeners below tell it to look.)
  for (const [listener, tables] of changeListeners) if (touches(change, tables)) listener(change);
}

/**
 * Has the panes showing these tables read them again, as if main had announced a write: after a
 * long write ends without one (a cancelled import, rolled back, whose rows a read saw meanwhile).
 */
export function rereadTables(tables: TableName[], reason: string): void {
  announce({ tables, reason });
}

/** A number that changes whenever main announces a write to one of `tables`: a pane re-reads on it. */
export function useRevision(tables: readonly TableName[]): number {
  const key = tables.join(',');
  const subscribe = useCallback(
    (onChange: () => void) => onTablesChanged(key.split(',') as TableName[], onChange),
    [key],
  );
  return useSyncExternalStore(subscribe, () =>
    key.split(',').reduce((sum, t) => sum + (revisions.get(t as TableName) ?? 0), 0),
  );
}

export function listenForChanges(): () => void {
  return bridge().on('store:changed', (payload) => announce(payload as StoreChanged));
}
