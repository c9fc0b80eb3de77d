// What the Entities and Relations tabs share: running an action with its refusal shown in words,
// and answering the Export CSV / Import CSV commands for the tab on screen.
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect } from 'react';
import { IpcCallError } from '../../lib/ipc';
import { sheetActions } from './actions';
import { exportTab } from './exportCsv';

export function useTabActions(
  api: GridApi | null,
  tab: 'entities' | 'relations',
  quick: string,
  setMessage: (message: string | null) => void,
  openImport: () => void,
  /** Entities: the quick search looks in every column, shown or not. */
  wide = false,
): { run: (action: () => Promise<unknown>) => Promise<void>; exportCsv: () => void } {
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<void> => {
      try {
        await action();
        setMessage(null);
      } catch (error) {
        setMessage(error instanceof IpcCallError ? error.message : String((error as Error).message));
      }
    },
    [setMessage],
  );
  const exportCsv = useCallback(() => {
    if (api) void run(() => exportTab(api, tab, quick, wide));
  }, [api, tab, quick, wide, run]);
  useEffect(() => {
    sheetActions.exportCsv = exportCsv;
    sheetActions.importCsv = openImport;
    return () => {
      sheetActions.exportCsv = null;
      sheetActions.importCsv = null;
    };
  }, [exportCsv, openImport]);
  return { run, exportCsv };
}
