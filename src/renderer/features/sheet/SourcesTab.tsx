// The Sources tab: the case's documents with their reliability and how often they are cited.
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useState } from 'react';
import { FORMAT_LABEL, type DocumentFormat, type SourceSummary } from '../../../shared/model';
import { RELIABILITY } from '../../../shared/vocab';
import { attempt } from '../../lib/ipc';
import { saveFile } from '../../lib/platform';
import { useRevision } from '../../lib/store';
import { sheetActions } from './actions';
import { sheetTheme } from './agGrid';
import { QuickSearch, RowCount } from './Toolbar';

const COLUMNS: ColDef<SourceSummary>[] = [
  { colId: 'title', field: 'title', headerName: 'Title', width: 260, filter: 'agTextColumnFilter' },
  {
    colId: 'format',
    field: 'format',
    headerName: 'Format',
    width: 100,
    filter: 'agTextColumnFilter',
    valueFormatter: ({ value }) => (value ? (FORMAT_LABEL[value as DocumentFormat] ?? String(value)) : ''),
  },
  {
    colId: 'pageCount',
    field: 'pageCount',
    headerName: 'Pages',
    width: 90,
    type: 'numericColumn',
    filter: 'agNumberColumnFilter',
  },
  { colId: 'author', field: 'author', headerName: 'Author', width: 150, filter: 'agTextColumnFilter' },
  {
    colId: 'language',
    field: 'language',
    headerName: 'Language',
    width: 105,
    filter: 'agTextColumnFilter',
  },
  {
    colId: 'publisher',
    field: 'publisher',
    headerName: 'Publisher',
    width: 160,
    filter: 'agTextColumnFilter',
  },
  {
    colId: 'publishedOn',
    field: 'publishedOn',
    headerName: 'Published',
    width: 115,
    filter: 'agTextColumnFilter',
  },
  {
    colId: 'reliability',
    field: 'reliability',
    headerName: 'Reliability',
    width: 110,
    headerTooltip: `Admiralty letter ${RELIABILITY.join('–')}`,
    filter: 'agTextColumnFilter',
  },
  {
    colId: 'citationCount',
    field: 'citationCount',
    headerName: 'Citations',
    width: 105,
    filter: 'agNumberColumnFilter',
    type: 'numericColumn',
  },
  {
    colId: 'length',
    field: 'length',
    headerName: 'Length',
    width: 110,
    type: 'numericColumn',
    valueFormatter: ({ value }) => `${Number(value ?? 0).toLocaleString('en-US')} chars`,
  },
];

/**
 * The tab as CSV, the way the other tabs export: shown columns in order, the rows the quick search
 * and filters keep in their sort, the cells as they read, UTF-8 with a BOM and CRLF, formula-looking
 * cells neutralised. The list is small and already in the page, so ag-grid writes it here.
 */
export function sourcesCsv(api: GridApi<SourceSummary>): string {
  const csv = api.getDataAsCsv({
    processCellCallback: ({ value, column, node, api: grid }) => {
      const def = column.getColDef();
      const text =
        def.valueFormatter && typeof def.valueFormatter === 'function'
          ? def.valueFormatter({
              value,
              data: node?.data,
              node,
              colDef: def,
              column,
              api: grid,
              context: undefined,
            } as never)
          : value === null || value === undefined
            ? ''
            : String(value);
      return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    },
  });
  return `\uFEFF${csv ?? ''}`;
}

function sourcesCsvName(): string {
  return `sources ${new Date().toISOString().slice(0, 10)}.csv`;
}

export function SourcesTab() {
  const revision = useRevision(['source', 'citation']);
  const [rows, setRows] = useState<SourceSummary[] | null>(null);
  const [quick, setQuick] = useState('');
  const [api, setApi] = useState<GridApi<SourceSummary> | null>(null);
  useEffect(() => {
    void attempt('sources:list', {}).then((list) => setRows(list ?? []));
  }, [revision]);
  const exportCsv = useCallback(() => {
    if (api) void saveFile(sourcesCsvName(), sourcesCsv(api), 'text/csv; charset=utf-8');
  }, [api]);
  useEffect(() => {
    sheetActions.exportCsv = exportCsv;
    return () => {
      sheetActions.exportCsv = null;
    };
  }, [exportCsv]);
  return (
    <div className="sheet-tab">
      <div className="pane-toolbar sheet-toolbar" role="toolbar" aria-label="Sources">
        <QuickSearch label="Quick search sources" onChange={setQuick} />
        <RowCount total={rows?.length ?? null} noun={['source', 'sources']} />
        <span className="spacer" />
        <button type="button" onClick={exportCsv} title="Export what the tab shows (File ▸ Export ▸ CSV)">
          Export CSV
        </button>
      </div>
      <div className="sheet-grid" role="region" aria-label="Sources">
        <AgGridReact<SourceSummary>
          theme={sheetTheme}
          rowData={rows ?? undefined}
          columnDefs={COLUMNS}
          defaultColDef={{ resizable: true, sortable: true }}
          quickFilterText={quick}
          getRowId={(p) => String(p.data.id)}
          onGridReady={(e) => setApi(e.api)}
          overlayNoRowsTemplate="This case has no sources yet."
        />
      </div>
    </div>
  );
}
