// Columns shown, their order and widths are kept per case (main's settings table, not undoable).
import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef } from 'react';
import type { ColumnLayout, SheetTab } from '../../../shared/ipc/sheet/contract';
import { attempt } from '../../lib/ipc';

const SELECTION_COLUMN = 'ag-Grid-SelectionColumn';

export function layoutOf(api: GridApi): ColumnLayout[] {
  return api
    .getColumnState()
    .filter((c) => c.colId !== SELECTION_COLUMN)
    .map((c) => ({ colId: c.colId, hide: !!c.hide, ...(c.width ? { width: Math.round(c.width) } : {}) }));
}

export async function restoreLayout(api: GridApi, tab: SheetTab): Promise<void> {
  const saved = await attempt('sheet:get', { tab });
  if (!saved?.columns?.length || api.isDestroyed()) return;
  const known = new Set(api.getColumnState().map((c) => c.colId));
  api.applyColumnState({
    state: saved.columns
      .filter((c) => known.has(c.colId))
      .map((c) => ({ colId: c.colId, hide: c.hide ?? false, width: c.width })),
    applyOrder: true,
  });
}

/** A saver to call on every column change; it writes at most once per half second. */
export function useLayoutSaver(tab: SheetTab): (api: GridApi) => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  return useCallback(
    (api: GridApi) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (!api.isDestroyed()) void attempt('sheet:saveLayout', { tab, columns: layoutOf(api) });
      }, 500);
    },
    [tab],
  );
}

export { SELECTION_COLUMN };
