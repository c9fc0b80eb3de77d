// One tab's grid over the store: ag-grid's Infinite Row Model asks for blocks of rows; sort,
// filter and quick search travel as a query and run as indexed SQL in main.
import type {
  CellEditRequestEvent,
  ColDef,
  GridApi,
  GridReadyEvent,
  IDatasource,
  IGetRowsParams,
  SelectionChangedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { SheetTab } from '../../../shared/ipc/sheet/contract';
import type { Page } from '../../../shared/model';
import { reportError } from '../../lib/ipc';
import { CASE_DATA, onTablesChanged, selectionStore } from '../../lib/store';
import { sheetTheme } from './agGrid';
import { toQuery, type GridSort } from './query';
import { restoreLayout, useLayoutSaver } from './useLayout';

export type ListQuery<C extends string> = ReturnType<typeof toQuery<C>> & { offset: number; limit: number };

export interface RowsGridProps<Row extends { id: number }, C extends string> {
  tab: SheetTab;
  label: string;
  columns: ColDef<Row>[];
  columnIds: readonly C[];
  quick: string;
  fetch: (query: ListQuery<C>) => Promise<Page<Row>>;
  edit: (row: Row, column: C, value: unknown) => Promise<void>;
  onRefused: (message: string) => void;
  onApi: (api: GridApi<Row> | null) => void;
  onTotal: (total: number) => void;
  onSelection: (rows: Row[]) => void;
  /** Ids this grid should show as selected when another pane selects them. */
  selectedIds: (selection: ReturnType<typeof selectionStore.get>) => number[];
}

const BLOCK = 100;

declare global {
  interface Window {
    /** Read-only test hook for benchmarks and e2e: the grid API of each mounted tab. */
    __awSheet?: Partial<Record<SheetTab, GridApi>>;
  }
}

export function RowsGrid<Row extends { id: number }, C extends string>(props: RowsGridProps<Row, C>) {
  const { tab, columns, columnIds, quick, fetch, edit, onRefused, onApi, onTotal, onSelection, selectedIds } =
    props;
  const apiRef = useRef<GridApi<Row> | null>(null);
  const quickRef = useRef(quick);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const saveLayout = useLayoutSaver(tab);
  const applyingSelection = useRef(false);

  const datasource = useMemo<IDatasource>(
    () => ({
      rowCount: undefined,
      getRows(params: IGetRowsParams) {
        const query = toQuery(
          columnIds,
          params.sortModel as GridSort[],
          params.filterModel as Record<string, unknown>,
          quickRef.current,
        );
        fetchRef
          .current({
            ...query,
            offset: params.startRow,
            limit: Math.min(1000, params.endRow - params.startRow),
          })
          .then((page) => {
            onTotal(page.total);
            params.successCallback(page.rows, page.total);
          })
          .catch((error: unknown) => {
            params.failCallback();
            reportError(error, `${tab}:list`);
          });
      },
    }),
    [columnIds, onTotal, tab],
  );

  // Quick search: the same datasource, asked again from the top.
  useEffect(() => {
    if (quickRef.current === quick) return;
    quickRef.current = quick;
    // Reloading rows would drop an open editor's text: finish (save) that edit first.
    apiRef.current?.stopEditing(false);
    apiRef.current?.purgeInfiniteCache();
  }, [quick]);

  // After any write to case data, re-read the blocks on screen (scroll position stays).
  // A refresh would close an open cell editor and drop what is being typed: wait for the edit to end.
  const refreshPending = useRef(false);
  useEffect(() => {
    const unsubscribe = onTablesChanged(CASE_DATA, () => {
      const api = apiRef.current;
      if (!api) return;
      if (api.getEditingCells().length > 0) refreshPending.current = true;
      else api.refreshInfiniteCache();
    });
    return () => void unsubscribe();
  }, []);
  const onCellEditingStopped = useCallback(() => {
    if (!refreshPending.current) return;
    refreshPending.current = false;
    apiRef.current?.refreshInfiniteCache();
  }, []);

  // Selection made elsewhere (graph, search): tick the same rows here if they are loaded.
  useEffect(() => {
    const unsubscribe = selectionStore.subscribe(() => {
      const selection = selectionStore.get();
      const api = apiRef.current;
      if (!api || selection.origin === `sheet:${tab}`) return;
      const ids = new Set(selectedIds(selection));
      applyingSelection.current = true;
      api.forEachNode((node) => {
        if (node.data) node.setSelected(ids.has(node.data.id));
      });
      applyingSelection.current = false;
    });
    return () => void unsubscribe();
  }, [selectedIds, tab]);

  const onGridReady = useCallback(
    (event: GridReadyEvent<Row>) => {
      apiRef.current = event.api;
      window.__awSheet = { ...window.__awSheet, [tab]: event.api as GridApi };
      onApi(event.api);
      void restoreLayout(event.api, tab);
    },
    [onApi, tab],
  );
  useEffect(() => () => onApi(null), [onApi]);

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<Row>) => {
      const column = event.colDef.colId as C;
      if (!event.data || event.newValue === event.oldValue) return;
      edit(event.data, column, event.newValue).catch((error: unknown) =>
        onRefused(String((error as Error).message ?? error)),
      );
    },
    [edit, onRefused],
  );

  const onSelectionChanged = useCallback(
    (event: SelectionChangedEvent<Row>) => {
      if (applyingSelection.current) return;
      onSelection(event.api.getSelectedRows());
    },
    [onSelection],
  );

  const onColumnChanged = useCallback(
    (event: { api: GridApi<Row>; finished?: boolean; source?: string }) => {
      if (event.finished === false || event.source === 'api' || event.source === 'gridInitializing') return;
      saveLayout(event.api as GridApi);
    },
    [saveLayout],
  );

  // The grid is one Tab stop: Tab lands on a cell (the last one focused, else the first row's
  // first), arrow keys move inside, and Tab again leaves it instead of walking ~1,000 cells.
  const focusCell = useCallback(() => {
    const api = apiRef.current;
    if (!api) return false;
    const last = api.getFocusedCell();
    const column = last?.column ?? api.getAllDisplayedColumns()[0];
    const row = last?.rowIndex ?? api.getFirstDisplayedRowIndex();
    if (!column || row === undefined || row < 0) return false;
    api.ensureIndexVisible(row);
    api.setFocusedCell(row, column);
    return true;
  }, []);

  return (
    <div
      className="sheet-grid"
      role="region"
      aria-label={props.label}
      tabIndex={-1}
      data-pane-focus
      onFocus={(e) => void (e.target === e.currentTarget && focusCell())}
    >
      <AgGridReact<Row>
        theme={sheetTheme}
        columnDefs={columns}
        defaultColDef={{ resizable: true, minWidth: 60, suppressHeaderMenuButton: false }}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK}
        maxBlocksInCache={50}
        infiniteInitialRowCount={BLOCK}
        blockLoadDebounceMillis={30}
        getRowId={(params) => String(params.data.id)}
        selectionColumnDef={{ pinned: 'left', lockPinned: true, width: 44, maxWidth: 44, resizable: false }}
        rowSelection={{
          mode: 'multiRow',
          checkboxes: true,
          headerCheckbox: false,
          enableClickSelection: true,
        }}
        readOnlyEdit
        singleClickEdit={false}
        stopEditingWhenCellsLoseFocus
        onCellEditRequest={onCellEditRequest}
        onCellEditingStopped={onCellEditingStopped}
        onSelectionChanged={onSelectionChanged}
        onGridReady={onGridReady}
        onColumnMoved={onColumnChanged}
        onColumnResized={onColumnChanged}
        onColumnVisible={onColumnChanged}
        tooltipShowDelay={400}
        animateRows={false}
        focusGridInnerElement={focusCell}
        tabToNextCell={() => false}
        tabToNextHeader={() => false}
      />
    </div>
  );
}
